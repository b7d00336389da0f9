import { type Passage, type PassageTarget, type WordPreview } from "#src/domain/case-study-imports.ts";
import { STAGES, TEXT_FIELDS } from "#src/domain/case-studies.ts";
import type { Language } from "#src/domain/languages.ts";
import { titleFromFilename } from "#src/features/case-studies/import.ts";
import { movesFor, targetField, targetOf } from "#src/features/case-studies/import-choices.ts";
import { isMessageKey, type Translate } from "#src/i18n/i18n.ts";
import { renderMarkdown } from "#src/content/render.ts";
import type { AppError } from "#src/lib/errors.ts";
import { CheckboxGroup, ErrorSummary, Form, SelectField, TextField, type FormValues } from "#src/web/components.tsx";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

/** The fields whose text passages fill, in the order the form shows them. */
const TEXT_SECTIONS = [...TEXT_FIELDS, "partners", "contact", "links"] as const;

/** A passage target's name, as the case-study form calls that field. */
export function targetLabel(t: Translate, target: PassageTarget): string {
  switch (target) {
    case "partners":
    case "contact":
    case "links":
    case "period":
    case "technologies":
    case "stage":
      return t(`cs.${target}`);
    case "unplaced":
      return t("import.target.unplaced");
    default:
      return t(`cs.field.${target}`);
  }
}

/** A passage's Markdown with its pictures as "[picture: caption]": the review shows no picture and loads nothing. */
export function readablePassage(t: Translate, markdown: string, images: WordPreview["images"]): string {
  return markdown.replace(/!\[((?:[^\]\\]|\\.)*)\]\((case-study-image-\d+)(?:\s+"[^"]*")?\)/g, (_, alt: string, placeholder: string) => {
    const image = images.find((i) => i.placeholder === placeholder);
    const caption = (image?.caption || image?.alt || alt).trim();
    return caption ? t("import.picture", { caption }) : t("import.pictureNoCaption");
  });
}

/**
 * Each passage as readers will see its text (by passage number), pictures as "[picture: caption]".
 * The engine keeps a document to a few hundred passages; each is rendered on its own (the renderer
 * caches them) and the loop is given back between passages, so a long document holds no one up.
 */
export async function renderPassages(t: Translate, lang: Language, preview: WordPreview): Promise<Record<number, string>> {
  const html: Record<number, string> = {};
  for (const p of preview.passages) {
    const rendered = await renderMarkdown(readablePassage(t, p.markdown, preview.images), { lang, textLang: preview.language, idPrefix: `import-${p.n}`, warnings: "hide" });
    html[p.n] = rendered.html;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return html;
}

/** Where a passage came from in the document, in words. */
function origin(t: Translate, p: Passage): string {
  // The line's own label is not kept: the field it named is (where the engine first put the passage).
  if (p.reason === "label") return t("import.origin.label", { n: p.n, field: targetLabel(t, p.target) });
  if (p.heading === null) return t("import.origin.before", { n: p.n });
  if (p.reason === "organization") return t("import.origin.organization", { n: p.n, heading: p.heading });
  if (p.reason === "none") return t("import.origin.other", { n: p.n, heading: p.heading });
  return t("import.origin.heading", { n: p.n, heading: p.heading });
}

type PassagesProps = { ctx: PageContext; passages: Passage[]; html: Record<number, string>; values: FormValues; error?: AppError | undefined; textLang: Language };

/** Passages with their origin, their text and the list that moves them. */
function Passages({ ctx, passages, html, values, error, textLang }: PassagesProps) {
  const { t } = ctx;
  return (
    <ul class="import-passages">
      {passages.map((p) => {
        const name = targetField(p.n);
        const problem = error?.fields[name];
        return (
          <li class={problem ? "import-passage field-error" : "import-passage"} id={`passage-${p.n}`}>
            <p class="import-origin">{origin(t, p)}</p>
            <div class="import-text prose" lang={textLang === ctx.lang ? undefined : textLang} dangerouslySetInnerHTML={{ __html: html[p.n] ?? "" }} />
            <div class="import-move">
              <label for={`f-${name}`}>{t("import.move", { n: p.n })}</label>
              {problem && (
                <p class="error-message" id={`e-${name}`}>
                  {t("field.invalid")}
                </p>
              )}
              <select id={`f-${name}`} name={name} class="input" aria-invalid={problem ? "true" : undefined} aria-describedby={problem ? `e-${name}` : undefined}>
                {movesFor(p).map((target) => (
                  <option value={target} selected={target === targetOf(values, p)}>
                    {targetLabel(t, target)}
                  </option>
                ))}
              </select>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

type Props = {
  ctx: PageContext;
  id: string;
  filename: string;
  preview: WordPreview;
  /** The form as it stands: the preview's proposal, or what the member last sent. */
  values: FormValues;
  /** Each passage's HTML, by number (renderPassages). */
  html: Record<number, string>;
  /** The technologies that may be ticked: [slug, name]. */
  technologies: [string, string][];
  error?: AppError | undefined;
};

/**
 * The review of a Word import before anything is saved: each field with the passages going to it
 * and where they came from, a list on each passage to move it, the unplaced passages, and what the
 * import left out. "Update" regroups the passages; "Create the draft" saves.
 */
export function ImportReviewPage({ ctx, id, filename, preview, values, html, technologies, error }: Props) {
  const { t } = ctx;
  const errors = error?.fields;
  const title = t("import.title", { filename });
  const going = (target: PassageTarget) => preview.passages.filter((p) => targetOf(values, p) === target);
  const shared = { ctx, html, values, error, textLang: preview.language };
  const readFor = (target: PassageTarget) => {
    const passages = going(target);
    return passages.length > 0 ? (
      <div class="import-read-for">
        <p class="hint">{t("import.readFor")}</p>
        <Passages {...shared} passages={passages} />
      </div>
    ) : null;
  };
  const labels: Record<string, string> = {
    title: t("cs.title"),
    technologies: t("cs.technologies"),
    stage: t("cs.stage"),
    periodStart: t("cs.periodStart"),
    periodEnd: t("cs.periodEnd"),
    document: t("import.document"),
    ...Object.fromEntries(TEXT_SECTIONS.map((field) => [field, targetLabel(t, field)])),
    ...Object.fromEntries(preview.passages.map((p) => [targetField(p.n), t("import.passage", { n: p.n })])),
  };
  const checked = Array.isArray(values.technologies) ? values.technologies.map(String) : typeof values.technologies === "string" && values.technologies ? [values.technologies] : [];
  const unplaced = going("unplaced");
  return (
    <Layout ctx={ctx} title={title} section="member">
      <p class="breadcrumb">
        <a href="/member">{t("member.title")}</a>
      </p>
      <h1 class="import-heading">{title}</h1>
      <p id="f-document" tabindex={-1}>
        {t("import.lead")}
      </p>
      <ErrorSummary t={t} errors={errors} code={error?.code} labels={labels} />
      {(preview.dropped.length > 0 || preview.warnings.length > 0) && (
        <section class="notice notice-action import-dropped" aria-labelledby="dropped-title">
          <h2 id="dropped-title">{t("import.dropped.title")}</h2>
          {preview.dropped.length > 0 && (
            <>
              <p>{t("import.dropped.lead")}</p>
              <ul>
                {preview.dropped.map((d) => (
                  <li>
                    {t(`import.dropped.${d.kind}`, { count: d.count })}
                    {d.inserted !== undefined || d.deleted !== undefined ? ` (${t("import.dropped.trackedDetail", { inserted: d.inserted ?? 0, deleted: d.deleted ?? 0 })})` : ""}
                    {d.detail ? ` (${d.detail})` : ""}
                  </li>
                ))}
              </ul>
            </>
          )}
          {preview.warnings.length > 0 && (
            <>
              <p>{t("import.warnings")}</p>
              <ul class="import-warnings">
                {preview.warnings.map((w) => (
                  <li>{w}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      <Form ctx={ctx} action={`/member/case-studies/imports/${id}`} class="form-wide import-review">
        <section aria-labelledby="about-title" class="import-field">
          <h2 id="about-title">{t("import.about")}</h2>
          <TextField t={t} name="title" label={t("cs.title")} hint={preview.title === titleFromFilename(filename) ? t("import.titleFrom.filename") : t(`import.titleFrom.${preview.titleFrom}`)} values={values} errors={errors} required maxLength={300} />
          <CheckboxGroup t={t} name="technologies" legend={t("cs.technologies")} hint={t("cs.technologiesHint")} errors={errors} checked={checked} options={technologies} />
          {readFor("technologies")}
          <SelectField t={t} name="stage" label={t("cs.stage")} values={values} errors={errors} empty={t("cs.chooseStage")} options={STAGES.map((s) => [s, t(`cs.stage.${s}`)])} />
          {readFor("stage")}
          <div class="inline-fields">
            <TextField t={t} name="periodStart" label={t("cs.periodStart")} values={values} errors={errors} optional size="short" maxLength={4} />
            <TextField t={t} name="periodEnd" label={t("cs.periodEnd")} values={values} errors={errors} optional size="short" maxLength={4} />
          </div>
          {readFor("period")}
        </section>
        {TEXT_SECTIONS.map((field) => {
          const passages = going(field);
          return (
            <section aria-labelledby={`section-${field}`} class={errors?.[field] ? "import-field field-error" : "import-field"} id={`f-${field}`} tabindex={-1}>
              <h2 id={`section-${field}`}>{targetLabel(t, field)}</h2>
              {errors?.[field] && (
                <p class="error-message" id={`e-${field}`}>
                  {t(isMessageKey(errors[field]) ? errors[field] : "field.invalid")}
                </p>
              )}
              {passages.length > 0 ? <Passages {...shared} passages={passages} /> : <p class="muted">{t("import.empty")}</p>}
            </section>
          );
        })}
        <section aria-labelledby="section-unplaced" class="import-field import-unplaced">
          <h2 id="section-unplaced">{t("import.unplaced.title")}</h2>
          {unplaced.length > 0 ? (
            <>
              <p class="notice notice-action">{t("import.unplaced.lead")}</p>
              <Passages {...shared} passages={unplaced} />
            </>
          ) : (
            <p class="muted">{t("import.unplaced.none")}</p>
          )}
        </section>
        <div class="actions">
          <button type="submit" name="intent" value="update" class="button button-secondary">
            {t("import.update")}
          </button>
          <button type="submit" name="intent" value="confirm" class="button">
            {t("import.confirm")}
          </button>
          <button type="submit" name="intent" value="cancel" class="button button-danger" formnovalidate>
            {t("import.cancel")}
          </button>
        </div>
      </Form>
    </Layout>
  );
}
