import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import type { Db } from "#src/db/client.ts";
import { normalizeThemes } from "#src/domain/events.ts";
import { LANGUAGES } from "#src/domain/languages.ts";
import { getReport, getReportBySlug, listActiveTechnologies, listTechnologies } from "#src/features/catalog/repository.ts";
import * as repo from "#src/features/events/repository.ts";
import { DocumentInput, EventInput, MergeInput, NewRecommendationInput, OutcomeInput, OutcomeRecommendationInput, PartInput, RecommendationInput, RegisterQuery, textsFrom } from "#src/features/events/schemas.ts";
import * as service from "#src/features/events/service.ts";
import { PublicEventPage } from "#src/features/events/public-views.tsx";
import { EventPage, EventsPage, RecommendationPage, RegisterPage, type ReflectedIn } from "#src/features/events/views.tsx";
import { listRegions } from "#src/features/members/repository.ts";
import { appError, isAppError, type AppError } from "#src/lib/errors.ts";
import { contentDisposition } from "#src/lib/filenames.ts";
import { idFrom, parseInput } from "#src/lib/validation.ts";
import { actorOf, setFlash } from "#src/web/context.ts";
import { formBody, submitForm } from "#src/web/forms.ts";
import { reportSlugOf } from "#src/web/params.ts";
import { pageContext, sendPage } from "#src/web/render.ts";
import { isPart, multipartField } from "#src/web/uploads.ts";

const editor = { config: { policy: "editor" as const } };
const pub = { config: { policy: "public" as const } };

export type EventRoutesOptions = {
  /** Where a recommendation stands in the draft and the editions; the provenance feature answers. */
  reflectedIn: (db: Db, recommendation: repo.RecommendationRow) => Promise<ReflectedIn>;
};

/** Events, their outcomes and the recommendation register. */
export async function eventRoutes(app: FastifyInstance, { reflectedIn }: EventRoutesOptions) {
  const { db } = app.database;

  const reportOf = async (request: FastifyRequest) => {
    const report = await getReportBySlug(db, reportSlugOf(request));
    if (!report) throw appError("NOT_FOUND");
    return report;
  };
  const eventOf = async (request: FastifyRequest) => {
    const event = await repo.getEvent(db, idFrom(request.params));
    if (!event) throw appError("NOT_FOUND");
    return event;
  };

  /** The technologies a form offers: none retired, but those the records shown already use (by slug or id). */
  const offered = async (slugs: string[], ids: string[] = []) => {
    const used = ids.length ? (await listTechnologies(db)).filter((x) => ids.includes(x.id)).map((x) => x.slug) : [];
    return listActiveTechnologies(db, [...slugs, ...used]);
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
      repo.listOutcomes(db, event.id).then((used) => offered(used.flatMap((o) => o.technologySlugs))),
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
        const input = parseInput(PartInput, body);
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
      const input = parseInput(DocumentInput, values);
      const part = body.file;
      const file = isPart(part) && part.type === "file" ? { filename: part.filename, data: await part.toBuffer() } : undefined;
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
        const outcome = await service.addOutcome(db, actorOf(request), event.id, { kind: input.outcomeKind, partId: input.partId, producedBy: input.producedBy, technologySlugs: input.technologies, texts: textsFrom(body, "text") });
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
        const id = await service.outcomeToRegister(db, actorOf(request), event.reportId, outcome, parseInput(OutcomeRecommendationInput, body));
        return reply.redirect(`/editor/recommendations/${id}`, 303);
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

  // Readers: each event (the report's timeline is in provenance/routes.ts)

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
    const filter = RegisterQuery.parse(request.query ?? {});
    const rows = await repo.listRegister(db, report.id);
    return h(RegisterPage, { ctx: pageContext(request, reply), report, rows, technologies: await offered(rows.flatMap((r) => r.technologySlugs)), filter, ...(values ? { values } : {}), error });
  };

  app.get("/editor/reports/:report/recommendations", editor, async (request, reply) => sendPage(reply, await registerPage(request, reply)));

  app.post("/editor/reports/:report/recommendations", editor, async (request, reply) => {
    const report = await reportOf(request);
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const input = parseInput(NewRecommendationInput, body);
        const rec = await service.createRecommendation(db, actorOf(request), report.id, { slug: input.slug, texts: textsFrom(body, "text"), status: input.status, statusNote: input.statusNote, themes: normalizeThemes(input.themes), technologyIds: input.technologies, outcomeIds: [] });
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
      repo.recommendationTechnologyIds(db, rec.id).then((ids) => offered([], ids)),
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
        await service.updateRecommendation(db, actorOf(request), rec.id, { texts: textsFrom(body, "text"), status: input.status, statusNote: input.statusNote, themes: normalizeThemes(input.themes), technologyIds: input.technologies });
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
        const { other } = parseInput(MergeInput, body);
        await service.mergeRecommendation(db, actorOf(request), rec.id, other);
        setFlash(reply, "rec.merged");
        return reply.redirect(`/editor/recommendations/${rec.id}`, 303);
      },
      (error) => recommendationPage(request, reply, rec, undefined, error),
    );
  });
}
