import { sql, type SQL } from "drizzle-orm";

// Finding rows by the words someone typed into a search box as they type: every word must occur
// somewhere in a text made of the row's words (titles in every language, slug, technology names),
// in any case and with or without accents ("donnees" finds "données", "block" finds "blockchain").
// LIKE's own wildcards in what was typed are matched as themselves: they are escaped in SQL after
// unaccent, which turns some characters into them (the fullwidth ％ into %).

/** A word folded as the haystack is, with `%`, `_` and the escape character escaped for LIKE (whose default escape is the backslash). */
const likeWord = (word: string) => sql`replace(replace(replace(unaccent(lower(${word})), '\\', '\\\\'), '%', '\\%'), '_', '\\_')`;

/** A condition: every word occurs in `haystack` (case and accents ignored); undefined when there are no words. */
export function containsWords(haystack: SQL, words: readonly string[]): SQL | undefined {
  if (!words.length) return undefined;
  const each = words.map((word) => sql`unaccent(lower(${haystack})) like '%' || ${likeWord(word)} || '%'`);
  return sql.join(each, sql` and `);
}

/** The values of a JSON object of texts (a LocalizedText column), joined by spaces. */
export const jsonTexts = (column: SQL): SQL => sql`coalesce((select string_agg(value, ' ') from jsonb_each_text(${column})), '')`;
