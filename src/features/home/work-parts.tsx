import type { Language } from "#src/domain/languages.ts";
import type { NotificationRow } from "#src/features/notifications/repository.ts";
import { noticeText } from "#src/features/notifications/text.ts";
import { formatDay, type Translate } from "#src/i18n/i18n.ts";
import { DateTime } from "#src/web/components.tsx";
import type { PageContext } from "#src/web/render.ts";

/** A closing day in words: "closes in 3 days" while it is ahead, "closing date passed on …" once it is past, "closed" when closed. */
export function Deadline({ t, lang, closesOn, daysLeft, open = true }: { t: Translate; lang: Language; closesOn: string | null; daysLeft: number | null; open?: boolean }) {
  if (!open) return <span class="tag tag-muted">{t("work.closed")}</span>;
  if (!closesOn || daysLeft === null) return null;
  const date = <DateTime value={closesOn} lang={lang} />;
  if (daysLeft < 0) return <span class="small muted">{t("deadline.closesLine", { date: formatDay(closesOn, lang) })}</span>;
  return (
    <>
      <span class={daysLeft <= 3 ? "tag tag-outOfDate" : "tag tag-draft"}>{t("work.closesIn", { days: daysLeft })}</span> <span class="small muted">({date})</span>
    </>
  );
}

/** A person's latest notifications, unread first, with "mark all as read" and a link to all of them. */
export function NotificationsPanel({ ctx, notifications, back }: { ctx: PageContext; notifications: NotificationRow[]; back: "/member" | "/editor/work" }) {
  const { t, lang } = ctx;
  const unread = notifications.filter((n) => !n.readAt).length;
  return (
    <section aria-labelledby="notes-title" class="panel">
      <div class="page-head">
        <h2 id="notes-title">
          {t("member.notifications")} {unread > 0 && <span class="count-badge">{t("work.notifications.unread", { count: unread })}</span>}
        </h2>
        {unread > 0 && (
          <form method="post" action="/notifications/read" class="inline-form">
            <input type="hidden" name="_csrf" value={ctx.csrf} />
            <input type="hidden" name="next" value={back} />
            <button type="submit" class="button button-secondary button-small">
              {t("member.markRead")}
            </button>
          </form>
        )}
      </div>
      {notifications.length === 0 ? (
        <p class="empty">{t(back === "/member" ? "member.noNotifications" : "work.noNotifications")}</p>
      ) : (
        <ul class="plain-list notifications">
          {notifications.map((n) => (
            <li class={n.readAt ? "" : "unread"}>
              {!n.readAt && <span class="visually-hidden">{t("member.new")}: </span>}
              <a href={`/notifications/${n.id}`}>{noticeText(lang, n)}</a>{" "}
              <span class="muted small">
                <DateTime value={n.createdAt} lang={lang} withTime />
              </span>
            </li>
          ))}
        </ul>
      )}
      <p class="small">
        <a href="/notifications">{t("notifications.seeAll")}</a>
      </p>
    </section>
  );
}
