import { MAIL_STATUSES, type MailStatus } from "#src/domain/notifications.ts";
import { KEEP_FAILED_DAYS, KEEP_SENT_DAYS, type OutboxListRow } from "#src/features/mail/repository.ts";
import type { FinalMessage, OutboxRow } from "#src/features/mail/sender.ts";
import type { AppError } from "#src/lib/errors.ts";
import { DateTime, ErrorSummary, Form } from "#src/web/components.tsx";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

/** The SMTP server as administrators may see it: scheme, host and port, never the credentials. */
export function smtpServerLabel(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  return `${url.protocol}//${url.host}`;
}

const STATUS_TAG: Record<MailStatus, string> = {
  queued: "tag tag-muted",
  sending: "tag tag-muted",
  sent: "tag tag-ok",
  failed: "tag tag-mail-failed",
  held: "tag tag-draft",
  cancelled: "tag tag-muted",
};

/**
 * A stored delivery error in the reader's language: known codes are translated, and what an SMTP
 * server or the network answered stays as it is inside the translated sentence. Anything else
 * (an older message) shows as stored.
 */
export function mailErrorText(t: PageContext["t"], stored: string): string {
  const match = /^([A-Z_]+?)(?:_(\d{3}))?(?:: ([\s\S]*))?$/.exec(stored);
  if (!match) return stored;
  const [, code, reply, detail = ""] = match;
  if (code === "SMTP" && reply) return t("mail.error.SMTP", { code: reply, detail });
  switch (code) {
    case "LINK_INVALID":
      return t("mail.error.LINK_INVALID");
    case "USER_DEACTIVATED":
      return t("mail.error.USER_DEACTIVATED");
    case "ABANDONED":
      return t("mail.error.ABANDONED");
    case "NETWORK":
      return t("mail.error.NETWORK", { detail });
    case "ERROR":
      return t("mail.error.ERROR", { detail });
    default:
      return stored;
  }
}

function StatusBadge({ ctx, status }: { ctx: PageContext; status: MailStatus }) {
  return <span class={STATUS_TAG[status]}>{ctx.t(`mail.status.${status}`)}</span>;
}

/** Whether mail leaves the site, and through which server. */
function DeliveryBanner({ ctx, smtpUrl, onMessage = false }: { ctx: PageContext; smtpUrl: string | undefined; onMessage?: boolean }) {
  const { t } = ctx;
  return smtpUrl ? (
    <p class="notice notice-success mail-delivery">{t("mail.outbox.smtp", { server: smtpServerLabel(smtpUrl) })}</p>
  ) : (
    <div class="notice notice-action mail-delivery">
      <p>{t("mail.outbox.noSmtp")}</p>
      {!onMessage && <p>{t("mail.outbox.noSmtpHandOver")}</p>}
    </div>
  );
}

export type OutboxFilter = { status?: MailStatus | undefined; page: number };

const outboxHref = (status: MailStatus | undefined, page = 1) => {
  const query = new URLSearchParams();
  if (status) query.set("status", status);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/admin/outbox?${text}` : "/admin/outbox";
};

/** The outbox: every message written, newest first, by state. */
export function OutboxPage(props: {
  ctx: PageContext;
  rows: OutboxListRow[];
  counts: Record<MailStatus, number>;
  filter: OutboxFilter;
  hasNext: boolean;
  smtpUrl: string | undefined;
}) {
  const { ctx, rows, counts, filter, hasNext, smtpUrl } = props;
  const { t, lang } = ctx;
  const total = MAIL_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  return (
    <Layout ctx={ctx} title={t("mail.outbox.title")} section="admin">
      <p class="breadcrumb">
        <a href="/admin">{t("admin.title")}</a>
      </p>
      <h1>{t("mail.outbox.title")}</h1>
      <p class="lead">{t("mail.outbox.lead")}</p>
      <DeliveryBanner ctx={ctx} smtpUrl={smtpUrl} />
      {smtpUrl && counts.held > 0 && (
        <Form ctx={ctx} action="/admin/outbox/send-held" class="mail-send-held">
          <p>{t("mail.sendHeld.lead", { count: counts.held })}</p>
          <button type="submit" class="button">
            {t("mail.sendHeld.button", { count: counts.held })}
          </button>
        </Form>
      )}
      <nav class="mail-filters" aria-label={t("mail.outbox.byStatus")}>
        <ul>
          <li>
            <a href={outboxHref(undefined)} aria-current={filter.status === undefined ? "page" : undefined}>
              {t("common.all")} <span class="count">{total}</span>
            </a>
          </li>
          {MAIL_STATUSES.map((status) => (
            <li>
              <a href={outboxHref(status)} aria-current={filter.status === status ? "page" : undefined}>
                {t(`mail.status.${status}`)} <span class="count">{counts[status]}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <p class="empty">{t("mail.outbox.empty")}</p>
      ) : (
        <div class="table-wrap">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t("mail.created")}</th>
                <th scope="col">{t("mail.to")}</th>
                <th scope="col">{t("mail.subject")}</th>
                <th scope="col">{t("mail.template")}</th>
                <th scope="col">{t("mail.status")}</th>
                <th scope="col">{t("mail.attempts")}</th>
                <th scope="col">{t("mail.lastError")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <td>
                    <DateTime value={row.createdAt} lang={lang} withTime />
                  </td>
                  <td>{row.recipient}</td>
                  <td>
                    <a href={`/admin/outbox/${row.id}`}>{row.subject}</a>
                  </td>
                  <td>
                    <code>{row.template}</code>
                  </td>
                  <td>
                    <StatusBadge ctx={ctx} status={row.status} />
                  </td>
                  <td>{row.attempts}</td>
                  <td class="small mail-error">{row.lastError ? mailErrorText(t, row.lastError) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(filter.page > 1 || hasNext) && (
        <p class="actions">
          {filter.page > 1 && <a href={outboxHref(filter.status, filter.page - 1)}>{t("mail.outbox.newer")}</a>}
          {hasNext && <a href={outboxHref(filter.status, filter.page + 1)}>{t("mail.outbox.older")}</a>}
        </p>
      )}
      <p class="small muted">{t("mail.outbox.retention", { sentDays: KEEP_SENT_DAYS, failedDays: KEEP_FAILED_DAYS })}</p>
    </Layout>
  );
}

/** One message: what it says and to whom, how its delivery went, and what an administrator may do. */
export function OutboxMessagePage(props: {
  ctx: PageContext;
  row: OutboxRow;
  message: FinalMessage;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** A one-time link just made: shown this once. */
  link?: string | undefined;
  error?: AppError | undefined;
}) {
  const { ctx, row, message, smtpUrl, mailFrom, link, error } = props;
  const { t, lang } = ctx;
  const resendable = row.status === "held" || row.status === "failed";
  return (
    <Layout ctx={ctx} title={row.subject} section="admin">
      <p class="breadcrumb">
        <a href="/admin">{t("admin.title")}</a> › <a href="/admin/outbox">{t("mail.outbox.title")}</a>
      </p>
      <h1>{row.subject}</h1>
      <ErrorSummary t={t} errors={undefined} code={error?.code} />
      {link && (
        <div class="notice notice-success mail-link" role="status">
          <p>{t("mail.link.made")}</p>
          <p>
            <input type="text" readonly value={link} aria-label={t("mail.link.label")} class="mail-link-value" />
          </p>
        </div>
      )}
      <dl class="details">
        <dt>{t("mail.status")}</dt>
        <dd>
          <StatusBadge ctx={ctx} status={row.status} />
        </dd>
        <dt>{t("mail.to")}</dt>
        <dd>{row.recipient}</dd>
        <dt>{t("mail.template")}</dt>
        <dd>
          <code>{row.template}</code> ({row.language})
        </dd>
        <dt>{t("mail.created")}</dt>
        <dd>
          <DateTime value={row.createdAt} lang={lang} withTime />
        </dd>
        <dt>{t("mail.attempts")}</dt>
        <dd>{row.attempts}</dd>
        {row.status === "queued" && (
          <>
            <dt>{t("mail.nextAttempt")}</dt>
            <dd>
              <DateTime value={row.runAfter} lang={lang} withTime />
            </dd>
          </>
        )}
        {row.sentAt && (
          <>
            <dt>{t("mail.sentAt")}</dt>
            <dd>
              <DateTime value={row.sentAt} lang={lang} withTime />
            </dd>
          </>
        )}
        {row.lastError && (
          <>
            <dt>{t("mail.lastError")}</dt>
            <dd class="mail-error">{mailErrorText(t, row.lastError)}</dd>
          </>
        )}
      </dl>
      {resendable && (
        <section class="mail-actions">
          <h2>{t("mail.actions")}</h2>
          {!smtpUrl && <DeliveryBanner ctx={ctx} smtpUrl={smtpUrl} onMessage />}
          <div class="actions">
            {row.accountTokenId && (
              <Form ctx={ctx} action={`/admin/outbox/${row.id}/link`}>
                <button type="submit" class="button">
                  {t("mail.link.button")}
                </button>
              </Form>
            )}
            {smtpUrl && (
              <Form ctx={ctx} action={`/admin/outbox/${row.id}/send`}>
                <button type="submit" class={row.accountTokenId ? "button button-secondary" : "button"}>
                  {t("mail.send.button")}
                </button>
              </Form>
            )}
          </div>
          {row.accountTokenId && <p class="small muted">{t("mail.link.hint")}</p>}
        </section>
      )}
      <h2>{t("mail.headers")}</h2>
      <div class="table-wrap">
        <table class="data mail-headers">
          <tbody>
            {[
              ["From", mailFrom],
              ["To", row.recipient],
              ["Subject", message.subject],
              ["Message-ID", message.messageId],
              ...Object.entries(message.headers),
            ]
              .filter(([, value]) => value !== "")
              .map(([name, value]) => (
                <tr>
                  <th scope="row">{name}</th>
                  <td>
                    <code>{value}</code>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
      <h2>{t("mail.text")}</h2>
      <pre class="mail-text">{message.text}</pre>
      <details class="mail-html">
        <summary>{t("mail.html")}</summary>
        <pre>{message.html}</pre>
      </details>
    </Layout>
  );
}
