// The reports and the technologies they cover: the frame every piece of evidence hangs on.

import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "#src/db/client.ts";
import { reports, technologies, technologyLinks } from "#src/db/schema/reports.ts";

export type ReportRow = typeof reports.$inferSelect;
export type TechnologyRow = typeof technologies.$inferSelect;

// Reports

export const listReports = (db: Db) => db.select().from(reports).orderBy(asc(reports.slug));

export async function getReport(db: Db, id: string): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(reports).where(eq(reports.id, id));
  return row;
}

export async function getReportBySlug(db: Db, slug: string): Promise<ReportRow | undefined> {
  const [row] = await db.select().from(reports).where(eq(reports.slug, slug));
  return row;
}

export async function updateReport(tx: Db, id: string, values: Partial<typeof reports.$inferInsert>): Promise<ReportRow | undefined> {
  const [row] = await tx.update(reports).set(values).where(eq(reports.id, id)).returning();
  return row;
}

export async function insertReport(tx: Db, values: typeof reports.$inferInsert): Promise<ReportRow> {
  const [row] = await tx.insert(reports).values(values).returning();
  return row!;
}

// Technologies

export const listTechnologies = (db: Db) => db.select().from(technologies).orderBy(asc(technologies.slug));

/**
 * Technologies a form may offer and an import may recognise: those not retired, where retired
 * means merged into another ("Big data (until 2019)" became part of AI). Technologies a record
 * already uses (`keep`, slugs) stay in the list so editing it does not drop them.
 */
export async function listActiveTechnologies(db: Db, keep: readonly string[] = []): Promise<TechnologyRow[]> {
  const retired = new Set((await db.select({ id: technologyLinks.fromId }).from(technologyLinks).where(eq(technologyLinks.kind, "merged_into"))).map((r) => r.id));
  return (await listTechnologies(db)).filter((t) => !retired.has(t.id) || keep.includes(t.slug));
}

export async function getTechnology(db: Db, id: string): Promise<TechnologyRow | undefined> {
  const [row] = await db.select().from(technologies).where(eq(technologies.id, id));
  return row;
}

export async function insertTechnology(tx: Db, values: typeof technologies.$inferInsert): Promise<TechnologyRow> {
  const [row] = await tx.insert(technologies).values(values).returning();
  return row!;
}

export async function updateTechnology(tx: Db, id: string, values: Partial<typeof technologies.$inferInsert>) {
  const [row] = await tx.update(technologies).set({ ...values, updatedAt: sql`now()` }).where(eq(technologies.id, id)).returning();
  return row;
}

export const listTechnologyLinks = (db: Db) => db.select().from(technologyLinks);

export async function insertTechnologyLink(tx: Db, values: typeof technologyLinks.$inferInsert) {
  await tx.insert(technologyLinks).values(values).onConflictDoNothing();
}

export async function deleteTechnologyLink(tx: Db, values: typeof technologyLinks.$inferInsert) {
  await tx
    .delete(technologyLinks)
    .where(and(eq(technologyLinks.fromId, values.fromId), eq(technologyLinks.toId, values.toId), eq(technologyLinks.kind, values.kind)));
}

