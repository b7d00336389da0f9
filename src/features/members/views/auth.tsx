import { LANGUAGES, type Language } from "#src/domain/languages.ts";
import { scopesFor, type TokenRow } from "#src/features/members/tokens.ts";
import { LANGUAGE_NAMES } from "#src/i18n/i18n.ts";
import { formList } from "#src/lib/validation.ts";
import type { AppError } from "#src/lib/errors.ts";
import { CheckboxGroup, DateTime, ErrorSummary, Form, SelectField, TextField, type FormValues } from "#src/web/components.tsx";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

type FormProps = { ctx: PageContext; values?: FormValues | undefined; error?: AppError | undefined };

/** The sign-in page. */
export function SignInPage({ ctx, values, error, next }: FormProps & { next: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("signIn.title")} section="signIn">
      <div class="narrow">
        <h1>{t("signIn.title")}</h1>
        {ctx.user ? (
          <p class="notice">{t("signIn.already", { name: ctx.user.name })}</p>
        ) : (
          <p class="lead">{t("signIn.lead")}</p>
        )}
        <ErrorSummary t={t} errors={error?.fields} code={error?.code} />
        <Form ctx={ctx} action="/sign-in" class="stack">
          <input type="hidden" name="next" value={next} />
          <TextField t={t} name="email" type="email" label={t("signIn.email")} values={values} errors={error?.fields} autocomplete="username" required />
          <TextField t={t} name="password" type="password" label={t("signIn.password")} errors={error?.fields} autocomplete="current-password" required />
          <div class="actions">
            <button type="submit" class="button">
              {t("signIn.submit")}
            </button>
          </div>
        </Form>
        <p>
          <a href="/password/forgot">{t("passwordReset.forgotLink")}</a>
        </p>
      </div>
    </Layout>
  );
}

/** The first-run setup page, shown while no administrator exists. */
export function SetupPage({ ctx, values, error }: FormProps) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("setup.title")}>
      <div class="narrow">
        <h1>{t("setup.title")}</h1>
        <p class="lead">{t("setup.lead")}</p>
        <ErrorSummary t={t} errors={error?.fields} code={error?.code} labels={{ name: t("user.name"), email: t("user.email"), password: t("user.password"), passwordConfirm: t("user.passwordConfirm") }} />
        <Form ctx={ctx} action="/setup" class="stack">
          <TextField t={t} name="name" label={t("user.name")} values={values} errors={error?.fields} autocomplete="name" required maxLength={200} />
          <TextField t={t} name="email" type="email" label={t("user.email")} values={values} errors={error?.fields} autocomplete="email" required />
          <TextField t={t} name="password" type="password" label={t("user.password")} hint={t("field.passwordTooShort")} errors={error?.fields} autocomplete="new-password" required />
          <TextField t={t} name="passwordConfirm" type="password" label={t("user.passwordConfirm")} errors={error?.fields} autocomplete="new-password" required />
          <div class="actions">
            <button type="submit" class="button">
              {t("setup.submit")}
            </button>
          </div>
        </Form>
      </div>
    </Layout>
  );
}

/** The signed-in user's own page: details and password change. */
export function AccountPage({ ctx, error, organizationName, language, tokens = [], newToken, tokenError, tokenValues }: FormProps & { organizationName: string | null; language: Language; tokens?: TokenRow[]; newToken?: string | undefined; tokenError?: AppError | undefined; tokenValues?: FormValues | undefined }) {
  const { t, user } = ctx;
  if (!user) return null;
  return (
    <Layout ctx={ctx} title={t("account.title")} section="account">
      <h1>{t("account.title")}</h1>
      <div class="columns">
        <section aria-labelledby="details-h" class="card">
          <h2 id="details-h">{t("account.details")}</h2>
          <dl class="details">
            <dt>{t("user.name")}</dt>
            <dd>{user.name}</dd>
            <dt>{t("user.email")}</dt>
            <dd>{user.email}</dd>
            <dt>{t("user.organization")}</dt>
            <dd>{organizationName ?? t("org.none")}</dd>
            <dt>{t("user.role")}</dt>
            <dd>{t(`user.role.${user.role}`)}</dd>
            <dt>{t("user.language")}</dt>
            <dd>
              <span lang={language}>{LANGUAGE_NAMES[language]}</span>
            </dd>
          </dl>
          <Form ctx={ctx} action="/account/language" class="stack">
            <SelectField t={t} name="language" label={t("account.languageChoose")} hint={t("account.languageHint")} values={{ language }} options={LANGUAGES.map((l) => [l, LANGUAGE_NAMES[l]])} />
            <div class="actions">
              <button type="submit" class="button button-secondary">
                {t("account.saveLanguage")}
              </button>
            </div>
          </Form>
          <p>
            <a href="/account/notifications">{t("notifications.preferences.link")}</a>
          </p>
          <p class="hint">{t("notifications.preferences.linkLead")}</p>
        </section>
        <section aria-labelledby="password-h" class="card">
          <h2 id="password-h">{t("account.changePassword")}</h2>
          <ErrorSummary t={t} errors={error?.fields} code={error?.code} labels={{ currentPassword: t("account.currentPassword"), password: t("account.newPassword"), passwordConfirm: t("user.passwordConfirm") }} />
          <Form ctx={ctx} action="/account/password" class="stack">
            <TextField t={t} name="currentPassword" type="password" label={t("account.currentPassword")} errors={error?.fields} autocomplete="current-password" required />
            <TextField t={t} name="password" type="password" label={t("account.newPassword")} hint={t("field.passwordTooShort")} errors={error?.fields} autocomplete="new-password" required />
            <TextField t={t} name="passwordConfirm" type="password" label={t("user.passwordConfirm")} errors={error?.fields} autocomplete="new-password" required />
            <div class="actions">
              <button type="submit" class="button">
                {t("account.submitPassword")}
              </button>
            </div>
          </Form>
        </section>
      </div>
      <section aria-labelledby="tokens-h" class="panel">
        <h2 id="tokens-h">{t("token.title")}</h2>
        <p class="hint">{t("token.lead")}</p>
        {newToken && (
          <div class="notice notice-success" role="status">
            <p>{t("token.created")}</p>
            <p>
              <code class="token">{newToken}</code>
            </p>
          </div>
        )}
        {tokens.length > 0 && (
          <div class="table-wrap">
            <table class="data">
              <thead>
                <tr>
                  <th scope="col">{t("token.name")}</th>
                  <th scope="col">{t("token.scopes")}</th>
                  <th scope="col">{t("token.createdAt")}</th>
                  <th scope="col">{t("token.lastUsed")}</th>
                  <th scope="col">{t("token.state")}</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((tk) => (
                  <tr>
                    <td>{tk.name}</td>
                    <td>{tk.scopes.map((s) => t(`token.scope.${s}`)).join(", ")}</td>
                    <td>
                      <DateTime value={tk.createdAt} lang={ctx.lang} />
                    </td>
                    <td>{tk.lastUsedAt ? <DateTime value={tk.lastUsedAt} lang={ctx.lang} withTime /> : "—"}</td>
                    <td>
                      {tk.revokedAt ? (
                        t("token.revoked")
                      ) : (
                        <Form ctx={ctx} action={`/account/tokens/${tk.id}/revoke`}>
                          <button class="button button-small button-secondary" aria-label={t("token.revokeNamed", { name: tk.name })}>
                            {t("token.revoke")}
                          </button>
                        </Form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <ErrorSummary t={t} errors={tokenError?.fields} code={tokenError?.code} labels={{ tokenName: t("token.name"), scopes: t("token.scopes") }} />
        <Form ctx={ctx} action="/account/tokens" class="stack">
          <TextField t={t} name="tokenName" label={t("token.name")} hint={t("token.nameHint")} values={tokenValues} errors={tokenError?.fields} required maxLength={100} />
          {/* Only the scopes this person's role allows: a token never does more than its owner. */}
          <CheckboxGroup
            t={t}
            name="scopes"
            legend={t("token.scopes")}
            hint={t("token.scopesHint")}
            options={scopesFor(user.role).map((s) => [s, t(`token.scope.${s}`)])}
            checked={tokenValues ? formList(tokenValues.scopes).map(String) : ["read"]}
            errors={tokenError?.fields}
          />
          <div class="actions">
            <button class="button">{t("token.create")}</button>
          </div>
        </Form>
        <p class="small">
          <a href="/api/docs">{t("token.docs")}</a>
        </p>
      </section>
    </Layout>
  );
}
