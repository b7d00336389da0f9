import { ACKNOWLEDGEMENT_NOTE_MAX, NEXT_STATUS, WITHDRAW_REASON_MAX } from "#src/domain/editions.ts";
import { warningCodes, type Findings } from "#src/features/editions/findings.ts";
import type { EditionRow } from "#src/features/editions/repository.ts";
import type { AppError } from "#src/lib/errors.ts";
import { Form, TextAreaField, TextField, type FormValues } from "#src/web/components.tsx";
import { findingMessage, FindingsList } from "#src/web/findings.tsx";
import type { PageContext } from "#src/web/render.ts";

// The edition page's status panel: review moves as simple buttons; publishing and withdrawing
// confirmed by typing the edition's label, with the checks' findings shown first and the warnings
// acknowledged with a note; once published, what was acknowledged.

type Props = {
  ctx: PageContext;
  edition: EditionRow;
  error?: AppError | undefined;
  values?: FormValues | undefined;
  /** The checks' findings (computed for editions that may still be published). */
  findings?: Findings | undefined;
  /** The name of who acknowledged the warnings, when the edition is published. */
  acknowledgedBy?: string | null | undefined;
};

const when = (iso: string, lang: string) => `${new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(iso))} UTC`;

export function PublishPanel({ ctx, edition, error, values, findings, acknowledgedBy }: Props) {
  const { t } = ctx;
  const next = NEXT_STATUS[edition.status];
  const errors = findings?.errors ?? 0;
  const warnings = findings?.warnings ?? 0;
  const reviewMoves = next.filter((s) => s === "draft" || s === "in_review");
  const ack = edition.acknowledgement;
  return (
    <>
      {edition.status !== "draft" && edition.status !== "in_review" && ack && ack.warnings > 0 && (
        <section class="panel" aria-labelledby="acknowledged-h">
          <h2 id="acknowledged-h">{t("publish.acknowledged", { count: ack.warnings })}</h2>
          <blockquote>
            <p>{ack.note}</p>
          </blockquote>
          <p class="muted small">{t("publish.acknowledgedBy", { name: acknowledgedBy ?? t("audit.system"), date: when(ack.at, ctx.lang) })}</p>
          {ack.codes.length > 0 && (
            <details class="acknowledged-codes">
              <summary>{t("publish.acknowledgedCodes", { count: ack.codes.length })}</summary>
              <ul>
                {ack.codes.map((code) => {
                  // A kind of warning in words where its message needs no detail of one finding.
                  const words = findingMessage(t, { code, severity: "warning", where: {}, params: {}, fix: "" });
                  return (
                    <li>
                      {words !== code && !words.includes("{") && <>{words} </>}
                      <code class="muted small">{code}</code>
                    </li>
                  );
                })}
              </ul>
            </details>
          )}
        </section>
      )}
      {(edition.status === "draft" || edition.status === "in_review") && (
        <div class="action-bar">
          <Form ctx={ctx} action={`/editor/editions/${edition.id}/refresh`}>
            <button class="button button-secondary">{t("edition.refresh")}</button>
          </Form>
          {reviewMoves.map((to) => (
            <Form ctx={ctx} action={`/editor/editions/${edition.id}/status`}>
              <input type="hidden" name="to" value={to} />
              <button class="button button-secondary">{t(`edition.to.${to}`)}</button>
            </Form>
          ))}
        </div>
      )}
      {next.includes("published") && (
        <section class="panel" aria-labelledby="publish-h">
          <h2 id="publish-h">{t("publish.title")}</h2>
          <p>{t("publish.intro")}</p>
          <h3>{t("publish.checks")}</h3>
          {findings && findings.findings.length > 0 && (
            <>
              <p class="muted small">{t("findings.editionRefresh")}</p>
              <FindingsList t={t} lang={ctx.lang} findings={findings} level={4} />
            </>
          )}
          {errors === 0 && warnings === 0 && <p>{t("publish.clean")}</p>}
          {errors > 0 && (
            <p class="error-message" id="publish-blocked">
              {t("publish.blocked", { count: errors })}
            </p>
          )}
          <Form ctx={ctx} action={`/editor/editions/${edition.id}/publish`} class="stack form-wide">
            <TextField t={t} name="confirm" label={t("publish.confirm", { label: edition.label })} values={values} errors={error?.fields} required size="medium" autocomplete="off" />
            {warnings > 0 && <TextAreaField t={t} name="note" label={t("publish.note", { count: warnings })} hint={t("publish.noteHint")} values={values} errors={error?.fields} required rows={3} maxLength={ACKNOWLEDGEMENT_NOTE_MAX} />}
            {/* The warnings shown here, as acknowledged: one of another kind found since asks again. */}
            {findings && warnings > 0 && <input type="hidden" name="warnings" value={warningCodes(findings).join(",")} />}
            <div class="actions">
              <button class="button" disabled={errors > 0} aria-describedby={errors > 0 ? "publish-blocked" : undefined}>
                {t("edition.to.published")}
              </button>
            </div>
          </Form>
        </section>
      )}
      {next.includes("withdrawn") && (
        <section class="panel danger-zone" aria-labelledby="withdraw-h">
          <h2 id="withdraw-h">{t("publish.withdrawTitle")}</h2>
          <p>{t("publish.withdrawIntro")}</p>
          <Form ctx={ctx} action={`/editor/editions/${edition.id}/withdraw`} class="stack form-wide">
            <TextField t={t} name="reason" label={t("edition.withdrawReason")} values={values} errors={error?.fields} required maxLength={WITHDRAW_REASON_MAX} />
            <TextField t={t} name="confirm" label={t("publish.confirm", { label: edition.label })} values={values} errors={error?.fields} required size="medium" autocomplete="off" />
            <div class="actions">
              <button class="button button-danger">{t("edition.to.withdrawn")}</button>
            </div>
          </Form>
        </section>
      )}
    </>
  );
}
