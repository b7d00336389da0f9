import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { queryRows } from "#src/db/client.ts";
import { exportFiles, jobs } from "#src/db/schema/jobs.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { freezeEdition, publishEdition } from "#src/features/editions/service.ts";
import { PROJECT_ROOT } from "#src/lib/paths.ts";
import { translator } from "#src/i18n/i18n.ts";
import { FORMATS, type Format } from "#src/publishing/formats.ts";
import { claimJob, cleanUpJobs, getExportFile, getJob, requestExport, runJob, runPendingJobs } from "#src/publishing/jobs.ts";
import { runInChild } from "#src/publishing/pdf.ts";
import { useTestApp } from "#test/helpers/app.ts";
import { buildReport } from "#test/helpers/factories.ts";

const env = useTestApp();
const HUNG_WORKER = join(PROJECT_ROOT, "test", "fixtures", "hung-worker.mjs");

/** An HTML renderer that always fails, counting its calls. */
function failingHtml() {
  const format = { ...FORMATS.html, calls: 0 };
  format.render = async () => {
    format.calls++;
    throw new Error("The renderer broke.");
  };
  return format;
}

const isDue = async (id: string) =>
  (await queryRows<{ due: boolean }>(env.database.db, sql`select run_after <= now() as due from jobs where id = ${id}`))[0]!.due;

describe("the export job runner", () => {
  // Each test starts with an empty queue: a runner takes any due job in the table.
  beforeEach(async () => {
    await env.database.db.delete(jobs);
    await env.database.db.delete(exportFiles);
  });

  it("hands a job back uncounted when the server stops in the middle of it", async () => {
    const { db } = env.database;
    const draft = await buildReport(db);
    const job = await requestExport(db, SYSTEM_ACTOR, draft.report, undefined, "html", "en");
    const claimed = (await claimJob(db))!;
    const server = new AbortController();
    const never = { ...FORMATS.html, render: () => new Promise<Buffer>(() => server.abort()) };
    await runJob(db, claimed, { formats: { html: never }, signal: server.signal });
    expect(await getJob(db, job.id)).toMatchObject({ status: "queued", attempts: 0, error: null, leaseUntil: null });
    expect(await isDue(job.id)).toBe(true);
  });

  it("reclaims a running job whose lease expired, and the runner that lost it changes nothing", async () => {
    const { db } = env.database;
    const draft = await buildReport(db);
    const job = await requestExport(db, SYSTEM_ACTOR, draft.report, undefined, "html", "en");
    const crashed = (await claimJob(db))!;
    expect(crashed.id).toBe(job.id);
    // While its lease holds, nobody else takes it.
    expect(await runPendingJobs(db)).toBe(0);
    await db.update(jobs).set({ leaseUntil: sql`now() - interval '1 second'` }).where(eq(jobs.id, job.id));
    const second = (await claimJob(db))!;
    expect(second).toMatchObject({ id: job.id, status: "running", attempts: 2 });
    // The first runner comes back late, with a result and then with an error: both are ignored.
    await runJob(db, crashed, { formats: { html: { ...FORMATS.html, render: async () => Buffer.from("stale") } } });
    await runJob(db, crashed, { formats: { html: failingHtml() } });
    expect(await getJob(db, job.id)).toMatchObject({ status: "running", attempts: 2, error: null });
    expect(await getExportFile(db, job.key)).toBeUndefined();
    await runJob(db, second);
    expect(await getJob(db, job.id)).toMatchObject({ status: "done", attempts: 2, leaseUntil: null });
    expect(Buffer.from((await getExportFile(db, job.key))!.bytes).toString("utf8")).toContain("<!doctype html>");
  });

  it("kills a compile that hangs after the format's timeout, then runs the next job", async () => {
    const { db } = env.database;
    const draft = await buildReport(db);
    const pidFile = join(mkdtempSync(join(tmpdir(), "lr-hung-")), "pid");
    let child: Promise<unknown> | undefined;
    const hung: Format = { ...FORMATS.pdf, timeoutMs: 5000, render: (_publication, { signal }) => (child = runInChild(HUNG_WORKER, { pidFile }, signal)) as Promise<Buffer> };
    const stuck = await requestExport(db, SYSTEM_ACTOR, draft.report, undefined, "pdf", "en");
    const next = await requestExport(db, SYSTEM_ACTOR, draft.report, undefined, "html", "en");
    expect(await runPendingJobs(db, { formats: { pdf: hung } })).toBe(2);
    await child!.catch(() => undefined);
    const pid = Number(readFileSync(pidFile, "utf8"));
    expect(pid).toBeGreaterThan(0);
    expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
    // The hung job waits for its next attempt; the next job did not wait for it.
    expect(await getJob(db, stuck.id)).toMatchObject({ status: "queued", attempts: 1, error: "No result after 5 s." });
    expect(await isDue(stuck.id)).toBe(false);
    expect(await getJob(db, next.id)).toMatchObject({ status: "done" });
  });

  it("retries a failing export with a backoff, and stops after three attempts", async () => {
    const { db } = env.database;
    const draft = await buildReport(db);
    const failing = failingHtml();
    const job = await requestExport(db, SYSTEM_ACTOR, draft.report, undefined, "html", "fr");
    expect(await runPendingJobs(db, { formats: { html: failing } })).toBe(1);
    expect(await getJob(db, job.id)).toMatchObject({ status: "queued", attempts: 1, error: "The renderer broke." });
    expect(await isDue(job.id)).toBe(false);
    // Time passes; without a backoff the remaining attempts follow at once.
    await db.update(jobs).set({ runAfter: sql`now()` }).where(eq(jobs.id, job.id));
    expect(await runPendingJobs(db, { formats: { html: failing }, backoffMs: () => 0 })).toBe(2);
    expect(await getJob(db, job.id)).toMatchObject({ status: "failed", attempts: 3 });
    expect(await runPendingJobs(db, { formats: { html: failing }, backoffMs: () => 0 })).toBe(0);
    expect(failing.calls).toBe(3);
  });

  it("gives up on a job that kept crashing its runner", async () => {
    const { db } = env.database;
    const draft = await buildReport(db);
    const job = await requestExport(db, SYSTEM_ACTOR, draft.report, undefined, "html", "es");
    await db.update(jobs).set({ status: "running", attempts: 3, leaseUntil: sql`now() - interval '1 second'` }).where(eq(jobs.id, job.id));
    expect(await claimJob(db)).toBeUndefined();
    expect(await getJob(db, job.id)).toMatchObject({ status: "failed", attempts: 3 });
  });

  it("lets readers of an export that keeps failing join the failed job for a while", async () => {
    const { db } = env.database;
    const draft = await buildReport(db);
    const edition = await freezeEdition(db, SYSTEM_ACTOR, draft.report.id, { label: "2023", title: "Edition 2023", editionDate: "2023-06-30", foreword: null });
    await publishEdition(db, SYSTEM_ACTOR, edition.id, { to: "published", publicUrl: "http://localhost" });
    const url = `/reports/${draft.report.slug}/2023/en/export/html`;
    const jobUrl = String((await env.app.inject({ url })).headers.location);
    await runPendingJobs(db, { formats: { html: failingHtml() }, backoffMs: () => 0 });
    const job = (await getJob(db, jobUrl.split("/").pop()!))!;
    expect(job.status).toBe("failed");
    for (let i = 0; i < 3; i++) expect((await env.app.inject({ url })).headers.location).toBe(jobUrl);
    expect(await db.select().from(jobs).where(eq(jobs.key, job.key))).toHaveLength(1);
    expect((await env.app.inject({ url: jobUrl, headers: { accept: "text/html" } })).body).toContain(translator("en")("job.failed"));
    // Ten minutes later a request tries again.
    await db.update(jobs).set({ finishedAt: sql`now() - interval '11 minutes'` }).where(eq(jobs.id, job.id));
    const retry = String((await env.app.inject({ url })).headers.location);
    expect(retry).toMatch(/^\/jobs\//);
    expect(retry).not.toBe(jobUrl);
    expect(await db.select().from(jobs).where(eq(jobs.key, job.key))).toHaveLength(2);
  });

  it("deletes one-off exports and their jobs after a day, and keeps published editions' files", async () => {
    const { db } = env.database;
    const draft = await buildReport(db);
    const edition = await freezeEdition(db, SYSTEM_ACTOR, draft.report.id, { label: "2024", title: "Edition 2024", editionDate: "2024-06-30", foreword: null });
    const publishedEdition = await publishEdition(db, SYSTEM_ACTOR, edition.id, { to: "published", publicUrl: "http://localhost" });
    const oneOff = await requestExport(db, SYSTEM_ACTOR, draft.report, undefined, "html", "en");
    const published = await requestExport(db, SYSTEM_ACTOR, draft.report, publishedEdition, "html", "en");
    expect(await runPendingJobs(db)).toBe(2);
    expect(await cleanUpJobs(db)).toEqual({ jobs: 0, files: 0 });
    await db.update(jobs).set({ createdAt: sql`now() - interval '25 hours'` });
    await db.update(exportFiles).set({ createdAt: sql`now() - interval '25 hours'` });
    expect(await cleanUpJobs(db)).toEqual({ jobs: 1, files: 1 });
    expect(await getJob(db, oneOff.id)).toBeUndefined();
    expect(await getExportFile(db, oneOff.key)).toBeUndefined();
    expect(await getJob(db, published.id)).toMatchObject({ status: "done" });
    expect(published.key).not.toMatch(/^once:/);
    expect(await getExportFile(db, published.key)).toBeDefined();
  });
});
