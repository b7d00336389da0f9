import { request as httpRequest, Agent } from "node:http";
import { sql } from "drizzle-orm";
import { loadConfig } from "#src/config.ts";
import { openDatabase, queryRows } from "#src/db/client.ts";
import { inviteAndAcceptHttp } from "#e2e/helpers/accounts.ts";
import { HttpSession } from "#e2e/helpers/http.ts";
import { demoAccount, startProductServer, type Engine } from "#e2e/helpers/server.ts";

// Load against the real product on the demo: readers on the public pages, the API and search,
// and editors each saving their own section over and over, all at once for a fixed time. Every
// answer is timed per route; afterwards every edit the server acknowledged must be in the
// section's history. Used by e2e/load.test.ts (short) and bench/load.mjs (the full run).

export type LoadOptions = { engine: Engine; seconds: number; readers: number; editors: number };
export type RouteStats = { route: string; requests: number; errors: number; p50: number; p99: number };
export type LoadResult = { routes: RouteStats[]; errors: string[]; acknowledged: number; lost: number; requests: number; rps: number; rssMiB: { idle: number; loaded: number }; newcomers: { arrived: number; answeredDuringLoad: number } };

const READS = [
  ["home", "/"],
  ["edition contents", "/reports/disruptive-technologies/2022/en/"],
  ["chapter (fr)", "/reports/disruptive-technologies/2022/fr/blockchain"],
  ["case-study library", "/case-studies?region=AMS"],
  ["search", "/search?q=ledger"],
  ["API edition", "/api/v1/reports/disruptive-technologies/editions/2022"],
] as const;

/** A GET over the given agent (one per simulated reader, as a browser keeps its own connection). */
function get(url: string, agent: Agent | false): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent, headers: { accept: "text/html" } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

const percentile = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : 0);

/** Resident memory of the server process, from /proc (Linux). */
async function rssMiB(pid: number) {
  const { readFileSync } = await import("node:fs");
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const server = await startProductServer(options.engine);
  const times = new Map<string, number[]>();
  const failures = new Map<string, number>();
  const errors: string[] = [];
  const note = (route: string, ms: number, ok: boolean, detail: string) => {
    (times.get(route) ?? times.set(route, []).get(route)!).push(ms);
    if (!ok) {
      failures.set(route, (failures.get(route) ?? 0) + 1);
      if (errors.length < 20) errors.push(`${route}: ${detail}`);
    }
  };
  try {
    // Editors: the demo's own, and more invited by the administrator (each sets a password from the link).
    const admin = await new HttpSession(server.url).signIn(demoAccount(server, "admin").email, demoAccount(server, "admin").password);
    const outline = await admin.get("/editor/reports/disruptive-technologies");
    const sections = [...new Set([...outline.body.matchAll(/\/editor\/sections\/([0-9a-f-]{36})\/en/g)].map((m) => m[1]!))];
    const editors: HttpSession[] = [];
    for (let i = 0; i < options.editors; i++) {
      const email = `load-editor-${i}@example.org`;
      editors.push(await inviteAndAcceptHttp(admin, server, { name: `Load editor ${i}`, email, role: "editor", password: "load editor password" }));
    }
    const pid = server.pid;
    const idle = pid ? await rssMiB(pid) : 0;

    await Promise.all(editors.map((session) => session.get("/account")));
    const acknowledged: { section: string; body: string }[] = [];
    const until = Date.now() + options.seconds * 1000;
    const timed = async <T extends { status: number }>(route: string, work: () => Promise<T>, expected: (s: number) => boolean): Promise<T | undefined> => {
      const started = performance.now();
      try {
        const res = await work();
        note(route, performance.now() - started, expected(res.status), `status ${res.status}`);
        return res;
      } catch (e) {
        note(route, performance.now() - started, false, String(e));
        return undefined;
      }
    };
    // Every reader keeps its own connection, as a browser does; the editors' sessions share the
    // process's fetch pool, opened before the load starts.
    const reader = async (n: number) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        for (let i = n; Date.now() < until; i++) {
          const [route, path] = READS[i % READS.length]!;
          await timed(route, () => get(server.url + path, agent), (s) => s === 200);
        }
      } finally {
        agent.destroy();
      }
    };
    // Visitors arriving during the load, each on a new connection: one a second after the start,
    // then one every two seconds. Counted: how many were answered while the load still ran.
    const newcomers = { arrived: 0, answeredDuringLoad: 0 };
    const arrive = async () => {
      const arrivals: Promise<unknown>[] = [];
      for (let wait = 1000; Date.now() + wait < until; wait = 2000) {
        await new Promise((r) => setTimeout(r, wait));
        newcomers.arrived += 1;
        arrivals.push(
          timed("new visitor (new connection)", () => get(`${server.url}/reports/disruptive-technologies/2022/en/`, false), (s) => s === 200).then(() => {
            if (Date.now() < until) newcomers.answeredDuringLoad += 1;
          }),
        );
      }
      await Promise.all(arrivals);
    };
    const editor = async (session: HttpSession, n: number) => {
      const section = sections[n % sections.length]!;
      for (let i = 0; Date.now() < until; i++) {
        const page = await timed("editor: open section", () => session.get(`/editor/sections/${section}/en`), (s) => s === 200);
        const base = page && /name="baseRevisionId" value="(\d*)"/.exec(page.body)?.[1];
        const body = `Load edit ${n}.${i}: editors save while readers read.`;
        const saved = await timed("editor: save section", () => session.post(`/editor/sections/${section}/en`, { heading: `Section ${n}`, body, baseRevisionId: base ?? "", summary: "load" }), (s) => s === 303);
        if (saved?.status === 303) acknowledged.push({ section, body });
      }
    };
    let loaded = 0;
    const sampler = setInterval(() => {
      if (pid) void rssMiB(pid).then((m) => (loaded = Math.max(loaded, m)));
    }, 1000);
    const started = Date.now();
    await Promise.all([...Array.from({ length: options.readers }, (_, n) => reader(n)), ...editors.map((s, n) => editor(s, n)), arrive()]);
    clearInterval(sampler);
    const elapsed = (Date.now() - started) / 1000;

    // Nothing lost: every acknowledged save is a revision of its section.
    await server.kill();
    const database = await openDatabase(loadConfig(server.env));
    let lost = 0;
    try {
      const rows = await queryRows<{ section: string; body: string }>(database.db, sql`select section_id::text as section, body from section_revisions where summary = 'load'`);
      const stored = new Set(rows.map((r) => `${r.section}\n${r.body}`));
      lost = acknowledged.filter((a) => !stored.has(`${a.section}\n${a.body}`)).length;
    } finally {
      await database.close();
    }
    const routes = [...times].map(([route, ms]) => ({ route, requests: ms.length, errors: failures.get(route) ?? 0, p50: Math.round(percentile(ms, 50) * 10) / 10, p99: Math.round(percentile(ms, 99) * 10) / 10 }));
    const requests = routes.reduce((n, r) => n + r.requests, 0);
    return { routes, errors, acknowledged: acknowledged.length, lost, requests, rps: Math.round(requests / elapsed), rssMiB: { idle, loaded }, newcomers };
  } finally {
    await server.stop();
  }
}
