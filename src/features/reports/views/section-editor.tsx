import type { ContentWarning } from "#src/content/html.ts";
import type { Language } from "#src/domain/languages.ts";
import { SECTION_STATUSES } from "#src/domain/reports.ts";
import type { Disposition } from "#src/domain/reviews.ts";
import { type TranslationState } from "#src/features/reports/draft.ts";
import { localized } from "#src/domain/languages.ts";
import type { DiffPart } from "#src/lib/merge.ts";
import type { ChapterRow, RevisionRow, SectionRow } from "#src/features/reports/repository.ts";
import type { ReportRow } from "#src/features/catalog/repository.ts";
import type { AppError } from "#src/lib/errors.ts";
import { ErrorSummary, Form, valueOf, type FormValues } from "#src/web/components.tsx";
import { assetUrl } from "#src/web/assets.ts";
import { LANGUAGE_NAMES } from "#src/i18n/i18n.ts";
import { FindingsList, type FindingsView } from "#src/web/findings.tsx";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";
import { InlineDiff } from "#src/web/diff.tsx";
import { PickerMessages } from "#src/features/reports/views/picker-messages.tsx";
import { RichEditorRoot, RichEditorScript } from "#src/features/reports/views/rich-editor.tsx";

export type Rendered = { html: string; warnings: ContentWarning[] };

export type EditorProps = {
  ctx: PageContext;
  report: ReportRow;
  chapter: ChapterRow;
  section: SectionRow;
  lang: Language;
  primary: Language;
  head: RevisionRow | undefined;
  /** What the form shows: the head's text, or what was submitted. */
  values: FormValues;
  preview: Rendered;
  states: Partial<Record<Language, TranslationState>>;
  error?: AppError | undefined;
  /** A stale save whose merge with their revision was clean: the form holds the merged text, unsaved. */
  conflict?: { theirs: RevisionRow; theirAuthor: string } | undefined;
  /** What fed the section: evidence it places, outcomes behind its recommendations, comments on it. */
  provenance?: SectionProvenance | undefined;
  /** The checks before publishing, on this section (every language). */
  findings?: FindingsView | undefined;
  /** For a translation: the source text and, when out of date, how it changed since. */
  source?: { revision: RevisionRow; html: string; changes: DiffPart[] | undefined } | undefined;
};

const TOOLBAR = [
  ["tb.heading", "\n### ", ""],
  ["tb.list", "\n- ", ""],
  ["tb.link", "[", "](https://)"],
  ["tb.table", "\n| Column | Column |\n|---|---|\n| | |\n", ""],
  ["tb.footnote", "[^1]", "\n\n[^1]: "],
  ["tb.figure", "\n::figure{ref=", "}\n"],
  ["tb.caseStudy", ":case-study[", "]{ref=}"],
  ["tb.recommendation", "\n::recommendation{ref=", "}\n"],
] as const;

function Warnings({ ctx, warnings }: { ctx: PageContext; warnings: ContentWarning[] }) {
  if (!warnings.length) return null;
  return (
    <div class="notice notice-action" role="note">
      <p>
        <strong>{ctx.t("editor.warnings")}</strong>
      </p>
      <ul>
        {warnings.map((w) => (
          <li>
            {w.code === "unknown-directive"
              ? ctx.t("content.warning.unknownDirective", { name: w.name })
              : w.code === "missing-ref"
                ? ctx.t("content.warning.missingRef", { name: w.name })
                : ctx.t("content.warning.unknownRef", { name: w.name, ref: w.ref ?? "" })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The section editor: Markdown with toolbar and preview; translations beside their source; conflicts. */
export function SectionEditorPage(props: EditorProps) {
  const { ctx, report, chapter, section, lang, primary, head, values, preview, error, conflict, source } = props;
  const { t } = ctx;
  const heading = valueOf(values, "heading") || section.slug;
  const base = `/editor/sections/${section.id}`;
  const isTranslation = lang !== primary;
  return (
    <Layout ctx={ctx} title={heading} section="editor">
      <p class="breadcrumb">
        <a href="/editor">{t("nav.editor")}</a> › <a href={`/editor/reports/${report.slug}`}>{localized(report.titles, ctx.lang, primary)}</a> ›{" "}
        {localized(chapter.titles, ctx.lang, primary)}
      </p>
      <div class="page-head">
        <h1>{isTranslation ? t("translation.title", { lang: LANGUAGE_NAMES[lang] }) : heading}</h1>
        <a class="button button-secondary" href={`${base}/${lang}/history`}>
          {t("editor.history")}
        </a>
      </div>
      <nav class="lang-tabs" aria-label={t("editor.translations")}>
        {report.languages.map((l) => (
          <a href={`${base}/${l}`} aria-current={l === lang ? "page" : undefined} lang={l}>
            {LANGUAGE_NAMES[l]}
            {l !== primary && <span class={`tag tag-${props.states[l] ?? "missing"}`}>{props.states[l] === "upToDate" ? t("translation.upToDate") : props.states[l] === "outOfDate" ? "!" : "–"}</span>}
          </a>
        ))}
      </nav>
      {props.findings && props.findings.findings.length > 0 && (
        <section class="panel" aria-labelledby="section-findings-h">
          <h2 id="section-findings-h">{t("findings.sectionTitle")}</h2>
          <FindingsList t={t} lang={ctx.lang} findings={props.findings} compact />
        </section>
      )}
      {conflict && (
        <section class="conflict" aria-labelledby="conflict-h">
          <h2 id="conflict-h">{t("conflict.title")}</h2>
          <p>{t("conflict.combined", { name: conflict.theirAuthor, id: conflict.theirs.id })}</p>
        </section>
      )}
      <ErrorSummary t={t} errors={error?.fields} code={error?.code === "STALE_REVISION" ? undefined : error?.code} labels={{ heading: t("editor.heading"), body: t("editor.body") }} />
      <div class="editor-grid">
        {source && (
          <section class="source" aria-labelledby="source-h" lang={primary}>
            <h2 id="source-h">{t("translation.source", { lang: LANGUAGE_NAMES[primary], id: source.revision.id })}</h2>
            {source.changes && (
              <div class="notice notice-action">
                <p>
                  <strong>{t("translation.outOfDate")}</strong>
                </p>
                <p class="small">{t("translation.sourceChanges")}:</p>
                <InlineDiff ctx={ctx} parts={source.changes} />
              </div>
            )}
            <h3>{source.revision.heading}</h3>
            <div class="prose" dangerouslySetInnerHTML={{ __html: source.html }} />
          </section>
        )}
        <Form ctx={ctx} action={`${base}/${lang}`} class="stack section-form">
          <input type="hidden" name="baseRevisionId" value={conflict ? String(conflict.theirs.id) : valueOf(values, "baseRevisionId")} />
          <div class="field">
            <label for="f-heading">{t("editor.heading")}</label>
            <input id="f-heading" name="heading" class="input" value={heading === section.slug ? valueOf(values, "heading") : heading} required maxLength={300} lang={lang} />
          </div>
          <div class={error?.fields.body ? "field field-error" : "field"}>
            <label for="f-body" id="l-body">
              {conflict ? t("conflict.merge") : t("editor.body")}
            </label>
            <p class="hint" id="h-body">
              {t("editor.hint.body")}
            </p>
            {error?.fields.body && (
              <p class="error-message" id="e-body">
                {t(error.fields.body as "field.invalid")}
              </p>
            )}
            <RichEditorRoot
              t={t}
              report={report.slug}
              section={section.id}
              chapter={chapter.slug}
              lang={lang}
              baseRevision={conflict ? String(conflict.theirs.id) : valueOf(values, "baseRevisionId")}
            />
            <div class="toolbar md-toolbar" role="toolbar" aria-label={t("editor.toolbar")} aria-controls="f-body" hidden>
              {TOOLBAR.map(([key, before, after]) => (
                <button type="button" class="button button-small button-secondary" data-before={before} data-after={after}>
                  {t(key)}
                </button>
              ))}
            </div>
            <textarea id="f-body" name="body" class="input mono" rows={22} lang={lang} aria-describedby={error?.fields.body ? "h-body e-body" : "h-body"} data-preview="#preview">
              {valueOf(values, "body")}
            </textarea>
          </div>
          <div class="field">
            <label for="f-summary">
              {t("editor.summary")} <span class="optional">({t("common.optional")})</span>
            </label>
            <input id="f-summary" name="summary" class="input" value={valueOf(values, "summary")} maxLength={300} />
          </div>
          <div class="actions">
            <button class="button" name="intent" value="save">
              {t("editor.save")}
            </button>
            <button class="button button-secondary" name="intent" value="preview">
              {t("editor.preview")}
            </button>
            <span class="muted small">{head ? t("editor.revision", { id: head.id }) : t("editor.newSection")}</span>
          </div>
        </Form>
        {!source && (
          <section aria-labelledby="preview-h" class="preview-pane">
            <h2 id="preview-h">{t("editor.preview")}</h2>
            <Warnings ctx={ctx} warnings={preview.warnings} />
            <div id="preview" class="prose" aria-live="polite" lang={lang} dangerouslySetInnerHTML={{ __html: preview.html }} />
          </section>
        )}
      </div>
      {!isTranslation && (
        <Form ctx={ctx} action={`${base}/status`} class="inline-fields status-form">
          <label for="f-status">{t("editor.status")}</label>
          <select id="f-status" name="status" class="input input-medium">
            {SECTION_STATUSES.map((s) => (
              <option value={s} selected={s === section.status}>
                {t(`sectionStatus.${s}`)}
              </option>
            ))}
          </select>
          <button class="button button-small button-secondary">{t("editor.setStatus")}</button>
        </Form>
      )}
      {props.provenance && <ProvenancePanel ctx={ctx} provenance={props.provenance} />}
      <PickerMessages t={t} />
      <script src={assetUrl("editor.js")} defer />
      <RichEditorScript />
    </Layout>
  );
}

/**
 * What fed a section, as the panel shows it. The provenance feature reads it (it sees review
 * comments, which sit above the draft) and the section routes are given the reader.
 */
export type SectionProvenance = {
  caseStudies: { id: string; slug: string; title: string; state: string }[];
  figures: { slug: string; title: string }[];
  recommendations: { id: string; slug: string; text: string }[];
  outcomes: { outcome: { id: string }; event: { id: string; title: string }; part: { title: string } | null }[];
  comments: { id: string; roundId: string; roundTitle: string; organizationName: string | null; disposition: Disposition | null }[];
};

/** Where the section's words came from, each item linked to its own page. */
function ProvenancePanel({ ctx, provenance }: { ctx: PageContext; provenance: SectionProvenance }) {
  const { t } = ctx;
  const { caseStudies, figures, recommendations, outcomes, comments } = provenance;
  const empty = <p class="empty small">{t("provenance.none")}</p>;
  return (
    <section class="panel provenance" aria-labelledby="provenance-h">
      <h2 id="provenance-h">{t("provenance.title")}</h2>
      <p class="muted small">{t("provenance.lead")}</p>
      <div class="provenance-grid">
        <div>
          <h3>{t("provenance.recommendations")}</h3>
          {recommendations.length === 0
            ? empty
            : (
              <ul>
                {recommendations.map((r) => (
                  <li>
                    <a href={`/editor/recommendations/${r.id}`}>{r.slug}</a> <span class="small">{r.text}</span>
                  </li>
                ))}
              </ul>
            )}
          <h3>{t("provenance.outcomes")}</h3>
          {outcomes.length === 0
            ? empty
            : (
              <ul>
                {outcomes.map((o) => (
                  <li>
                    <a href={`/editor/events/${o.event.id}#outcome-${o.outcome.id}`}>{o.event.title}</a>
                    {o.part && <span class="muted small"> · {o.part.title}</span>}
                  </li>
                ))}
              </ul>
            )}
        </div>
        <div>
          <h3>{t("provenance.caseStudies")}</h3>
          {caseStudies.length === 0
            ? empty
            : (
              <ul>
                {caseStudies.map((c) => (
                  <li>
                    <a href={c.state === "published" ? `/case-studies/${c.slug}` : `/member/case-studies/${c.id}`}>{c.title}</a>
                  </li>
                ))}
              </ul>
            )}
          <h3>{t("provenance.figures")}</h3>
          {figures.length === 0
            ? empty
            : (
              <ul>
                {figures.map((f) => (
                  <li>
                    <a href={`/figures/${f.slug}.svg`}>{f.title}</a>
                  </li>
                ))}
              </ul>
            )}
        </div>
        <div>
          <h3>{t("provenance.comments")}</h3>
          {comments.length === 0
            ? empty
            : (
              <ul>
                {comments.map((c) => (
                  <li>
                    <a href={`/editor/reviews/${c.roundId}#comment-${c.id}`}>{c.roundTitle}</a> · {c.organizationName ?? t("review.secretariat")}
                    {c.disposition && <> <span class="tag">{t(`review.disposition.${c.disposition}`)}</span></>}
                  </li>
                ))}
              </ul>
            )}
        </div>
      </div>
    </section>
  );
}
