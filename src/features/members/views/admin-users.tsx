import { can } from "#src/access/index.ts";
import { ROLES } from "#src/domain/members.ts";
import type { AuditRow } from "#src/features/audit/repository.ts";
import type { listOrganizations, listUsers, UserRow } from "#src/features/members/repository.ts";
import type { AppError } from "#src/lib/errors.ts";
import { DateTime, ErrorSummary, Form, SelectField, StatusTag, TextField, type FormValues } from "#src/web/components.tsx";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";
import { AuditTable } from "#src/features/members/views/admin-home.tsx";
import { InvitationPanel, PersonFields, type InvitationView } from "#src/features/members/views/invitations.tsx";

type OrgOption = Pick<Awaited<ReturnType<typeof listOrganizations>>[number], "id" | "name" | "deactivatedAt">;
type UserListRow = Awaited<ReturnType<typeof listUsers>>[number];

const orgOptions = (orgs: OrgOption[]): [string, string][] => orgs.map((o) => [o.id, o.name]);

/** The list of users with filters. */
export function UserListPage({ ctx, rows, organizations, filter }: { ctx: PageContext; rows: UserListRow[]; organizations: OrgOption[]; filter: FormValues }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t("admin.users")} section="admin">
      <p class="breadcrumb">
        <a href="/admin">{t("admin.title")}</a>
      </p>
      <div class="page-head">
        <h1>{t("admin.users")}</h1>
        <a class="button" href="/admin/users/new">
          {t("invitation.new")}
        </a>
      </div>
      <form method="get" action="/admin/users" class="filters" role="search">
        <TextField t={t} name="q" type="search" label={t("common.search")} values={filter} />
        <SelectField t={t} name="role" label={t("user.role")} values={filter} empty={t("common.all")} options={ROLES.map((r) => [r, t(`user.role.${r}`)])} />
        <SelectField t={t} name="organizationId" label={t("user.organization")} values={filter} empty={t("common.all")} options={orgOptions(organizations)} />
        <SelectField t={t} name="status" label={t("org.status")} values={filter} empty={t("common.all")} options={[["active", t("common.active")], ["inactive", t("common.inactive")]]} />
        <div class="actions">
          <button type="submit" class="button button-secondary">
            {t("common.filter")}
          </button>
        </div>
      </form>
      <p class="muted" role="status">
        {t("common.showing", { count: rows.length })}
      </p>
      {rows.length === 0 ? (
        <p class="empty">{t("user.noneFound")}</p>
      ) : (
        <div class="table-wrap">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t("user.name")}</th>
                <th scope="col">{t("user.email")}</th>
                <th scope="col">{t("user.organization")}</th>
                <th scope="col">{t("user.role")}</th>
                <th scope="col">{t("user.lastSignIn")}</th>
                <th scope="col">{t("org.status")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((u) => (
                <tr>
                  <td>
                    <a href={`/admin/users/${u.id}`}>{u.name}</a>
                  </td>
                  <td>{u.email}</td>
                  <td>{u.organizationName ?? ""}</td>
                  <td>{t(`user.role.${u.role}`)}</td>
                  <td>{u.lastSignInAt ? <DateTime value={u.lastSignInAt} lang={lang} withTime /> : <span class="muted">{t("user.never")}</span>}</td>
                  <td>
                    <StatusTag t={t} inactive={Boolean(u.deactivatedAt)} />
                    {u.invited && !u.deactivatedAt && <> <span class="tag">{t("user.invited")}</span></>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

type FormPageProps = {
  ctx: PageContext;
  organizations: OrgOption[];
  values?: FormValues | undefined;
  error?: AppError | undefined;
  user: UserRow;
  history?: AuditRow[];
  invitation: InvitationView;
};

/**
 * A user's page: their details, their invitation or a password reset link, (de)activation and
 * history. New people are invited (views/invitations.tsx); nobody types a password for someone else.
 */
export function UserFormPage({ ctx, organizations, values, error, user, history = [], invitation }: FormPageProps) {
  const { t } = ctx;
  const v = values ?? user;
  const fields = error?.fields;
  // Deactivated organizations are offered only when the user already belongs to one.
  const offered = organizations.filter((o) => !o.deactivatedAt || o.id === user.organizationId);
  return (
    <Layout ctx={ctx} title={user.name} section="admin">
      <p class="breadcrumb">
        <a href="/admin">{t("admin.title")}</a> › <a href="/admin/users">{t("admin.users")}</a>
      </p>
      <div class="page-head">
        <h1>{user.name}</h1>
        <StatusTag t={t} inactive={Boolean(user.deactivatedAt)} />
      </div>
      <ErrorSummary
        t={t}
        errors={fields}
        code={error?.code}
        labels={{ name: t("user.name"), email: t("user.email"), organizationId: t("user.organization"), role: t("user.role"), language: t("user.language") }}
      />
      <Form ctx={ctx} action={`/admin/users/${user.id}`} class="stack form-wide">
        <PersonFields ctx={ctx} organizations={offered} values={v} fields={fields} />
        <div class="actions">
          <button type="submit" class="button">
            {t("common.save")}
          </button>
          <a href="/admin/users" class="button button-secondary">
            {t("common.cancel")}
          </a>
        </div>
      </Form>
      <InvitationPanel ctx={ctx} invitation={invitation} />
      {can(ctx.user, "sendReset", invitation.resource) && (
        <section aria-labelledby="reset-link-h" class="panel">
          <h2 id="reset-link-h">{t("user.resetLink.title")}</h2>
          <p class="hint">{t("user.resetLink.lead")}</p>
          <Form ctx={ctx} action={`/admin/users/${user.id}/reset-link`} class="inline-form">
            <button type="submit" class="button button-secondary">
              {t("user.resetLink.send")}
            </button>
          </Form>
        </section>
      )}
      <Form ctx={ctx} action={`/admin/users/${user.id}/${user.deactivatedAt ? "reactivate" : "deactivate"}`} class="danger-zone">
        <button type="submit" class={user.deactivatedAt ? "button button-secondary" : "button button-danger"}>
          {user.deactivatedAt ? t("common.reactivate") : t("common.deactivate")}
        </button>
      </Form>
      <section aria-labelledby="user-history">
        <h2 id="user-history">{t("admin.audit")}</h2>
        <AuditTable ctx={ctx} rows={history} />
      </section>
    </Layout>
  );
}
