import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { z } from "zod";
import { isPublic } from "#src/domain/editions.ts";
import * as editions from "#src/features/editions/repository.ts";
import { roleAtLeast } from "#src/domain/members.ts";
import { LANGUAGES } from "#src/domain/languages.ts";
import { getReportBySlug } from "#src/features/catalog/repository.ts";
import { appError } from "#src/lib/errors.ts";
import { contentDisposition } from "#src/lib/filenames.ts";
import { idFrom } from "#src/lib/validation.ts";
import { FORMAT_NAMES, type FormatName } from "#src/publishing/formats.ts";
import { getExportFile, getJob, requestExport, type ExportParams, type JobRow } from "#src/publishing/jobs.ts";
import { JobPage } from "#src/publishing/views.tsx";
import { actorOf } from "#src/web/context.ts";
import { pageContext, sendPage } from "#src/web/render.ts";

const pub = { config: { policy: "public" as const } };
const ExportParamsSchema = z.object({
  report: z.string().regex(/^[a-z0-9-]{1,60}$/),
  edition: z.string().regex(/^[a-z0-9-]{1,40}$/),
  lang: z.enum(LANGUAGES),
  format: z.enum(FORMAT_NAMES as [string, ...string[]]),
});

/**
 * Who may start an export, watch its job and download its file: one rule for all three. The
 * living draft is for editors; editions not yet public are for signed-in members.
 */
function checkExportAccess(request: FastifyRequest, target: { draft: boolean; members: boolean }) {
  if ((target.draft || target.members) && !request.user) throw appError("UNAUTHENTICATED");
  if (target.draft && !roleAtLeast(request.user!.role, "editor")) throw appError("FORBIDDEN");
}

/** Downloads of editions in every format, produced by background jobs people can watch. */
export async function publishingRoutes(app: FastifyInstance) {
  const { db } = app.database;

  const jobOf = async (request: FastifyRequest) => {
    const job = await getJob(db, idFrom(request.params));
    if (!job) throw appError("NOT_FOUND");
    const params = job.params as ExportParams;
    checkExportAccess(request, { draft: params.edition === "draft", members: params.members });
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

  app.get("/reports/:report/:edition/:lang/export/:format", pub, async (request, reply) => {
    const p = ExportParamsSchema.safeParse(request.params);
    if (!p.success) throw appError("NOT_FOUND");
    const report = await getReportBySlug(db, p.data.report);
    if (!report || !report.languages.includes(p.data.lang)) throw appError("NOT_FOUND");
    const label = p.data.edition === "current" ? (await editions.getCurrentEdition(db, report.id))?.label : p.data.edition;
    const edition = label && label !== "draft" ? await editions.getEditionByLabel(db, report.id, label) : undefined;
    if (!edition && label !== "draft") throw appError("NOT_FOUND");
    checkExportAccess(request, { draft: !edition, members: !edition || !isPublic(edition.status) });
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
