import type { AppError } from "#src/lib/errors.ts";
import { ErrorSummary, Form, TextField, type FormValues } from "#src/web/components.tsx";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

// The pages a one-time link leads to (an invitation, a password reset) and the reset request.

export type Person = { name: string; email: string };

function PasswordFields({ ctx, error }: { ctx: PageContext; error?: AppError | undefined }) {
  const { t } = ctx;
  return (
    <>
      <TextField t={t} name="password" type="password" label={t("user.password")} hint={t("field.passwordTooShort")} errors={error?.fields} autocomplete="new-password" required />
      <TextField t={t} name="passwordConfirm" type="password" label={t("user.passwordConfirm")} errors={error?.fields} autocomplete="new-password" required />
    </>
  );
}

const passwordLabels = (ctx: PageContext) => ({ password: ctx.t("user.password"), passwordConfirm: ctx.t("user.passwordConfirm") });

/** Welcome: the invited person chooses their password (in their own language). */
export function InvitationPage({ ctx, person, action, error }: { ctx: PageContext; person: Person; action: string; error?: AppError | undefined }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("invitation.welcome", { name: person.name })}>
      <div class="narrow">
        <h1>{t("invitation.welcome", { name: person.name })}</h1>
        <p class="lead">{t("invitation.welcomeLead", { email: person.email })}</p>
        <ErrorSummary t={t} errors={error?.fields} code={error?.code} labels={passwordLabels(ctx)} />
        <Form ctx={ctx} action={action} class="stack">
          {/* Lets a password manager file the new password under the right account. */}
          <input type="hidden" name="username" value={person.email} autocomplete="username" />
          <PasswordFields ctx={ctx} error={error} />
          <div class="actions">
            <button type="submit" class="button">
              {t("invitation.submit")}
            </button>
          </div>
        </Form>
      </div>
    </Layout>
  );
}

/** A new password from a reset link. */
export function ResetPasswordPage({ ctx, person, action, error }: { ctx: PageContext; person: Person; action: string; error?: AppError | undefined }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("passwordReset.title")}>
      <div class="narrow">
        <h1>{t("passwordReset.title")}</h1>
        <p class="lead">{t("passwordReset.lead", { email: person.email })}</p>
        <ErrorSummary t={t} errors={error?.fields} code={error?.code} labels={passwordLabels(ctx)} />
        <Form ctx={ctx} action={action} class="stack">
          <input type="hidden" name="username" value={person.email} autocomplete="username" />
          <PasswordFields ctx={ctx} error={error} />
          <div class="actions">
            <button type="submit" class="button">
              {t("passwordReset.submit")}
            </button>
          </div>
        </Form>
      </div>
    </Layout>
  );
}

/** What a used, revoked, expired or unknown link leads to (410): all alike, with what to do next. */
export function LinkInvalidPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("accountLink.invalidTitle")}>
      <div class="narrow">
        <h1>{t("accountLink.invalidTitle")}</h1>
        <p class="lead">{t("accountLink.invalidLead")}</p>
        <ul>
          <li>{t("accountLink.invited")}</li>
          <li>{t("accountLink.hasAccount")}</li>
        </ul>
        <p class="actions">
          <a class="button" href="/password/forgot">
            {t("passwordReset.forgotTitle")}
          </a>
          <a class="button button-secondary" href="/sign-in">
            {t("nav.signIn")}
          </a>
        </p>
      </div>
    </Layout>
  );
}

/** Asking for a reset link. */
export function ForgotPasswordPage({ ctx, values, error }: { ctx: PageContext; values?: FormValues | undefined; error?: AppError | undefined }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("passwordReset.forgotTitle")} section="signIn">
      <div class="narrow">
        <h1>{t("passwordReset.forgotTitle")}</h1>
        <p class="lead">{t("passwordReset.forgotLead")}</p>
        <ErrorSummary t={t} errors={error?.fields} code={error?.code} labels={{ email: t("signIn.email") }} />
        <Form ctx={ctx} action="/password/forgot" class="stack">
          <TextField t={t} name="email" type="email" label={t("signIn.email")} values={values} errors={error?.fields} autocomplete="email" required />
          <div class="actions">
            <button type="submit" class="button">
              {t("passwordReset.send")}
            </button>
          </div>
        </Form>
      </div>
    </Layout>
  );
}

/** The one answer to a reset request, whether or not the address has an account. */
export function ForgotPasswordSentPage({ ctx, email }: { ctx: PageContext; email: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("passwordReset.sentTitle")} section="signIn">
      <div class="narrow">
        <h1>{t("passwordReset.sentTitle")}</h1>
        <p class="lead" role="status">
          {t("passwordReset.sent", { email })}
        </p>
        <p class="hint">{t("passwordReset.sentHint")}</p>
        <p>
          <a href="/sign-in">{t("nav.signIn")}</a>
        </p>
      </div>
    </Layout>
  );
}
