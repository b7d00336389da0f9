import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { freezeEdition, publishEdition } from "#src/features/editions/service.ts";
import { loadDraft, type Draft } from "#src/features/reports/draft.ts";
import { saveSection } from "#src/features/reports/revisions.ts";
import { addChapter, moveSection, moveSectionToChapter, renameChapter } from "#src/features/reports/structure.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildReport, buildUser } from "#test/helpers/factories.ts";

// Two published editions of one report, compared through the page readers use.

const env = useTestApp();
const publicUrl = "http://localhost:3000";

async function write(slug: string, chapter: number, section: number, body: string) {
  const s = (await loadDraft(env.database.db, slug)).chapters[chapter]!.sections[section]!;
  const head = s.texts.en;
  await saveSection(env.database.db, SYSTEM_ACTOR, { sectionId: s.id, language: "en", heading: head?.heading ?? s.slug, body, baseRevisionId: head?.revisionId ?? null, summary: null });
}

async function publish(draft: Draft, label: string, editionDate: string) {
  const edition = await freezeEdition(env.database.db, SYSTEM_ACTOR, draft.report.id, { label, title: `Edition ${label}`, editionDate, foreword: null });
  await publishEdition(env.database.db, SYSTEM_ACTOR, edition.id, { to: "published", publicUrl });
}

/** A report published in 2019, then changed (a chapter renamed, sections moved, a text rewritten, a chapter added) and published in 2022. */
async function twoEditions() {
  const db = env.database.db;
  let draft = await buildReport(db);
  const slug = draft.report.slug;
  await write(slug, 0, 0, "A ledger is a **shared** record.\n\n::figure{ref=no-such-figure}\n\n| Stage | Members |\n|---|---|\n| Pilot | 9 |");
  await write(slug, 0, 1, "Used by a few administrations.");
  await publish(draft, "2019", "2019-06-28");

  await renameChapter(db, SYSTEM_ACTOR, draft.chapters[0]!.id, "en", "Blockchain and distributed ledgers");
  await write(slug, 0, 0, "A ledger is a **shared, tamper-evident** record.\n\n::figure{ref=no-such-figure}\n\n| Stage | Members |\n|---|---|\n| Pilot | 12 |");
  const other = await addChapter(db, SYSTEM_ACTOR, draft.report.id, { title: "Internet of Things", kind: "topic", technologyId: null, template: "technology" });
  draft = await loadDraft(db, slug);
  await moveSectionToChapter(db, SYSTEM_ACTOR, draft.chapters[0]!.sections[1]!.id, other.id);
  await moveSection(db, SYSTEM_ACTOR, draft.chapters[0]!.sections[3]!.id, "up");
  await publish(await loadDraft(db, slug), "2022", "2022-06-30");
  return { slug, draft: await loadDraft(db, slug) };
}

describe("comparing editions", () => {
  it("shows readers what changed from the previous edition: renamed, moved, and rendered text with insertions marked", async () => {
    const { slug } = await twoEditions();
    // The link every edition page carries names only "to": "from" is the published edition before it.
    const res = await env.app.inject({ url: `/reports/${slug}/compare?to=2022&lang=en` });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain("What changed from the 2019 edition to the 2022 edition");
    expect(html).toContain("Renamed: “Blockchain” → “Blockchain and distributed ledgers”");
    expect(html).toMatch(/shared<span class="visually-hidden">Inserted: <\/span><ins>, tamper-evident <\/ins>/);
    expect(html).toMatch(/<del>9<\/del>/);
    expect(html).toMatch(/<ins>12<\/ins>/);
    for (const syntax of ["**", "::", "{ref=", "|---|"]) expect(html).not.toContain(syntax);
    // Moved sections, each linked to its place on both sides.
    expect(html).toContain("Moved: 1.2 in “Blockchain” → 2.7 in “Internet of Things”");
    expect(html).toContain(`href="/reports/${slug}/2019/en/blockchain#how-it-is-used-today"`);
    // In its new chapter the section took a free slug: the link follows it.
    expect(html).toContain(`href="/reports/${slug}/2022/en/internet-of-things#how-it-is-used-today-2"`);
    expect(html).toContain("Moved within its chapter: 1.4 → 1.2");
    expect(html).toMatch(/1 chapter added/);
    expect(html).toMatch(/2 sections moved/);
    // Only a section whose place changed among its siblings counts as moved, not those that merely shifted up.
    expect(html).toMatch(/1 section changed/);
    expect(html).toMatch(/3 sections unchanged/);
    // The language switch keeps the two editions.
    expect(html).toContain(`href="/reports/${slug}/compare?from=2019&amp;to=2022&amp;lang=fr"`);
  });

  it("works in every language of the report, keeps the comparison of two published editions, and refuses what does not exist", async () => {
    const { slug } = await twoEditions();
    const usage = () => env.app.editionCache.usage().pages.entries;
    const before = usage();
    const fr = await env.app.inject({ url: `/reports/${slug}/compare?from=2019&to=2022&lang=fr` });
    expect(fr.statusCode).toBe(200);
    expect(fr.body).toContain('<html lang="fr">');
    expect(fr.body).toContain("<h1>Ce qui a changé de l'édition 2019 à l'édition 2022</h1>");
    expect(fr.body.replace(/[\u00a0\u202f]/g, " ")).toContain("Renommé : « Blockchain » → « Blockchain and distributed ledgers »");
    expect(fr.body).toContain(`href="/reports/${slug}/2022/fr/blockchain#what-it-is"`);
    expect(usage()).toBe(before + 1);
    const again = await env.app.inject({ url: `/reports/${slug}/compare?from=2019&to=2022&lang=fr` });
    expect(again.body).toBe(fr.body);
    expect(usage()).toBe(before + 1);
    // Readers never see the living draft; an unknown edition is not found.
    expect((await env.app.inject({ url: `/reports/${slug}/compare?from=2022&to=draft` })).statusCode).toBe(404);
    expect((await env.app.inject({ url: `/reports/${slug}/compare?from=1999&to=2022` })).statusCode).toBe(404);
    // The first edition has nothing before it.
    const first = await env.app.inject({ url: `/reports/${slug}/compare?to=2019&lang=en` });
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain("There is no earlier edition to compare the 2019 edition with.");
  });

  it("lets the secretariat compare an edition with the living draft, linked to the draft reader", async () => {
    const { slug } = await twoEditions();
    await write(slug, 0, 0, "A ledger is a record that *many* parties keep.");
    const editor = await buildUser(env.database.db, { role: "editor" });
    const browser = await new Browser(env.app).signInAs(env.database, editor.email);
    const res = await browser.get(`/reports/${slug}/compare?from=2022&to=draft&lang=en`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("What changed from the 2022 edition to the living draft");
    expect(res.body).toContain(`href="/draft/${slug}/en/blockchain#what-it-is"`);
    expect(res.body).toMatch(/<ins>that many parties keep<\/ins>/);
    expect(res.body).not.toContain("*many*");
  });
});
