import { inArray, sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "#src/db/client.ts";
import { users } from "#src/db/schema/members.ts";
import type { Language } from "#src/domain/languages.ts";
import type { DeliveryMode, NotificationKind } from "#src/domain/notifications.ts";
import { enqueueMail } from "#src/features/mail/outbox.ts";
import type { MailContent } from "#src/features/mail/templates.ts";
import { noticeText, type NoticeParams } from "#src/features/notifications/text.ts";
import { translator, type MessageKey } from "#src/i18n/i18n.ts";

/**
 * Something to tell people: listed in each one's notification centre and mailed as each chose for
 * its kind. `eventKey` names what caused it ("survey:<id>:invitation"): a person is told once per
 * event, however often the event is reported. A parameter may be a text per language
 * ({en, fr, es}), shown in the reader's; a parameter named `date` holds an ISO day.
 */
export type Notice = { kind: NotificationKind; eventKey: string; messageKey: MessageKey; params: NoticeParams; href: string };

/** Tells these people (the active ones). */
export async function notifyUsers(tx: Db, userIds: string[], notice: Notice): Promise<void> {
  if (userIds.length === 0) return;
  await notify(tx, inArray(users.id, [...new Set(userIds)]), notice);
}

/** Tells every active person of these organizations, except the one who acted (if given). */
export async function notifyOrganizations(tx: Db, organizationIds: string[], notice: Notice, options: { exceptUserId?: string | null } = {}): Promise<void> {
  if (organizationIds.length === 0) return;
  const among = inArray(users.organizationId, [...new Set(organizationIds)]);
  await notify(tx, options.exceptUserId ? sql`${among} and ${users.id} <> ${options.exceptUserId}` : among, notice);
}

/** Tells every active person. */
export async function notifyEveryone(tx: Db, notice: Notice): Promise<void> {
  await notify(tx, sql`true`, notice);
}

type Told = { notificationId: number; userId: string; email: string; language: Language; mode: DeliveryMode; joined: boolean };

/**
 * One statement writes the notifications of every recipient (active people matching `who`), each
 * with the mail state its preference asks for (no preference: immediately); a person already told
 * about this event is skipped (the unique event and user), so a repeated event mails nobody twice.
 * Those to be mailed now get their message in the outbox, in the same transaction. A person
 * invited who has not joined yet (no password) is mailed nothing: the notification waits in their
 * centre for when they do.
 */
async function notify(tx: Db, who: SQL, notice: Notice): Promise<void> {
  const told = await queryRows<Told>(
    tx,
    sql`with recipients as (
          select users.id, users.email, users.language, coalesce(p.mode, 'immediately') as mode,
                 users.password_hash is not null as joined
          from users
          left join notification_preferences p on p.user_id = users.id and p.kind = ${notice.kind}
          where users.deactivated_at is null and ${who}
        ), inserted as (
          insert into notifications (user_id, kind, event_key, message_key, params, href, mail_state)
          select id, ${notice.kind}, ${notice.eventKey}, ${notice.messageKey}, ${JSON.stringify(notice.params)}::jsonb, ${notice.href},
                 case when mode = 'digest' and joined then 'digest' else 'none' end
          from recipients
          on conflict (event_key, user_id) do nothing
          returning id, user_id
        )
        select inserted.id as "notificationId", recipients.id as "userId", recipients.email, recipients.language, recipients.mode, recipients.joined
        from inserted join recipients on recipients.id = inserted.user_id
        order by recipients.id`,
  );
  for (const person of told) {
    if (person.mode !== "immediately" || !person.joined) continue;
    await enqueueMail(tx, {
      eventKey: `notification:${notice.eventKey}`,
      to: person.email,
      userId: person.userId,
      language: person.language,
      template: "notification",
      content: noticeMail(notice, person.language),
      unsubscribe: `user:${person.userId}:${notice.kind}`,
    });
  }
}

/** The message telling one person about a notice, in their language. */
export function noticeMail(notice: Pick<Notice, "messageKey" | "params" | "href">, lang: Language): MailContent {
  const t = translator(lang);
  const text = noticeText(lang, notice);
  return {
    subject: text,
    blocks: [
      { kind: "paragraph", text },
      { kind: "action", text: t("mail.notification.open"), href: notice.href },
      {
        kind: "items",
        items: [
          { text: t("mail.notification.centre"), href: "/notifications" },
          { text: t("mail.notification.preferences"), href: "/account/notifications" },
        ],
      },
    ],
  };
}
