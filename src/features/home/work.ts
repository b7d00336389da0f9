import type { Db } from "#src/db/client.ts";
import type { CaseStudyState } from "#src/domain/case-studies.ts";
import { reportTitle, type Language } from "#src/domain/languages.ts";
import { roleAtLeast } from "#src/domain/members.ts";
import { listForEditors, listForOrganization, stateMessagesFor, type CaseStudyListRow } from "#src/features/case-studies/repository.ts";
import { listReports } from "#src/features/catalog/repository.ts";
import { countFailedMail } from "#src/features/mail/repository.ts";
import { listNotifications, type NotificationRow } from "#src/features/notifications/repository.ts";
import { commentCountsOf, openRoundsFor, openRoundsWithCounts, proposalsWithReports } from "#src/features/reviews/repository.ts";
import { openSurveysWithCounts, surveysFor } from "#src/features/surveys/repository.ts";

// What a person has to do, gathered from every feature that gives them some: "My work" for a
// member (home/member.ts shows it), the secretariat's work page for editors and administrators.

/** Today in UTC as an ISO day: closing dates are days, and so is "closes in 3 days". */
export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);

/** Whole days from `today` to a closing day (both ISO): 0 on the day itself, negative once past. */
export const daysLeft = (closesOn: string, today: string) => Math.round((Date.parse(`${closesOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);

/** The order case studies are grouped in on "My work": what needs the member first. */
export const WORK_STATES: readonly CaseStudyState[] = ["changes_requested", "draft", "submitted", "in_review", "accepted", "published", "retired"];

/** Newest first, unread before read: what the notifications panel lists. */
const unreadFirst = (rows: NotificationRow[]) => [...rows].sort((a, b) => Number(Boolean(a.readAt)) - Number(Boolean(b.readAt)));

export type SurveyWork = { id: string; title: string; year: number; answer: "notStarted" | "draft" | "submitted"; open: boolean; closesOn: string | null; daysLeft: number | null };
export type RoundWork = { id: string; title: string; closesOn: string; daysLeft: number; comments: number };
export type CaseStudyGroup = { state: CaseStudyState; rows: (CaseStudyListRow & { message: string | null })[] };
export type ProposalWork = Awaited<ReturnType<typeof proposalsWithReports>>[number];

export type MemberWork = {
  surveys: SurveyWork[];
  rounds: RoundWork[];
  caseStudies: CaseStudyGroup[];
  /** Reports whose topic proposals the member can join. */
  reports: { slug: string; title: string }[];
  proposals: ProposalWork[];
  notifications: NotificationRow[];
};

/**
 * A member's work, in the order they have to do it: open surveys (soonest closing first, then
 * those already closed), open review rounds with their organization's comments, the
 * organization's case studies by state (changes requested first, with the secretariat's
 * message), the reports they can propose topics to and their organization's proposals, then
 * their notifications, unread first.
 */
export async function memberWork(db: Db, user: { id: string; organizationId: string | null }, lang: Language, today = todayUtc()): Promise<MemberWork> {
  const orgId = user.organizationId;
  const [surveys, rows, messages, rounds, reports, proposals, notifications] = await Promise.all([
    orgId ? surveysFor(db, orgId) : Promise.resolve([]),
    orgId ? listForOrganization(db, orgId) : Promise.resolve([]),
    orgId ? stateMessagesFor(db, orgId) : Promise.resolve(new Map<string, string>()),
    orgId ? openRoundsFor(db, orgId) : Promise.resolve([]),
    listReports(db),
    orgId ? proposalsWithReports(db, { organizationId: orgId }) : Promise.resolve([]),
    listNotifications(db, user.id, { limit: 10 }),
  ]);
  const comments = orgId ? await commentCountsOf(db, orgId, rounds.map((r) => r.id)) : new Map<string, number>();
  const surveyWork = surveys
    .map((s): SurveyWork => {
      // The closing day is when answers are due: a survey takes answers until the secretariat closes it.
      const open = s.survey.status === "open";
      return {
        id: s.survey.id,
        title: s.survey.titles[lang] || s.survey.titles.en,
        year: s.survey.year,
        answer: s.status === "submitted" ? "submitted" : s.status === "draft" ? "draft" : "notStarted",
        open,
        closesOn: s.survey.closesOn,
        daysLeft: s.survey.closesOn ? daysLeft(s.survey.closesOn, today) : null,
      };
    })
    // Open ones first, the soonest closing first (no closing date last); then closed ones, as listed.
    .sort((a, b) => Number(b.open) - Number(a.open) || (a.open ? (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) : 0));
  return {
    surveys: surveyWork,
    rounds: rounds.map((r) => ({ ...r, daysLeft: daysLeft(r.closesOn, today), comments: comments.get(r.id) ?? 0 })),
    caseStudies: WORK_STATES.map((state) => ({ state, rows: rows.filter((r) => r.state === state).map((r) => ({ ...r, message: state === "changes_requested" ? (messages.get(r.id) ?? null) : null })) })).filter((g) => g.rows.length > 0),
    reports: reports.map((r) => ({ slug: r.slug, title: reportTitle(r, lang) })),
    proposals,
    notifications: unreadFirst(notifications),
  };
}

export type SecretariatWork = {
  caseStudies: CaseStudyListRow[];
  rounds: (Awaited<ReturnType<typeof openRoundsWithCounts>>[number] & { daysLeft: number })[];
  surveys: (Awaited<ReturnType<typeof openSurveysWithCounts>>[number] & { daysLeft: number | null })[];
  proposals: ProposalWork[];
  /** Administrators only: messages the outbox gave up on. */
  failedMail: number | null;
  notifications: NotificationRow[];
};

/**
 * The secretariat's work: case studies waiting for moderation (oldest submission first), open
 * review rounds with the comments still without a disposition, open surveys with responses
 * received out of invited, topic proposals awaiting a decision, for administrators the failed
 * mail, and the person's notifications.
 */
export async function secretariatWork(db: Db, user: { id: string; role: Parameters<typeof roleAtLeast>[0] }, today = todayUtc()): Promise<SecretariatWork> {
  const [caseStudies, rounds, surveys, proposals, failedMail, notifications] = await Promise.all([
    listForEditors(db, ["submitted", "in_review"]),
    openRoundsWithCounts(db),
    openSurveysWithCounts(db),
    proposalsWithReports(db, { status: "open" }),
    roleAtLeast(user.role, "admin") ? countFailedMail(db) : Promise.resolve(null),
    listNotifications(db, user.id, { limit: 10 }),
  ]);
  return {
    caseStudies,
    rounds: rounds.map((r) => ({ ...r, daysLeft: daysLeft(r.closesOn, today) })),
    surveys: surveys.map((s) => ({ ...s, daysLeft: s.closesOn ? daysLeft(s.closesOn, today) : null })),
    // Waiting longest first (the repository orders open proposals so).
    proposals,
    failedMail,
    notifications: unreadFirst(notifications),
  };
}
