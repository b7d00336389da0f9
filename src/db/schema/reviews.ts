import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bytea, inList } from "#src/db/schema/checks.ts";
import { editions } from "#src/db/schema/editions.ts";
import { organizations, users } from "#src/db/schema/members.ts";
import { chapters, reports, sectionRevisions, sections } from "#src/db/schema/reports.ts";
import { DISPOSITIONS, PROPOSAL_STATUSES, ROUND_STATUSES, ROUND_VISIBILITIES } from "#src/domain/reviews.ts";
import { COMMENT_ORIGINS, REVIEW_IMPORT_STATUSES, type ReviewImportPreview, type Suggestion } from "#src/domain/review-suggestions.ts";

/** A comment period on the living draft or on an unpublished edition. */
export const reviewRounds = pgTable(
  "review_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id").notNull().references(() => reports.id),
    /** Null: the living draft. */
    editionId: uuid("edition_id").references(() => editions.id),
    title: text("title").notNull(),
    opensOn: date("opens_on").notNull(),
    closesOn: date("closes_on").notNull(),
    status: text("status", { enum: ROUND_STATUSES }).notNull().default("open"),
    visibility: text("visibility", { enum: ROUND_VISIBILITIES }).notNull().default("secretariat"),
    instructions: text("instructions").notNull().default(""),
    /** Set when an editor closed the round while comments still lacked a disposition. */
    closedWithOpenComments: boolean("closed_with_open_comments").notNull().default(false),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("review_rounds_report_idx").on(t.reportId),
    check("review_rounds_status_check", inList("status", ROUND_STATUSES)),
    check("review_rounds_visibility_check", inList("visibility", ROUND_VISIBILITIES)),
    check("review_rounds_dates_check", sql`${t.closesOn} >= ${t.opensOn}`),
  ],
);

export const reviewInvitations = pgTable(
  "review_invitations",
  {
    roundId: uuid("round_id").notNull().references(() => reviewRounds.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.organizationId] })],
);

/**
 * A comment on a section, or a reply in its thread. The quoted passage is copied, so it stays
 * what the commenter saw even when the text changes. Top-level comments get a disposition.
 */
export const reviewComments = pgTable(
  "review_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id").notNull().references(() => reviewRounds.id),
    sectionId: uuid("section_id").notNull().references(() => sections.id),
    parentId: uuid("parent_id"),
    authorId: uuid("author_id").notNull().references(() => users.id),
    organizationId: uuid("organization_id").references(() => organizations.id),
    /** The section's revision the commenter was reading. */
    revisionId: bigint("revision_id", { mode: "number" }).references(() => sectionRevisions.id),
    quote: text("quote"),
    body: text("body").notNull(),
    disposition: text("disposition", { enum: DISPOSITIONS }),
    reason: text("reason"),
    /** The revision that applied the comment, when an editor links one. */
    appliedRevisionId: bigint("applied_revision_id", { mode: "number" }).references(() => sectionRevisions.id),
    disposedBy: uuid("disposed_by").references(() => users.id),
    disposedAt: timestamp("disposed_at", { withTimezone: true }),
    /** A proposed change to the text of `revisionId` (see domain/review-suggestions.ts); null for a plain comment. */
    suggestion: jsonb("suggestion").$type<Suggestion>(),
    origin: text("origin", { enum: COMMENT_ORIGINS }).notNull().default("web"),
    /** For a comment read from a Word file: the author the file named (kept as a note; the comment is the uploader's). */
    wordAuthor: text("word_author"),
    /** The uploaded file it was read from. */
    importId: uuid("import_id").references(() => reviewImports.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("review_comments_round_idx").on(t.roundId, t.createdAt),
    index("review_comments_section_idx").on(t.sectionId),
    check("review_comments_disposition_check", inList("disposition", DISPOSITIONS)),
    check("review_comments_reply_check", sql`${t.parentId} is null or ${t.disposition} is null`),
    check("review_comments_origin_check", inList("origin", COMMENT_ORIGINS)),
    check("review_comments_suggestion_check", sql`${t.parentId} is null or ${t.suggestion} is null`),
  ],
);

/**
 * A Word file uploaded to a round: kept as sent, with what it would create. Nothing becomes a
 * comment until the uploader confirms; the file stays once confirmed, as the record of what was sent.
 */
export const reviewImports = pgTable(
  "review_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => reviewRounds.id),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    /** The organization the comments will be attributed to: the uploader's. */
    organizationId: uuid("organization_id").references(() => organizations.id),
    filename: text("filename").notNull(),
    data: bytea("data").notNull(),
    preview: jsonb("preview").$type<ReviewImportPreview>().notNull(),
    status: text("status", { enum: REVIEW_IMPORT_STATUSES }).notNull().default("pending"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  },
  (t) => [index("review_imports_round_idx").on(t.roundId, t.createdBy, t.createdAt), check("review_imports_status_check", inList("status", REVIEW_IMPORT_STATUSES))],
);

/** A topic members suggest for the report. */
export const topicProposals = pgTable(
  "topic_proposals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id").notNull().references(() => reports.id),
    title: text("title").notNull(),
    rationale: text("rationale").notNull(),
    technologySlugs: jsonb("technology_slugs").$type<string[]>().notNull().default([]),
    organizationId: uuid("organization_id").references(() => organizations.id),
    authorId: uuid("author_id").notNull().references(() => users.id),
    status: text("status", { enum: PROPOSAL_STATUSES }).notNull().default("open"),
    decisionNote: text("decision_note"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    chapterId: uuid("chapter_id").references(() => chapters.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("topic_proposals_report_idx").on(t.reportId, t.createdAt), check("topic_proposals_status_check", inList("status", PROPOSAL_STATUSES))],
);

/** One endorsement per organization. */
export const topicEndorsements = pgTable(
  "topic_endorsements",
  {
    proposalId: uuid("proposal_id").notNull().references(() => topicProposals.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id),
    userId: uuid("user_id").notNull().references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.organizationId] })],
);

