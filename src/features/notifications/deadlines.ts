import { transaction, type Db } from "#src/db/client.ts";
import { REMINDER_DAYS } from "#src/domain/notifications.ts";

// The calendar of reminders: which closing days are near enough to remind of, by UTC day.

export const DAY_MS = 24 * 3600 * 1000;

/** The UTC day of an instant, as an ISO date ("2031-05-04"). */
export const isoDay = (at: Date): string => at.toISOString().slice(0, 10);

/** The closing days a reminder is due for at `now`: from today to REMINDER_DAYS days ahead, both included. */
export const reminderWindow = (now: Date): { from: string; to: string } => ({ from: isoDay(now), to: isoDay(new Date(now.getTime() + REMINDER_DAYS * DAY_MS)) });

/** Whether something closing on `closesOn` is due for its reminder at `now` (a past day is not). */
export function dueForReminder(closesOn: string | null | undefined, now: Date): closesOn is string {
  const { from, to } = reminderWindow(now);
  return Boolean(closesOn) && closesOn! >= from && closesOn! <= to;
}

/**
 * Runs `each` for every id, each in its own transaction: one survey or round is locked and told at
 * a time, and what earlier ones told stays written if a later one fails. Returns how many ids.
 */
export async function eachInItsTransaction(db: Db, ids: readonly string[], each: (tx: Db, id: string) => Promise<unknown>): Promise<number> {
  for (const id of ids) await transaction(db, (tx) => each(tx, id));
  return ids.length;
}
