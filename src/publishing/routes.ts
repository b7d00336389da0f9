import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { authorize } from "#src/access/index.ts";
import { h } from "preact";
import { isPublic } from "#src/domain/editions.ts";
import { editionManagement, editionWithReport } from "#src/features/editions/read.ts";
import { StatusChangeInput } from "#src/features/editions/schemas.ts";
import { EditionManagePage } from "#src/features/editions/views/manage.tsx";
import { appError } from "#src/lib/errors.ts";
import { contentDisposition } from "#src/lib/filenames.ts";
import { idFrom, parseInput } from "#src/lib/validation.ts";
import type { FormatName } from "#src/publishing/formats.ts";
import { getExportFile, getJob, requestExport, type ExportParams, type JobRow } from "#src/publishing/jobs.ts";
import { ExportUrl } from "#src/publishing/schemas.ts";
import { changeEditionStatus, exportTarget } from "#src/publishing/service.ts";
import { JobPage } from "#src/publishing/views.tsx";
import { actorOf, setFlash } from "#src/web/context.ts";
import { formBody, submitForm } from "#src/web/forms.ts";
import { pageContext, sendPage } from "#src/web/render.ts";

const pub = { config: { policy: "public" as const } };
const editor = { config: { policy: "editor" as const } };

/** Editions moved along their statuses, and their downloads in every format, produced by background jobs people can watch. */
export async function publishingRoutes(app: FastifyInstance) {
  const { db } = app.database;

  const jobOf = async (request: FastifyRequest) => {
    const job = await getJob(db, idFrom(request.params));
    if (!job) throw appError("NOT_FOUND");
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

  app.post("/editor/editions/:id/status", editor, async (request, reply) => {
    const { edition, report } = await editionWithReport(db, idFrom(request.params));
    return submitForm(
      reply,
      async () => {
        const input = parseInput(StatusChangeInput, formBody(request.body));
        authorize(request.user, input.to === "withdrawn" ? "withdraw" : "publish", { kind: "edition", edition });
        const updated = await changeEditionStatus(db, actorOf(request), report, edition.id, input, app.config.publicUrl);
        app.editionCache.forgetLookups();
        setFlash(reply, "edition.statusChanged", { label: updated.label, status: request.t(`edition.status.${updated.status}`) });
        return reply.redirect(`/editor/editions/${edition.id}`, 303);
      },
      async (error) => h(EditionManagePage, { ctx: pageContext(request, reply), ...(await editionManagement(db, edition.id)), error }),
    );
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
      return reply.header("cache-control", "no-store").send({ id: job.id, status: job.status, progress: job.progress, message: job.message });
    }
    return sendPage(reply, h(JobPage, { ctx: pageContext(request, reply), job }));
  });

  app.get("/jobs/:id/download", pub, async (request, reply) => {
    const job = await jobOf(request);
    if (job.status !== "done") return reply.redirect(`/jobs/${job.id}`, 303);
    return sendFile(reply, job);
  });
}
