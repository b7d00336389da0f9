import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bytea, inList, tsvector } from "#src/db/schema/checks.ts";
import { organizations, users } from "#src/db/schema/members.ts";
import { reports, technologies } from "#src/db/schema/reports.ts";
import { CASE_STUDY_STATES, RETIRE_REASONS, STAGES, type CaseStudyFields } from "#src/domain/case-studies.ts";
import type { WordPreview } from "#src/domain/case-study-imports.ts";

/**
 * Evidence an organization sends in. The words live in versions; the columns here repeat the
 * current version's title, summary, stage and year so lists, facets and search need no join.
 */
export const caseStudies = pgTable(
  "case_studies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** What `:case-study[...]{ref=…}` and public URLs use. */
    slug: text("slug").notNull(),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id),
    state: text("state", { enum: CASE_STUDY_STATES }).notNull().default("draft"),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    stage: text("stage", { enum: STAGES }),
    /** The year the project started, else the year it was submitted: the library's "year" facet. */
    year: integer("year"),
    language: text("language").notNull(),
    currentVersionId: bigint("current_version_id", { mode: "number" }),
    /** The version first submitted: what "changes since submission" compares against. */
    submittedVersionId: bigint("submitted_version_id", { mode: "number" }),
    /** The last message from the secretariat (changes requested, retirement note). */
    stateMessage: text("state_message"),
    retiredReason: text("retired_reason", { enum: RETIRE_REASONS }),
    supersededById: uuid("superseded_by_id"),
    search: tsvector("search"),
    createdBy: uuid("created_by").references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("case_studies_slug_key").on(t.slug),
    index("case_studies_state_idx").on(t.state, t.publishedAt),
    index("case_studies_organization_idx").on(t.organizationId),
    index("case_studies_search_idx").using("gin", t.search),
    index("case_studies_title_trgm_idx").using("gin", sql`${t.title} gin_trgm_ops`),
    check("case_studies_state_check", inList("state", CASE_STUDY_STATES)),
    check("case_studies_stage_check", inList("stage", STAGES)),
    check("case_studies_retired_reason_check", inList("retired_reason", RETIRE_REASONS)),
  ],
);

/** An immutable version of a case study's content; editions pin one. */
export const caseStudyVersions = pgTable(
  "case_study_versions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    caseStudyId: uuid("case_study_id").notNull().references(() => caseStudies.id),
    number: integer("number").notNull(),
    fields: jsonb("fields").$type<CaseStudyFields>().notNull(),
    /** Why this version exists: "draft", "submission", "edit", "import". */
    note: text("note").notNull(),
    authorId: uuid("author_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("case_study_versions_number_key").on(t.caseStudyId, t.number)],
);

/** The current version's technologies, for facets. */
export const caseStudyTechnologies = pgTable(
  "case_study_technologies",
  {
    caseStudyId: uuid("case_study_id").notNull().references(() => caseStudies.id),
    technologyId: uuid("technology_id").notNull().references(() => technologies.id),
  },
  (t) => [primaryKey({ columns: [t.caseStudyId, t.technologyId] }), index("case_study_technologies_technology_idx").on(t.technologyId)],
);

export const FILE_KINDS = ["original", "attachment"] as const;

/** Files sent with a case study: the Word original (kept forever) and attachments. */
export const caseStudyFiles = pgTable(
  "case_study_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseStudyId: uuid("case_study_id").notNull().references(() => caseStudies.id),
    kind: text("kind", { enum: FILE_KINDS }).notNull(),
    filename: text("filename").notNull(),
    /** Decided from the content, never from the name. */
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    data: bytea("data").notNull(),
    /** Removed attachments disappear from the case study; originals are never removed. */
    removedAt: timestamp("removed_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_study_files_case_study_idx").on(t.caseStudyId), check("case_study_files_kind_check", inList("kind", FILE_KINDS))],
);

/** Each move between states, with the message that went with it: what the organization is shown. */
export const caseStudyEvents = pgTable(
  "case_study_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    caseStudyId: uuid("case_study_id").notNull().references(() => caseStudies.id),
    fromState: text("from_state"),
    toState: text("to_state").notNull(),
    message: text("message"),
    actorId: uuid("actor_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_study_events_case_study_idx").on(t.caseStudyId, t.id)],
);

/** The case studies the next edition of a report will annex, in order. */
export const reportAnnex = pgTable(
  "report_annex",
  {
    reportId: uuid("report_id").notNull().references(() => reports.id),
    caseStudyId: uuid("case_study_id").notNull().references(() => caseStudies.id),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.caseStudyId] })],
);


/**
 * A Word import waiting for its review: the uploaded file and what it would make. Nothing becomes
 * a case study until the person confirms; unconfirmed imports are purged after a week.
 */
export const caseStudyImports = pgTable(
  "case_study_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    /** The organization the case study will be of (null: the importer's own). */
    organizationId: uuid("organization_id").references(() => organizations.id),
    filename: text("filename").notNull(),
    data: bytea("data").notNull(),
    /** The language of the page the import was made from. */
    language: text("language").notNull(),
    preview: jsonb("preview").$type<WordPreview>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_study_imports_created_by_idx").on(t.createdBy, t.createdAt)],
);
