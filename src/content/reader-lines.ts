import type { FootnoteDefinition, List, Nodes, PhrasingContent, Root, RootContent, Table } from "mdast";
import { isReferenceKind, type Directive } from "#src/content/directives.ts";
import { markdownProblem } from "#src/content/limits.ts";
import { parseMarkdown, tableCaption } from "#src/content/parse.ts";

// A section's text as readers see it, one line per paragraph, heading, list item, quote
// paragraph, code block or table cell, each character tied to the place in the Markdown it was
// typed at. What a review file shows and what a reader's quote or a Word change is found by: a
// passage of the reader's text maps back to a range of the Markdown body.
//
// Lines follow what pages show: emphasis and links become their words (with marks), inline code
// its code, images their alternative text, footnote references their number "[n]" (numbered in
// the order of their first reference, as GFM does) and footnotes come last, "[n] " and their
// words. Block directives (a figure, a recommendation, a case study's card) are one "generated"
// line: words no one types in the section. Runs of spaces and line breaks read as one space
// (no-break and narrow spaces stay: they are typed on purpose); a code block keeps its spaces as
// typed, each of its line breaks read as one space. No typography is applied.

export type LineMarks = { bold?: true; italic?: true; strike?: true; code?: true; href?: string };
export type LineRun = { text: string; marks: LineMarks };
export type LineKind = "paragraph" | "heading" | "item" | "quote" | "code" | "cell" | "footnote" | "generated";
export type ReaderLine = {
  kind: LineKind;
  /** A heading's depth, or a list item's nesting (1 = top). */
  level?: number;
  /** An item of a numbered list. */
  ordered?: boolean;
  /** For a "cell": which table of the text (0 = first), where in it, and the table's size. */
  table?: { index: number; row: number; col: number; head: boolean; rows: number; cols: number };
  runs: LineRun[];
  /** The runs' texts joined. */
  text: string;
  /** Per character of `text`: its offset in the Markdown, or -1 (not typed there: a footnote's number, a figure's title). */
  offsets: number[];
  /** The Markdown the line was read from, [from, to). */
  from: number;
  to: number;
};

export type DirectiveDescription = { name: string; ref: string | undefined; label: string };
export type Describe = (directive: DirectiveDescription) => string | undefined;

type Context = { quote: boolean; level: number };

// Characters read as space and squeezed; U+00A0 and U+202F are not among them.
// Any space at a line's ends, no-break ones too: nothing a reader sees.
const EDGE_SPACE = /^\s$/;
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;
const AMPERSAND = /^&(?:amp|#0*38|#[xX]0*26);$/;
const PUNCTUATION = /[!-/:-@[-`{-~]/;
/** How far past syntax (quote markers, indentation, fences) the characters of a value are looked for. */
const WINDOW = 256;

/** The length of the HTML character reference starting at `at` in `source`, or 0. */
export function entityLength(source: string, at: number): number {
  if (source.charCodeAt(at) !== 38) return 0;
  ENTITY.lastIndex = at;
  const m = ENTITY.exec(source);
  return m ? m[0].length : 0;
}

/**
 * Each character of a node's value tied to the source it was read from, `source` starting at
 * `base`: one by one where the value is the source; else walking both, past escapes (`\*` gives
 * `*` its own place), character references (the decoded character gets the `&`'s place) and
 * syntax the value does not keep (quote markers, indentation). -1 where nothing corresponds.
 */
function align(value: string, source: string, base: number): number[] {
  const out = new Array<number>(value.length);
  if (value === source || source.endsWith(value)) {
    const shift = base + source.length - value.length;
    for (let i = 0; i < value.length; i++) out[i] = shift + i;
    return out;
  }
  let j = 0;
  for (let i = 0; i < value.length; i++) {
    const v = value[i]!;
    if (j < source.length) {
      const s = source[j]!;
      if (s === "\\" && source[j + 1] === v && PUNCTUATION.test(v)) {
        out[i] = base + j + 1;
        j += 2;
        continue;
      }
      const entity = s === "&" ? entityLength(source, j) : 0;
      if (entity && (v !== "&" || AMPERSAND.test(source.slice(j, j + entity)))) {
        out[i] = base + j;
        // A reference may decode to two code units (an astral character).
        const code = v.charCodeAt(0);
        if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) out[++i] = base + j;
        j += entity;
        continue;
      }
    }
    let k = j;
    const limit = Math.min(source.length, j + WINDOW);
    while (k < limit && !(source[k] === v || (v === " " && (source[k] === "\n" || source[k] === "\r" || source[k] === "\t")))) k++;
    if (k < limit) {
      out[i] = base + k;
      j = k + 1;
    } else out[i] = -1;
  }
  return out;
}

const marksKey = (m: LineMarks) => `${m.bold ? "b" : ""}${m.italic ? "i" : ""}${m.strike ? "s" : ""}${m.code ? "c" : ""}|${m.href ?? ""}`;

/** The characters of a line being read, with their places and marks. */
class LineText {
  chars: string[] = [];
  offsets: number[] = [];
  marks: LineMarks[] = [];

  add(text: string, offsets: number[] | number, marks: LineMarks) {
    for (let i = 0; i < text.length; i++) {
      this.chars.push(text[i]!);
      this.offsets.push(typeof offsets === "number" ? (offsets < 0 ? -1 : offsets + i) : (offsets[i] ?? -1));
      this.marks.push(marks);
    }
  }

  /** Spaces squeezed and trimmed (`keepSpaces`: a code block's spaces stay, line breaks read as one space). */
  finish(keepSpaces = false): { runs: LineRun[]; text: string; offsets: number[] } {
    const chars: string[] = [];
    const offsets: number[] = [];
    const marks: LineMarks[] = [];
    for (let i = 0; i < this.chars.length; i++) {
      const ch = this.chars[i]!;
      const code = ch.charCodeAt(0);
      if (keepSpaces ? code === 13 : false) continue;
      if (chars.length === 0 && EDGE_SPACE.test(ch)) continue;
      if (keepSpaces ? code === 10 : isSpace(code)) {
        if (!keepSpaces && (chars.length === 0 || chars[chars.length - 1] === " ")) continue;
        chars.push(" ");
      } else chars.push(ch);
      offsets.push(this.offsets[i]!);
      marks.push(this.marks[i]!);
    }
    while (chars.length && EDGE_SPACE.test(chars[chars.length - 1]!)) {
      chars.pop();
      offsets.pop();
      marks.pop();
    }
    const runs: LineRun[] = [];
    let key = "";
    for (let i = 0; i < chars.length; i++) {
      const k = marksKey(marks[i]!);
      if (runs.length && k === key) runs[runs.length - 1]!.text += chars[i];
      else {
        runs.push({ text: chars[i]!, marks: marks[i]! });
        key = k;
      }
    }
    return { runs, text: chars.join(""), offsets };
  }
}

const startOf = (node: { position?: { start: { offset?: number } } | undefined }) => node.position?.start.offset ?? -1;
const endOf = (node: { position?: { end: { offset?: number } } | undefined }) => node.position?.end.offset ?? -1;

class Reader {
  readonly lines: ReaderLine[] = [];
  private readonly definitions = new Map<string, FootnoteDefinition>();
  private readonly links = new Map<string, string>();
  private readonly numbered: string[] = [];
  private tables = 0;

  constructor(
    private readonly source: string,
    tree: Root,
    private readonly describe: Describe | undefined,
  ) {
    for (const node of tree.children) {
      if (node.type === "footnoteDefinition") this.definitions.set(node.identifier, node);
      if (node.type === "definition") this.links.set(node.identifier, node.url);
    }
    this.flow(tree.children, { quote: false, level: 0 });
    // Notes come last, as on the page; a note may refer to another, numbered after it.
    for (let i = 0; i < this.numbered.length; i++) {
      const definition = this.definitions.get(this.numbered[i]!)!;
      const start = this.lines.length;
      this.flow(definition.children, { quote: false, level: 0 });
      const lines = this.lines.slice(start);
      const first = lines.findIndex((l) => l.kind !== "cell" && l.kind !== "generated");
      lines.forEach((line, n) => {
        if (line.kind === "cell" || line.kind === "generated") return;
        line.kind = "footnote";
        delete line.level;
        delete line.ordered;
        if (n === first) {
          const label = `[${i + 1}] `;
          line.text = label + line.text;
          line.offsets = [...new Array<number>(label.length).fill(-1), ...line.offsets];
          const [head, ...rest] = line.runs;
          line.runs = head && marksKey(head.marks) === marksKey({}) ? [{ text: label + head.text, marks: head.marks }, ...rest] : [{ text: label, marks: {} }, ...line.runs];
        }
      });
      if (first < 0) {
        const text = `[${i + 1}]`;
        this.lines.push({ kind: "footnote", runs: [{ text, marks: {} }], text, offsets: new Array<number>(text.length).fill(-1), from: startOf(definition), to: endOf(definition) });
      }
    }
  }

  private push(kind: LineKind, line: LineText, from: number, to: number, extra: Partial<ReaderLine> = {}, keepSpaces = false) {
    const done = line.finish(keepSpaces);
    if (!done.text && kind !== "cell") return;
    this.lines.push({ kind, ...extra, ...done, from, to });
  }

  private flow(nodes: readonly RootContent[], context: Context) {
    for (const node of nodes) this.block(node, context);
  }

  private block(node: RootContent, context: Context) {
    switch (node.type) {
      case "paragraph":
        return this.push(context.quote ? "quote" : "paragraph", this.inline(node.children), startOf(node), endOf(node));
      case "heading":
        return this.push("heading", this.inline(node.children), startOf(node), endOf(node), { level: node.depth });
      case "blockquote":
        return this.flow(node.children, { ...context, quote: true });
      case "list":
        return this.list(node, context);
      case "table":
        return this.table(node);
      case "code":
        return this.code(node.value, startOf(node), endOf(node));
      case "html": {
        // Shown to readers as the characters typed (see html.ts).
        const line = new LineText();
        line.add(node.value, this.place(node.value, node), {});
        return this.push(context.quote ? "quote" : "paragraph", line, startOf(node), endOf(node));
      }
      case "containerDirective":
      case "leafDirective":
        return this.directiveBlock(node);
      default:
        // Thematic breaks and definitions have no words; footnote definitions come at the end.
        return;
    }
  }

  /** A value's characters tied to the source of `node`. */
  private place(value: string, node: Nodes, skip = 0): number[] | number {
    const from = startOf(node);
    const to = endOf(node);
    if (from < 0 || to < from) return -1;
    return align(value, this.source.slice(from + skip, to), from + skip);
  }

  private code(value: string, from: number, to: number) {
    const line = new LineText();
    let skip = 0;
    if (from >= 0) {
      // A fenced block's first line (its fence and info) holds none of its words.
      const source = this.source.slice(from, to);
      if (/^[ \t>]*(?:`{3,}|~{3,})/.test(source)) skip = source.indexOf("\n") < 0 ? source.length : source.indexOf("\n") + 1;
      line.add(value, align(value, source.slice(skip), from + skip), { code: true });
    } else line.add(value, -1, { code: true });
    this.push("code", line, from, to, {}, true);
  }

  private list(list: List, context: Context) {
    const level = context.level + 1;
    const ordered = Boolean(list.ordered);
    for (const item of list.children) {
      let box = item.checked === true ? "☑ " : item.checked === false ? "☐ " : "";
      for (const child of item.children) {
        if (child.type === "paragraph") {
          const line = this.inline(child.children);
          if (box) {
            const words = line;
            const boxed = new LineText();
            boxed.add(box, -1, {});
            for (let i = 0; i < words.chars.length; i++) {
              boxed.chars.push(words.chars[i]!);
              boxed.offsets.push(words.offsets[i]!);
              boxed.marks.push(words.marks[i]!);
            }
            box = "";
            this.push("item", boxed, startOf(child), endOf(child), { level, ordered });
          } else this.push("item", line, startOf(child), endOf(child), { level, ordered });
        } else if (child.type === "list") this.list(child, { ...context, level });
        else this.block(child, { ...context, level });
      }
    }
  }

  private table(table: Table) {
    const index = this.tables++;
    const caption = tableCaption(table);
    if (caption?.length) this.push("paragraph", this.inline(caption), startOf(caption[0]!), endOf(caption[caption.length - 1]!));
    const rows = table.children.length;
    const cols = Math.max(table.align?.length ?? 0, ...table.children.map((r) => r.children.length));
    table.children.forEach((row, r) => {
      row.children.forEach((cell, c) => {
        this.push("cell", this.inline(cell.children), startOf(cell), endOf(cell), { table: { index, row: r, col: c, head: r === 0, rows, cols } });
      });
    });
  }

  private labelOf(directive: Directive): string {
    const label = directive.type !== "containerDirective" ? directive.children : directive.children.flatMap((c) => (c.type === "paragraph" && (c.data as { directiveLabel?: boolean } | undefined)?.directiveLabel ? c.children : []));
    return this.inline(label).finish().text;
  }

  private directiveBlock(directive: Directive) {
    const ref = directive.attributes?.ref ?? undefined;
    const label = this.labelOf(directive);
    const text = this.describe?.({ name: directive.name, ref, label }) ?? `[${directive.name}${ref ? `: ${ref}` : label ? `: ${label}` : ""}]`;
    const line = new LineText();
    line.add(text, -1, {});
    this.push("generated", line, startOf(directive), endOf(directive));
  }

  private inline(nodes: readonly (PhrasingContent | Nodes)[], marks: LineMarks = {}, line = new LineText()): LineText {
    for (const node of nodes) {
      switch (node.type) {
        case "text":
        case "html":
          line.add(node.value, this.place(node.value, node), marks);
          break;
        case "inlineCode": {
          const from = startOf(node);
          const ticks = from < 0 ? 0 : /^`*/.exec(this.source.slice(from, endOf(node)))![0].length;
          line.add(node.value, this.place(node.value, node, ticks), { ...marks, code: true });
          break;
        }
        case "break":
          line.add(" ", startOf(node), marks);
          break;
        case "emphasis":
          this.inline(node.children, { ...marks, italic: true }, line);
          break;
        case "strong":
          this.inline(node.children, { ...marks, bold: true }, line);
          break;
        case "delete":
          this.inline(node.children, { ...marks, strike: true }, line);
          break;
        case "link":
          this.inline(node.children, { ...marks, href: node.url }, line);
          break;
        case "linkReference": {
          const url = this.links.get(node.identifier);
          this.inline(node.children, url === undefined ? marks : { ...marks, href: url }, line);
          break;
        }
        case "image":
        case "imageReference":
          line.add(node.alt ?? "", -1, marks);
          break;
        case "footnoteReference": {
          let n = this.numbered.indexOf(node.identifier);
          if (n < 0 && this.definitions.has(node.identifier)) n = this.numbered.push(node.identifier) - 1;
          if (n >= 0) line.add(`[${n + 1}]`, -1, marks);
          break;
        }
        case "textDirective": {
          const hasRef = node.attributes?.ref !== undefined && node.attributes?.ref !== null;
          if (!isReferenceKind(node.name) && !hasRef) {
            // As html.ts: inline `:word` in prose was not meant as a directive.
            line.add(`:${node.name}`, startOf(node), marks);
            this.inline(node.children, marks, line);
            break;
          }
          const before = line.chars.length;
          this.inline(node.children, marks, line);
          if (line.chars.slice(before).join("").trim()) break;
          const ref = node.attributes?.ref ?? undefined;
          if (!isReferenceKind(node.name)) break;
          line.add(this.describe?.({ name: node.name, ref, label: "" }) ?? ref ?? "", -1, marks);
          break;
        }
        default:
          if ("children" in node) this.inline(node.children as PhrasingContent[], marks, line);
      }
    }
    return line;
  }
}

/** A text refused by the Markdown limits: its paragraphs as typed, so its words can still be found. */
function plainLines(markdown: string): ReaderLine[] {
  const lines: ReaderLine[] = [];
  const blocks = /[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*/g;
  for (const m of markdown.matchAll(blocks)) {
    const line = new LineText();
    line.add(m[0], m.index, {});
    const done = line.finish();
    if (done.text) lines.push({ kind: "paragraph", ...done, from: m.index, to: m.index + m[0].length });
  }
  return lines;
}

/**
 * The text of a section as readers see it, one line per paragraph, heading, list item, quote
 * paragraph, code block, table cell (row-major), footnote (at the end, "[n] ..."), or block
 * directive ("generated", offsets all -1, text from `describe` or a fixed "[figure: ref]"-like
 * label). No typography applied.
 */
export function readerLines(markdown: string, describe?: Describe): ReaderLine[] {
  if (markdownProblem(markdown)) return plainLines(markdown);
  return new Reader(markdown, parseMarkdown(markdown), describe).lines;
}

/**
 * A piece of inline Markdown whose syntax surrounds words (emphasis, a link, code, a directive's
 * label): the whole [from, to) and its words [contentFrom, contentTo). `atomic`: no words of its
 * own to keep apart from its syntax (a footnote reference, an image, an autolink, inline HTML).
 */
export type InlineSpan = { from: number; contentFrom: number; contentTo: number; to: number; atomic: boolean };

const WRAPPERS = new Set(["emphasis", "strong", "delete", "link", "linkReference", "textDirective"]);
const ATOMS = new Set(["footnoteReference", "image", "imageReference", "html"]);

/** A text's reader lines and inline spans (outer ones before the ones they hold) from one parse. */
export function readerLinesAndSpans(markdown: string, describe?: Describe): { lines: ReaderLine[]; spans: InlineSpan[] } {
  if (markdownProblem(markdown)) return { lines: plainLines(markdown), spans: [] };
  const tree = parseMarkdown(markdown);
  return { lines: new Reader(markdown, tree, describe).lines, spans: spansOfTree(markdown, tree) };
}

function spansOfTree(markdown: string, tree: Root): InlineSpan[] {
  const spans: InlineSpan[] = [];
  const walk = (node: Nodes) => {
    const from = startOf(node);
    const to = endOf(node);
    if (from >= 0 && to > from) {
      const children = "children" in node ? (node.children as Nodes[]) : [];
      if (node.type === "inlineCode") {
        const ticks = /^`*/.exec(markdown.slice(from, to))![0].length;
        spans.push({ from, contentFrom: from + ticks, contentTo: Math.max(from + ticks, to - ticks), to, atomic: false });
      } else if (ATOMS.has(node.type) || (node.type === "link" && markdown[from] === "<")) {
        spans.push({ from, contentFrom: to, contentTo: to, to, atomic: true });
      } else if (WRAPPERS.has(node.type)) {
        const first = children.length ? startOf(children[0]!) : -1;
        const last = children.length ? endOf(children[children.length - 1]!) : -1;
        if (first < 0 || last < first) spans.push({ from, contentFrom: to, contentTo: to, to, atomic: true });
        else if (first > from || last < to) spans.push({ from, contentFrom: first, contentTo: last, to, atomic: false });
      }
    }
    if ("children" in node) for (const child of node.children as Nodes[]) walk(child);
    if (node.type === "table") for (const child of tableCaption(node) ?? []) walk(child);
  };
  walk(tree);
  return spans;
}
