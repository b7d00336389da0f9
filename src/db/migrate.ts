import { join } from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import type { Database } from "#src/db/client.ts";
import { PROJECT_ROOT } from "#src/lib/paths.ts";

/** Where drizzle-kit writes the committed SQL migrations. */
export const MIGRATIONS_FOLDER = join(PROJECT_ROOT, "drizzle");

/** Applies every committed migration not yet applied; safe to run on every start. */
export async function migrate(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (database.engine === "pglite") await migratePglite(database.db as unknown as PgliteDatabase, config);
  else await migratePostgres(database.db as unknown as NodePgDatabase, config);
}
