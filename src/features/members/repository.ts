import { and, asc, count, eq, gt, ilike, isNull, isNotNull, ne, or, sql } from "drizzle-orm";
import type { Db } from "#src/db/client.ts";
import { organizations, regions, users } from "#src/db/schema/members.ts";
import { sessions } from "#src/db/schema/sessions.ts";
import type { OrganizationKind, Role } from "#src/domain/members.ts";
import { normalizeEmail } from "#src/lib/email.ts";

export type OrganizationValues = Omit<typeof organizations.$inferInsert, "id" | "createdAt" | "updatedAt" | "deactivatedAt">;
export type UserValues = Omit<typeof users.$inferInsert, "id" | "createdAt" | "updatedAt" | "deactivatedAt" | "lastSignInAt">;
export type UserRow = typeof users.$inferSelect;
export type OrganizationRow = typeof organizations.$inferSelect;
export type Status = "active" | "inactive";

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const statusFilter = (column: typeof users.deactivatedAt | typeof organizations.deactivatedAt, status?: Status) =>
  status === "active" ? isNull(column) : status === "inactive" ? isNotNull(column) : undefined;

// Regions

export const listRegions = (db: Db) => db.select().from(regions).orderBy(asc(regions.position));

// Organizations

export type OrganizationFilter = { q?: string | undefined; region?: string | undefined; kind?: OrganizationKind | undefined; status?: Status | undefined };

/** Organizations matching the filter, by name, with how many users each has. */
export function listOrganizations(db: Db, filter: OrganizationFilter = {}) {
  return db
    .select({
      id: organizations.id,
      name: organizations.name,
      shortName: organizations.shortName,
      kind: organizations.kind,
      country: organizations.country,
      regionCode: organizations.regionCode,
      memberSince: organizations.memberSince,
      memberUntil: organizations.memberUntil,
      deactivatedAt: organizations.deactivatedAt,
      userCount: sql<number>`(select count(*)::int from ${users} where ${users.organizationId} = ${organizations.id})`,
    })
    .from(organizations)
    .where(
      and(
        filter.q ? or(ilike(organizations.name, like(filter.q)), ilike(organizations.shortName, like(filter.q))) : undefined,
        filter.region ? eq(organizations.regionCode, filter.region) : undefined,
        filter.kind ? eq(organizations.kind, filter.kind) : undefined,
        statusFilter(organizations.deactivatedAt, filter.status),
      ),
    )
    .orderBy(asc(sql`lower(${organizations.name})`));
}

export async function getOrganization(db: Db, id: string): Promise<OrganizationRow | undefined> {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  return row;
}

export async function insertOrganization(tx: Db, values: OrganizationValues): Promise<OrganizationRow> {
  const [row] = await tx.insert(organizations).values(values).returning();
  return row!;
}

export async function updateOrganization(tx: Db, id: string, values: Partial<OrganizationValues> & { deactivatedAt?: Date | null }) {
  const [row] = await tx
    .update(organizations)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(organizations.id, id))
    .returning();
  return row;
}

export const countOrganizations = async (db: Db) => (await db.select({ n: count() }).from(organizations))[0]?.n ?? 0;

// Users

export type UserFilter = { q?: string | undefined; role?: Role | undefined; organizationId?: string | undefined; status?: Status | undefined };

/** Users matching the filter, by name, with their organization's name. */
export function listUsers(db: Db, filter: UserFilter = {}) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      organizationId: users.organizationId,
      organizationName: organizations.name,
      lastSignInAt: users.lastSignInAt,
      deactivatedAt: users.deactivatedAt,
      // Invited and not yet signed up: no password.
      invited: sql<boolean>`${users.passwordHash} is null`,
    })
    .from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(
      and(
        filter.q ? or(ilike(users.name, like(filter.q)), ilike(users.email, like(filter.q))) : undefined,
        filter.role ? eq(users.role, filter.role) : undefined,
        filter.organizationId ? eq(users.organizationId, filter.organizationId) : undefined,
        statusFilter(users.deactivatedAt, filter.status),
      ),
    )
    .orderBy(asc(sql`lower(${users.name})`));
}

export async function getUser(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function getUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, normalizeEmail(email)));
  return row;
}

export async function insertUser(tx: Db, values: UserValues): Promise<UserRow> {
  const [row] = await tx.insert(users).values({ ...values, email: normalizeEmail(values.email) }).returning();
  return row!;
}

export async function updateUser(
  tx: Db,
  id: string,
  values: Partial<UserValues> & { deactivatedAt?: Date | null; lastSignInAt?: Date },
): Promise<UserRow | undefined> {
  const [row] = await tx
    .update(users)
    .set({ ...values, ...(values.email === undefined ? {} : { email: normalizeEmail(values.email) }), updatedAt: sql`now()` })
    .where(eq(users.id, id))
    .returning();
  return row;
}

export const countUsers = async (db: Db) => (await db.select({ n: count() }).from(users))[0]?.n ?? 0;

/** Ids of active administrators, row-locked so two demotions cannot both pass the last-admin check. */
export async function lockActiveAdmins(tx: Db): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    // An administrator still invited (no password yet) cannot sign in: they do not count.
    .where(and(eq(users.role, "admin"), isNull(users.deactivatedAt), isNotNull(users.passwordHash)))
    .for("update");
  return rows.map((r) => r.id);
}

export async function hasActiveAdmin(db: Db): Promise<boolean> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.deactivatedAt)))
    .limit(1);
  return rows.length > 0;
}

// Sessions

export async function insertSession(tx: Db, values: typeof sessions.$inferInsert): Promise<void> {
  await tx.insert(sessions).values(values);
}

/** The live session with this id and its active user, or nothing. */
export async function findSessionUser(db: Db, sessionId: string) {
  const [row] = await db
    .select({
      session: sessions,
      user: users,
      // Shown beside "Notifications" on every page a signed-in person sees.
      unread: sql<number>`(select count(*)::int from notifications n where n.user_id = ${users.id} and n.read_at is null)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, sql`now()`), isNull(users.deactivatedAt)));
  return row;
}

export async function touchSession(db: Db, sessionId: string, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: sql`now()`, expiresAt }).where(eq(sessions.id, sessionId));
}

export async function deleteSession(tx: Db, sessionId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Signs a user out everywhere, optionally keeping one session (the one making the change). */
export async function deleteUserSessions(tx: Db, userId: string, keep?: string): Promise<void> {
  await tx.delete(sessions).where(and(eq(sessions.userId, userId), keep ? ne(sessions.id, keep) : undefined));
}

export async function deleteExpiredSessions(db: Db): Promise<void> {
  await db.delete(sessions).where(sql`${sessions.expiresAt} <= now()`);
}
