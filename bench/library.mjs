// The public case-study library at 10,000 published case studies: a page of results with its five
// facets, as a reader asks for it (no filter, filters, a search, a deep page), on an in-memory
// PGlite and, when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set, on PostgreSQL.
// Baseline in the same run: the bare list query alone (one SELECT … LIMIT 20, no facets, no count).
// Each query is measured cold (no cache: what a request pays after a case study or the catalog
// changed) and warm (app.topicCache kept the counts and the page: the steady state between changes).
import { register } from "tsx/esm/api";
import { benchDatabaseUrl, scratchDatabase } from "./scratch-database.mjs";

register();

const { createPglite, fromPglite, fromPool, queryRows } = await import("../src/db/client.ts");
const { migrate } = await import("../src/db/migrate.ts");
const { searchLibrary } = await import("../src/features/case-studies/library.ts");
const { LibraryQuery } = await import("../src/features/case-studies/schemas.ts");
const { Generations, TopicCache } = await import("../src/lib/topic-cache.ts");
const { sql } = await import("drizzle-orm");
const pg = (await import("pg")).default;

export const CASE_STUDIES = Number(process.env.BENCH_CASE_STUDIES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);

const WORDS = "customs release container ledger drone border risk data cargo manifest port gate scanner biometric passenger pilot model network sensor seal tracking".split(" ");

/** Fills the tables in bulk with synthetic, published case studies spread over organizations, technologies, stages and years. */
export async function seedLibrary(db, count = CASE_STUDIES) {
  await db.execute(sql`insert into technologies (slug, names) select 'tech-' || g, jsonb_build_object('en', 'Technology ' || g) from generate_series(1, 8) g on conflict do nothing`);
  await db.execute(sql`insert into organizations (name, kind, country, region_code)
    select 'Synthetic administration ' || g, case when g % 7 = 0 then 'private_sector' else 'customs_administration' end, 'PE',
           (array['AMS','EUR','AP','ESA','WCA','MENA'])[1 + g % 6]
    from generate_series(1, 180) g on conflict do nothing`);
  const words = `{${WORDS.join(",")}}`;
  await db.execute(sql`
    insert into case_studies (slug, organization_id, state, title, summary, stage, year, language, published_at)
    select 'synthetic-' || g,
           (select id from organizations where name = 'Synthetic administration ' || (1 + g % 180)),
           'published',
           initcap(w[1 + g % 20] || ' ' || w[1 + (g / 20) % 20] || ' ' || w[1 + (g / 400) % 20]) || ' project ' || g,
           'A project about ' || w[1 + (g * 7) % 20] || ' and ' || w[1 + (g * 3) % 20] || ' run with partners at the ' || w[1 + (g * 11) % 20] || ' to cut delays.',
           (array['idea','proof_of_concept','pilot','production','discontinued'])[1 + g % 5],
           2015 + g % 10,
           (array['en','fr','es'])[1 + g % 3],
           now() - (g || ' minutes')::interval
    from generate_series(1, ${count}::int) g, (select ${words}::text[] as w) words`);
  await db.execute(sql`update case_studies set search =
      setweight(to_tsvector((case language when 'fr' then 'lr_french' when 'es' then 'lr_spanish' else 'lr_english' end)::regconfig, title), 'A') ||
      setweight(to_tsvector((case language when 'fr' then 'lr_french' when 'es' then 'lr_spanish' else 'lr_english' end)::regconfig, summary), 'B')
    where slug like 'synthetic-%'`);
  await db.execute(sql`insert into case_study_technologies (case_study_id, technology_id)
    select cs.id, t.id from case_studies cs join technologies t on t.slug in ('tech-' || (1 + abs(hashtext(cs.slug)) % 8), 'tech-' || (1 + abs(hashtext(cs.slug || 'x')) % 8))
    where cs.slug like 'synthetic-%' on conflict do nothing`);
  await db.execute(sql`analyze`);
}

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

const QUERIES = [
  ["no filter, first page", {}],
  ["technology + region facets", { technology: "tech-3", region: "EUR" }],
  ["full-text search", { q: "drone border" }],
  ["deep page (page 400)", { page: "400" }],
];

async function benchEngine(label, db) {
  await seedLibrary(db);
  const baseline = await measure(() => queryRows(db, sql`select cs.id, cs.slug, cs.title from case_studies cs join organizations o on o.id = cs.organization_id where cs.state = 'published' order by cs.published_at desc limit 20`));
  const rows = [];
  const cache = new TopicCache(new Generations(), 16 * 2 ** 20);
  for (const [name, query] of QUERIES) {
    const filter = LibraryQuery.parse(query);
    const result = await searchLibrary(db, filter);
    const cold = await measure(() => searchLibrary(db, filter));
    const warm = await measure(() => searchLibrary(db, filter, cache));
    for (const [how, m] of [["cold (not cached)", cold], ["warm (cached)", warm]])
      rows.push({
        benchmark: `library at ${CASE_STUDIES.toLocaleString("en")} case studies, ${label}: ${name} (${result.total} hits), ${how}`,
        value: `p50 ${m.p50.toFixed(3)} ms, p99 ${m.p99.toFixed(3)} ms`,
        baseline: `bare list query p50 ${baseline.p50.toFixed(2)} ms`,
        ratio: `${(m.p50 / baseline.p50).toFixed(m.p50 < baseline.p50 ? 3 : 1)}×`,
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
