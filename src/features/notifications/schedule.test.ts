import { describe, expect, it } from "vitest";
import type { Db } from "#src/db/client.ts";
import { startNotificationSchedule } from "#src/features/notifications/schedule.ts";

const db = {} as Db;
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("startNotificationSchedule", () => {
  it("runs every task at once and then on each beat, a failing one reported without stopping the others", async () => {
    const runs: string[] = [];
    const errors: unknown[] = [];
    const stop = startNotificationSchedule(
      db,
      [
        async () => {
          runs.push("first");
          throw new Error("no database");
        },
        async (_db, now) => {
          expect(now).toBeInstanceOf(Date);
          runs.push("second");
        },
      ],
      (err) => errors.push(err),
      40,
    );
    await tick(10);
    expect(runs).toEqual(["first", "second"]);
    await tick(200);
    await stop();
    const count = runs.length;
    expect(count).toBeGreaterThanOrEqual(4);
    expect(errors).toHaveLength(count / 2);
    await tick(100);
    expect(runs).toHaveLength(count);
  });

  it("never overlaps runs, and stopping waits for the run in hand", async () => {
    let active = 0;
    let most = 0;
    let finished = 0;
    const stop = startNotificationSchedule(
      db,
      [
        async () => {
          active++;
          most = Math.max(most, active);
          await tick(60);
          active--;
          finished++;
        },
      ],
      () => undefined,
      10,
    );
    await tick(30);
    await stop();
    expect(active).toBe(0);
    expect(most).toBe(1);
    expect(finished).toBe(1);
  });
});
