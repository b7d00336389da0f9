import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Config } from "#src/config.ts";
import { openDatabase, SERVER_LIMITS, type Database } from "#src/db/client.ts";
import { migrate } from "#src/db/migrate.ts";
import { withStartupLock } from "#src/db/startup-lock.ts";

// The application's modules (about half a second of loading) are imported while the database
// opens, which spends much of that time off this thread (PGlite compiles its WebAssembly, a
// PostgreSQL pool connects): see bench/RESULTS.md, start-up.
const loadModules = () =>
  Promise.all([import("#src/app.ts"), import("#src/demo/accounts.ts"), import("#src/demo/load.ts"), import("#src/features/editions/search-entries.ts")]).then(
    ([app, accounts, demo, search]) => ({ ...app, ...accounts, ...demo, ...search }),
  );
type Modules = Awaited<ReturnType<typeof loadModules>>;

/** Migrates the database and, when it is empty, loads the demo; returns the demo accounts it created. */
function prepareDatabase(config: Config, database: Database, modules: Modules) {
  // Instances starting together on one database take turns: one migrates and loads the demo.
  return withStartupLock(config, async () => {
    await migrate(database);
    const created = config.demo ? await modules.loadDemoIfEmpty(database.db, config.publicUrl) : null;
    if (created) modules.keepDemoAccounts(config.dataDir, created);
    // Fresh tables have no statistics until autovacuum comes by: the planner would guess (a search
    // took 89 ms instead of 11 until then).
    if (created && database.engine === "postgres") await database.db.execute(sql`analyze`);
    await modules.indexMissingEditions(database.db);
    return created;
  });
}

/** Opens and migrates the database, loads the demo into an empty one, builds the app and listens. */
export async function startServer(config: Config, options: { pretty?: boolean } = {}): Promise<FastifyInstance> {
  const started = performance.now();
  const loading = loadModules();
  loading.catch(() => {}); // awaited below, once the database is open (its failure is reported first)
  const database = await openDatabase({ ...config, limits: SERVER_LIMITS });
  let modules: Modules;
  let accounts: Awaited<ReturnType<typeof prepareDatabase>>;
  let app: FastifyInstance;
  try {
    modules = await loading;
    accounts = await prepareDatabase(config, database, modules);
    const logger = {
      level: config.logLevel,
      ...(options.pretty ? { transport: { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname" } } } : {}),
    };
    // The app owns the database from here: app.close() stops the background work, then closes it.
    app = await modules.buildApp({ config, database, ownsDatabase: true, background: true, logger });
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
  const banner = accounts ? modules.demoAccountsBanner(config.dataDir, accounts) : config.demo ? modules.demoAccountsNotice(config.dataDir) : null;
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
