import type { Language } from "#src/domain/languages.ts";

// Suggested changes in review rounds: proposed in the browser, or read from a Word file that
// comes back with tracked changes and comments. A suggestion is a review comment that carries a
// proposed text, so the resolution matrix counts it like any comment.

/** Where a comment came from: typed on the round's page, or read from an uploaded Word file. */
export const COMMENT_ORIGINS = ["web", "word"] as const;
export type CommentOrigin = (typeof COMMENT_ORIGINS)[number];

/**
 * A change proposed to a section's text, anchored in the Markdown body of the revision the
 * member read (the comment's `revisionId`). Offsets count UTF-16 code units of that body.
 * `exact` is the Markdown replaced (empty: an insertion at `start`); `prefix` and `suffix` are up
 * to SUGGESTION_CONTEXT characters of the body either side, to find the place again once the text
 * has moved on. `replacement` is what takes its place (empty: a deletion).
 */
export type Suggestion = {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  replacement: string;
  /**
   * The words a reader sees of it on the text it was made on (see SuggestionView), worked out
   * once when it was made; absent on older ones, worked out when shown.
   */
  view?: SuggestionView | undefined;
};

/** A suggestion as readers see it: plain words, no Markdown; before and after at most 60 characters. */
export type SuggestionView = { before: string; removed: string; added: string; after: string };

/** Characters of context kept on each side of a suggestion. */
export const SUGGESTION_CONTEXT = 40;
/** The longest replacement a suggestion may propose (as long as a comment). */
export const MAX_REPLACEMENT_CHARS = 8000;
/** The longest quote and comment a review comment takes (on the round's form, and from a Word file). */
export const MAX_QUOTE_CHARS = 2000;
export const MAX_BODY_CHARS = 8000;

export type SuggestionKind = "insert" | "delete" | "replace";
export const suggestionKind = (s: Pick<Suggestion, "exact" | "replacement">): SuggestionKind => (!s.exact ? "insert" : !s.replacement ? "delete" : "replace");

/** States of an uploaded review file: read and waiting for its confirmation, or turned into comments (the file is kept). */
export const REVIEW_IMPORT_STATUSES = ["pending", "confirmed"] as const;
export type ReviewImportStatus = (typeof REVIEW_IMPORT_STATUSES)[number];

/** What an uploaded review file would create, once confirmed. */
export type ImportedItem =
  | {
      kind: "suggestion";
      sectionId: string;
      /** The revision the file was downloaded from (the suggestion's anchor). */
      revisionId: number;
      suggestion: Suggestion;
      /** The words a reader sees where the change goes (replaced, or around an insertion). */
      quote: string;
      /** The Word author and date of the tracked change, when the file had tracking on. */
      author: string | null;
      date: string | null;
    }
  | {
      kind: "comment";
      sectionId: string;
      revisionId: number | null;
      /** The words the Word comment was anchored to. */
      quote: string | null;
      body: string;
      author: string | null;
      date: string | null;
    };

/**
 * Why a change or comment of an uploaded file could not be placed on a section's text:
 * - outside-sections: before the first section's heading (the title page, the file's own notes)
 * - unknown-section: under a section mark this round does not know (another round's file, a section since removed)
 * - generated: in text the file shows but no one writes (a figure's title, a recommendation, a case study's card)
 * - heading: a section's heading (headings change in the outline, not in a round)
 * - section-deleted: a section deleted as a whole
 * - not-found: the passage is not in the revision the file came from
 * - ambiguous: the passage is found more than once and nothing tells which
 * - unsupported: a text box, a field, an embedded object: changes there are not read
 * - too-many: past the most a file may bring (MAX_IMPORTED_ITEMS)
 */
export const UNPLACED_REASONS = ["outside-sections", "unknown-section", "generated", "heading", "section-deleted", "not-found", "ambiguous", "unsupported", "too-many"] as const;
export type UnplacedReason = (typeof UNPLACED_REASONS)[number];

export type UnplacedItem = {
  kind: "suggestion" | "comment";
  reason: UnplacedReason;
  /** The words concerned as the file has them (deleted, inserted, or commented on), cut to 500 characters; for "unsupported", what was not read ("text-box", "object", "footnote"). */
  text: string;
  /** How many it stands for: "unsupported", the places of that kind; "too-many" at the end, the items left out. */
  count?: number;
  /** The comment's text, for a comment. */
  body: string | null;
  /** The section it was found in, by id when known, and its heading as the file shows it. */
  sectionId: string | null;
  heading: string | null;
  author: string | null;
};

/** The most suggestions and comments one uploaded file may bring. */
export const MAX_IMPORTED_ITEMS = 500;

export type ReviewImportPreview = {
  /** The language the file was downloaded in (from its section marks), else the page's. */
  language: Language;
  /** Whether the file carried tracked changes (else its differences were found by comparison). */
  tracked: boolean;
  /** Sections the file's marks named. */
  sections: number;
  items: ImportedItem[];
  unplaced: UnplacedItem[];
};

// Section marks: a review file downloaded as Word records, invisibly, which section and which
// revision each part came from, as bookmarks on the headings (see docs/REVIEW-FILES.md). Word and
// LibreOffice keep bookmarks through any number of saves; names are at most 40 characters.

const MARK_SECTION = "_lrs_";
const MARK_CHAPTER = "_lrc_";
const base36 = (hex: string) => BigInt(`0x${hex}`).toString(36).padStart(25, "0");
const hexOf = (b36: string) => {
  let n = 0n;
  for (const ch of b36) n = n * 36n + BigInt(parseInt(ch, 36));
  return n.toString(16).padStart(32, "0");
};

/** The bookmark name on a section's heading: its id and the revision the file shows (≤ 40 characters). */
export function sectionMark(sectionId: string, revisionId: number): string {
  return `${MARK_SECTION}${base36(sectionId.replace(/-/g, ""))}_${revisionId.toString(36)}`;
}

/** The bookmark name on a chapter's heading: it ends the section before it. */
export const chapterMark = (number: number): string => `${MARK_CHAPTER}${number}`;

export type ParsedMark = { kind: "section"; sectionId: string; revisionId: number } | { kind: "chapter"; number: number };

/** Reads a bookmark name written by sectionMark or chapterMark (any case: Word compares names without it); anything else is no mark. */
export function parseMark(name: string): ParsedMark | undefined {
  const lower = name.toLowerCase();
  const section = /^_lrs_([0-9a-z]{25})_([0-9a-z]{1,9})$/.exec(lower);
  if (section) {
    const hex = hexOf(section[1]!);
    const revisionId = parseInt(section[2]!, 36);
    if (hex.length !== 32 || !Number.isSafeInteger(revisionId) || revisionId <= 0) return undefined;
    return { kind: "section", sectionId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`, revisionId };
  }
  const chapter = /^_lrc_([0-9]{1,4})$/.exec(lower);
  return chapter ? { kind: "chapter", number: Number(chapter[1]) } : undefined;
}

/** The paragraph style of lines a review file shows but no one writes there (a figure's title, a recommendation): changes to them are not placed. */
export const GENERATED_STYLE = "LRGenerated";
