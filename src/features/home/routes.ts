import type { FastifyInstance } from "fastify";
import { h } from "preact";
import { listEditions } from "#src/features/editions/repository.ts";
import { setupOpen } from "#src/features/members/auth.ts";
import { listReports } from "#src/features/catalog/repository.ts";
import { HomePage } from "#src/features/home/views.tsx";
import { appError } from "#src/lib/errors.ts";
import { isLanguage } from "#src/i18n/i18n.ts";
import { safeNext, setLanguageCookie } from "#src/web/context.ts";
import { pageContext, sendPage } from "#src/web/render.ts";

const pub = { config: { policy: "public" as const } };

/** The front page, the language switch, and the health probes. */
export async function homeRoutes(app: FastifyInstance) {
  const { database } = app;

  // Each report with a published edition, newest edition first: what a reader came for. Kept
  // until a report or an edition changes, as every visitor's first page reads it.
  const publishedReports = () =>
    app.topicCache.get("home|reports", ["catalog", "editions"], async () => {
      const reports = [];
      for (const report of await listReports(database.db)) {
        const editions = (await listEditions(database.db, report.id)).filter((e) => e.status === "published").sort((a, b) => b.editionDate.localeCompare(a.editionDate));
        if (editions.length) reports.push({ report, editions });
      }
      return reports;
    });

  // Once an active administrator exists the setup stays closed (the last one cannot be deactivated
  // or demoted), so the front page stops asking.
  let setupClosed = false;
  const setupStillOpen = async () => {
    if (setupClosed) return false;
    setupClosed = !(await setupOpen(database.db));
    return !setupClosed;
  };

  app.get("/", pub, async (request, reply) => {
    const [reports, open] = await Promise.all([publishedReports(), setupStillOpen()]);
    return sendPage(reply, h(HomePage, { ctx: pageContext(request, reply), setupOpen: open, reports }));
  });

  // A plain link, so it works without JavaScript; it only sets a preference cookie. Being a GET
  // (any site can make a browser follow it), it writes nothing: a person's own language is saved
  // from their account page.
  app.get("/language/:lang", pub, (request, reply) => {
    const { lang } = request.params as { lang: string };
    if (!isLanguage(lang)) throw appError("NOT_FOUND");
    setLanguageCookie(reply, lang);
    return reply.redirect(safeNext((request.query as { next?: unknown }).next), 303);
  });

  // Liveness: the process answers. Readiness: the database answers too.
  app.get("/healthz", pub, (_request, reply) => reply.header("cache-control", "no-store").send({ status: "ok" }));

  app.get("/readyz", pub, async (request, reply) => {
    try {
      await database.ping();
      return reply.header("cache-control", "no-store").send({ status: "ok", database: database.engine });
    } catch (err) {
      request.log.error({ err }, "database not reachable");
      return reply.status(503).header("cache-control", "no-store").send({ status: "unavailable", database: database.engine });
    }
  });
}
