import { can } from "#src/access/index.ts";
import { ROLES } from "#src/domain/members.ts";
import { LANGUAGES } from "#src/domain/languages.ts";
import type { invitationOf } from "#src/features/members/invitations.ts";
import type { listOrganizations } from "#src/features/members/repository.ts";
import { LANGUAGE_NAMES } from "#src/i18n/i18n.ts";
import type { AppError } from "#src/lib/errors.ts";
import { ErrorSummary, Form, SelectField, TextField, type FormValues } from "#src/web/components.tsx";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

// Administrators' side of invitations: the form that invites a person, and where a person's
// invitation stands on their page.

type OrgOption = Pick<Awaited<ReturnType<typeof listOrganizations>>[number], "id" | "name" | "deactivatedAt">;

/** Invites a person: no password here, they choose it from the mailed link. */
export function InviteFormPage({ ctx, organizations, values, error }: { ctx: PageContext; organizations: OrgOption[]; values?: FormValues | undefined; error?: AppError | undefined }) {
  const { t } = ctx;
  const fields = error?.fields;
  const offered = organizations.filter((o) => !o.deactivatedAt);
  return (
    <Layout ctx={ctx} title={t("invitation.new")} section="admin">
      <p class="breadcrumb">
        <a href="/admin">{t("admin.title")}</a> › <a href="/admin/users">{t("admin.users")}</a>
      </p>
      <h1>{t("invitation.new")}</h1>
      <p class="lead">{t("invitation.lead")}</p>
      <ErrorSummary
        t={t}
        errors={fields}
        code={error?.code}
        labels={{ name: t("user.name"), email: t("user.email"), organizationId: t("user.organization"), role: t("user.role"), language: t("user.language") }}
      />
      <Form ctx={ctx} action="/admin/users" class="stack form-wide">
        <PersonFields ctx={ctx} organizations={offered} values={values} fields={fields} />
        <div class="actions">
          <button type="submit" class="button">
            {t("invitation.send")}
          </button>
          <a href="/admin/users" class="button button-secondary">
            {t("common.cancel")}
          </a>
        </div>
      </Form>
    </Layout>
  );
}

export type InvitationView = Awaited<ReturnType<typeof invitationOf>> & { userId: string; mailHeld: boolean };

/** Where a person's invitation stands, with the buttons the rules allow. */
export function InvitationPanel({ ctx, invitation }: { ctx: PageContext; invitation: InvitationView }) {
  const { t, lang, user } = ctx;
  const { state, expiresAt, resource, userId } = invitation;
  // As <DateTime withTime> writes it, inside the sentence.
  const date = expiresAt ? `${new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(expiresAt)} UTC` : "";
  const canResend = can(user, "resend", resource);
  const canRevoke = can(user, "revoke", resource);
  return (
    <section aria-labelledby="invitation-h" class="panel invitation-panel">
      <h2 id="invitation-h">{t("invitation.title")}</h2>
      <p class="invitation-state" data-state={state}>
        {state === "pending" && <span class="tag">{t("invitation.state.pending", { date })}</span>}
        {state === "accepted" && <span class="tag tag-ok">{t("invitation.state.accepted")}</span>}
        {state === "revoked" && <span class="tag tag-muted">{t("invitation.state.revoked")}</span>}
        {state === "expired" && <span class="tag tag-muted">{t("invitation.state.expired", { date })}</span>}
        {state === "none" && <span class="muted">{t("invitation.state.none")}</span>}
      </p>
      {invitation.mailHeld && (state === "pending" || canResend) && (
        <p class="notice">
          {t("invitation.heldNotice")} <a href="/admin/outbox">{t("invitation.openOutbox")}</a>
        </p>
      )}
      {(canResend || canRevoke) && (
        <div class="actions">
          {canResend && (
            <Form ctx={ctx} action={`/admin/users/${userId}/invitation/resend`} class="inline-form">
              <button type="submit" class="button button-secondary">
                {t("invitation.resend")}
              </button>
            </Form>
          )}
          {canRevoke && (
            <Form ctx={ctx} action={`/admin/users/${userId}/invitation/revoke`} class="inline-form">
              <button type="submit" class="button button-danger">
                {t("invitation.revoke")}
              </button>
            </Form>
          )}
        </div>
      )}
    </section>
  );
}

/** Who a person is, as an administrator invites them or edits them later. */
export function PersonFields({ ctx, organizations, values, fields }: { ctx: PageContext; organizations: { id: string; name: string }[]; values: FormValues | undefined; fields: Record<string, string> | undefined }) {
  const { t } = ctx;
  return (
    <>
      <TextField t={t} name="name" label={t("user.name")} values={values} errors={fields} required maxLength={200} autocomplete="off" />
      <TextField t={t} name="email" type="email" label={t("user.email")} values={values} errors={fields} required autocomplete="off" />
      <SelectField t={t} name="organizationId" label={t("user.organization")} values={values} errors={fields} optional empty={t("org.none")} options={organizations.map((o) => [o.id, o.name])} />
      <SelectField t={t} name="role" label={t("user.role")} hint={t("user.role.hint")} values={values} errors={fields} required empty="" options={ROLES.map((r) => [r, t(`user.role.${r}`)])} />
      <SelectField t={t} name="language" label={t("user.language")} values={values ?? { language: ctx.lang }} errors={fields} options={LANGUAGES.map((l) => [l, LANGUAGE_NAMES[l]])} />
    </>
  );
}
