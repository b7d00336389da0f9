import type { Db } from "#src/db/client.ts";

/** Work that looks at the clock: daily digests, reminders before a survey or a review round closes. */
export type ScheduledTask = (db: Db, now: Date) => Promise<unknown>;

export const SCHEDULE_EVERY_MS = 5 * 60 * 1000;

/**
 * Runs every task now and then every `everyMs`, one run at a time (a run still going when the next
 * is due makes that one skip), each task on its own so that one failing (reported to `onError`)
 * does not keep the others from running. Each task is idempotent by its event keys, so several
 * instances running the schedule side by side, or a restart, send nothing twice. The returned
 * function stops the schedule and waits for the run in hand.
 */
export function startNotificationSchedule(db: Db, tasks: ScheduledTask[], onError: (err: unknown) => void, everyMs = SCHEDULE_EVERY_MS): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> | undefined;
  const run = () => {
    if (stopped || running) return;
    running = (async () => {
      const now = new Date();
      for (const task of tasks) {
        if (stopped) break;
        try {
          await task(db, now);
        } catch (err) {
          onError(err);
        }
      }
    })().finally(() => {
      running = undefined;
    });
  };
  const timer = setInterval(run, everyMs);
  timer.unref();
  run();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
