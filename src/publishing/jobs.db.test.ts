import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { jobs } from "#src/db/schema/jobs.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { freezeEdition, publishEdition } from "#src/features/editions/service.ts";
import { getEdition } from "#src/features/editions/repository.ts";
import { saveSection } from "#src/features/reports/revisions.ts";
import { FORMAT_NAMES, FORMATS } from "#src/publishing/formats.ts";
import { claimJob, getJob, requestExport, runPendingJobs, type ExportParams } from "#src/publishing/jobs.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildReport, buildUser } from "#test/helpers/factories.ts";

const env = useTestApp();

describe("export jobs", () => {
  it("produces a published edition's PDF once, through a job readers can watch", async () => {
    const draft = await buildReport(env.database.db);
    const edition = await freezeEdition(env.database.db, SYSTEM_ACTOR, draft.report.id, { label: "2022", title: "Edition 2022", editionDate: "2022-06-30", foreword: null });
    await publishEdition(env.database.db, SYSTEM_ACTOR, edition.id, { to: "published", publicUrl: "http://localhost" });
    const url = `/reports/${draft.report.slug}/2022/fr/export/pdf`;
    const first = await env.app.inject({ url });
    expect(first.statusCode).toBe(303);
    const jobUrl = String(first.headers.location);
    const waiting = await env.app.inject({ url: jobUrl, headers: { accept: "text/html" } });
    expect(waiting.body).toContain("job.js");
    expect(waiting.body).not.toContain('http-equiv="refresh"');
    expect((await env.app.inject({ url: jobUrl, headers: { accept: "application/json" } })).json()).toMatchObject({ status: "queued" });
    // A second reader joins the same job rather than starting another.
    expect((await env.app.inject({ url })).headers.location).toBe(jobUrl);
    expect(await runPendingJobs(env.database.db)).toBe(1);
    const done = await env.app.inject({ url: `${jobUrl}/download` });
    expect(done.statusCode).toBe(200);
    expect(done.headers["content-type"]).toBe("application/pdf");
    expect(done.headers["content-disposition"]).toContain(`${draft.report.slug}-2022-fr.pdf`);
    expect(done.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    // From now on the file is served directly, and no job is added.
    const again = await env.app.inject({ url });
    expect(again.statusCode).toBe(200);
    expect(again.rawPayload.equals(done.rawPayload)).toBe(true);
    const job = await getJob(env.database.db, jobUrl.split("/").pop()!);
    expect(job?.status).toBe("done");
    expect(await env.database.db.select().from(jobs).where(eq(jobs.key, job!.key))).toHaveLength(1);
  });

  it("exports the living draft for editors only", async () => {
    const draft = await buildReport(env.database.db);
    const url = `/reports/${draft.report.slug}/draft/en/export/pdf`;
    expect((await env.app.inject({ url, headers: { accept: "application/json" } })).statusCode).toBe(401);
    const contributor = await buildUser(env.database.db);
    expect((await (await new Browser(env.app).signInAs(env.database, contributor.email)).get(url)).statusCode).toBe(403);
    const editor = await buildUser(env.database.db, { role: "editor" });
    const browser = await new Browser(env.app).signInAs(env.database, editor.email);
    const res = await browser.get(url);
    expect(res.statusCode).toBe(303);
    await runPendingJobs(env.database.db);
    const file = await browser.get(`${res.headers.location}/download`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["cache-control"]).toBe("private, no-cache");
    // Anonymous readers cannot fetch a draft's file even with its job address.
    expect((await env.app.inject({ url: `${res.headers.location}/download`, headers: { accept: "application/json" } })).statusCode).toBe(401);
    // Nor can a member who may not start the export: the same rule guards the job and the file.
    const member = await new Browser(env.app).signInAs(env.database, contributor.email);
    expect((await member.get(`${res.headers.location}/download`)).statusCode).toBe(403);
    expect((await member.get(String(res.headers.location))).statusCode).toBe(403);
    expect((await member.get(String(res.headers.location), { accept: "application/json" })).statusCode).toBe(403);
  });

  it("never gives one job to two workers", async () => {
    const draft = await buildReport(env.database.db);
    await requestExport(env.database.db, SYSTEM_ACTOR, draft.report, undefined, "pdf", "en");
    await requestExport(env.database.db, SYSTEM_ACTOR, draft.report, undefined, "pdf", "fr");
    const claimed = await Promise.all([claimJob(env.database.db), claimJob(env.database.db), claimJob(env.database.db)]);
    const ids = claimed.filter(Boolean).map((j) => j!.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(2);
  });

  it("queues a published edition's downloads in every language and format when an editor publishes it", async () => {
    const draft = await buildReport(env.database.db);
    // Empty sections would block publishing: each gets its text.
    for (const s of draft.chapters.flatMap((c) => c.sections)) {
      await saveSection(env.database.db, SYSTEM_ACTOR, { sectionId: s.id, language: "en", heading: s.texts.en!.heading, body: "Pilots at seaports.", baseRevisionId: s.texts.en!.revisionId, summary: null });
    }
    const edition = await freezeEdition(env.database.db, SYSTEM_ACTOR, draft.report.id, { label: "2040", title: "Edition 2040", editionDate: "2040-01-01", foreword: null });
    const editor = await new Browser(env.app).signInAs(env.database, (await buildUser(env.database.db, { role: "editor" })).email);
    const page = `/editor/editions/${edition.id}`;
    const exportsOf = async () => (await env.database.db.select().from(jobs)).filter((j) => (j.params as ExportParams).edition === "2040");
    // Into review: nothing to download yet.
    expect((await editor.submit(page, `${page}/status`, { to: "in_review" })).headers.location).toBe(page);
    expect(await exportsOf()).toEqual([]);
    // Publishing is confirmed with the edition's label (the form posts the warnings it showed) and runs as a job; its downloads are queued when it is done.
    const warnings = /name="warnings" value="([^"]*)"/.exec((await editor.get(page)).body)?.[1] ?? "";
    const published = await editor.submit(page, `${page}/publish`, { confirm: "2040", note: "A test edition: its sections are still drafts.", warnings });
    expect(published.statusCode).toBe(303);
    const jobUrl = String(published.headers.location);
    expect(jobUrl).toMatch(/^\/jobs\/[0-9a-f-]+$/);
    expect(await exportsOf()).toEqual([]);
    const quick = Object.fromEntries(FORMAT_NAMES.map((f) => [f, { ...FORMATS[f], render: async () => Buffer.from(f) }]));
    await runPendingJobs(env.database.db, { formats: quick });
    expect((await getEdition(env.database.db, edition.id))?.status).toBe("published");
    const queued = await exportsOf();
    expect(queued.map((j) => { const p = j.params as ExportParams; return `${p.lang}.${p.format}`; }).sort()).toEqual(draft.report.languages.flatMap((lang) => FORMAT_NAMES.map((f) => `${lang}.${f}`)).sort());
    // A withdrawal needs its reason: the page comes back with the error, and the edition stays published.
    const refused = await editor.submit(page, `${page}/withdraw`, { confirm: "2040", reason: "" });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("error-summary");
    expect((await getEdition(env.database.db, edition.id))?.status).toBe("published");
  });
});
