// Vocabulary of editions: their states and what an edition pins.

export const EDITION_STATUSES = ["draft", "in_review", "published", "withdrawn"] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];

/** Which status may follow which: published editions are never edited, only withdrawn. */
export const NEXT_STATUS: Record<EditionStatus, EditionStatus[]> = {
  draft: ["in_review", "published"],
  in_review: ["draft", "published"],
  published: ["withdrawn"],
  withdrawn: [],
};

/** Readers may see these; the others are for signed-in members only. */
export const isPublic = (status: EditionStatus) => status === "published" || status === "withdrawn";

/**
 * Kinds of pinned item. One mechanism for all: a later feature adds its kind (case studies,
 * figures, recommendations) and the version it pins, without a table of its own.
 */
export const PINNED_KINDS = ["chapter", "section", "case-study", "figure", "recommendation"] as const;
export type PinnedKind = (typeof PINNED_KINDS)[number];

/** Edition labels appear in URLs: "2019", "2022", "2025-update". */
export const LABEL_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** The path of an edition's case-study annex page; a chapter with this slug would hide it. */
export const ANNEX_PATH = "annex-case-studies";

/** How an edition's dates are written, per language (Intl.DateTimeFormat's dateStyle). */
export const EDITION_DATE_STYLES = ["long", "medium", "short", "full"] as const;
export type EditionDateStyle = (typeof EDITION_DATE_STYLES)[number];

// Findings: what the checks before publishing say about an edition or the living draft.

export const FINDING_SEVERITIES = ["error", "warning"] as const;
/** Errors block publishing; warnings need an acknowledgement with a note. */
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/** Where a finding is: as precise as it can be said (a section in a language, a chapter, the edition's own texts). */
export type FindingLocation = {
  chapterId?: string;
  chapterSlug?: string;
  sectionId?: string;
  sectionSlug?: string;
  language?: string;
  /** The evidence concerned, when there is one: "figure:adoption-by-technology". */
  ref?: string;
};

/**
 * One finding. `code` names the check (message key `finding.<code>`), `params` fill its message,
 * `fix` is the URL of the page where it is fixed.
 */
export type Finding = { code: string; severity: FindingSeverity; where: FindingLocation; params: Record<string, string | number>; fix: string };

/** The warnings acknowledged when an edition went out, and who said why. */
export type EditionAcknowledgement = { warnings: number; note: string; codes: string[]; by: string | null; at: string };

/** The longest note that says why an edition goes out with its warnings. */
export const ACKNOWLEDGEMENT_NOTE_MAX = 2000;

/** The longest reason for withdrawing an edition (shown to readers on each of its pages). */
export const WITHDRAW_REASON_MAX = 500;
