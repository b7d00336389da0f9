import { loadDemoEvents, loadDemoReview } from "#src/demo/events.ts";
import { loadDemoCaseStudies } from "#src/demo/case-studies.ts";
import { loadDemoSurveys } from "#src/demo/surveys.ts";
import type { Db } from "#src/db/client.ts";
import { SYSTEM_ACTOR } from "#src/features/audit/repository.ts";
import type { Language } from "#src/features/members/domain.ts";
import { loadDraft } from "#src/features/reports/draft.ts";
import { saveSection } from "#src/features/reports/revisions.ts";
import { addChapter, createReport, setSectionStatus } from "#src/features/reports/structure.ts";
import { createTechnology, setTechnologyLink } from "#src/features/reports/technologies.ts";
import { changeStatus, freezeEdition } from "#src/features/editions/service.ts";

// A small living draft to explore: the report's shape, a few written sections (with a table, a
// footnote and evidence directives), one French translation. All text is written for the demo.

const TECHNOLOGIES = [
  { slug: "blockchain", nameEn: "Blockchain and distributed ledgers", nameFr: "Chaîne de blocs et registres distribués", nameEs: "Cadena de bloques y registros distribuidos" },
  { slug: "iot", nameEn: "Internet of Things", nameFr: "Internet des objets", nameEs: "Internet de las cosas" },
  { slug: "ai", nameEn: "Big data, analytics and artificial intelligence", nameFr: "Mégadonnées, analytique et intelligence artificielle", nameEs: "Macrodatos, analítica e inteligencia artificial" },
  { slug: "big-data", nameEn: "Big data (until 2019)", nameFr: "Mégadonnées (jusqu'en 2019)", nameEs: "Macrodatos (hasta 2019)" },
  { slug: "biometrics", nameEn: "Biometrics", nameFr: "Biométrie", nameEs: "Biometría" },
  { slug: "drones", nameEn: "Drones", nameFr: "Drones", nameEs: "Drones" },
  { slug: "virtual-reality", nameEn: "Virtual, augmented and mixed reality", nameFr: "Réalité virtuelle, augmentée et mixte", nameEs: "Realidad virtual, aumentada y mixta" },
] as const;

const TEXTS: Record<string, { body: string; fr?: { heading: string; body: string }; es?: { heading: string; body: string }; ready?: boolean }> = {
  "introduction/overview": {
    body: "This report follows a handful of technologies that could change how goods and people cross borders. It is kept up to date between editions: members send case studies, answer a survey, and discuss drafts in committee.\n\nEach technology chapter explains the technology, shows where administrations already use it, weighs benefits against risks, and looks ahead.\n\nThe figures below come from the demo's synthetic survey answers.\n\n::figure{ref=adoption-by-technology}\n\n::figure{ref=technology-radar}",
    ready: true,
  },
  "blockchain/what-it-is": {
    body: "A distributed ledger is a record of transactions that several parties keep in step without a central book-keeper. Each party holds a copy; new entries are agreed by a defined procedure and cannot be quietly rewritten afterwards.[^perm]\n\nFor border agencies the interest lies less in currencies than in **shared, tamper-evident records**: certificates of origin, permits, and the status of a consignment as it moves.\n\n[^perm]: Most government projects use permissioned ledgers, where only known participants may write.",
    fr: {
      heading: "De quoi s'agit-il",
      body: "Un registre distribué est un relevé de transactions que plusieurs parties tiennent à jour ensemble, sans teneur de registre central. Chaque partie en détient une copie ; les nouvelles écritures sont validées selon une procédure convenue et ne peuvent pas être modifiées discrètement ensuite.[^perm]\n\nPour les administrations frontalières, l'intérêt tient moins aux monnaies qu'aux **registres partagés et infalsifiables** : certificats d'origine, permis, état d'un envoi au fil de son trajet.\n\n[^perm]: La plupart des projets publics utilisent des registres à permission, où seuls des participants connus peuvent écrire.",
    },
    es: {
      heading: "Qué es",
      body: "Un registro distribuido es una relación de transacciones que varias partes mantienen al día en común, sin un custodio central. Cada parte guarda una copia; los nuevos asientos se aprueban según un procedimiento acordado y no pueden alterarse después sin que se note.[^perm]\n\nPara las administraciones de frontera, el interés no está tanto en las monedas como en los **registros compartidos e inalterables**: certificados de origen, permisos y la situación de un envío a lo largo de su trayecto.\n\n[^perm]: La mayoría de los proyectos públicos usan registros con permisos, en los que solo participantes conocidos pueden escribir.",
    },
    ready: true,
  },
  "blockchain/how-it-is-used-today": {
    body: "Several administrations have tested ledgers to exchange data with trading partners, for instance :case-study[a ledger of trusted traders]{ref=pe-cadena} shared by several customs administrations.\n\n| Stage | What it usually means |\n|---|---|\n| Proof of concept | A few weeks, test data, one partner |\n| Pilot | Real shipments, a limited corridor |\n| In production | Part of daily operations |\n\nTable: What each stage of adoption usually means\n\n::figure{ref=blockchain-stage-by-region}\n\n::figure{ref=blockchain-world-map}",
  },
  "blockchain/benefits-and-risks": {
    body: "Benefits named most often are fewer manual checks of paper documents and earlier access to reliable data. Risks include unclear legal standing of ledger records, the cost of governance among many partners, and dependence on a small number of vendors.\n\n::recommendation{ref=start-with-the-business-problem}",
  },
  "internet-of-things/what-it-is": {
    body: "The Internet of Things joins sensors and devices to networks so that they report what they measure: location, temperature, whether a seal has been opened.",
  },
};

/** Loads the demo report and its technologies, and publishes a first edition of it. */
export async function loadDemoReport(db: Db, publicUrl: string): Promise<void> {
  const tech = new Map<string, string>();
  for (const x of TECHNOLOGIES) tech.set(x.slug, (await createTechnology(db, SYSTEM_ACTOR, { ...x, descriptionEn: null })).id);
  await setTechnologyLink(db, SYSTEM_ACTOR, { fromId: tech.get("iot")!, toId: tech.get("ai")!, kind: "feeds" }, true);
  await setTechnologyLink(db, SYSTEM_ACTOR, { fromId: tech.get("blockchain")!, toId: tech.get("iot")!, kind: "related" }, true);
  await setTechnologyLink(db, SYSTEM_ACTOR, { fromId: tech.get("big-data")!, toId: tech.get("ai")!, kind: "merged_into" }, true);

  const report = await createReport(db, SYSTEM_ACTOR, { slug: "disruptive-technologies", title: "Study Report on Disruptive Technologies", primaryLanguage: "en", translations: ["fr", "es"] });
  const chapters = [
    { title: "Introduction", kind: "front_matter", technologyId: null, template: "crossCutting" },
    { title: "Blockchain", kind: "topic", technologyId: tech.get("blockchain")!, template: "technology" },
    { title: "Internet of Things", kind: "topic", technologyId: tech.get("iot")!, template: "technology" },
    { title: "Recommendations", kind: "recommendations", technologyId: null, template: "blank" },
  ] as const;
  for (const c of chapters) await addChapter(db, SYSTEM_ACTOR, report.id, c);

  const draft = await loadDraft(db, report.slug);
  for (const chapter of draft.chapters) {
    for (const section of chapter.sections) {
      const text = TEXTS[`${chapter.slug}/${section.slug}`];
      const head = section.texts.en;
      if (!text || !head) continue;
      await saveSection(db, SYSTEM_ACTOR, { sectionId: section.id, language: "en", heading: head.heading, body: text.body, baseRevisionId: head.revisionId, summary: "Demo text" });
      if (text.fr) {
        const fr: Language = "fr";
        await saveSection(db, SYSTEM_ACTOR, { sectionId: section.id, language: fr, ...text.fr, baseRevisionId: null, summary: "Traduction de démonstration" });
      }
      if (text.es) await saveSection(db, SYSTEM_ACTOR, { sectionId: section.id, language: "es", ...text.es, baseRevisionId: null, summary: "Traducción de demostración" });
      if (text.ready) await setSectionStatus(db, SYSTEM_ACTOR, section.id, "ready");
    }
  }
  await loadDemoCaseStudies(db, report.id);
  await loadDemoSurveys(db);
  await loadDemoEvents(db, report.id, tech);
  const edition = await freezeEdition(db, SYSTEM_ACTOR, report.id, { label: "2024", title: "Study Report on Disruptive Technologies", editionDate: "2024-06-28", foreword: null });
  await changeStatus(db, SYSTEM_ACTOR, edition.id, "published", { publicUrl });
  await loadDemoReview(db, report.slug, report.id);
}
