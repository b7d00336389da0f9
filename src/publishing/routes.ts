import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { z } from "zod";
import { isPublic } from "#src/features/editions/domain.ts";
import * as editions from "#src/features/editions/repository.ts";
import { LANGUAGES, roleAtLeast } from "#src/features/members/domain.ts";
import { getReportBySlug } from "#src/features/reports/repository.ts";
import { appError } from "#src/lib/errors.ts";
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

/** Downloads of editions in every format, produced by background jobs people can watch. */
export async function publishingRoutes(app: FastifyInstance) {
  const { db } = app.database;

  const jobOf = async (request: FastifyRequest) => {
    const job = await getJob(db, idFrom(request.params));
    if (!job) throw appError("NOT_FOUND");
    // Exports of drafts and editions in review are for members only, like the editions themselves.
    if ((job.params as ExportParams).members && !request.user) throw appError("UNAUTHENTICATED");
    return job;
  };

  const sendFile = async (reply: FastifyReply, job: JobRow) => {
    const file = await getExportFile(db, job.key);
    if (!file) throw appError("NOT_FOUND");
    return reply
      .type(file.mediaType)
      .header("content-disposition", `attachment; filename="${file.filename}"`)
      .header("cache-control", (job.params as ExportParams).members ? "private, no-cache" : "public, max-age=86400")
      .send(file.bytes);
  };

  app.get("/reports/:report/:edition/:lang/export/:format", pub, async (request, reply) => {
    const p = ExportParamsSchema.safeParse(request.params);
    if (!p.success) throw appError("NOT_FOUND");
    const report = await getReportBySlug(db, p.data.report);
    if (!report || !report.languages.includes(p.data.lang)) throw appError("NOT_FOUND");
    const isEditor = Boolean(request.user && roleAtLeast(request.user.role, "editor"));
    const label = p.data.edition === "current" ? (await editions.getCurrentEdition(db, report.id))?.label : p.data.edition;
    const edition = label && label !== "draft" ? await editions.getEditionByLabel(db, report.id, label) : undefined;
    if (label === "draft" && !request.user) throw appError("UNAUTHENTICATED");
    if (!edition && !(label === "draft" && isEditor)) throw appError(label === "draft" ? "FORBIDDEN" : "NOT_FOUND");
    if (edition && !isPublic(edition.status) && !request.user) throw appError("UNAUTHENTICATED");
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
