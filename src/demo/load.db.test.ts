import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#src/db/client.ts";
import { editions } from "#src/db/schema/editions.ts";
import { organizations } from "#src/db/schema/members.ts";
import { reports } from "#src/db/schema/reports.ts";
import { loadDemoIfEmpty } from "#src/demo/load.ts";
import { openTestDatabase } from "#test/helpers/db.ts";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const rows = async (table: typeof organizations | typeof reports | typeof editions) => (await database.db.select({ n: count() }).from(table))[0]!.n;

describe("demo content", () => {
  it("loads once, into an empty database, all in one transaction", async () => {
    expect(await loadDemoIfEmpty(database.db, "http://localhost:3000")).toBe(true);
    expect(await rows(organizations)).toBeGreaterThan(10);
    expect(await rows(reports)).toBe(1);
    expect(await rows(editions)).toBe(1);
    expect(await loadDemoIfEmpty(database.db, "http://localhost:3000")).toBe(false);
    expect(await rows(reports)).toBe(1);
  });
});
