import { textIn, type Definition } from "#src/domain/surveys.ts";
import type { Steps } from "#src/features/surveys/figure-steps.ts";
import type { Dataset } from "#src/features/surveys/figures.ts";
import type { SurveyRow } from "#src/features/surveys/repository.ts";
import type { AppError, FieldErrors } from "#src/lib/errors.ts";
import { assetUrl } from "#src/web/assets.ts";
import { ErrorSummary, Field, Form, TextAreaField, TextField, type FormValues } from "#src/web/components.tsx";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

type Props = {
  ctx: PageContext;
  survey: SurveyRow;
  surveys: SurveyRow[];
  definition: Definition;
  steps: Steps;
  /** This page's address with the selection that holds: where the words are posted, what a reload shows. */
  pageUrl: string;
  /** The preview's address and the rows it draws, once every step holds. */
  preview?: { src: string; data: Dataset } | undefined;
  technologyName: (slug: string) => string;
  /** The figure's words as typed (a failed save). */
  values?: FormValues | undefined;
  /** A failed save: every problem, selects and words. */
  error?: AppError | undefined;
};

/** A select of the guided form, its options given; an empty first option while nothing holds. */
function StepSelect(props: { ctx: PageContext; name: string; label: string; hint?: string; errors: FieldErrors; value: string | undefined; options: [string, string][]; groups?: { label: string; options: [string, string][] }[] }) {
  const { t } = props.ctx;
  const option = ([value, label]: [string, string]) => (
    <option value={value} selected={value === props.value}>
      {label}
    </option>
  );
  return (
    <Field t={t} name={props.name} label={props.label} hint={props.hint} errors={props.errors}>
      {(describedBy, invalid) => (
        <select id={`f-${props.name}`} name={props.name} class="input" aria-describedby={describedBy} aria-invalid={invalid ? "true" : undefined}>
          {props.value === undefined && <option value="">{t("figure.choose")}</option>}
          {props.groups
            ? props.groups.map((g) => (
                <optgroup label={g.label}>{g.options.map(option)}</optgroup>
              ))
            : props.options.map(option)}
        </select>
      )}
    </Field>
  );
}

/**
 * The guided figure form: the selects live in a GET form (the address keeps them, so a reload or
 * a shared link shows the same step and preview), the preview is the server's drawing of the
 * unsaved query, and the words are posted to this same address with the selection in hidden
 * fields. Problems show beside each field and in a summary at the top of their form.
 */
export function FigureFormPage({ ctx, survey, surveys, definition, steps, pageUrl, preview, technologyName, values, error }: Props) {
  const { t, lang } = ctx;
  const base = `/editor/surveys/${survey.id}`;
  const title = survey.titles[lang] || survey.titles.en;
  // A failed save names its problems; a page opened with a selection that does not hold names those.
  const errors: FieldErrors = error ? (error.fields ?? {}) : steps.errors;
  const selectErrors = Object.fromEntries(Object.entries(errors).filter(([k]) => ["survey", "question", "breakdown", "chart", "technology"].includes(k)));
  const labels = { survey: t("figure.survey"), question: t("figure.question"), breakdown: t("figure.breakdown"), chart: t("figure.kind"), technology: t("figure.technology"), title: t("figure.figureTitle"), caption: t("figure.caption"), alt: t("figure.alt"), slug: t("figure.slug") };
  const chartable = new Set(steps.options.questions.map((q) => q.id));
  const questionGroups = definition.sections
    .map((s) => ({ label: textIn(s.title, lang), options: s.questions.filter((q) => chartable.has(q.id)).map((q): [string, string] => [q.id, textIn(q.text, lang)]) }))
    .filter((g) => g.options.length > 0);
  const share = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 0 });
  const shown = preview?.data.columns.map((c, i) => [c, i] as const).filter(([c]) => c !== "code") ?? [];
  const words = values ?? {};
  return (
    <Layout ctx={{ ...ctx, path: pageUrl }} title={t("figure.new")} section="editor" head={<script src={assetUrl("figure-form.js")} defer />}>
      <p class="breadcrumb">
        <a href="/editor">{t("nav.editor")}</a> › <a href="/editor/surveys">{t("survey.title")}</a> › <a href={base}>{title}</a>
      </p>
      <h1>{t("figure.new")}</h1>
      <p class="lead">{t("figure.newLead", { min: survey.minGroup })}</p>
      <p id="figure-status" class="visually-hidden" role="status" data-updated={t("figure.previewUpdated")} />
      <div class="figure-builder">
        <form method="get" action={`${base}/figures/new`} id="figure-query" class="panel stack figure-steps" data-page={pageUrl}>
          {!error && <ErrorSummary t={t} errors={selectErrors} labels={labels} />}
          <h2>{t("figure.step.what")}</h2>
          <StepSelect ctx={ctx} name="survey" label={t("figure.survey")} errors={selectErrors} value={survey.id} options={surveys.map((s) => [s.id, `${s.titles[lang] || s.titles.en} · ${t(`survey.status.${s.status}`)}`])} />
          <StepSelect ctx={ctx} name="question" label={t("figure.question")} hint={t("figure.questionHint")} errors={selectErrors} value={steps.question?.id} options={[]} groups={questionGroups} />
          <StepSelect ctx={ctx} name="breakdown" label={t("figure.breakdown")} errors={selectErrors} value={steps.breakdown} options={steps.options.breakdowns.map((b) => [b, t(`figure.breakdown.${b}`)])} />
          <h2>{t("figure.step.chart")}</h2>
          <StepSelect ctx={ctx} name="chart" label={t("figure.kind")} errors={selectErrors} value={steps.chart} options={steps.options.charts.map((k) => [k, t(`figure.kind.${k}`)])} />
          {steps.options.technologies.length > 0 && <StepSelect ctx={ctx} name="technology" label={t("figure.technology")} errors={selectErrors} value={steps.technology} options={steps.options.technologies.map((slug) => [slug, technologyName(slug)])} />}
          <button type="submit" class="button button-secondary">
            {t("figure.updatePreview")}
          </button>
        </form>

        <section id="figure-preview" class="panel figure-preview" aria-labelledby="figure-preview-title">
          <h2 id="figure-preview-title">{t("figure.step.preview")}</h2>
          {preview && steps.chart && steps.question ? (
            <>
              <figure class="figure">
                <img src={preview.src} alt={t("figure.previewAlt", { chart: t(`figure.kind.${steps.chart}`), question: textIn(steps.question.text, lang) })} />
              </figure>
              {preview.data.rows.length === 0 && <p class="notice">{t("figure.previewEmpty", { min: survey.minGroup })}</p>}
              {preview.data.rows.length > 0 && (
                <details class="figure-data">
                  <summary>{t("figure.showData")}</summary>
                  <div class="table-wrap">
                    <table class="data">
                      <caption>{t("figure.dataCaption", { n: preview.data.n })}</caption>
                      <thead>
                        <tr>
                          {shown.map(([c]) => (
                            <th scope="col" class={c === "organizations" || c === "share" ? "num" : undefined}>
                              {t(`figure.column.${c}` as "figure.column.answer")}
                            </th>
                          ))}
                        </tr>
                      </thead>
                      <tbody>
                        {preview.data.rows.map((row) => (
                          <tr>
                            {shown.map(([c, i]) => (c === "share" ? <td class="num">{share.format(Number(row[i]))}</td> : c === "organizations" ? <td class="num">{row[i]}</td> : <td>{row[i]}</td>))}
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </details>
              )}
            </>
          ) : (
            <p class="muted">{t("figure.previewNone")}</p>
          )}
        </section>

        <Form ctx={ctx} action={`${pageUrl}#figure-details`} class="panel stack figure-words">
          <div id="figure-details" class="figure-words-top">
            <ErrorSummary t={t} errors={error?.fields} code={error?.code} labels={labels} />
          </div>
          <h2>{t("figure.step.words")}</h2>
          <div id="figure-selection">
            {steps.question && <input type="hidden" name="question" value={steps.question.id} />}
            {steps.breakdown && <input type="hidden" name="breakdown" value={steps.breakdown} />}
            {steps.chart && <input type="hidden" name="chart" value={steps.chart} />}
            {steps.technology && <input type="hidden" name="technology" value={steps.technology} />}
          </div>
          <TextField t={t} name="title" label={t("figure.figureTitle")} values={words} errors={error?.fields} maxLength={300} />
          <TextField t={t} name="caption" label={t("figure.caption")} values={words} errors={error?.fields} optional maxLength={1000} />
          <TextAreaField t={t} name="alt" label={t("figure.alt")} hint={t("figure.altHint")} values={words} errors={error?.fields} rows={3} maxLength={1000} />
          <TextField t={t} name="slug" label={t("figure.slug")} hint={t("figure.slugHint")} values={words} errors={error?.fields} size="medium" maxLength={60} />
          <button type="submit" class="button">
            {t("figure.save")}
          </button>
        </Form>
      </div>
    </Layout>
  );
}
