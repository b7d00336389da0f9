import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { caseStudyEvents, caseStudyVersions } from "#src/db/schema/case-studies.ts";
import { notifications } from "#src/db/schema/notifications.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { emptyFields, type CaseStudyFields } from "#src/domain/case-studies.ts";
import { searchLibrary } from "#src/features/case-studies/library.ts";
import * as repo from "#src/features/case-studies/repository.ts";
import { LibraryQuery } from "#src/features/case-studies/schemas.ts";
import { addToAnnex, createCaseStudy, moveCaseStudy, saveCaseStudy, saveFromForm, setAnnex } from "#src/features/case-studies/service.ts";
import { type Caller } from "#src/domain/actors.ts";
import { freezeEdition, publishEdition } from "#src/features/editions/service.ts";
import { isAppError } from "#src/lib/errors.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildOrganization, buildReport, buildUser, ensureTechnology } from "#test/helpers/factories.ts";

const env = useTestApp();

const callerFor = (user: { id: string; role: "contributor" | "editor" | "admin"; organizationId: string | null }): Caller => ({ ...SYSTEM_ACTOR, userId: user.id, role: user.role, organizationId: user.organizationId });

async function people() {
  const db = env.database.db;
  await ensureTechnology(db, "blockchain", "Blockchain", "Chaîne de blocs");
  await ensureTechnology(db, "drones", "Drones");
  const org = await buildOrganization(db, { regionCode: "AMS", kind: "customs_administration" });
  const other = await buildOrganization(db, { regionCode: "EUR" });
  const contributor = await buildUser(db, { role: "contributor", organizationId: org.id });
  const outsider = await buildUser(db, { role: "contributor", organizationId: other.id });
  const editor = await buildUser(db, { role: "editor" });
  return { org, other, contributor, outsider, editor, asContributor: callerFor(contributor), asOutsider: callerFor(outsider), asEditor: callerFor(editor) };
}

const complete = (over: Partial<CaseStudyFields> = {}): CaseStudyFields => ({
  ...emptyFields("en"),
  title: "Container release on a shared ledger",
  technologies: ["blockchain"],
  stage: "pilot",
  periodStart: 2019,
  summary: "Release notices for import containers move on a permissioned ledger shared with terminals.",
  solution: "Five nodes run by customs, the terminal and two shipping lines.",
  consent: true,
  ...over,
});

const codeOf = async (work: Promise<unknown>) => {
  try {
    await work;
    return "resolved";
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
};

describe("case studies", () => {
  it("go from draft to published with every version kept and the organization told of each move", async () => {
    const db = env.database.db;
    const p = await people();
    const draft = await createCaseStudy(db, p.asContributor, { organizationId: null, fields: { ...emptyFields("en"), title: "Ledger pilot" } });
    expect(draft.state).toBe("draft");

    // Submitting an incomplete draft names every missing field and changes nothing.
    const refused = await moveCaseStudy(db, p.asContributor, draft.id, { from: "draft", to: "submitted", message: null, reason: null, supersededBy: null }).catch((e: unknown) => e);
    expect(isAppError(refused) && refused.fields).toEqual({ technologies: "field.chooseOne", stage: "field.required", summary: "field.required", solution: "field.required", consent: "field.consentRequired" });
    expect((await repo.getCaseStudy(db, draft.id))!.state).toBe("draft");

    const filled = await saveCaseStudy(db, p.asContributor, draft.id, complete(), draft.currentVersionId);
    const submitted = await moveCaseStudy(db, p.asContributor, draft.id, { from: "draft", to: "submitted", message: null, reason: null, supersededBy: null });
    expect(submitted.submittedVersionId).toBe(filled.currentVersionId);

    // Outsiders neither see nor move it; contributors cannot do the secretariat's moves.
    expect(await codeOf(moveCaseStudy(db, p.asOutsider, draft.id, { from: "submitted", to: "accepted", message: null, reason: null, supersededBy: null }))).toBe("NOT_FOUND");
    expect(await codeOf(moveCaseStudy(db, p.asContributor, draft.id, { from: "submitted", to: "accepted", message: null, reason: null, supersededBy: null }))).toBe("FORBIDDEN");
    // Changes need a message; a move from a state that has passed is refused.
    expect(await codeOf(moveCaseStudy(db, p.asEditor, draft.id, { from: "submitted", to: "changes_requested", message: null, reason: null, supersededBy: null }))).toBe("VALIDATION_FAILED");
    await moveCaseStudy(db, p.asEditor, draft.id, { from: "submitted", to: "changes_requested", message: "Please add the results in figures.", reason: null, supersededBy: null });
    expect(await codeOf(moveCaseStudy(db, p.asEditor, draft.id, { from: "submitted", to: "accepted", message: null, reason: null, supersededBy: null }))).toBe("CASE_STUDY_STATE");

    const told = await db.select().from(notifications).where(eq(notifications.userId, p.contributor.id));
    expect(told.map((n) => n.messageKey)).toContain("notify.caseStudy.changes_requested");

    // The contributor edits (a stale base is refused), resubmits; the editor edits lightly and publishes.
    const current = (await repo.getCaseStudy(db, draft.id))!;
    expect(await codeOf(saveCaseStudy(db, p.asContributor, draft.id, complete({ results: "x" }), current.currentVersionId! - 1))).toBe("STALE_VERSION");
    await saveCaseStudy(db, p.asContributor, draft.id, complete({ results: "Release time fell from six hours to 25 minutes." }), current.currentVersionId);
    await moveCaseStudy(db, p.asContributor, draft.id, { from: "changes_requested", to: "submitted", message: null, reason: null, supersededBy: null });
    expect(await codeOf(saveCaseStudy(db, p.asContributor, draft.id, complete(), null))).toBe("CASE_STUDY_LOCKED");
    const edited = await saveCaseStudy(db, p.asEditor, draft.id, complete({ results: "Release time fell from six hours to 25 minutes on average." }), null);
    await moveCaseStudy(db, p.asEditor, draft.id, { from: "submitted", to: "accepted", message: null, reason: null, supersededBy: null });
    const published = await moveCaseStudy(db, p.asEditor, draft.id, { from: "accepted", to: "published", message: null, reason: null, supersededBy: null });
    expect(published.publishedAt).not.toBeNull();
    // The first submission stays the reference for "changes since submission".
    expect(published.submittedVersionId).toBe(filled.currentVersionId);
    expect(published.currentVersionId).toBe(edited.currentVersionId);

    const versions = await db.select().from(caseStudyVersions).where(eq(caseStudyVersions.caseStudyId, draft.id));
    expect(versions.map((v) => v.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4]);
    const events = await db.select().from(caseStudyEvents).where(eq(caseStudyEvents.caseStudyId, draft.id));
    expect(events.map((e) => e.toState)).toEqual(["draft", "submitted", "changes_requested", "submitted", "accepted", "published"]);
  });

  it("the form saves and submits in one command: a refused submission keeps nothing, a stale form is refused", async () => {
    const db = env.database.db;
    const p = await people();
    const form = { id: null, organizationId: null, baseVersionId: null };
    expect(await codeOf(saveFromForm(db, p.asContributor, { ...form, fields: { ...emptyFields("en"), title: "Half written" }, submit: true }))).toBe("VALIDATION_FAILED");
    expect(await repo.listForOrganization(db, p.org.id)).toEqual([]);

    const { caseStudy: draft, submitted } = await saveFromForm(db, p.asContributor, { ...form, fields: { ...emptyFields("en"), title: "Half written" }, submit: false });
    expect([draft.state, submitted]).toEqual(["draft", false]);
    // Submitting an incomplete existing draft does not keep its new version either.
    expect(await codeOf(saveFromForm(db, p.asContributor, { ...form, id: draft.id, fields: { ...emptyFields("en"), title: "Not kept" }, baseVersionId: draft.currentVersionId, submit: true }))).toBe("VALIDATION_FAILED");
    expect((await repo.getCaseStudy(db, draft.id))!.currentVersionId).toBe(draft.currentVersionId);
    await saveFromForm(db, p.asContributor, { ...form, id: draft.id, fields: complete({ title: "Saved first" }), baseVersionId: draft.currentVersionId, submit: false });
    expect(await codeOf(saveFromForm(db, p.asContributor, { ...form, id: draft.id, fields: complete(), baseVersionId: draft.currentVersionId, submit: true }))).toBe("STALE_VERSION");
    expect((await repo.getCaseStudy(db, draft.id))!.title).toBe("Saved first");
    const done = await saveFromForm(db, p.asContributor, { ...form, id: draft.id, fields: complete(), baseVersionId: null, submit: true });
    expect([done.caseStudy.state, done.submitted]).toEqual(["submitted", true]);
    expect(done.caseStudy.submittedVersionId).toBe(done.caseStudy.currentVersionId);
  });

  it("the annex grows by a case study's slug or address, published ones only", async () => {
    const db = env.database.db;
    const p = await people();
    const draft = await buildReport(db);
    const publish = async (title: string) => {
      const cs = await createCaseStudy(db, p.asEditor, { organizationId: p.org.id, fields: complete({ title }) });
      for (const [from, to] of [["draft", "submitted"], ["submitted", "accepted"], ["accepted", "published"]] as const) await moveCaseStudy(db, p.asEditor, cs.id, { from, to, message: null, reason: null, supersededBy: null });
      return cs;
    };
    const first = await publish("Annex by slug");
    const second = await publish("Annex by address");
    await addToAnnex(db, SYSTEM_ACTOR, draft.report.id, first.slug);
    await addToAnnex(db, SYSTEM_ACTOR, draft.report.id, `https://example.org/case-studies/${second.slug}?lang=fr#top`);
    await addToAnnex(db, SYSTEM_ACTOR, draft.report.id, first.slug);
    expect((await repo.listAnnex(db, draft.report.id)).map((r) => r.id)).toEqual([first.id, second.id]);

    const unpublished = await createCaseStudy(db, p.asContributor, { organizationId: null, fields: complete({ title: "Annex draft" }) });
    expect(await codeOf(addToAnnex(db, SYSTEM_ACTOR, draft.report.id, unpublished.slug))).toBe("VALIDATION_FAILED");
    expect(await codeOf(addToAnnex(db, SYSTEM_ACTOR, draft.report.id, "no-such-case-study"))).toBe("VALIDATION_FAILED");
  });

  it("two editors moving one case study at once: one wins, the other is told it moved on", async () => {
    const db = env.database.db;
    const p = await people();
    const cs = await createCaseStudy(db, p.asContributor, { organizationId: null, fields: complete({ title: "Concurrent moderation" }) });
    await moveCaseStudy(db, p.asContributor, cs.id, { from: "draft", to: "submitted", message: null, reason: null, supersededBy: null });
    const results = await Promise.all([
      codeOf(moveCaseStudy(db, p.asEditor, cs.id, { from: "submitted", to: "accepted", message: null, reason: null, supersededBy: null })),
      codeOf(moveCaseStudy(db, p.asEditor, cs.id, { from: "submitted", to: "changes_requested", message: "More detail, please.", reason: null, supersededBy: null })),
    ]);
    expect(results.filter((r) => r === "resolved")).toHaveLength(1);
    expect(results.filter((r) => r === "CASE_STUDY_STATE")).toHaveLength(1);
    const events = await db.select().from(caseStudyEvents).where(eq(caseStudyEvents.caseStudyId, cs.id));
    expect(events).toHaveLength(3);
  });

  it("lists similar existing case studies when one is submitted", async () => {
    const db = env.database.db;
    const p = await people();
    const first = await createCaseStudy(db, p.asContributor, { organizationId: null, fields: complete({ title: "Drone surveillance of the northern border" }) });
    await moveCaseStudy(db, p.asContributor, first.id, { from: "draft", to: "submitted", message: null, reason: null, supersededBy: null });
    const unrelated = await createCaseStudy(db, p.asOutsider, { organizationId: null, fields: complete({ title: "Biometric gates for travellers", summary: "Faces are matched at the gate." }) });
    await moveCaseStudy(db, p.asOutsider, unrelated.id, { from: "draft", to: "submitted", message: null, reason: null, supersededBy: null });
    const second = await createCaseStudy(db, p.asContributor, { organizationId: null, fields: complete({ title: "Drone surveillance at the northern border" }) });
    const techIds = [(await ensureTechnology(db, "blockchain", "Blockchain")).id];
    const similar = await repo.findSimilar(db, { excludeId: second.id, title: second.title, summary: second.summary, organizationId: p.org.id, technologyIds: techIds });
    expect(similar[0]).toMatchObject({ id: first.id, sameOrganization: true, sameTechnology: true });
    expect(similar.map((s) => s.id)).not.toContain(unrelated.id);
  });

  it("the library finds published case studies only, across languages and accents, with facets", async () => {
    const db = env.database.db;
    const p = await people();
    const publish = async (fields: CaseStudyFields, caller = p.asContributor) => {
      const cs = await createCaseStudy(db, caller, { organizationId: null, fields });
      await moveCaseStudy(db, caller, cs.id, { from: "draft", to: "submitted", message: null, reason: null, supersededBy: null });
      await moveCaseStudy(db, p.asEditor, cs.id, { from: "submitted", to: "accepted", message: null, reason: null, supersededBy: null });
      return moveCaseStudy(db, p.asEditor, cs.id, { from: "accepted", to: "published", message: null, reason: null, supersededBy: null });
    };
    const fr = await publish(complete({ language: "fr", title: "Échange de données douanières", summary: "Les données des manifestes sont partagées entre administrations.", technologies: ["blockchain"], stage: "production", periodStart: 2021 }));
    await publish(complete({ title: "Drones over the container yard", summary: "Thermal cameras on drones watch the yard.", technologies: ["drones"], stage: "pilot", periodStart: 2020 }), p.asOutsider);
    const hidden = await createCaseStudy(db, p.asContributor, { organizationId: null, fields: complete({ title: "Unpublished données draft" }) });

    const search = (query: Record<string, unknown>) => searchLibrary(db, LibraryQuery.parse(query));
    const accentless = await search({ q: "donnees" });
    expect(accentless.hits.map((h) => h.id)).toEqual([fr.id]);
    expect(accentless.hits[0]!.snippet).toContain("\u0002");
    expect((await search({ q: "données" })).hits.map((h) => h.id)).not.toContain(hidden.id);

    const all = await search({});
    expect(all.total).toBeGreaterThanOrEqual(2);
    const byStage = await search({ stage: "pilot" });
    expect(byStage.hits.every((h) => h.stage === "pilot")).toBe(true);
    // A facet counts with the other filters applied, not its own.
    expect(byStage.facets.stage.map((f) => f.value).sort()).toEqual(expect.arrayContaining(["pilot", "production"]));
    const dronesCount = byStage.facets.technology.find((f) => f.value === "drones")?.count;
    expect(dronesCount).toBeGreaterThan(0);
    expect(dronesCount).toBe((await search({ stage: "pilot", technology: "drones" })).total);
    const eur = await search({ region: "EUR" });
    expect(eur.hits.every((h) => h.regionCode === "EUR")).toBe(true);
    expect((await search({ year: "2021", technology: "blockchain" })).hits.map((h) => h.id)).toContain(fr.id);
  });

  it("an edition pins its annex; retiring a case study later changes no published page", async () => {
    const db = env.database.db;
    const p = await people();
    const draft = await buildReport(db);
    const cs = await createCaseStudy(db, p.asContributor, { organizationId: null, fields: complete({ title: "Annexed ledger pilot" }) });
    await moveCaseStudy(db, p.asContributor, cs.id, { from: "draft", to: "submitted", message: null, reason: null, supersededBy: null });
    // Only published case studies may be annexed.
    expect(await codeOf(setAnnex(db, SYSTEM_ACTOR, draft.report.id, [cs.id]))).toBe("VALIDATION_FAILED");
    await moveCaseStudy(db, p.asEditor, cs.id, { from: "submitted", to: "accepted", message: null, reason: null, supersededBy: null });
    await moveCaseStudy(db, p.asEditor, cs.id, { from: "accepted", to: "published", message: null, reason: null, supersededBy: null });
    await setAnnex(db, SYSTEM_ACTOR, draft.report.id, [cs.id]);

    const edition = await freezeEdition(db, SYSTEM_ACTOR, draft.report.id, { label: "2025", title: "Edition 2025", editionDate: "2025-06-30", foreword: null });
    await publishEdition(db, SYSTEM_ACTOR, edition.id, { to: "published", publicUrl: "http://localhost:3000" });
    const url = `/reports/${draft.report.slug}/2025/en/annex-case-studies`;
    const before = await env.app.inject({ url });
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain("Annexed ledger pilot");
    expect((await env.app.inject({ url: `/reports/${draft.report.slug}/2025/en/` })).body).toContain("annex-case-studies");

    // A later edit and a retirement leave the published annex as it was.
    await saveCaseStudy(db, p.asEditor, cs.id, complete({ title: "Annexed ledger pilot, revised" }), null);
    await moveCaseStudy(db, p.asEditor, cs.id, { from: "published", to: "retired", message: null, reason: "withdrawn", supersededBy: null });
    const after = await env.app.inject({ url });
    expect(after.body).toBe(before.body);
    // The public page of a retired case study stays, says so, and lists the edition.
    const page = await env.app.inject({ url: `/case-studies/${cs.slug}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("has been retired");
    expect(page.body).toContain(`/reports/${draft.report.slug}/2025`);
    // Readers never see a draft case study.
    const other = await createCaseStudy(db, p.asContributor, { organizationId: null, fields: complete({ title: "Secret draft" }) });
    expect((await env.app.inject({ url: `/case-studies/${other.slug}` })).statusCode).toBe(404);
    const browser = await new Browser(env.app).signInAs(env.database, p.outsider.email);
    expect((await browser.get(`/member/case-studies/${other.id}`)).statusCode).toBe(404);
  });
});
