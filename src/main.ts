import type { FastifyInstance } from "fastify";
import { buildApp } from "#src/app.ts";
import type { Config } from "#src/config.ts";
import { openDatabase, SERVER_LIMITS } from "#src/db/client.ts";
import { migrate } from "#src/db/migrate.ts";
import { withStartupLock } from "#src/db/startup-lock.ts";
import { demoAccountsBanner, demoAccountsNotice, keepDemoAccounts } from "#src/demo/accounts.ts";
import { loadDemoIfEmpty } from "#src/demo/load.ts";
import { indexMissingEditions } from "#src/features/search/index.ts";
import { purgeExpiredSessions } from "#src/features/members/auth.ts";
import { startJobRunner } from "#src/publishing/jobs.ts";

const PURGE_EVERY_MS = 6 * 3600 * 1000;

/** Opens and migrates the database, loads the demo into an empty one, builds the app and listens. */
export async function startServer(config: Config, options: { pretty?: boolean } = {}): Promise<FastifyInstance> {
  const started = performance.now();
  const database = await openDatabase({ ...config, limits: SERVER_LIMITS });
  try {
    // Instances starting together on one database take turns: one migrates and loads the demo.
    const accounts = await withStartupLock(config, async () => {
      await migrate(database);
      const created = config.demo ? await loadDemoIfEmpty(database.db, config.publicUrl) : null;
      if (created) keepDemoAccounts(config.dataDir, created);
      await indexMissingEditions(database.db);
      return created;
    });
    const demoLoaded = accounts !== null;
    const logger = {
      level: config.logLevel,
      ...(options.pretty ? { transport: { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname" } } } : {}),
    };
    const app = await buildApp({ config, database, logger });
    const purge = setInterval(() => purgeExpiredSessions(database.db).catch((err: unknown) => app.log.warn({ err }, "session purge failed")), PURGE_EVERY_MS);
    purge.unref();
    const stopJobs = startJobRunner(database.db, (err) => app.log.error({ err }, "job runner failed"));
    app.addHook("onClose", async () => {
      clearInterval(purge);
      await stopJobs();
      await database.close();
    });
    await app.listen({ port: config.port, host: config.host });
    app.log.info(
      { engine: database.engine, demoLoaded, startupMs: Math.round(performance.now() - started) },
      `Living Report is ready at ${config.publicUrl}`,
    );
    // The passwords are printed once, when the accounts are created; later starts say where they are kept.
    const banner = accounts ? demoAccountsBanner(config.dataDir, accounts) : config.demo ? demoAccountsNotice(config.dataDir) : null;
    if (banner) console.log(banner);
    return app;
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** Closes the server and the database on SIGINT or SIGTERM, letting requests in flight finish. */
export function closeOnSignals(app: FastifyInstance) {
  let closing = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      app.log.info(`${signal} received, closing`);
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}
