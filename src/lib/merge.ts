import { diffWords } from "diff";
import { diffIndices } from "node-diff3";

/** Lines that start or end a conflict block in a merge proposal (never to be stored). */
export const CONFLICT_MARKER = /^(<{7}|={7}|>{7})( |$)/m;

// A three-way merge of Markdown texts, by block, then by sentence inside a block changed on both
// sides. A text is cut into pieces (its words) and the whitespace between them, so that putting the
// pieces back gives the same bytes; pieces are compared by their words only.

/** A piece of a text and the whitespace that followed it there (null: it ended its text). */
export type Piece = { text: string; after: string | null };

/** A text cut into pieces: whitespace before the first, the pieces, whitespace after the last. */
export type Pieces = { lead: string; pieces: Piece[]; trail: string };

const BLANK = /^[ \t]*$/;
const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})/;
const FENCE_CLOSE = /^[ \t]*(`{3,}|~{3,})[ \t]*$/;
const CONTAINER_OPEN = /^[ \t]*:{3,}[ \t]*[A-Za-z]/;
const CONTAINER_CLOSE = /^[ \t]*:{3,}[ \t]*$/;

function piecesOf(text: string, ranges: [number, number][]): Pieces {
  if (!ranges.length) return { lead: text, pieces: [], trail: "" };
  const pieces = ranges.map(([start, end], i) => ({ text: text.slice(start, end), after: i + 1 < ranges.length ? text.slice(end, ranges[i + 1]![0]) : null }));
  return { lead: text.slice(0, ranges[0]![0]), pieces, trail: text.slice(ranges.at(-1)![1]) };
}

/**
 * The top-level blocks of a Markdown text: runs of lines between blank lines, a fenced code block
 * or a `:::` container staying whole even with blank lines inside.
 */
export function splitBlocks(text: string): Pieces {
  const ranges: [number, number][] = [];
  let open: number | null = null;
  let lastEnd = 0;
  let fence: string | null = null;
  let depth = 0;
  let pos = 0;
  for (const line of text.split("\n")) {
    const start = pos;
    const end = pos + line.length;
    pos = end + 1;
    if (fence === null && BLANK.test(line)) {
      if (open !== null && depth === 0) {
        ranges.push([open, lastEnd]);
        open = null;
      }
      continue;
    }
    open ??= start;
    lastEnd = end;
    if (fence !== null) {
      const close = FENCE_CLOSE.exec(line)?.[1];
      if (close && close[0] === fence[0] && close.length >= fence.length) fence = null;
      continue;
    }
    const opening = FENCE_OPEN.exec(line)?.[1];
    if (opening) fence = opening;
    else if (depth > 0 && CONTAINER_CLOSE.test(line)) depth--;
    else if (CONTAINER_OPEN.test(line)) depth++;
  }
  if (open !== null) ranges.push([open, lastEnd]);
  return piecesOf(text, ranges);
}

const segmenters = new Map<string, Intl.Segmenter>();

/** The sentences of a text (each line break ends one too), in the rules of the given language. */
export function splitSentences(text: string, locale = "und"): Pieces {
  let segmenter = segmenters.get(locale);
  if (!segmenter) segmenters.set(locale, (segmenter = new Intl.Segmenter(locale, { granularity: "sentence" })));
  const ranges: [number, number][] = [];
  for (const { segment, index } of segmenter.segment(text)) {
    const words = segment.trimEnd().length;
    if (words === 0) continue;
    // Whitespace a segment starts with belongs to the whitespace before it.
    const leading = segment.length - segment.trimStart().length;
    ranges.push([index + (ranges.length ? leading : 0), index + words]);
  }
  return piecesOf(text, ranges);
}

/** Puts pieces back together: each one's own whitespace after it, or `gap` where it had none. */
export function joinPieces(pieces: Piece[], gap: string): string {
  return pieces.map((p, i) => (i + 1 < pieces.length ? p.text + (p.after ?? gap) : p.text)).join("");
}

/** A merged value: one side changed it (or both the same way), or both changed it differently. */
export type ValueMerge = { value: string; conflict: false } | { conflict: true; base: string; theirs: string; yours: string };

/** Merges a value as a whole (a heading, the whitespace around a text): a change on one side wins. */
export function mergeValue(base: string, theirs: string, yours: string): ValueMerge {
  if (theirs === yours || theirs === base) return { value: yours, conflict: false };
  if (yours === base) return { value: theirs, conflict: false };
  return { conflict: true, base, theirs, yours };
}

type Region =
  | { kind: "same"; pieces: Piece[] }
  | { kind: "one"; from: "theirs" | "yours" | "both" | "combined"; base: Piece[]; pieces: Piece[] }
  | { kind: "conflict"; base: Piece[]; theirs: Piece[]; yours: Piece[] };

type Hunk = { side: "theirs" | "yours"; oStart: number; oEnd: number; start: number; end: number };

/** Whether two changes from different sides touch the same base pieces (or insert at one place). */
function clash(a: Hunk, b: Hunk): boolean {
  const emptyA = a.oStart === a.oEnd;
  const emptyB = b.oStart === b.oEnd;
  if (emptyA && emptyB) return a.oStart === b.oStart;
  if (emptyA) return b.oStart < a.oStart && a.oStart < b.oEnd;
  if (emptyB) return a.oStart < b.oStart && b.oStart < a.oEnd;
  return a.oStart < b.oEnd && b.oStart < a.oEnd;
}

/** Whether two changes clash or meet: an insertion right before or after what the other replaced. */
function touch(a: Hunk, b: Hunk): boolean {
  if (clash(a, b)) return true;
  const emptyA = a.oStart === a.oEnd;
  const emptyB = b.oStart === b.oEnd;
  return (emptyA && !emptyB && (a.oStart === b.oStart || a.oStart === b.oEnd)) || (emptyB && !emptyA && (b.oStart === a.oStart || b.oStart === a.oEnd));
}

const hunksOf = (base: string[], side: string[], name: Hunk["side"]): Hunk[] =>
  diffIndices(base, side).map((d) => ({ side: name, oStart: d.buffer1[0], oEnd: d.buffer1[0] + d.buffer1[1], start: d.buffer2[0], end: d.buffer2[0] + d.buffer2[1] }));

/**
 * Three-way merge of piece sequences. Changes on one side only are taken; changes of both sides
 * to the same pieces, or insertions by both at the same place, are conflicts unless identical.
 * Unchanged pieces come from yours (with your whitespace).
 */
function mergePieces(base: Piece[], theirs: Piece[], yours: Piece[]): Region[] {
  // What all three share at the start and the end needs no diff (most of a text, usually).
  let p = 0;
  while (p < base.length && p < theirs.length && p < yours.length && base[p]!.text === theirs[p]!.text && base[p]!.text === yours[p]!.text) p++;
  let s = 0;
  const room = Math.min(base.length, theirs.length, yours.length) - p;
  while (s < room && base.at(-1 - s)!.text === theirs.at(-1 - s)!.text && base.at(-1 - s)!.text === yours.at(-1 - s)!.text) s++;
  const middle = mergeMiddle(base.slice(p, base.length - s), theirs.slice(p, theirs.length - s), yours.slice(p, yours.length - s));
  const edge = (pieces: Piece[]): Region[] => (pieces.length ? [{ kind: "same", pieces }] : []);
  return [...edge(yours.slice(0, p)), ...middle, ...edge(yours.slice(yours.length - s))];
}

/**
 * The diff's cost grows with the pairs of equal pieces between the base and a side (each the same
 * few words repeated, say): beyond this many, the differing middle is taken as a whole.
 */
const MAX_MATCHING_PAIRS = 100_000;

function matchingPairs(a: Piece[], b: Piece[]): number {
  const counts = new Map<string, number>();
  for (const p of a) counts.set(p.text, (counts.get(p.text) ?? 0) + 1);
  return b.reduce((n, p) => n + (counts.get(p.text) ?? 0), 0);
}

function mergeMiddle(base: Piece[], theirs: Piece[], yours: Piece[]): Region[] {
  if (!base.length && !theirs.length && !yours.length) return [];
  if (matchingPairs(base, theirs) + matchingPairs(base, yours) > MAX_MATCHING_PAIRS) {
    if (sameKeys(theirs, base) || sameKeys(theirs, yours)) return [{ kind: "one", from: sameKeys(theirs, base) ? "yours" : "both", base, pieces: yours }];
    if (sameKeys(yours, base)) return [{ kind: "one", from: "theirs", base, pieces: theirs }];
    return [{ kind: "conflict", base, theirs, yours }];
  }
  const keys = (ps: Piece[]) => ps.map((p) => p.text);
  const o = keys(base);
  const hunks = [...hunksOf(o, keys(theirs), "theirs"), ...hunksOf(o, keys(yours), "yours")].sort((a, b) => a.oStart - b.oStart || a.oEnd - b.oEnd);
  const groups: Hunk[][] = [];
  for (const hunk of hunks) {
    const group = groups.at(-1);
    if (group?.some((g) => g.side !== hunk.side && touch(g, hunk))) group.push(hunk);
    else groups.push([hunk]);
  }
  const regions: Region[] = [];
  let at = 0; // in base
  let yoursDelta = 0; // yours index minus base index, after the changes passed so far
  const same = (until: number) => {
    if (until > at) regions.push({ kind: "same", pieces: yours.slice(at + yoursDelta, until + yoursDelta) });
    at = Math.max(at, until);
  };
  for (const group of groups) {
    const oStart = Math.min(...group.map((h) => h.oStart));
    const oEnd = Math.max(...group.map((h) => h.oEnd));
    same(oStart);
    const span = (side: Hunk["side"], pieces: Piece[]) => {
      const own = group.filter((h) => h.side === side);
      if (!own.length) return undefined;
      return pieces.slice(own[0]!.start - (own[0]!.oStart - oStart), own.at(-1)!.end + (oEnd - own.at(-1)!.oEnd));
    };
    const t = span("theirs", theirs);
    const y = span("yours", yours);
    const b = base.slice(oStart, oEnd);
    if (t && y) {
      regions.push(...settle(b, t, y, group, oStart, { theirs, yours }));
    } else regions.push({ kind: "one", from: t ? "theirs" : "yours", base: b, pieces: (t ?? y)! });
    for (const h of group) if (h.side === "yours") yoursDelta += h.end - h.start - (h.oEnd - h.oStart);
    at = oEnd;
  }
  same(base.length);
  return regions;
}

const sameKeys = (a: Piece[], b: Piece[]) => a.length === b.length && a.every((p, i) => p.text === b[i]!.text);

/**
 * A region both sides changed. Pieces both made the same at its start and end are taken (as git's
 * zealous merge does), and what lies between is merged again against the base pieces it replaced.
 */
function settle(base: Piece[], theirs: Piece[], yours: Piece[], group: Hunk[], oStart: number, sides: Record<Hunk["side"], Piece[]>): Region[] {
  if (sameKeys(theirs, yours)) return [{ kind: "one", from: "both", base, pieces: yours }];
  let p = 0;
  while (p < theirs.length && p < yours.length && theirs[p]!.text === yours[p]!.text) p++;
  let s = 0;
  while (s < theirs.length - p && s < yours.length - p && theirs.at(-1 - s)!.text === yours.at(-1 - s)!.text) s++;
  if (p === 0 && s === 0) {
    // Changes that only meet (an insertion next to a replaced passage) are both applied, in order.
    if (group.some((a) => group.some((b) => a.side !== b.side && clash(a, b)))) return [{ kind: "conflict", base, theirs, yours }];
    const pieces: Piece[] = [];
    let at = oStart;
    for (const h of group) {
      pieces.push(...base.slice(at - oStart, h.oStart - oStart), ...sides[h.side].slice(h.start, h.end));
      at = h.oEnd;
    }
    pieces.push(...base.slice(at - oStart));
    return [{ kind: "one", from: "combined", base, pieces }];
  }
  // Where the middle starts and ends in the base: around the base pieces a side kept in its middle.
  const o = base.map((q) => q.text);
  let bStart = Infinity;
  let bEnd = -Infinity;
  for (const side of [theirs, yours]) {
    const kept = new Map<number, number>(); // side index -> base index, for pieces kept unchanged
    let bi = 0;
    let si = 0;
    for (const d of diffIndices(o, side.map((q) => q.text))) {
      while (bi < d.buffer1[0]) kept.set(si++, bi++);
      bi += d.buffer1[1];
      si += d.buffer2[1];
    }
    while (bi < o.length) kept.set(si++, bi++);
    const middle = [...kept].filter(([i]) => i >= p && i < side.length - s).map(([, j]) => j);
    if (middle.length) {
      bStart = Math.min(bStart, Math.min(...middle));
      bEnd = Math.max(bEnd, Math.max(...middle) + 1);
    }
  }
  if (bStart > bEnd) {
    bStart = Math.min(p, base.length);
    bEnd = Math.max(bStart, base.length - s);
  }
  const edge = (pieces: Piece[], was: Piece[]): Region[] =>
    pieces.length === 0 ? [] : sameKeys(pieces, was) ? [{ kind: "same", pieces }] : [{ kind: "one", from: "both", base: was, pieces }];
  return [
    ...edge(yours.slice(0, p), base.slice(0, bStart)),
    ...mergePieces(base.slice(bStart, bEnd), theirs.slice(p, theirs.length - s), yours.slice(p, yours.length - s)),
    ...edge(yours.slice(yours.length - s), base.slice(bEnd)),
  ];
}

const MAX_SENTENCE_BLOCK = 10_000;

/** A paragraph (or any block) both sides changed, merged sentence by sentence; null if they overlap. */
export function mergeSentences(base: string, theirs: string, yours: string, locale = "und"): string | null {
  // Sentence segmentation slows down much faster than the text grows: a block that long is not a paragraph.
  if (Math.max(base.length, theirs.length, yours.length) > MAX_SENTENCE_BLOCK) return null;
  const [b, t, y] = [base, theirs, yours].map((s) => splitSentences(s, locale)) as [Pieces, Pieces, Pieces];
  const regions = mergePieces(b.pieces, t.pieces, y.pieces);
  if (regions.some((r) => r.kind === "conflict")) return null;
  const lead = mergeValue(b.lead, t.lead, y.lead);
  const trail = mergeValue(b.trail, t.trail, y.trail);
  if (lead.conflict || trail.conflict) return null;
  return lead.value + joinSentences(regions.flatMap((r) => (r.kind === "conflict" ? [] : r.pieces)), [t, y, b]) + trail.value;
}

/**
 * Puts merged sentences back together. A sentence that was last on its side (no whitespace after
 * it) but is now followed by another takes the whitespace that came before that other one on its
 * own side: a line added at the end of a list or table keeps its line break.
 */
function joinSentences(pieces: Piece[], sides: Pieces[]): string {
  const before = new Map<Piece, string>();
  let newline = false;
  for (const side of sides) {
    side.pieces.forEach((p, i) => {
      if (i > 0) before.set(p, side.pieces[i - 1]!.after!);
      if (p.after?.includes("\n")) newline = true;
    });
  }
  return pieces.map((p, i) => (i + 1 < pieces.length ? p.text + (p.after ?? before.get(pieces[i + 1]!) ?? (newline ? "\n" : " ")) : p.text)).join("");
}

/** Part of a merged text: unchanged, merged without asking, or a conflict the writer settles. */
export type MergePart =
  | { kind: "same"; pieces: Piece[] }
  | { kind: "merged"; from: "theirs" | "yours" | "both" | "combined"; base: string; text: string; pieces: Piece[] }
  | { kind: "conflict"; base: string; theirs: string; yours: string; theirPieces: Piece[]; yourPieces: Piece[] };

export type TextMerge = {
  parts: MergePart[];
  lead: string;
  trail: string;
  /** How many parts need the writer's choice. */
  conflicts: number;
  /** The merged text when nothing needs a choice. */
  text: string | null;
};

/** What the writer chose for a conflict. "both" keeps theirs first, then yours. */
export type Resolution = { choice: "mine" | "theirs" | "both" } | { choice: "edit"; text: string };

const BLOCK_GAP = "\n\n";

/**
 * Three-way merge of a Markdown text by top-level block. A block changed on one side only is taken
 * from it; a block both changed is merged by sentence when their changes touch different
 * sentences; anything else (or blocks both inserted at one place) is a conflict part. When only one
 * side changed anything, the result is that side's text byte for byte.
 */
export function mergeMarkdown(base: string, theirs: string, yours: string, locale = "und"): TextMerge {
  const [b, t, y] = [base, theirs, yours].map(splitBlocks) as [Pieces, Pieces, Pieces];
  const parts: MergePart[] = [];
  for (const region of mergePieces(b.pieces, t.pieces, y.pieces)) {
    if (region.kind === "same") parts.push(region);
    else if (region.kind === "one") parts.push({ kind: "merged", from: region.from, base: joinPieces(region.base, BLOCK_GAP), text: joinPieces(region.pieces, BLOCK_GAP), pieces: region.pieces });
    else if (region.base.length === region.theirs.length && region.base.length === region.yours.length) {
      // The same number of blocks on every side: settle them pairwise, by sentence where both changed one.
      region.base.forEach((o, i) => {
        const th = region.theirs[i]!;
        const yo = region.yours[i]!;
        const one = mergeValue(o.text, th.text, yo.text);
        const sentences = one.conflict ? mergeSentences(o.text, th.text, yo.text, locale) : null;
        if (one.conflict && sentences === null) {
          parts.push({ kind: "conflict", base: o.text, theirs: th.text, yours: yo.text, theirPieces: [th], yourPieces: [yo] });
          return;
        }
        const piece = { text: one.conflict ? sentences! : one.value, after: yo.after ?? th.after };
        if (piece.text === o.text) parts.push({ kind: "same", pieces: [piece] });
        else parts.push({ kind: "merged", from: one.conflict ? "combined" : piece.text === yo.text ? (piece.text === th.text ? "both" : "yours") : "theirs", base: o.text, text: piece.text, pieces: [piece] });
      });
    } else {
      parts.push({
        kind: "conflict",
        base: joinPieces(region.base, BLOCK_GAP),
        theirs: joinPieces(region.theirs, BLOCK_GAP),
        yours: joinPieces(region.yours, BLOCK_GAP),
        theirPieces: region.theirs,
        yourPieces: region.yours,
      });
    }
  }
  const lead = mergeValue(b.lead, t.lead, y.lead);
  const trail = mergeValue(b.trail, t.trail, y.trail);
  const merge: TextMerge = {
    parts,
    lead: lead.conflict ? y.lead : lead.value,
    trail: trail.conflict ? y.trail : trail.value,
    conflicts: parts.filter((p) => p.kind === "conflict").length,
    text: null,
  };
  // One side changed nothing (or both changed the same): that side's bytes, whitespace included.
  const whole = mergeValue(base, theirs, yours);
  if (!whole.conflict) merge.text = whole.value;
  else if (merge.conflicts === 0) merge.text = resolveMerge(merge, []);
  return merge;
}

/**
 * The text a merge gives once each conflict part (in order) is settled. A resolution is needed for
 * every conflict part; an edited text stands for the conflicting blocks as written.
 */
export function resolveMerge(merge: TextMerge, resolutions: Resolution[]): string {
  let n = 0;
  const pieces = merge.parts.flatMap((part): Piece[] => {
    if (part.kind !== "conflict") return part.pieces;
    const resolution = resolutions[n++];
    if (!resolution) throw new Error("A conflict was left without a resolution");
    if (resolution.choice === "edit") return splitBlocks(resolution.text.trim()).pieces;
    if (resolution.choice === "mine") return part.yourPieces;
    if (resolution.choice === "theirs") return part.theirPieces;
    return [...part.theirPieces, ...part.yourPieces];
  });
  return pieces.length ? merge.lead + joinPieces(pieces, BLOCK_GAP) + merge.trail : "";
}

export type DiffPart = { value: string; added: boolean; removed: boolean };

/** A word-level diff of two texts, whitespace kept, for inline or side-by-side display. */
export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((p) => ({ value: p.value, added: Boolean(p.added), removed: Boolean(p.removed) }));
}
