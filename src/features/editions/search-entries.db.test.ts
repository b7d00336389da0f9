import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { INLINE_MAX_CHARS } from "#src/content/render.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import type { Language } from "#src/domain/languages.ts";
import { getReport } from "#src/features/catalog/repository.ts";
import { loadEditionContent } from "#src/features/editions/render.ts";
import { editionSearchEntries } from "#src/features/editions/search-entries.ts";
import { freezeEdition } from "#src/features/editions/service.ts";
import { loadDraft } from "#src/features/reports/draft.ts";
import { saveSection } from "#src/features/reports/revisions.ts";
import { useTestApp } from "#test/helpers/app.ts";
import { buildReport } from "#test/helpers/factories.ts";

// An edition's search entries: every chapter and section in every language it is read in, as the
// words readers see, computed without holding the event loop (a publish job runs in the server).

const env = useTestApp();

/** Words of their own for each run, so that no text was read (and remembered) before. */
const words = (n: number) => Array.from({ length: n }, () => `w${randomUUID().slice(0, 8)}`).join(" ");

/** A text of about `chars` characters with some Markdown readers never see. */
const markdown = (chars: number, marker: string) => {
  const parts = [`A **${marker}** record, [linked](https://example.org) and _emphasised_.`];
  while (parts.join("\n\n").length < chars) parts.push(`- ${words(6)}\n- ${words(6)}`, `| A | B |\n|---|---|\n| ${words(2)} | ${words(2)} |`, words(12));
  return parts.join("\n\n");
};

async function editionWith(texts: (i: number, lang: Language) => string | undefined) {
  const { db } = env.database;
  const draft = await buildReport(db);
  for (const [i, s] of draft.chapters[0]!.sections.entries()) {
    for (const lang of ["en", "fr", "es"] as const) {
      const body = texts(i, lang);
      if (body === undefined) continue;
      const head = (await loadDraft(db, draft.report.slug)).chapters[0]!.sections[i]!.texts[lang];
      await saveSection(db, SYSTEM_ACTOR, { sectionId: s.id, language: lang, heading: `${lang} ${s.slug}`, body, baseRevisionId: head?.revisionId ?? null, summary: null });
    }
  }
  const edition = await freezeEdition(db, SYSTEM_ACTOR, draft.report.id, { label: "2030", title: "Study Report 2030", editionDate: "2030-06-30", foreword: null });
  return loadEditionContent(db, (await getReport(db, draft.report.id))!, edition);
}

describe("an edition's search entries", () => {
  it("reads each section as readers see it, in every language, large texts included", async () => {
    const large = markdown(INLINE_MAX_CHARS * 3, "enormous");
    const content = await editionWith((i, lang) => (lang !== "en" && !(lang === "fr" && i === 1) ? undefined : i === 0 ? large : lang === "fr" ? "Un registre **partagé**." : `Section ${i}, a **shared** record.`));
    const all = await editionSearchEntries(env.database.db, content);
    const entries = all.filter((e) => e.kind === "section");
    const sections = content.snapshot.chapters[0]!.sections;
    expect(entries).toHaveLength(sections.length * 3);
    // Each section says where it sits; its chapter is an entry of its own in each language, its headings for words.
    expect(entries[0]).toMatchObject({ itemId: sections[0]!.id, reportTitle: "Study Report 2030", chapterTitle: "Blockchain", keywords: "" });
    const chapters = all.filter((e) => e.kind === "chapter");
    expect(chapters.map((e) => e.language)).toEqual(["en", "fr", "es"]);
    expect(chapters[0]).toMatchObject({ itemId: content.snapshot.chapters[0]!.id, title: "Blockchain", textLanguage: "en", url: `/reports/${content.report.slug}/2030/en/blockchain`, chapterTitle: "" });
    expect(chapters[0]!.body).toBe(sections.map((s) => `en ${s.slug}`).join(" · "));
    expect(chapters[1]!.body).toBe(sections.map((s, i) => (i === 1 ? `fr ${s.slug}` : `en ${s.slug}`)).join(" · "));
    const first = entries.find((e) => e.language === "en" && e.url.endsWith(`#${sections[0]!.slug}`))!;
    // Read on the worker pool, and no Markdown left: the words, the list items and table cells.
    expect(large.length).toBeGreaterThan(INLINE_MAX_CHARS);
    expect(first.body).toMatch(/^A enormous record, linked and emphasised\./);
    for (const syntax of ["**", "](", "|---|", "- w"]) expect(first.body).not.toContain(syntax);
    // A translation is read in its own language; untranslated sections fall back to the English text.
    const french = entries.filter((e) => e.language === "fr");
    expect(french.find((e) => e.url.endsWith(`#${sections[1]!.slug}`))).toMatchObject({ textLanguage: "fr", title: `fr ${sections[1]!.slug}`, body: "Un registre partagé." });
    expect(french.find((e) => e.url.endsWith(`#${sections[2]!.slug}`))).toMatchObject({ textLanguage: "en", body: "Section 2, a shared record." });
    expect(entries.every((e) => e.url.startsWith(`/reports/${content.report.slug}/2030/${e.language}/`))).toBe(true);
  });

  it("gives other work a turn while it reads, and stops once its signal is aborted", async () => {
    // Every section in three languages, each text its own: a few dozen parses on this thread.
    const content = await editionWith((i, lang) => markdown(INLINE_MAX_CHARS - 200, `${lang}${i}`));
    let turns = 0;
    const timer = setInterval(() => turns++, 0);
    const started = performance.now();
    const entries = await editionSearchEntries(env.database.db, content).finally(() => clearInterval(timer));
    const took = performance.now() - started;
    expect(entries.filter((e) => e.kind === "section")).toHaveLength(content.snapshot.chapters[0]!.sections.length * 3);
    // A turn at least every few slices of 8 ms of reading.
    expect(turns, `${turns} turns in ${Math.round(took)} ms`).toBeGreaterThanOrEqual(Math.min(3, Math.floor(took / 40)));

    const controller = new AbortController();
    controller.abort(new Error("closing"));
    await expect(editionSearchEntries(env.database.db, content, { signal: controller.signal })).rejects.toThrow("closing");
  });
});
