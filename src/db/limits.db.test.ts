import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { openDatabase, transaction, type Database } from "#src/db/client.ts";
import { isDatabaseTimeout } from "#src/db/errors.ts";
import { toAppError } from "#src/web/errors.tsx";
import { testApp } from "#test/helpers/app.ts";
import { openTestDatabase } from "#test/helpers/db.ts";

// Small limits, so that a blocked query gives up within the test.
const limits = { statementTimeoutMs: 300, waitLimitMs: 2000 };

describe("database limits", () => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await openTestDatabase(limits);
    app = await testApp(database);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("answers 503 when a query cannot run in time, and serves again once the database is free", async () => {
    // Another piece of work holds the reports table (PostgreSQL: a lock the page's query waits
    // for; PGlite: the one connection, held by the transaction) until the page has been answered.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = transaction(database.db, async (tx) => {
      await tx.execute(sql`lock table reports in access exclusive mode`);
      locked();
      await held;
    });
    await isLocked;
    const blocked = await app.inject({ url: "/", headers: { accept: "application/json" } });
    release();
    await holder;
    expect(blocked.statusCode).toBe(503);
    expect(blocked.json().error.code).toBe("UNAVAILABLE");
    expect((await app.inject({ url: "/", headers: { accept: "text/html" } })).statusCode).toBe(200);
  });

  it.runIf(inject("testEngine") === "postgres")("cancels a statement that runs longer than the statement timeout", async () => {
    const pgDatabase = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL, dataDir: mkdtempSync(join(tmpdir(), "lr-limits-")), limits });
    try {
      const error = await pgDatabase.db.execute(sql`select pg_sleep(5)`).then(() => undefined, (e: unknown) => e);
      expect(isDatabaseTimeout(error)).toBe(true);
      expect(toAppError(error)).toMatchObject({ code: "UNAVAILABLE", status: 503 });
      await pgDatabase.ping();
    } finally {
      await pgDatabase.close();
    }
  });
});
