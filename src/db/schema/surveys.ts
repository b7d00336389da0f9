import { bigint, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { inList } from "#src/db/schema/checks.ts";
import { organizations, users } from "#src/db/schema/members.ts";
import type { LocalizedText } from "#src/domain/languages.ts";
import { RESPONSE_STATUSES, SURVEY_STATUSES, type Answers, type Definition } from "#src/domain/surveys.ts";

/** A questionnaire sent to organizations; its questions live in versions. */
export const surveys = pgTable(
  "surveys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    titles: jsonb("titles").$type<LocalizedText>().notNull(),
    intro: jsonb("intro").$type<Partial<LocalizedText>>().notNull().default({}),
    year: integer("year").notNull(),
    /** Surveys of the same kind are compared over time (the technology radar's movement). */
    kind: text("kind").notNull().default("general"),
    status: text("status", { enum: SURVEY_STATUSES }).notNull().default("draft"),
    currentVersionId: bigint("current_version_id", { mode: "number" }),
    /** Groups of fewer organizations are hidden from public results. */
    minGroup: integer("min_group").notNull().default(5),
    /** The day answers are due; invited organizations get a reminder a few days before. */
    closesOn: date("closes_on"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("surveys_slug_key").on(t.slug), check("surveys_status_check", inList("status", SURVEY_STATUSES))],
);

/** A question set; once answers point at a version it never changes, edits make the next one. */
export const surveyVersions = pgTable(
  "survey_versions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    surveyId: uuid("survey_id").notNull().references(() => surveys.id),
    number: integer("number").notNull(),
    definition: jsonb("definition").$type<Definition>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("survey_versions_number_key").on(t.surveyId, t.number)],
);

export const surveyInvitations = pgTable(
  "survey_invitations",
  {
    surveyId: uuid("survey_id").notNull().references(() => surveys.id),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id),
    invitedAt: timestamp("invited_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.organizationId] })],
);

/** One organization's answers to a survey, worked on by its people, locked once submitted. */
export const surveyResponses = pgTable(
  "survey_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    surveyId: uuid("survey_id").notNull().references(() => surveys.id),
    organizationId: uuid("organization_id").notNull().references(() => organizations.id),
    versionId: bigint("version_id", { mode: "number" }).notNull().references(() => surveyVersions.id),
    answers: jsonb("answers").$type<Answers>().notNull().default({}),
    status: text("status", { enum: RESPONSE_STATUSES }).notNull().default("draft"),
    /** "form" or "import" (with the file's name). */
    source: text("source").notNull().default("form"),
    updatedBy: uuid("updated_by").references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("survey_responses_org_key").on(t.surveyId, t.organizationId), index("survey_responses_survey_idx").on(t.surveyId), check("survey_responses_status_check", inList("status", RESPONSE_STATUSES))],
);

/** A chart computed from survey results: a saved query and a chart kind, with its words. */
export const figures = pgTable(
  "figures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** What `::figure{ref=…}` uses. */
    slug: text("slug").notNull(),
    surveyId: uuid("survey_id").notNull().references(() => surveys.id),
    query: jsonb("query").$type<Record<string, unknown>>().notNull(),
    chart: text("chart").notNull(),
    titles: jsonb("titles").$type<LocalizedText>().notNull(),
    captions: jsonb("captions").$type<Partial<LocalizedText>>().notNull().default({}),
    alts: jsonb("alts").$type<Partial<LocalizedText>>().notNull().default({}),
    source: text("source"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("figures_slug_key").on(t.slug)],
);
