import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "#src/db/client.ts";
import { mailOutbox } from "#src/db/schema/notifications.ts";
import type { Language } from "#src/domain/languages.ts";
import { HOST, renderMail, type MailContent } from "#src/features/mail/templates.ts";

// The transactional outbox: a message is written in the transaction of the event that causes it
// (an invitation, a notification), so it exists exactly when the event does; the sender
// (sender.ts) sends it afterwards, with retries.

export type OutgoingMail = {
  /** What causes the message ("invitation:<token id>", "notification:<event>"); one message per event and address, ever. */
  eventKey: string;
  to: string;
  userId?: string | null;
  language: Language;
  /** Which kind of message ("invitation", "reset", "notification", "digest", …), shown to administrators. */
  template: string;
  content: MailContent;
  /** The account_tokens row whose one-time link replaces %%LINK%% when the message is sent. */
  accountTokenId?: string | null;
  /** What the unsubscribe link ends ("user:<id>:<kind>", "subscription:<id>"); adds the footer line and List-Unsubscribe. */
  unsubscribe?: string | null;
};

/** An address as the outbox keeps it: trimmed and lower-cased, one line. */
export function normalizeAddress(address: string): string {
  const to = address.trim().toLowerCase();
  if (!/^[^\s@<>,;"]+@[^\s@<>,;"]+$/.test(to)) throw new Error(`Not a mail address: ${JSON.stringify(address)}`);
  return to;
}

/** Writes the message in the caller's transaction; false when this event already has a message for this address. */
export async function enqueueMail(tx: Db, mail: OutgoingMail): Promise<boolean> {
  const id = randomUUID();
  const rendered = renderMail(mail.content, mail.language, { unsubscribe: Boolean(mail.unsubscribe) });
  const rows = await tx
    .insert(mailOutbox)
    .values({
      id,
      eventKey: mail.eventKey,
      recipient: normalizeAddress(mail.to),
      userId: mail.userId ?? null,
      language: mail.language,
      template: mail.template,
      subject: rendered.subject,
      textBody: rendered.text,
      htmlBody: rendered.html,
      accountTokenId: mail.accountTokenId ?? null,
      unsubscribe: mail.unsubscribe ?? null,
      // Fixed now, so a message sent again (after a crash) carries the same one; the host is the
      // site's, put in by the sender, which knows the public address.
      messageId: `<${id}@${HOST}>`,
      status: "queued",
    })
    .onConflictDoNothing({ target: [mailOutbox.eventKey, mailOutbox.recipient] })
    .returning({ id: mailOutbox.id });
  return rows.length > 0;
}

/**
 * Cancels the messages to a user not sent yet (queued or held), in the caller's transaction: their
 * address changed or their account was deactivated, so what was meant for them must not go out.
 */
export async function cancelMailOf(tx: Db, userId: string): Promise<number> {
  const rows = await tx
    .update(mailOutbox)
    .set({ status: "cancelled", lastError: "CANCELLED", leaseUntil: null })
    .where(and(eq(mailOutbox.userId, userId), inArray(mailOutbox.status, ["queued", "held"])))
    .returning({ id: mailOutbox.id });
  return rows.length;
}
