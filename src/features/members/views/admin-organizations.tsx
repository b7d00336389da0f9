import { ORGANIZATION_KINDS } from "#src/domain/members.ts";
import type { AuditRow } from "#src/features/audit/repository.ts";
import type { listOrganizations, listRegions, listUsers, OrganizationRow } from "#src/features/members/repository.ts";
import type { AppError } from "#src/lib/errors.ts";
import { DateTime, ErrorSummary, Form, SelectField, StatusTag, TextField, type FormValues } from "#src/web/components.tsx";
import { countryName, countryOptions } from "#src/i18n/countries.ts";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";
import { AuditTable } from "#src/features/members/views/admin-home.tsx";

type Region = Awaited<ReturnType<typeof listRegions>>[number];
type OrgListRow = Awaited<ReturnType<typeof listOrganizations>>[number];
type UserListRow = Awaited<ReturnType<typeof listUsers>>[number];

const regionName = (regions: Region[], code: string | null, lang: PageContext["lang"]) => {
  const region = regions.find((r) => r.code === code);
  return region ? (region.names[lang] ?? region.names.en) : "";
};

/** The list of organizations with filters. */
export function OrganizationListPage({ ctx, rows, regions, filter }: { ctx: PageContext; rows: OrgListRow[]; regions: Region[]; filter: FormValues }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t("admin.organizations")} section="admin">
      <p class="breadcrumb">
        <a href="/admin">{t("admin.title")}</a>
      </p>
      <div class="page-head">
        <h1>{t("admin.organizations")}</h1>
        <a class="button" href="/admin/organizations/new">
          {t("org.new")}
        </a>
      </div>
      <form method="get" action="/admin/organizations" class="filters" role="search">
        <TextField t={t} name="q" type="search" label={t("common.search")} values={filter} />
        <SelectField t={t} name="region" label={t("org.region")} values={filter} empty={t("common.all")} options={regions.map((r) => [r.code, r.names[lang] ?? r.names.en])} />
        <SelectField t={t} name="kind" label={t("org.kind")} values={filter} empty={t("common.all")} options={ORGANIZATION_KINDS.map((k) => [k, t(`org.kind.${k}`)])} />
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
        <p class="empty">{t("org.noneFound")}</p>
      ) : (
        <div class="table-wrap">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t("org.name")}</th>
                <th scope="col">{t("org.kind")}</th>
                <th scope="col">{t("org.country")}</th>
                <th scope="col">{t("org.region")}</th>
                <th scope="col">{t("org.memberSince")}</th>
                <th scope="col" class="num">
                  {t("org.users")}
                </th>
                <th scope="col">{t("org.status")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr>
                  <td>
                    <a href={`/admin/organizations/${o.id}`}>{o.name}</a>
                    {o.shortName && <span class="muted"> ({o.shortName})</span>}
                  </td>
                  <td>{t(`org.kind.${o.kind}`)}</td>
                  <td>{o.country ? countryName(o.country, lang) : ""}</td>
                  <td>{o.regionCode && <abbr title={regionName(regions, o.regionCode, lang)}>{o.regionCode}</abbr>}</td>
                  <td>
                    <DateTime value={o.memberSince} lang={lang} />
                  </td>
                  <td class="num">{o.userCount}</td>
                  <td>
                    <StatusTag t={t} inactive={Boolean(o.deactivatedAt)} />
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
  regions: Region[];
  values?: FormValues | undefined;
  error?: AppError | undefined;
  /** Present when editing. */
  org?: OrganizationRow | undefined;
  users?: UserListRow[];
  history?: AuditRow[];
};

/** Create or edit an organization; when editing, also its users, (de)activation and history. */
export function OrganizationFormPage({ ctx, regions, values, error, org, users = [], history = [] }: FormPageProps) {
  const { t, lang } = ctx;
  const title = org ? t("org.edit") : t("org.new");
  const v = values ?? org;
  const fields = error?.fields;
  return (
    <Layout ctx={ctx} title={org ? org.name : title} section="admin">
      <p class="breadcrumb">
        <a href="/admin">{t("admin.title")}</a> › <a href="/admin/organizations">{t("admin.organizations")}</a>
      </p>
      <div class="page-head">
        <h1>{org ? org.name : title}</h1>
        {org && <StatusTag t={t} inactive={Boolean(org.deactivatedAt)} />}
      </div>
      <ErrorSummary
        t={t}
        errors={fields}
        code={error?.code}
        labels={{ name: t("org.name"), shortName: t("org.shortName"), kind: t("org.kind"), country: t("org.country"), regionCode: t("org.region"), memberSince: t("org.memberSince"), memberUntil: t("org.memberUntil") }}
      />
      <Form ctx={ctx} action={org ? `/admin/organizations/${org.id}` : "/admin/organizations"} class="stack form-wide">
        <TextField t={t} name="name" label={t("org.name")} values={v} errors={fields} required maxLength={200} />
        <TextField t={t} name="shortName" label={t("org.shortName")} values={v} errors={fields} optional maxLength={40} size="short" />
        <SelectField t={t} name="kind" label={t("org.kind")} values={v} errors={fields} required empty="" options={ORGANIZATION_KINDS.map((k) => [k, t(`org.kind.${k}`)])} />
        <SelectField t={t} name="country" label={t("org.country")} hint={t("org.hint.country")} values={v} errors={fields} optional empty={t("org.none")} options={countryOptions(lang)} />
        <SelectField t={t} name="regionCode" label={t("org.region")} values={v} errors={fields} optional empty={t("org.none")} options={regions.map((r) => [r.code, r.names[lang] ?? r.names.en])} />
        <div class="row">
          <TextField t={t} name="memberSince" type="date" label={t("org.memberSince")} values={v} errors={fields} optional size="medium" />
          <TextField t={t} name="memberUntil" type="date" label={t("org.memberUntil")} hint={t("org.hint.membership")} values={v} errors={fields} optional size="medium" />
        </div>
        <div class="actions">
          <button type="submit" class="button">
            {org ? t("common.save") : t("common.create")}
          </button>
          <a href="/admin/organizations" class="button button-secondary">
            {t("common.cancel")}
          </a>
        </div>
      </Form>
      {org && (
        <>
          <Form ctx={ctx} action={`/admin/organizations/${org.id}/${org.deactivatedAt ? "reactivate" : "deactivate"}`} class="danger-zone">
            <button type="submit" class={org.deactivatedAt ? "button button-secondary" : "button button-danger"}>
              {org.deactivatedAt ? t("common.reactivate") : t("common.deactivate")}
            </button>
          </Form>
          <section aria-labelledby="org-users">
            <h2 id="org-users">{t("org.users")}</h2>
            {users.length === 0 ? (
              <p class="empty">{t("user.noneFound")}</p>
            ) : (
              <ul class="plain-list">
                {users.map((u) => (
                  <li>
                    <a href={`/admin/users/${u.id}`}>{u.name}</a> <span class="muted">{t(`user.role.${u.role}`)}</span>
                  </li>
                ))}
              </ul>
            )}
            <p>
              <a href={`/admin/users/new?organizationId=${org.id}`}>{t("user.new")}</a>
            </p>
          </section>
          <section aria-labelledby="org-history">
            <h2 id="org-history">{t("admin.audit")}</h2>
            <AuditTable ctx={ctx} rows={history} />
          </section>
        </>
      )}
    </Layout>
  );
}
