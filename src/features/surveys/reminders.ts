import { transaction, type Db } from "#src/db/client.ts";
import { REMINDER_DAYS } from "#src/domain/notifications.ts";
import { notifyOrganizations } from "#src/features/notifications/notify.ts";
import * as repo from "#src/features/surveys/repository.ts";

// Reminders before a survey closes, queued by the notification schedule.

const DAY_MS = 24 * 3600 * 1000;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Reminds the invited organizations that have not submitted of every open survey closing within
 * REMINDER_DAYS days (UTC; today included, past days not). Each reminder's key names the closing
 * day, so each person gets one per closing day however often this runs, and a survey given a new
 * closing day reminds again. Each survey in its own transaction, its row locked so that a survey
 * closed meanwhile reminds nobody. Returns how many surveys were looked at.
 */
export async function queueSurveyReminders(db: Db, now: Date): Promise<number> {
  const today = isoDay(now);
  const last = isoDay(new Date(now.getTime() + REMINDER_DAYS * DAY_MS));
  const due = await repo.openSurveysClosingBetween(db, today, last);
  for (const { id } of due) {
    await transaction(db, async (tx) => {
      const survey = await repo.lockSurvey(tx, id);
      if (!survey?.closesOn || survey.status !== "open" || survey.closesOn < today || survey.closesOn > last) return;
      const organizationIds = await repo.organizationsYetToSubmit(tx, id);
      await notifyOrganizations(tx, organizationIds, {
        kind: "survey_reminder",
        eventKey: `survey:${id}:reminder:${survey.closesOn}`,
        messageKey: "notify.survey.reminder",
        params: { survey: survey.titles, date: survey.closesOn },
        href: `/member/surveys/${id}`,
      });
    });
  }
  return due.length;
}
