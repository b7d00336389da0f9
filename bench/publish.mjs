// Time to freeze and publish: the demo report, and a synthetic report of 200 sections in three
// languages (20 chapters of 10 sections, a few paragraphs, a table and a footnote each), on an
// in-memory PGlite. Every text differs (as in a real report), so no cache keyed by a text's bytes
// answers for another. Baseline in the same run: rendering the same 600 texts' Markdown alone.
import { register } from "tsx/esm/api";

register();

const { createPglite, fromPglite } = await import("../src/db/client.ts");
const { migrate } = await import("../src/db/migrate.ts");
const { SYSTEM_ACTOR } = await import("../src/domain/actors.ts");
const { createReport, addSection, addChapter } = await import("../src/features/reports/structure.ts");
const { saveSection } = await import("../src/features/reports/revisions.ts");
const { loadDraft } = await import("../src/features/reports/draft.ts");
const { freezeEdition, publishEdition } = await import("../src/features/editions/service.ts");
const { renderHtml } = await import("../src/content/html.ts");
const { parseMarkdown } = await import("../src/content/parse.ts");
const { translator } = await import("../src/i18n/i18n.ts");
const { loadDemoIfEmpty } = await import("../src/demo/load.ts");

const PARAGRAPH = "Border agencies compare the cost of a pilot with the time it saves, and ask partners to share data early. ";
/** The text of one section in one language: the same shape everywhere, different words. */
const body = (section, language) => `${language}-${section}. ${PARAGRAPH.repeat(4)}[^n]\n\n| Stage | Members |\n|---|---:|\n| Pilot | 12 |\n| Production | 3 |\n\n${PARAGRAPH.repeat(3)}\n\n::figure{ref=stage-by-region}\n\n[^n]: A note on the source.`;

async function time(work) {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Wall and CPU time (this process's threads): on a shared, busy machine the CPU time is the steadier of the two. */
async function timeWithCpu(work) {
  const cpu = process.cpuUsage();
  const ms = await time(work);
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

async function freshDb() {
  const database = fromPglite(await createPglite());
  await migrate(database);
  return database;
}

export async function run() {
  const demoDb = await freshDb();
  const demoMs = await time(() => loadDemoIfEmpty(demoDb.db, "http://localhost:3000"));
  await demoDb.close();

  const db = (await freshDb()).db;
  const report = await createReport(db, SYSTEM_ACTOR, { slug: "synthetic", title: "Synthetic report", primaryLanguage: "en", translations: ["fr", "es"] });
  for (let c = 0; c < 20; c++) {
    const chapter = await addChapter(db, SYSTEM_ACTOR, report.id, { title: `Chapter ${c + 1}`, kind: "topic", technologyId: null, template: "blank" });
    for (let s = 0; s < 10; s++) await addSection(db, SYSTEM_ACTOR, chapter.id, `Section ${c + 1}.${s + 1}`);
  }
  const draft = await loadDraft(db, "synthetic");
  for (const chapter of draft.chapters) {
    for (const section of chapter.sections) {
      const head = section.texts.en;
      await saveSection(db, SYSTEM_ACTOR, { sectionId: section.id, language: "en", heading: head.heading, body: body(section.slug, "en"), baseRevisionId: head.revisionId, summary: null });
      for (const language of ["fr", "es"]) await saveSection(db, SYSTEM_ACTOR, { sectionId: section.id, language, heading: head.heading, body: body(section.slug, language), baseRevisionId: null, summary: null });
    }
  }
  let edition;
  const freezeMs = await time(async () => (edition = await freezeEdition(db, SYSTEM_ACTOR, report.id, { label: "2026", title: "Synthetic", editionDate: "2026-01-01", foreword: null })));
  const publish = await timeWithCpu(() => publishEdition(db, SYSTEM_ACTOR, edition.id, { to: "published", publicUrl: "http://localhost:3000" }));
  const t = translator("en");
  const texts = draft.chapters.flatMap((c) => c.sections.flatMap((s) => ["en", "fr", "es"].map((language) => [s.slug, body(s.slug, language), language])));
  const markdown = await timeWithCpu(async () => {
    for (const [slug, text, language] of texts) renderHtml(parseMarkdown(text, language), { t, idPrefix: slug });
  });
  return [
    { benchmark: "demo: load everything, publish the 2019 and 2022 editions (in-memory PGlite)", value: `${demoMs.toFixed(0)} ms`, baseline: "", ratio: "" },
    { benchmark: "200 sections × 3 languages: freeze", value: `${freezeMs.toFixed(0)} ms`, baseline: "", ratio: "" },
    {
      benchmark: "200 sections × 3 languages: publish (63 pages rendered and stored)",
      value: `${publish.ms.toFixed(0)} ms (CPU ${publish.cpuMs.toFixed(0)} ms)`,
      baseline: `Markdown → HTML of the 600 texts alone ${markdown.ms.toFixed(0)} ms (CPU ${markdown.cpuMs.toFixed(0)} ms)`,
      ratio: `${(publish.ms / markdown.ms).toFixed(2)}× (CPU ${(publish.cpuMs / markdown.cpuMs).toFixed(2)}×)`,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await run());
