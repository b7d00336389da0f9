import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Database } from "#src/db/client.ts";
import { clearHits, purgeExpiredHits, refuseOverLimit, takeHit } from "#src/db/rate-limits.ts";
import { isAppError } from "#src/lib/errors.ts";
import { openTestDatabase } from "#test/helpers/db.ts";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

/** Moves a key's window into the past, as if it had run out. */
const expire = (key: string) => database.db.execute(sql`update rate_limits set resets_at = now() - interval '1 second' where key = ${key}`);

describe("shared rate limits", () => {
  const limit = { window: 60_000, max: 2 };

  it("lets a key through its share, then answers the seconds left in its window", async () => {
    const { db } = database;
    expect(await takeHit(db, "t/a", limit)).toBeNull();
    expect(await takeHit(db, "t/a", limit)).toBeNull();
    const wait = await takeHit(db, "t/a", limit);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await takeHit(db, "t/b", limit)).toBeNull();
    // A new window starts once the first one is over; clearing starts one at once.
    await expire("t/a");
    expect(await takeHit(db, "t/a", limit)).toBeNull();
    await takeHit(db, "t/a", limit);
    await clearHits(db, "t/a");
    expect(await takeHit(db, "t/a", limit)).toBeNull();
  });

  it("counts every one of many hits sent at once", async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, () => takeHit(database.db, "t/burst", { window: 60_000, max: 5 })));
    expect(answers.filter((a) => a === null)).toHaveLength(5);
    const [row] = await queryRows<{ hits: number }>(database.db, sql`select hits from rate_limits where key = 't/burst'`);
    expect(row!.hits).toBe(12);
  });

  it("refuses past the share with RATE_LIMITED and a Retry-After", async () => {
    await refuseOverLimit(database.db, "t/refuse", { window: 30_000, max: 1 });
    const refused = await refuseOverLimit(database.db, "t/refuse", { window: 30_000, max: 1 }).catch((e: unknown) => e);
    expect(isAppError(refused) && refused.code).toBe("RATE_LIMITED");
    expect(isAppError(refused) && refused.retryAfter).toBeGreaterThan(0);
  });

  it("purges the counters whose window is over, and only those", async () => {
    await takeHit(database.db, "t/old", limit);
    await takeHit(database.db, "t/current", limit);
    await expire("t/old");
    expect(await purgeExpiredHits(database.db)).toBeGreaterThanOrEqual(1);
    const keys = (await queryRows<{ key: string }>(database.db, sql`select key from rate_limits`)).map((r) => r.key);
    expect(keys).toContain("t/current");
    expect(keys).not.toContain("t/old");
  });
});
