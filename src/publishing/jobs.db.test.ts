import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { jobs } from "#src/db/schema/jobs.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { changeStatus, freezeEdition } from "#src/features/editions/service.ts";
import { claimJob, getJob, requestExport, runPendingJobs } from "#src/publishing/jobs.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildReport, buildUser } from "#test/helpers/factories.ts";

const env = useTestApp();

describe("export jobs", () => {
  it("produces a published edition's PDF once, through a job readers can watch", async () => {
    const draft = await buildReport(env.database.db);
    const edition = await freezeEdition(env.database.db, SYSTEM_ACTOR, draft.report.id, { label: "2022", title: "Edition 2022", editionDate: "2022-06-30", foreword: null });
    await changeStatus(env.database.db, SYSTEM_ACTOR, edition.id, "published", { publicUrl: "http://localhost" });
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
});
