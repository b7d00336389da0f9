import { withDatabase } from "#src/cli/editions.ts";
import { CliError } from "#src/cli/errors.ts";
import { MARK_END, MARK_START } from "#src/features/case-studies/library.ts";
import { LANGUAGES, type Language } from "#src/domain/languages.ts";
import { search, SEARCH_KINDS, type SearchKind } from "#src/features/search/search.ts";

/** `living-report search "query" [--lang] [--edition] [--kind]`: what a reader (or, with --draft, the secretariat) would find. */
export function searchCommand(q: string, options: { lang: string; edition: string; kind?: string; limit: string }) {
  if (!(LANGUAGES as readonly string[]).includes(options.lang)) throw new CliError(`--lang must be one of ${LANGUAGES.join(", ")}.`);
  if (options.kind && !(SEARCH_KINDS as readonly string[]).includes(options.kind)) throw new CliError(`--kind must be one of ${SEARCH_KINDS.join(", ")}.`);
  const limit = Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new CliError("--limit must be a whole number from 1 to 500.");
  return withDatabase(async (db) => {
    const result = await search(db, { q, lang: options.lang as Language, kinds: options.kind ? [options.kind as SearchKind] : [], edition: options.edition, secretariat: true, limit, offset: 0 });
    const bold = process.stdout.isTTY ? ["\x1b[1m", "\x1b[22m"] : ["[", "]"];
    for (const hit of result.hits) {
      const trail = [hit.report, hit.kind === "chapter" || hit.kind === "section" ? hit.context : null, hit.chapter].filter(Boolean).join(" › ");
      console.log(`${hit.kind.padEnd(15)} ${hit.title}  ${hit.url}${hit.language ? `  [${hit.language}]` : ""}${hit.close ? "  (close spelling)" : ""}`);
      if (trail) console.log(`                ${trail}`);
      console.log(`                ${hit.snippet.replaceAll(MARK_START, bold[0]!).replaceAll(MARK_END, bold[1]!).replace(/\s+/g, " ")}`);
    }
    console.error(`${result.total} results`);
  });
}
