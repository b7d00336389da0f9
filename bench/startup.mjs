// Start-up, the CLI and memory at rest, each against a bare baseline spawned the same way in the
// same run (median of RUNS where cheap):
// - `living-report serve` → first 200 from /readyz: a fresh PGlite data dir (initdb, migrations,
//   the demo; once), an existing one, and PostgreSQL (a database of its own on the server of
//   BENCH_DATABASE_URL or TEST_DATABASE_URL, the demo loaded by a first start; skipped when unset);
//   baseline: a bare node:http server to its first 200;
// - `npm start` → /readyz with the bundle up to date, and whether it was rebuilt (dist/.built);
// - `living-report --help` against `node -e ''`; the demo's PDF export (CLI, existing data dir);
// - RSS at rest, 10 s after ready, on both engines, against the bare server's.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchDatabaseUrl, scratchDatabase } from "./scratch-database.mjs";

const ROOT = join(import.meta.dirname, "..");
const RUNS = Number(process.env.RUNS ?? 5);
const REST_MS = 10_000;
const BARE = ["-e", "require('node:http').createServer((q,s)=>s.end('ok')).listen(process.env.PORT,'127.0.0.1')"];
const SERVE = ["bin/living-report.mjs", "serve"];

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const rssMb = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))[1]) / 1024;

/**
 * Spawns a server (in its own process group, so `npm start` and its children stop together), and
 * answers the time to its first 200 on `path`; with `rest`, also its RSS that long after (the
 * process listening: the server itself, not npm).
 */
async function timeToReady(command, args, env, path, { rest = 0 } = {}) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(command, args, { cwd: ROOT, detached: true, env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise((r) => child.once("exit", r));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${command} ${args.join(" ")} exited: ${stderr.slice(0, 2000)}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}${path}`)).ok) break;
      } catch {}
      await new Promise((r) => setTimeout(r, 5));
    }
    const ms = performance.now() - started;
    let rss;
    if (rest) {
      await new Promise((r) => setTimeout(r, rest));
      const listener = execFileSync("ss", ["-Hltnp", `sport = :${port}`], { encoding: "utf8" });
      rss = rssMb(Number(/pid=(\d+)/.exec(listener)[1]));
    }
    return { ms, rss, stderr };
  } finally {
    process.kill(-Number(child.pid), "SIGTERM");
    await exited;
  }
}

/** Wall time of a command that exits, failing on a non-zero exit. */
function wall(command, args, env = {}) {
  const started = performance.now();
  execFileSync(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: "ignore" });
  return performance.now() - started;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const repeat = async (n, f) => {
  const xs = [];
  for (let i = 0; i < n; i++) xs.push(await f());
  return xs;
};
const ms = (x) => `${x.toFixed(0)} ms`;
const row = (benchmark, value, baseline, baselineName, unit = ms) => ({
  benchmark,
  value: unit(value),
  baseline: `${baselineName} ${unit(baseline)}`,
  ratio: `${(value / baseline).toFixed(1)}×`,
});

export async function run() {
  // The bundle as `npm start` would find it: built and up to date.
  execFileSync(process.execPath, ["scripts/build-if-stale.mjs"], { cwd: ROOT, stdio: "inherit" });
  const rows = [];
  const bare = median((await repeat(RUNS, () => timeToReady(process.execPath, BARE, {}, "/"))).map((r) => r.ms));
  const bareRest = (await timeToReady(process.execPath, BARE, {}, "/", { rest: REST_MS })).rss;

  const dataDir = mkdtempSync(join(tmpdir(), "lr-bench-startup-"));
  try {
    const first = await timeToReady(process.execPath, SERVE, { DATA_DIR: dataDir }, "/readyz");
    rows.push(row("start-up, fresh PGlite data dir (initdb, migrations, demo)", first.ms, bare, "bare node:http"));
    const again = median((await repeat(RUNS, () => timeToReady(process.execPath, SERVE, { DATA_DIR: dataDir }, "/readyz"))).map((r) => r.ms));
    rows.push(row(`start-up, existing PGlite data dir, serve → /readyz (median of ${RUNS})`, again, bare, "bare node:http"));
    const stamp = () => statSync(join(ROOT, "dist", ".built")).mtimeMs;
    const before = stamp();
    const npmRuns = await repeat(3, () => timeToReady("npm", ["start"], { DATA_DIR: dataDir }, "/readyz"));
    const rebuilt = stamp() !== before || npmRuns.some((r) => /rebuilding|never built/.test(r.stderr));
    rows.push(row(`npm start → /readyz, existing PGlite data dir (median of 3; ${rebuilt ? "REBUILT the bundle" : "bundle up to date, not rebuilt"})`, median(npmRuns.map((r) => r.ms)), bare, "bare node:http"));
    const rest = await timeToReady(process.execPath, SERVE, { DATA_DIR: dataDir }, "/readyz", { rest: REST_MS });
    rows.push(row(`RSS at rest, PGlite (${REST_MS / 1000} s after ready)`, rest.rss, bareRest, "bare node:http", (x) => `${x.toFixed(0)} MB`));

    const nothing = median(await repeat(RUNS, () => wall(process.execPath, ["-e", ""])));
    rows.push(row(`living-report --help (median of ${RUNS})`, median(await repeat(RUNS, () => wall(process.execPath, ["bin/living-report.mjs", "--help"]))), nothing, "node -e ''"));
    const out = join(dataDir, "demo.pdf");
    const pdf = ["bin/living-report.mjs", "export", "--report", "disruptive-technologies", "--edition", "2022", "--format", "pdf", "--out", out];
    rows.push(row("demo PDF export, CLI wall, existing PGlite data dir (median of 3)", median(await repeat(3, () => wall(process.execPath, pdf, { DATA_DIR: dataDir }))), nothing, "node -e ''"));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }

  const url = benchDatabaseUrl();
  if (!url) {
    for (const what of ["start-up, PostgreSQL", "RSS at rest, PostgreSQL"]) rows.push({ benchmark: what, value: "skipped (no BENCH_DATABASE_URL or TEST_DATABASE_URL)", baseline: "", ratio: "" });
    return rows;
  }
  const database = await scratchDatabase(url);
  const pgDir = mkdtempSync(join(tmpdir(), "lr-bench-startup-pg-"));
  try {
    const env = { DATABASE_URL: database.url, DATA_DIR: pgDir };
    await timeToReady(process.execPath, SERVE, { ...env, DEMO: "1" }, "/readyz"); // migrations and the demo, once
    const again = median((await repeat(RUNS, () => timeToReady(process.execPath, SERVE, env, "/readyz"))).map((r) => r.ms));
    rows.push(row(`start-up, PostgreSQL with the demo, serve → /readyz (median of ${RUNS})`, again, bare, "bare node:http"));
    const rest = await timeToReady(process.execPath, SERVE, env, "/readyz", { rest: REST_MS });
    rows.push(row(`RSS at rest, PostgreSQL (${REST_MS / 1000} s after ready)`, rest.rss, bareRest, "bare node:http", (x) => `${x.toFixed(0)} MB`));
  } finally {
    rmSync(pgDir, { recursive: true, force: true });
    await database.drop();
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await run()) console.log(`| ${r.benchmark} | ${r.value} | ${r.baseline} | ${r.ratio} |`);
}
