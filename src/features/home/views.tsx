import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

/** The front page: what the platform is, and the first-run prompt while no administrator exists. */
export function HomePage({ ctx, setupOpen }: { ctx: PageContext; setupOpen: boolean }) {
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
