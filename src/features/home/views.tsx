import type { EditionRow } from "#src/features/editions/repository.ts";
import { editionUrls } from "#src/features/editions/views/public.tsx";
import { localized, primaryOf, readingLanguage } from "#src/domain/languages.ts";
import type { ReportRow } from "#src/features/catalog/repository.ts";
import { DateTime } from "#src/web/components.tsx";
import { LANGUAGE_NAMES } from "#src/i18n/i18n.ts";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

type HomeReport = { report: ReportRow; editions: EditionRow[] };

/** The front page: each report's current edition, what the platform is, and the first-run prompt while no administrator exists. */
export function HomePage({ ctx, setupOpen, reports }: { ctx: PageContext; setupOpen: boolean; reports: HomeReport[] }) {
  const { t, user } = ctx;
  return (
    <Layout ctx={ctx} title={t("home.title")} section="home">
      {setupOpen && (
        <div class="notice notice-action">
          <p>{t("home.setupNeeded")}</p>
          <p>
            <a class="button" href="/setup">
              {t("home.setupLink")}
            </a>
          </p>
        </div>
      )}
      <section class="hero">
        <h1>{t("home.title")}</h1>
        <p class="lead">{user ? `${t("home.welcomeBack", { name: user.name })} ${t("home.lead")}` : t("home.lead")}</p>
      </section>
      {reports.map(({ report, editions }) => {
        const latest = editions[0]!;
        const lang = readingLanguage(report, ctx.lang);
        const urls = editionUrls(report, latest);
        return (
          <section class="panel home-report" aria-labelledby={`report-${report.slug}`}>
            <p class="eyebrow">{t("home.currentEdition", { label: latest.label })}</p>
            <h2 id={`report-${report.slug}`}>
              <a href={urls.contents(lang)}>{localized(latest.titles, lang, primaryOf(report))}</a>
            </h2>
            <p class="muted">
              <DateTime value={latest.editionDate} lang={ctx.lang} />
              {" · "}
              {report.languages.map((l) => LANGUAGE_NAMES[l]).join(", ")}
            </p>
            <p class="actions">
              <a class="button" href={urls.contents(lang)}>
                {t("home.read", { label: latest.label })}
              </a>{" "}
              <a class="button button-secondary" href={`${urls.contents(lang)}export/pdf`}>
                PDF
              </a>{" "}
              <a href={`/reports/${report.slug}/`}>{t("home.allEditions", { count: String(editions.length) })}</a>
              {" · "}
              <a href="/case-studies">{t("nav.caseStudies")}</a>
              {" · "}
              <a href={`/reports/${report.slug}/timeline`}>{t("home.timeline")}</a>
            </p>
          </section>
        );
      })}
      <ul class="cards">
        <li class="card">
          <h2>
            <a href="/reports">{t("home.readers.title")}</a>
          </h2>
          <p>{t("home.readers.text")}</p>
        </li>
        <li class="card">
          <h2>{t("home.members.title")}</h2>
          <p>{t("home.members.text")}</p>
        </li>
        <li class="card">
          <h2>{t("home.secretariat.title")}</h2>
          <p>{t("home.secretariat.text")}</p>
        </li>
      </ul>
    </Layout>
  );
}
