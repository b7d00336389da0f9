import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { queryRows, type Db } from "#src/db/client.ts";
import { users } from "#src/db/schema/members.ts";
import { notificationPreferences, notifications, subscriptions } from "#src/db/schema/notifications.ts";
import { reports } from "#src/db/schema/reports.ts";
import type { Language, LocalizedText } from "#src/domain/languages.ts";
import { DEFAULT_DELIVERY, NOTIFICATION_KINDS, type DeliveryMode, type NotificationKind } from "#src/domain/notifications.ts";

export type NotificationRow = typeof notifications.$inferSelect;

// The centre

/** A page of a person's notifications, newest first. */
export const listNotifications = (db: Db, userId: string, options: { limit?: number; offset?: number } = {}) =>
  db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.id))
    .limit(options.limit ?? 50)
    .offset(options.offset ?? 0);

/** How many notifications a person has, and how many of them are unread. */
export async function countNotifications(db: Db, userId: string): Promise<{ total: number; unread: number }> {
  const [row] = await db
    .select({ total: sql<number>`count(*)::int`, unread: sql<number>`(count(*) filter (where ${notifications.readAt} is null))::int` })
    .from(notifications)
    .where(eq(notifications.userId, userId));
  return { total: row?.total ?? 0, unread: row?.unread ?? 0 };
}

export async function markAllRead(tx: Db, userId: string): Promise<number> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** Marks one of a person's notifications read (if it was not) and answers where it points; undefined when it is not theirs. */
export async function markOneRead(tx: Db, userId: string, id: number): Promise<string | undefined> {
  const [row] = await tx
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ href: notifications.href });
  return row?.href;
}

// Preferences

/** Every kind with the person's choice (no row: the default, immediately). */
export async function preferencesOf(db: Db, userId: string): Promise<Record<NotificationKind, DeliveryMode>> {
  const rows = await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  const chosen = new Map(rows.map((r) => [r.kind, r.mode]));
  return Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, chosen.get(kind) ?? DEFAULT_DELIVERY])) as Record<NotificationKind, DeliveryMode>;
}

/**
 * Sets the person's choice for the given kinds; answers the kinds whose choice changed. A kind
 * that leaves "digest" takes its notifications waiting for a digest with it: they will not be
 * mailed (they stay in the centre).
 */
export async function setPreferences(tx: Db, userId: string, choices: Partial<Record<NotificationKind, DeliveryMode>>): Promise<NotificationKind[]> {
  const entries = Object.entries(choices) as [NotificationKind, DeliveryMode][];
  if (entries.length === 0) return [];
  const before = await tx
    .select()
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, userId), inArray(notificationPreferences.kind, entries.map(([kind]) => kind))))
    .for("update");
  const was = new Map(before.map((r) => [r.kind, r.mode]));
  const changed = entries.filter(([kind, mode]) => (was.get(kind) ?? DEFAULT_DELIVERY) !== mode);
  if (changed.length === 0) return [];
  await tx
    .insert(notificationPreferences)
    .values(changed.map(([kind, mode]) => ({ userId, kind, mode })))
    .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { mode: sql`excluded.mode`, updatedAt: sql`now()` } });
  const leftDigest = changed.filter(([, mode]) => mode !== "digest").map(([kind]) => kind);
  if (leftDigest.length) {
    await tx
      .update(notifications)
      .set({ mailState: "none" })
      .where(and(eq(notifications.userId, userId), inArray(notifications.kind, leftDigest), eq(notifications.mailState, "digest")));
  }
  return changed.map(([kind]) => kind);
}

// Digests

export type DigestRecipient = { userId: string; email: string; language: Language };

/** The active people with notifications waiting for a digest (a deactivated person's stay as they are). */
export const digestRecipients = (db: Db) =>
  queryRows<DigestRecipient>(
    db,
    sql`select u.id as "userId", u.email, u.language
        from ${users} u
        where u.deactivated_at is null and exists (select 1 from ${notifications} n where n.user_id = u.id and n.mail_state = 'digest')
        order by u.id`,
  );

/** A person's notifications waiting for a digest, oldest first, locked until the transaction ends. */
export const pendingDigest = (tx: Db, userId: string) =>
  tx
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.mailState, "digest")))
    .orderBy(asc(notifications.id))
    .for("update");

export async function markDigested(tx: Db, ids: number[]): Promise<void> {
  if (ids.length) await tx.update(notifications).set({ mailState: "digested" }).where(inArray(notifications.id, ids));
}

// Unsubscribe

export async function userExists(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  return Boolean(row);
}

/** A subscription and its report's titles, for the page that ends it. */
export async function subscriptionWithReport(db: Db, id: string): Promise<{ id: string; endedAt: Date | null; titles: LocalizedText } | undefined> {
  const [row] = await db
    .select({ id: subscriptions.id, endedAt: subscriptions.endedAt, titles: reports.titles })
    .from(subscriptions)
    .innerJoin(reports, eq(reports.id, subscriptions.reportId))
    .where(eq(subscriptions.id, id));
  return row;
}
