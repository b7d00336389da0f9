import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";

import { sql } from "drizzle-orm";
import pg from "pg";
import { inject } from "vitest";
import { createPglite, createPool, fromPglite, fromPool, queryRows, type Database, type Db, type Limits } from "#src/db/client.ts";
import { dropDatabase, withDatabase } from "#test/setup/database.ts";

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
      await dropDatabase(admin, name);
      await admin.end();
    },
  };
}

/** Every table's row count and a hash of its rows, except the tables named: equal only if nothing was written. */
export async function tableFingerprint(db: Db, except: ReadonlySet<string>): Promise<Record<string, string>> {
  const tables = (await queryRows<{ name: string }>(db, sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`)).map((r) => r.name).filter((t) => !except.has(t));
  const out: Record<string, string> = {};
  for (const t of tables) {
    const [row] = await queryRows<{ n: number; h: string }>(db, sql.raw(`select count(*)::int as n, md5(coalesce(string_agg(md5(x::text), '' order by md5(x::text)), '')) as h from "${t}" x`));
    out[t] = `${row!.n}:${row!.h}`;
  }
  return out;
}
