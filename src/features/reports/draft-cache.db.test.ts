import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { loadDraft, type DraftChapter } from "#src/features/reports/draft.ts";
import { saveSection } from "#src/features/reports/revisions.ts";
import { addSection, renameReport } from "#src/features/reports/structure.ts";
import { createFigure, createSurvey } from "#src/features/surveys/service.ts";
import { adoptionTemplate } from "#src/features/surveys/templates.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildReport, buildUser, ensureTechnology } from "#test/helpers/factories.ts";

// The draft's pages keep what they read (the draft, the figures its texts embed) until a write
// announces a change: each change must show on the very next request.

const env = useTestApp();

async function editorOnDraft() {
  const db = env.database.db;
  const draft = await buildReport(db);
  const editor = await buildUser(db, { role: "editor" });
  const browser = await new Browser(env.app).signInAs(env.database, editor.email);
  const chapter = draft.chapters[0]!;
  const section = chapter.sections[0]!;
  const page = `/draft/${draft.report.slug}/en/${chapter.slug}`;
  return { db, draft, editor, browser, chapter, section, page };
}

describe("cached draft pages show every change on the next request", () => {
  it("a saved text, a new section and a renamed report", async () => {
    const { db, draft, editor, browser, chapter, section, page } = await editorOnDraft();
    const first = await browser.get(page);
    expect(first.statusCode).toBe(200);
    expect(first.body).not.toContain("Ledgers settle in seconds now");
    expect((await browser.get(page)).statusCode).toBe(200); // read again, from the cache

    const head = section.texts.en!;
    await saveSection(db, { ...SYSTEM_ACTOR, userId: editor.id }, { sectionId: section.id, language: "en", heading: head.heading, body: "Ledgers settle in seconds now.", baseRevisionId: head.revisionId, summary: null });
    expect((await browser.get(page)).body).toContain("Ledgers settle in seconds now");

    await addSection(db, { ...SYSTEM_ACTOR, userId: editor.id }, chapter.id, "Energy use of consensus");
    expect((await browser.get(page)).body).toContain("Energy use of consensus");

    await renameReport(db, SYSTEM_ACTOR, draft.report.id, "en", "Renamed study on ledgers");
    expect((await browser.get(page)).body).toContain("Renamed study on ledgers");
  });

  it("a figure placed before it exists is drawn once the survey feature creates it, in the draft and in the editor", async () => {
    const { db, editor, browser, section, page } = await editorOnDraft();
    for (const t of ["blockchain", "drones"]) await ensureTechnology(db, t, t);
    const survey = await createSurvey(db, SYSTEM_ACTOR, { slug: `cache-${section.id.slice(0, 8)}`, title: "Adoption survey", year: 2025, kind: "technology-adoption", intro: null, minGroup: 5, definition: adoptionTemplate(["blockchain", "drones"]) });
    const slug = `cached-figure-${section.id.slice(0, 8)}`;
    const head = section.texts.en!;
    await saveSection(db, { ...SYSTEM_ACTOR, userId: editor.id }, { sectionId: section.id, language: "en", heading: head.heading, body: `Adoption so far:\n\n::figure{ref=${slug}}\n`, baseRevisionId: head.revisionId, summary: null });
    const editorPage = `/editor/sections/${section.id}/en`;
    for (const url of [page, editorPage]) expect((await browser.get(url)).body).not.toContain(`/figures/${slug}.svg`);

    await createFigure(db, SYSTEM_ACTOR, survey.id, { slug, kind: "stage-by-technology", question: "adoption", technology: undefined, title: "Stages of adoption so far", caption: null, alt: "Bars" });
    for (const url of [page, editorPage]) {
      const res = await browser.get(url);
      expect(res.body).toContain(`/figures/${slug}.svg`);
      expect(res.body).toContain("Stages of adoption so far");
    }
  });
});

describe("the kept draft", () => {
  it("hands every reader the one kept draft, frozen, instead of a copy of all its texts", async () => {
    const { db, draft } = await editorOnDraft();
    const first = await loadDraft(db, draft.report.slug);
    expect(await loadDraft(db, draft.report.slug)).toBe(first);
    expect(Object.isFrozen(first.chapters[0]!.sections[0]!.texts.en)).toBe(true);
    expect(() => (first.chapters as DraftChapter[]).push(first.chapters[0]!)).toThrow(TypeError);
    expect(() => Object.assign(first.chapters[0]!.sections[0]!.texts.en!, { body: "changed" })).toThrow(TypeError);
  });
});
