import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { queryRows, type Database } from "#src/db/client.ts";
import { PROJECT_ROOT } from "#src/lib/paths.ts";

/** Where drizzle-kit writes the committed SQL migrations. */
export const MIGRATIONS_FOLDER = join(PROJECT_ROOT, "drizzle");

/** When drizzle-kit made the newest committed migration (drizzle records it as each one's created_at). */
const newestMigration = (): number => {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: { when: number }[] };
  return Math.max(...journal.entries.map((entry) => entry.when));
};

/** Whether the newest committed migration is already applied: then a start has nothing to check. */
async function upToDate(database: Database): Promise<boolean> {
  const [table] = await queryRows<{ name: string | null }>(database.db, sql`select to_regclass('drizzle.__drizzle_migrations')::text as name`);
  if (!table?.name) return false;
  const [applied] = await queryRows<{ last: string | null }>(database.db, sql`select max(created_at)::text as last from drizzle.__drizzle_migrations`);
  return applied?.last != null && Number(applied.last) >= newestMigration();
}

/**
 * Applies every committed migration not yet applied; safe to run on every start. A database
 * that already has the newest one is left alone without drizzle's checks (a tenth of a second of every start).
 */
export async function migrate(database: Database): Promise<void> {
  if (await upToDate(database)) return;
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (database.engine === "pglite") await migratePglite(database.db as unknown as PgliteDatabase, config);
  else await migratePostgres(database.db as unknown as NodePgDatabase, config);
}
