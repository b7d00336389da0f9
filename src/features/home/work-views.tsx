import { reportTitle } from "#src/domain/languages.ts";
import { StateTag } from "#src/features/case-studies/views/parts.tsx";
import type { SecretariatWork } from "#src/features/home/work.ts";
import { Deadline, NotificationsPanel } from "#src/features/home/work-parts.tsx";
import { formatDay } from "#src/i18n/i18n.ts";
import { DateTime } from "#src/web/components.tsx";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

/** The secretariat's work page: what waits for editors (and administrators), each item linking to where it is done. */
export function WorkPage({ ctx, work }: { ctx: PageContext; work: SecretariatWork }) {
  const { t, lang } = ctx;
  return (
    <Layout ctx={ctx} title={t("member.title")} section="member">
      <h1>{t("member.title")}</h1>
      <p class="lead">{t("work.editor.lead")}</p>

      <section aria-labelledby="work-cs">
        <h2 id="work-cs">
          {t("work.editor.caseStudies")} {work.caseStudies.length > 0 && <span class="count-badge">{work.caseStudies.length}</span>}
        </h2>
        {work.caseStudies.length === 0 ? (
          <p class="empty">{t("work.editor.caseStudiesEmpty")}</p>
        ) : (
          <ul class="plain-list">
            {work.caseStudies.map((cs) => (
              <li>
                <a href={`/member/case-studies/${cs.id}`}>{cs.title}</a> <span class="muted">· {cs.organization}</span> <StateTag t={t} state={cs.state} />{" "}
                {cs.submittedAt && <span class="small muted">{t("work.editor.submitted", { date: formatDay(cs.submittedAt, lang) })}</span>}
              </li>
            ))}
          </ul>
        )}
        <p class="small">
          <a href="/editor/case-studies">{t("work.editor.queue")}</a>
        </p>
      </section>

      <section aria-labelledby="work-rounds">
        <h2 id="work-rounds">{t("work.editor.rounds")}</h2>
        {work.rounds.length === 0 ? (
          <p class="empty">{t("work.editor.roundsEmpty")}</p>
        ) : (
          <ul class="plain-list">
            {work.rounds.map((r) => (
              <li>
                <a href={`/editor/reviews/${r.id}`}>{r.title}</a> <span class="muted">· {reportTitle({ titles: r.reportTitles }, lang)}</span>{" "}
                <span class={r.undisposed > 0 ? "tag tag-draft" : "tag tag-ok"}>{t("work.editor.undisposed", { count: r.undisposed })}</span> <Deadline t={t} lang={lang} closesOn={r.closesOn} daysLeft={r.daysLeft} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="work-surveys">
        <h2 id="work-surveys">{t("work.editor.surveys")}</h2>
        {work.surveys.length === 0 ? (
          <p class="empty">{t("work.editor.surveysEmpty")}</p>
        ) : (
          <ul class="plain-list">
            {work.surveys.map((s) => (
              <li>
                <a href={`/editor/surveys/${s.id}`}>
                  {s.titles[lang] || s.titles.en} ({s.year})
                </a>{" "}
                <span class="small">{t("work.editor.responses", { submitted: s.submitted, invited: s.invited })}</span>{" "}
                {s.closesOn ? <Deadline t={t} lang={lang} closesOn={s.closesOn} daysLeft={s.daysLeft} /> : <span class="small muted">{t("work.editor.noDeadline")}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="work-proposals">
        <h2 id="work-proposals">{t("work.editor.proposals")}</h2>
        {work.proposals.length === 0 ? (
          <p class="empty">{t("work.editor.proposalsEmpty")}</p>
        ) : (
          <ul class="plain-list">
            {work.proposals.map((p) => (
              <li>
                <a href={`/reports/${p.reportSlug}/proposals#proposal-${p.id}`}>{p.title}</a>{" "}
                <span class="muted small">
                  · {p.organizationName ? `${p.organizationName} · ` : ""}
                  {reportTitle({ titles: p.reportTitles }, lang)} · <DateTime value={p.createdAt} lang={lang} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {work.failedMail !== null && (
        <section aria-labelledby="work-mail">
          <h2 id="work-mail">{t("work.editor.mail")}</h2>
          <p>
            <a href={work.failedMail ? "/admin/outbox?status=failed" : "/admin/outbox"} class={work.failedMail ? "mail-failed-count" : undefined}>
              {t("mail.outbox.failed", { count: work.failedMail })}
            </a>
          </p>
        </section>
      )}

      <NotificationsPanel ctx={ctx} notifications={work.notifications} back="/editor/work" />
    </Layout>
  );
}
