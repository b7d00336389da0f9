import { LICENCE, STAGES, TEXT_FIELDS, type CaseStudyFields } from "#src/domain/case-studies.ts";
import type { CaseStudyRow } from "#src/features/case-studies/repository.ts";
import { techName } from "#src/features/case-studies/views/parts.tsx";
import { LANGUAGES } from "#src/domain/languages.ts";
import type { TechnologyRow } from "#src/features/catalog/repository.ts";
import type { AppError } from "#src/lib/errors.ts";
import { CheckboxGroup, ErrorSummary, Form, SelectField, TextAreaField, TextField, type FormValues } from "#src/web/components.tsx";
import { LANGUAGE_NAMES } from "#src/i18n/i18n.ts";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

/** Form values from stored fields (the reverse of CaseStudyInput). */
export function valuesOf(f: CaseStudyFields): FormValues {
  return {
    ...f,
    periodStart: f.periodStart ?? "",
    periodEnd: f.periodEnd ?? "",
    stage: f.stage ?? "",
    links: f.links.join("\n"),
    consent: f.consent ? "on" : "",
  };
}

const listOf = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === "string" && v ? [v] : []);

type Props = {
  ctx: PageContext;
  technologies: TechnologyRow[];
  values: FormValues;
  error?: AppError | undefined;
  /** Present when editing; absent for a new case study. */
  caseStudy?: CaseStudyRow | undefined;
  baseVersion?: number | null | undefined;
  /** Organizations an editor may file a new case study for. */
  organizations?: { id: string; name: string }[] | undefined;
  /** Whether the "save and submit" button applies (the organization's own draft). */
  maySubmit: boolean;
};

/** Writing or editing a case study: every field, with messages beside the ones to fix. */
export function CaseStudyFormPage({ ctx, technologies, values, error, caseStudy, baseVersion, organizations, maySubmit }: Props) {
  const { t, lang } = ctx;
  const errors = error?.fields;
  const title = caseStudy ? t("cs.editTitle", { title: caseStudy.title }) : t("cs.new");
  const labels: Record<string, string> = {
    title: t("cs.title"),
    technologies: t("cs.technologies"),
    stage: t("cs.stage"),
    periodEnd: t("cs.periodEnd"),
    periodStart: t("cs.periodStart"),
    consent: t("cs.consent"),
    links: t("cs.links"),
    organizationId: t("cs.organization"),
    ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, t(`cs.field.${f}`)])),
  };
  return (
    <Layout ctx={ctx} title={title} section="member">
      <p class="breadcrumb">
        <a href="/member">{t("member.title")}</a>
        {caseStudy && (
          <>
            {" › "}
            <a href={`/member/case-studies/${caseStudy.id}`}>{caseStudy.title}</a>
          </>
        )}
      </p>
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} code={error?.code} labels={labels} />
      <Form ctx={ctx} action={caseStudy ? `/member/case-studies/${caseStudy.id}/edit` : "/member/case-studies"} class="form-wide">
        {baseVersion != null && <input type="hidden" name="baseVersion" value={String(baseVersion)} />}
        {organizations && (
          <SelectField t={t} name="organizationId" label={t("cs.organization")} values={values} errors={errors} empty={t("cs.chooseOrganization")} options={organizations.map((o) => [o.id, o.name])} />
        )}
        <TextField t={t} name="title" label={t("cs.title")} hint={t("cs.titleHint")} values={values} errors={errors} required maxLength={300} />
        <SelectField t={t} name="language" label={t("cs.language")} hint={t("cs.languageHint")} values={values} errors={errors} options={LANGUAGES.map((l) => [l, LANGUAGE_NAMES[l]])} />
        <CheckboxGroup t={t} name="technologies" legend={t("cs.technologies")} hint={t("cs.technologiesHint")} errors={errors} checked={listOf(values.technologies)} options={technologies.map((tech) => [tech.slug, techName(tech, lang)])} />
        <SelectField t={t} name="stage" label={t("cs.stage")} values={values} errors={errors} empty={t("cs.chooseStage")} options={STAGES.map((s) => [s, t(`cs.stage.${s}`)])} />
        <div class="inline-fields">
          <TextField t={t} name="periodStart" label={t("cs.periodStart")} values={values} errors={errors} optional size="short" maxLength={4} />
          <TextField t={t} name="periodEnd" label={t("cs.periodEnd")} values={values} errors={errors} optional size="short" maxLength={4} />
        </div>
        <TextAreaField t={t} name="partners" label={t("cs.partners")} values={values} errors={errors} optional rows={2} />
        {TEXT_FIELDS.map((f) => (
          <TextAreaField t={t} name={f} label={t(`cs.field.${f}`)} hint={t(`cs.hint.${f}`)} values={values} errors={errors} optional={f !== "summary" && f !== "solution"} rows={f === "summary" ? 4 : 8} />
        ))}
        <TextAreaField t={t} name="contact" label={t("cs.contact")} hint={t("cs.contactHint")} values={values} errors={errors} optional rows={2} />
        <TextAreaField t={t} name="links" label={t("cs.links")} hint={t("cs.linksHint")} values={values} errors={errors} optional rows={3} />
        <div class={errors?.consent ? "field field-error" : "field"}>
          {errors?.consent && (
            <p class="error-message" id="e-consent">
              {t("field.consentRequired")}
            </p>
          )}
          <label class="check" for="f-consent">
            <input type="checkbox" id="f-consent" name="consent" checked={values.consent === "on" || values.consent === true} aria-describedby={errors?.consent ? "e-consent" : undefined} />{" "}
            {t("cs.consentText", { licence: LICENCE })}
          </label>
        </div>
        <p class="hint">{t("cs.markdownHint")}</p>
        <div class="actions">
          <button type="submit" name="intent" value="save" class={maySubmit ? "button button-secondary" : "button"}>
            {caseStudy ? t("cs.save") : t("cs.saveDraft")}
          </button>
          {maySubmit && (
            <button type="submit" name="intent" value="submit" class="button">
              {t("cs.saveAndSubmit")}
            </button>
          )}
        </div>
      </Form>
    </Layout>
  );
}
