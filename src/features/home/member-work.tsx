import { StateTag } from "#src/features/case-studies/views/parts.tsx";
import type { CaseStudyGroup, ProposalWork, RoundWork, SurveyWork } from "#src/features/home/work.ts";
import { Deadline } from "#src/features/home/work-parts.tsx";
import { reportTitle } from "#src/domain/languages.ts";
import { DateTime } from "#src/web/components.tsx";
import type { PageContext } from "#src/web/render.ts";

// The parts of "My work" (member-views.tsx puts them in order): each says what to do, or that
// there is nothing to do and what comes next.

/** Surveys the organization is invited to: open ones with their deadline, then closed ones; the answer's state. */
export function SurveysToAnswer({ ctx, surveys }: { ctx: PageContext; surveys: SurveyWork[] }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="surveys-title">
      <h2 id="surveys-title">{t("member.surveys")}</h2>
      {surveys.length === 0 ? (
        <p class="empty">{t("work.surveys.empty")}</p>
      ) : (
        <ul class="plain-list">
          {surveys.map((s) => (
            <li>
              <a href={`/member/surveys/${s.id}`}>
                {s.title} ({s.year})
              </a>{" "}
              <span class={s.answer === "submitted" ? "tag tag-ok" : "tag tag-muted"}>{t(`work.answer.${s.answer}`)}</span>{" "}
              {(s.answer !== "submitted" || !s.open) && <Deadline t={t} lang={lang} closesOn={s.closesOn} daysLeft={s.daysLeft} open={s.open} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Open review rounds the organization is invited to, with how many comments it made. */
export function RoundsToComment({ ctx, rounds }: { ctx: PageContext; rounds: RoundWork[] }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="rounds-title">
      <h2 id="rounds-title">{t("work.rounds.title")}</h2>
      {rounds.length === 0 ? (
        <p class="empty">{t("work.rounds.empty")}</p>
      ) : (
        <ul class="plain-list">
          {rounds.map((r) => (
            <li>
              <a href={`/reviews/${r.id}`}>{r.title}</a> <span class="small">{t("work.rounds.comments", { count: r.comments })}</span> <Deadline t={t} lang={lang} closesOn={r.closesOn} daysLeft={r.daysLeft} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The organization's case studies by state, what needs the member first (changes requested, with the secretariat's message). */
export function CaseStudiesByState({ ctx, groups }: { ctx: PageContext; groups: CaseStudyGroup[] }) {
  const { t, lang } = ctx;
  if (groups.length === 0) return <p class="empty">{t("work.cs.empty")}</p>;
  return (
    <>
      {groups.map((g) => (
        <section aria-labelledby={`cs-${g.state}`} class={g.state === "changes_requested" ? "panel" : undefined}>
          <h3 id={`cs-${g.state}`}>{t("work.cs.group", { state: t(`cs.state.${g.state}`), count: g.rows.length })}</h3>
          <ul class="plain-list">
            {g.rows.map((r) => (
              <li>
                <a href={`/member/case-studies/${r.id}`}>{r.title}</a> <StateTag t={t} state={r.state} />{" "}
                <span class="small muted">
                  <DateTime value={r.updatedAt} lang={lang} />
                </span>
                {r.message && (
                  <>
                    <p class="small">{t("work.cs.message")}</p>
                    <blockquote class="quote pre-wrap">{r.message}</blockquote>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** Where members propose topics, and their organization's own proposals with their state. */
export function Proposals({ ctx, reports, proposals }: { ctx: PageContext; reports: { slug: string; title: string }[]; proposals: ProposalWork[] }) {
  const { t, lang } = ctx;
  return (
    <section aria-labelledby="proposals-title">
      <h2 id="proposals-title">{t("proposal.title")}</h2>
      <ul class="plain-list">
        {reports.map((r) => (
          <li>
            <a href={`/reports/${r.slug}/proposals`}>{t("proposal.forReport", { report: r.title })}</a>
          </li>
        ))}
      </ul>
      <h3>{t("work.proposals.mine")}</h3>
      {proposals.length === 0 ? (
        <p class="empty">{t("work.proposals.none")}</p>
      ) : (
        <ul class="plain-list">
          {proposals.map((p) => (
            <li>
              <a href={`/reports/${p.reportSlug}/proposals#proposal-${p.id}`}>{p.title}</a> <span class={p.status === "accepted" ? "tag tag-ok" : p.status === "declined" ? "tag tag-muted" : "tag tag-draft"}>{t(`proposal.status.${p.status}`)}</span>{" "}
              <span class="small muted">{reportTitle({ titles: p.reportTitles }, lang)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
