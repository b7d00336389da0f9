import { entityLength, readerLines, readerLinesAndSpans, type InlineSpan, type ReaderLine } from "#src/content/reader-lines.ts";
import { escapeMarkdown } from "#src/content/escape.ts";
import { SUGGESTION_CONTEXT, type Suggestion, type SuggestionView } from "#src/domain/review-suggestions.ts";

// Suggestions anchored in a section's Markdown: where a reader's quote is, what a change to it
// records, how it applies to the text as it is now, and what a reader sees of it. Pure: no
// database, no clock.

// ---------------------------------------------------------------------------------------------
// Reader text: a body's lines joined, each character with its place in the Markdown.

type ReaderText = { text: string; offsets: number[] };

type Entry = { lines?: ReaderLine[]; spans?: InlineSpan[]; joined: Map<string, ReaderText>; folded?: { folded: string; from: number[] } };
const cache = new Map<string, Entry>();

/** What is known of a body, the last few kept: a page shows many suggestions on one section. */
function entryOf(body: string): Entry {
  let entry = cache.get(body);
  if (!entry) {
    entry = { joined: new Map() };
    if (cache.size >= 4) cache.delete(cache.keys().next().value!);
    cache.set(body, entry);
  }
  return entry;
}

/** A body's reader lines and inline spans, parsed once for both. */
function parsed(body: string): { lines: ReaderLine[]; spans: InlineSpan[] } {
  const entry = entryOf(body);
  if (!entry.lines || !entry.spans) ({ lines: entry.lines, spans: entry.spans } = readerLinesAndSpans(body));
  return { lines: entry.lines, spans: entry.spans };
}
const linesOf = (body: string): ReaderLine[] => parsed(body).lines;
const spansOf = (body: string): InlineSpan[] => parsed(body).spans;

/** The lines' texts joined by `separator`, whose characters belong to no place (-1). */
function readerText(body: string, separator: string): ReaderText {
  const entry = entryOf(body);
  let joined = entry.joined.get(separator);
  if (joined) return joined;
  const parts: string[] = [];
  const offsets: number[] = [];
  for (const line of linesOf(body)) {
    if (parts.length) {
      parts.push(separator);
      for (let i = 0; i < separator.length; i++) offsets.push(-1);
    }
    parts.push(line.text);
    for (const o of line.offsets) offsets.push(o);
  }
  joined = { text: parts.join(""), offsets };
  entry.joined.set(separator, joined);
  return joined;
}

// ---------------------------------------------------------------------------------------------
// Folding: what a browser's selection or Word gives against what the page shows.

const SINGLE_QUOTES = new Set([..."‘’‚‛′ʼ‹›"]);
const DOUBLE_QUOTES = new Set([..."“”„‟″«»"]);
const DASHES = new Set([..."‐‑‒–—―−﹣－"]);
// Spaces of any width (the typography's narrow no-break spaces among them), zero-width
// characters and soft hyphens: a selection keeps or drops them at will.
const INVISIBLE = /[\s\u00ad\u200b-\u200d\u2060\ufeff]/;

/**
 * A text folded for matching, with, for each folded character, the index of the character of
 * `text` it comes from: no spaces at all, one kind of quote, apostrophe and dash, "…" as "...",
 * compatibility forms (ligatures, full-width letters) as their letters.
 */
export function foldForMatching(text: string): { folded: string; from: number[] } {
  const out: string[] = [];
  const from: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      // Brackets too: a footnote's number is "[1]" in a review file, "1" in a page's selection.
      if (code <= 32 || code === 127 || code === 91 || code === 93) continue;
      if (code === 45 && out[out.length - 1] === "-") continue;
      out.push(ch);
      from.push(i);
      continue;
    }
    if (INVISIBLE.test(ch)) continue;
    let folded: string;
    if (SINGLE_QUOTES.has(ch)) folded = "'";
    else if (DOUBLE_QUOTES.has(ch)) folded = '"';
    else if (DASHES.has(ch)) folded = "-";
    // A dash, or a run of them: "--" typed, "–" or "—" as Word corrects it.
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      folded = text.slice(i, i + 2);
      out.push(folded);
      from.push(i, i);
      i++;
      continue;
    } else folded = ch.normalize("NFKC");
    for (const c of folded) {
      if (INVISIBLE.test(c) || (c === "-" && out[out.length - 1] === "-")) continue;
      out.push(c);
      for (let u = 0; u < c.length; u++) from.push(i);
    }
  }
  return { folded: out.join(""), from };
}

/** The end of the Markdown token at `offset`: a character reference as a whole, else one character. */
const tokenEnd = (body: string, offset: number) => offset + (entityLength(body, offset) || 1);

/**
 * Where a quote as a reader copied it (a page's selection or Word's text; any whitespace,
 * typographic quotes, apostrophes, dashes and no-break spaces folded) is in a body: the range of
 * the Markdown from its first to its last character typed there. "missing" when the quote is not
 * in the text readers see (or only in words no one typed there, a figure's title); "ambiguous"
 * when it is there more than once. A quote may run over several paragraphs.
 */
export function locateQuote(body: string, quote: string): { start: number; end: number } | "missing" | "ambiguous" {
  const needle = foldForMatching(quote).folded;
  if (!needle) return "missing";
  const { text, offsets } = readerText(body, "\n");
  const entry = entryOf(body);
  entry.folded ??= foldForMatching(text);
  let { folded, from } = entry.folded;
  let first = folded.indexOf(needle);
  if (first < 0) {
    // Again without the words no one typed (a footnote's number, a task's box, a figure's
    // title): a selection may leave them out.
    const typed = from.flatMap((i, k) => (offsets[i]! >= 0 ? [k] : []));
    folded = typed.map((k) => folded[k]).join("");
    from = typed.map((k) => from[k]!);
    first = folded.indexOf(needle);
  }
  if (first < 0) return "missing";
  if (folded.indexOf(needle, first + 1) >= 0) return "ambiguous";
  const a = from[first]!;
  const b = from[first + needle.length - 1]!;
  let s = a;
  while (s <= b && offsets[s]! < 0) s++;
  let e = b;
  while (e >= s && offsets[e]! < 0) e--;
  if (s > b || e < s) return "missing";
  let start = offsets[s]!;
  let end = tokenEnd(body, offsets[e]!);
  // A dash run ("--") reads as one dash: taken whole.
  while (start > 0 && body[start] === "-" && body[start - 1] === "-") start--;
  while (end < body.length && body[end - 1] === "-" && body[end] === "-") end++;
  // A passage read in another order than typed (a footnote shown at the end) has no one range.
  if (end <= start) return "missing";
  return { start, end };
}

// ---------------------------------------------------------------------------------------------
// Making and applying.

const isLow = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
};

/**
 * A replacement as a member typed it (plain text) fitted to where it goes: a line break opens a
 * new paragraph ("\n\n") in a paragraph of its own or between blocks, stays a line break in a
 * code block, and reads as a space anywhere else (a list item, a quote, a table cell, a heading,
 * a footnote), where a blank line would end the block.
 */
function fitReplacement(body: string, start: number, replacement: string): string {
  const text = replacement.replace(/\r\n?/g, "\n");
  if (!text.includes("\n")) return text;
  const line = linesOf(body).find((l) => l.from <= start && start <= l.to && l.kind !== "generated");
  if (line?.kind === "code") return text;
  const paragraph = !line || (line.kind === "paragraph" && !/^[ \t]|\n[ \t]*[>|]|^[>|]/.test(body.slice(line.from, line.to)));
  return text.replace(/[ \t]*\n\s*/g, paragraph ? "\n\n" : " ");
}

const ESCAPABLE = /[!-/:-@[-`{-~]/;

/**
 * A range made safe to replace: never inside a piece of syntax, and never leaving emphasis, a
 * link or code half open. A range that holds all the words of a span holds its syntax too (the
 * words go with their marks); one that starts in a span's words and ends past it keeps the span
 * closed before the replacement (`close`), one that starts before a span and ends in its words
 * opens it again after the replacement (`open`). Spaces at the cut move outside the marks, where
 * Markdown wants them.
 */
function balance(body: string, start: number, end: number): { start: number; end: number; close: string; open: string } {
  // An escaped character goes with its backslash.
  const escaped = (at: number) => {
    let n = 0;
    while (at - 1 - n >= 0 && body[at - 1 - n] === "\\") n++;
    return n % 2 === 1 && ESCAPABLE.test(body[at] ?? "");
  };
  // Never inside a character reference ("&amp;" is one character to readers).
  const reference = (at: number) => {
    for (let p = at - 1; p >= 0 && p >= at - 40; p--) {
      if (body[p] === "&") {
        const length = entityLength(body, p);
        return length && p + length > at ? { from: p, to: p + length } : undefined;
      }
      if (body[p] === ";" || body[p] === " " || body[p] === "\n") return undefined;
    }
    return undefined;
  };
  const inStart = reference(start);
  if (inStart && start === end) start = end = inStart.to;
  else if (inStart) start = inStart.from;
  const inEnd = reference(end);
  if (inEnd) end = inEnd.to;
  if (start < end && start > 0 && escaped(start)) start--;
  if (end > start && end < body.length && body[end - 1] === "\\" && escaped(end)) end++;
  const spans = spansOf(body);
  const insertion = start === end;
  for (let changed = true, rounds = 0; changed && rounds < 64; rounds++) {
    changed = false;
    for (const sp of spans) {
      if (end <= sp.from && !insertion) continue;
      if (start >= sp.to) continue;
      if (sp.atomic) {
        if (insertion ? start > sp.from : start > sp.from || end < sp.to) {
          const [s0, e0] = insertion ? [sp.to, sp.to] : [Math.min(start, sp.from), Math.max(end, sp.to)];
          if (s0 !== start || e0 !== end) [start, end, changed] = [s0, e0, true];
        }
        continue;
      }
      if (insertion) {
        if (start > sp.from && start < sp.contentFrom) [start, end, changed] = [sp.contentFrom, sp.contentFrom, true];
        else if (start > sp.contentTo && start < sp.to) [start, end, changed] = [sp.contentTo, sp.contentTo, true];
        continue;
      }
      let s0 = start;
      let e0 = end;
      if (s0 > sp.from && s0 < sp.contentFrom) s0 = sp.contentFrom;
      if (s0 > sp.contentTo && s0 < sp.to) s0 = sp.to;
      if (e0 > sp.contentTo && e0 < sp.to) e0 = sp.contentTo;
      if (e0 > sp.from && e0 < sp.contentFrom) e0 = sp.from;
      if (e0 <= s0) {
        // Nothing but syntax: the span as a whole.
        s0 = sp.from;
        e0 = sp.to;
      } else if (s0 <= sp.contentFrom && e0 >= sp.contentTo && !(s0 === sp.contentFrom && e0 === sp.contentTo)) {
        // All its words, and more: the span goes as a whole.
        s0 = Math.min(s0, sp.from);
        e0 = Math.max(e0, sp.to);
      }
      if (s0 !== start || e0 !== end) [start, end, changed] = [s0, e0, true];
    }
  }
  if (insertion) return { start, end, close: "", open: "" };
  // Spans the range leaves half: closed before the replacement, opened again after it.
  const closing = spans.filter((sp) => !sp.atomic && start > sp.contentFrom && start < sp.contentTo && end >= sp.to).sort((a, b) => a.contentTo - b.contentTo);
  const opening = spans.filter((sp) => !sp.atomic && start <= sp.from && end > sp.contentFrom && end < sp.contentTo).sort((a, b) => a.from - b.from);
  let close = closing.map((sp) => body.slice(sp.contentTo, sp.to)).join("");
  let open = opening.map((sp) => body.slice(sp.from, sp.contentFrom)).join("");
  if (close) {
    let ws = "";
    while (start > 0 && /[ \t]/.test(body[start - 1]!) && closing.every((sp) => start - 1 > sp.contentFrom)) ws = body[--start]! + ws;
    if (!ws && closing.length === 1) {
      // Cut inside a word: a mark closed there may not close at all ("_a b_" cut after "a"),
      // so the words kept lose the mark instead.
      const sp = closing[0]!;
      close = body.slice(sp.contentFrom, start);
      start = sp.from;
    } else close += ws;
  }
  if (open) {
    let ws = "";
    while (end < body.length && /[ \t]/.test(body[end]!) && opening.every((sp) => end + 1 < sp.contentTo)) ws += body[end++]!;
    if (!ws && opening.length === 1) {
      const sp = opening[0]!;
      open = body.slice(end, sp.contentTo);
      end = sp.to;
    } else open = ws + open;
  }
  return { start, end, close, open };
}

/**
 * A suggestion on body's [start, end) (start === end: an insertion), with up to
 * SUGGESTION_CONTEXT characters of context on each side (never half a surrogate pair). The range
 * is first made safe to replace (see balance): it may grow to hold the syntax around its words,
 * and the replacement then carries the marks the range cut through, so applying it leaves valid
 * Markdown.
 */
export function makeSuggestion(body: string, start: number, end: number, replacement: string): Suggestion {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > body.length) throw new RangeError(`No such range in the text: [${start}, ${end})`);
  let fitted = fitReplacement(body, start, replacement);
  const balanced = balance(body, start, end);
  start = balanced.start;
  end = balanced.end;
  // At the edge of emphasis (or a link, or code) its words may not start or end with a space:
  // "** b**" is no emphasis. A replacement's edge spaces there move outside the marks; a deletion
  // takes the space it would leave; deleting all the words deletes the marks too ("****").
  const spans = spansOf(body);
  for (let changed = true; changed; ) {
    changed = false;
    for (const sp of spans) {
      if (sp.atomic || start < sp.contentFrom || end > sp.contentTo || (start === sp.from && end === sp.to)) continue;
      const atStart = start === sp.contentFrom && !balanced.close;
      const atEnd = end === sp.contentTo && !balanced.open;
      if (!fitted.trim() && (atStart || atEnd)) fitted = "";
      const lead = atStart ? /^\s*/.exec(fitted)![0] : "";
      const trail = atEnd && fitted ? /\s*$/.exec(fitted)![0] : "";
      if (lead || trail) {
        const words = fitted.slice(lead.length, fitted.length - trail.length);
        fitted = (lead ? lead + body.slice(sp.from, sp.contentFrom) : "") + words + (trail ? body.slice(sp.contentTo, sp.to) + trail : "");
        if (lead) start = sp.from;
        if (trail) end = sp.to;
        changed = true;
        continue;
      }
      if (!fitted && atStart && !balanced.open) while (end < sp.contentTo && /[ \t\n]/.test(body[end]!)) end++;
      if (!fitted && atEnd && !balanced.close) while (start > sp.contentFrom && /[ \t\n]/.test(body[start - 1]!)) start--;
      if (start === sp.contentFrom && end === sp.contentTo && !fitted && !balanced.close && !balanced.open) {
        start = sp.from;
        end = sp.to;
        changed = true;
      }
    }
  }
  replacement = balanced.close + fitted + balanced.open;
  let before = Math.max(0, start - SUGGESTION_CONTEXT);
  if (before > 0 && isLow(body, before)) before++;
  let after = Math.min(body.length, end + SUGGESTION_CONTEXT);
  if (after < body.length && isLow(body, after)) after--;
  return { start, end, exact: body.slice(start, end), prefix: body.slice(before, start), suffix: body.slice(end, after), replacement };
}

/** What a member may propose on a quoted passage. */
export type SuggestedChange = "replace" | "insert" | "delete";

export type SuggestionRequest = { body: string; quote: string; change: SuggestedChange; replacement: string };

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * A member's suggestion as typed on a page: their quote found in `body`, their replacement (plain
 * text: Markdown characters escaped) put in its place, or inserted after it with a space at a join
 * between two words, and the words readers will see of it. "missing" or "ambiguous" for a quote
 * found nowhere or more than once. Parses the body: for a large one, run it in the worker pool.
 */
export function suggestionFor({ body, quote, change, replacement }: SuggestionRequest): Suggestion | "missing" | "ambiguous" {
  const found = locateQuote(body, quote);
  if (typeof found === "string") return found;
  let plain = change === "delete" ? "" : escapeMarkdown(replacement);
  if (change === "insert") {
    // "reliable data" + "shared between agencies": "reliable data shared between agencies".
    const lastQuoted = [...quote.trimEnd()].pop() ?? "";
    if (WORD_CHARACTER.test(lastQuoted) && WORD_CHARACTER.test([...plain][0] ?? "")) plain = ` ${plain}`;
    if (WORD_CHARACTER.test(body[found.end] ?? "") && WORD_CHARACTER.test([...plain].pop() ?? "")) plain = `${plain} `;
  }
  const s = change === "insert" ? makeSuggestion(body, found.end, found.end, plain) : makeSuggestion(body, found.start, found.end, plain);
  return { ...s, view: suggestionView(body, s) };
}

/** How many characters before `at` agree with the end of `prefix`. */
function agreeBefore(body: string, at: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && at - 1 - n >= 0 && body[at - 1 - n] === prefix[prefix.length - 1 - n]) n++;
  return n;
}

/** How many characters from `at` agree with the start of `suffix`. */
function agreeAfter(body: string, at: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && at + n < body.length && body[at + n] === suffix[n]) n++;
  return n;
}

/** Characters of context that must agree, on one side at least, for `exact` found in a changed text to be the same passage. */
const CONTEXT_AGREEING = 10;

/**
 * Whether the words at `at` are the suggestion's passage by their context: the end of its prefix
 * or the start of its suffix (CONTEXT_AGREEING characters, or all of a shorter one, a context that
 * reached the text's start or end and still does) agrees.
 */
function contextAgrees(body: string, at: number, s: Suggestion): boolean {
  const side = (context: string, agreeing: number, atEdge: boolean) => (context ? agreeing >= Math.min(CONTEXT_AGREEING, context.length) && (context.length >= CONTEXT_AGREEING || atEdge) : atEdge);
  const end = at + s.exact.length;
  return side(s.prefix, agreeBefore(body, at, s.prefix), at === s.prefix.length) || side(s.suffix, agreeAfter(body, end, s.suffix), end + s.suffix.length === body.length);
}

function occurrences(body: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = body.indexOf(needle); i >= 0; i = body.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/**
 * Where an insertion goes once the text right around it changed: found by less of its context,
 * the text's start or end when it was made there, else by its words on one side alone; each
 * time only where that context is found exactly once.
 */
function insertionPoint(body: string, s: Suggestion): number | "SUGGESTION_NOT_FOUND" | "SUGGESTION_AMBIGUOUS" {
  const tries: [string, string][] = [
    [s.prefix.slice(-20), s.suffix.slice(0, 20)],
    [s.prefix.slice(-10), s.suffix.slice(0, 10)],
    [s.prefix.slice(-20), ""],
    ["", s.suffix.slice(0, 20)],
  ];
  let several = false;
  for (const [before, after] of tries) {
    if (before.length + after.length < 8) continue;
    // A context that reached the text's start (or end) must still be there.
    if (!s.prefix) {
      if (body.startsWith(after)) return 0;
      continue;
    }
    if (!s.suffix) {
      if (body.endsWith(before)) return body.length;
      continue;
    }
    const found = occurrences(body, before + after);
    if (found.length === 1) return found[0]! + before.length;
    several ||= found.length > 1;
  }
  return several ? "SUGGESTION_AMBIGUOUS" : "SUGGESTION_NOT_FOUND";
}

/** Where a suggestion's text is in a body now: the offset of `exact` (or of an insertion's point), or why not. */
export function findSuggestion(body: string, s: Suggestion, sameRevision: boolean): number | "SUGGESTION_NOT_FOUND" | "SUGGESTION_AMBIGUOUS" {
  if (sameRevision && s.start >= 0 && s.end <= body.length && body.slice(s.start, s.end) === s.exact) return s.start;
  let candidates: number[];
  if (s.exact) candidates = occurrences(body, s.exact);
  else if (s.prefix || s.suffix) {
    candidates = occurrences(body, s.prefix + s.suffix).map((i) => i + s.prefix.length);
    if (candidates.length === 0) return insertionPoint(body, s);
  }
  // An insertion into an empty text: still empty, or no telling where.
  else return body ? "SUGGESTION_AMBIGUOUS" : 0;
  if (candidates.length === 0) return "SUGGESTION_NOT_FOUND";
  // Found once, in a text changed since: the words around it must still be its own, else they
  // are the same words elsewhere (the other "not" of the paragraph).
  if (candidates.length === 1) return contextAgrees(body, candidates[0]!, s) ? candidates[0]! : "SUGGESTION_NOT_FOUND";
  // A context shorter than the most kept reached the text's start or end: it still should.
  const fromStart = s.start === s.prefix.length;
  const toEnd = s.suffix.length < SUGGESTION_CONTEXT - 1;
  let best = -1;
  let bestScore = -1;
  let tie = false;
  for (const at of candidates) {
    const before = agreeBefore(body, at, s.prefix);
    const after = agreeAfter(body, at + s.exact.length, s.suffix);
    const full = before === s.prefix.length && after === s.suffix.length;
    const anchored = (fromStart && at === s.prefix.length ? 1 : 0) + (toEnd && at + s.exact.length + s.suffix.length === body.length ? 1 : 0);
    const score = (before + after) * 4 + (full ? 3 : 0) + anchored;
    if (score > bestScore) {
      bestScore = score;
      best = at;
      tie = false;
    } else if (score === bestScore) tie = true;
  }
  const full = agreeBefore(body, best, s.prefix) === s.prefix.length && agreeAfter(body, best + s.exact.length, s.suffix) === s.suffix.length;
  return tie || !full ? "SUGGESTION_AMBIGUOUS" : best;
}

/**
 * Applies a suggestion to the current body: at its offsets when `sameRevision` and the text
 * there is still `exact`; else where `exact` (for an insertion: its prefix and suffix) is found
 * again: the one place, or among several the single one whose context agrees in full and best.
 */
export function applySuggestion(
  body: string,
  s: Suggestion,
  sameRevision: boolean,
  options: { fitLineBreaks?: boolean } = {},
): { body: string } | { refused: "SUGGESTION_NOT_FOUND" | "SUGGESTION_AMBIGUOUS" } {
  const at = findSuggestion(body, s, sameRevision);
  if (typeof at !== "number") return { refused: at };
  // An editor's own wording: its line breaks fitted to where it goes, as a member's are (a line
  // break in a list item must not end the list).
  const replacement = options.fitLineBreaks ? fitReplacement(body, at, s.replacement) : s.replacement;
  return { body: body.slice(0, at) + replacement + body.slice(at + s.exact.length) };
}

// ---------------------------------------------------------------------------------------------
// What readers see of a suggestion.

const AROUND = 60;
const squeeze = (text: string) => text.replace(/\s+/g, " ");

/** Markdown syntax taken out of a bit of context, roughly: for a suggestion whose place is lost. */
const roughWords = (markdown: string) =>
  squeeze(
    markdown
      .replace(/\[\^[^\]\s]*\]/g, "")
      .replace(/\]\([^)]*\)/g, "")
      .replace(/\\([!-/:-@[-`{-~])/g, "$1")
      .replace(/[*_`~[\]]|^#+ |\n#+ |^> |\n> /g, ""),
  );

const tail = (text: string) => {
  if (text.length <= AROUND) return text;
  const cut = text.slice(-AROUND);
  const space = cut.indexOf(" ");
  return space >= 0 && space < 15 ? cut.slice(space) : cut;
};
const head = (text: string) => {
  if (text.length <= AROUND) return text;
  const cut = text.slice(0, AROUND);
  const space = cut.lastIndexOf(" ");
  return space > AROUND - 15 ? cut.slice(0, space) : cut;
};

/** Where a range's words are in a reader text: [r0, r1) (an empty range: the point before the words after it). */
function readerRange(offsets: number[], start: number, end: number): [number, number] {
  let r0 = -1;
  let r1 = -1;
  for (let i = 0; i < offsets.length; i++) {
    const o = offsets[i]!;
    if (o >= start && o < end) {
      if (r0 < 0) r0 = i;
      r1 = i + 1;
    }
  }
  if (r0 < 0) {
    r0 = offsets.findIndex((o) => o >= start);
    if (r0 < 0) r0 = offsets.length;
    r1 = r0;
  }
  return [r0, r1];
}

const joinedLines = (markdown: string) => {
  const lines = readerLines(markdown);
  const offsets: number[] = [];
  lines.forEach((line, i) => {
    if (i) offsets.push(-1);
    for (const o of line.offsets) offsets.push(o);
  });
  return { text: lines.map((l) => l.text).join(" "), offsets };
};

/**
 * The words a replacement adds as readers will see them: the blocks around the change read
 * before and after it, what is new between the words kept. The replacement's own text, spaces
 * squeezed, when that cannot tell.
 */
function addedWords(body: string, start: number, end: number, replacement: string): string {
  const plain = squeeze(replacement).trim();
  if (!replacement) return "";
  const w0 = start === 0 ? 0 : body.lastIndexOf("\n\n", start - 1) + 1;
  const found = body.indexOf("\n\n", end);
  const w1 = found < 0 ? body.length : found;
  if (w1 - w0 > 20_000) return plain;
  const window = body.slice(w0, w1);
  const before = joinedLines(window);
  const after = joinedLines(window.slice(0, start - w0) + replacement + window.slice(end - w0)).text;
  const [r0, r1] = readerRange(before.offsets, start - w0, end - w0);
  const kept = before.text.length - r1;
  let p = 0;
  while (p < r0 && p < after.length && before.text[p] === after[p]) p++;
  let q = 0;
  while (q < kept && q < after.length - p && before.text[before.text.length - 1 - q] === after[after.length - 1 - q]) q++;
  if (p < r0 || q < kept) return plain;
  return after.slice(p, after.length - q).trim();
}

/**
 * The words a reader sees for a suggestion (for quotes and the inline view): before (at most 60
 * characters), removed, added, after (at most 60) — plain text, no Markdown syntax, lines joined
 * by a space. `body` is the text the suggestion was made on; on another, its place is looked for
 * again, and when it is lost the suggestion's own context is shown, its syntax roughly removed.
 */
export function suggestionView(body: string, s: Suggestion): SuggestionView {
  const at = findSuggestion(body, s, true);
  if (typeof at !== "number") {
    const added = addedWords(s.prefix + s.exact + s.suffix, s.prefix.length, s.prefix.length + s.exact.length, s.replacement);
    return { before: tail(roughWords(s.prefix).trimStart()), removed: roughWords(s.exact), added, after: head(roughWords(s.suffix).trimEnd()) };
  }
  const start = at;
  const end = at + s.exact.length;
  const { text, offsets } = readerText(body, " ");
  let [r0, r1] = readerRange(offsets, start, end);
  // Spaces at the edges of what goes read as the words' neighbours' (a range may hold the space
  // a mark had to move past).
  while (r0 < r1 && text[r0] === " ") r0++;
  while (r1 > r0 && text[r1 - 1] === " ") r1--;
  return { before: tail(text.slice(0, r0)), removed: text.slice(r0, r1), added: addedWords(body, start, end, s.replacement), after: head(text.slice(r1)) };
}
