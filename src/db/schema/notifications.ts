import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { inList } from "#src/db/schema/checks.ts";
import { users } from "#src/db/schema/members.ts";
import { reports } from "#src/db/schema/reports.ts";
import { LANGUAGES, type LocalizedText } from "#src/domain/languages.ts";
import {
  ACCOUNT_TOKEN_PURPOSES,
  DELIVERY_MODES,
  MAIL_STATUSES,
  NOTIFICATION_KINDS,
  NOTIFICATION_MAIL_STATES,
  type NotificationKind,
} from "#src/domain/notifications.ts";

/** Messages for one person inside the app ("your case study was accepted"), listed in the notification centre. */
export const notifications = pgTable(
  "notifications",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid("user_id").notNull().references(() => users.id),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).$type<NotificationKind>().notNull(),
    /** What caused it ("survey:<id>:invitation"); one notification per person and event. */
    eventKey: text("event_key"),
    /**
     * A message key and its parameters, so it shows in the reader's language: a parameter is a
     * string, or a text per language ({en, fr, es}) shown in the reader's; `date` holds an ISO day.
     */
    messageKey: text("message_key").notNull(),
    params: jsonb("params").$type<Record<string, string | Partial<LocalizedText>>>().notNull().default({}),
    href: text("href").notNull(),
    mailState: text("mail_state", { enum: NOTIFICATION_MAIL_STATES }).notNull().default("none"),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.id),
    uniqueIndex("notifications_event_user_key").on(t.eventKey, t.userId),
    index("notifications_digest_idx").on(t.mailState, t.userId),
    check("notifications_kind_check", inList("kind", NOTIFICATION_KINDS)),
    check("notifications_mail_state_check", inList("mail_state", NOTIFICATION_MAIL_STATES)),
  ],
);

/** How one person wants one kind of notification mailed; no row means immediately. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid("user_id").notNull().references(() => users.id),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).$type<NotificationKind>().notNull(),
    mode: text("mode", { enum: DELIVERY_MODES }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind] }),
    check("notification_preferences_kind_check", inList("kind", NOTIFICATION_KINDS)),
    check("notification_preferences_mode_check", inList("mode", DELIVERY_MODES)),
  ],
);

/** One-time links (an invitation, a password reset): only the SHA-256 of the token is kept. */
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id),
    purpose: text("purpose", { enum: ACCOUNT_TOKEN_PURPOSES }).notNull(),
    tokenHash: text("token_hash").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("account_tokens_hash_key").on(t.tokenHash),
    index("account_tokens_user_idx").on(t.userId, t.purpose),
    check("account_tokens_purpose_check", inList("purpose", ACCOUNT_TOKEN_PURPOSES)),
  ],
);

/**
 * The transactional outbox: a message is written in the transaction of the event that causes it,
 * then sent by the mail sender. One message per event and recipient, ever.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** What caused it ("invitation:<token id>", "notification:<notification id>", "digest:<user>:<day>"). */
    eventKey: text("event_key").notNull(),
    /** The address, lower-cased. */
    recipient: text("recipient").notNull(),
    userId: uuid("user_id").references(() => users.id),
    language: text("language", { enum: LANGUAGES }).notNull(),
    /** The template ("invitation", "reset", "notification", "digest", "subscription_confirm", "edition"). */
    template: text("template").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    /**
     * The one-time link the message carries (an invitation, a reset), whose token is made by the
     * sender when it sends and only its hash stored: the outbox never holds a usable link. The
     * bodies hold the placeholder %%LINK%% in its place.
     */
    accountTokenId: uuid("account_token_id").references(() => accountTokens.id),
    /**
     * What the message's unsubscribe link ends ("user:<id>:<kind>", "digest:<user id>" for every
     * kind a daily digest gathers, "subscription:<id>"): the
     * sender signs it into the List-Unsubscribe headers and the %%UNSUBSCRIBE%% placeholder.
     */
    unsubscribe: text("unsubscribe"),
    /** The Message-ID, fixed at enqueue time: a message sent again after a crash carries the same one. */
    messageId: text("message_id").notNull(),
    status: text("status", { enum: MAIL_STATUSES }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    runAfter: timestamp("run_after", { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("mail_outbox_event_recipient_key").on(t.eventKey, t.recipient),
    index("mail_outbox_queue_idx").on(t.status, t.runAfter),
    index("mail_outbox_created_idx").on(t.createdAt),
    check("mail_outbox_status_check", inList("status", MAIL_STATUSES)),
  ],
);

/**
 * A reader's subscription to a report's new editions, by address alone. It counts once confirmed
 * (double opt-in) and until ended; links carry an HMAC of the id, so no token is stored.
 */
export const subscriptions = pgTable(
  "subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id").notNull().references(() => reports.id),
    email: text("email").notNull(),
    language: text("language", { enum: LANGUAGES }).notNull(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("subscriptions_report_email_key").on(t.reportId, t.email),
    check("subscriptions_email_lower_check", sql`${t.email} = lower(${t.email})`),
    check("subscriptions_language_check", inList("language", LANGUAGES)),
  ],
);
