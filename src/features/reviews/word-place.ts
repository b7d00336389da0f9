import { diffArrays, diffWordsWithSpace } from "diff";
import { escapeMarkdown } from "#src/content/escape.ts";
import { readerLines, type ReaderLine } from "#src/content/reader-lines.ts";
import type { Language } from "#src/domain/languages.ts";
import {
  GENERATED_STYLE,
  MAX_IMPORTED_ITEMS,
  MAX_REPLACEMENT_CHARS,
  type ImportedItem,
  type ReviewImportPreview,
  type UnplacedItem,
  type UnplacedReason,
} from "#src/domain/review-suggestions.ts";
import { makeSuggestion } from "#src/features/reviews/suggestions.ts";
import { shorten } from "#src/lib/text.ts";
import type { ReadChange, ReadComment, ReadParagraph, ReadSection, ReviewWordRead, SectionBase } from "#src/features/reviews/word-read.ts";

export type { SectionBase } from "#src/features/reviews/word-read.ts";

// What an uploaded review file would create, against the revisions it was downloaded from.
//
// Each section of the file is compared with its revision as readers see it (content/reader-lines:
// one line per paragraph, item, cell..., each character tied to its place in the Markdown). The
// file's side is each paragraph with every tracked change accepted, so a tracked file and an
// untracked one go through the same comparison; tracking only adds who and when. Both sides are
// read the same way: runs of white space (no-break spaces included) as one space, soft hyphens
// and zero-width characters as nothing, so a file opened and saved unchanged compares equal.
//
// The comparison is in two steps: first the lines (jsdiff diffArrays: paragraphs kept, added,
// removed), then, inside each run of changed lines, the words (diffWordsWithSpace), so a word
// changed in a paragraph is one small suggestion and not "this paragraph replaces that one".
// Changes separated by a single space are one suggestion (as Word records a replaced phrase).
// Each change maps back to a range of the Markdown through the lines' offsets, and is made a
// suggestion there (makeSuggestion: context either side), its words escaped as Markdown.
// What cannot map back goes to `unplaced` with its reason, never to a guessed place.

/** Stands for a line no one writes (a figure's title...) on both sides: equal to itself, never edited. */
const TOKEN = "\ufffc";
/** Time given to each comparison: past it, the section is reported rather than compared further. */
const DIFF_TIMEOUT_MS = 3_000;

type Mapped = { text: string; src: number[] };

/** The text as compared (see squeeze in word-read.ts), each character with the index it came from in `offsets` (or its own). */
function normalize(text: string, offsets?: number[]): Mapped {
  let out = "";
  const src: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (/[\u00ad\u200b\u200c\u200d\u2060\ufeff]/.test(c)) continue;
    if (/[\s\u00a0\u2007\u202f]/.test(c)) {
      space = out.length > 0;
      continue;
    }
    if (space) {
      out += " ";
      src.push(offsets ? (offsets[i - 1] ?? -1) : i - 1);
      space = false;
    }
    out += c === "\u2011" ? "-" : c;
    src.push(offsets ? (offsets[i] ?? -1) : i);
  }
  return { text: out, src };
}

/** The most characters of the file's words kept for a passage (a suggestion's quote, what could not be placed). */
const PASSAGE_CHARS = 500;
/** A heading's letters and digits, lower-cased: "1.2 Method" and "1.2. METHOD" match. */
const headingKey = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

type BaseUnit = Mapped & { line: ReaderLine; index: number };
type UploadUnit = Mapped & { paragraph: ReadParagraph; inTable: boolean };

type Hunk = { ra: number; rb: number; added: string; aa: number; ab: number };

/** Where each paragraph's tracked changes fall in its accept-all text. */
function acceptedRanges(p: ReadParagraph): { change: ReadChange; start: number; end: number }[] {
  let shift = 0;
  return p.changes.map((change) => {
    const start = change.at + shift;
    if (change.kind === "ins") {
      shift += change.text.length;
      return { change, start, end: start + change.text.length };
    }
    shift -= change.text.length;
    return { change, start, end: start };
  });
}

class Placer {
  readonly items: ImportedItem[] = [];
  readonly unplaced: UnplacedItem[] = [];
  private dropped = 0;

  constructor(private readonly tracked: boolean) {}

  unplace(item: Omit<UnplacedItem, "text" | "body"> & { text: string; body?: string | null }) {
    if (this.unplaced.length >= MAX_IMPORTED_ITEMS) {
      this.dropped++;
      return;
    }
    this.unplaced.push({ ...item, text: shorten(item.text, PASSAGE_CHARS), body: item.body ?? null });
  }

  add(item: ImportedItem) {
    if (this.items.length >= MAX_IMPORTED_ITEMS) this.dropped++;
    else this.items.push(item);
  }

  finish(language: Language, sections: number): ReviewImportPreview {
    const unplaced = this.unplaced;
    if (this.dropped) unplaced.push({ kind: "suggestion", reason: "too-many", text: "", count: this.dropped, body: null, sectionId: null, heading: null, author: null });
    return { language, tracked: this.tracked, sections, items: this.items, unplaced };
  }

  /** Every change of a paragraph, unplaced for one reason. */
  unplaceChanges(paragraph: ReadParagraph, reason: UnplacedReason, sectionId: string | null, heading: string | null) {
    if (paragraph.formatOnly) return;
    for (const change of paragraph.changes) if (change.text.trim()) this.unplace({ kind: "suggestion", reason, text: change.text, sectionId, heading, author: change.author });
  }

  comment(comment: ReadComment, sectionId: string | null, revisionId: number | null, heading: string | null, reason?: UnplacedReason) {
    if (reason) this.unplace({ kind: "comment", reason, text: comment.quote, body: comment.body, sectionId, heading, author: comment.author });
    else this.add({ kind: "comment", sectionId: sectionId!, revisionId, quote: comment.quote || null, body: comment.body, author: comment.author, date: comment.date });
  }

  section(read: ReadSection, base: SectionBase) {
    const heading = read.headingText;
    const [headParagraph, ...rest] = read.paragraphs;
    for (const comment of read.comments) this.comment(comment, base.id, base.revisionId, heading);

    const lines = readerLines(base.body);
    const baseUnits: BaseUnit[] = [];
    lines.forEach((line, index) => {
      const mapped = line.kind === "generated" ? { text: TOKEN, src: [-1] } : normalize(line.text, line.offsets);
      if (mapped.text || line.kind === "cell") baseUnits.push({ ...mapped, line, index });
    });
    const upload: UploadUnit[] = [];
    for (const paragraph of rest) {
      if (paragraph.style === GENERATED_STYLE) {
        this.unplaceChanges(paragraph, "generated", base.id, heading);
        upload.push({ text: TOKEN, src: [-1], paragraph, inTable: paragraph.inTable });
        continue;
      }
      const mapped = normalize(paragraph.text);
      if (mapped.text || paragraph.inTable) upload.push({ ...mapped, paragraph, inTable: paragraph.inTable });
    }

    const written = (units: { text: string }[]) => units.some((u) => u.text && u.text !== TOKEN);
    const headingGone = headParagraph !== undefined && !normalize(headParagraph.text).text && !!normalize(headParagraph.before).text;
    if (written(baseUnits) && !written(upload)) {
      const author = rest.flatMap((p) => p.changes).find((c) => c.kind === "del")?.author ?? null;
      this.unplace({ kind: "suggestion", reason: "section-deleted", text: baseUnits.map((u) => (u.text === TOKEN ? "" : u.text)).join(" "), sectionId: base.id, heading, author });
      return;
    }
    // Headings change in the outline, not in a round.
    if (headParagraph) {
      const changed = headParagraph.changes.length > 0 && !headParagraph.formatOnly;
      const shown = headingKey(headParagraph.text);
      const same = shown === headingKey(`${base.number} ${base.heading}`) || shown === headingKey(base.heading);
      if (changed || headingGone || (!this.tracked && !same))
        this.unplace({ kind: "suggestion", reason: "heading", text: changed ? headParagraph.changes.map((c) => c.text).join(" ") : headParagraph.text, sectionId: base.id, heading, author: headParagraph.changes[0]?.author ?? null });
    }

    const chunks = diffArrays(
      baseUnits.map((u) => u.text),
      upload.map((u) => u.text),
      { timeout: DIFF_TIMEOUT_MS },
    );
    if (!chunks) {
      this.unplace({ kind: "suggestion", reason: "not-found", text: upload.map((u) => u.text).join(" "), sectionId: base.id, heading, author: null });
      return;
    }
    let b = 0;
    let u = 0;
    for (let i = 0; i < chunks.length; ) {
      if (!chunks[i]!.added && !chunks[i]!.removed) {
        b += chunks[i]!.count;
        u += chunks[i]!.count;
        i++;
        continue;
      }
      let removed = 0;
      let added = 0;
      while (i < chunks.length && (chunks[i]!.added || chunks[i]!.removed)) {
        if (chunks[i]!.added) added += chunks[i]!.count;
        else removed += chunks[i]!.count;
        i++;
      }
      this.region(base, heading, baseUnits, b, b + removed, upload.slice(u, u + added));
      b += removed;
      u += added;
    }
  }

  /** A run of changed lines: base units [from, to) became the upload units `added`. */
  private region(base: SectionBase, heading: string, units: BaseUnit[], from: number, to: number, added: UploadUnit[]) {
    const removed = units.slice(from, to);
    const author = (hunkUnits: UploadUnit[], ranges?: { unit: number; start: number; end: number }[]) => {
      if (!this.tracked) return { author: null, date: null };
      for (const [k, unit] of hunkUnits.entries()) {
        const within = ranges?.find((r) => r.unit === k);
        for (const r of acceptedRanges(unit.paragraph)) {
          if (within && (r.end < within.start || r.start > within.end)) continue;
          return { author: r.change.author, date: r.change.date };
        }
      }
      return { author: null, date: null };
    };
    if (!removed.length) {
      // New paragraphs: after the line before them (after its table, for a table's last cell), or at the start.
      // A generated line the file has more of (copied from elsewhere) brings nothing to write.
      const written = added.filter((a) => a.text !== TOKEN);
      const before = units[from - 1];
      const cell = before?.line.kind === "cell" && written.every((a) => a.inTable);
      const words = written.map((a) => escapeMarkdown(a.text)).filter(Boolean);
      if (!words.length) return;
      let at: number;
      let replacement: string;
      if (!before) {
        at = 0;
        replacement = `${words.join("\n\n")}\n\n`;
      } else if (cell) {
        at = before.line.to;
        replacement = ` ${words.join(" ")}`;
      } else {
        at = before.line.kind === "cell" ? endOfRow(base.body, units, from - 1) : before.line.to;
        replacement = `\n\n${words.join("\n\n")}`;
      }
      const quote = before ? tail(before.text === TOKEN ? "" : before.text) : "";
      this.suggest(base, heading, at, at, replacement, quote, author(written));
      return;
    }

    // Words inside the changed lines.
    const rText = removed.map((r) => r.text).join("\n");
    const aText = added.map((a) => a.text).join("\n");
    const rSrc: number[] = [];
    const rUnit: number[] = [];
    removed.forEach((r, k) => {
      if (k) {
        rSrc.push(-2);
        rUnit.push(-1);
      }
      rSrc.push(...r.src);
      for (let c = 0; c < r.text.length; c++) rUnit.push(k);
    });
    const aUnit: number[] = [];
    const aSrc: number[] = [];
    added.forEach((a, k) => {
      if (k) {
        aUnit.push(-1);
        aSrc.push(-1);
      }
      aSrc.push(...a.src);
      for (let c = 0; c < a.text.length; c++) aUnit.push(k);
    });
    const parts = diffWordsWithSpace(rText, aText, { timeout: DIFF_TIMEOUT_MS });
    if (!parts) {
      this.unplace({ kind: "suggestion", reason: "not-found", text: aText, sectionId: base.id, heading, author: null });
      return;
    }
    const hunks: Hunk[] = [];
    let r = 0;
    let a = 0;
    let open: Hunk | null = null;
    let gap: { r: number; a: number } | null = null;
    for (const part of parts) {
      if (!part.added && !part.removed) {
        // A single space between two changes joins them.
        if (open && !gap && /^[ ]$/.test(part.value)) gap = { r, a };
        else if (open) {
          hunks.push(open);
          open = null;
          gap = null;
        }
        r += part.value.length;
        a += part.value.length;
        continue;
      }
      if (open && gap) {
        open.rb = r;
        open.ab = a;
        open.added = aText.slice(open.aa, a);
        gap = null;
      }
      open ??= { ra: r, rb: r, added: "", aa: a, ab: a };
      if (part.added) {
        a += part.value.length;
        open.ab = a;
        open.added = aText.slice(open.aa, a);
      } else {
        r += part.value.length;
        open.rb = r;
      }
    }
    if (open) hunks.push(open);

    const cells = removed.some((x) => x.line.kind === "cell");
    const code = removed.some((x) => x.line.kind === "code");
    for (const hunk of hunks) {
      trimSharedSpace(hunk, rText);
      const oldText = rText.slice(hunk.ra, hunk.rb);
      if (!oldText.replace(/\n/g, " ").trim() && !hunk.added.replace(/\n/g, " ").trim()) continue; // white space only
      if (oldText.replace(/\n/g, " ").trim() === hunk.added.replace(/\n/g, " ").trim()) continue; // paragraphs joined or split
      const touched = new Set<number>();
      for (let c = hunk.aa; c < hunk.ab; c++) if (aUnit[c]! >= 0) touched.add(aUnit[c]!);
      const ranges = [...touched].map((k) => {
        const idx = [];
        for (let c = hunk.aa; c < hunk.ab; c++) if (aUnit[c] === k) idx.push(aSrc[c]!);
        return { unit: k, start: idx[0] ?? 0, end: (idx.at(-1) ?? 0) + 1 };
      });
      // A deletion's place on the upload side: the unit and index at its position.
      if (!ranges.length) {
        const c = Math.min(hunk.aa, aText.length - 1);
        if (c >= 0 && aUnit[c]! >= 0) ranges.push({ unit: aUnit[c]!, start: aSrc[c]!, end: aSrc[c]! });
        else if (c > 0 && aUnit[c - 1]! >= 0) ranges.push({ unit: aUnit[c - 1]!, start: aSrc[c - 1]! + 1, end: aSrc[c - 1]! + 1 });
      }
      const who = author(
        ranges.map((x) => added[x.unit]!),
        ranges.map((x, k) => ({ ...x, unit: k })),
      );
      const inserted = hunk.added
        .split("\n")
        .map((w) => (code ? w : escapeMarkdown(w)))
        .join(cells ? " " : "\n\n");
      const chars: number[] = [];
      for (let c = hunk.ra; c < hunk.rb; c++) if (rSrc[c] !== -2) chars.push(c);
      if (hunk.added.includes(TOKEN) || chars.some((c) => rSrc[c]! < 0)) {
        this.unplace({ kind: "suggestion", reason: "generated", text: oldText || hunk.added, sectionId: base.id, heading, author: who.author });
        continue;
      }
      if (!chars.length) {
        // An insertion: after the character before it, else before the one after it.
        const prev = hunk.ra - 1;
        const next = hunk.ra;
        let at: number;
        if (prev >= 0 && rSrc[prev]! >= 0) at = rSrc[prev]! + 1;
        else if (next < rText.length && rSrc[next]! >= 0) at = rSrc[next]!;
        else {
          this.unplace({ kind: "suggestion", reason: "generated", text: hunk.added, sectionId: base.id, heading, author: who.author });
          continue;
        }
        const left = rText.slice(0, hunk.ra).replace(/\n/g, " ");
        const right = rText.slice(hunk.ra).replace(/\n/g, " ");
        // The words on both sides, a space between them only where the text has one ("once. Members", not "once . Members").
        const quote = `${tail(left)}${/\s$/.test(left) || /^\s/.test(right) ? " " : ""}${head(right)}`.trim();
        this.suggest(base, heading, at, at, inserted, quote, who);
        continue;
      }
      let start = rSrc[chars[0]!]!;
      let end = rSrc[chars.at(-1)!]! + 1;
      if (!hunk.added) {
        // Whole lines deleted: their separator goes with them (to the next sibling line, else from the previous one).
        const first = rUnit[chars[0]!]!;
        const last = rUnit[chars.at(-1)!]!;
        const whole = (hunk.ra === 0 || rText[hunk.ra - 1] === "\n") && (hunk.rb === rText.length || rText[hunk.rb] === "\n");
        if (whole) {
          const firstLine = removed[first]!;
          const lastLine = removed[last]!;
          const next = units[from + last + 1];
          const prev = units[from + first - 1];
          const sibling = (x: BaseUnit | undefined, y: BaseUnit) => x && x.line.kind !== "cell" && x.line.kind !== "generated" && x.line.kind === y.line.kind && x.line.level === y.line.level;
          if (sibling(next, lastLine) && /^\s*$/.test(base.body.slice(lastLine.line.to, next!.line.from).replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s*$/, ""))) {
            start = Math.min(start, firstLine.line.from);
            end = next!.line.from;
          } else if (sibling(prev, firstLine)) {
            start = prev!.line.to;
            end = Math.max(end, lastLine.line.to);
          }
        }
      }
      if (inserted.length > MAX_REPLACEMENT_CHARS) {
        this.unplace({ kind: "suggestion", reason: "too-many", text: hunk.added, sectionId: base.id, heading, author: who.author });
        continue;
      }
      this.suggest(base, heading, start, end, inserted, oldText.replace(/\n/g, " "), who);
    }
  }

  private suggest(base: SectionBase, heading: string, start: number, end: number, replacement: string, quote: string, who: { author: string | null; date: string | null }) {
    if (replacement.length > MAX_REPLACEMENT_CHARS) {
      this.unplace({ kind: "suggestion", reason: "too-many", text: replacement, sectionId: base.id, heading, author: who.author });
      return;
    }
    const suggestion = makeSuggestion(base.body, start, end, replacement);
    this.add({ kind: "suggestion", sectionId: base.id, revisionId: base.revisionId, suggestion, quote: shorten(quote, PASSAGE_CHARS), author: who.author, date: who.date });
  }
}

/**
 * A change whose removed and added words begin or end with the same white space keeps it: a
 * word processor's " " → ", mostly, " after "high" is the insertion of ", mostly," (not a
 * replacement of the space), so the suggestion reads as one.
 */
function trimSharedSpace(hunk: Hunk, rText: string) {
  while (hunk.ra < hunk.rb && hunk.added && /\s/.test(rText[hunk.ra]!) && rText[hunk.ra] === hunk.added[0]) {
    hunk.ra++;
    hunk.aa++;
    hunk.added = hunk.added.slice(1);
  }
  while (hunk.ra < hunk.rb && hunk.added && /\s/.test(rText[hunk.rb - 1]!) && rText[hunk.rb - 1] === hunk.added.at(-1)) {
    hunk.rb--;
    hunk.ab--;
    hunk.added = hunk.added.slice(0, -1);
  }
}

const tail = (s: string) => s.replace(/\n/g, " ").slice(-40).replace(/^\S*\s/, "").trim();
const head = (s: string) => s.replace(/\n/g, " ").slice(0, 40).replace(/\s\S*$/, "").trim();

/** The end of the Markdown row holding a table's cell, for what comes after the table. */
function endOfRow(body: string, units: BaseUnit[], index: number): number {
  const table = units[index]!.line.table?.index;
  let last = units[index]!;
  for (let k = index + 1; k < units.length && units[k]!.line.kind === "cell" && units[k]!.line.table?.index === table; k++) last = units[k]!;
  const end = body.indexOf("\n", last.line.to);
  return end === -1 ? body.length : end;
}

/** Turns what the file says into what it would create, against the revisions it was downloaded from. `bases`: the sections its marks name (each at the marked revision), or, for a file without marks, every section of the round (at its current revision). */
export function placeReviewWord(read: ReviewWordRead, bases: Map<string, SectionBase>, language: Language): ReviewImportPreview {
  const placer = new Placer(read.tracked);
  for (const comment of read.outside.comments) placer.comment(comment, null, null, null, "outside-sections");
  for (const paragraph of read.outside.paragraphs) placer.unplaceChanges(paragraph, "outside-sections", null, null);
  let named = 0;
  const byHeading = new Map<string, SectionBase>();
  for (const base of bases.values()) byHeading.set(headingKey(`${base.number} ${base.heading}`), base);
  for (const section of read.sections) {
    const base = section.mark ? bases.get(section.mark.sectionId) : byHeading.get(headingKey(section.headingText));
    if (section.mark) named++;
    if (!base) {
      const sectionId = section.mark?.sectionId ?? null;
      for (const comment of section.comments) placer.comment(comment, sectionId, null, section.headingText, "unknown-section");
      if (read.tracked) for (const paragraph of section.paragraphs) placer.unplaceChanges(paragraph, "unknown-section", sectionId, section.headingText);
      else placer.unplace({ kind: "suggestion", reason: "unknown-section", text: section.headingText, sectionId, heading: section.headingText, author: null });
      continue;
    }
    placer.section(section, base);
  }
  for (const { kind, count } of read.unsupported)
    if (kind !== "field") placer.unplace({ kind: "suggestion", reason: "unsupported", text: kind, count, sectionId: null, heading: null, author: null });
  return placer.finish(language, named || read.sections.length);
}
