import { loadConfig } from "#src/config.ts";
import { openDatabase } from "#src/db/client.ts";
import { migrate } from "#src/db/migrate.ts";
import { withStartupLock } from "#src/db/startup-lock.ts";
import { progressBar } from "#src/cli/progress.ts";
import { demoAccountsBanner, keepDemoAccounts } from "#src/demo/accounts.ts";
import { loadDemoIfEmpty } from "#src/demo/load.ts";

/** `living-report migrate`: applies pending migrations and exits. */
export async function migrateCommand() {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await withStartupLock(config, () => migrate(database));
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
    const accounts = await withStartupLock(config, async () => {
      await migrate(database);
      return loadDemoIfEmpty(database.db, config.publicUrl, progressBar("Loading the demo"));
    });
    if (!accounts) {
      console.log("The database is not empty; the demo was not loaded.");
      return;
    }
    keepDemoAccounts(config.dataDir, accounts);
    console.log(`Demo content loaded.\n${demoAccountsBanner(config.dataDir, accounts)}`);
  } finally {
    await database.close();
  }
}
