// Vocabulary of the living draft: chapter kinds, section states, technology links, templates.

import type { Language } from "#src/domain/languages.ts";

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

/**
 * What can keep a piece of evidence a text places from going out: no such evidence, a case study
 * not published, a figure whose groups are all too small to show or that has no answers, a
 * recommendation not adopted (proposed) or retired, a figure without alt text in a language.
 */
export const EVIDENCE_PROBLEMS = ["unknown", "unpublished", "suppressed", "empty", "proposed", "retired", "noAlt"] as const;
export type EvidenceProblemKind = (typeof EVIDENCE_PROBLEMS)[number];
/** One problem of a piece of evidence; `language` when it concerns one language only, `state` the evidence's own word for its state. */
export type EvidenceProblem = { problem: EvidenceProblemKind; language?: Language; state?: string };
/** What is wrong with a piece of evidence as it is now (nothing when it can go out), and the page where it is fixed. */
export type EvidenceInspection = { problems: EvidenceProblem[]; href?: string };

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
