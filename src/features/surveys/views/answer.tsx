import { formatDay, isMessageKey, type Translate } from "#src/i18n/i18n.ts";
import type { Language } from "#src/domain/languages.ts";
import { ADOPTION_STAGES, textIn, type Definition, type Question } from "#src/domain/surveys.ts";
import { columnsOf, readAnswers } from "#src/features/surveys/answers.ts";
import { applicableQuestions, progressOf, questionNumbers } from "#src/features/surveys/guide.ts";
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
  technologyName: (slug: string) => string;
  error?: AppError | undefined;
  action: string;
  /** What the save status says when it is not the stored draft's time (a save that kept some answers back). */
  status?: string | undefined;
};

/** A question's title cut to a summary's length, at a word. */
const shortTitle = (text: string, max = 60) => {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, "")}…`;
};

/**
 * How the error summary and the save status name the question an answer key belongs to
 * ("Question 2a – How many staff…", with the technology for a row of the matrix).
 */
export function questionLabeller(definition: Definition, t: Translate, lang: Language, technologyName: (slug: string) => string) {
  const numbers = questionNumbers(definition);
  const questions = definition.sections.flatMap((section) => section.questions);
  return (key: string): { question: string; label: string } | undefined => {
    const q = questions.find((x) => key === x.id || key.startsWith(`${x.id}.`));
    if (!q) return undefined;
    const tech = q.type === "matrix" ? key.split(".")[1] : undefined;
    const title = shortTitle(textIn(q.text, lang)) + (tech ? ` (${technologyName(tech)})` : "");
    return { question: q.id, label: t("surveyForm.questionLabel", { number: numbers.get(q.id) ?? "", title }) };
  };
}

/** "Draft saved at 14:05 UTC." when saved today, else the day it was saved. */
export function savedStatus(t: Translate, lang: Language, at: Date, now: Date = new Date()): string {
  if (at.toISOString().slice(0, 10) !== now.toISOString().slice(0, 10)) return t("surveyForm.savedOn", { date: formatDay(at, lang) });
  return t("surveyForm.savedAt", { time: savedTime(lang, at) });
}

/** A save's time of day, as every time on the site: in UTC, said so. */
export const savedTime = (lang: Language, at: Date) => `${new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" }).format(at)} UTC`;

const has = (values: Values, key: string, value: string) => {
  const v = values[key];
  return Array.isArray(v) ? v.includes(value) : v === value;
};

/**
 * The questionnaire for one organization: plain HTML controls, a fieldset per technology for the
 * matrix, stable question numbers (1, 2, 2a…), progress and the draft's save status, kept current
 * by the page's script and right on each load without it.
 */
export function AnswerPage({ ctx, survey, definition, organization, response, values, technologyName, error, action, status }: Props) {
  const { t, lang } = ctx;
  const locked = response?.status === "submitted" || survey.status !== "open";
  const title = survey.titles[lang] || survey.titles.en;
  // What the form shows (stored, or as just posted) decides which questions apply and how many are answered.
  const current = readAnswers(definition, values, { submit: false }).answers;
  const applicable = new Set(applicableQuestions(definition, current).map((q) => q.id));
  const progress = progressOf(definition, current);
  // Problems in the order of the form; the summary counts questions, not fields.
  const all = definition.sections.flatMap((section) => section.questions);
  const fields = error?.fields ?? {};
  const errors = Object.fromEntries([...columnsOf(definition).filter((key) => fields[key]), ...Object.keys(fields).filter((key) => !columnsOf(definition).includes(key))].map((key) => [key, fields[key]!]));
  const labelOf = questionLabeller(definition, t, lang, technologyName);
  const labels = Object.fromEntries(Object.keys(errors).flatMap((key) => { const l = labelOf(key); return l ? [[key, l.label]] : []; }));
  const questionsWithErrors = new Set(Object.keys(errors).map((key) => labelOf(key)?.question ?? key)).size;
  const summaryTitle = !questionsWithErrors ? undefined : Object.values(errors).every((m) => m === "survey.problem.required") ? t("surveyForm.needAnswer", { count: questionsWithErrors }) : t("surveyForm.needAttention", { count: questionsWithErrors });
  // A problem's message with what it quotes: the value as typed, the question's bounds.
  const problemText = (key: string) => {
    const q = all.find((x) => key === x.id || key.startsWith(`${x.id}.`));
    const typed = values[key];
    const bounds = q && (q.type === "number" || q.type === "scale") ? q : undefined;
    if (!isMessageKey(errors[key]!)) return t("field.invalid");
    return t(errors[key] as "survey.problem.outOfRange", { value: String((Array.isArray(typed) ? typed[0] : typed) ?? ""), min: String(bounds?.min ?? "−∞"), max: String(bounds?.max ?? "∞") });
  };
  const texts = Object.fromEntries(Object.keys(errors).map((key) => [key, problemText(key)]));
  const errorText = (key: string) => errors[key] && <p class="error-message" id={`e-${key}`}>{texts[key]}</p>;
  // Conditions name the earlier question by its number and the answer by its words.
  const numberOf = questionNumbers(definition);
  const answerLabel = (id: string, value: string) => {
    const earlier = all.find((x) => x.id === id);
    const option = earlier && (earlier.type === "single" || earlier.type === "multiple") ? earlier.options.find((o) => o.value === value) : undefined;
    return option ? textIn(option.label, lang) : value;
  };
  const question = (q: Question) => {
    const name = `q.${q.id}`;
    const condition = q.showIf && (
      <p class="hint">{t("survey.showIf", { question: numberOf.get(q.showIf.question) ?? q.showIf.question, answer: answerLabel(q.showIf.question, q.showIf.equals) })}</p>
    );
    // Without the script, every conditional question shows until something is answered; then those that apply.
    const hidden = q.showIf && !applicable.has(q.id) && Object.keys(current).length > 0;
    const wrap = (body: preact.ComponentChildren) => (
      <fieldset
        class={errors[q.id] ? "field field-error question" : "field question"}
        id={`f-${q.id}`}
        tabindex={-1}
        data-question={q.id}
        data-kind={q.type}
        data-show-if={q.showIf ? `${q.showIf.question}=${q.showIf.equals}` : undefined}
        hidden={hidden || undefined}
      >
        <legend>
          <span class="question-number">{numberOf.get(q.id)}.</span> {textIn(q.text, lang)}
          {q.required ? " *" : ""}
        </legend>
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
                <fieldset class={errors[key] ? "matrix-row field-error" : "matrix-row"} id={`f-${key}`} tabindex={-1}>
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
  const progressText = (answered: string | number, total: string | number) => t("surveyForm.progress", { answered: String(answered), total: String(total) });
  // Values shown as typed but not stored (they could not be read): the script sends them with the next save.
  const unsaved = Object.keys(errors).filter((key) => errors[key] !== "survey.problem.required").join(" ");
  const saved = status ?? (response?.status === "draft" ? savedStatus(t, lang, response.updatedAt) : "");
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
      <ErrorSummary t={t} errors={errors} code={error?.code} labels={labels} title={summaryTitle} texts={texts} />
      <Form ctx={ctx} action={action} class="form-wide survey-form">
        {/* Enter in a text field submits with the form's first button: this one saves and stays, instead of moving on to the next section. */}
        {!locked && (
          <button type="submit" name="intent" value="save" class="visually-hidden" tabindex={-1} aria-hidden="true">
            {t("survey.saveDraft")}
          </button>
        )}
        {definition.sections.map((section, i) => {
          const next = definition.sections[i + 1];
          return (
            <section class="survey-section" id={`s-${section.id}`}>
              <h2>{textIn(section.title, lang)}</h2>
              {section.questions.map((q) => question(q))}
              {!locked && next && (
                <p class="survey-next">
                  <button type="submit" name="intent" value={`next:${next.id}`} class="button button-secondary">
                    {t("surveyForm.next", { section: textIn(next.title, lang) })}
                  </button>
                </p>
              )}
            </section>
          );
        })}
        {!locked && (
          <div class="sticky-actions survey-bar" data-unsaved={unsaved || undefined} data-saving={t("surveyForm.saving")} data-not-saved={t("surveyForm.notSaved", { reason: "%r" })} data-offline={t("surveyForm.offline")}>
            <div class="survey-progress">
              <progress id="survey-progress" max={progress.total} value={progress.answered} aria-labelledby="survey-progress-text" />
              <span id="survey-progress-text" aria-live="polite" data-template={progressText("%a", "%t")}>
                {progressText(progress.answered, progress.total)}
              </span>
              <span id="survey-save-status" class="save-status" role="status">
                {saved}
              </span>
            </div>
            <div class="actions">
              <button type="submit" name="intent" value="save" class="button button-secondary">
                {t("survey.saveDraft")}
              </button>
              <button type="submit" name="intent" value="submit" class="button">
                {t("survey.submit")}
              </button>
            </div>
          </div>
        )}
      </Form>
    </Layout>
  );
}
