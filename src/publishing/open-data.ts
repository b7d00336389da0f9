import { strToU8, zipSync } from "fflate";
import { extractReferences } from "#src/content/directives.ts";
import { csvFile, datasetCsv } from "#src/lib/csv.ts";
import type { Publication } from "#src/publishing/publication.ts";

// The edition as open data: a JSON file (schema in docs/open-data.md), a CSV index of its
// sections and one of its annexed case studies, in a zip with a short README. Later features add
// their CSV files here.

export const OPEN_DATA_SCHEMA = "living-report/edition/1";

/** The open-data zip of a publication. Entries carry the edition's date, so the zip is reproducible. */
export function renderOpenData(pub: Publication): Buffer {
  const sections = pub.chapters.flatMap((c, ci) =>
    c.sections.map((s, si) => ({ chapter: c.slug, chapterTitle: c.title, number: `${ci + 1}.${si + 1}`, section: s.slug, heading: s.heading, language: s.lang, markdown: s.markdown })),
  );
  const caseStudies = pub.caseStudies.map((cs, i) => ({
    number: `A.${i + 1}`,
    slug: cs.slug,
    organization: cs.organization,
    title: cs.fields.title,
    language: cs.fields.language,
    technologies: cs.fields.technologies,
    stage: cs.fields.stage,
    periodStart: cs.fields.periodStart,
    periodEnd: cs.fields.periodEnd,
    partners: cs.fields.partners,
    summary: cs.fields.summary,
    problem: cs.fields.problem,
    solution: cs.fields.solution,
    results: cs.fields.results,
    lessons: cs.fields.lessons,
    links: cs.fields.links,
  }));
  const caseStudiesCsv = csvFile([
    ["number", "slug", "title", "organization", "language", "technologies", "stage", "period_start", "period_end", "summary"],
    ...caseStudies.map((c) => [c.number, c.slug, c.title, c.organization, c.language, c.technologies.join(";"), c.stage ?? "", c.periodStart ?? "", c.periodEnd ?? "", c.summary]),
  ]);
  // Each recommendation with the sections that place it.
  const recommendations = Object.entries(pub.recommendations)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([slug, r]) => ({
      slug,
      text: r.text,
      retired: r.retired,
      sections: pub.chapters.flatMap((c, ci) => c.sections.flatMap((s, si) => (extractReferences(s.tree).some((x) => x.kind === "recommendation" && x.ref === slug) ? [`${ci + 1}.${si + 1}`] : []))),
    }));
  const recommendationsCsv = csvFile([["slug", "text", "retired", "sections"], ...recommendations.map((r) => [r.slug, r.text, r.retired ? "yes" : "no", r.sections.join(";")])]);
  const json = {
    schema: OPEN_DATA_SCHEMA,
    report: pub.reportTitle,
    title: pub.title,
    subtitle: pub.subtitle,
    foreword: pub.foreword,
    edition: pub.edition ?? null,
    date: pub.date,
    language: pub.lang,
    draft: pub.draft,
    caseStudies,
    recommendations,
    chapters: pub.chapters.map((c, ci) => ({
      number: ci + 1,
      slug: c.slug,
      title: c.title,
      sections: c.sections.map((s, si) => ({ number: `${ci + 1}.${si + 1}`, slug: s.slug, heading: s.heading, language: s.lang, markdown: sections.find((x) => x.chapter === c.slug && x.section === s.slug)!.markdown })),
    })),
  };
  const csv = csvFile([
    ["number", "chapter", "chapter_title", "section", "heading", "language", "words"],
    ...sections.map((s) => [s.number, s.chapter, s.chapterTitle, s.section, s.heading, s.language, s.markdown.split(/\s+/).filter(Boolean).length]),
  ]);
  const readme = `${pub.title}${pub.edition ? `, edition ${pub.edition}` : " (living draft)"}, ${pub.date}, language ${pub.lang}.\n\nedition.json  the full text, schema "${OPEN_DATA_SCHEMA}" (documented with the platform)\nsections.csv  one row per section, UTF-8, comma-separated\ncase-studies.csv  one row per case study of the annex, UTF-8, comma-separated\nrecommendations.csv  one row per recommendation the text places, with the sections that place it\nfigures/*.csv  the rows each figure was drawn from\n`;
  const mtime = new Date(`${pub.date}T00:00:00Z`);
  const file = (data: string): [Uint8Array, { mtime: Date }] => [strToU8(data), { mtime }];
  // Each figure's rows, as readers can download them beside the figure.
  const figureFiles = Object.fromEntries(
    Object.entries(pub.figures).map(([slug, f]) => [`figures/${slug}.csv`, file(datasetCsv(f.data))] as const),
  );
  return Buffer.from(zipSync({ "edition.json": file(`${JSON.stringify(json, null, 2)}\n`), "sections.csv": file(csv), "case-studies.csv": file(caseStudiesCsv), "recommendations.csv": file(recommendationsCsv), ...figureFiles, "README.txt": file(readme) }));
}
