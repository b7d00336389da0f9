import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "#src/config.ts";
import { openDatabase, queryRows } from "#src/db/client.ts";
import { demoAccount, engines, freePort, startProductServer, type RunningServer } from "#e2e/helpers/server.ts";
import { HttpSession } from "#e2e/helpers/http.ts";

// Crash safety: the server is killed with SIGKILL in the middle of concurrent writes (section
// edits, case-study drafts, survey answers), started again on the same database, and every write
// it had acknowledged must be there. CRASH_ROUNDS sets the number of kills per engine (3 by
// default; the full run uses 20). The writers sign in once and keep their sessions through every
// restart (sessions live in the database, the server keeps its port): signing in every round
// would also run into the per-client sign-in limit, whose counters survive restarts too.

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 3);

type Acks = { revisions: string[]; caseStudies: string[]; staff: number };

/** Writers that loop until stopped, recording what the server acknowledged (a 303 redirect). */
function startWriters(sessions: { editor: HttpSession; member: HttpSession }, ids: { section: string; survey: string }, round: number, acks: Acks) {
  let running = true;
  const loop = async (step: (i: number) => Promise<void>) => {
    for (let i = 0; running; i++) {
      try {
        await step(i);
      } catch {
        // The server died under us: stop quietly, the check comes after the restart.
        return;
      }
    }
  };
  const { editor, member } = sessions;
  const done = Promise.all([
    loop(async (i) => {
      const page = await editor.get(`/editor/sections/${ids.section}/en`);
      const base = /name="baseRevisionId" value="(\d*)"/.exec(page.body)?.[1] ?? "";
      const body = `Crash round ${round}, edit ${i}.`;
      const res = await editor.post(`/editor/sections/${ids.section}/en`, { heading: "What it is", body, baseRevisionId: base, summary: "" });
      if (res.status === 303) acks.revisions.push(body);
    }),
    loop(async (i) => {
      const title = `Crash round ${round}, draft ${i}`;
      const res = await member.post("/member/case-studies", { title, language: "en", intent: "save" });
      if (res.status === 303) acks.caseStudies.push(title);
    }),
    loop(async () => {
      const staff = acks.staff + 1;
      const res = await member.post(`/member/surveys/${ids.survey}`, { "q.innovation_unit": "yes", "q.innovation_staff": String(staff), intent: "save" });
      if (res.status === 303) acks.staff = staff;
    }),
  ]);
  return {
    stop: async () => {
      running = false;
      await done;
    },
  };
}

describe.each(engines())("crash safety on %s", (engine) => {
  let server: RunningServer;
  const acks: Acks = { revisions: [], caseStudies: [], staff: 0 };

  beforeAll(async () => {
    // A fixed port, so that the sessions' address stays right through every restart.
    server = await startProductServer(engine, { PORT: String(await freePort()) });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it(`keeps every acknowledged write through ${ROUNDS} kills with SIGKILL`, { timeout: 120_000 + ROUNDS * 60_000 }, async () => {
    const signIn = (role: "editor" | "contributor") => new HttpSession(server.url).signIn(demoAccount(server, role).email, demoAccount(server, role).password);
    const sessions = { editor: await signIn("editor"), member: await signIn("contributor") };
    const outline = await sessions.editor.get("/editor/reports/disruptive-technologies");
    const section = /\/editor\/sections\/([0-9a-f-]{36})\/en/.exec(outline.body)![1]!;
    const work = await sessions.member.get("/member");
    const survey = /\/member\/surveys\/([0-9a-f-]{36})/.exec(work.body)![1]!;

    for (let round = 1; round <= ROUNDS; round++) {
      const writers = startWriters(sessions, { section, survey }, round, acks);
      // Let the writers get going, then kill the server without warning.
      await new Promise((r) => setTimeout(r, 400 + Math.floor(Math.random() * 1200)));
      await server.kill();
      await writers.stop();
      server = await server.restart();
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      // Still signed in: the session outlived the crash.
      expect((await sessions.editor.get("/account")).status).toBe(200);
    }
    expect(acks.revisions.length).toBeGreaterThan(0);
    expect(acks.caseStudies.length).toBeGreaterThan(0);
    expect(acks.staff).toBeGreaterThan(0);

    // Every acknowledged write is in the database the restarted server uses.
    await server.kill();
    const database = await openDatabase(loadConfig(server.env));
    try {
      const revisions = new Set((await queryRows<{ body: string }>(database.db, sql`select body from section_revisions where section_id = ${section}`)).map((r) => r.body));
      expect(acks.revisions.filter((b) => !revisions.has(b))).toEqual([]);
      const titles = new Set((await queryRows<{ title: string }>(database.db, sql`select v.fields->>'title' as title from case_study_versions v`)).map((r) => r.title));
      expect(acks.caseStudies.filter((t) => !titles.has(t))).toEqual([]);
      const [response] = await queryRows<{ staff: number }>(database.db, sql`select (r.answers->>'innovation_staff')::float as staff from survey_responses r join organizations o on o.id = r.organization_id where r.survey_id = ${survey} and o.name = 'Korea Customs Service'`);
      // Later writes may have landed unacknowledged; an acknowledged one is never lost.
      expect(response!.staff).toBeGreaterThanOrEqual(acks.staff);
    } finally {
      await database.close();
    }
  });
});
