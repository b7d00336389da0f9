import type { FastifyInstance } from "fastify";
import { buildApp } from "#src/app.ts";
import type { Config } from "#src/config.ts";
import { openDatabase, SERVER_LIMITS, type Database } from "#src/db/client.ts";
import { migrate } from "#src/db/migrate.ts";
import { withStartupLock } from "#src/db/startup-lock.ts";
import { demoAccountsBanner, demoAccountsNotice, keepDemoAccounts } from "#src/demo/accounts.ts";
import { loadDemoIfEmpty } from "#src/demo/load.ts";
import { indexMissingEditions } from "#src/features/editions/search-entries.ts";

/** Migrates the database and, when it is empty, loads the demo; returns the demo accounts it created. */
function prepareDatabase(config: Config, database: Database) {
  // Instances starting together on one database take turns: one migrates and loads the demo.
  return withStartupLock(config, async () => {
    await migrate(database);
    const created = config.demo ? await loadDemoIfEmpty(database.db, config.publicUrl) : null;
    if (created) keepDemoAccounts(config.dataDir, created);
    await indexMissingEditions(database.db);
    return created;
  });
}

/** Opens and migrates the database, loads the demo into an empty one, builds the app and listens. */
export async function startServer(config: Config, options: { pretty?: boolean } = {}): Promise<FastifyInstance> {
  const started = performance.now();
  const database = await openDatabase({ ...config, limits: SERVER_LIMITS });
  let accounts: Awaited<ReturnType<typeof prepareDatabase>>;
  let app: FastifyInstance;
  try {
    accounts = await prepareDatabase(config, database);
    const logger = {
      level: config.logLevel,
      ...(options.pretty ? { transport: { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname" } } } : {}),
    };
    // The app owns the database from here: app.close() stops the background work, then closes it.
    app = await buildApp({ config, database, ownsDatabase: true, background: true, logger });
  } catch (err) {
    await database.close();
    throw err;
  }
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await app.close();
    throw err;
  }
  app.log.info(
    { engine: database.engine, demoLoaded: accounts !== null, startupMs: Math.round(performance.now() - started) },
    `Living Report is ready at ${config.publicUrl}`,
  );
  // The passwords are printed once, when the accounts are created; later starts say where they are kept.
  const banner = accounts ? demoAccountsBanner(config.dataDir, accounts) : config.demo ? demoAccountsNotice(config.dataDir) : null;
  if (banner) console.log(banner);
  return app;
}

/** Closes the app (the server, its background work, the database) on SIGINT or SIGTERM, letting requests in flight finish. */
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
