import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { freezeEdition, publishEdition } from "#src/features/editions/service.ts";
import { saveSection } from "#src/features/reports/revisions.ts";
import { useTestApp } from "#test/helpers/app.ts";
import { buildReport } from "#test/helpers/factories.ts";

// What a published chapter page gives its reader: where it sits, its own contents, a citation
// under every heading, the chapters around it, and every word of its own in the page's language.

const env = useTestApp();

async function publishedReport() {
  const { addChapter } = await import("#src/features/reports/structure.ts");
  const { loadDraft } = await import("#src/features/reports/draft.ts");
  const built = await buildReport(env.database.db);
  await addChapter(env.database.db, SYSTEM_ACTOR, built.report.id, { title: "Drones", kind: "topic", technologyId: null, template: "blank" });
  const draft = await loadDraft(env.database.db, built.report.slug);
  const section = draft.chapters[0]!.sections[0]!;
  // Written in English only: the French page shows it in English, with the page's own words in French.
  await saveSection(env.database.db, SYSTEM_ACTOR, { sectionId: section.id, language: "en", heading: section.texts.en!.heading, body: "Ledgers keep records.[^1]\n\n[^1]: A note.", baseRevisionId: section.texts.en!.revisionId, summary: null });
  const edition = await freezeEdition(env.database.db, SYSTEM_ACTOR, draft.report.id, { label: "2024", title: "Study Report 2024", editionDate: "2024-03-01", foreword: null });
  await publishEdition(env.database.db, SYSTEM_ACTOR, edition.id, { to: "published", publicUrl: "http://localhost:3000" });
  return { draft, chapter: draft.chapters[0]!, base: `/reports/${draft.report.slug}/2024` };
}

describe("a published chapter page", () => {
  it("names the report, the edition and the chapter once each, lists its sections, cites each under its heading, and leads to the pages around it", async () => {
    const { chapter, base, draft } = await publishedReport();
    const page = await env.app.inject({ url: `${base}/fr/${chapter.slug}` });
    expect(page.statusCode).toBe(200);
    const body = page.body;
    const breadcrumb = /<nav class="breadcrumb" aria-label="Vous êtes ici">(.*?)<\/nav>/s.exec(body)?.[1] ?? "";
    expect(breadcrumb.match(/Study Report/g)).toHaveLength(1);
    expect(breadcrumb).toContain(`<a href="${base}/fr/">Édition 2024, 1 mars 2024</a>`);
    expect(breadcrumb).toContain('<span aria-current="page" lang="en">Blockchain</span>'); // untranslated, so marked English
    // "On this page": every section, beside the text and folded above it (CSS shows one).
    for (const where of ["side", "fold"]) expect(body).toContain(`page-toc-${where}`);
    const side = /<nav class="page-toc page-toc-side"(.*?)<\/nav>/s.exec(body)?.[1] ?? "";
    expect([...side.matchAll(/href="#([^"]+)"/g)].map((m) => m[1])).toEqual(chapter.sections.map((s) => s.slug));
    // Both come before the text in source order, so the keyboard and a screen reader reach them first.
    for (const where of ["side", "fold"]) expect(body.indexOf(`page-toc-${where}`)).toBeLessThan(body.indexOf(`<h2 id="h-${chapter.sections[0]!.slug}"`));
    expect(body.indexOf("page-toc-side")).toBeLessThan(body.indexOf('<article class="chapter"'));
    // A citation right under each heading, with the chapter and the section's own address.
    const first = chapter.sections[0]!;
    expect(body).toMatch(new RegExp(`<h2 id="h-${first.slug}" lang="en">1\\.1 [^<]*</h2><details class="cite">`));
    const citation = new RegExp(`<textarea id="cite-${first.slug}"[^>]*>([^<]*)</textarea>`).exec(body)?.[1] ?? "";
    expect(citation).toContain("édition 2024 (1 mars 2024), chapitre 1, «\u202fBlockchain\u202f», section 1.1");
    expect(citation).toContain(`http://localhost:3000${base}/fr/${chapter.slug}#${first.slug}`);
    // The English text is marked English; the words the page adds around and inside it are French.
    expect(body).toContain('<div class="prose" lang="en"><p>Ledgers keep records.');
    expect(body).toMatch(/<h2 class="sr-only" lang="fr" id="[^"]*footnote-label">Notes<\/h2>/);
    expect(body).toMatch(/<details class="cite"><summary>Citer cette section<\/summary>/);
    // Previous: the edition's contents (first chapter); next: the next chapter, named.
    expect(body).toContain(`<a class="pager-link pager-previous" href="${base}/fr/" rel="prev"><span class="pager-label">← Précédent</span><span class="pager-title">Sommaire de l'édition</span></a>`);
    expect(body).toMatch(new RegExp(`<a class="pager-link pager-next" href="${base}/fr/${draft.chapters[1]!.slug}" rel="next"><span class="pager-label">Suivant →</span><span class="pager-title"[^>]*>Drones</span></a>`));
  });

  it("shows a missing page of an edition in that edition's language, whatever the reader's preference", async () => {
    const { base } = await publishedReport();
    const missing = await env.app.inject({ url: `${base}/es/no-such-chapter`, headers: { accept: "text/html", cookie: "lr_lang=fr" } });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('<html lang="es">');
    expect(missing.body).toContain("Página no encontrada");
    const elsewhere = await env.app.inject({ url: "/no-such-page", headers: { accept: "text/html", cookie: "lr_lang=fr" } });
    expect(elsewhere.body).toContain("Page introuvable");
  });
});
