import { REMINDER_DAYS } from "#src/domain/notifications.ts";
import { SURVEY_STATUSES } from "#src/domain/surveys.ts";
import type { ImportProblem } from "#src/features/surveys/service.ts";
import type { FigureRow, SurveyRow, VersionRow } from "#src/features/surveys/repository.ts";
import type { AppError } from "#src/lib/errors.ts";
import { DateTime, ErrorSummary, Form, SelectField, TextAreaField, TextField, type FormValues } from "#src/web/components.tsx";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

/** Surveys, newest first, and a form to start one. */
export function SurveysPage({ ctx, surveys, values, error }: { ctx: PageContext; surveys: SurveyRow[]; values?: FormValues; error?: AppError | undefined }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t("survey.title")} section="editor">
      <p class="breadcrumb">
        <a href="/editor">{t("nav.editor")}</a>
      </p>
      <h1>{t("survey.title")}</h1>
      {surveys.length === 0 ? (
        <p class="empty">{t("survey.none")}</p>
      ) : (
        <ul class="cards">
          {surveys.map((s) => (
            <li class="card">
              <h2>
                <a href={`/editor/surveys/${s.id}`}>{s.titles[lang] || s.titles.en}</a>
              </h2>
              <p class="muted">
                {s.year} · {t(`survey.status.${s.status}`)}
              </p>
            </li>
          ))}
        </ul>
      )}
      <section class="panel">
        <h2>{t("survey.new")}</h2>
        <ErrorSummary t={t} errors={error?.fields} code={error?.code} />
        <Form ctx={ctx} action="/editor/surveys" class="stack">
          <TextField t={t} name="title" label={t("survey.surveyTitle")} values={values} errors={error?.fields} required />
          <TextField t={t} name="slug" label={t("survey.slug")} hint={t("survey.slugHint")} values={values} errors={error?.fields} required size="medium" />
          <TextField t={t} name="year" label={t("survey.year")} values={values ?? { year: new Date().getUTCFullYear() }} errors={error?.fields} required size="short" />
          <SelectField t={t} name="template" label={t("survey.startFrom")} values={values} options={[["adoption", t("survey.template.adoption")], ["blank", t("survey.template.blank")]]} />
          <button type="submit" class="button">
            {t("survey.create")}
          </button>
        </Form>
      </section>
    </Layout>
  );
}

type SurveyPageProps = {
  ctx: PageContext;
  survey: SurveyRow;
  versions: VersionRow[];
  organizations: { id: string; name: string; regionCode: string | null; kind: string; invited: boolean; status: string | null; updatedAt: Date | null; source: string | null }[];
  figures: FigureRow[];
  values: FormValues;
  error?: AppError | undefined;
  /** JSON problems of the question set, "path: message". */
  definitionProblems?: string[];
  importProblems?: ImportProblem[];
  imported?: { imported: number; replaced: number };
  uploadLimitMb: number;
};

/** Everything about one survey for the secretariat: settings and questions, invitations, responses, spreadsheets, figures. */
export function SurveyPage(props: SurveyPageProps) {
  const { ctx, survey, versions, organizations, figures, values, error } = props;
  const { t, lang } = ctx;
  const base = `/editor/surveys/${survey.id}`;
  const invited = organizations.filter((o) => o.invited);
  const submitted = invited.filter((o) => o.status === "submitted").length;
  return (
    <Layout ctx={ctx} title={survey.titles[lang] || survey.titles.en} section="editor">
      <p class="breadcrumb">
        <a href="/editor">{t("nav.editor")}</a> › <a href="/editor/surveys">{t("survey.title")}</a>
      </p>
      <div class="page-head">
        <h1>{survey.titles[lang] || survey.titles.en}</h1>
        <span class="tag tag-muted">{t(`survey.status.${survey.status}`)}</span>
      </div>
      <div class="toolbar">
        {SURVEY_STATUSES.filter((s) => (survey.status === "draft" ? s === "open" : survey.status === "open" ? s === "closed" : s === "open")).map((s) => (
          <Form ctx={ctx} action={`${base}/status`} class="inline-form">
            <input type="hidden" name="status" value={s} />
            <button type="submit" class="button">
              {t(`survey.to.${s}`)}
            </button>
          </Form>
        ))}
        <a class="button button-secondary" href={`${base}/results`}>
          {t("survey.results")}
        </a>
        {survey.status !== "draft" && (
          <a class="button button-secondary" href={`/surveys/${survey.slug}/results`}>
            {t("survey.publicResults")}
          </a>
        )}
      </div>

      <section class="panel" aria-labelledby="figures-title">
        <div class="page-head">
          <h2 id="figures-title">{t("figure.title")}</h2>
          <a class="button" href={`${base}/figures/new`}>
            {t("figure.new")}
          </a>
        </div>
        {figures.length === 0 ? (
          <p class="muted">{t("figure.none")}</p>
        ) : (
          <ul class="plain-list figure-list">
            {figures.map((f) => (
              <li id={`figure-${f.slug}`}>
                <strong>{f.titles[lang] || f.titles.en}</strong> · <code>::figure{`{ref=${f.slug}}`}</code> · {t(`figure.kind.${f.chart as "radar"}`)} · <a href={`/figures/${f.slug}.svg`}>SVG</a> · <a href={`/figures/${f.slug}.csv`}>CSV</a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="panel" aria-labelledby="responses-title">
        <h2 id="responses-title">{t("survey.responses")}</h2>
        <p>{t("survey.rate", { submitted, invited: invited.length })}</p>
        <p>
          {t("survey.spreadsheets")}: <a href={`${base}/template.xlsx`}>{t("survey.templateXlsx")}</a> · <a href={`${base}/responses.xlsx`}>{t("survey.exportXlsx")}</a> ·{" "}
          <a href={`${base}/responses.csv`}>{t("survey.exportCsv")}</a>
        </p>
        {props.imported && <p class="notice notice-success">{t("survey.imported", { imported: props.imported.imported, replaced: props.imported.replaced })}</p>}
        {props.importProblems && (
          <div class="error-summary" role="alert" tabindex={-1}>
            <p class="error-summary-title">{t("survey.importRefused", { count: props.importProblems.length })}</p>
            <ul>
              {props.importProblems.slice(0, 200).map((p) => (
                <li>
                  <strong>{p.cell}</strong> ({p.key}): {t(`survey.problem.${p.code}`, { value: p.value ?? "", min: p.min ?? "", max: p.max ?? "" })}
                </li>
              ))}
            </ul>
          </div>
        )}
        <form method="post" action={`${base}/import`} enctype="multipart/form-data" class="inline-fields">
          <input type="hidden" name="_csrf" value={ctx.csrf} />
          <label for="f-responses">{t("survey.importFile")}</label>
          <input type="file" id="f-responses" name="responses" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required aria-describedby="h-responses" />
          <span class="hint" id="h-responses">
            {t("survey.importHint", { limit: props.uploadLimitMb })}
          </span>
          <button type="submit" class="button button-secondary">
            {t("survey.import")}
          </button>
        </form>
        <Form ctx={ctx} action={`${base}/invitations`} class="stack">
          <div class="table-wrap">
            <table class="data">
              <thead>
                <tr>
                  <th scope="col">{t("survey.invited")}</th>
                  <th scope="col">{t("org.name")}</th>
                  <th scope="col">{t("org.region")}</th>
                  <th scope="col">{t("survey.responseStatus")}</th>
                  <th scope="col">{t("cs.updated")}</th>
                </tr>
              </thead>
              <tbody>
                {organizations.map((o) => (
                  <tr>
                    <td>
                      <input type="checkbox" name="organizations" value={o.id} checked={o.invited} aria-label={t("survey.inviteOrg", { name: o.name })} />
                    </td>
                    <td>{o.name}</td>
                    <td>{o.regionCode ?? ""}</td>
                    <td>
                      {o.status ? t(`survey.response.${o.status as "draft"}`) : ""}
                      {o.source && o.source !== "form" ? ` (${t("survey.fromImport")})` : ""}
                    </td>
                    <td>
                      <DateTime value={o.updatedAt} lang={lang} withTime />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="submit" class="button button-secondary">
            {t("survey.saveInvitations")}
          </button>
        </Form>
        {invited
          .filter((o) => o.status === "submitted")
          .map((o) => (
            <Form ctx={ctx} action={`${base}/reopen`} class="inline-form survey-reopen">
              <input type="hidden" name="organizationId" value={o.id} />
              <button type="submit" class="link-button small">
                {t("survey.reopen", { name: o.name })}
              </button>
            </Form>
          ))}
      </section>

      <section class="panel" aria-labelledby="settings-title">
        <h2 id="settings-title">{t("survey.settings")}</h2>
        <ErrorSummary t={t} errors={error?.fields} code={error?.code} />
        <Form ctx={ctx} action={base} class="stack">
          <TextField t={t} name="title" label={t("survey.surveyTitle")} values={values} errors={error?.fields} required />
          <div class="inline-fields">
            <TextField t={t} name="year" label={t("survey.year")} values={values} errors={error?.fields} size="short" />
            <TextField t={t} name="kind" label={t("survey.kind")} hint={t("survey.kindHint")} values={values} errors={error?.fields} size="medium" />
            <TextField t={t} name="minGroup" label={t("survey.minGroup")} values={values} errors={error?.fields} size="short" />
            <TextField t={t} name="closesOn" type="date" label={t("deadline.closesOn")} hint={t("deadline.closesOnHint", { days: REMINDER_DAYS })} values={values} errors={error?.fields} optional size="medium" />
          </div>
          <TextAreaField t={t} name="intro" label={t("survey.intro")} values={values} errors={error?.fields} optional rows={3} />
          {props.definitionProblems && props.definitionProblems.length > 0 && (
            <div class="error-summary" role="alert">
              <p class="error-summary-title">{t("survey.definitionProblems")}</p>
              <ul>
                {props.definitionProblems.map((p) => (
                  <li>
                    <code>{p}</code>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <TextAreaField t={t} name="definition" label={t("survey.definition")} hint={t("survey.definitionHint")} values={values} errors={error?.fields} rows={24} />
          <p class="muted small">{t("survey.versions", { count: versions.length })}</p>
          <button type="submit" class="button">
            {t("survey.save")}
          </button>
        </Form>
      </section>
    </Layout>
  );
}
