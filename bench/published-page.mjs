// Serving a published chapter page under load: the product as shipped (`living-report serve`,
// the default log level, its log written to a file as an operator would) on PGlite and, when
// BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set, on PostgreSQL, against a bare node:http
// server replaying the exact bytes and headers captured from our response, in the same run,
// with wrk on loopback (50 connections, 2 threads, median of 3 runs): once as wrk asks (no
// Accept-Encoding, the plain page) and once as browsers ask (brotli). Also the same chapter in
// the living draft, rendered per request for a signed-in editor (4 connections, 30 s timeout),
// against the published page.
import { execFileSync, spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { get as httpGet } from "node:http";
import { createServer as netServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchDatabaseUrl, scratchDatabase } from "./scratch-database.mjs";

const ROOT = join(import.meta.dirname, "..");
const DURATION = process.env.BENCH_SECONDS ?? "10";
const RUNS = 3;
const PAGE = "/reports/disruptive-technologies/2022/en/blockchain";

const freePort = () =>
  new Promise((resolve) => {
    const s = netServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

function wrk(url, headers = [], { connections = 50, timeout = "2s" } = {}) {
  const out = execFileSync("wrk", ["-c", String(connections), "-t", "2", "-d", `${DURATION}s`, "--timeout", timeout, "--latency", ...headers.flatMap((h) => ["-H", h]), url], { encoding: "utf8" });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const ms = (label) => {
    const raw = new RegExp(`${label}%\\s+([\\d.]+)(us|ms|s)`).exec(out);
    return raw ? Number(raw[1]) * { us: 0.001, ms: 1, s: 1000 }[raw[2]] : NaN;
  };
  // Requests that got no answer within the timeout are errors too, not left out of the latencies.
  const timeouts = Number(/Socket errors:.*timeout (\d+)/.exec(out)?.[1] ?? 0);
  const errors = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0) + timeouts;
  return { rps, p50: ms(50), p99: ms(99), errors, requests: Number(/(\d+) requests in/.exec(out)?.[1] ?? 0) };
}

const median = (values) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)];

/** Our response, raw (no decompression): status, headers as sent (but those node:http adds itself), bytes. */
const capture = (url, headers) =>
  new Promise((resolve, reject) => {
    // A connection of its own: a kept-alive one may have been closed by the server during the runs.
    httpGet(url, { headers, agent: false }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const { date: _d, connection: _c, "keep-alive": _k, ...sent } = res.headers;
        resolve({ status: res.statusCode, headers: sent, body: Buffer.concat(chunks) });
      });
    }).on("error", reject);
  });

/** A bare node:http server, in its own process as the product is, replaying `captured` to every request. */
async function bareServer(dir, name, captured) {
  const bodyFile = join(dir, `${name}.bytes`);
  writeFileSync(bodyFile, captured.body);
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["-e", `const b=require("fs").readFileSync(${JSON.stringify(bodyFile)});const h=${JSON.stringify(captured.headers)};require("http").createServer((q,s)=>s.writeHead(200,h).end(b)).listen(${port},"127.0.0.1")`],
    { stdio: "ignore" },
  );
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
}

/** Our page against its bare replay, one variant (plain, or brotli as browsers ask): runs taken in turns, medians. */
async function versusBare(product, dir, name, acceptEncoding) {
  const headers = acceptEncoding ? { "accept-encoding": acceptEncoding } : {};
  const captured = await capture(product.url + PAGE, headers);
  if (captured.status !== 200) throw new Error(`The published page answered ${captured.status}`);
  const bare = await bareServer(dir, name, captured);
  const wrkHeaders = acceptEncoding ? [`Accept-Encoding: ${acceptEncoding}`] : [];
  try {
    wrk(product.url + PAGE, wrkHeaders); // warm-up: JIT and caches
    wrk(bare.url, wrkHeaders);
    const ours = [];
    const baseline = [];
    for (let i = 0; i < RUNS; i++) {
      ours.push(wrk(product.url + PAGE, wrkHeaders));
      baseline.push(wrk(bare.url, wrkHeaders));
    }
    const summary = (runs) => ({ rps: median(runs.map((r) => r.rps)), p99: median(runs.map((r) => r.p99)), errors: runs.reduce((n, r) => n + r.errors, 0), requests: runs.reduce((n, r) => n + r.requests, 0) });
    return { bytes: captured.body.length, encoding: captured.headers["content-encoding"] ?? "plain", ours: summary(ours), baseline: summary(baseline) };
  } finally {
    bare.stop();
  }
}

/** The rows of one engine: plain and brotli, throughput and p99, and what the log took. */
async function pageRows(engine, product, dir) {
  const logBefore = statSync(join(dir, "server.log")).size;
  const rows = [];
  let requests = 0;
  for (const [name, accept] of [["plain", undefined], ["brotli", "gzip, deflate, br"]]) {
    const { bytes, encoding, ours, baseline } = await versusBare(product, dir, name, accept);
    requests += ours.requests;
    const what = `published chapter page, ${engine}, ${encoding} (${bytes} bytes), wrk 50 connections ${DURATION}s, median of ${RUNS}`;
    rows.push(
      { benchmark: `${what}: throughput`, value: `${ours.rps.toFixed(0)} req/s (${ours.errors} errors)`, baseline: `bare node:http ${baseline.rps.toFixed(0)} req/s`, ratio: `${(ours.rps / baseline.rps).toFixed(2)}×` },
      { benchmark: `${what}: p99 latency`, value: `${ours.p99.toFixed(2)} ms`, baseline: `bare node:http ${baseline.p99.toFixed(2)} ms`, ratio: `${(ours.p99 / baseline.p99).toFixed(2)}×` },
    );
  }
  const logged = statSync(join(dir, "server.log")).size - logBefore;
  rows.push({ benchmark: `published chapter page, ${engine}: log written at the default level under load`, value: `${logged} bytes for ${requests} requests`, baseline: "", ratio: "" });
  return rows;
}

/**
 * Starts the built product on a data directory as shipped (default log level, the log appended
 * to `server.log` there) and waits until it is ready; `env` adds to the environment (DATABASE_URL).
 */
export async function startProduct(dataDir, env = {}) {
  const port = await freePort();
  const { LOG_LEVEL: _level, DATABASE_URL: _url, ...inherited } = process.env;
  const log = openSync(join(dataDir, "server.log"), "a");
  const child = spawn(process.execPath, ["bin/living-report.mjs", "serve"], { cwd: ROOT, env: { ...inherited, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", ...env }, stdio: ["ignore", log, log] });
  closeSync(log);
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise((r) => (child.once("exit", r), child.kill("SIGTERM"))) };
}

/** Signs in with the demo administrator's printed password; answers the cookie header. */
async function signInAsDemoAdmin(url, dataDir) {
  const [, email, password] = readFileSync(join(dataDir, "demo-accounts.txt"), "utf8").split("\n")[0].split("\t");
  const cookies = new Map();
  const keep = (res) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const at = pair.indexOf("=");
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const page = await fetch(`${url}/sign-in`);
  keep(page);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())[1];
  const res = await fetch(`${url}/sign-in`, { method: "POST", redirect: "manual", headers: { cookie: header(), "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ _csrf: csrf, email, password }).toString() });
  keep(res);
  if (res.status !== 303) throw new Error(`Sign-in answered ${res.status}`);
  return header();
}

/** The same chapter in the living draft, read by a signed-in editor: rendered on every request. */
async function draftRow(product, dir, published) {
  const cookie = await signInAsDemoAdmin(product.url, dir);
  const draftUrl = `${product.url}${PAGE.replace(/^\/reports\/([^/]+)\/[^/]+\//, "/draft/$1/")}`;
  if ((await fetch(draftUrl, { headers: { cookie } })).status !== 200) throw new Error(`The draft page did not answer 200: ${draftUrl}`);
  // Four editors at once: a page rendered per request is not meant for fifty.
  wrk(draftUrl, [`Cookie: ${cookie}`], { connections: 4, timeout: "30s" });
  const draft = wrk(draftUrl, [`Cookie: ${cookie}`], { connections: 4, timeout: "30s" });
  return {
    benchmark: `draft chapter page (signed-in editor, rendered per request), PGlite, wrk 4 connections ${DURATION}s`,
    value: `${draft.rps.toFixed(1)} req/s, p50 ${draft.p50.toFixed(0)} ms, p99 ${draft.p99.toFixed(0)} ms (${draft.errors} errors)`,
    baseline: `published page ${published.toFixed(0)} req/s`,
    ratio: `1/${Math.round(published / draft.rps)}`,
  };
}

export async function run() {
  const rows = [];
  const dataDir = mkdtempSync(join(tmpdir(), "lr-bench-page-"));
  const product = await startProduct(dataDir);
  try {
    rows.push(...(await pageRows("PGlite", product, dataDir)));
    rows.push(await draftRow(product, dataDir, Number.parseFloat(rows[0].value)));
  } finally {
    await product.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const url = benchDatabaseUrl();
  if (!url) {
    rows.push({ benchmark: "published chapter page, PostgreSQL", value: "skipped (no BENCH_DATABASE_URL or TEST_DATABASE_URL)", baseline: "", ratio: "" });
    return rows;
  }
  // A database of its own with the demo in it, dropped afterwards.
  const scratch = await scratchDatabase(url);
  const pgDir = mkdtempSync(join(tmpdir(), "lr-bench-page-pg-"));
  try {
    const server = await startProduct(pgDir, { DATABASE_URL: scratch.url, DEMO: "1" });
    try {
      rows.push(...(await pageRows("PostgreSQL", server, pgDir)));
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(pgDir, { recursive: true, force: true });
    await scratch.drop();
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await run()) console.log(`| ${r.benchmark} | ${r.value} | ${r.baseline} | ${r.ratio} |`);
}
