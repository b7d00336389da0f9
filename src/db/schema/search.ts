import { bigint, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { tsvector } from "#src/db/schema/checks.ts";
import { editions } from "#src/db/schema/editions.ts";

/**
 * The sections of published editions as readers search them: one row per section and page
 * language, written when an edition is published. (The living draft, case studies, events and
 * recommendations are searched where they live.)
 */
export const searchEntries = pgTable(
  "search_entries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    editionId: uuid("edition_id").notNull().references(() => editions.id, { onDelete: "cascade" }),
    /** The language of the page the section is read on. */
    language: text("language").notNull(),
    /** The language of the text itself (the primary one where no translation exists). */
    textLanguage: text("text_language").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    url: text("url").notNull(),
    technologies: text("technologies").array().notNull().default([]),
    document: tsvector("document"),
  },
  (t) => [index("search_entries_document_idx").using("gin", t.document), index("search_entries_edition_idx").on(t.editionId, t.language)],
);
