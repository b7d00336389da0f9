// Load: readers (public pages, the case-study library, search, the API) and editors (each saving
// its own section over and over) at once against the real product on the demo, for a fixed time;
// PGlite, then PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set. Reports p50/p99
// per route, errors, edits acknowledged and lost, and the server's resident memory idle and under
// load. Baseline in the same run: the same load on PostgreSQL (ratio PGlite / PostgreSQL).
// LOAD_SECONDS (60), LOAD_READERS (200) and LOAD_EDITORS (10) change the size.
import { register } from "tsx/esm/api";

register();
const { runLoad } = await import("../e2e/helpers/load.ts");

const options = { seconds: Number(process.env.LOAD_SECONDS ?? 60), readers: Number(process.env.LOAD_READERS ?? 200), editors: Number(process.env.LOAD_EDITORS ?? 10) };

export async function run() {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url) process.env.TEST_DATABASE_URL = url;
  const pglite = await runLoad({ engine: "pglite", ...options });
  const postgres = url ? await runLoad({ engine: "postgres", ...options }) : undefined;
  const label = `load ${options.readers} readers + ${options.editors} editors, ${options.seconds} s`;
  const rows = [];
  const ratio = (a, b) => (b ? `${(a / b).toFixed(2)}×` : "");
  rows.push({ benchmark: `${label}: throughput, PGlite`, value: `${pglite.rps} req/s (${pglite.requests} requests, ${pglite.errors.length} errors)`, baseline: postgres ? `PostgreSQL ${postgres.rps} req/s (${postgres.errors.length} errors)` : "", ratio: ratio(pglite.rps, postgres?.rps) });
  rows.push({ benchmark: `${label}: edits acknowledged / lost, PGlite`, value: `${pglite.acknowledged} / ${pglite.lost}`, baseline: postgres ? `PostgreSQL ${postgres.acknowledged} / ${postgres.lost}` : "", ratio: "" });
  rows.push({ benchmark: `${label}: server RSS idle → under load, PGlite`, value: `${pglite.rssMiB.idle} → ${pglite.rssMiB.loaded} MiB`, baseline: postgres ? `PostgreSQL (server process only) ${postgres.rssMiB.idle} → ${postgres.rssMiB.loaded} MiB` : "", ratio: "" });
  for (const r of pglite.routes) {
    const other = postgres?.routes.find((x) => x.route === r.route);
    rows.push({ benchmark: `${label}: ${r.route}, PGlite`, value: `p50 ${r.p50} ms, p99 ${r.p99} ms (n=${r.requests})`, baseline: other ? `PostgreSQL p50 ${other.p50} ms, p99 ${other.p99} ms` : "", ratio: ratio(r.p99, other?.p99) });
  }
  for (const e of [...pglite.errors, ...(postgres?.errors ?? [])]) console.error(`error: ${e}`);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log("| benchmark | ours | baseline | ratio |\n|---|---|---|---|");
  for (const r of await run()) console.log(`| ${r.benchmark} | ${r.value} | ${r.baseline} | ${r.ratio} |`);
}
