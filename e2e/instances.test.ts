import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, queryRows, type Database } from "#src/db/client.ts";
import { SIGN_IN_LIMITS } from "#src/features/members/sign-in-limits.ts";
import { HttpSession } from "#e2e/helpers/http.ts";
import { createPostgresDatabase, demoAccount, startProductServerWith, type RunningServer } from "#e2e/helpers/server.ts";
import { testDatabaseUrl } from "#test/helpers/prerequisites.ts";

// Several instances on one PostgreSQL behind a load balancer: three `living-report serve`
// processes on one fresh database, a small round-robin proxy in front of them (as nginx would be).
// What one instance changes, the others serve within a second; the sign-in limit is one limit;
// an export runs once; an instance killed during writes loses no acknowledged write while the
// other two go on serving. Without TEST_DATABASE_URL this suite is skipped (and fails in CI).

const REPORT = "disruptive-technologies";
const EDITION = "2022";
const CHAPTER = `/reports/${REPORT}/${EDITION}/en/blockchain`;

/** A round-robin proxy: a GET or HEAD that finds its upstream dead is tried on the next one; any other request answers 502. */
function roundRobinProxy(upstreams: string[]) {
  const served = upstreams.map(() => 0);
  const dead = new Set<number>();
  let next = 0;
  const forward = (index: number, req: IncomingMessage, body: Buffer, res: ServerResponse, triesLeft: number) => {
    const target = new URL(req.url ?? "/", upstreams[index]);
    const upstream = httpRequest(target, { method: req.method, headers: req.headers }, (answer) => {
      served[index]!++;
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => {
      if (res.headersSent) return void res.destroy();
      dead.add(index);
      const idempotent = req.method === "GET" || req.method === "HEAD";
      if (idempotent && triesLeft > 0) return forward(pick(), req, body, res, triesLeft - 1);
      res.writeHead(502).end();
    });
    upstream.end(body);
  };
  const pick = () => {
    for (let i = 0; i < upstreams.length; i++) {
      const index = next++ % upstreams.length;
      if (!dead.has(index)) return index;
    }
    return next++ % upstreams.length;
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => forward(pick(), req, Buffer.concat(chunks), res, upstreams.length - 1));
  });
  return {
    served,
    listen: () => new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`))),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!testDatabaseUrl())("three instances on one PostgreSQL", () => {
  const servers: RunningServer[] = [];
  const dataDirs: string[] = [];
  let dropDatabase = async () => {};
  let database: Database;
  let proxy: ReturnType<typeof roundRobinProxy>;
  let proxyUrl = "";

  beforeAll(async () => {
    const created = await createPostgresDatabase();
    dropDatabase = () => created.drop();
    // What every instance shares: the database and the secret that signs cookies and CSRF tokens.
    const shared = { DATABASE_URL: created.url, SESSION_SECRET: "instances-test-secret-0123456789-abcdefghijklmnop" };
    const start = (demo: boolean) => {
      const dir = mkdtempSync(join(tmpdir(), "lr-instance-"));
      dataDirs.push(dir);
      return startProductServerWith({ ...shared, DATA_DIR: dir, DEMO: demo ? "1" : "0" });
    };
    servers.push(await start(true));
    servers.push(...(await Promise.all([start(false), start(false)])));
    database = await openDatabase({ databaseUrl: created.url, dataDir: dataDirs[0]! });
    proxy = roundRobinProxy(servers.map((s) => s.url));
    proxyUrl = await proxy.listen();
  });

  afterAll(async () => {
    await proxy?.close();
    await database?.close();
    await Promise.all(servers.map((s) => s.stop()));
    await dropDatabase();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it("runs an export asked on every instance at once as one job, once", async () => {
    const path = `/reports/${REPORT}/${EDITION}/en/export/html`;
    const answers = await Promise.all(servers.flatMap((s) => [s, s].map((t) => fetch(t.url + path, { redirect: "manual" }))));
    const jobIds = new Set(answers.map((a) => a.headers.get("location")).filter((l): l is string => l !== null));
    expect(jobIds.size).toBe(1);
    const [jobPath] = jobIds;
    for (let i = 0; ; i++) {
      const job = (await (await fetch(servers[i % 3]!.url + jobPath!, { headers: { accept: "application/json" } })).json()) as { status: string };
      if (job.status === "done") break;
      expect(job.status).not.toBe("failed");
      await sleep(100);
    }
    const jobs = await queryRows<{ attempts: number; key: string }>(database.db, sql`select attempts, key from jobs where kind = 'export'`);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.attempts).toBe(1);
    const files = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from export_files where key = ${jobs[0]!.key}`);
    expect(files[0]!.n).toBe(1);
  });

  it("holds the sign-in limit across instances", async () => {
    const browser = new HttpSession(proxyUrl);
    await browser.get("/sign-in");
    const before = [...proxy.served];
    const address = `nobody-${Date.now()}@example.org`;
    const statuses: number[] = [];
    for (let i = 0; i <= SIGN_IN_LIMITS.perAddress; i++) statuses.push((await browser.post("/sign-in", { email: address, password: "wrong password!" })).status);
    // Every instance took its part of the tries.
    expect(proxy.served.every((n, i) => n - before[i]! >= 3)).toBe(true);
    expect(statuses).toEqual([...Array<number>(SIGN_IN_LIMITS.perAddress).fill(401), 429]);
    // Another address from the same client still gets its tries.
    expect((await browser.post("/sign-in", { email: `other-${address}`, password: "wrong password!" })).status).toBe(401);
  });

  it("serves a withdrawal made on one instance from the other two within a second", async () => {
    const [first, ...others] = servers as [RunningServer, RunningServer, RunningServer];
    // The other two have the page in memory.
    for (const other of others) expect((await fetch(other.url + CHAPTER)).status).toBe(200);
    const reason = `Superseded, checked at ${Date.now()}`;
    expect((await fetch(others[0].url + CHAPTER).then((r) => r.text())).includes(reason)).toBe(false);

    const editor = await new HttpSession(first.url).signIn(demoAccount(first, "editor").email, demoAccount(first, "editor").password);
    const [edition] = await queryRows<{ id: string }>(database.db, sql`select e.id from editions e join reports r on r.id = e.report_id where r.slug = ${REPORT} and e.label = ${EDITION}`);
    const asked = await editor.post(`/editor/editions/${edition!.id}/withdraw`, { confirm: EDITION, reason });
    expect(asked.status).toBe(303);
    const jobId = asked.location!.replace("/jobs/", "");
    for (;;) {
      const [job] = await queryRows<{ status: string; error: string | null }>(database.db, sql`select status, error from jobs where id = ${jobId}`);
      if (job!.status === "done") break;
      expect(job!.error).toBeNull();
      await sleep(20);
    }
    const done = Date.now();
    const seen = await Promise.all(
      others.map(async (other) => {
        for (;;) {
          if ((await fetch(other.url + CHAPTER).then((r) => r.text())).includes(reason)) return Date.now() - done;
          await sleep(25);
          if (Date.now() - done > 5000) return Infinity;
        }
      }),
    );
    console.log(`withdrawal served by the other instances after ${seen.join(", ")} ms`);
    for (const ms of seen) expect(ms).toBeLessThanOrEqual(1000);
  });

  it("loses no acknowledged write when an instance is killed, and the other two go on serving", async () => {
    const editor = await new HttpSession(proxyUrl).signIn(demoAccount(servers[0]!, "editor").email, demoAccount(servers[0]!, "editor").password);
    const member = await new HttpSession(proxyUrl).signIn(demoAccount(servers[0]!, "contributor").email, demoAccount(servers[0]!, "contributor").password);
    const [section] = await queryRows<{ id: string }>(database.db, sql`select s.id from sections s join chapters c on c.id = s.chapter_id join reports r on r.id = c.report_id where r.slug = ${REPORT} order by s.id limit 1`);
    const acked = { revisions: [] as string[], drafts: [] as string[], afterKill: 0 };
    const readerErrors: string[] = [];
    let killed = false;
    let running = true;
    const loop = async (step: (i: number) => Promise<void>) => {
      for (let i = 0; running; i++) await step(i);
    };
    const load = Promise.all([
      loop(async (i) => {
        const page = await editor.get(`/editor/sections/${section!.id}/en`);
        const base = /name="baseRevisionId" value="(\d*)"/.exec(page.body)?.[1] ?? "";
        const body = `Instances test, edit ${i}.`;
        const res = await editor.post(`/editor/sections/${section!.id}/en`, { heading: "What it is", body, baseRevisionId: base, summary: "" });
        if (res.status === 303) acked.revisions.push(body);
      }),
      loop(async (i) => {
        const title = `Instances test, draft ${i}`;
        const res = await member.post("/member/case-studies", { title, language: "en", intent: "save" });
        if (res.status === 303) {
          acked.drafts.push(title);
          if (killed) acked.afterKill++;
        }
      }),
      ...[0, 1, 2].map(() =>
        loop(async () => {
          for (const path of ["/", CHAPTER, "/case-studies"]) {
            const res = await fetch(proxyUrl + path);
            await res.arrayBuffer();
            if (res.status !== 200) readerErrors.push(`${path}: ${res.status}`);
          }
        }),
      ),
    ]);
    await sleep(1500);
    await servers[2]!.kill();
    killed = true;
    await sleep(2500);
    running = false;
    await load;

    expect(readerErrors).toEqual([]);
    expect(acked.revisions.length).toBeGreaterThan(0);
    expect(acked.afterKill).toBeGreaterThan(0);
    const revisions = new Set((await queryRows<{ body: string }>(database.db, sql`select body from section_revisions where section_id = ${section!.id}`)).map((r) => r.body));
    expect(acked.revisions.filter((b) => !revisions.has(b))).toEqual([]);
    const titles = new Set((await queryRows<{ title: string }>(database.db, sql`select fields->>'title' as title from case_study_versions`)).map((r) => r.title));
    expect(acked.drafts.filter((t) => !titles.has(t))).toEqual([]);
  });
});
