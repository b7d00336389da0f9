import { and, count, desc, eq, gt, like, sql, type SQL } from "drizzle-orm";
import type { Db } from "#src/db/client.ts";
import { mailOutbox } from "#src/db/schema/notifications.ts";
import { MAIL_STATUSES, type MailStatus } from "#src/domain/notifications.ts";

// What administrators read of the outbox.

export type OutboxListRow = Pick<
  typeof mailOutbox.$inferSelect,
  "id" | "createdAt" | "recipient" | "subject" | "template" | "status" | "attempts" | "lastError" | "sentAt"
>;

/** One page of messages, newest first; one more row than asked tells whether a next page exists. */
export function listOutbox(db: Db, options: { status?: MailStatus | undefined; limit: number; offset: number }): Promise<OutboxListRow[]> {
  const where: SQL | undefined = options.status ? eq(mailOutbox.status, options.status) : undefined;
  return db
    .select({
      id: mailOutbox.id,
      createdAt: mailOutbox.createdAt,
      recipient: mailOutbox.recipient,
      subject: mailOutbox.subject,
      template: mailOutbox.template,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      lastError: mailOutbox.lastError,
      sentAt: mailOutbox.sentAt,
    })
    .from(mailOutbox)
    .where(and(where))
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(options.limit)
    .offset(options.offset);
}

/** How many messages are in each state (every state listed, zero included). */
export async function countOutbox(db: Db): Promise<Record<MailStatus, number>> {
  const rows = await db.select({ status: mailOutbox.status, n: count() }).from(mailOutbox).groupBy(mailOutbox.status);
  const counts = Object.fromEntries(MAIL_STATUSES.map((s) => [s, 0])) as Record<MailStatus, number>;
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/** How many messages failed for good: what the administration's home page shows. */
export async function countFailedMail(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(mailOutbox).where(eq(mailOutbox.status, "failed"));
  return Number(row?.n ?? 0);
}

export async function getOutboxMessage(db: Db, id: string) {
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row;
}

/** How many messages have an event key starting with `eventKeyPrefix`: all of them, and those written after `since`. */
export async function countMail(tx: Db, options: { eventKeyPrefix: string; since: Date }): Promise<{ total: number; recent: number }> {
  const pattern = `${options.eventKeyPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const [row] = await tx
    .select({
      total: sql<number>`count(*)::int`,
      recent: sql<number>`count(*) filter (where ${gt(mailOutbox.createdAt, options.since)})::int`,
    })
    .from(mailOutbox)
    .where(like(mailOutbox.eventKey, pattern));
  return { total: Number(row?.total ?? 0), recent: Number(row?.recent ?? 0) };
}

/** Where the newest message carrying an account token's link stands (undefined: none was written). */
export async function mailOfAccountToken(db: Db, accountTokenId: string): Promise<{ status: MailStatus; lastError: string | null } | undefined> {
  const [row] = await db
    .select({ status: mailOutbox.status, lastError: mailOutbox.lastError })
    .from(mailOutbox)
    .where(eq(mailOutbox.accountTokenId, accountTokenId))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  return row;
}

/** Sent and cancelled messages are kept this many days, then deleted. */
export const KEEP_SENT_DAYS = 90;
/** Failed messages are kept this many days (administrators must have seen them), then deleted. */
export const KEEP_FAILED_DAYS = 180;

/**
 * Deletes the messages that are done with and old: sent or cancelled more than KEEP_SENT_DAYS
 * ago, failed more than KEEP_FAILED_DAYS ago (by when they were written). Answers how many.
 * Run by the notification schedule.
 */
export async function purgeOutbox(db: Db, now: Date): Promise<number> {
  const before = (days: number) => sql`${new Date(now.getTime() - days * 24 * 3600_000).toISOString()}::timestamptz`;
  const rows = await db
    .delete(mailOutbox)
    .where(
      sql`(${mailOutbox.status} in ('sent', 'cancelled') and ${mailOutbox.createdAt} < ${before(KEEP_SENT_DAYS)})
        or (${mailOutbox.status} = 'failed' and ${mailOutbox.createdAt} < ${before(KEEP_FAILED_DAYS)})`,
    )
    .returning({ id: mailOutbox.id });
  return rows.length;
}
