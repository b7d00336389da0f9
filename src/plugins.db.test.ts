import { describe, expect, it, vi } from "vitest";
import type { Database } from "#src/db/client.ts";
import { testApp } from "#test/helpers/app.ts";
import { openTestDatabase } from "#test/helpers/db.ts";

// What happens, in order, while an app starts and stops: the job runner is observed through its
// start and stop, the database through its close.
const { events } = vi.hoisted(() => ({ events: [] as string[] }));
vi.mock("#src/publishing/jobs.ts", async (importOriginal) => {
  const jobs = await importOriginal<typeof import("#src/publishing/jobs.ts")>();
  return {
    ...jobs,
    startJobRunner: (...args: Parameters<typeof jobs.startJobRunner>) => {
      const stop = jobs.startJobRunner(...args);
      events.push("jobs started");
      return async () => {
        await stop();
        events.push("jobs stopped");
      };
    },
  };
});

const watched = (database: Database): Database => ({
  ...database,
  close: async () => {
    events.push("database closed");
    await database.close();
  },
});

describe("the app's infrastructure", () => {
  it("stops in order when the app closes: the HTTP server, the background work, then the database it owns", async () => {
    events.length = 0;
    const database = await openTestDatabase();
    const app = await testApp(watched(database), { ownsDatabase: true, background: true });
    await app.listen({ port: 0, host: "127.0.0.1" });
    app.server.on("close", () => events.push("http closed"));
    await app.editionCache.lookup("report:any", async () => "found");
    expect(app.editionCache.usage().lookups.entries).toBe(1);
    expect(events).toEqual(["jobs started"]);

    await app.close();
    expect(events).toEqual(["jobs started", "http closed", "jobs stopped", "database closed"]);
    expect(app.editionCache.usage().lookups.entries).toBe(0);
    await expect(database.ping()).rejects.toThrow();
  });

  it("leaves a database it was given open, and runs no background work unless asked", async () => {
    events.length = 0;
    const database = await openTestDatabase();
    const app = await testApp(watched(database));
    await app.ready();
    await app.close();
    expect(events).toEqual([]);
    await expect(database.ping()).resolves.toBeUndefined();
    await database.close();
  });
});
