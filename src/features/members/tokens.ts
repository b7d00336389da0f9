import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { transaction, type Db } from "#src/db/client.ts";
import { apiTokens, users } from "#src/db/schema/members.ts";
import { recordAudit } from "#src/features/audit/repository.ts";
import { type Actor } from "#src/domain/actors.ts";
import { roleAtLeast, SCOPE_ROLE, TOKEN_SCOPES, type Role, type TokenScope } from "#src/domain/members.ts";
import { appError } from "#src/lib/errors.ts";
import { hashToken, newToken } from "#src/lib/tokens.ts";

// Personal API tokens: shown once when created, kept only as a SHA-256, revoked by their owner.
// Each has scopes (read, comment, edit, publish), none beyond what its owner's role may do.

export const TOKEN_PREFIX = "lr_";

export type TokenRow = Omit<typeof apiTokens.$inferSelect, "tokenHash">;

export const listTokens = (db: Db, userId: string): Promise<TokenRow[]> =>
  db
    .select({ id: apiTokens.id, userId: apiTokens.userId, name: apiTokens.name, scopes: apiTokens.scopes, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt));

/** The scopes a role may give its tokens, in their usual order. */
export const scopesFor = (role: Role): TokenScope[] => TOKEN_SCOPES.filter((s) => roleAtLeast(role, SCOPE_ROLE[s]));

/**
 * Creates a token with the given scopes (each one the owner's role allows); the only time its
 * value exists outside the caller's hands. The token belongs to `actor.userId`, read here, active.
 */
export async function createToken(db: Db, actor: Actor & { userId: string }, name: string, scopes: readonly TokenScope[] = ["read", "comment"]): Promise<{ token: string; row: TokenRow }> {
  const token = `${TOKEN_PREFIX}${newToken()}`;
  const wanted = TOKEN_SCOPES.filter((s) => scopes.includes(s));
  if (!wanted.length) throw appError("VALIDATION_FAILED", { scopes: "field.required" });
  return transaction(db, async (tx) => {
    // The owner's role as it is now, held until the token exists (a demotion meanwhile waits).
    const [owner] = await tx.select({ role: users.role }).from(users).where(and(eq(users.id, actor.userId), isNull(users.deactivatedAt))).for("share");
    if (!owner) throw appError("NOT_FOUND");
    if (wanted.some((s) => !roleAtLeast(owner.role, SCOPE_ROLE[s]))) throw appError("VALIDATION_FAILED", { scopes: "field.tokenScopeBeyondRole" });
    const active = await tx.select({ n: sql<number>`count(*)::int` }).from(apiTokens).where(and(eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)));
    if ((active[0]?.n ?? 0) >= 20) throw appError("VALIDATION_FAILED", { name: "field.tooManyTokens" });
    const [row] = await tx.insert(apiTokens).values({ userId: actor.userId, name, tokenHash: hashToken(token), scopes: wanted }).returning();
    await recordAudit(tx, actor, { action: "token.create", entityType: "user", entityId: actor.userId, data: { tokenId: row!.id, name, scopes: wanted } });
    const { tokenHash: _hash, ...rest } = row!;
    return { token, row: rest };
  });
}

export async function revokeToken(db: Db, actor: Actor & { userId: string }, id: string) {
  return transaction(db, async (tx) => {
    const [row] = await tx.update(apiTokens).set({ revokedAt: sql`now()` }).where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt))).returning({ id: apiTokens.id });
    if (!row) throw appError("NOT_FOUND");
    await recordAudit(tx, actor, { action: "token.revoke", entityType: "user", entityId: actor.userId, data: { tokenId: id } });
  });
}

/**
 * The active user a bearer token belongs to, with the token's scopes, or undefined; notes when it
 * was last used (at most once a minute).
 */
export async function userOfToken(db: Db, token: string) {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return undefined;
  const [row] = await db
    .select({ tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt, scopes: apiTokens.scopes, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt), isNull(users.deactivatedAt)));
  if (!row) return undefined;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, row.tokenId));
  return { user: row.user, scopes: row.scopes };
}
