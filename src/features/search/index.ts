import { sql } from "drizzle-orm";
import type { Nodes } from "mdast";
import { toString } from "mdast-util-to-string";
import { announceChange } from "#src/db/changes.ts";
import { queryRows, type Db } from "#src/db/client.ts";
import type { Directive } from "#src/content/directives.ts";
import { parseMarkdown } from "#src/content/parse.ts";
import { SEARCH_CONFIG } from "#src/domain/case-studies.ts";
import type { Language } from "#src/domain/languages.ts";

// The search index of published editions: what readers find of them, chapter by chapter and
// section by section. It stores what it is given; the editions feature says what an edition's
// entries are, and writes them in the transaction that publishes or withdraws it.

/** One chapter or section as read on one language's pages. */
export type SearchEntry = {
  /** A chapter (found by its title, its technology's names and aliases, its headings) or one section. */
  kind: "chapter" | "section";
  /** The chapter's or section's id: the same item on several languages' pages is one hit. */
  itemId: string;
  /** The language of the page the section is read on. */
  language: Language;
  /** The language of the text itself (the primary one where no translation exists). */
  textLanguage: Language;
  title: string;
  /** Plain words (see plainText); a chapter's are its section headings. */
  body: string;
  url: string;
  /** Where it sits, in the page's language: the report's title, and (for a section) the chapter's. */
  reportTitle: string;
  chapterTitle: string;
  /** A chapter's other names, in every language: its technology's names and aliases. */
  keywords: string;
  /** Slugs of the technologies it is about, for the technology filter. */
  technologies: string[];
};

/** A section's Markdown as the words a reader sees (directives replaced by what they show). */
export function plainText(markdown: string, words: (d: Directive) => string = () => ""): string {
  const tree = parseMarkdown(markdown);
  const walk = (node: Nodes): string => {
    if (node.type === "leafDirective" || node.type === "containerDirective" || node.type === "textDirective") {
      const d = node;
      return ` ${toString(d)} ${words(d)} `;
    }
    if ("children" in node) return (node.children as Nodes[]).map(walk).join(node.type === "root" || node.type === "list" ? "\n" : node.type === "paragraph" ? "" : " ");
    return toString(node);
  };
  return walk(tree).replace(/[ \t]+/g, " ").trim();
}

/** Takes an edition out of the index (it was withdrawn, or is about to be indexed again). */
export async function removeEdition(tx: Db, editionId: string): Promise<void> {
  await tx.execute(sql`delete from search_entries where edition_id = ${editionId}`);
  // Cached search results go once this commits (indexEntries comes through here too).
  await announceChange(tx, "editions");
}

/**
 * Replaces an edition's entries. A section is weighted heading first, in its text's language; a
 * chapter by its title and other names (read in every language, since they are in all of them),
 * then its headings.
 */
export async function indexEntries(tx: Db, editionId: string, entries: SearchEntry[]): Promise<number> {
  await removeEdition(tx, editionId);
  const row = (entry: SearchEntry) => {
    const config = SEARCH_CONFIG[entry.textLanguage];
    const technologies = entry.technologies.length ? sql`array[${sql.join(entry.technologies.map((t) => sql`${t}`), sql`, `)}]::text[]` : sql`'{}'::text[]`;
    const names = sql`setweight(to_tsvector('lr_english', ${entry.keywords}) || to_tsvector('lr_french', ${entry.keywords}) || to_tsvector('lr_spanish', ${entry.keywords}), 'A')`;
    const document =
      entry.kind === "chapter"
        ? sql`setweight(to_tsvector(${config}::regconfig, ${entry.title}), 'A') || ${names} || setweight(to_tsvector(${config}::regconfig, ${entry.body}), 'C')`
        : sql`setweight(to_tsvector(${config}::regconfig, ${entry.title}), 'A') || setweight(to_tsvector(${config}::regconfig, ${entry.body}), 'B')`;
    const terms = entry.kind === "chapter" ? [entry.title, entry.keywords].filter(Boolean).join("\n") : entry.title;
    return sql`(${editionId}, ${entry.kind}, ${entry.itemId}, ${entry.language}, ${entry.textLanguage}, ${entry.title}, ${entry.body}, ${entry.url},
        ${entry.reportTitle}, ${entry.chapterTitle}, ${terms}, ${technologies}, ${document})`;
  };
  // A few statements of many rows each: the publishing transaction that writes them stays short.
  for (let i = 0; i < entries.length; i += 50) {
    await tx.execute(sql`
      insert into search_entries (edition_id, kind, item_id, language, text_language, title, body, url, report_title, chapter_title, terms, technologies, document)
      values ${sql.join(entries.slice(i, i + 50).map(row), sql`, `)}`);
  }
  return entries.length;
}

/** Published editions with no entries yet (published before search existed). */
export async function unindexedEditions(db: Db): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(db, sql`select id from editions ed where status = 'published' and not exists (select 1 from search_entries e where e.edition_id = ed.id)`);
  return rows.map((r) => r.id);
}
