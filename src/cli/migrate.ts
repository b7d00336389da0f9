import { loadConfig } from "#src/config.ts";
import { openDatabase } from "#src/db/client.ts";
import { migrate } from "#src/db/migrate.ts";
import { loadDemoIfEmpty } from "#src/demo/load.ts";

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

/** `living-report demo`: loads the demo into an empty database; says so when it is not empty. */
export async function demoCommand() {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await migrate(database);
    const loaded = await loadDemoIfEmpty(database.db, config.publicUrl);
    console.log(loaded ? "Demo content loaded." : "The database is not empty; the demo was not loaded.");
  } finally {
    await database.close();
  }
}
