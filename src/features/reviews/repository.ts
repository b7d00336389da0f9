import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "#src/db/client.ts";
import { editions } from "#src/db/schema/editions.ts";
import { reports, sectionHeads, sectionRevisions } from "#src/db/schema/reports.ts";
import { organizations, users } from "#src/db/schema/members.ts";
import { reviewComments, reviewInvitations, reviewRounds, topicEndorsements, topicProposals } from "#src/db/schema/reviews.ts";

export type RoundRow = typeof reviewRounds.$inferSelect;
export type CommentRow = typeof reviewComments.$inferSelect;
export type ProposalRow = typeof topicProposals.$inferSelect;

// Rounds

export function listRounds(db: Db, reportId: string) {
  return db
    .select({ round: reviewRounds, editionLabel: editions.label, comments: sql<number>`(select count(*)::int from review_comments c where c.round_id = ${reviewRounds.id} and c.parent_id is null)`, open: sql<number>`(select count(*)::int from review_comments c where c.round_id = ${reviewRounds.id} and c.parent_id is null and c.disposition is null)` })
    .from(reviewRounds)
    .leftJoin(editions, eq(editions.id, reviewRounds.editionId))
    .where(eq(reviewRounds.reportId, reportId))
    .orderBy(desc(reviewRounds.opensOn), desc(reviewRounds.createdAt));
}

export async function getRound(db: Db, id: string): Promise<RoundRow | undefined> {
  const [row] = await db.select().from(reviewRounds).where(eq(reviewRounds.id, id));
  return row;
}

export async function lockRound(tx: Db, id: string): Promise<RoundRow | undefined> {
  const [row] = await tx.select().from(reviewRounds).where(eq(reviewRounds.id, id)).for("update");
  return row;
}

export async function insertRound(tx: Db, values: typeof reviewRounds.$inferInsert): Promise<RoundRow> {
  const [row] = await tx.insert(reviewRounds).values(values).returning();
  return row!;
}

export async function updateRound(tx: Db, id: string, values: Partial<typeof reviewRounds.$inferInsert>): Promise<RoundRow> {
  const [row] = await tx.update(reviewRounds).set(values).where(eq(reviewRounds.id, id)).returning();
  return row!;
}

export async function setInvitations(tx: Db, roundId: string, organizationIds: string[]) {
  await tx.delete(reviewInvitations).where(eq(reviewInvitations.roundId, roundId));
  if (organizationIds.length) await tx.insert(reviewInvitations).values(organizationIds.map((organizationId) => ({ roundId, organizationId })));
}

/** The active organizations one may invite, with what the picker filters and searches on. */
export function invitableOrganizations(db: Db) {
  return db
    .select({ id: organizations.id, name: organizations.name, shortName: organizations.shortName, kind: organizations.kind, country: organizations.country, regionCode: organizations.regionCode })
    .from(organizations)
    .where(isNull(organizations.deactivatedAt))
    .orderBy(asc(sql`lower(${organizations.name})`));
}

/** Which of these ids name an active organization. */
export async function activeOrganizationIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.select({ id: organizations.id }).from(organizations).where(and(inArray(organizations.id, ids), isNull(organizations.deactivatedAt)));
  return new Set(rows.map((r) => r.id));
}

export const invitedOrganizationIds = async (db: Db, roundId: string) =>
  (await db.select({ id: reviewInvitations.organizationId }).from(reviewInvitations).where(eq(reviewInvitations.roundId, roundId))).map((r) => r.id);

export async function isInvited(db: Db, roundId: string, organizationId: string | null): Promise<boolean> {
  if (!organizationId) return false;
  const [row] = await db.select({ id: reviewInvitations.organizationId }).from(reviewInvitations).where(and(eq(reviewInvitations.roundId, roundId), eq(reviewInvitations.organizationId, organizationId)));
  return Boolean(row);
}

/** Open rounds an organization is invited to: its members' to-do list. */
export function openRoundsFor(db: Db, organizationId: string) {
  return db
    .select({ id: reviewRounds.id, title: reviewRounds.title, closesOn: reviewRounds.closesOn })
    .from(reviewRounds)
    .innerJoin(reviewInvitations, eq(reviewInvitations.roundId, reviewRounds.id))
    .where(and(eq(reviewInvitations.organizationId, organizationId), eq(reviewRounds.status, "open")))
    .orderBy(asc(reviewRounds.closesOn));
}

/** How many comments (not replies) an organization made in each of some rounds, by round. */
export async function commentCountsOf(db: Db, organizationId: string, roundIds: string[]): Promise<Map<string, number>> {
  if (roundIds.length === 0) return new Map();
  const rows = await db
    .select({ roundId: reviewComments.roundId, n: sql<number>`count(*)::int` })
    .from(reviewComments)
    .where(and(eq(reviewComments.organizationId, organizationId), inArray(reviewComments.roundId, roundIds), isNull(reviewComments.parentId)))
    .groupBy(reviewComments.roundId);
  return new Map(rows.map((r) => [r.roundId, r.n]));
}

/** Every open round, soonest closing first, with its report and its comments without a disposition: the secretariat's work page. */
export function openRoundsWithCounts(db: Db) {
  return db
    .select({
      id: reviewRounds.id,
      title: reviewRounds.title,
      closesOn: reviewRounds.closesOn,
      reportTitles: reports.titles,
      comments: sql<number>`(select count(*)::int from review_comments c where c.round_id = ${reviewRounds.id} and c.parent_id is null)`,
      undisposed: sql<number>`(select count(*)::int from review_comments c where c.round_id = ${reviewRounds.id} and c.parent_id is null and c.disposition is null)`,
    })
    .from(reviewRounds)
    .innerJoin(reports, eq(reports.id, reviewRounds.reportId))
    .where(eq(reviewRounds.status, "open"))
    .orderBy(asc(reviewRounds.closesOn), asc(reviewRounds.id));
}

/** Open rounds whose closing day falls between two days (ISO, both included): those due a reminder. */
export const openRoundsClosingBetween = (db: Db, from: string, to: string) =>
  db
    .select()
    .from(reviewRounds)
    .where(and(eq(reviewRounds.status, "open"), sql`${reviewRounds.closesOn} between ${from}::date and ${to}::date`))
    .orderBy(asc(reviewRounds.closesOn), asc(reviewRounds.id));

/** Open rounds taking comments on a day (ISO): opened on it or before, closing on it or after. */
export const openRoundsRunningOn = (db: Db, day: string) =>
  db
    .select({ id: reviewRounds.id })
    .from(reviewRounds)
    .where(and(eq(reviewRounds.status, "open"), sql`${day}::date between ${reviewRounds.opensOn} and ${reviewRounds.closesOn}`))
    .orderBy(asc(reviewRounds.opensOn), asc(reviewRounds.id));

// Comments

export type CommentView = CommentRow & { authorName: string; organizationName: string | null };

export function listComments(db: Db, roundId: string): Promise<CommentView[]> {
  return db
    .select({ c: reviewComments, authorName: users.name, organizationName: organizations.name })
    .from(reviewComments)
    .innerJoin(users, eq(users.id, reviewComments.authorId))
    .leftJoin(organizations, eq(organizations.id, reviewComments.organizationId))
    .where(eq(reviewComments.roundId, roundId))
    .orderBy(asc(reviewComments.createdAt), asc(reviewComments.id))
    .then((rows) => rows.map((r) => ({ ...r.c, authorName: r.authorName, organizationName: r.organizationName })));
}

export async function getCommentView(db: Db, id: string): Promise<CommentView | undefined> {
  const [row] = await db
    .select({ c: reviewComments, authorName: users.name, organizationName: organizations.name })
    .from(reviewComments)
    .innerJoin(users, eq(users.id, reviewComments.authorId))
    .leftJoin(organizations, eq(organizations.id, reviewComments.organizationId))
    .where(eq(reviewComments.id, id));
  return row && { ...row.c, authorName: row.authorName, organizationName: row.organizationName };
}

export async function getComment(db: Db, id: string): Promise<CommentRow | undefined> {
  const [row] = await db.select().from(reviewComments).where(eq(reviewComments.id, id));
  return row;
}

export async function lockComment(tx: Db, id: string): Promise<CommentRow | undefined> {
  const [row] = await tx.select().from(reviewComments).where(eq(reviewComments.id, id)).for("update");
  return row;
}

export async function insertComment(tx: Db, values: typeof reviewComments.$inferInsert): Promise<CommentRow> {
  const [row] = await tx.insert(reviewComments).values(values).returning();
  return row!;
}

export async function updateComment(tx: Db, id: string, values: Partial<typeof reviewComments.$inferInsert>): Promise<CommentRow> {
  const [row] = await tx.update(reviewComments).set(values).where(eq(reviewComments.id, id)).returning();
  return row!;
}

export async function countUndisposed(db: Db, roundId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(reviewComments).where(and(eq(reviewComments.roundId, roundId), isNull(reviewComments.parentId), isNull(reviewComments.disposition)));
  return row?.n ?? 0;
}

/** The texts of some revisions (those suggestions were made on), and whether each is still its section's current one in its language. */
export async function revisionTexts(db: Db, ids: number[]): Promise<Map<number, { body: string; language: string; current: boolean }>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: sectionRevisions.id, body: sectionRevisions.body, language: sectionRevisions.language, current: sql<boolean>`${sectionHeads.revisionId} is not null` })
    .from(sectionRevisions)
    .leftJoin(sectionHeads, and(eq(sectionHeads.sectionId, sectionRevisions.sectionId), eq(sectionHeads.language, sectionRevisions.language), eq(sectionHeads.revisionId, sectionRevisions.id)))
    .where(inArray(sectionRevisions.id, ids));
  return new Map(rows.map((r) => [r.id, { body: r.body, language: r.language, current: Boolean(r.current) }]));
}

/** A revision as a disposition offers it: when, by whom, why, and whether it is the current text. */
export type RevisionChoice = { id: number; sectionId: string; language: string; summary: string | null; createdAt: Date; authorName: string | null; current: boolean };

/** The revisions of some sections in every language, newest first, without their texts. */
export function revisionChoices(db: Db, sectionIds: string[]): Promise<RevisionChoice[]> {
  if (!sectionIds.length) return Promise.resolve([]);
  return db
    .select({
      id: sectionRevisions.id,
      sectionId: sectionRevisions.sectionId,
      language: sectionRevisions.language,
      summary: sectionRevisions.summary,
      createdAt: sectionRevisions.createdAt,
      authorName: users.name,
      current: sql<boolean>`${sectionHeads.revisionId} is not null`,
    })
    .from(sectionRevisions)
    .leftJoin(users, eq(users.id, sectionRevisions.authorId))
    .leftJoin(sectionHeads, and(eq(sectionHeads.sectionId, sectionRevisions.sectionId), eq(sectionHeads.language, sectionRevisions.language), eq(sectionHeads.revisionId, sectionRevisions.id)))
    .where(inArray(sectionRevisions.sectionId, sectionIds))
    .orderBy(desc(sectionRevisions.id))
    .then((rows) => rows.map((r) => ({ ...r, current: Boolean(r.current) })));
}

/** Comments on some sections, across rounds, for provenance. */
export function commentsOnSections(db: Db, sectionIds: string[]) {
  if (!sectionIds.length) return Promise.resolve([]);
  return db
    .select({ id: reviewComments.id, sectionId: reviewComments.sectionId, roundId: reviewRounds.id, roundTitle: reviewRounds.title, organizationName: organizations.name, disposition: reviewComments.disposition, body: reviewComments.body })
    .from(reviewComments)
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviewComments.roundId))
    .leftJoin(organizations, eq(organizations.id, reviewComments.organizationId))
    .where(and(inArray(reviewComments.sectionId, sectionIds), isNull(reviewComments.parentId)))
    .orderBy(asc(reviewComments.createdAt));
}

// Topic proposals

export type ProposalView = ProposalRow & { organizationName: string | null; authorName: string; endorsements: number; endorsedByMe: boolean };

export function listProposals(db: Db, reportId: string, organizationId: string | null): Promise<ProposalView[]> {
  return db
    .select({
      p: topicProposals,
      organizationName: organizations.name,
      authorName: users.name,
      endorsements: sql<number>`(select count(*)::int from topic_endorsements e where e.proposal_id = ${topicProposals.id})`,
      endorsedByMe: sql<boolean>`exists (select 1 from topic_endorsements e where e.proposal_id = ${topicProposals.id} and e.organization_id = ${organizationId})`,
    })
    .from(topicProposals)
    .innerJoin(users, eq(users.id, topicProposals.authorId))
    .leftJoin(organizations, eq(organizations.id, topicProposals.organizationId))
    .where(eq(topicProposals.reportId, reportId))
    .orderBy(desc(topicProposals.createdAt))
    .then((rows) => rows.map((r) => ({ ...r.p, organizationName: r.organizationName, authorName: r.authorName, endorsements: r.endorsements, endorsedByMe: Boolean(r.endorsedByMe) })));
}

export async function lockProposal(tx: Db, id: string): Promise<ProposalRow | undefined> {
  const [row] = await tx.select().from(topicProposals).where(eq(topicProposals.id, id)).for("update");
  return row;
}

export async function insertProposal(tx: Db, values: typeof topicProposals.$inferInsert): Promise<ProposalRow> {
  const [row] = await tx.insert(topicProposals).values(values).returning();
  return row!;
}

export async function updateProposal(tx: Db, id: string, values: Partial<typeof topicProposals.$inferInsert>): Promise<ProposalRow> {
  const [row] = await tx.update(topicProposals).set(values).where(eq(topicProposals.id, id)).returning();
  return row!;
}

export async function insertEndorsement(tx: Db, values: typeof topicEndorsements.$inferInsert): Promise<boolean> {
  const rows = await tx.insert(topicEndorsements).values(values).onConflictDoNothing().returning();
  return rows.length > 0;
}

/**
 * Topic proposals with their report's slug and titles (at most 100): an organization's own
 * (`organizationId`), newest first, or all those still open (`status`), waiting longest first so
 * that the oldest are never the ones cut off.
 */
export function proposalsWithReports(db: Db, filter: { organizationId: string } | { status: "open" }) {
  const own = "organizationId" in filter;
  return db
    .select({ id: topicProposals.id, title: topicProposals.title, status: topicProposals.status, decisionNote: topicProposals.decisionNote, createdAt: topicProposals.createdAt, reportSlug: reports.slug, reportTitles: reports.titles, organizationName: organizations.name })
    .from(topicProposals)
    .innerJoin(reports, eq(reports.id, topicProposals.reportId))
    .leftJoin(organizations, eq(organizations.id, topicProposals.organizationId))
    .where(own ? eq(topicProposals.organizationId, filter.organizationId) : eq(topicProposals.status, filter.status))
    .orderBy(...(own ? [desc(topicProposals.createdAt), desc(topicProposals.id)] : [asc(topicProposals.createdAt), asc(topicProposals.id)]))
    .limit(100);
}

/** The report a proposal belongs to (its slug, for redirects). */
export const listProposalReport = (db: Db, id: string) =>
  db.select({ slug: reports.slug }).from(topicProposals).innerJoin(reports, eq(reports.id, topicProposals.reportId)).where(eq(topicProposals.id, id));
