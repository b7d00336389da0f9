// What a writer can place in (or link from) a section's text, as the editor's pickers show it:
// the server's references endpoint answers with these, the browser's editor reads them.

/** The evidence kinds and other sections. */
export const PLACEABLE_KINDS = ["figure", "case-study", "recommendation", "section"] as const;
export type PlaceableKind = (typeof PLACEABLE_KINDS)[number];

/**
 * One thing a picker offers: its reference (a slug; for a section `chapter#slug`), title,
 * technology, a word of context (organization, survey, chapter...), its state and that state's
 * label, a thumbnail (figures), the link a text writes (sections), and whether placing it now
 * passes the checks before publishing.
 */
export type ReferenceItem = {
  kind: PlaceableKind;
  ref: string;
  title: string;
  technology: string | null;
  context: string | null;
  status: string;
  statusLabel: string;
  thumbnail: string | null;
  href: string | null;
  usable: boolean;
};
