import { isMessageKey } from "#src/i18n/i18n.ts";
import { MAX_ATTEMPTS, type ExportParams, type JobRow, type PublishParams } from "#src/publishing/jobs.ts";
import { assetUrl } from "#src/web/assets.ts";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

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
        {job.status === "queued" && (job.attempts > 0 ? t("job.retrying", { attempt: job.attempts + 1, max: MAX_ATTEMPTS }) : t("job.queued"))}
        {job.status === "running" && t("job.running", { message: job.message ?? "" })}
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
 * edition changed since it was confirmed), why.
 */
function PublishJobPage({ ctx, job }: { ctx: PageContext; job: JobRow }) {
  const { t } = ctx;
  const params = job.params as PublishParams;
  const finished = job.status === "done" || job.status === "failed";
  const title = t(`publishJob.title.${params.to}`, { label: params.label });
  const reason = job.error && isMessageKey(`error.${job.error}`) ? t(`error.${job.error}` as never) : t("publishJob.failedOther");
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
          {job.status === "queued" && (job.attempts > 0 ? t("job.retrying", { attempt: job.attempts + 1, max: MAX_ATTEMPTS }) : t("job.queued"))}
          {job.status === "running" && t("publishJob.running", { message: job.message ?? "" })}
          {job.status === "done" && t(`publishJob.done.${params.to}`, { label: params.label })}
          {job.status === "failed" && t("publishJob.failed", { label: params.label })}
        </p>
        {job.status === "failed" && <p class="error-message">{reason}</p>}
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
