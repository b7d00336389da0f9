import { and, eq, inArray, sql } from "drizzle-orm";
import { transaction, type Db } from "#src/db/client.ts";
import { mailOutbox } from "#src/db/schema/notifications.ts";
import type { Actor } from "#src/domain/actors.ts";
import { recordAudit } from "#src/features/audit/repository.ts";
import { CancelledMailError, rotateLink, type MailSettings } from "#src/features/mail/sender.ts";
import { appError } from "#src/lib/errors.ts";

// What administrators do with a message in the outbox: send it (again), or, on a site without an
// SMTP server, make its one-time link by hand to pass it on themselves. Each write is audited.

/** States from which an administrator may send a message: kept for lack of SMTP, or failed for good. */
const RESENDABLE = ["held", "failed"] as const;

/**
 * Queues a held or failed message to go out now, with its attempts counted afresh. Refused
 * (SMTP_NOT_CONFIGURED) while no SMTP server is configured: it would only be held again.
 */
export async function sendAgain(db: Db, actor: Actor, settings: MailSettings, id: string): Promise<void> {
  if (!settings.smtpUrl) throw appError("SMTP_NOT_CONFIGURED");
  await transaction(db, async (tx) => {
    const [row] = await tx
      .update(mailOutbox)
      .set({ status: "queued", attempts: 0, runAfter: sql`now()`, leaseUntil: null })
      .where(and(eq(mailOutbox.id, id), inArray(mailOutbox.status, [...RESENDABLE])))
      .returning({ id: mailOutbox.id, recipient: mailOutbox.recipient, template: mailOutbox.template });
    if (!row) {
      const [exists] = await tx.select({ id: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.id, id));
      throw appError(exists ? "MAIL_STATE" : "NOT_FOUND");
    }
    await recordAudit(tx, actor, { action: "mail.send", entityType: "mail", entityId: id, data: { email: row.recipient, template: row.template } });
  });
}

/**
 * Makes a fresh one-time link for a held or failed message that carries one (an invitation, a
 * reset): a random one, which replaces the link the message carries (that one stops working, until
 * the message is sent again, which puts it back and ends this one). The
 * link is returned to be shown once; only its hash is kept, and the audit records who made it.
 */
export async function makeLink(db: Db, actor: Actor, settings: MailSettings, id: string): Promise<string> {
  return transaction(db, async (tx) => {
    const [row] = await tx.select().from(mailOutbox).where(eq(mailOutbox.id, id)).for("update");
    if (!row) throw appError("NOT_FOUND");
    if (!row.accountTokenId || !(RESENDABLE as readonly string[]).includes(row.status)) throw appError("MAIL_STATE");
    let link: string;
    try {
      link = await rotateLink(tx, row.accountTokenId, settings);
    } catch (err) {
      if (err instanceof CancelledMailError) throw appError("MAIL_LINK_INVALID");
      throw err;
    }
    await recordAudit(tx, actor, { action: "mail.link", entityType: "mail", entityId: id, data: { email: row.recipient, template: row.template } });
    return link;
  });
}

/**
 * Queues every message kept for lack of an SMTP server, now that one is configured; answers how
 * many. Refused (SMTP_NOT_CONFIGURED) while none is. Audited as one action, with the count.
 */
export async function sendAllHeld(db: Db, actor: Actor, settings: MailSettings): Promise<number> {
  if (!settings.smtpUrl) throw appError("SMTP_NOT_CONFIGURED");
  return transaction(db, async (tx) => {
    const rows = await tx
      .update(mailOutbox)
      .set({ status: "queued", attempts: 0, runAfter: sql`now()`, leaseUntil: null })
      .where(eq(mailOutbox.status, "held"))
      .returning({ id: mailOutbox.id });
    if (rows.length) await recordAudit(tx, actor, { action: "mail.send_held", entityType: "mail", entityId: null, data: { count: rows.length } });
    return rows.length;
  });
}
