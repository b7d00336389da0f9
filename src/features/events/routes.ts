import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import { z } from "zod";
import { ATTACHMENT_TYPES, checkDocx, DOCX_TYPE, sniff } from "#src/lib/file-checks.ts";
import { listEditions } from "#src/features/editions/repository.ts";
import { EVENT_KINDS, EVENT_PART_KINDS, normalizeThemes, OUTCOME_KINDS, RECOMMENDATION_STATUSES, REF_SLUG } from "#src/domain/events.ts";
import * as repo from "#src/features/events/repository.ts";
import * as service from "#src/features/events/service.ts";
import { EventPage, EventsPage, RecommendationPage, RegisterPage, type RegisterFilter } from "#src/features/events/views.tsx";
import { PublicEventPage, TimelinePage } from "#src/features/events/public-views.tsx";
import { LANGUAGES } from "#src/domain/languages.ts";
import { listRegions } from "#src/features/members/repository.ts";
import { INPUT_KINDS, reflectedIn, traceability, traceabilityXlsx, type InputKind } from "#src/features/reports/provenance.ts";
import { getReport, getReportBySlug, listTechnologies } from "#src/features/catalog/repository.ts";
import { TraceabilityPage } from "#src/features/events/trace-view.tsx";
import { appError, isAppError, type AppError } from "#src/lib/errors.ts";
import { cleanFilename, contentDisposition } from "#src/lib/filenames.ts";
import { idFrom, optionalText, parseInput, requiredText } from "#src/lib/validation.ts";
import { actorOf, setFlash } from "#src/web/context.ts";
import { formBody, submitForm } from "#src/web/forms.ts";
import { pageContext, sendPage } from "#src/web/render.ts";
import { multipartField } from "#src/web/uploads.ts";

const editor = { config: { policy: "editor" as const } };
const pub = { config: { policy: "public" as const } };

const slug = z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.string({ error: "field.required" }).regex(REF_SLUG, { error: "field.slug" }));
const date = z.iso.date({ error: "field.date" });
const list = (v: unknown) => (v === undefined || v === "" ? [] : [v].flat());

const EventInput = z.object({
  kind: z.enum(EVENT_KINDS, { error: "field.invalid" }),
  title: requiredText(300),
  slug,
  startsOn: date,
  endsOn: date,
  place: optionalText(200),
  online: z.preprocess((v) => v === "1" || v === "on" || v === true, z.boolean()),
  regionCode: z.preprocess((v) => (v === "" ? null : v), z.string().regex(/^[A-Z0-9_-]{1,20}$/i, { error: "field.invalid" }).nullable().default(null)),
  organizers: optionalText(300).transform((v) => v ?? ""),
  summary: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(4000, { error: "field.tooLong" })),
});

const texts = (body: Record<string, unknown>, prefix: string, max = 4000) => {
  const out: Partial<Record<(typeof LANGUAGES)[number], string>> = {};
  for (const l of LANGUAGES) {
    const v = body[`${prefix}_${l}`];
    if (typeof v === "string" && v.trim()) {
      if (v.length > max) throw appError("VALIDATION_FAILED", { [`${prefix}_${l}`]: "field.tooLong" });
      out[l] = v.trim();
    }
  }
  return out;
};

const TechnologySlugs = z.preprocess(list, z.array(z.string().regex(/^[a-z0-9-]{1,60}$/, { error: "field.invalid" })).max(50));
const OutcomeInput = z.object({
  outcomeKind: z.enum(OUTCOME_KINDS, { error: "field.invalid" }),
  partId: z.preprocess((v) => (v === "" ? null : v), z.uuid({ error: "field.invalid" }).nullable().default(null)),
  producedBy: optionalText(300).transform((v) => v ?? ""),
  technologies: TechnologySlugs,
});
const RecommendationInput = z.object({
  status: z.enum(RECOMMENDATION_STATUSES, { error: "field.invalid" }).default("proposed"),
  statusNote: optionalText(500),
  themes: z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().max(500, { error: "field.tooLong" })),
  technologies: z.preprocess(list, z.array(z.uuid({ error: "field.invalid" })).max(50)),
});

/** Events, their outcomes, the recommendation register and the traceability matrix. */
export async function eventRoutes(app: FastifyInstance) {
  const { db } = app.database;

  const reportOf = async (request: FastifyRequest) => {
    const report = await getReportBySlug(db, (request.params as { report: string }).report);
    if (!report) throw appError("NOT_FOUND");
    return report;
  };
  const eventOf = async (request: FastifyRequest) => {
    const event = await repo.getEvent(db, idFrom(request.params));
    if (!event) throw appError("NOT_FOUND");
    return event;
  };

  // Events

  const eventsPage = async (request: FastifyRequest, reply: Parameters<typeof pageContext>[1], values?: Record<string, unknown>, error?: AppError) => {
    const report = await reportOf(request);
    return h(EventsPage, { ctx: pageContext(request, reply), report, events: await repo.listEvents(db, report.id), regions: await listRegions(db), ...(values ? { values } : {}), error });
  };

  app.get("/editor/reports/:report/events", editor, async (request, reply) => sendPage(reply, await eventsPage(request, reply)));

  app.post("/editor/reports/:report/events", editor, async (request, reply) => {
    const report = await reportOf(request);
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const event = await service.createEvent(db, actorOf(request), report.id, parseInput(EventInput, body));
        return reply.redirect(`/editor/events/${event.id}`, 303);
      },
      (error) => eventsPage(request, reply, body, error),
    );
  });

  const eventPage = async (request: FastifyRequest, reply: Parameters<typeof pageContext>[1], event: repo.EventRow, extra: { values?: Record<string, unknown>; error?: AppError; form?: "event" | "part" | "document" | "outcome" } = {}) => {
    const [report, parts, documents, outcomes, regions, technologies] = await Promise.all([
      reportById(event.reportId),
      repo.listParts(db, event.id),
      repo.listDocuments(db, event.id),
      repo.listOutcomes(db, event.id),
      listRegions(db),
      listTechnologies(db),
    ]);
    const links = await repo.recommendationsOfOutcomes(db, outcomes.map((o) => o.id));
    const register = (await repo.listRegister(db, event.reportId)) as repo.RecommendationRow[];
    return h(EventPage, {
      ctx: pageContext(request, reply),
      report,
      event,
      parts,
      documents,
      outcomes: outcomes.map((o) => ({ ...o, recommendations: links.filter((l) => l.outcomeId === o.id) })),
      regions,
      technologies,
      register,
      ...extra,
    });
  };
  async function reportById(id: string) {
    const report = await getReport(db, id);
    if (!report) throw appError("NOT_FOUND");
    return report;
  }

  app.get("/editor/events/:id", editor, async (request, reply) => sendPage(reply, await eventPage(request, reply, await eventOf(request))));

  app.post("/editor/events/:id", editor, async (request, reply) => {
    const event = await eventOf(request);
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        await service.updateEvent(db, actorOf(request), event.id, parseInput(EventInput, body));
        setFlash(reply, "common.saved");
        return reply.redirect(`/editor/events/${event.id}`, 303);
      },
      async (error) => eventPage(request, reply, event, { values: body, error, form: "event" }),
    );
  });

  app.post("/editor/events/:id/parts", editor, async (request, reply) => {
    const event = await eventOf(request);
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const input = parseInput(z.object({ partKind: z.enum(EVENT_PART_KINDS, { error: "field.invalid" }), partTitle: requiredText(300) }), body);
        await service.addPart(db, actorOf(request), event.id, { kind: input.partKind, title: input.partTitle });
        return reply.redirect(`/editor/events/${event.id}#parts-h`, 303);
      },
      async (error) => eventPage(request, reply, event, { values: body, error, form: "part" }),
    );
  });

  app.post("/editor/events/:id/documents", editor, async (request, reply) => {
    const event = await eventOf(request);
    if (!request.isMultipart()) throw appError("UNSUPPORTED_MEDIA_TYPE");
    const body = request.body as Record<string, unknown>;
    const values = { docCode: multipartField(body, "docCode") ?? "", docTitle: multipartField(body, "docTitle") ?? "" };
    try {
      const input = parseInput(z.object({ docCode: requiredText(80), docTitle: requiredText(300) }), values);
      const part = body.file as { type?: string; filename?: string; toBuffer?: () => Promise<Buffer> } | undefined;
      let file: { name: string; mediaType: string; data: Buffer } | undefined;
      if (part?.type === "file" && part.toBuffer) {
        const data = await part.toBuffer();
        if (data.length) {
          const type = await sniff(data);
          if (type === DOCX_TYPE) await checkDocx(data);
          else if (!type || !(ATTACHMENT_TYPES as readonly string[]).includes(type)) throw appError("FILE_TYPE_NOT_ALLOWED");
          file = { name: cleanFilename(part.filename, "document"), mediaType: type, data };
        }
      }
      await service.addDocument(db, actorOf(request), event.id, { code: input.docCode, title: input.docTitle, file });
      return reply.redirect(`/editor/events/${event.id}#docs-h`, 303);
    } catch (e) {
      if (isAppError(e) && e.status < 500 && e.status !== 404 && e.status !== 403) return sendPage(reply, await eventPage(request, reply, event, { values, error: e, form: "document" }), e.status);
      throw e;
    }
  });

  app.post("/editor/events/:id/outcomes", editor, async (request, reply) => {
    const event = await eventOf(request);
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const input = parseInput(OutcomeInput, body);
        const outcome = await service.addOutcome(db, actorOf(request), event.id, { kind: input.outcomeKind, partId: input.partId, producedBy: input.producedBy, technologySlugs: input.technologies, texts: texts(body, "text") });
        return reply.redirect(`/editor/events/${event.id}#outcome-${outcome.id}`, 303);
      },
      async (error) => eventPage(request, reply, event, { values: body, error, form: "outcome" }),
    );
  });

  /** An outcome into the register: a new recommendation with its words, or one more source of an existing one. */
  app.post("/editor/outcomes/:id/recommendation", editor, async (request, reply) => {
    const outcome = await repo.getOutcome(db, idFrom(request.params));
    if (!outcome) throw appError("NOT_FOUND");
    const event = (await repo.getEvent(db, outcome.eventId))!;
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const input = parseInput(z.object({ slug: z.preprocess((v) => (v === "" ? undefined : v), slug.optional()), recommendationId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid({ error: "field.invalid" }).optional()) }), body);
        if (input.recommendationId) {
          await service.addSource(db, actorOf(request), input.recommendationId, outcome.id);
          return reply.redirect(`/editor/recommendations/${input.recommendationId}`, 303);
        }
        if (!input.slug) throw appError("VALIDATION_FAILED", { slug: "field.required" });
        const rec = await service.createRecommendation(db, actorOf(request), event.reportId, { slug: input.slug, texts: outcome.texts, status: "proposed", statusNote: null, themes: [], technologyIds: (await repo.technologiesBySlugs(db, outcome.technologySlugs)).map((x) => x.id), outcomeIds: [outcome.id] });
        return reply.redirect(`/editor/recommendations/${rec.id}`, 303);
      },
      async (error) => eventPage(request, reply, event, { error, form: "outcome" }),
    );
  });

  app.get("/files/event-documents/:id", pub, async (request, reply) => {
    const doc = await repo.getDocumentFile(db, idFrom(request.params));
    if (!doc?.content || !doc.fileName || !doc.mediaType) throw appError("NOT_FOUND");
    return reply
      .type(doc.mediaType)
      .header("content-disposition", contentDisposition("attachment", doc.fileName))
      .header("content-security-policy", "default-src 'none'; sandbox")
      .header("x-content-type-options", "nosniff")
      .header("cache-control", "public, max-age=3600")
      .send(doc.content);
  });

  // Readers: the timeline and each event

  app.get("/reports/:report/timeline", pub, async (request, reply) => {
    const report = await reportOf(request);
    const [events, editions, regions] = await Promise.all([repo.listEvents(db, report.id), listEditions(db, report.id), listRegions(db)]);
    return sendPage(reply, h(TimelinePage, { ctx: pageContext(request, reply), report, events, editions: editions.filter((e) => e.status === "published" || e.status === "withdrawn"), regions }));
  });

  app.get("/reports/:report/events/:slug", pub, async (request, reply) => {
    const report = await reportOf(request);
    const event = await repo.getEventBySlug(db, report.id, (request.params as { slug: string }).slug);
    if (!event) throw appError("NOT_FOUND");
    const [parts, documents, outcomes, regions, technologies] = await Promise.all([repo.listParts(db, event.id), repo.listDocuments(db, event.id), repo.listOutcomes(db, event.id), listRegions(db), listTechnologies(db)]);
    return sendPage(reply, h(PublicEventPage, { ctx: pageContext(request, reply), report, event, parts, documents, outcomes, regions, technologies }));
  });

  // The register

  const registerPage = async (request: FastifyRequest, reply: Parameters<typeof pageContext>[1], values?: Record<string, unknown>, error?: AppError) => {
    const report = await reportOf(request);
    const q = request.query as Record<string, unknown>;
    const filter: RegisterFilter = { status: typeof q.status === "string" ? q.status : undefined, technology: typeof q.technology === "string" ? q.technology : undefined, theme: typeof q.theme === "string" ? q.theme : undefined };
    return h(RegisterPage, { ctx: pageContext(request, reply), report, rows: await repo.listRegister(db, report.id), technologies: await listTechnologies(db), filter, ...(values ? { values } : {}), error });
  };

  app.get("/editor/reports/:report/recommendations", editor, async (request, reply) => sendPage(reply, await registerPage(request, reply)));

  app.post("/editor/reports/:report/recommendations", editor, async (request, reply) => {
    const report = await reportOf(request);
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const input = parseInput(RecommendationInput.extend({ slug }), body);
        const rec = await service.createRecommendation(db, actorOf(request), report.id, { slug: input.slug, texts: texts(body, "text"), status: input.status, statusNote: input.statusNote, themes: normalizeThemes(input.themes), technologyIds: input.technologies, outcomeIds: [] });
        return reply.redirect(`/editor/recommendations/${rec.id}`, 303);
      },
      (error) => registerPage(request, reply, body, error),
    );
  });

  const recommendationPage = async (request: FastifyRequest, reply: Parameters<typeof pageContext>[1], rec: repo.RecommendationRow, values?: Record<string, unknown>, error?: AppError) => {
    const [report, sourceIds, reflected, register, technologies, technologyIds] = await Promise.all([
      reportById(rec.reportId),
      repo.sourceIdsOf(db, rec.id),
      reflectedIn(db, rec),
      repo.listRegister(db, rec.reportId),
      listTechnologies(db),
      repo.recommendationTechnologyIds(db, rec.id),
    ]);
    const sources = await repo.outcomesWithEvents(db, sourceIds);
    const shownValues = values ?? {
      ...Object.fromEntries(LANGUAGES.map((l) => [`text_${l}`, rec.texts[l] ?? ""])),
      status: rec.status,
      statusNote: rec.statusNote ?? "",
      themes: rec.themes.join(", "),
      technologies: technologyIds,
    };
    return h(RecommendationPage, {
      ctx: pageContext(request, reply),
      report,
      rec,
      mergedInto: rec.mergedIntoId ? await repo.getRecommendation(db, rec.mergedIntoId) : undefined,
      sources,
      reflected,
      others: register.filter((r) => r.id !== rec.id && r.status !== "retired"),
      technologies,
      values: shownValues,
      error,
    });
  };
  const recommendationOf = async (request: FastifyRequest) => {
    const rec = await repo.getRecommendation(db, idFrom(request.params));
    if (!rec) throw appError("NOT_FOUND");
    return rec;
  };

  app.get("/editor/recommendations/:id", editor, async (request, reply) => sendPage(reply, await recommendationPage(request, reply, await recommendationOf(request))));

  app.post("/editor/recommendations/:id", editor, async (request, reply) => {
    const rec = await recommendationOf(request);
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const input = parseInput(RecommendationInput, body);
        const t = texts(body, "text");
        if (!Object.keys(t).length) throw appError("VALIDATION_FAILED", { text_en: "field.required" });
        await service.updateRecommendation(db, actorOf(request), rec.id, { texts: t, status: input.status, statusNote: input.statusNote, themes: normalizeThemes(input.themes), technologyIds: input.technologies });
        setFlash(reply, "common.saved");
        return reply.redirect(`/editor/recommendations/${rec.id}`, 303);
      },
      (error) => recommendationPage(request, reply, rec, body, error),
    );
  });

  app.post("/editor/recommendations/:id/merge", editor, async (request, reply) => {
    const rec = await recommendationOf(request);
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const { other } = parseInput(z.object({ other: z.uuid({ error: "field.invalid" }) }), body);
        await service.mergeRecommendation(db, actorOf(request), rec.id, other);
        setFlash(reply, "rec.merged");
        return reply.redirect(`/editor/recommendations/${rec.id}`, 303);
      },
      (error) => recommendationPage(request, reply, rec, undefined, error),
    );
  });

  // Traceability

  const kindFilter = (request: FastifyRequest): InputKind | undefined => {
    const kind = (request.query as Record<string, unknown>).kind;
    return (INPUT_KINDS as readonly unknown[]).includes(kind) ? (kind as InputKind) : undefined;
  };

  app.get("/editor/reports/:report/traceability", editor, async (request, reply) => {
    const report = await reportOf(request);
    const matrix = await traceability(db, report.slug, request.lang);
    const kind = kindFilter(request);
    return sendPage(reply, h(TraceabilityPage, { ctx: pageContext(request, reply), report, matrix: kind ? { ...matrix, rows: matrix.rows.filter((r) => r.kind === kind) } : matrix, kind }));
  });

  app.get("/editor/reports/:report/traceability.xlsx", editor, async (request, reply) => {
    const report = await reportOf(request);
    const t = request.t;
    const matrix = await traceability(db, report.slug, request.lang);
    const kind = kindFilter(request);
    const file = await traceabilityXlsx(kind ? { ...matrix, rows: matrix.rows.filter((r) => r.kind === kind) } : matrix, {
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
