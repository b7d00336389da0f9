import fp from "fastify-plugin";
import type { Database } from "#src/db/client.ts";
import { listenForChanges, type ChangeTopic } from "#src/db/changes.ts";
import { purgeExpiredHits } from "#src/db/rate-limits.ts";
import { Generations, TopicCache } from "#src/lib/topic-cache.ts";
import { publicationCache } from "#src/features/api/publications.ts";
import { EditionCache } from "#src/features/editions/page-cache.ts";
import { purgeStaleImports } from "#src/features/case-studies/imports-repository.ts";
import { purgeOutbox } from "#src/features/mail/repository.ts";
import { mailSettings, startMailSender } from "#src/features/mail/sender.ts";
import { purgeExpiredSessions } from "#src/features/members/auth.ts";
import { queueDigests } from "#src/features/notifications/digest.ts";
import { startNotificationSchedule } from "#src/features/notifications/schedule.ts";
import { purgeStaleReviewImports } from "#src/features/reviews/imports-repository.ts";
import { queueReviewOpenings, queueReviewReminders } from "#src/features/reviews/reminders.ts";
import { queueSurveyReminders } from "#src/features/surveys/reminders.ts";
import { closePool } from "#src/lib/pool.ts";
import { startJobRunner } from "#src/publishing/jobs.ts";

// What the app holds besides its routes, each a plugin on the root instance (fastify-plugin) that
// lets go of its part in an onClose hook. app.close() stops the HTTP server first (requests in
// flight finish), then runs the onClose hooks in the reverse order of registration: registered as
// database, worker pool, caches, background work, they stop as background work (the job in hand
// goes back to the queue), caches and worker pool, and the database last.

/** The database as `app.database`; the app closes it only if it owns it (the server's does, a test keeps its own). */
export const databasePlugin = fp<{ database: Database; owned: boolean }>(
  async (app, { database, owned }) => {
    app.decorate("database", database);
    if (owned) app.addHook("onClose", () => database.close());
  },
  { name: "database" },
);

declare module "fastify" {
  interface FastifyInstance {
    /** Each topic's generation, moved on by every announced change (db/changes.ts), this instance's or another's. */
    changes: Generations<ChangeTopic>;
    /** Values kept until a topic they depend on changes: the home page's, the library's and search's lookups. */
    topicCache: TopicCache<ChangeTopic>;
  }
}

/** Hears the changes announced on the database (this instance's and the others'), as `app.changes`. */
export const changesPlugin = fp(
  async (app) => {
    const changes = new Generations<ChangeTopic>();
    app.decorate("changes", changes);
    const stop = await listenForChanges(app.database, (topic) => changes.bump(topic));
    app.addHook("onClose", () => stop());
  },
  { name: "changes", dependencies: ["database"] },
);

/** The worker threads stop with the app (they also stop by themselves when idle). */
export const workerPoolPlugin = fp(
  async (app) => {
    app.addHook("onClose", () => closePool());
  },
  { name: "worker-pool" },
);

/** Each app's own memory: published pages and lookups, and the API's publications. */
export const cachesPlugin = fp(
  async (app) => {
    app.decorate("editionCache", new EditionCache());
    app.decorate("publicationCache", publicationCache());
    app.decorate("topicCache", new TopicCache(app.changes, 16 * 2 ** 20));
    app.addHook("onClose", async () => {
      app.editionCache.clear();
      app.publicationCache.clear();
      app.topicCache.clear();
    });
  },
  { name: "caches", dependencies: ["changes"] },
);

const PURGE_EVERY_MS = 6 * 3600 * 1000;

/** The server's background work, from ready to close: export and publish jobs, and the purge of expired sessions. */
export const backgroundPlugin = fp(
  async (app) => {
    const { db } = app.database;
    let stop = async () => {};
    app.addHook("onReady", async () => {
      const purge = setInterval(() => void purgeExpiredSessions(db).catch((err: unknown) => app.log.warn({ err }, "session purge failed")), PURGE_EVERY_MS);
      purge.unref();
      // A publish job's swap announces "editions" (db/changes.ts): the edition routes forget their lookups then.
      const stopJobs = startJobRunner(db, (err) => app.log.error({ err }, "job runner failed"));
      // Mail in the outbox goes out (or, without SMTP_URL, is kept there with a log line).
      const stopMail = startMailSender(db, mailSettings(app.config), {
        info: (line) => app.log.info(line),
        error: (err) => app.log.error({ err }, "mail sender failed"),
      });
      // Work that looks at the clock: daily digests, reminders before surveys and review rounds close.
      const stopSchedule = startNotificationSchedule(db, [queueDigests, queueSurveyReminders, queueReviewOpenings, queueReviewReminders, purgeOutbox, purgeStaleImports, purgeStaleReviewImports, purgeExpiredHits], (err) => app.log.error({ err }, "notification schedule failed"));
      stop = async () => {
        clearInterval(purge);
        await Promise.all([stopJobs(), stopMail(), stopSchedule()]);
      };
    });
    app.addHook("onClose", () => stop());
  },
  { name: "background", dependencies: ["database", "caches"] },
);
