import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { auditEvents } from "#src/db/schema/audit.ts";
import { editionPages } from "#src/db/schema/editions.ts";
import { jobs } from "#src/db/schema/jobs.ts";
import type { Caller } from "#src/domain/actors.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { editions } from "#src/db/schema/editions.ts";
import { checkEdition, warningCodes } from "#src/features/editions/findings.ts";
import { getEdition } from "#src/features/editions/repository.ts";
import { freezeEdition, publishEdition, refreshEdition } from "#src/features/editions/service.ts";
import { createRecommendation, updateRecommendation } from "#src/features/events/service.ts";
import { loadDraft } from "#src/features/reports/draft.ts";
import { saveSection } from "#src/features/reports/revisions.ts";
import { FORMAT_NAMES } from "#src/publishing/formats.ts";
import { claimJob, getJob, runJob, type ExportParams } from "#src/publishing/jobs.ts";
import { startPublish, startWithdraw } from "#src/publishing/service.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildReport, buildUser } from "#test/helpers/factories.ts";

const env = useTestApp();
const publicUrl = "http://localhost:3000";

let label = 0;
const nextLabel = () => `e${++label}`;

/** A report whose sections all have English text (still drafts, untranslated: warnings), the last one `extra` appended. */
async function reportWithText(extra = "") {
  const { db } = env.database;
  const draft = await buildReport(db);
  const sections = draft.chapters.flatMap((c) => c.sections);
  for (const [i, s] of sections.entries()) {
    const body = `Customs administrations test this technology in pilots.${i === sections.length - 1 ? extra : ""}`;
    await saveSection(db, SYSTEM_ACTOR, { sectionId: s.id, language: "en", heading: s.texts.en!.heading, body, baseRevisionId: s.texts.en!.revisionId, summary: null });
  }
  return draft;
}

/** Saves new English text in the report's first section (the living draft moves on). */
async function editFirstSection(slug: string, body: string) {
  const { db } = env.database;
  const section = (await loadDraft(db, slug)).chapters[0]!.sections[0]!;
  await saveSection(db, SYSTEM_ACTOR, { sectionId: section.id, language: "en", heading: section.texts.en!.heading, body, baseRevisionId: section.texts.en!.revisionId, summary: null });
}

async function editorCaller(): Promise<Caller> {
  const user = await buildUser(env.database.db, { role: "editor" });
  return { ...SYSTEM_ACTOR, userId: user.id, role: "editor", organizationId: null };
}

const freeze = (reportId: string, editionLabel = nextLabel()) =>
  freezeEdition(env.database.db, SYSTEM_ACTOR, reportId, { label: editionLabel, title: `Edition ${editionLabel}`, editionDate: "2030-06-30", foreword: null });

describe("publishing an edition", () => {
  // Each test starts with an empty queue: a runner takes any due job in the table.
  beforeEach(async () => {
    await env.database.db.delete(jobs);
  });

  it("renders outside the transaction: other requests are served meanwhile, then one swap stores pages, acknowledgement and audit", async () => {
    const { db } = env.database;
    const draft = await reportWithText();
    const edition = await freeze(draft.report.id);
    const caller = await editorCaller();
    const findings = await checkEdition(db, edition.id);
    const served: number[] = [];
    const updated = await publishEdition(db, caller, edition.id, {
      to: "published",
      publicUrl,
      acknowledgement: { note: "  Published before its translations, as agreed.  " },
      publishedAt: new Date("2030-06-30T12:00:00Z"),
      // While the pages render, the site answers (a read of the database included).
      onProgress: async (done) => {
        if (done === 1) served.push((await env.app.inject({ url: `/reports/${draft.report.slug}/` })).statusCode, (await getEdition(db, edition.id))!.status === "draft" ? 1 : 0);
      },
    });
    expect(served).toEqual([200, 1]);
    expect(updated).toMatchObject({ status: "published", publishedAt: new Date("2030-06-30T12:00:00Z") });
    const codes = warningCodes(findings);
    expect(updated.acknowledgement).toMatchObject({ warnings: findings.warnings, codes, note: "Published before its translations, as agreed.", by: caller.userId });
    expect(new Date(updated.acknowledgement!.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const pages = await db.select().from(editionPages).where(eq(editionPages.editionId, edition.id));
    expect(pages).toHaveLength(draft.report.languages.length * (1 + draft.chapters.length));
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, edition.id), eq(auditEvents.action, "edition.published")));
    expect(event).toMatchObject({ actorId: caller.userId });
    expect(event!.data).toMatchObject({ label: edition.label, warnings: findings.warnings, codes, note: "Published before its translations, as agreed.", pages: pages.length });

    // Withdrawn the same way, with its reason in the audit log and on the pages.
    await publishEdition(db, caller, edition.id, { to: "withdrawn", publicUrl, reason: "Superseded." });
    const [withdrawn] = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, edition.id), eq(auditEvents.action, "edition.withdrawn")));
    expect(withdrawn!.data).toMatchObject({ label: edition.label, reason: "Superseded." });
    const contents = await db.select().from(editionPages).where(and(eq(editionPages.editionId, edition.id), eq(editionPages.language, "en"), eq(editionPages.path, "")));
    expect(contents[0]!.html).toContain("Superseded.");
  });

  it("refuses the swap with EDITION_CHANGED when the edition is refreshed while its pages render", async () => {
    const { db } = env.database;
    const draft = await reportWithText();
    const edition = await freeze(draft.report.id);
    const refused = publishEdition(db, SYSTEM_ACTOR, edition.id, {
      to: "published",
      publicUrl,
      acknowledgement: { note: "Known." },
      onProgress: async (done) => {
        if (done !== 1) return;
        await editFirstSection(draft.report.slug, "A correction made while the pages were rendering.");
        await refreshEdition(db, SYSTEM_ACTOR, edition.id);
      },
    });
    await expect(refused).rejects.toMatchObject({ code: "EDITION_CHANGED" });
    expect((await getEdition(db, edition.id))!.status).toBe("draft");
    expect(await db.select().from(editionPages).where(eq(editionPages.editionId, edition.id))).toEqual([]);
    // The hash the person confirmed is checked too, before any page is rendered.
    await expect(publishEdition(db, SYSTEM_ACTOR, edition.id, { to: "published", publicUrl, expectedHash: edition.contentHash })).rejects.toMatchObject({ code: "EDITION_CHANGED" });
  });

  it("refuses to queue a publish while errors remain, and without a note while warnings remain", async () => {
    const { db } = env.database;
    const caller = await editorCaller();
    const broken = await reportWithText("\n\n::figure{ref=does-not-exist}");
    const blocked = await freeze(broken.report.id);
    const error = await startPublish(db, caller, blocked.id, { acknowledgement: { note: "Anyway." } }, publicUrl).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "PUBLISH_BLOCKED", status: 409 });
    const details = (error as { details: Awaited<ReturnType<typeof checkEdition>> }).details;
    expect(details.errors).toBeGreaterThan(0);
    expect(details.findings.some((f) => f.severity === "error" && f.where.ref?.includes("does-not-exist"))).toBe(true);

    const draft = await reportWithText();
    const edition = await freeze(draft.report.id);
    const findings = await checkEdition(db, edition.id);
    expect(findings.errors).toBe(0);
    expect(findings.warnings).toBeGreaterThan(0);
    for (const acknowledgement of [null, { note: "   " }]) {
      await expect(startPublish(db, caller, edition.id, { acknowledgement }, publicUrl)).rejects.toMatchObject({
        code: "WARNINGS_NOT_ACKNOWLEDGED",
        fields: { note: "field.required" },
        details: { warnings: findings.warnings },
      });
    }
    expect(await db.select().from(jobs)).toEqual([]);
    // Contributors may not publish at all; a draft cannot be withdrawn.
    const contributor = await buildUser(db);
    await expect(startPublish(db, { ...caller, userId: contributor.id, role: "contributor" }, edition.id, { acknowledgement: { note: "Known." } }, publicUrl)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(startWithdraw(db, caller, edition.id, { reason: "No." }, publicUrl)).rejects.toMatchObject({ code: "EDITION_STATUS" });
  });

  it("runs a publish job to the end: published, acknowledged, downloads queued, the app told", async () => {
    const { db } = env.database;
    const caller = await editorCaller();
    const draft = await reportWithText();
    const edition = await freeze(draft.report.id);
    const findings = await checkEdition(db, edition.id);
    const job = await startPublish(db, caller, edition.id, { acknowledgement: { note: "Translations follow." } }, publicUrl);
    expect(job).toMatchObject({ kind: "publish", status: "queued" });
    expect(job.params).toMatchObject({ editionId: edition.id, to: "published", hash: edition.contentHash, acknowledgement: { note: "Translations follow.", warnings: findings.warnings } });
    // A second request while it waits joins it.
    expect((await startPublish(db, caller, edition.id, { acknowledgement: { note: "Again." } }, publicUrl)).id).toBe(job.id);

    const told: string[] = [];
    const claimed = (await claimJob(db))!;
    expect(claimed.id).toBe(job.id);
    await runJob(db, claimed, { onPublished: (id) => told.push(id) });
    expect(await getJob(db, job.id)).toMatchObject({ status: "done", progress: 100, error: null });
    expect(told).toEqual([edition.id]);
    const published = (await getEdition(db, edition.id))!;
    expect(published).toMatchObject({ status: "published", acknowledgement: { note: "Translations follow.", warnings: findings.warnings, by: caller.userId } });
    const exports = (await db.select().from(jobs).where(eq(jobs.kind, "export"))).map((j) => j.params as ExportParams);
    expect(exports.map((p) => `${p.lang}.${p.format}`).sort()).toEqual(draft.report.languages.flatMap((l) => FORMAT_NAMES.map((f) => `${l}.${f}`)).sort());
    expect(exports.every((p) => p.edition === edition.label && !p.members)).toBe(true);
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, edition.id), eq(auditEvents.action, "edition.published")));
    expect(event).toMatchObject({ actorId: caller.userId, data: { note: "Translations follow." } });
  });

  it("fails a publish job at once, without retrying, when the edition was refreshed after it was confirmed", async () => {
    const { db } = env.database;
    const caller = await editorCaller();
    const draft = await reportWithText();
    const edition = await freeze(draft.report.id);
    const job = await startPublish(db, caller, edition.id, { acknowledgement: { note: "Known." } }, publicUrl);
    await editFirstSection(draft.report.slug, "Changed after the confirmation.");
    await refreshEdition(db, SYSTEM_ACTOR, edition.id);
    await runJob(db, (await claimJob(db))!);
    expect(await getJob(db, job.id)).toMatchObject({ status: "failed", attempts: 1, error: "EDITION_CHANGED" });
    expect((await getEdition(db, edition.id))!.status).toBe("draft");
    expect(await claimJob(db)).toBeUndefined();
  });

  it("checks again when the job runs: a recommendation retired since the confirmation fails it with PUBLISH_BLOCKED, the edition unpublished", async () => {
    const { db } = env.database;
    const caller = await editorCaller();
    const slug = `adopt-${nextLabel()}`;
    const draft = await reportWithText(`\n\n::recommendation{ref=${slug}}`);
    const recommendation = await createRecommendation(db, SYSTEM_ACTOR, draft.report.id, { slug, texts: { en: "Adopt shared ledgers for certificates of origin." }, status: "endorsed", statusNote: null, themes: [], technologyIds: [], outcomeIds: [] });
    const edition = await freeze(draft.report.id);
    expect((await checkEdition(db, edition.id)).errors).toBe(0);
    const job = await startPublish(db, caller, edition.id, { acknowledgement: { note: "Translations follow." } }, publicUrl);

    // Retired in the register after the confirmation: the content hash is the same, the evidence is not.
    await updateRecommendation(db, SYSTEM_ACTOR, recommendation.id, { texts: recommendation.texts, status: "retired", statusNote: null, themes: [], technologyIds: [] });
    await runJob(db, (await claimJob(db))!);
    expect(await getJob(db, job.id)).toMatchObject({ status: "failed", attempts: 1, error: "PUBLISH_BLOCKED" });
    expect(await claimJob(db)).toBeUndefined();
    expect(await getEdition(db, edition.id)).toMatchObject({ status: "draft", acknowledgement: null });
    expect(await db.select().from(editionPages).where(eq(editionPages.editionId, edition.id))).toEqual([]);
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, edition.id), eq(auditEvents.action, "edition.published")))).toEqual([]);

    // The job's page says why, in the editor's words.
    const editor = await new Browser(env.app).signInAs(env.database, (await buildUser(db, { role: "editor" })).email);
    const failed = await editor.get(`/jobs/${job.id}`);
    expect(failed.body).toContain(`Edition ${edition.label} was not changed.`);
    expect(failed.body).toContain("The checks found errors since it was confirmed");
  });

  it("with the checks asked for, lets through only the warnings acknowledged, with a note; without them, records what it finds", async () => {
    const { db } = env.database;
    const draft = await reportWithText();
    const edition = await freeze(draft.report.id);
    const codes = warningCodes(await checkEdition(db, edition.id));
    expect(codes.length).toBeGreaterThan(0);
    for (const acknowledgement of [{ note: "Known.", codes: codes.slice(1) }, { note: "  ", codes }, null]) {
      const refused = await publishEdition(db, SYSTEM_ACTOR, edition.id, { to: "published", publicUrl, acknowledgement, check: true }).catch((e: unknown) => e);
      expect(refused).toMatchObject({ code: "WARNINGS_NOT_ACKNOWLEDGED", details: { errors: 0 } });
    }
    expect(await getEdition(db, edition.id)).toMatchObject({ status: "draft" });
    const published = await publishEdition(db, SYSTEM_ACTOR, edition.id, { to: "published", publicUrl, acknowledgement: { note: "Known.", codes }, check: true });
    expect(published.acknowledgement).toMatchObject({ note: "Known.", codes });

    // The demo and tests publish directly: the warnings are recorded all the same.
    const other = await freeze(draft.report.id);
    expect((await publishEdition(db, SYSTEM_ACTOR, other.id, { to: "published", publicUrl })).acknowledgement).toMatchObject({ note: "", codes });
  });

  it("joins a publish job only for the same move of the same content; anything else waits its turn (JOB_IN_PROGRESS)", async () => {
    const { db } = env.database;
    const caller = await editorCaller();
    const draft = await reportWithText();
    const edition = await freeze(draft.report.id);
    const job = await startPublish(db, caller, edition.id, { acknowledgement: { note: "Known." } }, publicUrl);
    // Refreshed since: publishing the new content is another request.
    await editFirstSection(draft.report.slug, "Changed after the first confirmation.");
    await refreshEdition(db, SYSTEM_ACTOR, edition.id);
    await expect(startPublish(db, caller, edition.id, { acknowledgement: { note: "Known." } }, publicUrl)).rejects.toMatchObject({ code: "JOB_IN_PROGRESS", status: 409 });

    // Published meanwhile (from a terminal) while the job still waits: a withdrawal does not join the publish job.
    await publishEdition(db, SYSTEM_ACTOR, edition.id, { to: "published", publicUrl });
    await expect(startWithdraw(db, caller, edition.id, { reason: "Superseded." }, publicUrl)).rejects.toMatchObject({ code: "JOB_IN_PROGRESS" });
    expect((await db.select().from(jobs)).map((j) => j.id)).toEqual([job.id]);
    // Once it has ended, the withdrawal is queued.
    await runJob(db, (await claimJob(db))!);
    expect(await getJob(db, job.id)).toMatchObject({ status: "failed", error: "EDITION_STATUS" });
    const withdrawal = await startWithdraw(db, caller, edition.id, { reason: "Superseded." }, publicUrl);
    expect(withdrawal.id).not.toBe(job.id);
    expect(withdrawal.params).toMatchObject({ to: "withdrawn", reason: "Superseded." });
  });

  it("ends done, not failed, when another attempt swapped the edition while this one rendered its pages", async () => {
    const { db } = env.database;
    const caller = await editorCaller();
    const draft = await reportWithText();
    const edition = await freeze(draft.report.id);
    const job = await startPublish(db, caller, edition.id, { acknowledgement: { note: "Known." } }, publicUrl);
    // Once its pages are rendered, the edition is published with the same content by another attempt.
    let swapped = false;
    await runJob(db, (await claimJob(db))!, {
      onStep: async (step) => {
        if (swapped || !step.startsWith("pages:")) return;
        swapped = true;
        await db.update(editions).set({ status: "published", publishedAt: new Date() }).where(eq(editions.id, edition.id));
      },
    });
    expect(swapped).toBe(true);
    expect(await getJob(db, job.id)).toMatchObject({ status: "done", error: null });
    expect((await db.select().from(jobs).where(eq(jobs.kind, "export"))).length).toBe(draft.report.languages.length * FORMAT_NAMES.length);
  });

  it("takes an editor from the confirmation to the job's page; a wrong label is answered beside its field", async () => {
    const { db } = env.database;
    const draft = await reportWithText();
    const edition = await freeze(draft.report.id);
    const editorUser = await buildUser(db, { role: "editor" });
    const editor = await new Browser(env.app).signInAs(env.database, editorUser.email);
    const page = `/editor/editions/${edition.id}`;
    const shown = await editor.get(page);
    expect(shown.body).toContain(`action="${page}/publish"`);
    expect(shown.body).toContain('name="note"');
    // The warnings the page showed go with the form.
    const warnings = /name="warnings" value="([^"]*)"/.exec(shown.body)?.[1];
    expect(warnings).toBe(warningCodes(await checkEdition(db, edition.id)).join(","));

    const wrong = await editor.submit(page, `${page}/publish`, { confirm: "not-the-label", note: "Kept as typed.", warnings: warnings! });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('id="e-confirm"');
    expect(wrong.body).toContain("Kept as typed.");
    const noNote = await editor.submit(page, `${page}/publish`, { confirm: edition.label, note: "", warnings: warnings! });
    expect(noNote.statusCode).toBe(409);
    expect(noNote.body).toContain('id="e-note"');
    // A warning the page did not show (found after it was loaded) asks again, the note kept.
    const unseen = await editor.submit(page, `${page}/publish`, { confirm: edition.label, note: "Translations follow.", warnings: warnings!.split(",").slice(1).join(",") });
    expect(unseen.statusCode).toBe(409);
    expect(unseen.body).toContain("The checks found warnings since this page was shown.");
    expect(unseen.body).toContain("Translations follow.");
    expect(unseen.body).toContain(`name="warnings" value="${warnings}"`);
    expect(await db.select().from(jobs)).toEqual([]);

    const ok = await editor.submit(page, `${page}/publish`, { confirm: edition.label.toUpperCase(), note: "Translations follow.", warnings: warnings! });
    expect(ok.statusCode).toBe(303);
    const jobUrl = String(ok.headers.location);
    expect(jobUrl).toMatch(/^\/jobs\/[0-9a-f-]+$/);
    const waiting = await editor.get(jobUrl);
    expect(waiting.statusCode).toBe(200);
    expect(waiting.body).toContain(`Publishing edition ${edition.label}`);
    expect(waiting.body).toContain("job.js");
    // The page's script is answered the step in the reader's words, beside its code.
    expect((await editor.get(jobUrl, { accept: "application/json" })).json()).toMatchObject({ status: "queued", message: null, text: "Waiting to start…" });

    // The job's page is the secretariat's: readers and contributors do not see it.
    expect((await env.app.inject({ url: jobUrl, headers: { accept: "application/json" } })).statusCode).toBe(401);
    const contributor = await new Browser(env.app).signInAs(env.database, (await buildUser(db)).email);
    expect((await contributor.get(jobUrl)).statusCode).toBe(403);

    await runJob(db, (await claimJob(db))!);
    const done = await editor.get(jobUrl);
    expect(done.body).toContain(`Edition ${edition.label} is published.`);
    expect(done.body).toContain(`href="/reports/${draft.report.slug}/${edition.label}"`);
    expect(done.body).not.toContain("job.js");
    const after = await editor.get(page);
    expect(after.body).toContain("Translations follow.");
    expect(after.body).toContain(editorUser.name);
    expect(after.body).toContain(`action="${page}/withdraw"`);
    expect(after.body).toMatch(/Published with \d+ known warnings?/);
  });
});
