// The site search at 10,000 published case studies plus the demo report (a published edition in
// three languages, its living draft, events and recommendations), on an in-memory PGlite and,
// when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set, on PostgreSQL.
// Baseline in the same run: the case-study library's own full-text search (one kind, with facets,
// not cached). Each query is measured cold (no cache: what a request pays after something it
// searches changed) and warm (app.topicCache kept the result: the steady state between changes).
import { register } from "tsx/esm/api";
import { benchDatabaseUrl, scratchDatabase } from "./scratch-database.mjs";

register();

const { createPglite, fromPglite, fromPool } = await import("../src/db/client.ts");
const { migrate } = await import("../src/db/migrate.ts");
const { search } = await import("../src/features/search/search.ts");
const { searchLibrary } = await import("../src/features/case-studies/library.ts");
const { LibraryQuery } = await import("../src/features/case-studies/schemas.ts");
const { Generations, TopicCache } = await import("../src/lib/topic-cache.ts");
const { loadDemoIfEmpty } = await import("../src/demo/load.ts");
const { seedLibrary, CASE_STUDIES } = await import("./library.mjs");
const pg = (await import("pg")).default;

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function measure(work) {
  for (let i = 0; i < 3; i++) await work();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

const base = { lang: "en", kinds: [], edition: "latest", secretariat: false, limit: 20, offset: 0 };
const QUERIES = [
  ["reader, everything: \"drone border\"", { ...base, q: "drone border" }],
  ["reader, French pages, no accents: \"donnees\"", { ...base, q: "donnees", lang: "fr" }],
  ["reader, filtered by region: \"pilot\" in EUR", { ...base, q: "pilot", region: "EUR" }],
  ["reader, English pages, Spanish words: \"cadena de bloques\"", { ...base, q: "cadena de bloques" }],
  ["reader, mistyped (close spellings): \"blokchain\"", { ...base, q: "blokchain" }],
  ["secretariat, living draft and register: \"ledger\"", { ...base, q: "ledger", edition: "draft", secretariat: true }],
];

async function benchEngine(label, db) {
  await loadDemoIfEmpty(db, "http://localhost:3000");
  await seedLibrary(db);
  const library = LibraryQuery.parse({ q: "drone border" });
  const baseline = await measure(() => searchLibrary(db, library));
  const cache = new TopicCache(new Generations(), 16 * 2 ** 20);
  const rows = [];
  for (const [name, query] of QUERIES) {
    const result = await search(db, query);
    const cold = await measure(() => search(db, query));
    const warm = await measure(() => search(db, query, cache));
    for (const [how, m] of [["cold (not cached)", cold], ["warm (cached)", warm]])
      rows.push({
        benchmark: `search at ${CASE_STUDIES.toLocaleString("en")} case studies + the demo report, ${label}: ${name} (${result.total} hits), ${how}`,
        value: `p50 ${m.p50.toFixed(3)} ms, p99 ${m.p99.toFixed(3)} ms`,
        baseline: `library search p50 ${baseline.p50.toFixed(1)} ms`,
        ratio: `${(m.p50 / baseline.p50).toFixed(m.p50 < baseline.p50 / 100 ? 4 : 2)}×`,
      });
  }
  return rows;
}

export async function run() {
  const rows = [];
  const lite = fromPglite(await createPglite());
  await migrate(lite);
  rows.push(...(await benchEngine("PGlite", lite.db)));
  await lite.close();
  const url = benchDatabaseUrl();
  if (url) {
    const scratch = await scratchDatabase(url);
    const pool = new pg.Pool({ connectionString: scratch.url, max: 10 });
    const database = fromPool(pool);
    try {
      await migrate(database);
      rows.push(...(await benchEngine("PostgreSQL", database.db)));
    } finally {
      await pool.end();
      await scratch.drop();
    }
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await run()) console.log(`| ${r.benchmark} | ${r.value} | ${r.baseline} | ${r.ratio} |`);
}
