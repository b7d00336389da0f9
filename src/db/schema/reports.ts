import { sql } from "drizzle-orm";
import { inList } from "#src/db/schema/checks.ts";
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "#src/db/schema/members.ts";
import type { Language, LocalizedText } from "#src/domain/languages.ts";
import { CHAPTER_KINDS, REFERENCE_KINDS, SECTION_STATUSES, TECHNOLOGY_LINK_KINDS } from "#src/domain/reports.ts";

const stamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/** One living report: its titles and languages (the first is the primary language). */
export const reports = pgTable("reports", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  titles: jsonb("titles").$type<LocalizedText>().notNull(),
  languages: jsonb("languages").$type<Language[]>().notNull(),
  ...stamps,
});

/** A subject chapters cover; technologies merge and split, so they link to each other. */
export const technologies = pgTable("technologies", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  names: jsonb("names").$type<LocalizedText>().notNull(),
  descriptions: jsonb("descriptions").$type<Partial<LocalizedText>>().notNull().default({}),
  /** Other names readers search it by, per language ("distributed ledger", "cadena de bloques"). */
  aliases: jsonb("aliases").$type<Partial<Record<Language, string[]>>>().notNull().default({}),
  ...stamps,
});

export const technologyLinks = pgTable(
  "technology_links",
  {
    fromId: uuid("from_id").notNull().references(() => technologies.id, { onDelete: "cascade" }),
    toId: uuid("to_id").notNull().references(() => technologies.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: TECHNOLOGY_LINK_KINDS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.fromId, t.toId, t.kind] }), check("technology_links_kind_check", inList("kind", TECHNOLOGY_LINK_KINDS)), check("technology_links_self_check", sql`${t.fromId} <> ${t.toId}`)],
);

/** An ordered part of a report. Removal sets removed_at; the chapter and its history stay. */
export const chapters = pgTable(
  "chapters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reportId: uuid("report_id").notNull().references(() => reports.id),
    slug: text("slug").notNull(),
    kind: text("kind", { enum: CHAPTER_KINDS }).notNull(),
    technologyId: uuid("technology_id").references(() => technologies.id),
    titles: jsonb("titles").$type<LocalizedText>().notNull(),
    position: integer("position").notNull(),
    removedAt: timestamp("removed_at", { withTimezone: true }),
    ...stamps,
  },
  (t) => [uniqueIndex("chapters_report_slug_key").on(t.reportId, t.slug), index("chapters_report_idx").on(t.reportId, t.position), check("chapters_kind_check", inList("kind", CHAPTER_KINDS))],
);

/** The unit of text. Its words live in revisions, one line of them per language. */
export const sections = pgTable(
  "sections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    chapterId: uuid("chapter_id").notNull().references(() => chapters.id),
    slug: text("slug").notNull(),
    position: integer("position").notNull(),
    status: text("status", { enum: SECTION_STATUSES }).notNull().default("draft"),
    removedAt: timestamp("removed_at", { withTimezone: true }),
    ...stamps,
  },
  (t) => [uniqueIndex("sections_chapter_slug_key").on(t.chapterId, t.slug), index("sections_chapter_idx").on(t.chapterId, t.position), check("sections_status_check", inList("status", SECTION_STATUSES))],
);

/** An immutable version of a section's heading and text in one language. */
export const sectionRevisions = pgTable(
  "section_revisions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    sectionId: uuid("section_id").notNull().references(() => sections.id),
    language: text("language").notNull(),
    heading: text("heading").notNull(),
    body: text("body").notNull(),
    /** The revision the author started from (null for the first). */
    baseRevisionId: bigint("base_revision_id", { mode: "number" }),
    /** For a translation: the primary-language revision it translates. */
    sourceRevisionId: bigint("source_revision_id", { mode: "number" }),
    summary: text("summary"),
    authorId: uuid("author_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("section_revisions_section_idx").on(t.sectionId, t.language, t.id)],
);

/** The head of each section's line of revisions per language; saves move it with compare-and-set. */
export const sectionHeads = pgTable(
  "section_heads",
  {
    sectionId: uuid("section_id").notNull().references(() => sections.id),
    language: text("language").notNull(),
    revisionId: bigint("revision_id", { mode: "number" }).notNull().references(() => sectionRevisions.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sectionId, t.language] })],
);

/** Which evidence a section's current text embeds, for "where is this used". */
export const sectionReferences = pgTable(
  "section_references",
  {
    sectionId: uuid("section_id").notNull().references(() => sections.id),
    language: text("language").notNull(),
    kind: text("kind", { enum: REFERENCE_KINDS }).notNull(),
    ref: text("ref").notNull(),
  },
  (t) => [primaryKey({ columns: [t.sectionId, t.language, t.kind, t.ref] }), index("section_references_ref_idx").on(t.kind, t.ref)],
);
