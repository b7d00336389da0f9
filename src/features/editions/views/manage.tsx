import type { EditionRow } from "#src/features/editions/repository.ts";
import { editionUrls } from "#src/features/editions/views/public.tsx";
import { EditionTextsPanel, type EditionTextsForm } from "#src/features/editions/views/edition-texts.tsx";
import { PublishPanel } from "#src/features/editions/views/publish-panel.tsx";
import type { Findings } from "#src/features/editions/findings.ts";
import { localized, primaryOf } from "#src/domain/languages.ts";
import type { ReportRow } from "#src/features/catalog/repository.ts";
import type { AppError } from "#src/lib/errors.ts";
import { DateTime, ErrorSummary, Form, TextAreaField, TextField, type FormValues } from "#src/web/components.tsx";
import { LANGUAGE_NAMES } from "#src/i18n/i18n.ts";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

const statusTag = { draft: "draft", in_review: "draft", published: "ready", withdrawn: "outOfDate" } as const;

/** An editor's list of a report's editions, with the form that freezes a new one. */
export function EditionsManagePage({ ctx, report, editions, values, error }: { ctx: PageContext; report: ReportRow; editions: EditionRow[]; values?: FormValues; error?: AppError }) {
  const { t, lang } = ctx;
  const primary = primaryOf(report);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Layout ctx={ctx} title={t("edition.manage")} section="editor">
      <p class="breadcrumb">
        <a href={`/editor/reports/${report.slug}`}>{localized(report.titles, lang, primary)}</a>
      </p>
      <div class="page-head">
        <h1>{t("edition.manage")}</h1>
        <a class="button button-secondary" href={`/reports/${report.slug}/compare`}>
          {t("compare.show")}
        </a>
      </div>
      {editions.length === 0 ? (
        <p class="empty">{t("edition.none")}</p>
      ) : (
        <div class="table-wrap">
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{t("edition.label")}</th>
                <th scope="col">{t("edition.titleField")}</th>
                <th scope="col">{t("edition.date")}</th>
                <th scope="col">{t("org.status")}</th>
              </tr>
            </thead>
            <tbody>
              {editions.map((e) => (
                <tr>
                  <td>
                    <a href={`/editor/editions/${e.id}`}>{e.label}</a>
                  </td>
                  <td>{localized(e.titles, lang, primary)}</td>
                  <td>
                    <DateTime value={e.editionDate} lang={lang} />
                  </td>
                  <td>
                    <span class={`tag tag-${statusTag[e.status]}`}>{t(`edition.status.${e.status}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section class="panel" aria-labelledby="freeze-h">
        <h2 id="freeze-h">{t("edition.freeze")}</h2>
        <ErrorSummary t={t} errors={error?.fields} code={error?.code} labels={{ label: t("edition.label"), title: t("edition.titleField"), subtitle: t("editionTexts.subtitle"), editionDate: t("edition.date") }} />
        <Form ctx={ctx} action={`/editor/reports/${report.slug}/editions`} class="stack form-wide">
          <TextField t={t} name="label" label={t("edition.label")} hint={t("edition.labelHint")} values={values} errors={error?.fields} required size="medium" />
          <TextField t={t} name="title" label={t("edition.titleField")} values={values ?? { title: localized(report.titles, primary, primary) }} errors={error?.fields} required />
          <TextField t={t} name="subtitle" label={t("editionTexts.subtitle")} values={values} errors={error?.fields} optional />
          <TextField t={t} name="editionDate" type="date" label={t("edition.date")} values={values ?? { editionDate: today }} errors={error?.fields} required size="medium" />
          <TextAreaField t={t} name="foreword" label={t("edition.foreword")} values={values} errors={error?.fields} optional rows={4} maxLength={2000} />
          <div class="actions">
            <button class="button">{t("edition.freeze")}</button>
          </div>
        </Form>
      </section>
    </Layout>
  );
}

/** One edition: its state, where to read it, and the status changes allowed from here. */
export function EditionManagePage({ ctx, report, edition, itemCount, error, textsForm, values, findings, acknowledgedBy }: { ctx: PageContext; report: ReportRow; edition: EditionRow; itemCount: number; error?: AppError; textsForm?: EditionTextsForm; values?: FormValues | undefined; findings?: Findings | undefined; acknowledgedBy?: string | null }) {
  const { t, lang } = ctx;
  const primary = primaryOf(report);
  const urls = editionUrls(report, edition);
  return (
    <Layout ctx={ctx} title={`${t("edition.manage")}: ${edition.label}`} section="editor">
      <p class="breadcrumb">
        <a href={`/editor/reports/${report.slug}/editions`}>{t("edition.manage")}</a>
      </p>
      <div class="page-head">
        <h1>
          {localized(edition.titles, lang, primary)} · {edition.label}
        </h1>
        <span class={`tag tag-${statusTag[edition.status]}`}>{t(`edition.status.${edition.status}`)}</span>
      </div>
      <ErrorSummary t={t} errors={error?.fields} code={error?.code} labels={{ reason: t("edition.withdrawReason"), confirm: t("publish.confirm", { label: edition.label }), note: t("publish.note", { count: findings?.warnings ?? 0 }) }} />
      <dl class="details">
        <dt>{t("edition.date")}</dt>
        <dd>
          <DateTime value={edition.editionDate} lang={lang} />
        </dd>
        <dt>{t("edition.frozenAt")}</dt>
        <dd>
          <DateTime value={edition.frozenAt} lang={lang} withTime />
        </dd>
        {edition.publishedAt && (
          <>
            <dt>{t("edition.publishedAt")}</dt>
            <dd>
              <DateTime value={edition.publishedAt} lang={lang} withTime />
            </dd>
          </>
        )}
        <dt>{t("edition.hash")}</dt>
        <dd>
          <code>{edition.contentHash}</code>
        </dd>
        <dt>{t("status.sections")}</dt>
        <dd>{t("edition.sectionCount", { count: itemCount })}</dd>
        <dt>{t("edition.read")}</dt>
        <dd>
          {report.languages.map((l) => (
            <>
              <a href={urls.contents(l)} lang={l}>
                {LANGUAGE_NAMES[l]}
              </a>{" "}
            </>
          ))}
        </dd>
      </dl>
      <p>
        {t("export.downloads")}{" "}
        {report.languages.map((l) => (
          <>
            <a href={`/reports/${report.slug}/${edition.label}/${l}/export/pdf`}>
              {t("export.pdf")} ({l.toUpperCase()})
            </a>{" "}
          </>
        ))}
      </p>
      <p>
        <a href={`/reports/${report.slug}/compare?from=${edition.label}&to=draft`}>{t("compare.title", { from: edition.label, to: t("compare.draft") })}</a>
        {" · "}<a href={`/reports/${report.slug}/compare?to=${edition.label}`}>{t("compare.withPrevious")}</a>
      </p>
      {edition.status === "published" && <p class="muted">{t("edition.immutable")}</p>}
      <PublishPanel ctx={ctx} edition={edition} error={error} values={values} findings={findings} acknowledgedBy={acknowledgedBy} />
      <EditionTextsPanel ctx={ctx} report={report} edition={edition} form={textsForm} />
    </Layout>
  );
}
