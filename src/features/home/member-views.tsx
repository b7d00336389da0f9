import type { CaseStudyListRow } from "#src/features/case-studies/repository.ts";
import type { NotificationRow } from "#src/features/notifications/repository.ts";
import { noticeText } from "#src/features/notifications/text.ts";
import { CaseStudyTable } from "#src/features/case-studies/views/parts.tsx";
import type { AppError } from "#src/lib/errors.ts";
import { DateTime, ErrorSummary } from "#src/web/components.tsx";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

type Notification = NotificationRow;

type SurveyToAnswer = { id: string; title: string; year: number; status: string | null; open: boolean; closesOn: string | null };

type Props = {
  ctx: PageContext;
  surveys: SurveyToAnswer[];
  /** Open review rounds the organization is invited to. */
  rounds: { id: string; title: string; closesOn: string }[];
  /** Reports whose topic proposals the member can join. */
  reports: { slug: string; title: string }[];
  rows: CaseStudyListRow[];
  notifications: Notification[];
  organization: string | null;
  uploadLimitMb: number;
  error?: AppError | undefined;
};

/** A member's work: what the secretariat told them, and their organization's case studies. */
export function MemberHomePage({ ctx, surveys, rounds, reports, rows, notifications, organization, uploadLimitMb, error }: Props) {
  const { t, lang } = ctx;
  const unread = notifications.filter((n) => !n.readAt).length;
  return (
    <Layout ctx={ctx} title={t("member.title")} section="member">
      <h1>{t("member.title")}</h1>
      <ErrorSummary t={t} errors={error?.fields} code={error?.code} />
      <section aria-labelledby="notes-title" class="panel">
        <div class="page-head">
          <h2 id="notes-title">{t("member.notifications")}</h2>
          {unread > 0 && (
            <form method="post" action="/notifications/read" class="inline-form">
              <input type="hidden" name="_csrf" value={ctx.csrf} />
              <input type="hidden" name="next" value="/member" />
              <button type="submit" class="button button-secondary button-small">
                {t("member.markRead")}
              </button>
            </form>
          )}
        </div>
        {notifications.length === 0 ? (
          <p class="muted">{t("member.noNotifications")}</p>
        ) : (
          <ul class="plain-list notifications">
            {notifications.slice(0, 10).map((n) => (
              <li class={n.readAt ? "" : "unread"}>
                {!n.readAt && <span class="visually-hidden">{t("member.new")}: </span>}
                <a href={`/notifications/${n.id}`}>{noticeText(lang, n)}</a>{" "}
                <span class="muted small">
                  <DateTime value={n.createdAt} lang={lang} withTime />
                </span>
              </li>
            ))}
          </ul>
        )}
        <p class="small">
          <a href="/notifications">{t("notifications.seeAll")}</a>
        </p>
      </section>
      {surveys.length > 0 && (
        <section aria-labelledby="surveys-title">
          <h2 id="surveys-title">{t("member.surveys")}</h2>
          <ul class="plain-list">
            {surveys.map((s) => (
              <li>
                <a href={`/member/surveys/${s.id}`}>
                  {s.title} ({s.year})
                </a>{" "}
                <span class="tag tag-muted">{s.status === "submitted" ? t("survey.response.submitted") : s.status === "draft" ? t("survey.response.draft") : s.open ? t("survey.toAnswer") : t("survey.status.closed")}</span>
                {s.open && s.closesOn && s.status !== "submitted" && <> <span class="muted small">{t("deadline.closesLine", { date: new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${s.closesOn}T00:00:00Z`)) })}</span></>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {rounds.length > 0 && (
        <section aria-labelledby="rounds-title">
          <h2 id="rounds-title">{t("review.myRounds")}</h2>
          <ul class="plain-list">
            {rounds.map((r) => (
              <li>
                <a href={`/reviews/${r.id}`}>{r.title}</a> <span class="muted small">{t("review.closesLine", { date: new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${r.closesOn}T00:00:00Z`)) })}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {reports.length > 0 && (
        <section aria-labelledby="proposals-title">
          <h2 id="proposals-title">{t("proposal.title")}</h2>
          <ul class="plain-list">
            {reports.map((r) => (
              <li>
                <a href={`/reports/${r.slug}/proposals`}>{t("proposal.forReport", { report: r.title })}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="cs-title">
        <div class="page-head">
          <h2 id="cs-title">{organization ? t("member.caseStudiesOf", { organization }) : t("member.caseStudies")}</h2>
          <a class="button" href="/member/case-studies/new">
            {t("cs.new")}
          </a>
        </div>
        <CaseStudyTable ctx={ctx} rows={rows} />
        <details class="panel" open={Boolean(error)}>
          <summary>{t("cs.importTitle")}</summary>
          <p>{t("cs.importLead")}</p>
          <p>
            <a href={`/member/case-studies/template.docx?lang=${lang}`} download>
              {t("cs.templateDownload")}
            </a>
          </p>
          <form method="post" action="/member/case-studies/import" enctype="multipart/form-data" class="stack">
            <input type="hidden" name="_csrf" value={ctx.csrf} />
            <div class="field">
              <label for="f-document">{t("cs.wordFile")}</label>
              <p class="hint" id="h-document">
                {t("cs.wordFileHint", { limit: uploadLimitMb })}
              </p>
              <input type="file" id="f-document" name="document" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" aria-describedby="h-document" required />
            </div>
            <button type="submit" class="button">
              {t("cs.importButton")}
            </button>
          </form>
        </details>
      </section>
    </Layout>
  );
}
