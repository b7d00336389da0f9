import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "#src/db/client.ts";
import { users } from "#src/db/schema/members.ts";
import { accountTokens } from "#src/db/schema/notifications.ts";
import type { AccountTokenPurpose } from "#src/domain/notifications.ts";
import { hashToken, newToken } from "#src/lib/tokens.ts";
import { mailOfAccountToken } from "#src/features/mail/repository.ts";

// SQL for one-time account links (invitations, password resets). Only the SHA-256 of a token is
// stored; the mail sender replaces it with the hash of the token it puts in the message.

export type AccountTokenRow = typeof accountTokens.$inferSelect;

/** A hash no link carries: a row starts with it, and the sender gives it the hash of the token it mails. */
export const unsentTokenHash = () => hashToken(newToken());

/** Not used, not revoked and not expired (by the database's clock). */
const open = and(isNull(accountTokens.usedAt), isNull(accountTokens.revokedAt), gt(accountTokens.expiresAt, sql`now()`));

export async function insertAccountToken(
  tx: Db,
  values: { userId: string; purpose: AccountTokenPurpose; ttlMs: number; createdBy: string | null },
): Promise<AccountTokenRow> {
  const [row] = await tx
    .insert(accountTokens)
    .values({
      userId: values.userId,
      purpose: values.purpose,
      tokenHash: unsentTokenHash(),
      expiresAt: sql`now() + ${`${values.ttlMs} milliseconds`}::interval`,
      createdBy: values.createdBy,
    })
    .returning();
  return row!;
}

/**
 * The open link of this purpose with this token, and its user; locked when `forUpdate` (the
 * transaction that uses it), so two uses of one link cannot both pass.
 */
export async function findOpenToken(db: Db, purpose: AccountTokenPurpose, token: string, forUpdate = false) {
  const query = db
    .select({ token: accountTokens, user: users })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(and(eq(accountTokens.tokenHash, hashToken(token)), eq(accountTokens.purpose, purpose), open));
  const [row] = await (forUpdate ? query.for("update", { of: accountTokens }) : query);
  return row;
}

export async function markTokenUsed(tx: Db, id: string): Promise<void> {
  await tx.update(accountTokens).set({ usedAt: sql`now()` }).where(eq(accountTokens.id, id));
}

/** Revokes a user's open links of one purpose (but `except`); answers how many there were. */
export async function revokeOpenTokens(tx: Db, userId: string, purpose: AccountTokenPurpose, except?: string): Promise<number> {
  const rows = await tx
    .update(accountTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), open, except ? ne(accountTokens.id, except) : undefined))
    .returning({ id: accountTokens.id });
  return rows.length;
}

/** A user's latest invitation, with whether it has expired by the database's clock. */
export async function latestInvitation(db: Db, userId: string) {
  const [row] = await db
    .select({ token: accountTokens, expired: sql<boolean>`${accountTokens.expiresAt} <= now()` })
    .from(accountTokens)
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, "invitation")))
    .orderBy(desc(accountTokens.createdAt), desc(accountTokens.id))
    .limit(1);
  return row;
}

/** Locks a user's row for the rest of the transaction (two resends or a resend and an acceptance take turns). */
export async function lockUser(tx: Db, id: string) {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for("update");
  return row;
}

/** Where the message carrying a link stands in the outbox (what the command line reports after sending). */
export function mailOfToken(db: Db, accountTokenId: string) {
  return mailOfAccountToken(db, accountTokenId);
}
