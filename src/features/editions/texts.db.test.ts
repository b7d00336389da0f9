import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { listAudit } from "#src/features/audit/repository.ts";
import { getEdition } from "#src/features/editions/repository.ts";
import { loadEditionContent, renderEditionPage } from "#src/features/editions/render.ts";
import { freezeEdition, publishEdition, refreshEdition, saveEditionTexts } from "#src/features/editions/service.ts";
import { checkEdition } from "#src/features/editions/findings.ts";
import { editionTexts, editionTextState, formatEditionDate, missingEditionTexts } from "#src/features/editions/texts.ts";
import { translator } from "#src/i18n/i18n.ts";
import { findingMessage } from "#src/web/findings.tsx";
import { createReport, renameReport } from "#src/features/reports/structure.ts";
import { renderHtmlFile } from "#src/publishing/html-file.tsx";
import { loadPublication } from "#src/publishing/publication.ts";
import { typstDocument } from "#src/publishing/typst/document.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildReport, buildUser } from "#test/helpers/factories.ts";

const env = useTestApp();
const publicUrl = "http://localhost:3000";

const FRENCH = { title: "Rapport d'étude 2026", subtitle: "Une mise à jour", foreword: "Cette édition revient sur chaque technologie.", dateStyle: "long" as const };

async function frozen(label: string, title = "Study Report 2026") {
  const draft = await buildReport(env.database.db);
  const edition = await freezeEdition(env.database.db, SYSTEM_ACTOR, draft.report.id, { label, title, subtitle: "An update", editionDate: "2026-06-30", foreword: "This edition revisits each technology." });
  return { draft, edition };
}

const FRENCH_FORM = { title: FRENCH.title, subtitle: FRENCH.subtitle, foreword: "Une ligne,\r\npuis une autre.", dateStyle: "short" };

const stateOf = async (id: string, lang: "fr" | "es") => editionTextState((await getEdition(env.database.db, id))!, "en", lang);

describe("an edition's words in each language", () => {
  it("tracks a translation against the primary words, as sections do", async () => {
    const { edition } = await frozen("2026");
    expect(edition.subtitles).toEqual({ en: "An update" });
    expect(await stateOf(edition.id, "fr")).toBe("missing");

    await saveEditionTexts(env.database.db, SYSTEM_ACTOR, edition.id, "fr", FRENCH);
    expect(await stateOf(edition.id, "fr")).toBe("upToDate");
    expect(await stateOf(edition.id, "es")).toBe("missing");

    // Only the date style of the primary changes: the translation still matches its words.
    const en = { title: "Study Report 2026", subtitle: "An update", foreword: "This edition revisits each technology.", dateStyle: "medium" as const };
    await saveEditionTexts(env.database.db, SYSTEM_ACTOR, edition.id, "en", en);
    expect(await stateOf(edition.id, "fr")).toBe("upToDate");

    // The primary's words change: the French words are out of date until saved again.
    await saveEditionTexts(env.database.db, SYSTEM_ACTOR, edition.id, "en", { ...en, subtitle: "A thorough update" });
    expect(await stateOf(edition.id, "fr")).toBe("outOfDate");
    await saveEditionTexts(env.database.db, SYSTEM_ACTOR, edition.id, "fr", { ...FRENCH, subtitle: "Une mise à jour approfondie" });
    expect(await stateOf(edition.id, "fr")).toBe("upToDate");

    // A translation without the subtitle the primary has is incomplete.
    await saveEditionTexts(env.database.db, SYSTEM_ACTOR, edition.id, "es", { title: "Informe 2026", subtitle: null, foreword: "Esta edición revisa cada tecnología.", dateStyle: "long" });
    expect(await stateOf(edition.id, "es")).toBe("missing");

    const audit = await listAudit(env.database.db, { limit: 20, entityId: edition.id });
    expect(audit.filter((a) => a.action === "edition.texts").map((a) => (a.data as { lang: string }).lang)).toEqual(["es", "fr", "en", "en", "fr"]);
  });

  it("computes the content hash again, as freezing would for the same words and items", async () => {
    const { edition } = await frozen("2027");
    const saved = await saveEditionTexts(env.database.db, SYSTEM_ACTOR, edition.id, "fr", FRENCH);
    expect(saved.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(saved.contentHash).not.toBe(edition.contentHash);
    // Refreshing pins the same draft again and hashes the stored words: the same hash.
    await refreshEdition(env.database.db, SYSTEM_ACTOR, edition.id);
    expect((await getEdition(env.database.db, edition.id))!.contentHash).toBe(saved.contentHash);
    // Saving the same words again changes nothing in the hash.
    expect((await saveEditionTexts(env.database.db, SYSTEM_ACTOR, edition.id, "fr", FRENCH)).contentHash).toBe(saved.contentHash);
  });

  it("takes the report's translated titles when freezing, and counts them as up to date", async () => {
    const draft = await buildReport(env.database.db);
    await renameReport(env.database.db, SYSTEM_ACTOR, draft.report.id, "fr", "Rapport d'étude");
    const edition = await freezeEdition(env.database.db, SYSTEM_ACTOR, draft.report.id, { label: "2028", title: "Study Report", editionDate: "2028-01-15", foreword: null });
    expect(edition.titles).toMatchObject({ en: "Study Report", fr: "Rapport d'étude" });
    expect(await stateOf(edition.id, "fr")).toBe("upToDate");
    expect(await stateOf(edition.id, "es")).toBe("missing");
  });

  it("refuses changes once the edition is published", async () => {
    const { edition } = await frozen("2029");
    await publishEdition(env.database.db, SYSTEM_ACTOR, edition.id, { to: "published", publicUrl });
    await expect(saveEditionTexts(env.database.db, SYSTEM_ACTOR, edition.id, "fr", FRENCH)).rejects.toMatchObject({ code: "EDITION_IMMUTABLE" });
    expect((await getEdition(env.database.db, edition.id))!.titles.fr).toBeUndefined();
  });

  it("names what a partial translation lacks, and once published shows what readers see in its place", async () => {
    const { edition } = await frozen("2032");
    await saveEditionTexts(env.database.db, SYSTEM_ACTOR, edition.id, "es", { title: "Informe 2026", subtitle: null, foreword: null, dateStyle: "long" });
    const row = (await getEdition(env.database.db, edition.id))!;
    expect(missingEditionTexts(row, "en", "es")).toEqual(["subtitle", "foreword"]);
    expect(missingEditionTexts(row, "en", "fr")).toEqual(["title", "subtitle", "foreword"]);
    const findings = (await checkEdition(env.database.db, edition.id)).findings.filter((f) => f.code === "editionTextMissing");
    expect(findings.map((f) => [f.where.language, f.params.fields])).toEqual([
      ["fr", "titleSubtitleForeword"],
      ["es", "subtitleForeword"],
    ]);
    expect(findingMessage(translator("en"), findings[1]!)).toBe("The edition's subtitle and foreword are not translated.");
    expect(findingMessage(translator("es"), findings[1]!)).toBe("El subtítulo y el prólogo de la edición no están traducidos.");

    const editor = await buildUser(env.database.db, { role: "editor" });
    const browser = await new Browser(env.app).signInAs(env.database, editor.email);
    const page = `/editor/editions/${edition.id}`;
    expect((await browser.get(page)).body).toMatch(/id="texts-es-h">[^<]*<span class="tag tag-missing">Partly translated: no subtitle or foreword<\/span>/);
    await publishEdition(env.database.db, SYSTEM_ACTOR, edition.id, { to: "published", publicUrl, acknowledgement: { note: "Translations follow." } });
    const published = (await browser.get(page)).body;
    expect(published).toContain('<dd><span class="muted">Readers see the English:</span> <span lang="en">An update</span></dd>');
    expect(published).toContain('<dd lang="es">Informe 2026</dd>');
    // When it went out, and the kinds of warning acknowledged, in words.
    expect(published).toMatch(/<dt>Published<\/dt><dd><time datetime="[^"]+">/);
    expect(published).toMatch(/<details class="acknowledged-codes"><summary>The \d+ kinds of warning acknowledged<\/summary><ul>.*<li>The edition's title, subtitle or foreword is not translated\. <code class="muted small">editionTextMissing<\/code><\/li>/s);
  });

  it("gives the French publication its French title, subtitle, foreword and date", async () => {
    const { draft, edition } = await frozen("2030");
    await saveEditionTexts(env.database.db, SYSTEM_ACTOR, edition.id, "fr", { ...FRENCH, dateStyle: "full" });
    const pub = await loadPublication(env.database.db, draft.report.slug, "2030", "fr");
    expect(pub).toMatchObject({ title: FRENCH.title, subtitle: FRENCH.subtitle, foreword: FRENCH.foreword, date: "2026-06-30", dateStyle: "full", textLangs: {} });
    const date = formatEditionDate(pub.date, "fr", pub.dateStyle);
    expect(date).toBe("mardi 30 juin 2026");
    const typst = typstDocument(pub);
    for (const words of ["Rapport d'étude 2026", "Une mise à jour", "mardi 30 juin 2026"]) expect(typst).toContain(words);
    const html = renderHtmlFile(pub).toString();
    expect(html).toContain("<h1>Rapport d'étude 2026</h1>");
    expect(html).toContain("mardi 30 juin 2026");

    // Spanish has no words of its own: the primary's are shown, marked as English.
    const es = await loadPublication(env.database.db, draft.report.slug, "2030", "es");
    expect(es).toMatchObject({ title: "Study Report 2026", subtitle: "An update", textLangs: { title: "en", subtitle: "en", foreword: "en" } });
    expect(renderHtmlFile(es).toString()).toContain('<h1 lang="en">Study Report 2026</h1>');
    expect(typstDocument(es)).toContain('#text(lang: "en")');
  });

  it("saves a language's words from the edition page and shows them on the pages of that language", async () => {
    const { draft, edition } = await frozen("2031");
    const editor = await buildUser(env.database.db, { role: "editor" });
    const browser = await new Browser(env.app).signInAs(env.database, editor.email);
    const page = `/editor/editions/${edition.id}`;
    const before = await browser.get(page);
    expect(before.body).toContain('id="texts-fr"');
    expect(before.body).toMatch(/id="texts-fr-h">[^<]*<span class="tag tag-missing">/);

    const refused = await browser.submit(page, `/editor/editions/${edition.id}/texts/fr`, { title: "", subtitle: "Sous-titre", foreword: "", dateStyle: "long" });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('id="e-fr-title"');
    expect(refused.body).toContain('value="Sous-titre"');

    const saved = await browser.submit(page, `/editor/editions/${edition.id}/texts/fr`, FRENCH_FORM);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/editor/editions/${edition.id}#texts-fr`);
    const row = (await getEdition(env.database.db, edition.id))!;
    expect(row).toMatchObject({ titles: { fr: FRENCH.title }, forewords: { fr: "Une ligne, puis une autre." }, dateStyles: { fr: "short" } });
    expect((await browser.get(page)).body).toMatch(/id="texts-fr-h">[^<]*<span class="tag tag-upToDate">/);
    expect((await browser.submit(page, `/editor/editions/${edition.id}/texts/de`, FRENCH_FORM)).statusCode).toBe(404);

    const contents = await browser.get(`/reports/${draft.report.slug}/2031/fr/`);
    expect(contents.body).toContain(`<h1>Rapport d'étude 2026</h1>`);
    expect(contents.body).toContain("30/06/2026");
    const chapter = await browser.get(`/reports/${draft.report.slug}/2031/fr/blockchain`);
    // The breadcrumb names the edition by its label and date; its title is the contents page's.
    expect(chapter.body).toMatch(/class="breadcrumb".*Édition 2031, 30\/06\/2026/s);
    // Spanish falls back to the English words, marked as English.
    const spanish = await browser.get(`/reports/${draft.report.slug}/2031/es/`);
    expect(spanish.body).toContain('<h1 lang="en">Study Report 2026</h1>');
  });

  it("treats English as missing on a French report until it is translated: the English pages show the French words, marked as French", async () => {
    const { db } = env.database;
    const report = await createReport(db, SYSTEM_ACTOR, { slug: `rapport-${Date.now()}`, title: "Rapport d'étude", primaryLanguage: "fr", translations: ["en"] });
    // The report's and the edition's English titles hold the French words (the column wants one).
    expect(report.titles).toEqual({ en: "Rapport d'étude", fr: "Rapport d'étude" });
    const edition = await freezeEdition(db, SYSTEM_ACTOR, report.id, { label: "2026", title: "Rapport d'étude", editionDate: "2026-06-30", foreword: "Cette édition revient sur chaque technologie." });
    expect(edition.titles.en).toBe("Rapport d'étude");
    expect(edition.textSources).toEqual({});
    expect(editionTextState(edition, "fr", "en")).toBe("missing");
    expect(editionTexts(edition, "fr", "en")).toMatchObject({ title: { text: "Rapport d'étude", lang: "fr" }, foreword: { lang: "fr" } });
    expect((await checkEdition(db, edition.id)).findings.filter((f) => f.code.startsWith("editionText"))).toMatchObject([{ code: "editionTextMissing", where: { language: "en" } }]);

    // The languages panel offers no English title to keep: the field is empty.
    const editor = await buildUser(db, { role: "editor" });
    const browser = await new Browser(env.app).signInAs(env.database, editor.email);
    const panel = (await browser.get(`/editor/editions/${edition.id}`)).body;
    expect(panel).toMatch(/<input id="f-en-title"[^>]* value\/>/);
    expect(panel).toMatch(/id="texts-en-h">English <span class="tag tag-missing">/);

    const pub = await loadPublication(db, report.slug, "2026", "en");
    expect(pub).toMatchObject({ title: "Rapport d'étude", textLangs: { title: "fr", foreword: "fr" } });
    expect(renderHtmlFile(pub).toString()).toContain(`<h1 lang="fr">Rapport d'étude</h1>`);
    const contents = renderEditionPage(await loadEditionContent(db, report, edition), "en", "", publicUrl)!.html;
    expect(contents).toContain(`<h1 lang="fr">Rapport d'étude</h1>`);

    // Translated: English has its own words, up to date.
    const english = { title: "Study Report", subtitle: null, foreword: "This edition revisits each technology.", dateStyle: "long" as const };
    const translated = await saveEditionTexts(db, SYSTEM_ACTOR, edition.id, "en", english);
    expect(editionTextState(translated, "fr", "en")).toBe("upToDate");
    expect(editionTexts(translated, "fr", "en").title).toEqual({ text: "Study Report", lang: "en" });
    expect((await loadPublication(db, report.slug, "2026", "en")).textLangs).toEqual({});

    // A report with a real English title gives it to the edition, counted as a translation.
    await renameReport(db, SYSTEM_ACTOR, report.id, "en", "Study Report");
    const next = await freezeEdition(db, SYSTEM_ACTOR, report.id, { label: "2027", title: "Rapport d'étude", editionDate: "2027-06-30", foreword: null });
    expect(next.titles).toMatchObject({ en: "Study Report", fr: "Rapport d'étude" });
    expect(editionTextState(next, "fr", "en")).toBe("upToDate");
  });
});
