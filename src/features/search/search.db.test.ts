import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { freezeEdition, publishEdition } from "#src/features/editions/service.ts";
import * as events from "#src/features/events/service.ts";
import { getHead } from "#src/features/reports/repository.ts";
import { saveSection } from "#src/features/reports/revisions.ts";
import { MARK_START } from "#src/features/case-studies/library.ts";
import { plainText } from "#src/features/search/index.ts";
import { prefixQueryText, search, type SearchQuery } from "#src/features/search/search.ts";
import { listTechnologies } from "#src/features/catalog/repository.ts";
import { addChapter, addSection } from "#src/features/reports/structure.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildReport, buildUser, ensureTechnology } from "#test/helpers/factories.ts";
import { createSurvey, setSurveyStatus } from "#src/features/surveys/service.ts";
import { adoptionTemplate } from "#src/features/surveys/templates.ts";

const env = useTestApp();

const query = (over: Partial<SearchQuery>): SearchQuery => ({ q: "", lang: "en", kinds: [], edition: "latest", secretariat: false, limit: 20, offset: 0, ...over });

describe("search", () => {
  it("finds published sections in each language with or without accents, keeps the draft and the register for the secretariat, and forgets withdrawn editions", async () => {
    const db = env.database.db;
    const draft = await buildReport(db);
    const [first, second] = draft.chapters[0]!.sections;
    const save = (id: string, language: "en" | "fr", heading: string, body: string, base: number | null) => saveSection(db, SYSTEM_ACTOR, { sectionId: id, language, heading, body, baseRevisionId: base, summary: null });
    await save(first!.id, "en", "What it is", "Shared ledgers keep customs data in step.\n\n::recommendation{ref=search-pilot-first}", first!.texts.en!.revisionId);
    await save(first!.id, "fr", "De quoi s'agit-il", "Les registres partagés gardent les données douanières à jour.", null);
    await save(second!.id, "en", "How it is used", "Pilots at seaports.", second!.texts.en!.revisionId);
    await events.createRecommendation(db, SYSTEM_ACTOR, draft.report.id, { slug: "search-pilot-first", texts: { en: "Start with a small pilot before any roll-out." }, status: "endorsed", statusNote: null, themes: [], technologyIds: [], outcomeIds: [] });
    const edition = await freezeEdition(db, SYSTEM_ACTOR, draft.report.id, { label: "2031", title: "Study", editionDate: "2031-01-01", foreword: null });
    // Not yet published: readers find nothing.
    expect((await search(db, query({ q: "ledgers" }))).byKind.section).toBe(0);
    await publishEdition(db, SYSTEM_ACTOR, edition.id, { to: "published", publicUrl: "http://localhost" });

    // English pages: stems match ("ledger" finds "ledgers"), the hit links to the section's anchor, the snippet is marked.
    const english = await search(db, query({ q: "ledger", kinds: ["section"] }));
    expect(english.hits.map((h) => h.url)).toEqual([`/reports/${draft.report.slug}/2031/en/blockchain#${first!.slug}`]);
    expect(english.hits[0]!.snippet).toContain(`${MARK_START}ledgers`);
    // The placed recommendation's words are part of the section as readers see it.
    expect((await search(db, query({ q: "roll-out", kinds: ["section"] }))).hits.map((h) => h.title)).toEqual(["What it is"]);
    // French pages, with and without accents.
    for (const q of ["données", "donnees", "DONNEES douanieres"]) {
      const french = await search(db, query({ q, lang: "fr", kinds: ["section"] }));
      expect(french.hits.map((h) => h.title), q).toEqual(["De quoi s'agit-il"]);
      expect(french.hits[0]!.url).toContain("/2031/fr/blockchain#");
    }
    // The section without a French text is read (and found) in English on the French pages.
    expect((await search(db, query({ q: "seaports", lang: "fr" }))).hits.map((h) => h.title)).toEqual(["How it is used"]);

    // Later edits reach the draft search (secretariat only), not the published edition.
    await save(second!.id, "en", "How it is used", "Pilots at airports.", (await getHead(db, second!.id, "en"))!.id);
    expect((await search(db, query({ q: "airports" }))).total).toBe(0);
    expect((await search(db, query({ q: "airports", edition: "draft", secretariat: true }))).hits.map((h) => h.context)).toEqual(["draft"]);
    expect((await search(db, query({ q: "airports", edition: "draft", secretariat: false }))).total).toBe(0);
    // The register is for the secretariat.
    expect((await search(db, query({ q: "pilot", kinds: ["recommendation"] }))).total).toBe(0);
    expect((await search(db, query({ q: "pilot", kinds: ["recommendation"], secretariat: true }))).hits.map((h) => h.title)).toEqual(["search-pilot-first"]);

    // Withdrawn: gone from readers' search.
    await publishEdition(db, SYSTEM_ACTOR, edition.id, { to: "withdrawn", publicUrl: "http://localhost", reason: "Superseded." });
    expect((await search(db, query({ q: "ledger", edition: "all" }))).byKind.section).toBe(0);
  });

  it("finds a newly published edition on the next request, though readers' results are kept, and a withdrawn one no more", async () => {
    const db = env.database.db;
    const draft = await buildReport(db);
    const [first] = draft.chapters[0]!.sections;
    await saveSection(db, SYSTEM_ACTOR, { sectionId: first!.id, language: "en", heading: "Okapi corridors", body: "Okapi corridors cross three borders.", baseRevisionId: first!.texts.en!.revisionId, summary: null });
    const edition = await freezeEdition(db, SYSTEM_ACTOR, draft.report.id, { label: "2033", title: "Study", editionDate: "2033-01-01", foreword: null });
    const reader = new Browser(env.app);
    const found = async () => (await reader.get("/search?q=okapi&edition=all")).body;
    expect(await found()).not.toContain("Okapi corridors");
    await publishEdition(db, SYSTEM_ACTOR, edition.id, { to: "published", publicUrl: "http://localhost" });
    expect(await found()).toContain("Okapi corridors");
    expect((await reader.get("/search?q=okapi")).body).toContain('value="2033"');
    await publishEdition(db, SYSTEM_ACTOR, edition.id, { to: "withdrawn", publicUrl: "http://localhost", reason: "Superseded." });
    expect(await found()).not.toContain("Okapi corridors");
  });

  it("finds events by region and their outcomes in any language, and answers bad input on the page without failing", async () => {
    const db = env.database.db;
    const draft = await buildReport(db);
    const event = await events.createEvent(db, SYSTEM_ACTOR, draft.report.id, { slug: "search-rw", kind: "regional_workshop", title: "Regional workshop on seals", startsOn: "2022-01-10", endsOn: "2022-01-11", place: null, online: true, regionCode: "WCA", organizers: "", summary: "" });
    await events.addOutcome(db, SYSTEM_ACTOR, event.id, { kind: "insight", partId: null, producedBy: "", technologySlugs: [], texts: { es: "Los precintos electrónicos reducen los tiempos de tránsito." } });
    for (const q of ["precintos electronicos", "tránsito"]) expect((await search(db, query({ q, kinds: ["event"] }))).hits.map((h) => h.url), q).toEqual([`/reports/${draft.report.slug}/events/search-rw`]);
    expect((await search(db, query({ q: "seals", region: "WCA" }))).byKind.event).toBe(1);
    expect((await search(db, query({ q: "seals", region: "EUR" }))).byKind.event).toBe(0);

    const reader = new Browser(env.app);
    const page = await reader.get(`/search?q=${encodeURIComponent("tránsito")}&kind=nonsense&region=%3Cscript%3E&page=-4&edition=draft`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("/events/search-rw");
    expect(page.body).not.toContain("<script>");
    const editor = await new Browser(env.app).signInAs(env.database, (await buildUser(db, { role: "editor" })).email);
    expect((await editor.get(`/search?q=seals&edition=draft`)).body).toContain('value="draft" selected');
  });

  it("finds survey questions in English and French once the survey is open, and links to the question's results", async () => {
    const db = env.database.db;
    await ensureTechnology(db, "blockchain", "Blockchain");
    const survey = await createSurvey(db, SYSTEM_ACTOR, { slug: "search-survey", title: "Adoption", year: 2031, kind: "technology-adoption", intro: null, minGroup: 5, definition: adoptionTemplate(["blockchain"]) });
    expect((await search(db, query({ q: "innovation unit", kinds: ["survey-question"] }))).total).toBe(0);
    await setSurveyStatus(db, SYSTEM_ACTOR, survey.id, "open");
    const english = await search(db, query({ q: "unit in charge of innovation", kinds: ["survey-question"] }));
    expect(english.hits.map((h) => h.url)).toContain("/surveys/search-survey/results#q-innovation_unit");
    const french = await search(db, query({ q: "service chargé de l'innovation", lang: "fr", kinds: ["survey-question"] }));
    expect(french.hits.map((h) => h.title)).toContain("Votre administration a-t-elle un service chargé de l'innovation ?");
  });

  it("finds a chapter by its title, its technology's names and aliases in any language, before its sections, with its trail, its language and close spellings", async () => {
    const db = env.database.db;
    const editor = await new Browser(env.app).signInAs(env.database, (await buildUser(db, { role: "editor" })).email);
    // Aliases are entered one per line per language: trimmed, blank lines and repeats dropped, at most 20 of 80 characters.
    const form = { slug: "dlt", nameEn: "Distributed ledgers", nameFr: "Registres distribués", nameEs: "", descriptionEn: "" };
    const tooMany = await editor.submit("/editor/technologies", "/editor/technologies", { ...form, aliasesEn: Array.from({ length: 21 }, (_, i) => `name ${i}`).join("\n"), aliasesFr: "", aliasesEs: "x".repeat(81) });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.body).toContain("Give at most 20 other names per language.");
    expect(tooMany.body).toContain("Each name may have at most 80 characters.");
    const created = await editor.submit("/editor/technologies", "/editor/technologies", { ...form, aliasesEn: " distributed ledger \n\nDLT\ndlt", aliasesFr: "chaîne de blocs", aliasesEs: "cadena de bloques\r\nregistro distribuido" });
    expect(created.statusCode).toBe(303);
    const tech = (await listTechnologies(db)).find((t) => t.slug === "dlt")!;
    expect(tech.aliases).toEqual({ en: ["distributed ledger", "DLT"], fr: ["chaîne de blocs"], es: ["cadena de bloques", "registro distribuido"] });
    expect((await editor.get(`/editor/technologies/${tech.id}`)).body).toMatch(/<textarea[^>]*name="aliasesEs"[^>]*>cadena de bloques\nregistro distribuido<\/textarea>/);

    const draft = await buildReport(db);
    const chapter = await addChapter(db, SYSTEM_ACTOR, draft.report.id, { title: "Ledgers", kind: "topic", technologyId: tech.id, template: "blank" });
    const section = await addSection(db, SYSTEM_ACTOR, chapter.id, "Uses");
    await saveSection(db, SYSTEM_ACTOR, { sectionId: section.id, language: "en", heading: "Uses", body: "A ledger here, a ledger there: ledger pilots keep ledger records of every ledger entry.", baseRevisionId: (await getHead(db, section.id, "en"))!.id, summary: null });
    await saveSection(db, SYSTEM_ACTOR, { sectionId: section.id, language: "es", heading: "Usos", body: "Los pilotos de cadena de bloques comparten los registros aduaneros.", baseRevisionId: null, summary: null });
    const edition = await freezeEdition(db, SYSTEM_ACTOR, draft.report.id, { label: "2032", title: "Ledger study", translatedTitles: { en: "Ledger study", es: "Estudio de registros" }, editionDate: "2032-01-01", foreword: null });
    await publishEdition(db, SYSTEM_ACTOR, edition.id, { to: "published", publicUrl: "http://localhost" });
    const base = `/reports/${draft.report.slug}/2032`;

    // Named by its title, its technology or an alias in any language, the chapter comes first, above its sections.
    for (const [q, lang] of [["ledger", "en"], ["DLT", "en"], ["registres distribués", "en"], ["cadena de bloques", "en"], ["distributed ledger", "fr"]] as const) {
      const hits = (await search(db, query({ q, lang }))).hits;
      expect(hits[0], q).toMatchObject({ kind: "chapter", url: `${base}/${lang}/ledgers`, title: "Ledgers", report: "Ledger study", context: "2032", chapter: null });
    }
    const ledger = (await search(db, query({ q: "ledger" }))).hits;
    expect(ledger[1]).toMatchObject({ kind: "section", url: `${base}/en/ledgers#uses`, language: "en", report: "Ledger study", chapter: "Ledgers", context: "2032" });
    // Spanish words from the English interface find the Spanish text too, on its own pages, once.
    const spanish = (await search(db, query({ q: "registros aduaneros" }))).hits;
    expect(spanish.map((h) => [h.url, h.language])).toEqual([[`${base}/es/ledgers#uses`, "es"]]);
    // The same section found on the reader's pages and on its own language's is shown once, on the reader's.
    expect((await search(db, query({ q: "registros aduaneros", lang: "es" }))).hits.map((h) => h.url)).toEqual([`${base}/es/ledgers#uses`]);
    // Prefixes and close spellings.
    expect((await search(db, query({ q: "distrib" }))).hits[0]).toMatchObject({ url: `${base}/en/ledgers`, close: false });
    const close = await search(db, query({ q: "distribted ledgr" }));
    expect(close.close).toBe(true);
    expect(close.hits[0]).toMatchObject({ kind: "chapter", url: `${base}/en/ledgers`, close: true });

    // The page: a trail, a language badge, the hit's words marked with their language.
    const page = await new Browser(env.app).get(`/search?q=${encodeURIComponent("registros aduaneros")}`);
    expect(page.body).toContain(`<h2 lang="es"><a href="${base}/es/ledgers#uses">Usos</a></h2>`);
    // The trail: the report's title as the Spanish page names it, the edition in the reader's words.
    expect(page.body).toMatch(/class="small search-trail"><span lang="es">Estudio de registros<\/span><span aria-hidden="true"> › <\/span><span>Edition 2032<\/span>/);
    expect(page.body).toContain('<span lang="es">Español</span>');
    expect((await new Browser(env.app).get(`/search?q=distribted+ledgr`)).body).toContain("names spelled like them are shown too");
  });

  it("reads a query's words as prefixes without ever passing its text as tsquery syntax", () => {
    expect(prefixQueryText("blockch")).toBe("'blockch':*");
    expect(prefixQueryText("cadena de bloq")).toBe("'cadena':* & 'de' & 'bloq':*");
    expect(prefixQueryText("a' | !b & (c:*) <-> 'données'")).toBe("'a' & 'b' & 'c' & 'données':*");
    // Websearch syntax (phrases, exclusions, or) is read as the words say.
    expect(prefixQueryText('"distributed ledger"')).toBeNull();
    expect(prefixQueryText("ledger -bitcoin")).toBeNull();
    expect(prefixQueryText("ledger or registry")).toBeNull();
    expect(prefixQueryText("ab")).toBeNull();
  });

  it("reads a section's Markdown as the words a reader sees", () => {
    expect(plainText("A **bold** claim[^1] and a [link](https://example.org).\n\n[^1]: Its source.\n\n| A | B |\n|---|---|\n| x | y |")).toBe("A bold claim and a link.\nIts source.\nA B x y");
    expect(plainText("::recommendation{ref=r1}", (d) => (d.attributes?.ref === "r1" ? "Start small." : ""))).toContain("Start small.");
  });
});
