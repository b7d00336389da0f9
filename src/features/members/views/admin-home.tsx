import type { AuditRow } from "#src/features/audit/repository.ts";
import { DateTime } from "#src/web/components.tsx";
import { isMessageKey, type MessageKey } from "#src/i18n/i18n.ts";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

/** The administration landing page: counts and the latest changes. */
export function AdminHomePage({ ctx, organizations, users, recent, failedMail = 0 }: { ctx: PageContext; organizations: number; users: number; recent: AuditRow[]; failedMail?: number }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("admin.title")} section="admin">
      <h1>{t("admin.title")}</h1>
      <p class="lead">{t("admin.lead")}</p>
      <ul class="tiles">
        <li>
          <a href="/admin/organizations" class="tile">
            <span class="tile-title">{t("admin.organizations")}</span>
            <span class="tile-figure">{organizations}</span>
          </a>
        </li>
        <li>
          <a href="/admin/users" class="tile">
            <span class="tile-title">{t("admin.users")}</span>
            <span class="tile-figure">{users}</span>
          </a>
        </li>
        <li>
          <a href="/admin/audit" class="tile">
            <span class="tile-title">{t("admin.audit")}</span>
            <span class="tile-figure tile-figure-text">{t("admin.recent")}</span>
          </a>
        </li>
        <li>
          <a href={failedMail ? "/admin/outbox?status=failed" : "/admin/outbox"} class="tile">
            <span class="tile-title">{t("mail.outbox.title")}</span>
            <span class={failedMail ? "tile-figure tile-figure-text mail-failed-count" : "tile-figure tile-figure-text"}>{t("mail.outbox.failed", { count: failedMail })}</span>
          </a>
        </li>
      </ul>
      <h2>{t("admin.recent")}</h2>
      <AuditTable ctx={ctx} rows={recent} />
    </Layout>
  );
}

/** The audit log page. */
export function AuditPage({ ctx, rows, olderThan }: { ctx: PageContext; rows: AuditRow[]; olderThan: number | undefined }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("admin.audit")} section="admin">
      <p class="breadcrumb">
        <a href="/admin">{t("admin.title")}</a>
      </p>
      <h1>{t("admin.audit")}</h1>
      <AuditTable ctx={ctx} rows={rows} />
      {olderThan !== undefined && (
        <p class="pager">
          <a href={`/admin/audit?before=${olderThan}`}>{t("common.next")}</a>
        </p>
      )}
    </Layout>
  );
}

const entityLink = (row: AuditRow) =>
  row.entityId && (row.entityType === "organization" || row.entityType === "user")
    ? `/admin/${row.entityType}s/${row.entityId}`
    : row.entityId && row.entityType === "edition"
      ? `/editor/editions/${row.entityId}`
      : undefined;

// What the event was about, as the person would recognise it: the name or e-mail it recorded.
const recordLabel = (row: AuditRow) => String(row.data.name ?? row.data.email ?? (row.entityType === "edition" && row.data.label ? `${row.entityType} ${String(row.data.label)}` : row.entityType));

// Why it was done, when the event recorded it in words (the note acknowledging an edition's warnings, a withdrawal's reason).
const explanation = (row: AuditRow) => [row.data.note, row.data.reason].find((v): v is string => typeof v === "string" && v.trim() !== "");

/** Audit events as a table, newest first. */
export function AuditTable({ ctx, rows }: { ctx: PageContext; rows: AuditRow[] }) {
  const { t } = ctx;
  if (!rows.length) return <p class="empty">{t("audit.empty")}</p>;
  return (
    <div class="table-wrap">
      <table class="data">
        <thead>
          <tr>
            <th scope="col">{t("audit.at")}</th>
            <th scope="col">{t("audit.actor")}</th>
            <th scope="col">{t("audit.action")}</th>
            <th scope="col">{t("audit.entity")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const href = entityLink(row);
            return (
              <tr>
                <td>
                  <DateTime value={row.at} lang={ctx.lang} withTime />
                </td>
                <td>{row.actorName ?? t("audit.system")}</td>
                <td>
                  {isMessageKey(`audit.action.${row.action}`) ? t(`audit.action.${row.action}` as MessageKey) : <code>{row.action}</code>}
                  {explanation(row) && <p class="small muted">{explanation(row)}</p>}
                </td>
                <td>{href ? <a href={href}>{recordLabel(row)}</a> : recordLabel(row)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
