import { monitorEventLoopDelay } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "#src/db/client.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { listRevisions } from "#src/features/reports/repository.ts";
import * as surveyRepo from "#src/features/surveys/repository.ts";
import { createSurvey, setSurveyStatus } from "#src/features/surveys/service.ts";
import { adoptionTemplate } from "#src/features/surveys/templates.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildOrganization, buildReport, buildUser, ensureTechnology } from "#test/helpers/factories.ts";
import { HOSTILE_MARKDOWN, nestedTablesDocx, unclosedQuoteCsv } from "#test/helpers/hostile.ts";

// Inputs built to exhaust the parsers, sent over real HTTP all at once: each gets a clean 4xx,
// the server keeps answering /healthz, and no moment holds the event loop over 100 ms.

const env = useTestApp();
const caseStudyCount = async () => (await queryRows<{ n: number }>(env.database.db, sql`select count(*)::int as n from case_studies`))[0]!.n;

/** A signed-in client over real HTTP, with the session and CSRF cookies a browser would keep. */
async function client(base: string, email: string, formPage: string) {
  const cookies = new Map([["lr_session", (await new Browser(env.app).signInAs(env.database, email)).cookieHeader.replace(/^lr_session=/, "")]]);
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair = ""] = c.split(";");
      const i = pair.indexOf("=");
      cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return res;
  };
  const page = await keep(await fetch(`${base}${formPage}`, { headers: { cookie: header(), accept: "text/html" } })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
  if (!csrf) throw new Error(`No CSRF token on ${formPage}`);
  return {
    // Each returns the request ready to send: the client's own encoding is done before measuring,
    // since it shares this process's event loop with the server.
    form: (url: string, fields: Record<string, string>) => {
      const body = new URLSearchParams({ _csrf: csrf, ...fields }).toString();
      return () => fetch(`${base}${url}`, { method: "POST", redirect: "manual", headers: { cookie: header(), accept: "text/html", "content-type": "application/x-www-form-urlencoded" }, body });
    },
    cookie: header,
    json: (url: string, value: unknown) => {
      const body = JSON.stringify(value);
      return () => fetch(`${base}${url}`, { method: "POST", headers: { cookie: header(), accept: "application/json", "content-type": "application/json", "x-csrf-token": csrf }, body });
    },
    upload: (url: string, field: string, filename: string, data: Buffer) => {
      const form = new FormData();
      form.append("_csrf", csrf);
      form.append(field, new Blob([new Uint8Array(data)]), filename);
      return () => fetch(`${base}${url}`, { method: "POST", headers: { cookie: header(), accept: "text/html" }, body: form });
    },
  };
}

describe("hostile input over HTTP", () => {
  it("refuses every hostile input with a clean 4xx while the event loop stays free and /healthz answers", async () => {
    const db = env.database.db;
    const draft = await buildReport(db);
    const section = draft.chapters[0]!.sections[0]!;
    const techs = ["blockchain", "drones"];
    for (const t of techs) await ensureTechnology(db, t, t);
    const survey = await createSurvey(db, SYSTEM_ACTOR, { slug: "hostile", title: "Adoption survey", year: 2025, kind: "technology-adoption", intro: null, minGroup: 5, definition: adoptionTemplate(techs) });
    await setSurveyStatus(db, SYSTEM_ACTOR, survey.id, "open");
    const editorUser = await buildUser(db, { role: "editor" });
    const contributorUser = await buildUser(db, { role: "contributor", organizationId: (await buildOrganization(db)).id });

    const before = await listRevisions(db, section.id, "en");
    const address = await env.app.listen({ port: 0, host: "127.0.0.1" });
    const editorPage = `/editor/sections/${section.id}/en`;
    const editor = await client(address, editorUser.email, editorPage);
    const contributor = await client(address, contributorUser.email, "/member");

    // Warm up: the worker threads start and the modules load before measuring.
    expect((await editor.json("/editor/preview", { body: "*warm* ".repeat(400) })()).status).toBe(200);

    const attempts: { name: string; send: () => Promise<Response> }[] = [
      ...Object.entries(HOSTILE_MARKDOWN).flatMap(([name, { text }]) => [
        { name: `save: ${name}`, send: editor.form(editorPage, { heading: "Hostile", body: text, baseRevisionId: "" }) },
        { name: `preview: ${name}`, send: editor.json("/editor/preview", { body: text }) },
      ]),
      { name: "Word: 2,000 nested tables", send: contributor.upload("/member/case-studies/import", "document", "nested.docx", nestedTablesDocx()) },
      { name: "spreadsheet: an unclosed quote over 6 MB", send: editor.upload(`/editor/surveys/${survey.id}/import`, "responses", "answers.csv", unclosedQuoteCsv()) },
    ];
    // Heavy but within the limits: saved, then drawn on the worker pool for the draft page.
    const notes = 900;
    const heavy = `${Array.from({ length: notes }, (_, i) => `Claim ${i}.[^n${i}]`).join(" ")}\n\n${Array.from({ length: notes }, (_, i) => `[^n${i}]: Source ${i}, *p. ${i}*.`).join("\n")}`;
    const chapterPage = `/draft/${draft.report.slug}/en/${draft.chapters[0]!.slug}`;
    const saveHeavy = editor.form(editorPage, { heading: "Heavy", body: heavy, baseRevisionId: String(before.length ? before[0]!.revision.id : "") });
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    let healthy = 0;
    let stop = false;
    const health = (async () => {
      while (!stop) {
        if ((await fetch(`${address}/healthz`)).status === 200) healthy++;
        await new Promise((r) => setTimeout(r, 20));
      }
    })();

    // One after another, as a single attacker's script would send them; /healthz is asked meanwhile.
    const answers: { name: string; status: number; ms: number; body: string }[] = [];
    for (const { name, send } of attempts) {
      const started = performance.now();
      const res = await send();
      answers.push({ name, status: res.status, body: await res.text(), ms: Math.round(performance.now() - started) });
    }
    const hostileMaxMs = delay.max / 1e6;
    const saved = await saveHeavy();
    const pages = [];
    for (let i = 0; i < 2; i++) pages.push(await (await fetch(`${address}${chapterPage}`, { headers: { cookie: editor.cookie(), accept: "text/html" } })).text());
    stop = true;
    await health;
    delay.disable();

    const maxDelayMs = delay.max / 1e6;
    console.info("hostile input:", JSON.stringify({ maxDelayMs, hostileMaxMs, saved: saved.status, healthy, answers: answers.map(({ name, status, ms }) => ({ name, status, ms })) }, null, 1));
    for (const a of answers) {
      expect.soft(a.status, a.name).toBeGreaterThanOrEqual(400);
      expect.soft(a.status, a.name).toBeLessThan(500);
      expect.soft(a.body, a.name).not.toMatch(/unexpected error/i);
    }
    // Section saves and previews name the problem; nothing hostile was saved or imported.
    expect(answers.find((a) => a.name === "preview: >×10,000")!.body).toContain("field.markdownDepth");
    expect(answers.find((a) => a.name === "save: 5,000 footnotes")!.body).toContain("more than 1,000 footnotes");
    expect((await listRevisions(db, section.id, "en")).length).toBe(before.length + 1);
    expect(await caseStudyCount()).toBe(0);
    expect(await surveyRepo.responsesWithOrganizations(db, survey.id)).toEqual([]);
    // The heavy section was saved and its page shows every note.
    expect(saved.status).toBe(303);
    for (const page of pages) expect(page).toContain(`Source ${notes - 1}, <em>p. ${notes - 1}</em>.`);
    expect(healthy).toBeGreaterThan(0);
    expect(maxDelayMs).toBeLessThanOrEqual(100);
  });
});
