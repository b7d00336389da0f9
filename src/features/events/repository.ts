import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { queryRows, type Db } from "#src/db/client.ts";
import { containsWords, jsonTexts } from "#src/db/words.ts";
import type { LocalizedText } from "#src/domain/languages.ts";
import { eventDocuments, eventParts, events, outcomes, recommendationSources, recommendations, recommendationTechnologies } from "#src/db/schema/events.ts";
import { reports, technologies } from "#src/db/schema/reports.ts";

export type EventRow = typeof events.$inferSelect;
export type PartRow = typeof eventParts.$inferSelect;
export type DocumentInfo = Omit<typeof eventDocuments.$inferSelect, "content">;
export type OutcomeRow = typeof outcomes.$inferSelect;
export type RecommendationRow = typeof recommendations.$inferSelect;

// Events

export const listEvents = (db: Db, reportId: string) => db.select().from(events).where(eq(events.reportId, reportId)).orderBy(asc(events.startsOn), asc(events.title));

export async function getEvent(db: Db, id: string): Promise<EventRow | undefined> {
  const [row] = await db.select().from(events).where(eq(events.id, id));
  return row;
}

export async function getEventBySlug(db: Db, reportId: string, slug: string): Promise<EventRow | undefined> {
  const [row] = await db.select().from(events).where(and(eq(events.reportId, reportId), eq(events.slug, slug)));
  return row;
}

export async function insertEvent(tx: Db, values: typeof events.$inferInsert): Promise<EventRow> {
  const [row] = await tx.insert(events).values(values).returning();
  return row!;
}

export async function updateEvent(tx: Db, id: string, values: Partial<typeof events.$inferInsert>): Promise<EventRow> {
  const [row] = await tx.update(events).set({ ...values, updatedAt: sql`now()` }).where(eq(events.id, id)).returning();
  return row!;
}

export const listParts = (db: Db, eventId: string) => db.select().from(eventParts).where(eq(eventParts.eventId, eventId)).orderBy(asc(eventParts.position));

export async function insertPart(tx: Db, values: Omit<typeof eventParts.$inferInsert, "position">): Promise<PartRow> {
  const [row] = await tx
    .insert(eventParts)
    .values({ ...values, position: sql`(select coalesce(max(position), -1) + 1 from event_parts where event_id = ${values.eventId})` })
    .returning();
  return row!;
}

const documentColumns = { id: eventDocuments.id, eventId: eventDocuments.eventId, code: eventDocuments.code, title: eventDocuments.title, fileName: eventDocuments.fileName, mediaType: eventDocuments.mediaType, size: eventDocuments.size, createdAt: eventDocuments.createdAt };

export const listDocuments = (db: Db, eventId: string): Promise<DocumentInfo[]> => db.select(documentColumns).from(eventDocuments).where(eq(eventDocuments.eventId, eventId)).orderBy(asc(eventDocuments.code));

export async function getDocumentFile(db: Db, id: string) {
  const [row] = await db.select().from(eventDocuments).where(eq(eventDocuments.id, id));
  return row;
}

export async function insertDocument(tx: Db, values: typeof eventDocuments.$inferInsert): Promise<DocumentInfo> {
  const [row] = await tx.insert(eventDocuments).values(values).returning(documentColumns);
  return row!;
}

// Outcomes

export const listOutcomes = (db: Db, eventId: string) => db.select().from(outcomes).where(eq(outcomes.eventId, eventId)).orderBy(asc(outcomes.createdAt));

export async function getOutcome(db: Db, id: string): Promise<OutcomeRow | undefined> {
  const [row] = await db.select().from(outcomes).where(eq(outcomes.id, id));
  return row;
}

export async function insertOutcome(tx: Db, values: typeof outcomes.$inferInsert): Promise<OutcomeRow> {
  const [row] = await tx.insert(outcomes).values(values).returning();
  return row!;
}

/** Outcomes with their event, for lists of sources. */
export function outcomesWithEvents(db: Db, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ outcome: outcomes, event: { id: events.id, slug: events.slug, title: events.title, kind: events.kind, startsOn: events.startsOn }, part: { id: eventParts.id, title: eventParts.title, kind: eventParts.kind } })
    .from(outcomes)
    .innerJoin(events, eq(events.id, outcomes.eventId))
    .leftJoin(eventParts, eq(eventParts.id, outcomes.partId))
    .where(inArray(outcomes.id, ids))
    .orderBy(asc(events.startsOn), asc(outcomes.createdAt));
}

// Recommendations

export async function getRecommendation(db: Db, id: string): Promise<RecommendationRow | undefined> {
  const [row] = await db.select().from(recommendations).where(eq(recommendations.id, id));
  return row;
}

export async function lockRecommendation(tx: Db, id: string): Promise<RecommendationRow | undefined> {
  const [row] = await tx.select().from(recommendations).where(eq(recommendations.id, id)).for("update");
  return row;
}

export async function recommendationsBySlugs(db: Db, slugs: string[]): Promise<RecommendationRow[]> {
  if (!slugs.length) return [];
  return db.select().from(recommendations).where(inArray(recommendations.slug, slugs));
}

export async function insertRecommendation(tx: Db, values: typeof recommendations.$inferInsert): Promise<RecommendationRow> {
  const [row] = await tx.insert(recommendations).values(values).returning();
  return row!;
}

export async function updateRecommendation(tx: Db, id: string, values: Partial<typeof recommendations.$inferInsert>): Promise<RecommendationRow> {
  const [row] = await tx.update(recommendations).set({ ...values, updatedAt: sql`now()` }).where(eq(recommendations.id, id)).returning();
  return row!;
}

export async function setRecommendationTechnologies(tx: Db, id: string, technologyIds: string[]) {
  await tx.delete(recommendationTechnologies).where(eq(recommendationTechnologies.recommendationId, id));
  if (technologyIds.length) await tx.insert(recommendationTechnologies).values(technologyIds.map((technologyId) => ({ recommendationId: id, technologyId })));
}

export async function addSources(tx: Db, recommendationId: string, outcomeIds: string[], addedBy: string | null) {
  if (outcomeIds.length) await tx.insert(recommendationSources).values(outcomeIds.map((outcomeId) => ({ recommendationId, outcomeId, addedBy }))).onConflictDoNothing();
}

/**
 * The outcomes some recommendations came from, each with its part and its event (and the event's
 * report, for links to the event's public page): oldest event first, then in the order recorded.
 */
export function sourcesOfRecommendations(db: Db, recommendationIds: string[]) {
  if (!recommendationIds.length) return Promise.resolve([]);
  return db
    .select({
      recommendationId: recommendationSources.recommendationId,
      outcome: { id: outcomes.id, kind: outcomes.kind, texts: outcomes.texts, producedBy: outcomes.producedBy },
      part: eventParts.title,
      event: { slug: events.slug, title: events.title, kind: events.kind, startsOn: events.startsOn, endsOn: events.endsOn },
      report: reports.slug,
    })
    .from(recommendationSources)
    .innerJoin(outcomes, eq(outcomes.id, recommendationSources.outcomeId))
    .innerJoin(events, eq(events.id, outcomes.eventId))
    .innerJoin(reports, eq(reports.id, events.reportId))
    .leftJoin(eventParts, eq(eventParts.id, outcomes.partId))
    .where(inArray(recommendationSources.recommendationId, recommendationIds))
    .orderBy(asc(events.startsOn), asc(outcomes.createdAt), asc(outcomes.id));
}

export const sourceIdsOf = async (db: Db, recommendationId: string) =>
  (await db.select({ id: recommendationSources.outcomeId }).from(recommendationSources).where(eq(recommendationSources.recommendationId, recommendationId))).map((r) => r.id);

/** For each outcome, the recommendations it feeds. */
export function recommendationsOfOutcomes(db: Db, outcomeIds: string[]) {
  if (!outcomeIds.length) return Promise.resolve([]);
  return db
    .select({ outcomeId: recommendationSources.outcomeId, id: recommendations.id, slug: recommendations.slug, status: recommendations.status })
    .from(recommendationSources)
    .innerJoin(recommendations, eq(recommendations.id, recommendationSources.recommendationId))
    .where(inArray(recommendationSources.outcomeId, outcomeIds));
}

export type RegisterRow = RecommendationRow & { technologySlugs: string[]; sources: number; sections: number; editions: string[] };

/** The register: every recommendation of a report with its technologies, sources, placements and editions. */
export async function listRegister(db: Db, reportId: string): Promise<RegisterRow[]> {
  return queryRows<RegisterRow>(
    db,
    sql`
    select r.id, r.report_id as "reportId", r.slug, r.texts, r.status, r.themes, r.merged_into_id as "mergedIntoId", r.status_note as "statusNote",
      r.created_at as "createdAt", r.updated_at as "updatedAt",
      coalesce((select json_agg(t.slug order by t.slug) from recommendation_technologies rt join technologies t on t.id = rt.technology_id where rt.recommendation_id = r.id), '[]') as "technologySlugs",
      (select count(*)::int from recommendation_sources s where s.recommendation_id = r.id) as sources,
      (select count(distinct sr.section_id)::int from section_references sr join sections se on se.id = sr.section_id where sr.kind = 'recommendation' and sr.ref = r.slug and se.removed_at is null) as sections,
      coalesce((select json_agg(e.label order by e.edition_date) from edition_items i join editions e on e.id = i.edition_id where i.kind = 'recommendation' and i.ref = r.id::text and e.status = 'published'), '[]') as editions
    from recommendations r where r.report_id = ${reportId}
    order by r.created_at, r.slug`,
  );
}

export const recommendationTechnologyIds = async (db: Db, id: string) =>
  (await db.select({ id: recommendationTechnologies.technologyId }).from(recommendationTechnologies).where(eq(recommendationTechnologies.recommendationId, id))).map((r) => r.id);

export const technologiesBySlugs = (db: Db, slugs: string[]) => (slugs.length ? db.select().from(technologies).where(inArray(technologies.slug, slugs)) : Promise.resolve([]));

export type RecommendationCandidateRow = RecommendationRow & { technologies: LocalizedText[] };

/**
 * A report's recommendations a text may place: by slug, or every word typed found in their words
 * (any language), slug, themes or technologies. Adopted ones first, then in the register's order.
 */
export function findRecommendationCandidates(db: Db, reportId: string, filter: { words: string[]; ref?: string | undefined; limit: number }): Promise<RecommendationCandidateRow[]> {
  const techNames = sql`coalesce((select string_agg(n.value, ' ') from recommendation_technologies rt join technologies t on t.id = rt.technology_id cross join jsonb_each_text(t.names) n where rt.recommendation_id = r.id), '')`;
  const haystack = sql`${jsonTexts(sql`r.texts`)} || ' ' || r.slug || ' ' || coalesce((select string_agg(value, ' ') from jsonb_array_elements_text(r.themes)), '') || ' ' || ${techNames}`;
  const where = filter.ref !== undefined ? sql`r.slug = ${filter.ref}` : (containsWords(haystack, filter.words) ?? sql`true`);
  return queryRows<RecommendationCandidateRow>(
    db,
    sql`select r.id, r.report_id as "reportId", r.slug, r.texts, r.status, r.themes, r.merged_into_id as "mergedIntoId", r.status_note as "statusNote",
      r.created_at as "createdAt", r.updated_at as "updatedAt",
      coalesce((select json_agg(t.names order by t.slug) from recommendation_technologies rt join technologies t on t.id = rt.technology_id where rt.recommendation_id = r.id), '[]') as technologies
    from recommendations r where r.report_id = ${reportId} and ${where}
    order by (r.status = 'endorsed') desc, r.created_at, r.slug
    limit ${filter.limit}`,
  );
}
