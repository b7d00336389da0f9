import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR, type Caller } from "#src/domain/actors.ts";
import { emptyFields, type CaseStudyFields } from "#src/domain/case-studies.ts";
import type { Finding } from "#src/domain/editions.ts";
import type { Language } from "#src/domain/languages.ts";
import { createCaseStudy, moveCaseStudy } from "#src/features/case-studies/service.ts";
import { checkDraft, checkEdition, checkSection } from "#src/features/editions/findings.ts";
import { freezeEdition, refreshEdition } from "#src/features/editions/service.ts";
import * as events from "#src/features/events/service.ts";
import { getHead } from "#src/features/reports/repository.ts";
import { saveSection } from "#src/features/reports/revisions.ts";
import { addChapter, addSection, createReport, renameChapter, setSectionStatus } from "#src/features/reports/structure.ts";
import { insertFigure } from "#src/features/surveys/repository.ts";
import { createSurvey, importResponses, setSurveyStatus } from "#src/features/surveys/service.ts";
import { adoptionTemplate } from "#src/features/surveys/templates.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildOrganization, buildUser, ensureTechnology } from "#test/helpers/factories.ts";

const env = useTestApp();
const db = () => env.database.db;
let unique = 0;
const next = (prefix: string) => `${prefix}-${++unique}-${Math.random().toString(36).slice(2, 6)}`;

async function write(sectionId: string, lang: Language, heading: string, body: string) {
  const head = await getHead(db(), sectionId, lang);
  return saveSection(db(), SYSTEM_ACTOR, { sectionId, language: lang, heading, body, baseRevisionId: head?.id ?? null, summary: null });
}

/** A report in English, French and Spanish; chapters with their sections (heading → English text, or null for none). */
async function report(chapters: { title: string; translated?: boolean; sections: [heading: string, body: string | null][] }[]) {
  const r = await createReport(db(), SYSTEM_ACTOR, { slug: next("report"), title: "Study Report", primaryLanguage: "en", translations: ["fr", "es"] });
  const ids: Record<string, string> = {};
  const chapterIds: Record<string, string> = {};
  for (const c of chapters) {
    const chapter = await addChapter(db(), SYSTEM_ACTOR, r.id, { title: c.title, kind: "topic", technologyId: null, template: "blank" });
    chapterIds[c.title] = chapter.id;
    if (c.translated) for (const lang of ["fr", "es"] as const) await renameChapter(db(), SYSTEM_ACTOR, chapter.id, lang, `${c.title} (${lang})`);
    for (const [heading, body] of c.sections) {
      const section = await addSection(db(), SYSTEM_ACTOR, chapter.id, heading);
      ids[heading] = section.id;
      if (body !== null) await write(section.id, "en", heading, body);
    }
  }
  return { report: r, ids, chapterIds };
}

/** Each finding as "severity code section/language", easy to compare. */
const lines = (findings: Finding[]) => findings.map((f) => [f.severity, f.code, f.where.sectionSlug ?? f.where.chapterSlug ?? "edition", f.where.language ?? ""].join(" ").trim());

const callerFor = (user: { id: string; role: "editor"; organizationId: string | null }): Caller => ({ ...SYSTEM_ACTOR, userId: user.id, role: user.role, organizationId: user.organizationId });
const caseStudyFields = (title: string): CaseStudyFields => ({
  ...emptyFields("en"),
  title,
  technologies: ["blockchain"],
  stage: "pilot",
  periodStart: 2019,
  summary: "Release notices for import containers move on a permissioned ledger shared with terminals.",
  solution: "Five nodes run by customs, the terminal and two shipping lines.",
  consent: true,
});

/** Evidence in every state: case studies (published, draft), figures (shown, suppressed, empty), recommendations (each status). */
async function evidence() {
  await ensureTechnology(db(), "blockchain", "Blockchain");
  const org = await buildOrganization(db(), { regionCode: "AMS" });
  const editor = callerFor({ ...(await buildUser(db(), { role: "editor" })), role: "editor" });
  const published = await createCaseStudy(db(), editor, { organizationId: org.id, fields: caseStudyFields("A published ledger") });
  for (const [from, to] of [["draft", "submitted"], ["submitted", "accepted"], ["accepted", "published"]] as const) await moveCaseStudy(db(), editor, published.id, { from, to, message: null, reason: null, supersededBy: null });
  const draft = await createCaseStudy(db(), editor, { organizationId: org.id, fields: caseStudyFields("A ledger still in draft") });

  const survey = async (answered: number) => {
    const s = await createSurvey(db(), SYSTEM_ACTOR, { slug: next("survey"), title: "Adoption", year: 2030, kind: "technology-adoption", intro: null, minGroup: 5, definition: adoptionTemplate(["blockchain"]) });
    await setSurveyStatus(db(), SYSTEM_ACTOR, s.id, "open");
    const orgs = [];
    for (let i = 0; i < answered; i++) orgs.push(await buildOrganization(db(), { regionCode: "EUR" }));
    const rows = orgs.map((o, i) => ({ line: i + 2, cells: { organization: o.id, innovation_unit: "yes", "adoption.blockchain.stage": "pilot" } }));
    if (rows.length) expect((await importResponses(db(), SYSTEM_ACTOR, s.id, { columns: ["organization", "innovation_unit", "adoption.blockchain.stage"], rows, cellRef: () => "" }, "import: test")).ok).toBe(true);
    return s;
  };
  const figure = async (surveyId: string, alts: Partial<Record<Language, string>>) => {
    const slug = next("figure");
    await insertFigure(db(), { slug, surveyId, query: { kind: "stage-by-technology", question: "adoption" }, chart: "stage-by-technology", titles: { en: "Adoption", fr: "Adoption (fr)", es: "Adopción" }, alts });
    return slug;
  };
  const everyAlt = { en: "Bars by stage", fr: "Barres par étape", es: "Barras por etapa" };
  const [six, two, none] = [await survey(6), await survey(2), await survey(0)];
  const figures = { shown: await figure(six.id, everyAlt), noAlt: await figure(six.id, { en: "Bars by stage" }), suppressed: await figure(two.id, everyAlt), empty: await figure(none.id, everyAlt) };

  const recommendation = async (status: "proposed" | "endorsed" | "retired") =>
    (await events.createRecommendation(db(), SYSTEM_ACTOR, (await createReport(db(), SYSTEM_ACTOR, { slug: next("register"), title: "Register", primaryLanguage: "en", translations: [] })).id, { slug: next(status), texts: { en: `A ${status} recommendation.` }, status, statusNote: null, themes: [], technologyIds: [], outcomeIds: [] })).slug;
  const recommendations = { endorsed: await recommendation("endorsed"), proposed: await recommendation("proposed"), retired: await recommendation("retired") };
  return { caseStudies: { published: published.slug, draft: draft.slug }, figures, recommendations };
}

describe("findings: the checks before publishing", () => {
  it("finds every kind of error and warning in a living draft, where it is, with where to fix it", async () => {
    const ev = await evidence();
    const body = [
      `Placed well: :case-study[x]{ref=${ev.caseStudies.published}}, not yet: :case-study[y]{ref=${ev.caseStudies.draft}}, unknown: :case-study[z]{ref=no-such-case}.`,
      `::figure{ref=${ev.figures.shown}}`,
      `::figure{ref=${ev.figures.noAlt}}`,
      `::figure{ref=${ev.figures.suppressed}}`,
      `::figure{ref=${ev.figures.empty}}`,
      "::figure{ref=no-such-figure}",
      `::recommendation{ref=${ev.recommendations.endorsed}}`,
      `::recommendation{ref=${ev.recommendations.proposed}}`,
      `::recommendation{ref=${ev.recommendations.retired}}`,
      "::figure",
      "::figur{ref=typo}",
    ].join("\n\n");
    const links = "[here](#evidence) [nowhere](#nowhere) [there](other-chapter#far) [gone](other-chapter#missing) [wrong page](#far) [members](/draft/REPORT/en/topics#evidence) [no chapter](missing-chapter) and Donaudampfschifffahrtsgesellschaftskapitänsmütze.";
    const { report: r, ids } = await report([
      { title: "Topics", sections: [["Evidence", body], ["Links", "placeholder"], ["Empty", null], ["Same", "One."], ["same", "Two."]] },
      { title: "Other chapter", translated: true, sections: [["Far", "Far text."]] },
      { title: "Nothing yet", translated: true, sections: [] },
    ]);
    await write(ids.Links!, "en", "Links", links.replace("REPORT", r.slug));
    await setSectionStatus(db(), SYSTEM_ACTOR, ids.Links!, "ready");
    // French translated, then the English changed: out of date. Spanish never translated: missing.
    await write(ids.Far!, "fr", "Loin", "Texte lointain.");
    await write(ids.Far!, "en", "Far", "Far text, changed.");

    const found = await checkDraft(db(), r.slug);
    const got = lines(found.findings);
    const expected = [
      // Errors.
      "error caseStudyUnpublished evidence",
      "error unresolvedRef evidence en", // no-such-case
      "error figureSuppressed evidence",
      "error figureEmpty evidence",
      "error recommendationProposed evidence",
      "error recommendationRetired evidence",
      "error invalidDirective evidence en",
      "error unknownDirective evidence en",
      "error brokenLink links en",
      "error linkOtherChapter links en",
      "error sectionEmpty empty en",
      // Warnings.
      "warning sectionDraft evidence",
      "warning translationMissing evidence fr",
      "warning translationOutOfDate far fr",
      "warning translationMissing far es",
      "warning figureNoAlt evidence fr",
      "warning figureNoAlt evidence es",
      "warning longRun links en",
      "warning draftLink links en",
      "warning chapterEmpty nothing-yet",
      "warning chapterTitleMissing topics fr",
      "warning duplicateHeading same-2 en",
    ];
    for (const line of expected) expect(got, line).toContain(line);
    // Each kind once per place, and the unknown figure too; nothing about what is fine.
    expect(got.filter((l) => l === "error unresolvedRef evidence en")).toHaveLength(2);
    expect(got.filter((l) => l === "error brokenLink links en")).toHaveLength(3);
    expect(got.filter((l) => l.startsWith("warning figureNoAlt"))).toHaveLength(2);
    expect(got).not.toContain("warning sectionDraft links");
    expect(got).not.toContain("warning chapterTitleMissing other-chapter fr");
    // The fix of a missing title opens the outline with the rename form set to that language.
    const untitled = found.findings.find((f) => f.code === "chapterTitleMissing" && f.where.language === "fr")!;
    expect(untitled.fix).toBe(`/editor/reports/${r.slug}?lang=fr#ch-${untitled.where.chapterId}`);
    expect(got.some((l) => / empty (fr|es)$/.test(l) && l.includes("translation"))).toBe(false);
    expect(found.errors).toBe(found.findings.filter((f) => f.severity === "error").length);
    expect(found.errors).toBe(got.filter((l) => l.startsWith("error")).length);

    // What the messages and links say.
    const byCode = (code: string) => found.findings.find((f) => f.code === code)!;
    expect(byCode("linkOtherChapter").params).toMatchObject({ target: "#far", elsewhere: "other-chapter#far", chapter: "Topics", section: "Links" });
    expect(byCode("longRun").params).toMatchObject({ length: 49 });
    expect(byCode("sectionEmpty").fix).toBe(`/editor/sections/${ids.Empty}/en`);
    expect(byCode("translationOutOfDate").fix).toBe(`/editor/sections/${ids.Far}/fr`);
    expect(byCode("caseStudyUnpublished").fix).toMatch(/^\/member\/case-studies\/[0-9a-f-]{36}$/);
    expect(byCode("figureEmpty").fix).toMatch(/^\/editor\/surveys\/[0-9a-f-]{36}$/);
    expect(byCode("recommendationRetired").fix).toMatch(/^\/editor\/recommendations\/[0-9a-f-]{36}$/);
    expect(found.findings.find((f) => f.code === "unresolvedRef" && f.where.ref === "figure:no-such-figure")!.params).toMatchObject({ directive: "::figure{ref=no-such-figure}" });
    expect(byCode("chapterEmpty").fix).toMatch(new RegExp(`^/editor/reports/${r.slug}#ch-`));

    // The section editor's share: only that section's findings.
    const links2 = await checkSection(db(), r.slug, ids.Links!);
    expect(lines(links2.findings).sort()).toEqual(got.filter((l) => / links /.test(l)).sort());
  });

  it("checks an edition against what it pinned, tells a reference placed too late from a wrong one, and a refresh after a fix clears it", async () => {
    const ev = await evidence();
    const { report: r, ids } = await report([
      {
        title: "Topics",
        translated: true,
        sections: [
          ["Evidence", `::figure{ref=${ev.figures.shown}}\n\n::figure{ref=no-such-figure}\n\n::recommendation{ref=${ev.recommendations.proposed}}`],
          ["Links", "placeholder"],
        ],
      },
    ]);
    await write(ids.Links!, "en", "Links", `[this edition](https://example.org/reports/${r.slug}/2030/en/topics#nope) [another](/reports/${r.slug}/2019/en/topics#nope) [fine](/reports/${r.slug}/2030/fr/topics#links)`);
    const edition = await freezeEdition(db(), SYSTEM_ACTOR, r.id, { label: "2030", title: "Edition 2030", editionDate: "2030-06-30", foreword: null });
    const before = await checkEdition(db(), edition.id);
    const got = lines(before.findings);
    expect(got).toContain("error unresolvedRef evidence en");
    // Only adopted recommendations are pinned: a proposed one is said to be so.
    expect(got).toContain("error recommendationProposed evidence");
    // Links to this edition's own pages are checked; another edition's are not.
    expect(got.filter((l) => l === "error brokenLink links en")).toHaveLength(1);
    expect(before.findings.find((f) => f.code === "brokenLink")!.params.target).toContain("/2030/en/topics#nope");
    // The edition's own words: a title of its own, not translated yet.
    expect(got).toContain("warning editionTextMissing edition fr");
    expect(got).toContain("warning editionTextMissing edition es");
    // Named: the title is missing (the primary has no subtitle or foreword to translate).
    expect(before.findings.find((f) => f.code === "editionTextMissing")!.params).toEqual({ fields: "title" });
    expect(before.findings.find((f) => f.code === "editionTextMissing")!.fix).toBe(`/editor/editions/${edition.id}#texts-fr`);
    expect(got).toContain("warning sectionDraft evidence");

    // Adopted since: the edition must be refreshed to carry it.
    const rec = (await import("#src/features/events/repository.ts")).recommendationsBySlugs;
    const [proposed] = await rec(db(), [ev.recommendations.proposed]);
    await events.updateRecommendation(db(), SYSTEM_ACTOR, proposed!.id, { texts: proposed!.texts, status: "endorsed", statusNote: null, themes: [], technologyIds: [] });
    const adopted = await checkEdition(db(), edition.id);
    const notPinned = adopted.findings.find((f) => f.code === "refNotPinned")!;
    expect(notPinned).toMatchObject({ severity: "error", where: { sectionSlug: "evidence", language: "en" }, fix: `/editor/editions/${edition.id}` });
    expect(lines(adopted.findings)).not.toContain("error recommendationProposed evidence");

    // Fixed in the draft: still found in the edition until it is refreshed, then gone.
    await write(ids.Evidence!, "en", "Evidence", `::figure{ref=${ev.figures.shown}}\n\n::recommendation{ref=${ev.recommendations.proposed}}`);
    await setSectionStatus(db(), SYSTEM_ACTOR, ids.Evidence!, "ready");
    expect(lines((await checkEdition(db(), edition.id)).findings)).toContain("error unresolvedRef evidence en");
    await refreshEdition(db(), SYSTEM_ACTOR, edition.id);
    const after = lines((await checkEdition(db(), edition.id)).findings);
    expect(after).not.toContain("error unresolvedRef evidence en");
    expect(after).not.toContain("error refNotPinned evidence en");
    // The section's status is pinned with it.
    expect(after).not.toContain("warning sectionDraft evidence");
  });

  it("finds no error in a clean edition, and nothing at all once everything is translated and ready", async () => {
    const ev = await evidence();
    const { report: r, ids } = await report([
      {
        title: "Topics",
        translated: true,
        sections: [
          ["One", `A case study :case-study[x]{ref=${ev.caseStudies.published}}, [the next section](#two).\n\n::figure{ref=${ev.figures.shown}}\n\n::recommendation{ref=${ev.recommendations.endorsed}}`],
          ["Two", "Plain words, `a-code-span-far-longer-than-forty-characters-in-a-row` and https://example.org/a-very-long-address-that-runs-well-past-forty-characters."],
        ],
      },
    ]);
    const editionOf = (label: string) => freezeEdition(db(), SYSTEM_ACTOR, r.id, { label, title: "Study Report", translatedTitles: { fr: "Rapport d'étude", es: "Informe de estudio" }, editionDate: "2030-01-01", foreword: null });
    const partial = await checkEdition(db(), (await editionOf("2030")).id);
    expect(partial.errors).toBe(0);
    expect(partial.warnings).toBeGreaterThan(0);

    for (const [heading, id] of Object.entries(ids)) {
      const en = (await getHead(db(), id, "en"))!;
      for (const lang of ["fr", "es"] as const) await write(id, lang, `${heading} (${lang})`, en.body);
      await setSectionStatus(db(), SYSTEM_ACTOR, id, "ready");
    }
    const clean = await editionOf("2031");
    expect(await checkEdition(db(), clean.id)).toEqual({ findings: [], errors: 0, warnings: 0 });
    expect(await checkDraft(db(), r.slug)).toEqual({ findings: [], errors: 0, warnings: 0 });
  });

  it("shows the findings on the edition page, the completeness dashboard and the section editor", async () => {
    const { report: r, ids } = await report([{ title: "Topics", sections: [["Evidence", "::figure{ref=no-such-figure}"], ["Other", "Fine."]] }]);
    const edition = await freezeEdition(db(), SYSTEM_ACTOR, r.id, { label: "2030", title: "Study Report", editionDate: "2030-01-01", foreword: null });
    const editor = await buildUser(db(), { role: "editor" });
    const browser = await new Browser(env.app).signInAs(env.database, editor.email);

    const page = await browser.get(`/editor/editions/${edition.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("1 error");
    expect(page.body).toContain("::figure{ref=no-such-figure} refers to nothing");
    expect(page.body).toContain(`href="/editor/sections/${ids.Evidence}/en"`);

    const status = await browser.get(`/editor/reports/${r.slug}/status`);
    expect(status.body).toContain("Checks before publishing");
    expect(status.body).toContain("::figure{ref=no-such-figure} refers to nothing");
    // By chapter; a few are shown unfolded (see findings.test.ts for many).
    expect(status.body).toContain('<details class="findings-chapter" open><summary>Topics');

    const section = await browser.get(`/editor/sections/${ids.Evidence}/en`);
    expect(section.body).toContain("Checks on this section");
    expect(section.body).toContain("::figure{ref=no-such-figure} refers to nothing");
    const other = await browser.get(`/editor/sections/${ids.Other}/fr`);
    expect(other.body).not.toContain("refers to nothing");
    expect(other.body).toContain("Not translated");

    // In French, with French spacing.
    const french = await browser.get(`/editor/reports/${r.slug}/status`, { "accept-language": "fr" });
    expect(french.body).toContain("ne renvoie à rien\u202f:");
  });
});
