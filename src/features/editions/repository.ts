import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "#src/db/client.ts";
import { editionItems, editionPages, editions } from "#src/db/schema/editions.ts";
import { chapters, sectionRevisions, technologies } from "#src/db/schema/reports.ts";
import { EDITION_STATUSES, isPublic } from "#src/domain/editions.ts";

export type EditionRow = typeof editions.$inferSelect;
export type EditionItemRow = typeof editionItems.$inferSelect;

/** A report's editions readers have seen (published, or withdrawn since), newest first. */
export const listPublicEditions = (db: Db, reportId: string) =>
  db
    .select()
    .from(editions)
    .where(and(eq(editions.reportId, reportId), inArray(editions.status, EDITION_STATUSES.filter(isPublic))))
    .orderBy(desc(editions.editionDate), desc(editions.createdAt));

export const listEditions = (db: Db, reportId: string) =>
  db.select().from(editions).where(eq(editions.reportId, reportId)).orderBy(desc(editions.editionDate), desc(editions.createdAt));

export async function getEdition(db: Db, id: string): Promise<EditionRow | undefined> {
  const [row] = await db.select().from(editions).where(eq(editions.id, id));
  return row;
}

export async function getEditionByLabel(db: Db, reportId: string, label: string): Promise<EditionRow | undefined> {
  const [row] = await db.select().from(editions).where(and(eq(editions.reportId, reportId), eq(editions.label, label)));
  return row;
}

/** The latest published edition (what `current` stands for); withdrawn ones do not count. */
export async function getCurrentEdition(db: Db, reportId: string): Promise<EditionRow | undefined> {
  const [row] = await db
    .select()
    .from(editions)
    .where(and(eq(editions.reportId, reportId), eq(editions.status, "published")))
    .orderBy(desc(editions.editionDate), desc(editions.publishedAt))
    .limit(1);
  return row;
}

export async function insertEdition(tx: Db, values: typeof editions.$inferInsert): Promise<EditionRow> {
  const [row] = await tx.insert(editions).values(values).returning();
  return row!;
}

export async function updateEdition(tx: Db, id: string, values: Partial<typeof editions.$inferInsert>) {
  const [row] = await tx.update(editions).set({ ...values, updatedAt: new Date() }).where(eq(editions.id, id)).returning();
  return row;
}

/** Locks an edition's row: status changes and publishing happen one at a time. */
export async function lockEdition(tx: Db, id: string): Promise<EditionRow | undefined> {
  const [row] = await tx.select().from(editions).where(eq(editions.id, id)).for("update");
  return row;
}

export const listItems = (db: Db, editionId: string) =>
  db.select().from(editionItems).where(eq(editionItems.editionId, editionId)).orderBy(asc(editionItems.kind), asc(editionItems.position));

export async function replaceItems(tx: Db, editionId: string, items: Omit<typeof editionItems.$inferInsert, "editionId">[]) {
  await tx.delete(editionItems).where(eq(editionItems.editionId, editionId));
  // Insert in slices: a large report pins thousands of items.
  for (let i = 0; i < items.length; i += 500) await tx.insert(editionItems).values(items.slice(i, i + 500).map((item) => ({ ...item, editionId })));
}

export function revisionsByIds(db: Db, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.select().from(sectionRevisions).where(inArray(sectionRevisions.id, ids));
}

/** Each chapter's technology slug (null when it has none), by chapter id, for the search filter. */
export async function chapterTechnologies(db: Db, reportId: string): Promise<Map<string, string | null>> {
  const rows = await db.select({ id: chapters.id, slug: technologies.slug }).from(chapters).leftJoin(technologies, eq(technologies.id, chapters.technologyId)).where(eq(chapters.reportId, reportId));
  return new Map(rows.map((r) => [r.id, r.slug]));
}

export async function replacePages(tx: Db, editionId: string, pages: Omit<typeof editionPages.$inferInsert, "editionId">[]) {
  await tx.delete(editionPages).where(eq(editionPages.editionId, editionId));
  for (let i = 0; i < pages.length; i += 100) await tx.insert(editionPages).values(pages.slice(i, i + 100).map((p) => ({ ...p, editionId })));
}

export async function getPage(db: Db, editionId: string, language: string, path: string) {
  const [row] = await db
    .select({ html: editionPages.html, etag: editionPages.etag })
    .from(editionPages)
    .where(and(eq(editionPages.editionId, editionId), eq(editionPages.language, language), eq(editionPages.path, path)));
  return row;
}
