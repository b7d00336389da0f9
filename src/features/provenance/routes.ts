import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import { getReportBySlug } from "#src/features/catalog/repository.ts";
import { listEvents } from "#src/features/events/repository.ts";
import { listRegions } from "#src/features/members/repository.ts";
import { INPUT_KINDS, traceability, traceabilityXlsx, type InputKind } from "#src/features/provenance/provenance.ts";
import { listPublicEditions } from "#src/features/editions/repository.ts";
import { TraceabilityQuery } from "#src/features/provenance/schemas.ts";
import { TimelinePage, TraceabilityPage } from "#src/features/provenance/views.tsx";
import { appError } from "#src/lib/errors.ts";
import { contentDisposition } from "#src/lib/filenames.ts";
import { reportSlugOf } from "#src/web/params.ts";
import { pageContext, sendPage } from "#src/web/render.ts";

const editor = { config: { policy: "editor" as const } };
const pub = { config: { policy: "public" as const } };

const kindOf = (request: FastifyRequest) => TraceabilityQuery.parse(request.query ?? {}).kind;

/** Where things went: a report's timeline of events and editions, and its traceability matrix. */
export async function provenanceRoutes(app: FastifyInstance) {
  const { db } = app.database;

  const reportOf = async (request: FastifyRequest) => {
    const report = await getReportBySlug(db, reportSlugOf(request));
    if (!report) throw appError("NOT_FOUND");
    return report;
  };

  app.get("/reports/:report/timeline", pub, async (request, reply) => {
    const report = await reportOf(request);
    const [events, editions, regions] = await Promise.all([listEvents(db, report.id), listPublicEditions(db, report.id), listRegions(db)]);
    return sendPage(reply, h(TimelinePage, { ctx: pageContext(request, reply), report, events, editions, regions }));
  });

  app.get("/editor/reports/:report/traceability", editor, async (request, reply) => {
    const report = await reportOf(request);
    const kind = kindOf(request);
    const matrix = await traceability(db, report.slug, request.lang, kind);
    return sendPage(reply, h(TraceabilityPage, { ctx: pageContext(request, reply), report, matrix, kind }));
  });

  app.get("/editor/reports/:report/traceability.xlsx", editor, async (request, reply) => {
    const report = await reportOf(request);
    const t = request.t;
    const matrix = await traceability(db, report.slug, request.lang, kindOf(request));
    const file = await traceabilityXlsx(matrix, {
      kind: t("trace.kind"),
      input: t("trace.input"),
      total: t("trace.total"),
      kinds: Object.fromEntries(INPUT_KINDS.map((k) => [k, t(`trace.kind.${k}`)])) as Record<InputKind, string>,
    });
    return reply
      .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .header("content-disposition", contentDisposition("attachment", `${report.slug}-traceability.xlsx`))
      .send(file);
  });
}
