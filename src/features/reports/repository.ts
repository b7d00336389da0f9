import { and, asc, desc, eq, inArray, isNull, max, sql } from "drizzle-orm";
import { queryRows, type Db } from "#src/db/client.ts";
import { users } from "#src/db/schema/members.ts";
import { chapters, reports, sectionHeads, sectionReferences, sectionRevisions, sections } from "#src/db/schema/reports.ts";
import type { Reference } from "#src/content/directives.ts";
import { containsWords, jsonTexts } from "#src/db/words.ts";
import type { Language, LocalizedText } from "#src/domain/languages.ts";
import type { SectionStatus } from "#src/domain/reports.ts";

export type ChapterRow = typeof chapters.$inferSelect;
export type SectionRow = typeof sections.$inferSelect;
export type RevisionRow = typeof sectionRevisions.$inferSelect;

// Chapters

/** A report's chapters in order; removed ones only when asked. */
export function listChapters(db: Db, reportId: string, options: { withRemoved?: boolean } = {}) {
  return db
    .select()
    .from(chapters)
    .where(and(eq(chapters.reportId, reportId), options.withRemoved ? undefined : isNull(chapters.removedAt)))
    .orderBy(asc(chapters.position));
}

export async function getChapter(db: Db, id: string): Promise<ChapterRow | undefined> {
  const [row] = await db.select().from(chapters).where(eq(chapters.id, id));
  return row;
}

/** Locks a report's chapter rows, so concurrent reorderings apply one after the other. */
export const lockChapters = (tx: Db, reportId: string) =>
  tx.select({ id: chapters.id, position: chapters.position, slug: chapters.slug }).from(chapters).where(eq(chapters.reportId, reportId)).for("update");

export async function insertChapter(tx: Db, values: typeof chapters.$inferInsert): Promise<ChapterRow> {
  const [row] = await tx.insert(chapters).values(values).returning();
  return row!;
}

export async function updateChapter(tx: Db, id: string, values: Partial<typeof chapters.$inferInsert>) {
  const [row] = await tx.update(chapters).set({ ...values, updatedAt: sql`now()` }).where(eq(chapters.id, id)).returning();
  return row;
}

// Sections

export async function getSection(db: Db, id: string) {
  const [row] = await db
    .select({ section: sections, chapter: chapters, report: reports })
    .from(sections)
    .innerJoin(chapters, eq(chapters.id, sections.chapterId))
    .innerJoin(reports, eq(reports.id, chapters.reportId))
    .where(eq(sections.id, id));
  return row;
}

export const lockSections = (tx: Db, chapterId: string) =>
  tx.select({ id: sections.id, position: sections.position, slug: sections.slug }).from(sections).where(eq(sections.chapterId, chapterId)).for("update");

export async function insertSection(tx: Db, values: typeof sections.$inferInsert): Promise<SectionRow> {
  const [row] = await tx.insert(sections).values(values).returning();
  return row!;
}

export async function updateSection(tx: Db, id: string, values: Partial<typeof sections.$inferInsert>) {
  const [row] = await tx.update(sections).set({ ...values, updatedAt: sql`now()` }).where(eq(sections.id, id)).returning();
  return row;
}

export async function nextSectionPosition(tx: Db, chapterId: string): Promise<number> {
  const [row] = await tx.select({ n: max(sections.position) }).from(sections).where(eq(sections.chapterId, chapterId));
  return (row?.n ?? 0) + 1;
}

/** The active sections of the given chapters, in order. */
export function listSections(db: Db, chapterIds: string[]) {
  if (!chapterIds.length) return Promise.resolve([]);
  return db
    .select()
    .from(sections)
    .where(and(inArray(sections.chapterId, chapterIds), isNull(sections.removedAt)))
    .orderBy(asc(sections.chapterId), asc(sections.position));
}

/** The current revision of each of these sections in every language. */
export function listHeads(db: Db, sectionIds: string[]) {
  if (!sectionIds.length) return Promise.resolve([]);
  return db
    .select({
      sectionId: sectionHeads.sectionId,
      language: sectionHeads.language,
      revisionId: sectionRevisions.id,
      heading: sectionRevisions.heading,
      body: sectionRevisions.body,
      sourceRevisionId: sectionRevisions.sourceRevisionId,
      createdAt: sectionRevisions.createdAt,
    })
    .from(sectionHeads)
    .innerJoin(sectionRevisions, eq(sectionRevisions.id, sectionHeads.revisionId))
    .where(inArray(sectionHeads.sectionId, sectionIds));
}

// Revisions

export async function getHead(db: Db, sectionId: string, language: string): Promise<RevisionRow | undefined> {
  const [row] = await db
    .select({ revision: sectionRevisions })
    .from(sectionHeads)
    .innerJoin(sectionRevisions, eq(sectionRevisions.id, sectionHeads.revisionId))
    .where(and(eq(sectionHeads.sectionId, sectionId), eq(sectionHeads.language, language)));
  return row?.revision;
}

export async function getRevision(db: Db, id: number): Promise<RevisionRow | undefined> {
  const [row] = await db.select().from(sectionRevisions).where(eq(sectionRevisions.id, id));
  return row;
}

export async function insertRevision(tx: Db, values: typeof sectionRevisions.$inferInsert): Promise<RevisionRow> {
  const [row] = await tx.insert(sectionRevisions).values(values).returning();
  return row!;
}

/**
 * Moves a section's head from `base` to `next` only if it still points at `base` (null: no head
 * yet). Returns false when someone else moved it first: the caller's save is stale.
 */
export async function advanceHead(tx: Db, sectionId: string, language: string, base: number | null, next: number): Promise<boolean> {
  if (base === null) {
    const inserted = await tx.insert(sectionHeads).values({ sectionId, language, revisionId: next }).onConflictDoNothing().returning();
    return inserted.length === 1;
  }
  const updated = await tx
    .update(sectionHeads)
    .set({ revisionId: next, updatedAt: sql`now()` })
    .where(and(eq(sectionHeads.sectionId, sectionId), eq(sectionHeads.language, language), eq(sectionHeads.revisionId, base)))
    .returning();
  return updated.length === 1;
}

/** A section's revisions in one language, newest first, with author names. */
export function listRevisions(db: Db, sectionId: string, language: string) {
  return db
    .select({ revision: sectionRevisions, authorName: users.name })
    .from(sectionRevisions)
    .leftJoin(users, eq(users.id, sectionRevisions.authorId))
    .where(and(eq(sectionRevisions.sectionId, sectionId), eq(sectionRevisions.language, language)))
    .orderBy(desc(sectionRevisions.id));
}

/** Replaces the evidence index of a section's text in one language. */
export async function replaceReferences(tx: Db, sectionId: string, language: string, refs: Reference[]) {
  await tx.delete(sectionReferences).where(and(eq(sectionReferences.sectionId, sectionId), eq(sectionReferences.language, language)));
  if (refs.length) await tx.insert(sectionReferences).values(refs.map((r) => ({ sectionId, language, kind: r.kind, ref: r.ref })));
}

export type SectionCandidateRow = { id: string; slug: string; status: SectionStatus; chapterId: string; chapterSlug: string; chapterTitles: LocalizedText; technology: LocalizedText | null; headings: Partial<Record<Language, string>> };

/**
 * A report's live sections a text may link to, in the outline's order, with their headings in
 * every language: the one at a place (a section's slug, in a chapter when given), or those where
 * every word typed is found in the headings, the chapter's title, the slugs or the chapter's technology.
 */
export function findSectionCandidates(db: Db, reportId: string, filter: { words: string[]; at?: { chapter?: string | undefined; section: string } | undefined; limit: number }) {
  const headings = sql`coalesce((select string_agg(r.heading, ' ') from section_heads h join section_revisions r on r.id = h.revision_id where h.section_id = s.id), '')`;
  const haystack = sql`${headings} || ' ' || ${jsonTexts(sql`c.titles`)} || ' ' || s.slug || ' ' || c.slug || ' ' || ${jsonTexts(sql`t.names`)}`;
  const { at } = filter;
  const where = at ? sql`s.slug = ${at.section} ${at.chapter === undefined ? sql`` : sql`and c.slug = ${at.chapter}`}` : (containsWords(haystack, filter.words) ?? sql`true`);
  return queryRows<SectionCandidateRow>(
    db,
    sql`select s.id, s.slug, s.status, c.id as "chapterId", c.slug as "chapterSlug", c.titles as "chapterTitles", t.names as technology,
      coalesce((select jsonb_object_agg(h.language, r.heading) from section_heads h join section_revisions r on r.id = h.revision_id where h.section_id = s.id), '{}') as headings
    from sections s join chapters c on c.id = s.chapter_id left join technologies t on t.id = c.technology_id
    where c.report_id = ${reportId} and c.removed_at is null and s.removed_at is null and ${where}
    order by c.position, s.position
    limit ${filter.limit}`,
  );
}

/** Where a piece of evidence is used: the sections (and languages) that embed it. */
export function whereUsed(db: Db, kind: Reference["kind"], ref: string) {
  return db
    .select({ sectionId: sectionReferences.sectionId, language: sectionReferences.language })
    .from(sectionReferences)
    .where(and(eq(sectionReferences.kind, kind), eq(sectionReferences.ref, ref)));
}
