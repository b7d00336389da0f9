import { formatDay } from "#src/i18n/i18n.ts";
import { ADOPTION_STAGES, isShown, textIn, type Answers, type Definition, type Question } from "#src/domain/surveys.ts";
import type { ResponseRow, SurveyRow } from "#src/features/surveys/repository.ts";
import type { AppError } from "#src/lib/errors.ts";
import { ErrorSummary, Form } from "#src/web/components.tsx";
import { assetUrl } from "#src/web/assets.ts";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

type Values = Record<string, string | string[]>;

type Props = {
  ctx: PageContext;
  survey: SurveyRow;
  definition: Definition;
  organization: string;
  response: ResponseRow | undefined;
  values: Values;
  answers: Answers;
  technologyName: (slug: string) => string;
  error?: AppError | undefined;
  action: string;
};

const has = (values: Values, key: string, value: string) => {
  const v = values[key];
  return Array.isArray(v) ? v.includes(value) : v === value;
};

/** The questionnaire for one organization: plain HTML controls, a fieldset per technology for the matrix. */
export function AnswerPage({ ctx, survey, definition, organization, response, values, answers, technologyName, error, action }: Props) {
  const { t, lang } = ctx;
  const locked = response?.status === "submitted" || survey.status !== "open";
  const errors = error?.fields ?? {};
  const title = survey.titles[lang] || survey.titles.en;
  const errorText = (key: string) => errors[key] && <p class="error-message" id={`e-${key}`}>{t(errors[key] as "survey.problem.required")}</p>;
  // Conditions name the earlier question by its number and the answer by its words.
  const all = definition.sections.flatMap((section) => section.questions);
  const numberOf = new Map(all.map((x, i) => [x.id, String(i + 1)]));
  const answerLabel = (id: string, value: string) => {
    const earlier = all.find((x) => x.id === id);
    const option = earlier && (earlier.type === "single" || earlier.type === "multiple") ? earlier.options.find((o) => o.value === value) : undefined;
    return option ? textIn(option.label, lang) : value;
  };
  const question = (q: Question, n: number) => {
    const name = `q.${q.id}`;
    const label = `${n}. ${textIn(q.text, lang)}${q.required ? " *" : ""}`;
    const condition = q.showIf && (
      <p class="hint">{t("survey.showIf", { question: numberOf.get(q.showIf.question) ?? q.showIf.question, answer: answerLabel(q.showIf.question, q.showIf.equals) })}</p>
    );
    const hidden = q.showIf && !isShown(q, answers) && Object.keys(answers).length > 0;
    const wrap = (body: preact.ComponentChildren) => (
      <fieldset class={errors[q.id] ? "field field-error question" : "field question"} id={`f-${q.id}`} data-show-if={q.showIf ? `${q.showIf.question}=${q.showIf.equals}` : undefined} hidden={hidden || undefined}>
        <legend>{label}</legend>
        {condition}
        {q.help && <p class="hint">{textIn(q.help, lang)}</p>}
        {errorText(q.id)}
        {body}
      </fieldset>
    );
    switch (q.type) {
      case "single":
      case "multiple":
        return wrap(
          <div class="check-grid">
            {q.options.map((o) => (
              <label class="check">
                <input type={q.type === "single" ? "radio" : "checkbox"} name={name} value={o.value} checked={has(values, q.id, o.value)} disabled={locked} /> {textIn(o.label, lang)}
              </label>
            ))}
          </div>,
        );
      case "scale":
        return wrap(
          <div class="check-grid scale">
            {q.minLabel && <span class="muted small">{textIn(q.minLabel, lang)}</span>}
            {Array.from({ length: q.max - q.min + 1 }, (_, i) => String(q.min + i)).map((v) => (
              <label class="check">
                <input type="radio" name={name} value={v} checked={has(values, q.id, v)} disabled={locked} /> {v}
              </label>
            ))}
            {q.maxLabel && <span class="muted small">{textIn(q.maxLabel, lang)}</span>}
          </div>,
        );
      case "number":
        return wrap(
          <label class="inline-fields">
            <input class="input input-short" name={name} inputMode="decimal" value={String(values[q.id] ?? "")} disabled={locked} aria-label={textIn(q.text, lang)} /> {q.unit}
          </label>,
        );
      case "short":
        return wrap(<input class="input" name={name} maxLength={300} value={String(values[q.id] ?? "")} disabled={locked} aria-label={textIn(q.text, lang)} />);
      case "long":
        return wrap(
          <textarea class="input" name={name} rows={5} disabled={locked} aria-label={textIn(q.text, lang)}>
            {String(values[q.id] ?? "")}
          </textarea>,
        );
      case "matrix":
        return wrap(
          <div class="matrix">
            {q.technologies.map((tech) => {
              const key = `${q.id}.${tech}.stage`;
              return (
                <fieldset class={errors[key] ? "matrix-row field-error" : "matrix-row"} id={`f-${key}`}>
                  <legend>{technologyName(tech)}</legend>
                  {errorText(key)}
                  <label class="matrix-stage">
                    <span>{t("survey.stage")}</span>
                    <select class="input" name={`q.${key}`} disabled={locked}>
                      <option value="">{t("survey.noAnswer")}</option>
                      {ADOPTION_STAGES.map((s) => (
                        <option value={s} selected={values[key] === s}>
                          {t(`survey.stage.${s}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                  {q.followUps.map((f) => (
                    <details class="follow-up" open={f.options.some((o) => has(values, `${q.id}.${tech}.${f.id}`, o.value)) || undefined}>
                      <summary>{textIn(f.text, lang)}</summary>
                      <div class="check-grid">
                        {f.options.map((o) => (
                          <label class="check">
                            <input type="checkbox" name={`q.${q.id}.${tech}.${f.id}`} value={o.value} checked={has(values, `${q.id}.${tech}.${f.id}`, o.value)} disabled={locked} /> {textIn(o.label, lang)}
                          </label>
                        ))}
                      </div>
                    </details>
                  ))}
                </fieldset>
              );
            })}
          </div>,
        );
    }
  };
  let n = 0;
  return (
    <Layout ctx={ctx} title={title} section="member" head={<script src={assetUrl("survey.js")} defer />}>
      <p class="breadcrumb">
        <a href="/member">{t("member.title")}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{t("survey.answeringFor", { organization })}</p>
      {survey.status === "open" && survey.closesOn && <p class="survey-deadline">{t("deadline.answersDue", { date: formatDay(survey.closesOn, lang) })}</p>}
      {(survey.intro[lang] || survey.intro.en) && <p>{survey.intro[lang] || survey.intro.en}</p>}
      {response?.status === "submitted" && <p class="notice notice-success">{t("survey.submittedNotice")}</p>}
      {survey.status !== "open" && <p class="notice">{t("survey.closedNotice")}</p>}
      <ErrorSummary t={t} errors={error?.fields} code={error?.code} />
      <Form ctx={ctx} action={action} class="form-wide survey-form">
        {definition.sections.map((section) => (
          <section class="survey-section">
            <h2>{textIn(section.title, lang)}</h2>
            {section.questions.map((q) => question(q, ++n))}
          </section>
        ))}
        {!locked && (
          <div class="actions sticky-actions">
            <button type="submit" name="intent" value="save" class="button button-secondary">
              {t("survey.saveDraft")}
            </button>
            <button type="submit" name="intent" value="submit" class="button">
              {t("survey.submit")}
            </button>
          </div>
        )}
      </Form>
    </Layout>
  );
}
