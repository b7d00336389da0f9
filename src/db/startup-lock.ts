import pg from "pg";

// Any fixed number will do, as long as nothing else in the database uses it ("LR" + 1).
const STARTUP_LOCK_KEY = 0x4c52_0001;

/**
 * Runs the start-up work (migrations, the demo) while holding a PostgreSQL session-level
 * advisory lock, so that instances starting together on one database take turns: the next one
 * finds the database migrated and the demo loaded. The lock lives on a connection of its own
 * and is released when that connection closes: after the work, or when the process dies.
 * PGlite belongs to one process: nothing to wait for.
 */
export async function withStartupLock<T>(options: { databaseUrl?: string | undefined }, work: () => Promise<T>): Promise<T> {
  if (!options.databaseUrl) return work();
  const client = new pg.Client({ connectionString: options.databaseUrl });
  client.on("error", () => {}); // a lost connection surfaces as the failure of the next query
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [STARTUP_LOCK_KEY]);
    return await work();
  } finally {
    await client.end(); // closing the session releases the lock
  }
}
