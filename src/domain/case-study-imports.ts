import type { CaseStudyFields, Stage } from "#src/domain/case-studies.ts";
import type { Language } from "#src/domain/languages.ts";

// What a Word import would make, before anything is saved: the document cut into passages, each
// going to a field or left unplaced, which the member reviews and reassigns before confirming.

/** Where a passage of an imported document can go. "unplaced" is kept out of every field. */
export const PASSAGE_TARGETS = ["summary", "problem", "solution", "results", "lessons", "partners", "contact", "period", "links", "technologies", "stage", "unplaced"] as const;
export type PassageTarget = (typeof PASSAGE_TARGETS)[number];

/** Why a passage went where it did. */
export type PassageReason =
  /** Under a heading (a real one, or a bold paragraph acting as one) that names the field. */
  | "heading"
  /** A "Stage: pilot" line: a field's name, a colon and the text. */
  | "label"
  /** Under an "Organization" heading: the case study's organization is the account's, not the document's. */
  | "organization"
  /** Fits no field: text before the first heading, or under a heading that names none. */
  | "none";

export type Passage = {
  /** 1-based position among the document's blocks (paragraphs, lists, tables...). */
  n: number;
  /** The block as Markdown: footnote definitions it uses appended, pictures as placeholders. */
  markdown: string;
  /** The heading it was found under, as written in the document, or null before the first one. */
  heading: string | null;
  target: PassageTarget;
  reason: PassageReason;
};

/** Something the import left out, by name: "tracked-changes", "comments", "embedded-objects", "images"... */
export type DroppedItem = {
  kind: "tracked-changes" | "comments" | "embedded-objects" | "images" | "text-boxes" | "fields";
  count: number;
  /** Tracked changes: insertions kept and deletions left out (numbers, so pages say them in their language). */
  inserted?: number;
  deleted?: number;
  /** Names as the document gives them (comment authors, object types such as "Excel.Sheet.12"): data, not prose. */
  detail?: string;
};

export type WordPreview = {
  title: string;
  /** Where the title came from: "title" (Title style or first level-1 heading), "heading" (under a title heading), "label", "first-line". */
  titleFrom: "title" | "heading" | "label" | "first-line";
  /** The language the text is written in (guessed from it), else the member's. */
  language: Language;
  passages: Passage[];
  /** Recognised from the technologies and stage passages (slugs; never a retired technology). */
  technologies: string[];
  stage: Stage | null;
  periodStart: number | null;
  periodEnd: number | null;
  /** Headings that named no field, as written. */
  otherHeadings: string[];
  dropped: DroppedItem[];
  /** What mammoth could not carry over, as it said it. */
  warnings: string[];
  /** Pictures found, by placeholder, in the order found (the bytes stay with the stored file). */
  images: { placeholder: string; mediaType: string; alt: string; caption: string }[];
};

/** What the member decides on the review screen; anything absent keeps the preview's choice. */
export type PreviewChoices = {
  title?: string;
  /** Passage number → its new target. */
  targets?: Record<number, PassageTarget>;
  technologies?: string[];
  stage?: Stage | null;
  periodStart?: number | null;
  periodEnd?: number | null;
};

/** The fields an import fills; consent is never taken from a document. */
export type ImportedFields = Omit<CaseStudyFields, "consent">;
