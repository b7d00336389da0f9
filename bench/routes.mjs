// Server time per request for the dynamic routes on the demo: home, library, search, the API's
// edition, a chapter of the living draft and the section editor (both as a signed-in editor).
// The real product (`living-report serve`, request logging at info as shipped) on PGlite, then on
// PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set. Each route: sequential
// requests on one keep-alive connection after a warm-up, p50 and p99 as the client saw them and
// p50 of the server's own time (from its log line). Baseline in the same run: /healthz on
// the same server. ROUTES_REQUESTS (200) changes the count; ROUTES_PROFILE=<dir> writes the
// server's CPU profile there (node --cpu-prof) to see where the time goes; ROUTES_ONLY=<word>
// measures only the routes whose name contains it.
import { mkdtempSync, writeFileSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { register } from "tsx/esm/api";

register();
const { startProductServer, demoAccount } = await import("../e2e/helpers/server.ts");
const { HttpSession } = await import("../e2e/helpers/http.ts");

const REQUESTS = Number(process.env.ROUTES_REQUESTS ?? 200);
const WARMUP = 20;
const REPORT = "disruptive-technologies";

/** A GET on the given agent; resolves with the status and body once read. */
function get(url, agent, cookie) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent, headers: { accept: "text/html", ...(cookie ? { cookie } : {}) } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

const percentile = (xs, p) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : 0);
const ms = (x) => `${x.toFixed(2)} ms`;

/** The server's responseTime per request id, from the JSON log lines it printed since `from`. */
function serverTimes(output, from) {
  const urls = new Map();
  const times = [];
  for (const line of output.slice(from).split("\n")) {
    if (!line.startsWith("{")) continue;
    let entry;
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    if (entry.req?.url) urls.set(entry.reqId, entry.req.url);
    // Fastify's own "request completed" line (responseTime), or the product's one line per request (ms).
    const took = entry.responseTime ?? entry.ms;
    if (typeof took === "number") times.push({ url: entry.req?.url ?? entry.url ?? urls.get(entry.reqId), ms: took });
  }
  return times;
}

/**
 * NODE_OPTIONS for a server that writes its CPU profile into `dir` when it exits (node refuses
 * --cpu-prof in NODE_OPTIONS, so a preloaded module runs the inspector's profiler instead).
 */
function profilingOptions(dir) {
  const preload = join(mkdtempSync(join(tmpdir(), "lr-prof-")), "profile.mjs");
  const code = `import { Session } from "node:inspector"; import { writeFileSync } from "node:fs";
const session = new Session(); session.connect(); session.post("Profiler.enable"); session.post("Profiler.start");
process.on("exit", () => session.post("Profiler.stop", (err, r) => { if (!err) writeFileSync(${JSON.stringify(dir)} + "/server-" + process.pid + ".cpuprofile", JSON.stringify(r.profile)); }));`;
  writeFileSync(preload, code);
  return { NODE_OPTIONS: `--import=${preload}` };
}

/** Sequential requests to one path on one keep-alive connection; client and server times. */
async function measure(server, path, cookie) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (let i = 0; i < WARMUP; i++) {
      const res = await get(server.url + path, agent, cookie);
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    }
    const from = server.output().length;
    const client = [];
    for (let i = 0; i < REQUESTS; i++) {
      const started = performance.now();
      const res = await get(server.url + path, agent, cookie);
      client.push(performance.now() - started);
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    }
    // The log is written asynchronously: give it a moment to arrive.
    await new Promise((r) => setTimeout(r, 200));
    const logged = serverTimes(server.output(), from)
      .filter((t) => t.url === undefined || t.url === path)
      .map((t) => t.ms);
    return { p50: percentile(client, 50), p99: percentile(client, 99), server: logged.length ? percentile(logged, 50) : undefined };
  } finally {
    agent.destroy();
  }
}

async function runEngine(engine) {
  const env = { LOG_LEVEL: "info", ...(process.env.ROUTES_PROFILE ? profilingOptions(process.env.ROUTES_PROFILE) : {}) };
  const server = await startProductServer(engine, env);
  try {
    const account = demoAccount(server, "editor");
    const session = await new HttpSession(server.url).signIn(account.email, account.password);
    const cookie = session.cookieHeader;
    const outline = await session.get(`/editor/reports/${REPORT}`);
    const section = /\/editor\/sections\/([0-9a-f-]{36})\/en/.exec(outline.body)?.[1];
    if (!section) throw new Error("No section in the demo's outline");
    const routes = [
      ["home", "/"],
      ["case-study library", "/case-studies"],
      ["search", "/search?q=ledger"],
      ["API edition", `/api/v1/reports/${REPORT}/editions/2022`],
      ["draft chapter (signed-in editor)", `/draft/${REPORT}/en/blockchain`, cookie],
      ["editor open (signed-in editor)", `/editor/sections/${section}/en`, cookie],
    ];
    const baseline = await measure(server, "/healthz");
    const results = [];
    for (const [name, path, withCookie] of routes.filter(([name]) => name.includes(process.env.ROUTES_ONLY ?? ""))) results.push({ name, ...(await measure(server, path, withCookie)) });
    return { baseline, results };
  } finally {
    await server.stop();
  }
}

export async function run() {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url) process.env.TEST_DATABASE_URL = url;
  const rows = [];
  for (const [engine, label, goal] of [
    ["pglite", "PGlite", 20],
    ["postgres", "PostgreSQL", 10],
  ]) {
    if (engine === "postgres" && !url) {
      rows.push({ benchmark: "server time per request, demo data, PostgreSQL", value: "skipped (no BENCH_DATABASE_URL or TEST_DATABASE_URL)", baseline: "", ratio: "" });
      continue;
    }
    const { baseline, results } = await runEngine(engine);
    for (const r of results) {
      const server = r.server === undefined ? "" : `, server p50 ${ms(r.server)}`;
      rows.push({
        benchmark: `server time per request, demo data, ${REQUESTS} sequential on one connection, ${label}: ${r.name} (goal ≤ ${goal} ms)`,
        value: `p50 ${ms(r.p50)}, p99 ${ms(r.p99)}${server}`,
        baseline: `/healthz p50 ${ms(baseline.p50)}${baseline.server === undefined ? "" : `, server ${ms(baseline.server)}`}`,
        ratio: `${(r.p50 / baseline.p50).toFixed(1)}×`,
      });
    }
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log("| benchmark | ours | baseline | ratio |\n|---|---|---|---|");
  for (const r of await run()) console.log(`| ${r.benchmark} | ${r.value} | ${r.baseline} | ${r.ratio} |`);
}
