// Start-up time: from spawning `living-report serve` to the first 200 from /readyz, on a fresh
// data directory (PGlite initdb, migrations, demo) and then on the existing one. Baseline in the
// same run: a bare node:http server spawned the same way, to its first 200.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const RUNS = Number(process.env.RUNS ?? 5);

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function timeToReady(args, env, path) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" }, stdio: "ignore" });
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}${path}`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 10));
  }
  const ms = performance.now() - started;
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run() {
  const dataDir = mkdtempSync(join(tmpdir(), "lr-bench-startup-"));
  const serve = ["bin/living-report.mjs", "serve"];
  const first = await timeToReady(serve, { DATA_DIR: dataDir }, "/readyz");
  const again = [];
  const bare = [];
  for (let i = 0; i < RUNS; i++) {
    again.push(await timeToReady(serve, { DATA_DIR: dataDir }, "/readyz"));
    bare.push(await timeToReady(["-e", "require('node:http').createServer((q,s)=>s.end('ok')).listen(process.env.PORT,'127.0.0.1')"], {}, "/"));
  }
  rmSync(dataDir, { recursive: true, force: true });
  return [
    { benchmark: "start-up, fresh PGlite data dir (initdb, migrate, demo)", value: `${first.toFixed(0)} ms`, baseline: "", ratio: "" },
    {
      benchmark: `start-up, existing PGlite data dir (median of ${RUNS})`,
      value: `${median(again).toFixed(0)} ms`,
      baseline: `bare node:http ${median(bare).toFixed(0)} ms`,
      ratio: `${(median(again) / median(bare)).toFixed(1)}×`,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await run());
