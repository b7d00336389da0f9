// Vocabulary of case studies: their fields, stages, states and who may move them where.

import type { Language } from "#src/domain/languages.ts";

export const STAGES = ["idea", "proof_of_concept", "pilot", "production", "discontinued"] as const;
export type Stage = (typeof STAGES)[number];

export const CASE_STUDY_STATES = ["draft", "submitted", "in_review", "changes_requested", "accepted", "published", "retired"] as const;
export type CaseStudyState = (typeof CASE_STUDY_STATES)[number];

export const RETIRE_REASONS = ["redundant", "superseded", "withdrawn"] as const;
export type RetireReason = (typeof RETIRE_REASONS)[number];

/** The licence contributors agree to publish under. */
export const LICENCE = "CC-BY-4.0";

/** The text fields of a case study, in the order a form and a page show them. */
export const TEXT_FIELDS = ["summary", "problem", "solution", "results", "lessons"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** One version of a case study's content: what a contributor writes and an editor lightly edits. */
export type CaseStudyFields = {
  title: string;
  language: Language;
  technologies: string[];
  stage: Stage | null;
  periodStart: number | null;
  periodEnd: number | null;
  partners: string;
  summary: string;
  problem: string;
  solution: string;
  results: string;
  lessons: string;
  contact: string;
  links: string[];
  consent: boolean;
};

export const emptyFields = (language: Language): CaseStudyFields => ({
  title: "",
  language,
  technologies: [],
  stage: null,
  periodStart: null,
  periodEnd: null,
  partners: "",
  summary: "",
  problem: "",
  solution: "",
  results: "",
  lessons: "",
  contact: "",
  links: [],
  consent: false,
});

/** What must be filled before a case study can be submitted (field → message key). */
export function missingForSubmission(f: CaseStudyFields): Record<string, string> {
  const missing: Record<string, string> = {};
  if (!f.title.trim()) missing.title = "field.required";
  if (f.technologies.length === 0) missing.technologies = "field.chooseOne";
  if (!f.stage) missing.stage = "field.required";
  if (!f.summary.trim()) missing.summary = "field.required";
  if (!f.solution.trim()) missing.solution = "field.required";
  if (!f.consent) missing.consent = "field.consentRequired";
  return missing;
}

type Mover = "contributor" | "editor";

/** Which state may follow which, and who may make the move. */
export const MOVES: Record<CaseStudyState, Partial<Record<CaseStudyState, Mover>>> = {
  draft: { submitted: "contributor" },
  submitted: { in_review: "editor", changes_requested: "editor", accepted: "editor", retired: "editor" },
  in_review: { changes_requested: "editor", accepted: "editor", retired: "editor" },
  changes_requested: { submitted: "contributor", retired: "editor" },
  accepted: { published: "editor", changes_requested: "editor", retired: "editor" },
  published: { retired: "editor" },
  retired: {},
};

/** States in which the contributor's organization may still change the text. */
export const contributorMayEdit = (state: CaseStudyState) => state === "draft" || state === "changes_requested";

/** States in which an editor may edit the text (lightly, once submitted; each edit is a new version). */
export const editorMayEdit = (state: CaseStudyState) => state !== "retired";

/** Moves that need a message for the organization. */
export const needsMessage = (to: CaseStudyState) => to === "changes_requested";

/** The full-text search configuration of each language (accent-insensitive, see migration 0007). */
export const SEARCH_CONFIG: Record<Language, string> = { en: "lr_english", fr: "lr_french", es: "lr_spanish" };

/** The years a project ran, as a reader would write them. */
export function period(f: Pick<CaseStudyFields, "periodStart" | "periodEnd">): string {
  if (f.periodStart && f.periodEnd && f.periodEnd !== f.periodStart) return `${f.periodStart}–${f.periodEnd}`;
  return f.periodStart ? String(f.periodStart) : "";
}
