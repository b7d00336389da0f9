import { ADDED_SECTIONS_2022, ADDED_SECTIONS_DRAFT, CHAPTERS_2019, NEW_CHAPTERS_2022, RENAMED_2022, REVISED_2022, type DemoChapter, type DemoSection } from "#src/demo/content.ts";
import { loadDemoEvents, loadDemoReview } from "#src/demo/events.ts";
import { annexDemoCaseStudies2022, loadDemoCaseStudies } from "#src/demo/case-studies.ts";
import { loadDemoSurveys } from "#src/demo/surveys.ts";
import { describeEdition } from "#src/demo/editions.ts";
import type { Db } from "#src/db/client.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { LANGUAGES } from "#src/domain/languages.ts";
import { loadDraft } from "#src/features/reports/draft.ts";
import { getHead } from "#src/features/reports/repository.ts";
import { saveSection } from "#src/features/reports/revisions.ts";
import { addChapter, addSection, createReport, moveChapter, renameChapter, renameReport, setSectionStatus } from "#src/features/reports/structure.ts";
import { createTechnology, setTechnologyLink } from "#src/features/catalog/technologies.ts";
import { freezeEdition, publishEdition } from "#src/features/editions/service.ts";
import { checkEdition, type Findings } from "#src/features/editions/findings.ts";
import { getReport } from "#src/features/catalog/repository.ts";
import { translator } from "#src/i18n/i18n.ts";
import { findingMessage } from "#src/web/findings.tsx";

// The demo report as it grew: the 2019 edition (seven technologies), the joint 2022 edition
// (renamed chapters, survey results, new cross-cutting chapters and recommendations), and a
// living draft beyond it. The text is in content.ts.

export type DemoProgress = (done: number, total: number, step: string) => void;

const TECHNOLOGIES = [
  {
    slug: "blockchain",
    nameEn: "Blockchain and distributed ledgers",
    nameFr: "Chaîne de blocs et registres distribués",
    nameEs: "Cadena de bloques y registros distribuidos",
    aliasesEn: ["blockchain", "distributed ledger", "DLT", "shared ledger"],
    aliasesFr: ["chaîne de blocs", "blockchain", "registre distribué", "technologie des registres distribués"],
    aliasesEs: ["cadena de bloques", "blockchain", "registro distribuido", "tecnología de registro distribuido"],
  },
  {
    slug: "iot",
    nameEn: "Internet of Things",
    nameFr: "Internet des objets",
    nameEs: "Internet de las cosas",
    aliasesEn: ["IoT", "connected devices", "sensors", "smart containers"],
    aliasesFr: ["IdO", "objets connectés", "capteurs"],
    aliasesEs: ["IdC", "dispositivos conectados", "sensores"],
  },
  {
    slug: "ai",
    nameEn: "Big data, analytics and artificial intelligence",
    nameFr: "Mégadonnées, analytique et intelligence artificielle",
    nameEs: "Macrodatos, analítica e inteligencia artificial",
    aliasesEn: ["AI", "artificial intelligence", "machine learning", "big data", "data analytics"],
    aliasesFr: ["IA", "intelligence artificielle", "apprentissage automatique", "mégadonnées", "données massives"],
    aliasesEs: ["IA", "inteligencia artificial", "aprendizaje automático", "macrodatos", "datos masivos"],
  },
  {
    slug: "big-data",
    nameEn: "Big data (until 2019)",
    nameFr: "Mégadonnées (jusqu'en 2019)",
    nameEs: "Macrodatos (hasta 2019)",
    aliasesEn: ["big data"],
    aliasesFr: ["mégadonnées", "données massives"],
    aliasesEs: ["macrodatos", "datos masivos"],
  },
  {
    slug: "3d-printing",
    nameEn: "3D printing",
    nameFr: "Impression 3D",
    nameEs: "Impresión 3D",
    aliasesEn: ["additive manufacturing", "3D printer"],
    aliasesFr: ["fabrication additive", "imprimante 3D"],
    aliasesEs: ["fabricación aditiva", "impresora 3D"],
  },
  {
    slug: "biometrics",
    nameEn: "Biometrics",
    nameFr: "Biométrie",
    nameEs: "Biometría",
    aliasesEn: ["facial recognition", "fingerprints", "biometric identification"],
    aliasesFr: ["reconnaissance faciale", "empreintes digitales", "identification biométrique"],
    aliasesEs: ["reconocimiento facial", "huellas dactilares", "identificación biométrica"],
  },
  {
    slug: "drones",
    nameEn: "Drones",
    nameFr: "Drones",
    nameEs: "Drones",
    aliasesEn: ["drone", "UAV", "unmanned aerial vehicle", "remotely piloted aircraft"],
    aliasesFr: ["drone", "aéronef sans pilote", "véhicule aérien sans pilote"],
    aliasesEs: ["dron", "vehículo aéreo no tripulado", "aeronave no tripulada"],
  },
  {
    slug: "virtual-reality",
    nameEn: "Virtual, augmented and mixed reality",
    nameFr: "Réalité virtuelle, augmentée et mixte",
    nameEs: "Realidad virtual, aumentada y mixta",
    aliasesEn: ["VR", "AR", "virtual reality", "augmented reality", "mixed reality"],
    aliasesFr: ["RV", "RA", "réalité virtuelle", "réalité augmentée"],
    aliasesEs: ["RV", "RA", "realidad virtual", "realidad aumentada"],
  },
] as const;

const STEPS = 8;

/** Writes a section's texts (English first, so that the translations are current) and its status. */
async function writeSection(db: Db, sectionId: string, texts: DemoSection, ready: boolean) {
  for (const lang of LANGUAGES) {
    const text = texts[lang];
    if (!text) continue;
    const head = await getHead(db, sectionId, lang);
    await saveSection(db, SYSTEM_ACTOR, { sectionId, language: lang, heading: text.heading, body: text.body, baseRevisionId: head?.id ?? null, summary: lang === "en" ? "Demo text" : "Demo translation" });
  }
  if (ready) await setSectionStatus(db, SYSTEM_ACTOR, sectionId, "ready");
}

async function addChapterWithSections(db: Db, reportId: string, chapter: DemoChapter, tech: Map<string, string>, ready: boolean) {
  const row = await addChapter(db, SYSTEM_ACTOR, reportId, { title: chapter.titles.en, kind: chapter.kind, technologyId: chapter.technology ? tech.get(chapter.technology)! : null, template: "blank" });
  for (const lang of ["fr", "es"] as const) if (chapter.titles[lang]) await renameChapter(db, SYSTEM_ACTOR, row.id, lang, chapter.titles[lang]);
  for (const section of chapter.sections) {
    const created = await addSection(db, SYSTEM_ACTOR, row.id, section.en.heading);
    await writeSection(db, created.id, section, ready);
  }
  return row;
}

async function addSections(db: Db, reportSlug: string, added: Record<string, DemoSection[]>, ready: boolean) {
  const draft = await loadDraft(db, reportSlug);
  for (const [key, sections] of Object.entries(added)) {
    const chapter = draft.chapters.find((c) => c.slug === key);
    if (!chapter) throw new Error(`Demo chapter missing: ${key}`);
    for (const section of sections) {
      const created = await addSection(db, SYSTEM_ACTOR, chapter.id, section.en.heading);
      await writeSection(db, created.id, section, ready);
    }
  }
}

/** Writes new texts into existing sections (chapter key → section place → texts). */
async function reviseSections(db: Db, reportSlug: string, revised: Record<string, Record<number, DemoSection>>) {
  const draft = await loadDraft(db, reportSlug);
  for (const [key, sections] of Object.entries(revised)) {
    const chapter = draft.chapters.find((c) => c.slug === key);
    if (!chapter) throw new Error(`Demo chapter missing: ${key}`);
    for (const [place, texts] of Object.entries(sections)) await writeSection(db, chapter.sections[Number(place)]!.id, texts, false);
  }
}

const TITLE = { en: "Study Report on Disruptive Technologies", fr: "Rapport d'étude sur les technologies de rupture", es: "Informe de estudio sobre las tecnologías disruptivas" };
const JOINT = { en: `${TITLE.en} (WCO/WTO)`, fr: `${TITLE.fr} (OMD/OMC)`, es: `${TITLE.es} (OMA/OMC)` };

async function publish(db: Db, reportId: string, label: string, editionDate: string, titles: typeof TITLE, publicUrl: string) {
  const edition = await freezeEdition(db, SYSTEM_ACTOR, reportId, { label, title: titles.en, translatedTitles: titles, editionDate, foreword: null });
  await describeEdition(db, edition.id, label);
  // Published as the committee did it, on the edition's date, with the warnings the checks find acknowledged.
  const findings = await checkEdition(db, edition.id);
  if (findings.errors > 0) throw new Error(`The demo's ${label} edition fails its checks: ${findings.findings.filter((f) => f.severity === "error").map((f) => f.code).join(", ")}`);
  const note = findings.warnings > 0 ? await acknowledgementNote(db, reportId, findings) : null;
  await publishEdition(db, SYSTEM_ACTOR, edition.id, { to: "published", publicUrl, publishedAt: new Date(`${editionDate}T12:00:00Z`), acknowledgement: note ? { note } : null });
}

/** What the secretariat would write about a demo edition's warnings: which chapters were translated, and any other warning by its code. */
async function acknowledgementNote(db: Db, reportId: string, findings: Findings): Promise<string> {
  const draft = await loadDraft(db, (await getReport(db, reportId))!.slug);
  const translations = draft.report.languages.filter((l) => l !== draft.primary);
  const translated = draft.chapters.filter((c) => c.sections.length > 0 && c.sections.every((s) => translations.every((l) => s.texts[l])));
  const warnings = findings.findings.filter((f) => f.severity === "warning");
  const codes = [...new Set(warnings.map((f) => f.code))];
  const other = codes.filter((c) => !/translation/i.test(c));
  const parts = [];
  if (other.length < codes.length) {
    const names = translated.map((c) => c.titles[draft.primary] ?? c.slug);
    parts.push(`Only ${names.length ? new Intl.ListFormat("en").format(names) : "no chapter"} ${names.length === 1 ? "was" : "were"} translated in time; the other chapters were published in English only.`);
  }
  const t = translator("en");
  for (const code of other) {
    const these = warnings.filter((f) => f.code === code);
    parts.push(`${findingMessage(t, these[0]!).replace(/\.$/, "")} (${these.length === 1 ? "once" : `${these.length} times`}).`);
  }
  return parts.join(" ");
}

/** Loads the demo report with its evidence, and publishes the 2019 and 2022 editions. */
export async function loadDemoReport(db: Db, publicUrl: string, progress: DemoProgress = () => {}): Promise<void> {
  progress(0, STEPS, "technologies");
  const tech = new Map<string, string>();
  for (const x of TECHNOLOGIES) {
    const input = { ...x, descriptionEn: null, aliasesEn: [...x.aliasesEn], aliasesFr: [...x.aliasesFr], aliasesEs: [...x.aliasesEs] };
    tech.set(x.slug, (await createTechnology(db, SYSTEM_ACTOR, input)).id);
  }
  await setTechnologyLink(db, SYSTEM_ACTOR, { fromId: tech.get("iot")!, toId: tech.get("ai")!, kind: "feeds" }, true);
  await setTechnologyLink(db, SYSTEM_ACTOR, { fromId: tech.get("blockchain")!, toId: tech.get("iot")!, kind: "related" }, true);
  await setTechnologyLink(db, SYSTEM_ACTOR, { fromId: tech.get("big-data")!, toId: tech.get("ai")!, kind: "merged_into" }, true);

  progress(1, STEPS, "the 2019 chapters");
  const report = await createReport(db, SYSTEM_ACTOR, { slug: "disruptive-technologies", title: TITLE.en, primaryLanguage: "en", translations: ["fr", "es"] });
  for (const lang of ["fr", "es"] as const) await renameReport(db, SYSTEM_ACTOR, report.id, lang, TITLE[lang]);
  for (const chapter of CHAPTERS_2019) await addChapterWithSections(db, report.id, chapter, tech, true);

  progress(2, STEPS, "case studies");
  await loadDemoCaseStudies(db, report.id);
  progress(3, STEPS, "surveys (synthetic answers)");
  await loadDemoSurveys(db);
  progress(4, STEPS, "events and recommendations");
  await loadDemoEvents(db, report.id, tech);

  progress(5, STEPS, "publishing the 2019 edition");
  await publish(db, report.id, "2019", "2019-06-28", TITLE, publicUrl);

  progress(6, STEPS, "publishing the 2022 edition");
  const draft = await loadDraft(db, report.slug);
  for (const [key, titles] of Object.entries(RENAMED_2022)) {
    const chapter = draft.chapters.find((c) => c.slug === key)!;
    for (const lang of LANGUAGES) if (titles[lang]) await renameChapter(db, SYSTEM_ACTOR, chapter.id, lang, titles[lang]);
  }
  await reviseSections(db, report.slug, REVISED_2022);
  await addSections(db, report.slug, ADDED_SECTIONS_2022, true);
  for (const chapter of NEW_CHAPTERS_2022) {
    const row = await addChapterWithSections(db, report.id, chapter, tech, true);
    // New chapters arrive last: move them before the conclusion, or up to just after the introduction.
    const steps = chapter.early ? (await loadDraft(db, report.slug)).chapters.length - 2 : 1;
    for (let i = 0; i < steps; i++) await moveChapter(db, SYSTEM_ACTOR, row.id, "up");
  }
  await annexDemoCaseStudies2022(db, report.id);
  await publish(db, report.id, "2022", "2022-06-30", JOINT, publicUrl);

  progress(7, STEPS, "the living draft and its review");
  await addSections(db, report.slug, ADDED_SECTIONS_DRAFT, false);
  await loadDemoReview(db, report.slug, report.id);
  progress(STEPS, STEPS, "done");
}
