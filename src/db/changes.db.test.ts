import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { announceChange, CHANGE_TOPICS, CHANGES_CHANNEL, listenForChanges, type ChangeTopic } from "#src/db/changes.ts";
import { createPool, fromPool, queryRows, transaction, type Database } from "#src/db/client.ts";
import { openTestDatabase } from "#test/helpers/db.ts";
import { withDatabase } from "#test/setup/database.ts";

// Announcements are what keeps the caches of several instances right: heard by this process at
// once, by every other connection to the database once committed, never when rolled back, and
// after a lost LISTEN connection every topic is called (what was announced meanwhile is unknown).

const onPostgres = inject("testEngine") === "postgres";
/** How soon another instance must hear a change (the goal: caches right within a second). */
const ACROSS_INSTANCES_MS = 1000;

let database: Database;
/** On PostgreSQL, a second Database on the same database: another instance, as far as NOTIFY goes. */
let other: Database | undefined;

beforeAll(async () => {
  database = await openTestDatabase();
  if (onPostgres) {
    const [row] = await queryRows<{ name: string }>(database.db, sql`select current_database() as name`);
    other = fromPool(createPool(withDatabase(process.env.TEST_DATABASE_URL!, row!.name)));
  }
});

afterAll(async () => {
  await other?.close();
  await database.close();
});

/** Every payload `target` hears on the channel through the database (not this process's local calls). */
async function heardThrough(target: Database, onReconnect?: () => void) {
  const payloads: string[] = [];
  const stop = await target.listen(CHANGES_CHANNEL, (payload) => payloads.push(payload), onReconnect);
  return { payloads, stop };
}

describe("announced changes", () => {
  it("from a transaction inside another, are told when the outermost commits, not when its savepoint is released", async () => {
    const local: ChangeTopic[] = [];
    const stopLocal = await listenForChanges(database, (topic) => local.push(topic));
    try {
      await transaction(database.db, async (tx) => {
        await transaction(tx, (inner) => announceChange(inner, "case-studies"));
        // The savepoint is released; the outer transaction has not committed yet.
        expect(local).toEqual([]);
      });
      expect(local[0]).toBe("case-studies");
    } finally {
      await stopLocal();
    }
  });

  it("reach this process as soon as the transaction commits, and the database's listeners after it", async () => {
    const local: ChangeTopic[] = [];
    const stopLocal = await listenForChanges(database, (topic) => local.push(topic));
    const here = await heardThrough(database);
    const there = other && (await heardThrough(other));
    try {
      await transaction(database.db, async (tx) => {
        await announceChange(tx, "editions", "catalog", "editions");
        // Not before the commit.
        expect(local).toEqual([]);
      });
      // This process: at once, each topic once.
      expect(local.slice(0, 2).sort()).toEqual(["catalog", "editions"]);
      await vi.waitFor(() => expect([...here.payloads].sort()).toEqual(["catalog", "editions"]), { timeout: ACROSS_INSTANCES_MS, interval: 10 });
      if (there) await vi.waitFor(() => expect([...there.payloads].sort()).toEqual(["catalog", "editions"]), { timeout: ACROSS_INSTANCES_MS, interval: 10 });
    } finally {
      await stopLocal();
      await here.stop();
      await there?.stop();
    }
  });

  it("are never heard when the transaction rolls back", async () => {
    const local: ChangeTopic[] = [];
    const stopLocal = await listenForChanges(database, (topic) => local.push(topic));
    const here = await heardThrough(database);
    const there = other && (await heardThrough(other));
    try {
      const failed = transaction(database.db, async (tx) => {
        await announceChange(tx, "surveys");
        throw new Error("rolled back");
      });
      await expect(failed).rejects.toThrow("rolled back");
      // A change committed after it: once it is heard, the rolled-back one would have been too.
      await transaction(database.db, (tx) => announceChange(tx, "events"));
      for (const listener of [here, there]) {
        if (!listener) continue;
        await vi.waitFor(() => expect(listener.payloads).toContain("events"), { timeout: ACROSS_INSTANCES_MS, interval: 10 });
        expect(listener.payloads).not.toContain("surveys");
      }
      expect(local).not.toContain("surveys");
      expect(local).toContain("events");
    } finally {
      await stopLocal();
      await here.stop();
      await there?.stop();
    }
  });

  it.runIf(onPostgres)("after the LISTEN connection is lost, listens again and calls every topic", async () => {
    const called: ChangeTopic[] = [];
    const stop = await listenForChanges(other!, (topic) => called.push(topic));
    try {
      const terminated = await queryRows<{ pid: number }>(
        database.db,
        sql`select pg_terminate_backend(pid), pid from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid() and query ilike 'listen%'`,
      );
      expect(terminated.length).toBeGreaterThan(0);
      // Nothing was announced: every topic is called because something may have been missed.
      await vi.waitFor(() => expect(new Set(called)).toEqual(new Set(CHANGE_TOPICS)), { timeout: 10_000, interval: 20 });
      // And the new connection hears what is announced from now on, by another instance.
      called.length = 0;
      await database.db.execute(sql`select pg_notify(${CHANGES_CHANNEL}, 'draft')`);
      await vi.waitFor(() => expect(called).toContain("draft"), { timeout: ACROSS_INSTANCES_MS, interval: 10 });
    } finally {
      await stop();
    }
  });
});
