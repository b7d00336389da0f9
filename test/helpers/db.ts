import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";

import pg from "pg";
import { inject } from "vitest";
import { createPglite, createPool, fromPglite, fromPool, type Database, type Limits } from "#src/db/client.ts";
import { withDatabase } from "#test/setup/database.ts";

/** A fresh, migrated database for one test file, on the engine of the running project. */
export async function openTestDatabase(limits: Limits = {}): Promise<Database> {
  const template = inject("template");
  if (inject("testEngine") === "pglite") {
    const client = await createPglite({ loadDataDir: new Blob([readFileSync(template)]) });
    return fromPglite(client, limits);
  }
  const url = process.env.TEST_DATABASE_URL!;
  const name = `lr_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  const database = fromPool(createPool(withDatabase(url, name), limits));
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
