import { announceChange } from "#src/db/changes.ts";
import { transaction, type Db } from "#src/db/client.ts";
import { isUniqueViolation } from "#src/db/errors.ts";
import { recordAudit } from "#src/features/audit/repository.ts";
import { type Actor } from "#src/domain/actors.ts";
import type { EventKind, EventPartKind, OutcomeKind, RecommendationStatus } from "#src/domain/events.ts";
import * as repo from "#src/features/events/repository.ts";
import type { Language } from "#src/domain/languages.ts";
import { appError } from "#src/lib/errors.ts";
import { checkAttachment, checkDocx, DOCX_TYPE, sniff } from "#src/lib/file-checks.ts";
import { cleanFilename } from "#src/lib/filenames.ts";

// Commands on events, outcomes and the recommendation register: each one transaction with its
// audit event.

export type Texts = Partial<Record<Language, string>>;
export type EventInput = { slug: string; kind: EventKind; title: string; startsOn: string; endsOn: string; place: string | null; online: boolean; regionCode: string | null; organizers: string; summary: string };

const slugTaken = (e: unknown, constraint: string) => {
  if (isUniqueViolation(e, constraint)) throw appError("SLUG_TAKEN", { slug: "error.SLUG_TAKEN" });
  throw e;
};

const checkDates = (input: { startsOn: string; endsOn: string }) => {
  if (input.endsOn < input.startsOn) throw appError("VALIDATION_FAILED", { endsOn: "field.endBeforeStart" });
};

export async function createEvent(db: Db, actor: Actor, reportId: string, input: EventInput) {
  checkDates(input);
  return transaction(db, async (tx) => {
    await announceChange(tx, "events");
    const event = await repo.insertEvent(tx, { reportId, ...input });
    await recordAudit(tx, actor, { action: "event.create", entityType: "event", entityId: event.id, data: { slug: input.slug, kind: input.kind } });
    return event;
  }).catch((e) => slugTaken(e, "events_report_slug_key"));
}

export async function updateEvent(db: Db, actor: Actor, id: string, input: EventInput) {
  checkDates(input);
  return transaction(db, async (tx) => {
    await announceChange(tx, "events");
    const event = await repo.updateEvent(tx, id, input);
    await recordAudit(tx, actor, { action: "event.update", entityType: "event", entityId: id, data: { slug: input.slug } });
    return event;
  }).catch((e) => slugTaken(e, "events_report_slug_key"));
}

export function addPart(db: Db, actor: Actor, eventId: string, input: { kind: EventPartKind; title: string }) {
  return transaction(db, async (tx) => {
    await announceChange(tx, "events");
    const part = await repo.insertPart(tx, { eventId, ...input });
    await recordAudit(tx, actor, { action: "event.part.add", entityType: "event", entityId: eventId, data: { partId: part.id, kind: input.kind, title: input.title } });
    return part;
  });
}

/** A file as uploaded: its bytes and the name the browser gave. */
export type UploadedFile = { filename: string | undefined; data: Buffer };

/**
 * The file of an event document, judged by its bytes: a PDF or a picture (ATTACHMENT_TYPES), or a
 * Word document that unpacks within limits. Readers download it as it came.
 */
async function checkedDocument(file: UploadedFile) {
  const isWord = (await sniff(file.data)) === DOCX_TYPE;
  if (isWord) await checkDocx(file.data);
  const mediaType = isWord ? DOCX_TYPE : await checkAttachment(file.data);
  return { name: cleanFilename(file.filename, "document"), mediaType, data: file.data };
}

/** Lists a document of an event (its code and title), with its file when one is given. */
export async function addDocument(db: Db, actor: Actor, eventId: string, input: { code: string; title: string; file?: UploadedFile | undefined }) {
  const file = input.file?.data.length ? await checkedDocument(input.file) : undefined;
  return transaction(db, async (tx) => {
    await announceChange(tx, "events");
    const document = await repo.insertDocument(tx, {
      eventId,
      code: input.code,
      title: input.title,
      fileName: file?.name ?? null,
      mediaType: file?.mediaType ?? null,
      content: file?.data ?? null,
      size: file?.data.length ?? null,
    });
    await recordAudit(tx, actor, { action: "event.document.add", entityType: "event", entityId: eventId, data: { documentId: document.id, code: input.code } });
    return document;
  });
}

export type OutcomeInput = { partId: string | null; kind: OutcomeKind; texts: Texts; producedBy: string; technologySlugs: string[] };

export async function addOutcome(db: Db, actor: Actor, eventId: string, input: OutcomeInput) {
  if (!Object.values(input.texts).some((v) => v?.trim())) throw appError("VALIDATION_FAILED", { text_en: "field.required" });
  return transaction(db, async (tx) => {
    await announceChange(tx, "events");
    if (input.partId && !(await repo.listParts(tx, eventId)).some((p) => p.id === input.partId)) throw appError("VALIDATION_FAILED", { partId: "field.invalid" });
    const outcome = await repo.insertOutcome(tx, { eventId, ...input });
    await recordAudit(tx, actor, { action: "outcome.add", entityType: "event", entityId: eventId, data: { outcomeId: outcome.id, kind: input.kind } });
    return outcome;
  });
}

export type RecommendationInput = { slug: string; texts: Texts; status: RecommendationStatus; statusNote: string | null; themes: string[]; technologyIds: string[] };

/** A new recommendation, from the outcomes given (none for one the secretariat drafts itself). */
export async function createRecommendation(db: Db, actor: Actor, reportId: string, input: RecommendationInput & { outcomeIds: string[] }) {
  if (!input.texts.en?.trim() && !Object.values(input.texts).some((v) => v?.trim())) throw appError("VALIDATION_FAILED", { text_en: "field.required" });
  return transaction(db, async (tx) => {
    await announceChange(tx, "events");
    const { technologyIds, outcomeIds, ...values } = input;
    const rec = await repo.insertRecommendation(tx, { reportId, ...values });
    await repo.setRecommendationTechnologies(tx, rec.id, technologyIds);
    await repo.addSources(tx, rec.id, outcomeIds, actor.userId);
    await recordAudit(tx, actor, { action: "recommendation.create", entityType: "recommendation", entityId: rec.id, data: { slug: rec.slug, sources: outcomeIds } });
    return rec;
  }).catch((e) => slugTaken(e, "recommendations_slug_key"));
}

export async function updateRecommendation(db: Db, actor: Actor, id: string, input: Omit<RecommendationInput, "slug">) {
  if (!Object.keys(input.texts).length) throw appError("VALIDATION_FAILED", { text_en: "field.required" });
  return transaction(db, async (tx) => {
    await announceChange(tx, "events");
    const current = await repo.lockRecommendation(tx, id);
    if (!current) throw appError("NOT_FOUND");
    const { technologyIds, ...values } = input;
    const rec = await repo.updateRecommendation(tx, id, values);
    await repo.setRecommendationTechnologies(tx, id, technologyIds);
    await recordAudit(tx, actor, { action: "recommendation.update", entityType: "recommendation", entityId: id, data: { status: input.status, from: current.status } });
    return rec;
  });
}

export function addSource(db: Db, actor: Actor, id: string, outcomeId: string) {
  return transaction(db, async (tx) => {
    await announceChange(tx, "events");
    if (!(await repo.lockRecommendation(tx, id)) || !(await repo.getOutcome(tx, outcomeId))) throw appError("NOT_FOUND");
    await repo.addSources(tx, id, [outcomeId], actor.userId);
    await recordAudit(tx, actor, { action: "recommendation.source.add", entityType: "recommendation", entityId: id, data: { outcomeId } });
  });
}

/**
 * An outcome into the register: one more source of an existing recommendation, or a new one with
 * the outcome's words and technologies. Answers the recommendation's id.
 */
export async function outcomeToRegister(db: Db, actor: Actor, reportId: string, outcome: repo.OutcomeRow, choice: { recommendationId?: string | undefined; slug?: string | undefined }): Promise<string> {
  if (choice.recommendationId) {
    await addSource(db, actor, choice.recommendationId, outcome.id);
    return choice.recommendationId;
  }
  if (!choice.slug) throw appError("VALIDATION_FAILED", { slug: "field.required" });
  const technologyIds = (await repo.technologiesBySlugs(db, outcome.technologySlugs)).map((x) => x.id);
  const rec = await createRecommendation(db, actor, reportId, { slug: choice.slug, texts: outcome.texts, status: "proposed", statusNote: null, themes: [], technologyIds, outcomeIds: [outcome.id] });
  return rec.id;
}

/**
 * Merges `otherId` into `id`: every source of the other becomes a source of this one, and the
 * other is retired, pointing here. Sections that still place the other show it as merged.
 */
export async function mergeRecommendation(db: Db, actor: Actor, id: string, otherId: string) {
  if (id === otherId) throw appError("VALIDATION_FAILED", { other: "field.invalid" });
  return transaction(db, async (tx) => {
    await announceChange(tx, "events");
    // Lock both in a fixed order, so two opposite merges cannot deadlock.
    const [first, second] = [id, otherId].sort();
    const a = await repo.lockRecommendation(tx, first!);
    const b = await repo.lockRecommendation(tx, second!);
    const target = a?.id === id ? a : b;
    const other = a?.id === otherId ? a : b;
    if (!target || !other || target.reportId !== other.reportId) throw appError("NOT_FOUND");
    if (target.status === "retired" || other.status === "retired") throw appError("RECOMMENDATION_RETIRED");
    const sources = await repo.sourceIdsOf(tx, other.id);
    await repo.addSources(tx, target.id, sources, actor.userId);
    await repo.updateRecommendation(tx, other.id, { status: "retired", mergedIntoId: target.id, statusNote: null });
    await recordAudit(tx, actor, { action: "recommendation.merge", entityType: "recommendation", entityId: target.id, data: { merged: other.id, slug: other.slug, sources } });
  });
}
