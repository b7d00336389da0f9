import { MAX_ATTEMPTS, type ExportParams, type JobRow } from "#src/publishing/jobs.ts";
import { assetUrl } from "#src/web/assets.ts";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

/** A job's progress, updated by a small script (or the check-again link) until the file is ready. */
export function JobPage({ ctx, job }: { ctx: PageContext; job: JobRow }) {
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
