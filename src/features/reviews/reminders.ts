import { transaction, type Db } from "#src/db/client.ts";
import { REMINDER_DAYS } from "#src/domain/notifications.ts";
import { notifyOrganizations } from "#src/features/notifications/notify.ts";
import * as repo from "#src/features/reviews/repository.ts";

// Reminders before a review round closes, queued by the notification schedule.

const DAY_MS = 24 * 3600 * 1000;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Reminds every invited organization of each open round closing within REMINDER_DAYS days (UTC;
 * today included, past days not). Every one of them, commented or not: a round asks for a reading
 * of the whole text, and one comment does not mean an organization has finished it. The key names
 * the closing day, so each person gets one reminder per closing day however often this runs. Each
 * round in its own transaction, its row locked so that a round closed meanwhile reminds nobody.
 * Returns how many rounds were looked at.
 */
export async function queueReviewReminders(db: Db, now: Date): Promise<number> {
  const today = isoDay(now);
  const last = isoDay(new Date(now.getTime() + REMINDER_DAYS * DAY_MS));
  const due = await repo.openRoundsClosingBetween(db, today, last);
  for (const { id } of due) {
    await transaction(db, async (tx) => {
      const round = await repo.lockRound(tx, id);
      if (!round || round.status !== "open" || round.closesOn < today || round.closesOn > last) return;
      await notifyOrganizations(tx, await repo.invitedOrganizationIds(tx, id), {
        kind: "review_reminder",
        eventKey: `round:${id}:reminder:${round.closesOn}`,
        messageKey: "notify.review.reminder",
        params: { round: round.title, date: round.closesOn },
        href: `/reviews/${id}`,
      });
    });
  }
  return due.length;
}
