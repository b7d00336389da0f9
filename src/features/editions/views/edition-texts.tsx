import type { ComponentChildren } from "preact";
import { EDITION_DATE_STYLES } from "#src/domain/editions.ts";
import { primaryOf, type Language } from "#src/domain/languages.ts";
import type { ReportRow } from "#src/features/catalog/repository.ts";
import type { EditionRow } from "#src/features/editions/repository.ts";
import { editionDate, editionTextState, formatEditionDate, missingEditionTexts, missingTextsKey, writtenTitles, type EditionTextField } from "#src/features/editions/texts.ts";
import type { TranslationState } from "#src/features/reports/draft.ts";
import { isMessageKey, LANGUAGE_NAMES, type Translate } from "#src/i18n/i18n.ts";
import type { AppError } from "#src/lib/errors.ts";
import { ErrorSummary, Form, valueOf, type FormValues } from "#src/web/components.tsx";
import type { PageContext } from "#src/web/render.ts";

// The edition page's panel for the edition's own words: one small form per report language,
// primary first, each with its translation state and, for a translation, the primary's words beside.

/** A language's form sent back with its problems. */
export type EditionTextsForm = { lang: Language; values: FormValues; error: AppError };

const FIELDS = ["title", "subtitle", "foreword", "dateStyle"] as const;

/**
 * The state badge, worded as the outline and the section editor word a section's translation; a
 * translation with its title but without a subtitle or foreword the primary has is partly translated.
 */
function StateTag({ t, state, missing }: { t: Translate; state: TranslationState; missing: EditionTextField[] }) {
  const label =
    state === "missing"
      ? missing.includes("title")
        ? t("translation.missing")
        : t("editionTexts.partly", { fields: missingTextsKey(missing) })
      : state === "outOfDate"
        ? t("translation.outOfDate").split(":")[0]!.trim()
        : t("translation.upToDate");
  return <span class={`tag tag-${state}`}>{label}</span>;
}

/** A translation's word, or what readers see where it has none: the primary's, marked as such. */
function Word({ t, own, lang, fallback, primary }: { t: Translate; own: string | undefined; lang: Language; fallback: string | undefined; primary: Language }) {
  if (own) return <dd lang={lang}>{own}</dd>;
  if (lang === primary || !fallback) return <dd>{t("editionTexts.none")}</dd>;
  return (
    <dd>
      <span class="muted">{t("editionTexts.readersSee", { lang: t(`language.${primary}`) })}</span> <span lang={primary}>{fallback}</span>
    </dd>
  );
}

/** A labelled control whose id carries the language: the page holds one form per language. */
function Control(props: { t: Translate; id: string; label: string; hint?: string; optional?: boolean; error: string | undefined; children: (describedBy: string | undefined, invalid: boolean) => ComponentChildren }) {
  const { t, id, error } = props;
  const describedBy = [props.hint ? `h-${id}` : "", error ? `e-${id}` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class={error ? "field field-error" : "field"}>
      <label for={`f-${id}`}>
        {props.label}
        {props.optional && <span class="optional"> ({t("common.optional")})</span>}
      </label>
      {props.hint && (
        <p class="hint" id={`h-${id}`}>
          {props.hint}
        </p>
      )}
      {error && (
        <p class="error-message" id={`e-${id}`}>
          {isMessageKey(error) ? t(error) : t("field.invalid")}
        </p>
      )}
      {props.children(describedBy, Boolean(error))}
    </div>
  );
}

/** The primary language's words, read-only: beside a translation, or the whole entry once published. */
function Words({ t, edition, lang, primary }: { t: Translate; edition: EditionRow; lang: Language; primary: Language }) {
  return (
    <dl class="details">
      <dt>{t("editionTexts.title")}</dt>
      <Word t={t} own={writtenTitles(edition, primary)[lang]} lang={lang} fallback={writtenTitles(edition, primary)[primary]} primary={primary} />
      <dt>{t("editionTexts.subtitle")}</dt>
      <Word t={t} own={edition.subtitles[lang]} lang={lang} fallback={edition.subtitles[primary]} primary={primary} />
      <dt>{t("editionTexts.foreword")}</dt>
      <Word t={t} own={edition.forewords[lang]} lang={lang} fallback={edition.forewords[primary]} primary={primary} />
      <dt>{t("edition.date")}</dt>
      <dd lang={lang}>{editionDate(edition, lang)}</dd>
    </dl>
  );
}

function LanguageForm({ ctx, edition, lang, primary, form }: { ctx: PageContext; edition: EditionRow; lang: Language; primary: Language; form: EditionTextsForm | undefined }) {
  const { t } = ctx;
  const values: FormValues = form?.values ?? {
    title: writtenTitles(edition, primary)[lang] ?? "",
    subtitle: edition.subtitles[lang] ?? "",
    foreword: edition.forewords[lang] ?? "",
    dateStyle: edition.dateStyles[lang] ?? "long",
  };
  const errors = form?.error.fields ?? {};
  const id = (field: string) => `${lang}-${field}`;
  const name = t(`language.${lang}`);
  return (
    <Form ctx={ctx} action={`/editor/editions/${edition.id}/texts/${lang}`} class="stack">
      {form && (
        <ErrorSummary
          t={t}
          errors={Object.fromEntries(Object.entries(errors).map(([field, key]) => [id(field), key]))}
          code={form.error.code}
          labels={Object.fromEntries(FIELDS.map((f) => [id(f), t(f === "dateStyle" ? "editionTexts.dateStyle" : `editionTexts.${f}`)]))}
        />
      )}
      <Control t={t} id={id("title")} label={t("editionTexts.title")} error={errors.title}>
        {(describedBy, invalid) => (
          <input id={`f-${id("title")}`} name="title" class="input" lang={lang} required maxLength={300} value={valueOf(values, "title")} aria-describedby={describedBy} aria-invalid={invalid ? "true" : undefined} />
        )}
      </Control>
      <Control t={t} id={id("subtitle")} label={t("editionTexts.subtitle")} optional error={errors.subtitle}>
        {(describedBy, invalid) => (
          <input id={`f-${id("subtitle")}`} name="subtitle" class="input" lang={lang} maxLength={300} value={valueOf(values, "subtitle")} aria-describedby={describedBy} aria-invalid={invalid ? "true" : undefined} />
        )}
      </Control>
      <Control t={t} id={id("foreword")} label={t("editionTexts.foreword")} hint={t("editionTexts.forewordHint")} optional error={errors.foreword}>
        {(describedBy, invalid) => (
          <textarea id={`f-${id("foreword")}`} name="foreword" class="input" lang={lang} rows={4} maxLength={2000} aria-describedby={describedBy} aria-invalid={invalid ? "true" : undefined}>
            {valueOf(values, "foreword")}
          </textarea>
        )}
      </Control>
      <Control t={t} id={id("dateStyle")} label={t("editionTexts.dateStyle")} error={errors.dateStyle}>
        {(describedBy, invalid) => (
          <select id={`f-${id("dateStyle")}`} name="dateStyle" class="input" aria-describedby={describedBy} aria-invalid={invalid ? "true" : undefined}>
            {EDITION_DATE_STYLES.map((style) => (
              <option value={style} selected={valueOf(values, "dateStyle") === style}>
                {t("editionTexts.styleOption", { style: t(`editionTexts.style.${style}`), example: formatEditionDate(edition.editionDate, lang, style) })}
              </option>
            ))}
          </select>
        )}
      </Control>
      <div class="actions">
        <button class="button">{t("editionTexts.save", { lang: name })}</button>
      </div>
    </Form>
  );
}

/** The panel: every report language, primary first; read-only once the edition is published or withdrawn. */
export function EditionTextsPanel({ ctx, report, edition, form }: { ctx: PageContext; report: ReportRow; edition: EditionRow; form?: EditionTextsForm | undefined }) {
  const { t } = ctx;
  const primary = primaryOf(report);
  const editable = edition.status === "draft" || edition.status === "in_review";
  const languages = [primary, ...report.languages.filter((l) => l !== primary)];
  return (
    <section class="panel" id="texts" aria-labelledby="texts-h">
      <h2 id="texts-h">{t("editionTexts.heading")}</h2>
      <p class="muted">{editable ? t("editionTexts.lead", { primary: t(`language.${primary}`) }) : t("editionTexts.readOnly")}</p>
      {languages.map((lang) => (
        <section id={`texts-${lang}`} aria-labelledby={`texts-${lang}-h`}>
          <h3 id={`texts-${lang}-h`}>
            {LANGUAGE_NAMES[lang]} {lang === primary ? <span class="tag tag-muted">{t("editionTexts.primary")}</span> : <StateTag t={t} state={editionTextState(edition, primary, lang)} missing={missingEditionTexts(edition, primary, lang)} />}
          </h3>
          {!editable ? (
            <Words t={t} edition={edition} lang={lang} primary={primary} />
          ) : lang === primary ? (
            <LanguageForm ctx={ctx} edition={edition} lang={lang} primary={primary} form={form?.lang === lang ? form : undefined} />
          ) : (
            <div class="editor-grid">
              <LanguageForm ctx={ctx} edition={edition} lang={lang} primary={primary} form={form?.lang === lang ? form : undefined} />
              <aside class="source" aria-labelledby={`texts-${lang}-source`}>
                <h4 id={`texts-${lang}-source`}>{t("editionTexts.source", { lang: t(`language.${primary}`) })}</h4>
                <Words t={t} edition={edition} lang={primary} primary={primary} />
              </aside>
            </div>
          )}
        </section>
      ))}
    </section>
  );
}
