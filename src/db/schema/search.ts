import { bigint, check, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { inList, tsvector } from "#src/db/schema/checks.ts";
import { editions } from "#src/db/schema/editions.ts";

export const SEARCH_ENTRY_KINDS = ["chapter", "section"] as const;

/**
 * The chapters and sections of published editions as readers search them: one row per chapter
 * or section and page language, written when an edition is published. (The living draft, case
 * studies, events and recommendations are searched where they live.)
 */
export const searchEntries = pgTable(
  "search_entries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    editionId: uuid("edition_id").notNull().references(() => editions.id, { onDelete: "cascade" }),
    /** A chapter (its title, its technology's names and aliases, its headings) or one section. */
    kind: text("kind", { enum: SEARCH_ENTRY_KINDS }).notNull().default("section"),
    /** The chapter's or section's id: the same item read on several languages' pages. */
    itemId: text("item_id").notNull().default(""),
    /** The language of the page the section is read on. */
    language: text("language").notNull(),
    /** The language of the text itself (the primary one where no translation exists). */
    textLanguage: text("text_language").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    url: text("url").notNull(),
    /** Where it sits, in the page's language: the report's title, and the chapter's for a section. */
    reportTitle: text("report_title").notNull().default(""),
    chapterTitle: text("chapter_title").notNull().default(""),
    /** The names a mistyped query is compared with (trigrams): a heading, or a chapter's title, technology names and aliases. */
    terms: text("terms").notNull().default(""),
    technologies: text("technologies").array().notNull().default([]),
    document: tsvector("document"),
  },
  (t) => [
    index("search_entries_document_idx").using("gin", t.document),
    index("search_entries_edition_idx").on(t.editionId, t.language),
    check("search_entries_kind_check", inList("kind", SEARCH_ENTRY_KINDS)),
  ],
);
