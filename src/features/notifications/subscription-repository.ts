import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "#src/db/client.ts";
import { subscriptions } from "#src/db/schema/notifications.ts";
import type { Language } from "#src/domain/languages.ts";
import { countMail } from "#src/features/mail/repository.ts";

// SQL for readers' subscriptions to a report's new editions.

export type SubscriptionRow = typeof subscriptions.$inferSelect;

/** The reader's subscription to the report, created (pending) when there is none, and locked for the transaction. */
export async function lockOrCreateSubscription(tx: Db, reportId: string, email: string, language: Language): Promise<SubscriptionRow> {
  await tx.insert(subscriptions).values({ reportId, email, language }).onConflictDoNothing({ target: [subscriptions.reportId, subscriptions.email] });
  const [row] = await tx
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.reportId, reportId), eq(subscriptions.email, email)))
    .for("update");
  return row!;
}

export async function getSubscription(db: Db, id: string): Promise<SubscriptionRow | undefined> {
  const [row] = await db.select().from(subscriptions).where(eq(subscriptions.id, id));
  return row;
}

export async function lockSubscription(tx: Db, id: string): Promise<SubscriptionRow | undefined> {
  const [row] = await tx.select().from(subscriptions).where(eq(subscriptions.id, id)).for("update");
  return row;
}

export async function setSubscriptionLanguage(tx: Db, id: string, language: Language): Promise<void> {
  await tx.update(subscriptions).set({ language }).where(eq(subscriptions.id, id));
}

/** Confirmed from now on: a new confirmation date when it was pending or ended, the old one kept otherwise. */
export async function markConfirmed(tx: Db, id: string): Promise<SubscriptionRow | undefined> {
  const [row] = await tx
    .update(subscriptions)
    .set({
      confirmedAt: sql`case when ${subscriptions.confirmedAt} is null or ${subscriptions.endedAt} is not null then now() else ${subscriptions.confirmedAt} end`,
      endedAt: null,
    })
    .where(eq(subscriptions.id, id))
    .returning();
  return row;
}

/**
 * Ended now, or when it first was; undefined when there is no such subscription. "Now" by the
 * application's clock, the one confirmation links are dated by.
 */
export async function markEnded(tx: Db, id: string): Promise<SubscriptionRow | undefined> {
  const [row] = await tx
    .update(subscriptions)
    .set({ endedAt: sql`coalesce(${subscriptions.endedAt}, ${new Date().toISOString()}::timestamptz)` })
    .where(eq(subscriptions.id, id))
    .returning();
  return row;
}

/** The subscriptions that receive the report's new editions: confirmed and not ended. */
export function listActiveSubscriptions(tx: Db, reportId: string) {
  return tx
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.reportId, reportId), isNotNull(subscriptions.confirmedAt), isNull(subscriptions.endedAt)))
    .orderBy(asc(subscriptions.createdAt), asc(subscriptions.id));
}

/** How many messages in the outbox have an event key starting with `prefix`: all of them, and those written after `since`. */
export function countMailsWithPrefix(tx: Db, prefix: string, since: Date): Promise<{ total: number; recent: number }> {
  return countMail(tx, { eventKeyPrefix: prefix, since });
}
