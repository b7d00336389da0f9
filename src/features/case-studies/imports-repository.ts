// SQL for pending Word imports: a file read and previewed, waiting for its member's review.

import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { Db } from "#src/db/client.ts";
import { KEEP_PENDING_DAYS } from "#src/lib/file-checks.ts";
import { caseStudyImports } from "#src/db/schema/case-studies.ts";

export type ImportRow = typeof caseStudyImports.$inferSelect;
export type ImportSummary = { id: string; filename: string; title: string; createdAt: Date };


/** Stores a previewed file until its member confirms or cancels it. */
export async function insertImport(db: Db, values: typeof caseStudyImports.$inferInsert): Promise<ImportRow> {
  const [row] = await db.insert(caseStudyImports).values(values).returning();
  return row!;
}

/** A pending import by id, whoever made it (callers check that it is the caller's). */
export async function getImport(db: Db, id: string): Promise<ImportRow | undefined> {
  const [row] = await db.select().from(caseStudyImports).where(eq(caseStudyImports.id, id));
  return row;
}

/** The pending import, locked until the transaction ends: two confirmations of one file make one draft. */
export async function lockImport(tx: Db, id: string): Promise<ImportRow | undefined> {
  const [row] = await tx.select().from(caseStudyImports).where(eq(caseStudyImports.id, id)).for("update");
  return row;
}

/** Deletes a pending import; says whether there was one. */
export async function deleteImport(db: Db, id: string): Promise<boolean> {
  return (await db.delete(caseStudyImports).where(eq(caseStudyImports.id, id)).returning({ id: caseStudyImports.id })).length > 0;
}

/** A member's imports not yet old enough for the clean-up. */
const waitingFor = (userId: string) => and(eq(caseStudyImports.createdBy, userId), sql`${caseStudyImports.createdAt} >= now() - make_interval(days => ${KEEP_PENDING_DAYS})`);

/** A member's imports waiting for review, newest first (no file bytes). */
export const listPendingImports = (db: Db, userId: string): Promise<ImportSummary[]> =>
  db
    .select({ id: caseStudyImports.id, filename: caseStudyImports.filename, title: sql<string>`coalesce(${caseStudyImports.preview}->>'title', '')`, createdAt: caseStudyImports.createdAt })
    .from(caseStudyImports)
    .where(waitingFor(userId))
    .orderBy(desc(caseStudyImports.createdAt));

/** How many imports a member has waiting, as their list shows them. */
export async function countPendingImports(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(caseStudyImports).where(waitingFor(userId));
  return Number(row?.n ?? 0);
}

/** Deletes imports left unreviewed for more than KEEP_PENDING_DAYS (run by the background schedule). */
export async function purgeStaleImports(db: Db, now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - KEEP_PENDING_DAYS * 24 * 3600_000);
  return (await db.delete(caseStudyImports).where(lt(caseStudyImports.createdAt, before)).returning({ id: caseStudyImports.id })).length;
}
