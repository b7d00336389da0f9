// Vocabulary of the living draft: chapter kinds, section states, technology links, templates.

export const CHAPTER_KINDS = ["front_matter", "topic", "cross_cutting", "recommendations", "conclusion", "annex"] as const;
export type ChapterKind = (typeof CHAPTER_KINDS)[number];

export const SECTION_STATUSES = ["draft", "ready"] as const;
export type SectionStatus = (typeof SECTION_STATUSES)[number];

/** How two technologies relate: interlinkages between current ones, lineage across editions. */
export const TECHNOLOGY_LINK_KINDS = ["feeds", "related", "merged_into", "split_from"] as const;
export type TechnologyLinkKind = (typeof TECHNOLOGY_LINK_KINDS)[number];

/** Kinds of evidence a section can embed with a directive, and the directive's name for each. */
export const REFERENCE_KINDS = ["figure", "case-study", "recommendation"] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

/** A chapter template: the headings of the sections a new chapter starts with (message keys). */
export const CHAPTER_TEMPLATES = {
  blank: [],
  technology: [
    "template.technology.whatItIs",
    "template.technology.currentUse",
    "template.technology.benefitsRisks",
    "template.technology.futureUse",
    "template.technology.links",
    "template.technology.implementation",
  ],
  crossCutting: ["template.crossCutting.overview", "template.crossCutting.issues", "template.crossCutting.wayForward"],
} as const;
export type ChapterTemplate = keyof typeof CHAPTER_TEMPLATES;
export const TEMPLATE_NAMES = Object.keys(CHAPTER_TEMPLATES) as ChapterTemplate[];

/** A URL-safe slug from a heading: lower case, ASCII letters and digits, hyphens. */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || "section";
}
