// Hostile input: the server (from the bundle, as `npm start` runs it) is sent Markdown built to
// exhaust the parser (section previews) while /healthz is asked every 10 ms. Reported: the time
// to refuse each input, and the slowest /healthz answer meanwhile. Baseline in the same run: the
// slowest /healthz answer over as long a time with nothing else to do.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { register } from "tsx/esm/api";

register();
const { HOSTILE_MARKDOWN } = await import("../test/helpers/hostile.ts");
const ROOT = join(import.meta.dirname, "..");

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** The slowest /healthz answer while `work` runs. */
async function slowestHealth(base, work) {
  let slowest = 0;
  let stop = false;
  const poll = (async () => {
    while (!stop) {
      const started = performance.now();
      await fetch(`${base}/healthz`);
      slowest = Math.max(slowest, performance.now() - started);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const result = await work();
  stop = true;
  await poll;
  return { slowest, result };
}

export async function run() {
  const dataDir = mkdtempSync(join(tmpdir(), "lr-bench-hostile-"));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // PGlite, no demo: the newcomer's server, driven as a first administrator.
  const { DATABASE_URL: _, ...env } = process.env;
  const child = spawn(process.execPath, ["bin/living-report.mjs", "serve"], { cwd: ROOT, env: { ...env, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", DEMO: "0", LOG_LEVEL: "warn" }, stdio: "ignore" });
  try {
    for (;;) {
      try {
        if ((await fetch(`${base}/readyz`)).ok) break;
      } catch {}
      await new Promise((r) => setTimeout(r, 50));
    }
    // A first administrator, signed in, with the CSRF token of a page.
    const cookies = new Map();
    const keep = (res) => {
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(";");
        cookies.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
      }
      return res;
    };
    const cookie = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const tokenOf = async (path) => /name="_csrf" value="([^"]+)"/.exec(await keep(await fetch(`${base}${path}`, { headers: { cookie: cookie() } })).text())[1];
    const password = "a long enough password";
    const setup = new URLSearchParams({ _csrf: await tokenOf("/setup"), name: "Bench", email: "bench@example.org", password, passwordConfirm: password });
    keep(await fetch(`${base}/setup`, { method: "POST", redirect: "manual", headers: { cookie: cookie(), "content-type": "application/x-www-form-urlencoded" }, body: setup }));
    const csrf = await tokenOf("/admin");
    const preview = async (body) => {
      const started = performance.now();
      const res = await fetch(`${base}/editor/preview`, { method: "POST", headers: { cookie: cookie(), "content-type": "application/json", accept: "application/json", "x-csrf-token": csrf }, body: JSON.stringify({ body }) });
      await res.text();
      return { status: res.status, ms: performance.now() - started };
    };
    const notes = 900;
    const heavy = `${Array.from({ length: notes }, (_, i) => `Claim ${i}.[^n${i}]`).join(" ")}\n\n${Array.from({ length: notes }, (_, i) => `[^n${i}]: Source ${i}, *p. ${i}*.`).join("\n")}`;
    await preview("*warm-up* ".repeat(300));
    const started = performance.now();
    const { slowest, result } = await slowestHealth(base, async () => {
      const answers = [];
      for (const [name, { text }] of Object.entries(HOSTILE_MARKDOWN)) answers.push({ name, ...(await preview(text)) });
      answers.push({ name: `${notes} footnotes (valid, rendered on the worker pool)`, ...(await preview(heavy)) });
      return answers;
    });
    const elapsed = performance.now() - started;
    const idle = await slowestHealth(base, () => new Promise((r) => setTimeout(r, elapsed)));
    const refused = result.filter((a) => a.status === 400);
    const worst = Math.max(...refused.map((a) => a.ms));
    const heavyRow = result.at(-1);
    return [
      { benchmark: `event-loop delay under hostile input: slowest /healthz while ${refused.length} hostile previews (all 400) and one heavy valid one are processed`, value: `${slowest.toFixed(0)} ms`, baseline: `idle ${idle.slowest.toFixed(0)} ms`, ratio: `${(slowest / idle.slowest).toFixed(1)}×` },
      { benchmark: "hostile preview: slowest refusal (2,000 nested :::, >×10,000, 5k footnotes, 150k emphasis marks…)", value: `${worst.toFixed(0)} ms`, baseline: "", ratio: "" },
      { benchmark: `heavy valid preview (${notes} footnotes, ${heavy.length} characters) on the worker pool`, value: `${heavyRow.ms.toFixed(0)} ms (status ${heavyRow.status})`, baseline: "", ratio: "" },
    ];
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) for (const r of await run()) console.log(`| ${r.benchmark} | ${r.value} | ${r.baseline} | ${r.ratio} |`);
