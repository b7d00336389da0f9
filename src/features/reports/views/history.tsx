import type { Language } from "#src/domain/languages.ts";
import type { DiffPart } from "#src/lib/merge.ts";
import type { RevisionRow, SectionRow } from "#src/features/reports/repository.ts";
import { DateTime } from "#src/web/components.tsx";
import { InlineDiff } from "#src/web/diff.tsx";
import { LANGUAGE_NAMES } from "#src/i18n/i18n.ts";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

function SideBySide({ ctx, parts }: { ctx: PageContext; parts: DiffPart[] }) {
  return (
    <div class="editor-grid">
      <div class="diff">{parts.map((p) => (p.added ? null : p.removed ? <del title={ctx.t("diff.removed")}>{p.value}</del> : <span>{p.value}</span>))}</div>
      <div class="diff">{parts.map((p) => (p.removed ? null : p.added ? <ins title={ctx.t("diff.added")}>{p.value}</ins> : <span>{p.value}</span>))}</div>
    </div>
  );
}

type Row = { revision: RevisionRow; authorName: string | null };

/** A section's revisions in one language, with a form to compare any two. */
export function HistoryPage({ ctx, section, lang, rows, heading }: { ctx: PageContext; section: SectionRow; lang: Language; rows: Row[]; heading: string }) {
  const { t } = ctx;
  const base = `/editor/sections/${section.id}/${lang}`;
  return (
    <Layout ctx={ctx} title={`${t("history.title")}: ${heading}`} section="editor">
      <p class="breadcrumb">
        <a href={base}>{heading}</a> · {LANGUAGE_NAMES[lang]}
      </p>
      <h1>{t("history.title")}</h1>
      <form method="get" action={`${base}/diff`}>
        <div class="table-wrap">
          <table class="data">
            <caption class="visually-hidden">{heading}</caption>
            <thead>
              <tr>
                <th scope="col">{t("history.from")}</th>
                <th scope="col">{t("history.to")}</th>
                <th scope="col">{t("history.revision")}</th>
                <th scope="col">{t("history.when")}</th>
                <th scope="col">{t("history.author")}</th>
                <th scope="col">{t("history.summary")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ revision, authorName }, i) => (
                <tr>
                  <td>
                    <input type="radio" name="from" value={revision.id} checked={i === 1} aria-label={`${t("history.from")} ${revision.id}`} />
                  </td>
                  <td>
                    <input type="radio" name="to" value={revision.id} checked={i === 0} aria-label={`${t("history.to")} ${revision.id}`} />
                  </td>
                  <td>
                    {revision.id}
                    {i === 0 && <span class="muted"> ({t("history.current")})</span>}
                  </td>
                  <td>
                    <DateTime value={revision.createdAt} lang={ctx.lang} withTime />
                  </td>
                  <td>{authorName ?? t("audit.system")}</td>
                  <td>{revision.summary ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div class="actions">
          <button class="button" name="view" value="inline">
            {t("history.compare")}: {t("diff.inline")}
          </button>
          <button class="button button-secondary" name="view" value="side">
            {t("history.compare")}: {t("diff.sideBySide")}
          </button>
        </div>
      </form>
    </Layout>
  );
}

/** The word-level changes between two revisions of a section. */
export function DiffPage(props: { ctx: PageContext; section: SectionRow; lang: Language; from: RevisionRow; to: RevisionRow; heading: DiffPart[]; body: DiffPart[]; view: "inline" | "side" }) {
  const { ctx, section, lang, from, to, view } = props;
  const { t } = ctx;
  const base = `/editor/sections/${section.id}/${lang}`;
  const other = view === "inline" ? "side" : "inline";
  return (
    <Layout ctx={ctx} title={t("diff.title", { from: from.id, to: to.id })} section="editor">
      <p class="breadcrumb">
        <a href={base}>{to.heading}</a> › <a href={`${base}/history`}>{t("history.title")}</a>
      </p>
      <div class="page-head">
        <h1>{t("diff.title", { from: from.id, to: to.id })}</h1>
        <a class="button button-secondary" href={`${base}/diff?from=${from.id}&to=${to.id}&view=${other}`}>
          {other === "side" ? t("diff.sideBySide") : t("diff.inline")}
        </a>
      </div>
      <h2>{t("editor.heading")}</h2>
      {view === "inline" ? <InlineDiff ctx={ctx} parts={props.heading} /> : <SideBySide ctx={ctx} parts={props.heading} />}
      <h2>{t("editor.body")}</h2>
      {view === "inline" ? <InlineDiff ctx={ctx} parts={props.body} /> : <SideBySide ctx={ctx} parts={props.body} />}
    </Layout>
  );
}
