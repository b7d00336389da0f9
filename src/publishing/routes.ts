import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { authorize } from "#src/access/index.ts";
import { h } from "preact";
import { isPublic } from "#src/domain/editions.ts";
import { editionManagement, editionWithReport } from "#src/features/editions/read.ts";
import { EditionManagePage } from "#src/features/editions/views/manage.tsx";
import { appError, isAppError, type AppError } from "#src/lib/errors.ts";
import { contentDisposition } from "#src/lib/filenames.ts";
import { idFrom, parseInput } from "#src/lib/validation.ts";
import type { FormatName } from "#src/publishing/formats.ts";
import { getExportFile, getJob, requestExport, type ExportParams, type JobRow } from "#src/publishing/jobs.ts";
import { ExportUrl, PublishForm, ReviewMoveInput, WithdrawForm } from "#src/publishing/schemas.ts";
import { changeEditionStatus, exportTarget, startPublish, startWithdraw } from "#src/publishing/service.ts";
import { JobPage, progressText } from "#src/publishing/views.tsx";
import { actorOf, callerOf, setFlash } from "#src/web/context.ts";
import { formBody, submitForm } from "#src/web/forms.ts";
import { pageContext, sendPage } from "#src/web/render.ts";

const pub = { config: { policy: "public" as const } };

// What the person publishing can fix on the edition's page: a field (400), the typed label (422),
// the checks' findings or the edition's state (409).
const isFixable = (e: unknown): e is AppError => isAppError(e) && (e.status === 400 || e.status === 409 || e.status === 422);
const editor = { config: { policy: "editor" as const } };

/** Editions moved along their statuses, and their downloads in every format, produced by background jobs people can watch. */
export async function publishingRoutes(app: FastifyInstance) {
  const { db } = app.database;

  const jobOf = async (request: FastifyRequest) => {
    const job = await getJob(db, idFrom(request.params));
    if (!job) throw appError("NOT_FOUND");
    if (job.kind === "publish") {
      authorize(request.user, "watch", { kind: "publish-job" });
      return job;
    }
    const params = job.params as ExportParams;
    authorize(request.user, "download", { kind: "export", draft: params.edition === "draft", membersOnly: params.members });
    return job;
  };

  const sendFile = async (reply: FastifyReply, job: JobRow) => {
    const file = await getExportFile(db, job.key);
    if (!file) throw appError("NOT_FOUND");
    return reply
      .type(file.mediaType)
      .header("content-disposition", contentDisposition("attachment", file.filename))
      .header("cache-control", (job.params as ExportParams).members ? "private, no-cache" : "public, max-age=86400")
      .send(file.bytes);
  };

  // The edition's page again, with what went wrong beside the fields and what was typed kept.
  const editionPage = async (request: FastifyRequest, reply: FastifyReply, editionId: string, error: AppError, values?: Record<string, unknown>) =>
    h(EditionManagePage, { ctx: pageContext(request, reply), ...(await editionManagement(db, editionId)), error, values });

  // Draft ⇄ in review: a simple button.
  app.post("/editor/editions/:id/status", editor, async (request, reply) => {
    const { edition } = await editionWithReport(db, idFrom(request.params));
    return submitForm(
      reply,
      async () => {
        const { to } = parseInput(ReviewMoveInput, formBody(request.body));
        const updated = await changeEditionStatus(db, callerOf(request), edition.id, to);
        setFlash(reply, "edition.statusChanged", { label: updated.label, status: request.t(`edition.status.${updated.status}`) });
        return reply.redirect(`/editor/editions/${edition.id}`, 303);
      },
      (error) => editionPage(request, reply, edition.id, error),
    );
  });

  // Publishing and withdrawing are confirmed by typing the edition's label; they run as a job
  // whose page shows the progress. A label typed wrong is answered beside its field, the form kept.
  const confirmed = (label: string, confirm: string | null) => {
    if ((confirm ?? "").toLowerCase() !== label) throw appError("CONFIRMATION_MISMATCH", { confirm: "publish.confirmMismatch" });
  };

  app.post("/editor/editions/:id/publish", editor, async (request, reply) => {
    const { edition } = await editionWithReport(db, idFrom(request.params));
    const body = formBody(request.body);
    try {
      const input = parseInput(PublishForm, body);
      confirmed(edition.label, input.confirm);
      const job = await startPublish(db, callerOf(request), edition.id, { acknowledgement: { note: input.note ?? "", codes: input.warnings } }, app.config.publicUrl);
      return reply.redirect(`/jobs/${job.id}`, 303);
    } catch (error) {
      if (!isFixable(error)) throw error;
      return sendPage(reply, await editionPage(request, reply, edition.id, error, body), error.status);
    }
  });

  app.post("/editor/editions/:id/withdraw", editor, async (request, reply) => {
    const { edition } = await editionWithReport(db, idFrom(request.params));
    const body = formBody(request.body);
    try {
      const input = parseInput(WithdrawForm, body);
      confirmed(edition.label, input.confirm);
      const job = await startWithdraw(db, callerOf(request), edition.id, { reason: input.reason }, app.config.publicUrl);
      return reply.redirect(`/jobs/${job.id}`, 303);
    } catch (error) {
      if (!isFixable(error)) throw error;
      return sendPage(reply, await editionPage(request, reply, edition.id, error, body), error.status);
    }
  });

  app.get("/reports/:report/:edition/:lang/export/:format", pub, async (request, reply) => {
    const p = ExportUrl.safeParse(request.params);
    if (!p.success) throw appError("NOT_FOUND");
    const { report, edition } = await exportTarget(db, p.data);
    authorize(request.user, "download", { kind: "export", draft: !edition, membersOnly: !edition || !isPublic(edition.status) });
    const job = await requestExport(db, actorOf(request), report, edition, p.data.format as FormatName, p.data.lang);
    if (job.status === "done") return sendFile(reply, job);
    return reply.redirect(`/jobs/${job.id}`, 303);
  });

  app.get("/jobs/:id", pub, async (request, reply) => {
    const job = await jobOf(request);
    const accept = request.headers.accept ?? "";
    if (accept.includes("json") && !accept.includes("html")) {
      // `text`: the step in the reader's language, for the page's script; `message`: the step's code.
      return reply.header("cache-control", "no-store").send({ id: job.id, status: job.status, progress: job.progress, message: job.message, text: progressText(request.t, job) });
    }
    return sendPage(reply, h(JobPage, { ctx: pageContext(request, reply), job }));
  });

  app.get("/jobs/:id/download", pub, async (request, reply) => {
    const job = await jobOf(request);
    if (job.status !== "done") return reply.redirect(`/jobs/${job.id}`, 303);
    return sendFile(reply, job);
  });
}
