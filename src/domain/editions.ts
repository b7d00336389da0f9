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
