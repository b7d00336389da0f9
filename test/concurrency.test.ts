import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents } from "#src/db/schema/audit.ts";
import { caseStudyEvents } from "#src/db/schema/case-studies.ts";
import { editionPages } from "#src/db/schema/editions.ts";
import { sectionRevisions } from "#src/db/schema/reports.ts";
import { surveyResponses } from "#src/db/schema/surveys.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { emptyFields } from "#src/domain/case-studies.ts";
import { addToAnnex, createCaseStudy, moveCaseStudy } from "#src/features/case-studies/service.ts";
import { reportAnnex } from "#src/db/schema/case-studies.ts";
import { type Caller } from "#src/domain/actors.ts";
import { freezeEdition, publishEdition } from "#src/features/editions/service.ts";
import { getEdition } from "#src/features/editions/repository.ts";
import { saveSection } from "#src/features/reports/revisions.ts";
import * as surveyRepo from "#src/features/surveys/repository.ts";
import { createSurvey, inviteOrganizations, saveResponse, setSurveyStatus } from "#src/features/surveys/service.ts";
import { adoptionTemplate } from "#src/features/surveys/templates.ts";
import { isAppError } from "#src/lib/errors.ts";
import { useTestApp } from "#test/helpers/app.ts";
import { buildOrganization, buildReport, buildUser, ensureTechnology } from "#test/helpers/factories.ts";

// Many writers at once on one thing, on both engines (PostgreSQL runs them truly in parallel;
// PGlite serialises them): exactly one winner, the others a clear 409, and no duplicates.

const env = useTestApp();
const N = 12;

/** Runs the same work N times at once; answers the winners and the losers' error codes. */
async function race<T>(work: (i: number) => Promise<T>) {
  const results = await Promise.allSettled(Array.from({ length: N }, (_, i) => work(i)));
  const won = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const lost = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
  for (const e of lost) if (!isAppError(e)) throw e;
  return { won, codes: lost.map((e) => (isAppError(e) ? `${e.status} ${e.code}` : String(e))) };
}

const caller = (user: { id: string; role: "contributor" | "editor" | "admin"; organizationId: string | null }): Caller => ({ ...SYSTEM_ACTOR, userId: user.id, role: user.role, organizationId: user.organizationId });

describe("concurrent writers", () => {
  it("save one section from the same base: one revision, the rest 409 STALE_REVISION", async () => {
    const db = env.database.db;
    const draft = await buildReport(db);
    const section = draft.chapters[0]!.sections[0]!;
    const { won, codes } = await race((i) => saveSection(db, SYSTEM_ACTOR, { sectionId: section.id, language: "en", heading: "What it is", body: `Writer ${i}.`, baseRevisionId: section.texts.en!.revisionId, summary: null }));
    expect(won).toHaveLength(1);
    expect(new Set(codes)).toEqual(new Set(["409 STALE_REVISION"]));
    expect(await db.select().from(sectionRevisions).where(eq(sectionRevisions.sectionId, section.id))).toHaveLength(2);
  });

  it("moderate one case study: one acceptance, one event in its history, the rest 409", async () => {
    const db = env.database.db;
    await ensureTechnology(db, "blockchain", "Blockchain");
    const org = await buildOrganization(db);
    const member = caller(await buildUser(db, { role: "contributor", organizationId: org.id }));
    const editors = await Promise.all(Array.from({ length: 3 }, () => buildUser(db, { role: "editor" })));
    const fields = { ...emptyFields("en"), title: "Seals on a corridor", technologies: ["blockchain"], stage: "pilot" as const, periodStart: 2020, summary: "Electronic seals report positions.", solution: "A tracking centre watches them.", consent: true };
    const cs = await createCaseStudy(db, member, { organizationId: org.id, fields });
    await moveCaseStudy(db, member, cs.id, { from: "draft", to: "submitted", message: null, reason: null, supersededBy: null });
    // Some editors accept, others send it back, all at once.
    const { won, codes } = await race((i) =>
      moveCaseStudy(db, caller(editors[i % 3]!), cs.id, i % 2 ? { from: "submitted", to: "accepted", message: null, reason: null, supersededBy: null } : { from: "submitted", to: "changes_requested", message: "Add results.", reason: null, supersededBy: null }),
    );
    expect(won).toHaveLength(1);
    expect(codes.length).toBe(N - 1);
    for (const c of codes) expect(c).toMatch(/^409 /);
    const moves = await db.select().from(caseStudyEvents).where(and(eq(caseStudyEvents.caseStudyId, cs.id), eq(caseStudyEvents.fromState, "submitted")));
    expect(moves).toHaveLength(1);
  });

  it("add to an empty annex at once: every case study once, each at its own position", async () => {
    const db = env.database.db;
    await ensureTechnology(db, "blockchain", "Blockchain");
    const draft = await buildReport(db);
    const org = await buildOrganization(db);
    const member = caller(await buildUser(db, { role: "contributor", organizationId: org.id }));
    const editor = caller(await buildUser(db, { role: "editor" }));
    const slugs: string[] = [];
    for (let i = 0; i < N; i++) {
      const fields = { ...emptyFields("en"), title: `Corridor seals ${i}`, technologies: ["blockchain"], stage: "pilot" as const, periodStart: 2020, summary: "Seals report positions.", solution: "A centre watches them.", consent: true };
      const cs = await createCaseStudy(db, member, { organizationId: org.id, fields });
      const move = { message: null, reason: null, supersededBy: null };
      await moveCaseStudy(db, member, cs.id, { from: "draft", to: "submitted", ...move });
      await moveCaseStudy(db, editor, cs.id, { from: "submitted", to: "accepted", ...move });
      await moveCaseStudy(db, editor, cs.id, { from: "accepted", to: "published", ...move });
      slugs.push(cs.slug);
    }
    const { won } = await race((i) => addToAnnex(db, SYSTEM_ACTOR, draft.report.id, slugs[i]!));
    expect(won).toHaveLength(N);
    const rows = await db.select().from(reportAnnex).where(eq(reportAnnex.reportId, draft.report.id));
    expect(rows).toHaveLength(N);
    expect(new Set(rows.map((r) => r.position)).size).toBe(N);
  });

  it("submit one organization's survey response: one submission, one row, the rest 409 RESPONSE_LOCKED", async () => {
    const db = env.database.db;
    for (const t of ["blockchain", "drones"]) await ensureTechnology(db, t, t);
    const survey = await createSurvey(db, SYSTEM_ACTOR, { slug: "race", title: "Race", year: 2025, kind: "technology-adoption", intro: null, minGroup: 5, definition: adoptionTemplate(["blockchain", "drones"]) });
    await setSurveyStatus(db, SYSTEM_ACTOR, survey.id, "open");
    const org = await buildOrganization(db);
    await inviteOrganizations(db, SYSTEM_ACTOR, survey.id, [org.id]);
    const members = await Promise.all(Array.from({ length: 3 }, () => buildUser(db, { role: "contributor", organizationId: org.id })));
    const stages = ["no_plans", "planning", "pilot"];
    const { won, codes } = await race((i) => saveResponse(db, caller(members[i % 3]!), survey.id, org.id, { innovation_unit: "yes", "adoption.blockchain.stage": stages[i % 3]!, "adoption.drones.stage": "planning" }, true));
    expect(won).toHaveLength(1);
    expect(new Set(codes)).toEqual(new Set(["409 RESPONSE_LOCKED"]));
    const rows = await db.select().from(surveyResponses).where(and(eq(surveyResponses.surveyId, survey.id), eq(surveyResponses.organizationId, org.id)));
    expect(rows).toHaveLength(1);
    // What is stored is what the winner was told.
    expect(rows[0]!.answers).toEqual(won[0]!.answers);
    expect((await surveyRepo.getResponse(db, survey.id, org.id))!.status).toBe("submitted");
  });

  it("publish one edition: published once, one set of pages swapped in, the rest 409", async () => {
    const db = env.database.db;
    const draft = await buildReport(db);
    const edition = await freezeEdition(db, SYSTEM_ACTOR, draft.report.id, { label: "2030", title: "Race edition", editionDate: "2030-01-01", foreword: null });
    // Every page rendered by any of the racers, counted as the renderer reports it.
    const rendered: string[] = [];
    const { won, codes } = await race(() =>
      publishEdition(db, SYSTEM_ACTOR, edition.id, {
        to: "published",
        publicUrl: "http://localhost",
        onProgress: (_done, _total, what) => void rendered.push(what),
      }),
    );
    expect(won).toHaveLength(1);
    for (const c of codes) expect(c).toMatch(/^409 /);
    expect((await getEdition(db, edition.id))!.status).toBe("published");
    const pages = await db.select({ path: editionPages.path, language: editionPages.language }).from(editionPages).where(eq(editionPages.editionId, edition.id));
    // One page per language for the contents and each chapter. Pages are rendered outside the
    // transaction, so several racers may render them; the swap lets one set in, once.
    expect(pages.length).toBeGreaterThanOrEqual(6);
    expect([...new Set(rendered)].sort()).toEqual(pages.map((p) => `${p.language}/${p.path}`).sort());
    expect(rendered.length % pages.length).toBe(0);
    const published = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, edition.id), eq(auditEvents.action, "edition.published")));
    expect(published).toHaveLength(1);
  });
});
