import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#src/db/client.ts";
import { loadDemoIfEmpty } from "#src/demo/load.ts";
import { LANGUAGES, type Language } from "#src/domain/languages.ts";
import { search } from "#src/features/search/search.ts";
import { openTestDatabase } from "#test/helpers/db.ts";

// The recall check: a committed list of queries readers type (names, aliases, other languages,
// missing accents, typos, prefixes), each with the page it must return among the first three
// hits on the demo. Every query must pass; a change that loses one fails here.

type RecallQuery = { q: string; lang: Language; expect: string; note: string };
const fixture = JSON.parse(readFileSync(new URL("../../../test/fixtures/search-recall.json", import.meta.url), "utf8")) as { queries: RecallQuery[] };

/** A hit is on the expected page when its address is the page, or an anchor in it. */
const onPage = (url: string, page: string) => url === page || url.startsWith(`${page}#`);

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await loadDemoIfEmpty(database.db, "http://localhost:3000");
}, 300_000);
afterAll(() => database.close());

describe("search recall on the demo", () => {
  it("holds at least 40 queries, at least 12 in each language", () => {
    expect(fixture.queries.length).toBeGreaterThanOrEqual(40);
    for (const lang of LANGUAGES) expect(fixture.queries.filter((q) => q.lang === lang).length, lang).toBeGreaterThanOrEqual(12);
    expect(new Set(fixture.queries.map((q) => `${q.lang} ${q.q}`)).size).toBe(fixture.queries.length);
  });

  it("finds every query's page among the first three hits", async () => {
    const missed: { q: string; lang: Language; expect: string; got: string[] }[] = [];
    for (const query of fixture.queries) {
      const result = await search(database.db, { q: query.q, lang: query.lang, kinds: [], edition: "latest", secretariat: false, limit: 3, offset: 0 });
      const urls = result.hits.map((h) => h.url);
      if (!urls.some((url) => onPage(url, query.expect))) missed.push({ q: query.q, lang: query.lang, expect: query.expect, got: urls });
    }
    const found = fixture.queries.length - missed.length;
    console.info(`search recall: ${found}/${fixture.queries.length} (${((100 * found) / fixture.queries.length).toFixed(1)} %) in the top 3`);
    expect(missed).toEqual([]);
  }, 120_000);
});
