// Serving a published chapter page under load: the product (demo edition, PGlite) against a bare
// node:http server that returns the same bytes, in the same run, with wrk on loopback
// (50 connections, 2 threads); and the same chapter in the living draft, rendered per request
// for a signed-in editor (4 connections, 30 s timeout), against the published page.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer as netServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const DURATION = process.env.BENCH_SECONDS ?? "10";
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
  return { rps, p50: ms(50), p99: ms(99), errors };
}

/** Starts the built product on a data directory and waits until it is ready. */
export async function startProduct(dataDir) {
  const port = await freePort();
  const child = spawn(process.execPath, ["bin/living-report.mjs", "serve"], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" }, stdio: "ignore" });
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

export async function run() {
  const dataDir = mkdtempSync(join(tmpdir(), "lr-bench-page-"));
  const product = await startProduct(dataDir);
  let bare;
  let ours, baseline, draft, body;
  try {
    const response = await fetch(product.url + PAGE);
    body = Buffer.from(await response.arrayBuffer());
    const headers = Object.fromEntries([...response.headers].filter(([k]) => ["content-type", "etag", "cache-control"].includes(k)));
    // The baseline runs in its own process, as the product does (wrk blocks this one while it runs).
    const bodyFile = join(dataDir, "page.html");
    writeFileSync(bodyFile, body);
    const barePort = await freePort();
    bare = spawn(
      process.execPath,
      ["-e", `const b=require("fs").readFileSync(${JSON.stringify(bodyFile)});const h=${JSON.stringify(headers)};require("http").createServer((q,s)=>s.writeHead(200,h).end(b)).listen(${barePort},"127.0.0.1")`],
      { stdio: "ignore" },
    );
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${barePort}/`)).ok) break;
      } catch {}
      await new Promise((r) => setTimeout(r, 50));
    }

    wrk(product.url + PAGE); // warm-up: JIT and caches
    wrk(`http://127.0.0.1:${barePort}/`);
    ours = wrk(product.url + PAGE);
    baseline = wrk(`http://127.0.0.1:${barePort}/`);
    // The same chapter in the living draft, read by a signed-in editor: rendered on every request.
    const cookie = await signInAsDemoAdmin(product.url, dataDir);
    const draftUrl = `${product.url}${PAGE.replace(/^\/reports\/([^/]+)\/[^/]+\//, "/draft/$1/")}`;
    if ((await fetch(draftUrl, { headers: { cookie } })).status !== 200) throw new Error(`The draft page did not answer 200: ${draftUrl}`);
    // Four editors at once: a page rendered per request is not meant for fifty.
    wrk(draftUrl, [`Cookie: ${cookie}`], { connections: 4, timeout: "30s" });
    draft = wrk(draftUrl, [`Cookie: ${cookie}`], { connections: 4, timeout: "30s" });
  } finally {
    bare?.kill();
    await product.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return [
    {
      benchmark: `published chapter page, ${body.length} bytes, wrk 50 connections ${DURATION}s: throughput`,
      value: `${ours.rps.toFixed(0)} req/s (${ours.errors} errors)`,
      baseline: `bare node:http ${baseline.rps.toFixed(0)} req/s`,
      ratio: `${(ours.rps / baseline.rps).toFixed(2)}×`,
    },
    {
      benchmark: "published chapter page: p99 latency",
      value: `${ours.p99.toFixed(2)} ms`,
      baseline: `bare node:http ${baseline.p99.toFixed(2)} ms`,
      ratio: `${(ours.p99 / baseline.p99).toFixed(2)}×`,
    },
    {
      benchmark: `draft chapter page (signed-in editor, rendered per request), wrk 4 connections ${DURATION}s`,
      value: `${draft.rps.toFixed(1)} req/s, p50 ${draft.p50.toFixed(0)} ms, p99 ${draft.p99.toFixed(0)} ms (${draft.errors} errors)`,
      baseline: `published page ${ours.rps.toFixed(0)} req/s`,
      ratio: `1/${Math.round(ours.rps / draft.rps)}`,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await run());
