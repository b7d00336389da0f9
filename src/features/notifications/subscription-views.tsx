import { localized, primaryOf } from "#src/domain/languages.ts";
import type { ReportRow } from "#src/features/catalog/repository.ts";
import type { AppError } from "#src/lib/errors.ts";
import { ErrorSummary, Form, TextField, type FormValues } from "#src/web/components.tsx";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

const reportName = (ctx: PageContext, report: ReportRow) => localized(report.titles, ctx.lang, primaryOf(report));

/** The form a reader subscribes with, on the report's public pages. */
export function SubscribeForm({ ctx, report, values, error }: { ctx: PageContext; report: ReportRow; values?: FormValues | undefined; error?: AppError | undefined }) {
  const { t } = ctx;
  // A page rendered for a static copy has no form token, and no server to take the form.
  if (!ctx.csrf) return null;
  return (
    <section class="panel subscribe" aria-labelledby="subscribe-h" id="subscribe">
      <h2 id="subscribe-h">{t("subscription.formTitle")}</h2>
      <ErrorSummary t={t} errors={error?.fields} code={error?.code} labels={{ email: t("subscription.email") }} />
      <Form ctx={ctx} action={`/reports/${report.slug}/subscribe`} class="stack">
        <TextField t={t} name="email" type="email" label={t("subscription.email")} hint={t("subscription.formHint")} values={values} errors={error?.fields} autocomplete="email" required maxLength={254} size="medium" />
        <div class="actions">
          <button type="submit" class="button">
            {t("subscription.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}

/** The form again, alone, when what was sent could not be used (no address, not an address). */
export function SubscribePage({ ctx, report, values, error }: { ctx: PageContext; report: ReportRow; values?: FormValues | undefined; error?: AppError | undefined }) {
  const name = reportName(ctx, report);
  return (
    <Layout ctx={ctx} title={ctx.t("subscription.formTitle")} section="reports">
      <div class="narrow">
        <h1>{name}</h1>
        <SubscribeForm ctx={ctx} report={report} values={values} error={error} />
        <p>
          <a href={`/reports/${report.slug}/`}>{ctx.t("subscription.backToReport", { report: name })}</a>
        </p>
      </div>
    </Layout>
  );
}

/** The one answer to a subscription request, whatever the address's state. */
export function SubscriptionRequestedPage({ ctx, report, email }: { ctx: PageContext; report: ReportRow; email: string }) {
  const { t } = ctx;
  const name = reportName(ctx, report);
  return (
    <Layout ctx={ctx} title={t("subscription.checkTitle")} section="reports">
      <div class="narrow">
        <h1>{t("subscription.checkTitle")}</h1>
        <p class="lead">{t("subscription.checkBody", { report: name, email })}</p>
        <p class="hint">{t("subscription.checkNote")}</p>
        <p>
          <a href={`/reports/${report.slug}/`}>{t("subscription.backToReport", { report: name })}</a>
        </p>
      </div>
    </Layout>
  );
}

/** What a confirmation link opens: a button, so that a mail scanner following the link confirms nothing. */
export function ConfirmSubscriptionPage({ ctx, report, email, action }: { ctx: PageContext; report: ReportRow; email: string; action: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("subscription.confirmTitle")} section="reports">
      <div class="narrow">
        <h1>{t("subscription.confirmTitle")}</h1>
        <p class="lead">{t("subscription.confirmBody", { email, report: reportName(ctx, report) })}</p>
        <Form ctx={ctx} action={action}>
          <div class="actions">
            <button type="submit" class="button">
              {t("subscription.confirmSubmit")}
            </button>
          </div>
        </Form>
      </div>
    </Layout>
  );
}

/** A confirmation link too old, or older than the end of its subscription: nothing confirmed, a way to ask again. */
export function ExpiredConfirmationPage({ ctx, report, email }: { ctx: PageContext; report: ReportRow; email: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t("subscription.expiredTitle")} section="reports">
      <div class="narrow">
        <h1>{t("subscription.expiredTitle")}</h1>
        <p class="lead">{t("subscription.expiredBody", { report: reportName(ctx, report), email })}</p>
        <p>
          <a class="button" href={`/reports/${report.slug}/subscribe`}>
            {t("subscription.askAgain")}
          </a>
        </p>
      </div>
    </Layout>
  );
}
