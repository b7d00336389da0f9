// Serving a published chapter page under load: the product (demo edition, PGlite) against a bare
// node:http server that returns the same bytes, in the same run, with wrk on loopback
// (50 connections, 2 threads). Also the time to publish the demo and a 200-section report.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
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

function wrk(url) {
  const out = execFileSync("wrk", ["-c", "50", "-t", "2", "-d", `${DURATION}s`, "--latency", url], { encoding: "utf8" });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const p99raw = /99%\s+([\d.]+)(us|ms|s)/.exec(out);
  const p99 = p99raw ? Number(p99raw[1]) * { us: 0.001, ms: 1, s: 1000 }[p99raw[2]] : NaN;
  const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? "0";
  return { rps, p99, errors: Number(errors) };
}

async function startProduct(dataDir) {
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

export async function run() {
  const dataDir = mkdtempSync(join(tmpdir(), "lr-bench-page-"));
  const product = await startProduct(dataDir);
  const response = await fetch(product.url + PAGE);
  const body = Buffer.from(await response.arrayBuffer());
  const headers = Object.fromEntries([...response.headers].filter(([k]) => ["content-type", "etag", "cache-control"].includes(k)));
  // The baseline runs in its own process, as the product does (wrk blocks this one while it runs).
  const bodyFile = join(dataDir, "page.html");
  writeFileSync(bodyFile, body);
  const barePort = await freePort();
  const bare = spawn(
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
  const ours = wrk(product.url + PAGE);
  const baseline = wrk(`http://127.0.0.1:${barePort}/`);
  bare.kill();
  await product.stop();
  rmSync(dataDir, { recursive: true, force: true });
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
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await run());
