import { diffWords } from "diff";
import { diff3Merge } from "node-diff3";

export type MergeMarkers = { theirs: string; yours: string; end: string };

/** Lines that start or end a conflict block in a merge proposal. */
export const CONFLICT_MARKER = /^(<{7}|={7}|>{7})( |$)/m;

/**
 * Three-way merge of two texts derived from one base, line by line. Passages only one side
 * changed are taken from it; passages both changed keep both versions between markers, so no
 * words are lost.
 */
export function mergeTexts(base: string, theirs: string, yours: string, markers: MergeMarkers): { text: string; clean: boolean } {
  const regions = diff3Merge(theirs.split("\n"), base.split("\n"), yours.split("\n"), { excludeFalseConflicts: true });
  const out: string[] = [];
  let clean = true;
  for (const region of regions) {
    if (region.ok) out.push(...region.ok);
    else if (region.conflict) {
      clean = false;
      out.push(`<<<<<<< ${markers.theirs}`, ...region.conflict.a, `======= ${markers.yours}`, ...region.conflict.b, `>>>>>>> ${markers.end}`);
    }
  }
  return { text: out.join("\n"), clean };
}

/** Merges a one-line field (a heading): a change on one side wins; if both changed, yours. */
export function mergeLine(base: string, theirs: string, yours: string): string {
  if (theirs === yours || yours !== base) return yours;
  return theirs;
}

export type DiffPart = { value: string; added: boolean; removed: boolean };

/** A word-level diff of two texts, whitespace kept, for inline or side-by-side display. */
export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((p) => ({ value: p.value, added: Boolean(p.added), removed: Boolean(p.removed) }));
}
