import { CaseStudiesByState, Proposals, RoundsToComment, SurveysToAnswer } from "#src/features/home/member-work.tsx";
import type { MemberWork } from "#src/features/home/work.ts";
import { NotificationsPanel } from "#src/features/home/work-parts.tsx";
import { PendingImports } from "#src/features/case-studies/views/pending-imports.tsx";
import type { ImportSummary } from "#src/features/case-studies/imports-repository.ts";
import type { AppError } from "#src/lib/errors.ts";
import { ErrorSummary } from "#src/web/components.tsx";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

type Props = {
  ctx: PageContext;
  /** What the member has to do, gathered (home/work.ts). */
  work: MemberWork;
  organization: string | null;
  uploadLimitMb: number;
  /** The member's Word imports waiting for their review. */
  pendingImports?: ImportSummary[] | undefined;
  error?: AppError | undefined;
};

/**
 * "My work": what the member has to do, in order: surveys to answer, review rounds to comment
 * on, the organization's case studies by state (with the Word import), topic proposals, then
 * notifications. Each part says what to do next when it is empty.
 */
export function MemberHomePage({ ctx, work, organization, uploadLimitMb, pendingImports, error }: Props) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t("member.title")} section="member">
      <h1>{t("member.title")}</h1>
      <p class="lead">{t("work.lead")}</p>
      <ErrorSummary t={t} errors={error?.fields} code={error?.code} />
      <SurveysToAnswer ctx={ctx} surveys={work.surveys} />
      <RoundsToComment ctx={ctx} rounds={work.rounds} />
      <section aria-labelledby="cs-title">
        <div class="page-head">
          <h2 id="cs-title">{organization ? t("member.caseStudiesOf", { organization }) : t("member.caseStudies")}</h2>
          <a class="button" href="/member/case-studies/new">
            {t("cs.new")}
          </a>
        </div>
        <PendingImports ctx={ctx} imports={pendingImports} />
        <CaseStudiesByState ctx={ctx} groups={work.caseStudies} />
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
      <Proposals ctx={ctx} reports={work.reports} proposals={work.proposals} />
      <NotificationsPanel ctx={ctx} notifications={work.notifications} back="/member" />
    </Layout>
  );
}
