import { CASE_STUDY_STATES, type CaseStudyState } from "#src/domain/case-studies.ts";
import type { CaseStudyListRow } from "#src/features/case-studies/repository.ts";
import { CaseStudyTable } from "#src/features/case-studies/views/parts.tsx";
import type { ReportRow } from "#src/features/catalog/repository.ts";
import { localized, primaryOf } from "#src/domain/languages.ts";
import type { AppError } from "#src/lib/errors.ts";
import { ErrorSummary, Form, TextField } from "#src/web/components.tsx";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

/** The secretariat's queue: case studies by state, oldest submission first. */
export function QueuePage({ ctx, rows, counts, state }: { ctx: PageContext; rows: CaseStudyListRow[]; counts: Partial<Record<CaseStudyState, number>>; state: CaseStudyState | undefined }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("cs.queue")} section="editor">
      <p class="breadcrumb">
        <a href="/editor">{t("nav.editor")}</a>
      </p>
      <div class="page-head">
        <h1>{t("cs.queue")}</h1>
        <a class="button" href="/member/case-studies/new">
          {t("cs.new")}
        </a>
      </div>
      <nav aria-label={t("cs.byState")}>
        <ul class="badges">
          <li>
            <a class="tag tag-muted" href="/editor/case-studies" aria-current={state ? undefined : "page"}>
              {t("cs.waiting")}
            </a>
          </li>
          {CASE_STUDY_STATES.filter((s) => s !== "draft").map((s) => (
            <li>
              <a class="tag tag-muted" href={`/editor/case-studies?state=${s}`} aria-current={s === state ? "page" : undefined}>
                {t(`cs.state.${s}`)} ({counts[s] ?? 0})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <CaseStudyTable ctx={ctx} rows={rows} showOrganization />
    </Layout>
  );
}

type AnnexRow = CaseStudyListRow & { position: number };

/** Which published case studies the report's next edition annexes, and in what order. */
export function AnnexPage({ ctx, report, rows, error }: { ctx: PageContext; report: ReportRow; rows: AnnexRow[]; error?: AppError | undefined }) {
  const { t, lang } = ctx;
  const title = localized(report.titles, lang, primaryOf(report));
  const ids = rows.map((r) => r.id);
  // Each button posts the whole list in a new order: simple, and it works without JavaScript.
  const orderForm = (label: string, order: string[], danger = false) => (
    <Form ctx={ctx} action={`/editor/reports/${report.slug}/annex`} class="inline-form">
      {order.map((id) => (
        <input type="hidden" name="caseStudies" value={id} />
      ))}
      <button type="submit" class={danger ? "link-button link-danger small" : "link-button small"}>
        {label}
      </button>
    </Form>
  );
  const swap = (i: number, j: number) => {
    const copy = [...ids];
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    return copy;
  };
  return (
    <Layout ctx={ctx} title={t("annex.title")} section="editor">
      <p class="breadcrumb">
        <a href="/editor">{t("nav.editor")}</a> › <a href={`/editor/reports/${report.slug}`}>{title}</a>
      </p>
      <h1>{t("annex.title")}</h1>
      <p class="lead">{t("annex.lead")}</p>
      <ErrorSummary t={t} errors={error?.fields} code={error?.code} />
      {rows.length === 0 ? (
        <p class="empty">{t("annex.empty")}</p>
      ) : (
        <ol class="annex-list">
          {rows.map((r, i) => (
            <li>
              <span class="chapter-number">{i + 1}</span>
              <span>
                <a href={`/member/case-studies/${r.id}`}>{r.title}</a> <span class="muted small">· {r.organization}</span>
              </span>
              <span class="row-actions">
                {i > 0 && orderForm(t("common.moveUp"), swap(i, i - 1))}
                {i < rows.length - 1 && orderForm(t("common.moveDown"), swap(i, i + 1))}
                {orderForm(t("annex.remove"), ids.filter((id) => id !== r.id), true)}
              </span>
            </li>
          ))}
        </ol>
      )}
      <Form ctx={ctx} action={`/editor/reports/${report.slug}/annex/add`} class="inline-fields">
        <TextField t={t} name="slug" label={t("annex.add")} hint={t("annex.addHint")} errors={error?.fields} />
        <button type="submit" class="button button-secondary">
          {t("annex.addButton")}
        </button>
      </Form>
    </Layout>
  );
}
