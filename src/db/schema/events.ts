import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bytea, inList } from "#src/db/schema/checks.ts";
import { regions, users } from "#src/db/schema/members.ts";
import { reports, technologies } from "#src/db/schema/reports.ts";
import { EVENT_KINDS, EVENT_PART_KINDS, OUTCOME_KINDS, RECOMMENDATION_STATUSES } from "#src/domain/events.ts";
import type { Language } from "#src/domain/languages.ts";

type Texts = Partial<Record<Language, string>>;

/** A meeting that fed a report: committee session, workshop, conference, regional workshop, webinar. */
export const events = pgTable(
  "events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id").notNull().references(() => reports.id),
    slug: text("slug").notNull(),
    kind: text("kind", { enum: EVENT_KINDS }).notNull(),
    title: text("title").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    place: text("place"),
    online: boolean("online").notNull().default(false),
    regionCode: text("region_code").references(() => regions.code),
    organizers: text("organizers").notNull().default(""),
    summary: text("summary").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("events_report_slug_key").on(t.reportId, t.slug),
    index("events_report_date_idx").on(t.reportId, t.startsOn),
    check("events_kind_check", inList("kind", EVENT_KINDS)),
    check("events_dates_check", sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** An agenda item or a break-out group of an event. */
export const eventParts = pgTable(
  "event_parts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id").notNull().references(() => events.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: EVENT_PART_KINDS }).notNull(),
    title: text("title").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [index("event_parts_event_idx").on(t.eventId, t.position), check("event_parts_kind_check", inList("kind", EVENT_PART_KINDS))],
);

/** A document of an event, by its code ("PC0541 Annex E"), with its file when there is one. */
export const eventDocuments = pgTable(
  "event_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id").notNull().references(() => events.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    title: text("title").notNull(),
    fileName: text("file_name"),
    mediaType: text("media_type"),
    content: bytea("content"),
    size: integer("size"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("event_documents_event_idx").on(t.eventId)],
);

/** What an event (or one of its parts) produced: an insight, a recommendation or a decision. */
export const outcomes = pgTable(
  "outcomes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id").notNull().references(() => events.id, { onDelete: "cascade" }),
    partId: uuid("part_id").references(() => eventParts.id, { onDelete: "set null" }),
    kind: text("kind", { enum: OUTCOME_KINDS }).notNull(),
    texts: jsonb("texts").$type<Texts>().notNull(),
    /** The people or groups that produced it, as written ("Break-out group B", "the Committee"). */
    producedBy: text("produced_by").notNull().default(""),
    technologySlugs: jsonb("technology_slugs").$type<string[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("outcomes_event_idx").on(t.eventId), check("outcomes_kind_check", inList("kind", OUTCOME_KINDS))],
);

/** A recommendation tracked over time, placed in sections with `::recommendation{ref=slug}`. */
export const recommendations = pgTable(
  "recommendations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id").notNull().references(() => reports.id),
    slug: text("slug").notNull(),
    texts: jsonb("texts").$type<Texts>().notNull(),
    status: text("status", { enum: RECOMMENDATION_STATUSES }).notNull().default("proposed"),
    themes: jsonb("themes").$type<string[]>().notNull().default([]),
    /** When retired because another recommendation took over its sources. */
    mergedIntoId: uuid("merged_into_id"),
    statusNote: text("status_note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("recommendations_slug_key").on(t.slug), index("recommendations_report_idx").on(t.reportId), check("recommendations_status_check", inList("status", RECOMMENDATION_STATUSES))],
);

export const recommendationTechnologies = pgTable(
  "recommendation_technologies",
  {
    recommendationId: uuid("recommendation_id").notNull().references(() => recommendations.id, { onDelete: "cascade" }),
    technologyId: uuid("technology_id").notNull().references(() => technologies.id),
  },
  (t) => [primaryKey({ columns: [t.recommendationId, t.technologyId] })],
);

/** The outcomes a recommendation came from; merging keeps every one of them. */
export const recommendationSources = pgTable(
  "recommendation_sources",
  {
    recommendationId: uuid("recommendation_id").notNull().references(() => recommendations.id, { onDelete: "cascade" }),
    outcomeId: uuid("outcome_id").notNull().references(() => outcomes.id),
    addedBy: uuid("added_by").references(() => users.id),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.recommendationId, t.outcomeId] }), index("recommendation_sources_outcome_idx").on(t.outcomeId)],
);

