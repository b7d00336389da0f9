import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { queryRows, type Db } from "#src/db/client.ts";
import { containsWords, jsonTexts } from "#src/db/words.ts";
import type { LocalizedText } from "#src/domain/languages.ts";
import { organizations, regions } from "#src/db/schema/members.ts";
import { figures, surveyInvitations, surveyResponses, surveys, surveyVersions } from "#src/db/schema/surveys.ts";

export type SurveyRow = typeof surveys.$inferSelect;
export type VersionRow = typeof surveyVersions.$inferSelect;
export type ResponseRow = typeof surveyResponses.$inferSelect;
export type FigureRow = typeof figures.$inferSelect;

export const listSurveys = (db: Db) => db.select().from(surveys).orderBy(desc(surveys.year), asc(surveys.slug));

export async function getSurvey(db: Db, id: string) {
  const [row] = await db.select().from(surveys).where(eq(surveys.id, id));
  return row;
}

export async function getSurveyBySlug(db: Db, slug: string) {
  const [row] = await db.select().from(surveys).where(eq(surveys.slug, slug));
  return row;
}

/** The survey, held against changes to it (its invitations) while an answer is saved; answers do not wait for each other. */
export async function shareSurvey(tx: Db, id: string) {
  const [row] = await tx.select().from(surveys).where(eq(surveys.id, id)).for("share");
  return row;
}

export async function lockSurvey(tx: Db, id: string) {
  const [row] = await tx.select().from(surveys).where(eq(surveys.id, id)).for("update");
  return row;
}

export async function insertSurvey(tx: Db, values: typeof surveys.$inferInsert) {
  const [row] = await tx.insert(surveys).values(values).returning();
  return row!;
}

export async function updateSurvey(tx: Db, id: string, values: Partial<typeof surveys.$inferInsert>) {
  const [row] = await tx.update(surveys).set({ ...values, updatedAt: sql`now()` }).where(eq(surveys.id, id)).returning();
  return row!;
}

export async function getVersion(db: Db, id: number) {
  const [row] = await db.select().from(surveyVersions).where(eq(surveyVersions.id, id));
  return row;
}

export const versionsOf = (db: Db, surveyId: string) => db.select().from(surveyVersions).where(eq(surveyVersions.surveyId, surveyId)).orderBy(desc(surveyVersions.number));

export async function insertVersion(tx: Db, surveyId: string, definition: VersionRow["definition"]) {
  const [row] = await tx
    .insert(surveyVersions)
    .values({ surveyId, definition, number: sql`(select coalesce(max(number), 0) + 1 from survey_versions where survey_id = ${surveyId})` })
    .returning();
  return row!;
}

export async function replaceDefinition(tx: Db, versionId: number, definition: VersionRow["definition"]) {
  await tx.update(surveyVersions).set({ definition }).where(eq(surveyVersions.id, versionId));
}

export async function responsesToVersion(db: Db, versionId: number): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(surveyResponses).where(eq(surveyResponses.versionId, versionId));
  return row?.n ?? 0;
}

// Invitations

export const invitedOrganizations = (db: Db, surveyId: string) =>
  db
    .select({ id: organizations.id, name: organizations.name, shortName: organizations.shortName, kind: organizations.kind, regionCode: organizations.regionCode, country: organizations.country })
    .from(surveyInvitations)
    .innerJoin(organizations, eq(organizations.id, surveyInvitations.organizationId))
    .where(eq(surveyInvitations.surveyId, surveyId))
    .orderBy(asc(organizations.name));

export async function isInvited(db: Db, surveyId: string, organizationId: string) {
  const [row] = await db.select().from(surveyInvitations).where(and(eq(surveyInvitations.surveyId, surveyId), eq(surveyInvitations.organizationId, organizationId)));
  return Boolean(row);
}

export async function invite(tx: Db, surveyId: string, organizationIds: string[]) {
  if (organizationIds.length) await tx.insert(surveyInvitations).values(organizationIds.map((organizationId) => ({ surveyId, organizationId }))).onConflictDoNothing();
}

export async function uninvite(tx: Db, surveyId: string, organizationId: string) {
  await tx.delete(surveyInvitations).where(and(eq(surveyInvitations.surveyId, surveyId), eq(surveyInvitations.organizationId, organizationId)));
}

/** Open surveys an organization is invited to, with its response's state. */
export const surveysFor = (db: Db, organizationId: string) =>
  db
    .select({ survey: surveys, status: surveyResponses.status, updatedAt: surveyResponses.updatedAt })
    .from(surveyInvitations)
    .innerJoin(surveys, eq(surveys.id, surveyInvitations.surveyId))
    .leftJoin(surveyResponses, and(eq(surveyResponses.surveyId, surveys.id), eq(surveyResponses.organizationId, organizationId)))
    .where(and(eq(surveyInvitations.organizationId, organizationId), inArray(surveys.status, ["open", "closed"])))
    .orderBy(desc(surveys.year));

/** Open surveys with how many organizations are invited and how many have submitted: the secretariat's work page. */
export const openSurveysWithCounts = (db: Db) =>
  db
    .select({
      id: surveys.id,
      titles: surveys.titles,
      year: surveys.year,
      closesOn: surveys.closesOn,
      invited: sql<number>`(select count(*)::int from survey_invitations i where i.survey_id = ${surveys.id})`,
      submitted: sql<number>`(select count(*)::int from survey_responses r where r.survey_id = ${surveys.id} and r.status = 'submitted')`,
    })
    .from(surveys)
    .where(eq(surveys.status, "open"))
    .orderBy(sql`${surveys.closesOn} asc nulls last`, asc(surveys.slug));

/** Open surveys whose closing day falls between two days (ISO, both included): those due a reminder. */
export const openSurveysClosingBetween = (db: Db, from: string, to: string) =>
  db
    .select()
    .from(surveys)
    .where(and(eq(surveys.status, "open"), sql`${surveys.closesOn} between ${from}::date and ${to}::date`))
    .orderBy(asc(surveys.closesOn), asc(surveys.id));

/** The invited organizations that have not submitted their response (none yet, or a draft). */
export const organizationsYetToSubmit = async (db: Db, surveyId: string) =>
  (
    await db
      .select({ id: surveyInvitations.organizationId })
      .from(surveyInvitations)
      .leftJoin(surveyResponses, and(eq(surveyResponses.surveyId, surveyInvitations.surveyId), eq(surveyResponses.organizationId, surveyInvitations.organizationId)))
      .where(and(eq(surveyInvitations.surveyId, surveyId), sql`${surveyResponses.status} is distinct from 'submitted'`))
  ).map((r) => r.id);

// Responses

/**
 * Locks an organization's response for the transaction, including one that does not exist yet
 * (an advisory lock on the pair), so that two first submissions cannot both win.
 */
export async function lockResponse(tx: Db, surveyId: string, organizationId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`survey-response:${surveyId}:${organizationId}`}))`);
  const [row] = await tx.select().from(surveyResponses).where(and(eq(surveyResponses.surveyId, surveyId), eq(surveyResponses.organizationId, organizationId))).for("update");
  return row;
}

export async function getResponse(db: Db, surveyId: string, organizationId: string) {
  const [row] = await db.select().from(surveyResponses).where(and(eq(surveyResponses.surveyId, surveyId), eq(surveyResponses.organizationId, organizationId)));
  return row;
}

/** Writes an organization's response (one per survey and organization, whoever races to it first). */
export async function upsertResponse(tx: Db, values: typeof surveyResponses.$inferInsert) {
  const [row] = await tx
    .insert(surveyResponses)
    .values(values)
    .onConflictDoUpdate({
      target: [surveyResponses.surveyId, surveyResponses.organizationId],
      set: { answers: values.answers, status: values.status, versionId: values.versionId, source: values.source, updatedBy: values.updatedBy, submittedAt: values.submittedAt ?? null, updatedAt: sql`now()` },
    })
    .returning();
  return row!;
}

export async function setResponseStatus(tx: Db, id: string, status: "draft" | "submitted") {
  await tx.update(surveyResponses).set({ status, submittedAt: status === "submitted" ? sql`now()` : null, updatedAt: sql`now()` }).where(eq(surveyResponses.id, id));
}

/** Every response with its organization's region and kind: what results are computed from. */
export const responsesWithOrganizations = (db: Db, surveyId: string) =>
  db
    .select({ response: surveyResponses, organization: { id: organizations.id, name: organizations.name, shortName: organizations.shortName, kind: organizations.kind, regionCode: organizations.regionCode, country: organizations.country } })
    .from(surveyResponses)
    .innerJoin(organizations, eq(organizations.id, surveyResponses.organizationId))
    .where(eq(surveyResponses.surveyId, surveyId))
    .orderBy(asc(organizations.name));

export const listRegionNames = (db: Db) => db.select().from(regions).orderBy(asc(regions.position));

// Figures

export const listFigures = (db: Db) => db.select().from(figures).orderBy(asc(figures.slug));

export async function getFigureBySlug(db: Db, slug: string) {
  const [row] = await db.select().from(figures).where(eq(figures.slug, slug));
  return row;
}

export async function figuresBySlugs(db: Db, slugs: string[]) {
  return slugs.length ? db.select().from(figures).where(inArray(figures.slug, slugs)) : [];
}

export async function insertFigure(tx: Db, values: typeof figures.$inferInsert) {
  const [row] = await tx.insert(figures).values(values).returning();
  return row!;
}

export async function updateFigure(tx: Db, id: string, values: Partial<typeof figures.$inferInsert>) {
  const [row] = await tx.update(figures).set({ ...values, updatedAt: sql`now()` }).where(eq(figures.id, id)).returning();
  return row!;
}

export type FigureCandidateRow = FigureRow & { surveyTitles: LocalizedText; technology: LocalizedText | null };

/**
 * Figures a text may place: by slug, or every word typed found in the titles, captions, slug
 * or the technology it shows (in any language). Newest surveys first.
 */
export function findFigureCandidates(db: Db, filter: { words: string[]; ref?: string | undefined; limit: number }): Promise<FigureCandidateRow[]> {
  const haystack = sql`${jsonTexts(sql`f.titles`)} || ' ' || ${jsonTexts(sql`f.captions`)} || ' ' || f.slug || ' ' || ${jsonTexts(sql`t.names`)}`;
  const where = filter.ref !== undefined ? sql`f.slug = ${filter.ref}` : (containsWords(haystack, filter.words) ?? sql`true`);
  return queryRows<FigureCandidateRow>(
    db,
    sql`select f.id, f.slug, f.survey_id as "surveyId", f.query, f.chart, f.titles, f.captions, f.alts, f.source, f.created_at as "createdAt", f.updated_at as "updatedAt",
      s.titles as "surveyTitles", t.names as technology
    from figures f join surveys s on s.id = f.survey_id left join technologies t on t.slug = f.query ->> 'technology'
    where ${where}
    order by s.year desc, f.titles ->> 'en', f.slug
    limit ${filter.limit}`,
  );
}
