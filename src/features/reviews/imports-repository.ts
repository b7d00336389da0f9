// SQL for review files uploaded to a round: kept as sent, with what they would create, until their
// uploader confirms (the file stays, as the record of what was sent) or cancels them.

import { and, asc, eq, getTableColumns, lt, sql } from "drizzle-orm";
import type { Db } from "#src/db/client.ts";
import { reviewImports } from "#src/db/schema/reviews.ts";
import { KEEP_PENDING_DAYS } from "#src/lib/file-checks.ts";

export type ReviewImportRow = typeof reviewImports.$inferSelect;

/** Every column but the file's bytes: what pages and commands read. */
const { data: _data, ...withoutFile } = getTableColumns(reviewImports);

export async function insertReviewImport(db: Db, values: typeof reviewImports.$inferInsert): Promise<ReviewImportRow> {
  const [row] = await db.insert(reviewImports).values(values).returning();
  return row!;
}

/** An upload by id, whoever made it (callers check that it is the caller's); the file's bytes are left out. */
export async function getReviewImport(db: Db, id: string): Promise<Omit<ReviewImportRow, "data"> | undefined> {
  const [row] = await db.select(withoutFile).from(reviewImports).where(eq(reviewImports.id, id));
  return row;
}

/** The stored file of an upload, as sent, with its round and uploader (callers check who may have it). */
export async function reviewImportFile(db: Db, id: string): Promise<{ roundId: string; createdBy: string; filename: string; data: Buffer } | undefined> {
  const [row] = await db.select({ roundId: reviewImports.roundId, createdBy: reviewImports.createdBy, filename: reviewImports.filename, data: reviewImports.data }).from(reviewImports).where(eq(reviewImports.id, id));
  return row;
}

/** The upload, locked until the transaction ends: two confirmations of one file make one set of comments. */
export async function lockReviewImport(tx: Db, id: string): Promise<Omit<ReviewImportRow, "data"> | undefined> {
  const [row] = await tx.select(withoutFile).from(reviewImports).where(eq(reviewImports.id, id)).for("update");
  return row;
}

export async function markConfirmed(tx: Db, id: string): Promise<void> {
  await tx.update(reviewImports).set({ status: "confirmed", confirmedAt: new Date() }).where(eq(reviewImports.id, id));
}

/** Deletes a pending upload; says whether there was one. A confirmed one is kept. */
export async function deletePendingReviewImport(tx: Db, id: string): Promise<boolean> {
  return (await tx.delete(reviewImports).where(and(eq(reviewImports.id, id), eq(reviewImports.status, "pending"))).returning({ id: reviewImports.id })).length > 0;
}

/** How many uploads a person has waiting for confirmation in a round (counted under the round's lock, so two uploads cannot both pass the cap). */
export async function countPendingReviewImports(tx: Db, roundId: string, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(reviewImports)
    .where(and(eq(reviewImports.roundId, roundId), eq(reviewImports.createdBy, userId), eq(reviewImports.status, "pending")));
  return Number(row?.n ?? 0);
}

/** A person's uploads waiting for confirmation in a round, oldest first (no file bytes). */
export const listPendingReviewImports = (db: Db, roundId: string, userId: string) =>
  db
    .select({ id: reviewImports.id, filename: reviewImports.filename, createdAt: reviewImports.createdAt })
    .from(reviewImports)
    .where(and(eq(reviewImports.roundId, roundId), eq(reviewImports.createdBy, userId), eq(reviewImports.status, "pending")))
    .orderBy(asc(reviewImports.createdAt));

/** Deletes uploads left unconfirmed for more than KEEP_PENDING_DAYS (run by the background schedule); confirmed ones stay. */
export async function purgeStaleReviewImports(db: Db, now: Date = new Date()): Promise<number> {
  const before = new Date(now.getTime() - KEEP_PENDING_DAYS * 24 * 3600_000);
  return (await db.delete(reviewImports).where(and(eq(reviewImports.status, "pending"), lt(reviewImports.createdAt, before))).returning({ id: reviewImports.id })).length;
}
