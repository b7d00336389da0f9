import { loadConfig } from "#src/config.ts";
import { openDatabase } from "#src/db/client.ts";
import { migrate } from "#src/db/migrate.ts";

/** `living-report migrate`: applies pending migrations and exits. */
export async function migrateCommand() {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await migrate(database);
    console.log(`Migrations applied (${database.engine}).`);
  } finally {
    await database.close();
  }
}
