import { isMessageKey, type Translate } from "#src/i18n/i18n.ts";
import { MAX_ATTEMPTS, type ExportParams, type JobRow, type PublishParams } from "#src/publishing/jobs.ts";
import { assetUrl } from "#src/web/assets.ts";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

/**
 * What a job waiting or running is doing, in the reader's language: its step (stored as a code,
 * see JobStep) translated. The job's page shows it, and its script asks for it again (the JSON answer).
 */
export function progressText(t: Translate, job: Pick<JobRow, "status" | "attempts" | "message">): string {
  if (job.status === "queued") return job.attempts > 0 ? t("job.retrying", { attempt: job.attempts + 1, max: MAX_ATTEMPTS }) : t("job.queued");
  const [step = "", done = "", total = ""] = (job.message ?? "").split(":");
  if (step === "pages" && done && total) return t("job.step.pages", { done: Number(done), total: Number(total) });
  const key = `job.step.${step}`;
  return isMessageKey(key) && step !== "pages" ? t(key as never) : t("job.running");
}

/** A job's progress, updated by a small script (or the check-again link) until the file is ready. */
export function JobPage({ ctx, job }: { ctx: PageContext; job: JobRow }) {
  if (job.kind === "publish") return <PublishJobPage ctx={ctx} job={job} />;
  const { t } = ctx;
  const params = job.params as ExportParams;
  const finished = job.status === "done" || job.status === "failed";
  return (
    <Layout ctx={ctx} title={t("job.title")} head={finished ? undefined : <script src={assetUrl("job.js")} defer />}>
      <div data-job={finished ? undefined : job.id}>
      <h1>{t("job.title")}</h1>
      <p class="lead">{params.filename}</p>
      <progress max={100} value={job.progress} aria-label={t("job.title")} class="job-progress">
        {job.progress}%
      </progress>
      <p role="status" data-status>
        {!finished && progressText(t, job)}
        {job.status === "done" && t("job.done")}
        {job.status === "failed" && t("job.failed")}
      </p>
      {job.status === "done" && (
        <p>
          <a class="button" href={`/jobs/${job.id}/download`}>
            {t("job.download", { filename: params.filename })}
          </a>
        </p>
      )}
      {!finished && (
        <p class="muted small">
          {t("job.refresh")} <a href={`/jobs/${job.id}`}>{t("job.checkAgain")}</a>
        </p>
      )}
      </div>
    </Layout>
  );
}

/**
 * An edition being published or withdrawn: its pages rendered one by one, then swapped in at once.
 * When done, links to the edition's page and to the edition as readers see it; when refused (the
 * edition changed since it was confirmed, the checks found errors or other warnings since), why.
 */
function PublishJobPage({ ctx, job }: { ctx: PageContext; job: JobRow }) {
  const { t } = ctx;
  const params = job.params as PublishParams;
  const finished = job.status === "done" || job.status === "failed";
  const title = t(`publishJob.title.${params.to}`, { label: params.label });
  // Why it failed: said for this job where the general message would not fit (the checks ran again before the swap).
  const reason = [`publishJob.error.${job.error}`, `error.${job.error}`].find((key) => job.error && isMessageKey(key));
  const why = reason ? t(reason as never) : t("publishJob.failedOther");
  return (
    <Layout ctx={ctx} title={title} section="editor" head={finished ? undefined : <script src={assetUrl("job.js")} defer />}>
      <div data-job={finished ? undefined : job.id}>
        <p class="breadcrumb">
          <a href={`/editor/editions/${params.editionId}`}>{params.label}</a>
        </p>
        <h1>{title}</h1>
        <progress max={100} value={job.progress} aria-label={title} class="job-progress">
          {job.progress}%
        </progress>
        <p role="status" data-status>
          {!finished && progressText(t, job)}
          {job.status === "done" && t(`publishJob.done.${params.to}`, { label: params.label })}
          {job.status === "failed" && t("publishJob.failed", { label: params.label })}
        </p>
        {job.status === "failed" && <p class="error-message">{why}</p>}
        {job.status === "done" && params.to === "published" && <p>{t("publishJob.downloads")}</p>}
        {finished && (
          <p class="action-bar">
            {job.status === "done" && (
              <a class="button" href={`/reports/${params.report}/${params.label}`}>
                {t("publishJob.read", { label: params.label })}
              </a>
            )}
            <a class={job.status === "done" ? "button button-secondary" : "button"} href={`/editor/editions/${params.editionId}`}>
              {t("publishJob.edition")}
            </a>
          </p>
        )}
        {!finished && (
          <p class="muted small">
            {t("job.refresh")} <a href={`/jobs/${job.id}`}>{t("job.checkAgain")}</a>
          </p>
        )}
      </div>
    </Layout>
  );
}
