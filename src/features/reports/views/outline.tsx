import { LANGUAGES, type Language } from "#src/domain/languages.ts";
import { CHAPTER_KINDS, TEMPLATE_NAMES } from "#src/domain/reports.ts";
import { type Draft, type DraftChapter, type DraftSection, translationState } from "#src/features/reports/draft.ts";
import { localized, primaryOf } from "#src/domain/languages.ts";
import type { ReportRow, TechnologyRow } from "#src/features/catalog/repository.ts";
import type { AppError } from "#src/lib/errors.ts";
import { ErrorSummary, Form, SelectField, TextField, type FormValues } from "#src/web/components.tsx";
import { LANGUAGE_NAMES } from "#src/i18n/i18n.ts";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

/** The editors' landing page: reports, and a form for a new one. */
export function ReportsPage({ ctx, reports, values, error }: { ctx: PageContext; reports: ReportRow[]; values?: FormValues; error?: AppError }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t("reports.title")} section="editor">
      <div class="page-head">
        <h1>{t("reports.title")}</h1>
        <div class="actions">
          <a href="/editor/case-studies" class="button button-secondary">
            {t("cs.queue")}
          </a>
          <a href="/editor/surveys" class="button button-secondary">
            {t("survey.title")}
          </a>
          <a href="/editor/technologies" class="button button-secondary">
            {t("tech.title")}
          </a>
        </div>
      </div>
      {reports.length === 0 ? (
        <p class="empty">{t("reports.none")}</p>
      ) : (
        <ul class="cards">
          {reports.map((r) => (
            <li class="card">
              <h2>
                <a href={`/editor/reports/${r.slug}`}>{localized(r.titles, lang, primaryOf(r))}</a>
              </h2>
              <p class="muted">{r.languages.map((l) => LANGUAGE_NAMES[l]).join(" · ")}</p>
            </li>
          ))}
        </ul>
      )}
      <details class="panel" open={Boolean(error)}>
        <summary>{t("reports.new")}</summary>
        <ErrorSummary t={t} errors={error?.fields} code={error?.code} labels={{ slug: t("reports.slug"), title: t("reports.titleField") }} />
        <Form ctx={ctx} action="/editor/reports" class="stack form-wide">
          <TextField t={t} name="title" label={t("reports.titleField")} values={values} errors={error?.fields} required />
          <TextField t={t} name="slug" label={t("reports.slug")} hint={t("reports.hint.slug")} values={values} errors={error?.fields} required size="medium" />
          <SelectField t={t} name="primaryLanguage" label={t("reports.primaryLanguage")} values={values ?? { primaryLanguage: "en" }} errors={error?.fields} options={LANGUAGES.map((l) => [l, LANGUAGE_NAMES[l]])} />
          <fieldset class="field">
            <legend>{t("reports.translations")}</legend>
            {LANGUAGES.map((l) => (
              <label class="check">
                <input type="checkbox" name="translations" value={l} /> {LANGUAGE_NAMES[l]}
              </label>
            ))}
          </fieldset>
          <div class="actions">
            <button class="button" type="submit">
              {t("common.create")}
            </button>
          </div>
        </Form>
      </details>
    </Layout>
  );
}

/** Up and down buttons: reordering that works with a keyboard and without drag and drop. */
function MoveButtons({ ctx, action }: { ctx: PageContext; action: string }) {
  return (
    <Form ctx={ctx} action={action}>
      <button class="button button-small button-secondary" name="direction" value="up">
        ↑ {ctx.t("outline.moveUp")}
      </button>{" "}
      <button class="button button-small button-secondary" name="direction" value="down">
        ↓ {ctx.t("outline.moveDown")}
      </button>
    </Form>
  );
}

function TranslationBadges({ ctx, draft, section }: { ctx: PageContext; draft: Draft; section: DraftSection }) {
  const { t } = ctx;
  return (
    <span class="badges">
      {draft.report.languages.slice(1).map((l) => {
        const state = translationState(section, draft.primary, l);
        const label = state === "missing" ? t("translation.missing") : state === "outOfDate" ? t("translation.outOfDate").split(":")[0] : t("translation.upToDate");
        return (
          <a href={`/editor/sections/${section.id}/${l}`} class={`tag tag-${state}`} title={`${LANGUAGE_NAMES[l]}: ${label}`}>
            {l.toUpperCase()} · {label}
          </a>
        );
      })}
    </span>
  );
}

function SectionItem({ ctx, draft, chapter, section }: { ctx: PageContext; draft: Draft; chapter: DraftChapter; section: DraftSection }) {
  const { t } = ctx;
  const heading = section.texts[draft.primary]?.heading ?? section.slug;
  const empty = !section.texts[draft.primary]?.body.trim();
  return (
    <li class="outline-section">
      <div class="outline-row">
        <a href={`/editor/sections/${section.id}/${draft.primary}`} class="outline-title">
          {heading}
        </a>
        <span class={`tag tag-${empty ? "muted" : section.status}`}>{empty ? t("status.empty") : t(`sectionStatus.${section.status}`)}</span>
        <TranslationBadges ctx={ctx} draft={draft} section={section} />
      </div>
      <details class="row-actions">
        <summary>{t("outline.sectionActions", { name: heading })}</summary>
        <div class="action-bar">
          <MoveButtons ctx={ctx} action={`/editor/sections/${section.id}/move`} />
          <Form ctx={ctx} action={`/editor/sections/${section.id}/move-to`} class="inline-fields">
            <label for={`move-${section.id}`}>{t("outline.moveTo")}</label>
            <select id={`move-${section.id}`} name="chapterId" class="input input-medium">
              {draft.chapters.map((c) => (
                <option value={c.id} selected={c.id === chapter.id}>
                  {localized(c.titles, ctx.lang, draft.primary)}
                </option>
              ))}
            </select>
            <button class="button button-small button-secondary">{t("outline.move")}</button>
          </Form>
          <Form ctx={ctx} action={`/editor/sections/${section.id}/remove`}>
            <button class="button button-small button-danger">{t("outline.remove")}</button>
          </Form>
        </div>
      </details>
    </li>
  );
}

function ChapterCard({ ctx, draft, chapter, index, titleLanguage }: { ctx: PageContext; draft: Draft; chapter: DraftChapter; index: number; titleLanguage: Language }) {
  const { t } = ctx;
  const title = localized(chapter.titles, ctx.lang, draft.primary);
  return (
    <section class="outline-chapter" aria-labelledby={`ch-${chapter.id}`}>
      <div class="outline-row">
        <h2 id={`ch-${chapter.id}`}>
          <span class="chapter-number">{index + 1}.</span> {title}
        </h2>
        <span class="tag tag-muted">{t(`chapterKind.${chapter.kind}`)}</span>
      </div>
      <details class="row-actions">
        <summary>{t("outline.chapterActions", { name: title })}</summary>
        <div class="action-bar">
          <Form ctx={ctx} action={`/editor/chapters/${chapter.id}/rename`} class="inline-fields">
            <label for={`rename-lang-${chapter.id}`}>{t("outline.titleLanguage")}</label>
            <select id={`rename-lang-${chapter.id}`} name="language" class="input input-short">
              {draft.report.languages.map((l) => (
                <option value={l} selected={l === titleLanguage}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
            <label for={`rename-${chapter.id}`}>{t("outline.chapterTitle")}</label>
            <input
              id={`rename-${chapter.id}`}
              name="title"
              class="input"
              lang={titleLanguage}
              value={chapter.titles[titleLanguage] ?? ""}
              placeholder={chapter.titles[titleLanguage] ? undefined : chapter.titles[draft.primary]}
              required
              maxLength={300}
            />
            <button class="button button-small button-secondary">{t("outline.rename")}</button>
          </Form>
          <MoveButtons ctx={ctx} action={`/editor/chapters/${chapter.id}/move`} />
          <Form ctx={ctx} action={`/editor/chapters/${chapter.id}/remove`}>
            <button class="button button-small button-danger">{t("outline.remove")}</button>
          </Form>
        </div>
      </details>
      {chapter.sections.length === 0 ? (
        <p class="empty">{t("outline.noSections")}</p>
      ) : (
        <ol class="outline-sections">
          {chapter.sections.map((s) => (
            <SectionItem ctx={ctx} draft={draft} chapter={chapter} section={s} />
          ))}
        </ol>
      )}
      <Form ctx={ctx} action={`/editor/chapters/${chapter.id}/sections`} class="inline-fields add-section">
        <label for={`add-${chapter.id}`}>{t("outline.addSection")}</label>
        <input id={`add-${chapter.id}`} name="heading" class="input" required maxLength={300} placeholder={t("outline.sectionHeading")} />
        <button class="button button-small">{t("outline.addSection")}</button>
      </Form>
    </section>
  );
}

/** A report's outline: chapters and sections with every structural action, keyboard-friendly. */
export function OutlinePage(props: { ctx: PageContext; draft: Draft; titleLanguage?: Language; technologies: TechnologyRow[]; values?: FormValues; error?: AppError }) {
  const { ctx, draft, technologies, values, error } = props;
  const titleLanguage = props.titleLanguage ?? draft.primary;
  const { t, lang } = ctx;
  const title = localized(draft.report.titles, lang, draft.primary);
  const base = `/editor/reports/${draft.report.slug}`;
  return (
    <Layout ctx={ctx} title={`${t("outline.title")}: ${title}`} section="editor">
      <p class="breadcrumb">
        <a href="/editor">{t("nav.editor")}</a>
      </p>
      <div class="page-head">
        <h1>{title}</h1>
        <div class="actions">
          <a class="button button-secondary" href={`/draft/${draft.report.slug}/${lang}/`}>
            {t("outline.readDraft")}
          </a>
          <a class="button button-secondary" href={`${base}/status`}>
            {t("status.title")}
          </a>
          <a class="button button-secondary" href={`${base}/editions`}>
            {t("edition.manage")}
          </a>
          <a class="button button-secondary" href={`${base}/annex`}>
            {t("annex.manage")}
          </a>
          <a class="button button-secondary" href={`${base}/events`}>
            {t("event.title")}
          </a>
          <a class="button button-secondary" href={`${base}/recommendations`}>
            {t("rec.title")}
          </a>
          <a class="button button-secondary" href={`${base}/reviews`}>
            {t("review.title")}
          </a>
          <a class="button button-secondary" href={`${base}/traceability`}>
            {t("trace.title")}
          </a>
          <a class="button button-secondary" href={`/reports/${draft.report.slug}/proposals`}>
            {t("proposal.title")}
          </a>
        </div>
      </div>
      {draft.chapters.length === 0 && <p class="empty">{t("outline.empty")}</p>}
      {draft.chapters.map((chapter, i) => (
        <ChapterCard ctx={ctx} draft={draft} chapter={chapter} index={i} titleLanguage={titleLanguage} />
      ))}
      <section class="panel" aria-labelledby="add-chapter">
        <h2 id="add-chapter">{t("outline.addChapter")}</h2>
        <ErrorSummary t={t} errors={error?.fields} code={error?.code} labels={{ title: t("outline.chapterTitle"), kind: t("outline.kind") }} />
        <Form ctx={ctx} action={`${base}/chapters`} class="stack form-wide">
          <TextField t={t} name="title" label={t("outline.chapterTitle")} values={values} errors={error?.fields} required />
          <SelectField t={t} name="kind" label={t("outline.kind")} values={values ?? { kind: "topic" }} errors={error?.fields} options={CHAPTER_KINDS.map((k) => [k, t(`chapterKind.${k}`)])} />
          <SelectField t={t} name="technologyId" label={t("outline.technology")} values={values} errors={error?.fields} optional empty={t("org.none")} options={technologies.map((x) => [x.id, localized(x.names, lang, "en")])} />
          <SelectField t={t} name="template" label={t("outline.template")} values={values ?? { template: "technology" }} errors={error?.fields} options={TEMPLATE_NAMES.map((n) => [n, t(`template.name.${n}`)])} />
          <div class="actions">
            <button class="button">{t("outline.addChapter")}</button>
          </div>
        </Form>
      </section>
    </Layout>
  );
}
