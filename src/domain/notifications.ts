// Vocabulary of what reaches people: notification kinds, how each is delivered, the outbox's states.

/**
 * What a person can be told about. Each kind is listed in the notification centre, mailed as its
 * recipient chose (immediately, in a daily digest, or not at all) and can be turned off from the
 * mail itself (List-Unsubscribe).
 */
export const NOTIFICATION_KINDS = [
  "survey_invitation",
  "survey_reminder",
  "survey_closed",
  "review_opened",
  "review_reminder",
  "comment_disposed",
  "case_study_moderated",
  "proposal_decided",
  "edition_published",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const isNotificationKind = (v: unknown): v is NotificationKind => NOTIFICATION_KINDS.includes(v as NotificationKind);

/** How a kind of notification is mailed to one person; without a choice, immediately. */
export const DELIVERY_MODES = ["immediately", "digest", "off"] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];
export const DEFAULT_DELIVERY: DeliveryMode = "immediately";

/**
 * Whether a notification still has to go out by mail: "none" (in the centre only: mailed at once,
 * or the person turned the kind off), "digest" (waits for the person's next daily digest),
 * "digested" (was in one).
 */
export const NOTIFICATION_MAIL_STATES = ["none", "digest", "digested"] as const;
export type NotificationMailState = (typeof NOTIFICATION_MAIL_STATES)[number];

/**
 * A message in the outbox: "queued" (waits for the sender), "sending" (a sender holds its lease),
 * "sent", "failed" (for good, shown to administrators), "held" (no SMTP server is configured: it
 * stays readable by administrators, who may send it once one is), "cancelled" (its link was revoked or
 * its recipient deactivated before it went out: never sent).
 */
export const MAIL_STATUSES = ["queued", "sending", "sent", "failed", "held", "cancelled"] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** One-time links that act for a person: an invitation sets the first password, a reset a new one. */
export const ACCOUNT_TOKEN_PURPOSES = ["invitation", "reset"] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];
export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;
export const RESET_TTL_MS = 3600 * 1000;

/** Surveys and review rounds send their reminder this many days before they close. */
export const REMINDER_DAYS = 3;
