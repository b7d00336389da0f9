import type { Comparison } from "#src/features/editions/compare.ts";
import type { EditionRow } from "#src/features/editions/repository.ts";
import type { Language } from "#src/domain/languages.ts";
import { localized, primaryOf } from "#src/domain/languages.ts";
import type { ReportRow } from "#src/features/catalog/repository.ts";
import { InlineDiff } from "#src/web/diff.tsx";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

type Props = {
  ctx: PageContext;
  report: ReportRow;
  editions: EditionRow[];
  from: string;
  to: string;
  /** Editors may compare with the living draft. */
  withDraft: boolean;
  comparison: Comparison | undefined;
  lang: Language;
};

/** Choose two editions (or an edition and the living draft) and see what changed. */
export function ComparePage({ ctx, report, editions, from, to, withDraft, comparison, lang }: Props) {
  const { t } = ctx;
  const primary = primaryOf(report);
  const name = (label: string) => (label === "draft" ? t("compare.draft") : label);
  const options = [...editions.map((e) => [e.label, `${e.label} · ${localized(e.titles, ctx.lang, primary)}`] as const), ...(withDraft ? [["draft", t("compare.draft")] as const] : [])];
  const list = (title: string, rows: { chapter: Record<string, string>; heading: string }[]) =>
    rows.length > 0 && (
      <section>
        <h2>{title}</h2>
        <ul>
          {rows.map((r) => (
            <li>
              {localized(r.chapter as { en: string }, lang, primary)} › {r.heading}
            </li>
          ))}
        </ul>
      </section>
    );
  const nothing = comparison && !comparison.added.length && !comparison.removed.length && !comparison.moved.length && !comparison.changed.length && !comparison.chaptersAdded.length && !comparison.chaptersRemoved.length;
  return (
    <Layout ctx={ctx} title={t("compare.title", { from: name(from), to: name(to) })} section="reports">
      <p class="breadcrumb">
        <a href={`/reports/${report.slug}/`}>{localized(report.titles, ctx.lang, primary)}</a>
      </p>
      <h1>{t("compare.title", { from: name(from), to: name(to) })}</h1>
      <form method="get" class="filters">
        {(["from", "to"] as const).map((field) => (
          <div class="field">
            <label for={`f-${field}`}>{t(`compare.${field}`)}</label>
            <select id={`f-${field}`} name={field} class="input">
              {options.map(([value, label]) => (
                <option value={value} selected={value === (field === "from" ? from : to)}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div class="actions">
          <button class="button button-secondary">{t("compare.show")}</button>
        </div>
      </form>
      {nothing && <p class="empty">{t("compare.nothing")}</p>}
      {comparison && (
        <>
          {list(t("compare.chaptersAdded"), comparison.chaptersAdded.map((c) => ({ chapter: c, heading: "" })))}
          {list(t("compare.chaptersRemoved"), comparison.chaptersRemoved.map((c) => ({ chapter: c, heading: "" })))}
          {list(t("compare.added"), comparison.added)}
          {list(t("compare.removed"), comparison.removed)}
          {comparison.moved.length > 0 && (
            <section>
              <h2>{t("compare.moved")}</h2>
              <ul>
                {comparison.moved.map((m) => (
                  <li>
                    {localized(m.chapter, lang, primary)} › {m.heading} <span class="muted">({t("compare.movedFrom", { from: localized(m.from, lang, primary) })})</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {comparison.changed.length > 0 && (
            <section>
              <h2>{t("compare.changed")}</h2>
              {comparison.changed.map((c) => (
                <article class="compare-item">
                  <h3>
                    {localized(c.chapter, lang, primary)} › {c.heading}
                  </h3>
                  <InlineDiff ctx={ctx} parts={[...c.headingDiff, { value: "\n\n", added: false, removed: false }, ...c.bodyDiff]} />
                </article>
              ))}
            </section>
          )}
        </>
      )}
    </Layout>
  );
}
