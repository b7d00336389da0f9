import { transaction, type Db } from "#src/db/client.ts";
import type { Language } from "#src/domain/languages.ts";
import { enqueueMail } from "#src/features/mail/outbox.ts";
import type { MailContent } from "#src/features/mail/templates.ts";
import * as repo from "#src/features/notifications/repository.ts";
import { noticeText } from "#src/features/notifications/text.ts";
import { translator } from "#src/i18n/i18n.ts";

/**
 * When in the UTC day digests go out: the first run of the schedule at or after 06:00 UTC, so
 * that a digest arrives in the morning in Europe and Africa and before the working day in the
 * Americas, whatever time the server started. Notifications that arrive after that day's digest
 * wait for the next day's.
 */
export const DIGEST_HOUR_UTC = 6;

/** The UTC day of a moment, as YYYY-MM-DD. */
const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Mails each person who has notifications waiting for their daily digest one message listing
 * them all, at most once per UTC day (eventKey `digest:<user>:<day>`, refused by the outbox the
 * second time), and marks them digested in the same transaction as the message, so that a crash
 * either leaves both or neither. Before DIGEST_HOUR_UTC nothing is sent. Answers how many digests
 * were queued.
 */
export async function queueDigests(db: Db, now: Date): Promise<number> {
  if (now.getUTCHours() < DIGEST_HOUR_UTC) return 0;
  const day = utcDay(now);
  let queued = 0;
  for (const person of await repo.digestRecipients(db)) {
    const sent = await transaction(db, async (tx) => {
      const pending = await repo.pendingDigest(tx, person.userId);
      if (pending.length === 0) return false;
      const fresh = await enqueueMail(tx, {
        eventKey: `digest:${person.userId}:${day}`,
        to: person.email,
        userId: person.userId,
        language: person.language,
        template: "digest",
        content: digestMail(pending, person.language),
        unsubscribe: `digest:${person.userId}`,
      });
      // Today's digest already went out: these wait for tomorrow's.
      if (!fresh) return false;
      await repo.markDigested(
        tx,
        pending.map((n) => n.id),
      );
      return true;
    });
    if (sent) queued++;
  }
  return queued;
}

/** One person's digest: every waiting notification, oldest first, each with its link. */
export function digestMail(pending: Pick<repo.NotificationRow, "messageKey" | "params" | "href">[], lang: Language): MailContent {
  const t = translator(lang);
  return {
    subject: t("mail.digest.subject", { count: pending.length }),
    blocks: [
      { kind: "paragraph", text: t("mail.digest.lead") },
      { kind: "items", items: pending.map((n) => ({ text: noticeText(lang, n), href: n.href })) },
      { kind: "items", items: [{ text: t("mail.notification.centre"), href: "/notifications" }, { text: t("mail.notification.preferences"), href: "/account/notifications" }] },
      { kind: "note", text: t("mail.digest.note") },
    ],
  };
}
