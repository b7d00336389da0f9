import { inList } from "#src/db/schema/checks.ts";
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "#src/db/schema/members.ts";
import { reports } from "#src/db/schema/reports.ts";
import { EDITION_STATUSES, PINNED_KINDS, type EditionAcknowledgement, type EditionDateStyle } from "#src/domain/editions.ts";
import type { Language, LocalizedText } from "#src/domain/languages.ts";


/** A frozen, dated snapshot of a report. Once published its pinned items and pages never change. */
export const editions = pgTable(
  "editions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id").notNull().references(() => reports.id),
    label: text("label").notNull(),
    titles: jsonb("titles").$type<LocalizedText>().notNull(),
    editionDate: date("edition_date").notNull(),
    /** Per language, like the titles; the primary language's text is the source the others translate. */
    subtitles: jsonb("subtitles").$type<Partial<Record<Language, string>>>().notNull().default({}),
    forewords: jsonb("forewords").$type<Partial<Record<Language, string>>>().notNull().default({}),
    /** How dates are written in each language (Intl dateStyle); unset means "long". */
    dateStyles: jsonb("date_styles").$type<Partial<Record<Language, EditionDateStyle>>>().notNull().default({}),
    /**
     * Per translated language, the hash of the primary language's title, subtitle and foreword
     * it was made from: a translation is out of date when the primary texts hash differently now.
     */
    textSources: jsonb("text_sources").$type<Partial<Record<Language, string>>>().notNull().default({}),
    /** The warnings acknowledged when it was published, with the note that explains them. */
    acknowledgement: jsonb("acknowledgement").$type<EditionAcknowledgement>(),
    status: text("status", { enum: EDITION_STATUSES }).notNull().default("draft"),
    withdrawnReason: text("withdrawn_reason"),
    /** SHA-256 over the pinned items and metadata; identifies a published edition. */
    contentHash: text("content_hash"),
    frozenAt: timestamp("frozen_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("editions_report_label_key").on(t.reportId, t.label), check("editions_status_check", inList("status", EDITION_STATUSES))],
);

/** What an edition froze: one row per item, with the version it pins and what it needs to render it. */
export const editionItems = pgTable(
  "edition_items",
  {
    editionId: uuid("edition_id").notNull().references(() => editions.id),
    kind: text("kind", { enum: PINNED_KINDS }).notNull(),
    ref: text("ref").notNull(),
    /** The pinned version: a revision id, a case-study version... (as text, whatever the kind). */
    version: text("version").notNull(),
    position: integer("position").notNull().default(0),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.editionId, t.kind, t.ref] }), check("edition_items_kind_check", inList("kind", PINNED_KINDS))],
);

/** Pages of a published edition, rendered once at publish time and served as they are. */
export const editionPages = pgTable(
  "edition_pages",
  {
    editionId: uuid("edition_id").notNull().references(() => editions.id),
    language: text("language").notNull(),
    /** "" for the contents page, else the chapter slug. */
    path: text("path").notNull(),
    html: text("html").notNull(),
    etag: text("etag").notNull(),
    renderedAt: timestamp("rendered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.editionId, t.language, t.path] }), index("edition_pages_edition_idx").on(t.editionId)],
);
