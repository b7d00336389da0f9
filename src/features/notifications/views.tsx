import type { Language } from "#src/domain/languages.ts";
import { DELIVERY_MODES, NOTIFICATION_KINDS, type DeliveryMode, type NotificationKind } from "#src/domain/notifications.ts";
import type { NotificationRow } from "#src/features/notifications/repository.ts";
import type { Unsubscription } from "#src/features/notifications/service.ts";
import { noticeText } from "#src/features/notifications/text.ts";
import type { AppError } from "#src/lib/errors.ts";
import { DateTime, ErrorSummary, Form } from "#src/web/components.tsx";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

type CentreProps = {
  ctx: PageContext;
  rows: NotificationRow[];
  unread: number;
  page: number;
  pages: number;
};

const pageHref = (page: number) => (page <= 1 ? "/notifications" : `/notifications?page=${page}`);

/** The notification centre: newest first, the unread ones marked in words as well as in weight. */
export function NotificationCentrePage({ ctx, rows, unread, page, pages }: CentreProps) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t("notifications.title")} section="notifications">
      <div class="page-head">
        <h1>{t("notifications.title")}</h1>
        {unread > 0 && (
          <form method="post" action="/notifications/read" class="inline-form">
            <input type="hidden" name="_csrf" value={ctx.csrf} />
            <button type="submit" class="button button-secondary">
              {t("notifications.markAllRead")}
            </button>
          </form>
        )}
      </div>
      <p class="lead">{t("notifications.lead")}</p>
      <p>
        {rows.length > 0 && `${t("notifications.unreadCount", { count: unread })} `}
        <a href="/account/notifications">{t("notifications.chooseMail")}</a>
      </p>
      {rows.length === 0 ? (
        <p class="muted">{t("notifications.empty")}</p>
      ) : (
        <ol class="plain-list notification-list">
          {rows.map((n) => (
            <li class={n.readAt ? "notification" : "notification unread"}>
              <p class="notification-meta">
                {!n.readAt && <span class="tag tag-new">{t("notifications.new")}</span>} <span class="tag tag-muted">{t(`notifications.kind.${n.kind}`)}</span>{" "}
                <span class="muted small">
                  <DateTime value={n.createdAt} lang={lang} withTime />
                </span>
              </p>
              <a href={`/notifications/${n.id}`} class="notification-text">
                {noticeText(lang, n)}
              </a>
            </li>
          ))}
        </ol>
      )}
      {pages > 1 && (
        <nav class="notification-pager" aria-label={t("notifications.paging")}>
          {page > 1 && (
            <a href={pageHref(page - 1)} rel="prev">
              {t("notifications.newer")}
            </a>
          )}
          {page < pages && (
            <a href={pageHref(page + 1)} rel="next">
              {t("notifications.older")}
            </a>
          )}
        </nav>
      )}
    </Layout>
  );
}

type PreferencesProps = {
  ctx: PageContext;
  modes: Record<NotificationKind, DeliveryMode>;
  error?: AppError | undefined;
};

/** One fieldset per kind: what it is and when it happens, then how it is mailed. */
export function NotificationPreferencesPage({ ctx, modes, error }: PreferencesProps) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("notifications.preferences.title")} section="account">
      <h1>{t("notifications.preferences.title")}</h1>
      <p class="lead">{t("notifications.preferences.lead")}</p>
      <ErrorSummary t={t} errors={error?.fields} code={error?.code} labels={Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, t(`notifications.kind.${kind}`)]))} />
      <Form ctx={ctx} action="/account/notifications" class="stack">
        {NOTIFICATION_KINDS.map((kind) => (
          <fieldset class="delivery-choice" id={`f-${kind}`} aria-describedby={`h-${kind}`}>
            <legend>{t(`notifications.kind.${kind}`)}</legend>
            <p class="hint" id={`h-${kind}`}>
              {t(`notifications.when.${kind}`)}
            </p>
            <div class="delivery-modes">
              {DELIVERY_MODES.map((mode) => (
                <label class="check">
                  <input type="radio" name={kind} value={mode} checked={modes[kind] === mode} /> {t(`notifications.mode.${mode}`)}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <div class="actions">
          <button type="submit" class="button">
            {t("notifications.preferences.save")}
          </button>
          <a href="/notifications">{t("notifications.seeAll")}</a>
        </div>
      </Form>
    </Layout>
  );
}

const titleIn = (titles: Partial<Record<Language, string>>, lang: Language) => titles[lang] ?? titles.en ?? Object.values(titles)[0] ?? "";

/**
 * What an unsubscribe link ends, with a button that ends it (a page, so that a link checker
 * following the link ends nothing); once done, says so. An invalid link says what to do instead.
 */
export function UnsubscribePage({ ctx, target, token, ended = false }: { ctx: PageContext; target: Unsubscription | undefined; token: string; ended?: boolean }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t("unsubscribe.title")}>
      <h1>{t("unsubscribe.title")}</h1>
      {!target ? (
        <p class="notice notice-action">{t("unsubscribe.invalid")}</p>
      ) : (
        <>
          <p class="lead">
            {target.kind === "user"
              ? t("unsubscribe.kindLead", { kind: t(`notifications.kind.${target.notificationKind}`) })
              : target.kind === "digest"
                ? t("unsubscribe.digestLead")
                : t("unsubscribe.subscriptionLead", { report: titleIn(target.report, lang) })}
          </p>
          {target.done ? (
            <p class="notice notice-success" role="status">
              {ended ? t("unsubscribe.done") : t("unsubscribe.already")}
            </p>
          ) : (
            // No CSRF token: the signed link is the proof, and the same address takes one-click requests from mail programs (RFC 8058).
            <form method="post" action={`/unsubscribe/${token}`}>
              <button type="submit" class="button">
                {t("unsubscribe.button")}
              </button>
            </form>
          )}
          {target.kind !== "subscription" && (
            <p>
              <a href="/account/notifications">{t("unsubscribe.changeAll")}</a>
            </p>
          )}
        </>
      )}
    </Layout>
  );
}
