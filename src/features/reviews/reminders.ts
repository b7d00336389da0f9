import type { Db } from "#src/db/client.ts";
import { dueForReminder, eachInItsTransaction, isoDay, reminderWindow } from "#src/features/notifications/deadlines.ts";
import { notifyOrganizations, type Notice } from "#src/features/notifications/notify.ts";
import * as repo from "#src/features/reviews/repository.ts";

// What the notification schedule tells about review rounds: their opening day, and their closing
// day coming near.

/** What invited organizations are told when a round opens, or when they are invited to one open already (one key: told once). */
export const openedNotice = (round: repo.RoundRow): Notice => ({
  kind: "review_opened",
  eventKey: `round:${round.id}:opened`,
  messageKey: "notify.review.opened",
  params: { round: round.title, date: round.closesOn },
  href: `/reviews/${round.id}`,
});

/** Whether a round takes comments on this day (its opening day reached, its closing day not passed). */
export const roundRunningOn = (round: Pick<repo.RoundRow, "status" | "opensOn" | "closesOn">, day: string) => round.status === "open" && round.opensOn <= day && day <= round.closesOn;

/**
 * Tells the invited organizations of every round taking comments today that it is open: a round
 * created or joined before its opening day is told of on that day, not before (comments are
 * refused until then). Those told already, when it was created or they were invited, are not told
 * again (the same key); a person who joined an invited organization since is. The one who created
 * the round is not told of their own round. Returns how many rounds were looked at.
 */
export async function queueReviewOpenings(db: Db, now: Date): Promise<number> {
  const today = isoDay(now);
  const running = await repo.openRoundsRunningOn(db, today);
  return eachInItsTransaction(
    db,
    running.map((r) => r.id),
    async (tx, id) => {
      const round = await repo.lockRound(tx, id);
      if (!round || !roundRunningOn(round, today)) return;
      await notifyOrganizations(tx, await repo.invitedOrganizationIds(tx, id), openedNotice(round), { exceptUserId: round.createdBy });
    },
  );
}

/**
 * Reminds every invited organization of each open round closing within REMINDER_DAYS days (UTC;
 * today included, past days not). Every one of them, commented or not: a round asks for a reading
 * of the whole text, and one comment does not mean an organization has finished it. The key names
 * the closing day, so each person gets one reminder per closing day however often this runs. Each
 * round in its own transaction, its row locked so that a round closed meanwhile reminds nobody.
 * Returns how many rounds were looked at.
 */
export async function queueReviewReminders(db: Db, now: Date): Promise<number> {
  const { from, to } = reminderWindow(now);
  const due = await repo.openRoundsClosingBetween(db, from, to);
  return eachInItsTransaction(
    db,
    due.map((r) => r.id),
    async (tx, id) => {
      const round = await repo.lockRound(tx, id);
      if (!round || round.status !== "open" || !dueForReminder(round.closesOn, now)) return;
      await notifyOrganizations(tx, await repo.invitedOrganizationIds(tx, id), {
        kind: "review_reminder",
        eventKey: `round:${id}:reminder:${round.closesOn}`,
        messageKey: "notify.review.reminder",
        params: { round: round.title, date: round.closesOn },
        href: `/reviews/${id}`,
      });
    },
  );
}
