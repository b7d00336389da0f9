import type { Db } from "#src/db/client.ts";
import { dueForReminder, eachInItsTransaction, reminderWindow } from "#src/features/notifications/deadlines.ts";
import { notifyOrganizations } from "#src/features/notifications/notify.ts";
import * as repo from "#src/features/surveys/repository.ts";

// Reminders before a survey closes, queued by the notification schedule.

/**
 * Reminds the invited organizations that have not submitted of every open survey closing within
 * REMINDER_DAYS days (UTC; today included, past days not). Each reminder's key names the closing
 * day, so each person gets one per closing day however often this runs, and a survey given a new
 * closing day reminds again. Each survey in its own transaction, its row locked so that a survey
 * closed meanwhile reminds nobody. Returns how many surveys were looked at.
 */
export async function queueSurveyReminders(db: Db, now: Date): Promise<number> {
  const { from, to } = reminderWindow(now);
  const due = await repo.openSurveysClosingBetween(db, from, to);
  return eachInItsTransaction(
    db,
    due.map((s) => s.id),
    async (tx, id) => {
      const survey = await repo.lockSurvey(tx, id);
      if (!survey || survey.status !== "open" || !dueForReminder(survey.closesOn, now)) return;
      await notifyOrganizations(tx, await repo.organizationsYetToSubmit(tx, id), {
        kind: "survey_reminder",
        eventKey: `survey:${id}:reminder:${survey.closesOn}`,
        messageKey: "notify.survey.reminder",
        params: { survey: survey.titles, date: survey.closesOn },
        href: `/member/surveys/${id}`,
      });
    },
  );
}
