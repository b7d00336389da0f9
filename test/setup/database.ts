import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import pg from "pg";
import type { TestProject } from "vitest/node";
import { createPglite, fromPglite, fromPool } from "#src/db/client.ts";
import { migrate } from "#src/db/migrate.ts";
import { testDatabaseUrl } from "#test/helpers/prerequisites.ts";

declare module "vitest" {
  export interface ProvidedContext {
    testEngine: "pglite" | "postgres";
    /** PGlite: a dump of a migrated data directory. PostgreSQL: the name of a migrated template database. */
    template: string;
  }
}

/** Migrates once per run; every test file then starts from a copy of the result. */
export default async function setup(project: TestProject) {
  const engine = project.config.provide.testEngine ?? "pglite";
  if (engine === "pglite") {
    const client = await createPglite();
    await migrate(fromPglite(client));
    const dump = await client.dumpDataDir("none");
    const dir = mkdtempSync(join(tmpdir(), "lr-template-"));
    const file = join(dir, "pglite.tar");
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await client.close();
    project.provide("template", file);
    return () => rmSync(dir, { recursive: true, force: true });
  }

  const url = testDatabaseUrl();
  if (!url) throw new Error("TEST_DATABASE_URL is required for the PostgreSQL suite");
  const name = `lr_template_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const pool = new pg.Pool({ connectionString: withDatabase(url, name), max: 1 });
  await migrate(fromPool(pool));
  await pool.end();
  project.provide("template", name);
  return async () => {
    await dropDatabase(admin, name);
    await admin.end();
  };
}

/**
 * Drops a test database and ends its connections. An autovacuum worker busy in it cannot be
 * ended by a role without pg_signal_backend ("must be a member of the role whose process is
 * being terminated"): it finishes within moments, so the drop is tried again a few times.
 */
export async function dropDatabase(admin: pg.Client, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`drop database if exists ${name} with (force)`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "42501" || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** The same server address with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
