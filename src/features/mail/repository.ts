import { and, count, desc, eq, type SQL } from "drizzle-orm";
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
