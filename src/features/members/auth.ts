import { sql } from "drizzle-orm";
import { transaction, type Db } from "#src/db/client.ts";
import { recordAudit } from "#src/features/audit/repository.ts";
import { type Actor } from "#src/domain/actors.ts";
import { SESSION_TTL_MS } from "#src/domain/members.ts";
import * as repo from "#src/features/members/repository.ts";
import { hashPassword, verifyPassword } from "#src/features/members/passwords.ts";
import { mapUserConflict } from "#src/features/members/service.ts";
import type { SetupInput } from "#src/features/members/schemas.ts";
import { appError } from "#src/lib/errors.ts";
import { hashToken, newToken } from "#src/lib/tokens.ts";

// Sessions, sign-in, first-run setup and password changes.

// Sliding expiry is refreshed at most this often, so reading pages does not write on every request.
const TOUCH_EVERY_MS = 24 * 3600 * 1000;

type NewSession = { token: string; sessionId: string; expiresAt: Date };

/** Opens a session for a user in the caller's transaction; the token goes in the cookie, its digest in the table. */
export async function openSession(tx: Db, userId: string, meta: { ip: string | null; userAgent: string | null }): Promise<NewSession> {
  // The session id stored in the database is the digest of the cookie's token.
  const token = newToken();
  const sessionId = hashToken(token);
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await repo.insertSession(tx, { id: sessionId, userId, expiresAt, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) ?? null });
  return { token, sessionId, expiresAt };
}

/** Checks credentials and opens a session; a wrong e-mail, password or a deactivated account all look alike. */
export async function signIn(db: Db, actor: Actor, input: { email: string; password: string; userAgent: string | null }) {
  const user = await repo.getUserByEmail(db, input.email);
  const ok = await verifyPassword(user?.passwordHash ?? undefined, input.password);
  if (!user || !ok || user.deactivatedAt) {
    await transaction(db, (tx) =>
      recordAudit(tx, actor, { action: "session.denied", entityType: "user", entityId: user?.id ?? null, data: { email: input.email } }),
    );
    throw appError("INVALID_CREDENTIALS");
  }
  return transaction(db, async (tx) => {
    const session = await openSession(tx, user.id, { ip: actor.ip, userAgent: input.userAgent });
    await repo.updateUser(tx, user.id, { lastSignInAt: new Date() });
    await recordAudit(tx, { ...actor, userId: user.id }, { action: "session.create", entityType: "user", entityId: user.id });
    return { user, ...session };
  });
}

/** Ends one session. */
export function signOut(db: Db, actor: Actor, sessionId: string) {
  return transaction(db, async (tx) => {
    await repo.deleteSession(tx, sessionId);
    await recordAudit(tx, actor, { action: "session.delete", entityType: "user", entityId: actor.userId });
  });
}

/** The signed-in user for a cookie token, refreshing the sliding expiry now and then. */
export async function resolveSession(db: Db, token: string) {
  const found = await repo.findSessionUser(db, hashToken(token));
  if (!found) return undefined;
  if (Date.now() - found.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await repo.touchSession(db, found.session.id, new Date(Date.now() + SESSION_TTL_MS));
  }
  return found;
}

/** Deletes sessions past their expiry (they are already refused; this keeps the table small). */
export const purgeExpiredSessions = (db: Db) => repo.deleteExpiredSessions(db);

/** Whether the first-run setup page is still open (no active administrator exists). */
export const setupOpen = async (db: Db) => !(await repo.hasActiveAdmin(db));

/** Creates the first administrator and signs them in; refused once any active administrator exists. */
export async function setupFirstAdmin(db: Db, actor: Actor, input: SetupInput & { userAgent: string | null }) {
  const passwordHash = await hashPassword(input.password);
  return transaction(db, async (tx) => {
    // Two people submitting the setup form at once: the second waits here, then sees the first admin.
    await tx.execute(sql`select pg_advisory_xact_lock(727001)`);
    if (await repo.hasActiveAdmin(tx)) throw appError("SETUP_ALREADY_DONE");
    const user = await repo.insertUser(tx, { name: input.name, email: input.email, role: "admin", passwordHash, language: "en" });
    const withUser = { ...actor, userId: user.id };
    await recordAudit(tx, withUser, { action: "user.create", entityType: "user", entityId: user.id, data: { email: user.email, role: "admin", via: "setup" } });
    const session = await openSession(tx, user.id, { ip: actor.ip, userAgent: input.userAgent });
    await recordAudit(tx, withUser, { action: "session.create", entityType: "user", entityId: user.id });
    return { user, ...session };
  }).catch(mapUserConflict);
}

/** Creates an administrator from the command line (no session). */
export async function createAdmin(db: Db, actor: Actor, input: { name: string; email: string; password: string }) {
  const passwordHash = await hashPassword(input.password);
  return transaction(db, async (tx) => {
    const user = await repo.insertUser(tx, { name: input.name, email: input.email, role: "admin", passwordHash, language: "en" });
    await recordAudit(tx, actor, { action: "user.create", entityType: "user", entityId: user.id, data: { email: user.email, role: "admin", via: "cli" } });
    return user;
  }).catch(mapUserConflict);
}

/** Changes one's own password after checking the current one; other sessions are signed out. */
export async function changePassword(
  db: Db,
  actor: Actor & { userId: string },
  input: { currentPassword: string; password: string; keepSessionId: string },
) {
  const user = await repo.getUser(db, actor.userId);
  if (!user || !(await verifyPassword(user.passwordHash ?? undefined, input.currentPassword))) {
    throw appError("VALIDATION_FAILED", { currentPassword: "field.wrongPassword" });
  }
  const passwordHash = await hashPassword(input.password);
  await transaction(db, async (tx) => {
    await repo.updateUser(tx, user.id, { passwordHash });
    await repo.deleteUserSessions(tx, user.id, input.keepSessionId);
    await recordAudit(tx, actor, { action: "user.password", entityType: "user", entityId: user.id });
  });
}
