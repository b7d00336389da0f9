import type * as M from "mdast";
import { directiveFromMarkdown, directiveToMarkdown } from "mdast-util-directive";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown, gfmToMarkdown } from "mdast-util-gfm";
import { toMarkdown, type Options as ToMarkdownOptions } from "mdast-util-to-markdown";
import { directive } from "micromark-extension-directive";
import { gfm } from "micromark-extension-gfm";
import { normalizeIdentifier } from "micromark-util-normalize-identifier";
import { Fragment, type Mark, type Node } from "prosemirror-model";
import { EVIDENCE_KINDS, schema, type EvidenceKind } from "#src/client/editor/schema.ts";

// Markdown <-> the editor's document, byte for byte for what was not edited.
//
// Parsing keeps, on every top-level block, the exact Markdown it came from (`src`), the exact text
// before it (`gap`) and a signature of its content (`sig`); the document keeps the text after the
// last block (`trail`). Writing back, a block whose content still has its signature is written
// as `src` after its `gap`; a changed or new block is written fresh by mdast-util-to-markdown in
// the house style. The result is parsed again and compared with the document: should joining old
// and new blocks have changed the meaning (two lists that now touch, a paragraph that would run
// into the next), the blocks around the edits are separated by a blank line, and as a last resort
// the whole text is written fresh. The parse is remark's (GFM and directives, no typography), the
// one the site renders with, so the words are exactly what was typed.

const S = schema.nodes;

function parse(markdown: string): M.Root {
  return fromMarkdown(markdown, { extensions: [gfm(), directive()], mdastExtensions: [gfmFromMarkdown(), directiveFromMarkdown()] });
}

/** The house style of the corpus: "-" bullets, "*" emphasis and strong, ``` fences, one space after a list marker. */
const STYLE: ToMarkdownOptions = {
  bullet: "-",
  bulletOrdered: ".",
  emphasis: "*",
  strong: "*",
  fence: "`",
  fences: true,
  listItemIndent: "one",
  rule: "-",
  extensions: [gfmToMarkdown(), directiveToMarkdown({ preferUnquoted: true })],
};

const write = (node: M.Nodes) => toMarkdown(node, STYLE).replace(/\n$/, "");

// ---------------------------------------------------------------------------------------------
// Signatures

/** A text that changes whenever what a node holds changes (its origin attributes aside). */
function describeNode(node: Node, out: string[]) {
  out.push("(", node.type.name);
  for (const [key, value] of Object.entries(node.attrs)) if (key !== "src" && key !== "sig" && key !== "gap") out.push(` ${key}=${JSON.stringify(value)}`);
  for (const mark of node.marks) out.push(` +${mark.type.name}${Object.keys(mark.attrs).length ? JSON.stringify(mark.attrs) : ""}`);
  if (node.isText) out.push(` ${JSON.stringify(node.text)}`);
  node.forEach((child) => describeNode(child, out));
  out.push(")");
}

/** cyrb53: a fast 53-bit string hash, enough to tell a changed block from an unchanged one. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The signature of a node's content, as stored in `sig` when it is parsed. */
export function signature(node: Node): string {
  const out: string[] = [];
  describeNode(node, out);
  const described = out.join("");
  return `${described.length}:${hash(described)}`;
}

/** Whether a top-level block still holds what it was parsed from. */
export const isUnchanged = (node: Node) => typeof node.attrs.src === "string" && node.attrs.sig === signature(node);

// ---------------------------------------------------------------------------------------------
// Markdown -> document

// The caption convention of content/parse.ts: the paragraph right after a table, starting "Table:".
const CAPTION = /^(?:Table|Tableau|Tabla)?[ \u00a0\u202f]?:\s+/;

function captionOf(paragraph: M.Paragraph): { prefix: string; children: M.PhrasingContent[] } | undefined {
  const [first, ...rest] = paragraph.children;
  if (first?.type !== "text") return undefined;
  const match = CAPTION.exec(first.value);
  if (!match) return undefined;
  const value = first.value.slice(match[0].length);
  const children = value ? [{ ...first, value }, ...rest] : rest;
  return children.length ? { prefix: match[0], children } : undefined;
}

const isEvidenceKind = (name: string): name is EvidenceKind => (EVIDENCE_KINDS as readonly string[]).includes(name);

/** A directive the editor shows as evidence: a reference kind, `ref` its only attribute. */
function evidenceOf(node: M.Nodes): { kind: EvidenceKind; ref: string } | undefined {
  if (node.type !== "leafDirective" && node.type !== "textDirective") return undefined;
  const attributes = Object.keys(node.attributes ?? {});
  if (!isEvidenceKind(node.name) || attributes.length !== 1 || attributes[0] !== "ref") return undefined;
  return { kind: node.name, ref: node.attributes?.ref ?? "" };
}

type Built = { node: Node; end?: number };

class Reader {
  constructor(private readonly markdown: string) {}

  /** Block children, pairing each table with its caption paragraph. */
  blocks(children: M.RootContent[], top = false): Built[] {
    const out: Built[] = [];
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      const next = children[i + 1];
      if (child.type === "table") {
        const caption = next?.type === "paragraph" ? captionOf(next) : undefined;
        out.push({ node: this.table(child, caption), end: caption ? next!.position?.end.offset : undefined });
        if (caption) i++;
        continue;
      }
      out.push({ node: this.block(child, top) });
    }
    return out;
  }

  private container(children: M.RootContent[]): Node[] {
    const nodes = this.blocks(children).map((b) => b.node);
    return nodes.length ? nodes : [S.paragraph.create()];
  }

  private block(node: M.RootContent, top: boolean): Node {
    switch (node.type) {
      case "paragraph":
        return S.paragraph.create(null, this.inline(node.children, []));
      case "heading":
        return S.heading.create({ level: node.depth }, this.inline(node.children, []));
      case "thematicBreak":
        return S.horizontal_rule.create();
      case "blockquote":
        return S.blockquote.create(null, this.container(node.children));
      case "list":
        return (node.ordered ? S.ordered_list : S.bullet_list).create(
          node.ordered ? { start: node.start ?? 1, spread: this.spread(node) } : { spread: this.spread(node) },
          node.children.map((item) => S.list_item.create({ spread: Boolean(item.spread), checked: item.checked ?? null }, this.container(item.children))),
        );
      case "code":
        return S.code_block.create({ lang: node.lang ?? null, meta: node.meta ?? null }, node.value ? schema.text(node.value) : null);
      case "footnoteDefinition":
        return S.footnote_definition.create({ label: node.label ?? node.identifier }, this.container(node.children));
      case "html":
        return S.raw.create({ value: top ? this.source(node) : node.value });
      default: {
        const evidence = evidenceOf(node);
        if (evidence && node.type === "leafDirective" && node.children.length === 0) return S.evidence.create(evidence);
        // Kept as written at the top; inside a list or quote, as to-markdown writes it (the
        // container's own source is what is kept byte for byte).
        return S.raw.create({ value: top ? this.source(node) : write(node) });
      }
    }
  }

  /**
   * Whether a blank line separates two of a list's items (a loose list). Read from the source:
   * mdast also calls a list in a block quote loose when a blank line and another list follow it.
   */
  private spread(list: M.List): boolean {
    for (let i = 1; i < list.children.length; i++) {
      const end = list.children[i - 1]!.position?.end.offset;
      const start = list.children[i]!.position?.start.offset;
      if (end === undefined || start === undefined) return Boolean(list.spread);
      if (/\n[ \t>]*\n/.test(this.markdown.slice(end, start))) return true;
    }
    return false;
  }

  private table(node: M.Table, caption: { prefix: string; children: M.PhrasingContent[] } | undefined): Node {
    const width = node.children[0]?.children.length ?? 0;
    const align = node.align ?? [];
    const rows = node.children.map((row, r) => {
      const cells: Node[] = [];
      for (let c = 0; c < width; c++) {
        const cell = row.children[c];
        cells.push((r === 0 ? S.table_header : S.table_cell).create({ align: align[c] ?? null }, cell ? this.inline(cell.children, [], true) : null));
      }
      return S.table_row.create(null, cells);
    });
    const table = S.table.create(null, rows);
    return S.table_figure.create(null, caption ? [table, S.table_caption.create({ prefix: caption.prefix }, this.inline(caption.children, []))] : [table]);
  }

  private source(node: M.Nodes): string {
    const p = node.position;
    return p?.start.offset !== undefined && p.end.offset !== undefined ? this.markdown.slice(p.start.offset, p.end.offset) : write(node);
  }

  inline(children: M.PhrasingContent[], marks: readonly Mark[], cell = false): Node[] {
    const out: Node[] = [];
    const raw = (value: string) => out.push(S.raw_inline.create({ value }, null, marks));
    for (const node of children) {
      switch (node.type) {
        case "text":
          if (node.value) out.push(schema.text(node.value, marks));
          break;
        case "emphasis":
          out.push(...this.inline(node.children, schema.marks.em.create().addToSet(marks), cell));
          break;
        case "strong":
          out.push(...this.inline(node.children, schema.marks.strong.create().addToSet(marks), cell));
          break;
        case "delete":
          out.push(...this.inline(node.children, schema.marks.strike.create().addToSet(marks), cell));
          break;
        case "inlineCode":
          // A line ending in a code span reads as a space (CommonMark), and is written as one.
          if (node.value) out.push(schema.text(node.value.replace(/\r\n|\r|\n/g, " "), schema.marks.code.create().addToSet(marks)));
          else raw(write(node));
          break;
        case "link": {
          const inner = this.inline(node.children, schema.marks.link.create({ href: node.url, title: node.title ?? null }).addToSet(marks), cell);
          if (inner.length) out.push(...inner);
          else raw(write(node));
          break;
        }
        case "image":
          out.push(S.image.create({ src: node.url, alt: node.alt ?? "", title: node.title ?? null }, null, marks));
          break;
        case "break":
          if (cell) raw(write(node));
          else out.push(S.hard_break.create(null, null, marks));
          break;
        case "footnoteReference":
          out.push(S.footnote_ref.create({ label: node.label ?? node.identifier }, null, marks));
          break;
        case "html":
          raw(node.value);
          break;
        default: {
          const evidence = evidenceOf(node);
          if (evidence && node.type === "textDirective" && node.children.every((c) => c.type === "text")) {
            out.push(S.evidence_inline.create({ ...evidence, label: node.children.map((c) => (c).value).join("") }, null, marks));
          } else raw(write(node));
        }
      }
    }
    return out;
  }
}

/** The Markdown of a section as the editor's document (see the top of this file). */
export function markdownToDoc(markdown: string): Node {
  const root = parse(markdown);
  const built = new Reader(markdown).blocks(root.children, true);
  if (!built.length) return schema.node("doc", { lead: "", trail: markdown }, [withOrigin(S.paragraph.create(), "", "")]);
  const blocks: Node[] = [];
  let cursor = -1;
  let lead = "";
  let index = 0;
  for (const { node, end: captionEnd } of built) {
    const first = root.children[index]!;
    index += captionEnd === undefined ? 1 : 2;
    let start = first.position!.start.offset!;
    const end = captionEnd ?? first.position!.end.offset!;
    // A setext heading may claim the definitions before it: they are the previous block's.
    if (cursor >= 0 && start < cursor) {
      start = cursor;
      while (start < end && /\s/.test(markdown[start]!)) start++;
    }
    if (cursor < 0) lead = markdown.slice(0, start);
    blocks.push(withOrigin(node, markdown.slice(start, end), cursor < 0 ? "" : markdown.slice(cursor, start)));
    cursor = end;
  }
  return schema.node("doc", { lead, trail: markdown.slice(cursor) }, blocks);
}

const withOrigin = (node: Node, src: string, gap: string) => node.type.create({ ...node.attrs, src, gap, sig: signature(node) }, node.content, node.marks);

// ---------------------------------------------------------------------------------------------
// Document -> mdast (the fresh writer)

const WS_START = /^[ \t\n]+/;
const WS_END = /[ \t\n]+$/;

/** Inline content without the whitespace Markdown cannot hold at the start and end of a block. */
function trimmed(parent: Node): Node[] {
  const nodes: Node[] = [];
  parent.forEach((n) => nodes.push(n));
  if (parent.type.spec.code) return nodes;
  const plain = (n: Node | undefined): n is Node => Boolean(n?.isText && !schema.marks.code.isInSet(n.marks));
  while (plain(nodes[0]) && WS_START.test(nodes[0].text!)) {
    const rest = nodes[0].text!.replace(WS_START, "");
    if (rest) nodes[0] = schema.text(rest, nodes[0].marks);
    else nodes.shift();
  }
  while (plain(nodes.at(-1)) && WS_END.test(nodes.at(-1)!.text!)) {
    const rest = nodes.at(-1)!.text!.replace(WS_END, "");
    if (rest) nodes[nodes.length - 1] = schema.text(rest, nodes.at(-1)!.marks);
    else nodes.pop();
  }
  while (nodes.length && nodes.at(-1)!.type === S.hard_break) nodes.pop();
  while (nodes.length && nodes[0]!.type === S.hard_break) nodes.shift();
  return nodes;
}

const MARK_ORDER = ["link", "strike", "strong", "em"];

function leaf(node: Node): M.PhrasingContent {
  switch (node.type) {
    case S.hard_break:
      return { type: "break" };
    case S.image:
      return { type: "image", url: node.attrs.src, alt: node.attrs.alt || null, title: node.attrs.title ?? null };
    case S.footnote_ref:
      return { type: "footnoteReference", identifier: normalizeIdentifier(node.attrs.label).toLowerCase(), label: node.attrs.label };
    case S.evidence_inline:
      return { type: "textDirective", name: node.attrs.kind, attributes: { ref: node.attrs.ref }, children: node.attrs.label ? [{ type: "text", value: node.attrs.label }] : [] };
    case S.raw_inline:
      return { type: "html", value: node.attrs.value };
    default:
      return { type: "text", value: node.text ?? "" };
  }
}

/** Flat runs of marked inline nodes back into nested mdast, each mark spanning as far as it can. */
function phrasing(nodes: readonly Node[], applied: readonly Mark[] = []): M.PhrasingContent[] {
  const out: M.PhrasingContent[] = [];
  const pending = (node: Node) => node.marks.filter((m) => !m.isInSet(applied));
  let i = 0;
  while (i < nodes.length) {
    const node = nodes[i]!;
    const marks = pending(node).filter((m) => m.type !== schema.marks.code);
    if (!marks.length) {
      if (node.isText && schema.marks.code.isInSet(node.marks)) {
        // Inline code: a literal, never nested further.
        let value = node.text!;
        let j = i + 1;
        while (j < nodes.length && nodes[j]!.isText && schema.marks.code.isInSet(nodes[j]!.marks) && !pending(nodes[j]!).some((m) => m.type !== schema.marks.code)) value += nodes[j++]!.text!;
        out.push({ type: "inlineCode", value });
        i = j;
      } else {
        out.push(leaf(node));
        i++;
      }
      continue;
    }
    // The mark that spans furthest is the outermost; on a tie, links outside, then strike, strong, emphasis.
    let best = marks[0]!;
    let bestEnd = -1;
    for (const mark of [...marks].sort((a, b) => MARK_ORDER.indexOf(a.type.name) - MARK_ORDER.indexOf(b.type.name))) {
      let j = i + 1;
      while (j < nodes.length && mark.isInSet(nodes[j]!.marks)) j++;
      if (j > bestEnd) {
        best = mark;
        bestEnd = j;
      }
    }
    const children = phrasing(nodes.slice(i, bestEnd), best.addToSet(applied));
    switch (best.type.name) {
      case "link":
        out.push({ type: "link", url: best.attrs.href, title: best.attrs.title ?? null, children });
        break;
      case "strike":
        out.push({ type: "delete", children });
        break;
      case "strong":
        out.push({ type: "strong", children });
        break;
      default:
        out.push({ type: "emphasis", children });
    }
    i = bestEnd;
  }
  return out;
}

// HTML that starts an HTML block when a line begins with it (CommonMark kinds 1 to 6).
const BLOCK_HTML =
  /^<(?:script|pre|style|textarea|!--|\?|![A-Za-z]|!\[CDATA\[|\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[\s/>]|$))/i;

/**
 * to-markdown turns the line ending before raw HTML into a space (lest the HTML start a block),
 * which makes a hard break a stray backslash: a break right before Markdown kept as written is
 * written into it instead, unless that would start an HTML block anyway.
 */
function joinBreaks(children: M.PhrasingContent[]): M.PhrasingContent[] {
  const out: M.PhrasingContent[] = [];
  for (const child of children) {
    const last = out.at(-1);
    if (child.type === "html" && last?.type === "break" && !BLOCK_HTML.test(child.value)) out[out.length - 1] = { type: "html", value: `\\\n${child.value}` };
    else out.push("children" in child ? ({ ...child, children: joinBreaks(child.children) }) : child);
  }
  return out;
}

const inlineOf = (node: Node) => joinBreaks(phrasing(trimmed(node)));
const isEmptyParagraph = (node: Node) => node.type === S.paragraph && trimmed(node).length === 0;

/** Block children, leaving out empty paragraphs (Markdown has none) unless nothing else is left. */
function blockChildren(parent: Node): M.BlockContent[] {
  const kept: Node[] = [];
  parent.forEach((child) => {
    if (!isEmptyParagraph(child)) kept.push(child);
  });
  const nodes = kept.length ? kept : parent.firstChild ? [parent.firstChild] : [];
  return nodes.flatMap((n) => toMdast(n)) as M.BlockContent[];
}

/** One block of the document as mdast (a captioned table gives two: the table and its caption). */
export function toMdast(node: Node): M.RootContent[] {
  switch (node.type) {
    case S.paragraph:
      return [{ type: "paragraph", children: inlineOf(node) }];
    case S.heading:
      return [{ type: "heading", depth: Math.min(6, Math.max(1, Number(node.attrs.level) || 1)) as M.Heading["depth"], children: inlineOf(node) }];
    case S.blockquote:
      return [{ type: "blockquote", children: blockChildren(node) }];
    case S.bullet_list:
    case S.ordered_list: {
      const ordered = node.type === S.ordered_list;
      const items: M.ListItem[] = [];
      node.forEach((item) => items.push({ type: "listItem", spread: Boolean(item.attrs.spread), checked: item.attrs.checked ?? null, children: blockChildren(item) }));
      return [{ type: "list", ordered, start: ordered ? node.attrs.start : null, spread: Boolean(node.attrs.spread), children: items }];
    }
    case S.code_block:
      return [{ type: "code", lang: node.attrs.lang ?? null, meta: node.attrs.meta ?? null, value: node.textContent }];
    case S.horizontal_rule:
      return [{ type: "thematicBreak" }];
    case S.table_figure: {
      const table = node.firstChild!;
      const rows: M.TableRow[] = [];
      const align: M.AlignType[] = [];
      table.forEach((row, _, r) => {
        const cells: M.TableCell[] = [];
        row.forEach((cell) => {
          if (r === 0) align.push(cell.attrs.align ?? null);
          cells.push({ type: "tableCell", children: inlineOf(cell) });
        });
        rows.push({ type: "tableRow", children: cells });
      });
      const out: M.RootContent[] = [{ type: "table", align, children: rows }];
      const caption = node.childCount > 1 ? node.lastChild! : undefined;
      if (caption && trimmed(caption).length) out.push({ type: "paragraph", children: [{ type: "text", value: caption.attrs.prefix || "Table: " }, ...inlineOf(caption)] });
      return out;
    }
    case S.footnote_definition:
      return [{ type: "footnoteDefinition", identifier: normalizeIdentifier(node.attrs.label).toLowerCase(), label: node.attrs.label, children: blockChildren(node) }];
    case S.evidence:
      return [{ type: "leafDirective", name: node.attrs.kind, attributes: { ref: node.attrs.ref }, children: [] }];
    case S.raw:
      return [{ type: "html", value: node.attrs.value }];
    default:
      return [{ type: "paragraph", children: [{ type: "text", value: node.textContent }] }];
  }
}

/** The whole document written fresh, in the house style (what an edited document falls back to). */
export function serializeFresh(doc: Node): string {
  const children: M.RootContent[] = [];
  doc.forEach((block) => {
    if (!isEmptyParagraph(block)) children.push(...toMdast(block));
  });
  if (!children.length) return edgeOf(doc, "lead") + edgeOf(doc, "trail");
  return edgeOf(doc, "lead") + write({ type: "root", children }) + edgeOf(doc, "trail");
}

/** One block written fresh, without a final line ending. */
export const serializeBlock = (node: Node) => write({ type: "root", children: toMdast(node) });

/** The blank text before the first block or after the last, as it was typed. */
const edgeOf = (doc: Node, edge: "lead" | "trail") => {
  const value: unknown = doc.attrs[edge];
  return typeof value === "string" && /^\s*$/.test(value) ? value : "";
};

// ---------------------------------------------------------------------------------------------
// Document -> Markdown

const BLANK_LINE = /\n[ \t]*\n/;

/**
 * Old blocks as they were typed, edited ones fresh. `separate`: a block next to an edited one is
 * preceded by at least one blank line.
 */
function assemble(doc: Node, separate: boolean): string {
  let out = "";
  let previousChanged = false;
  let first = true;
  doc.forEach((block) => {
    const unchanged = isUnchanged(block);
    if (!unchanged && isEmptyParagraph(block)) return;
    // The first block follows the document's leading text; the others, their own gap (kept when
    // a block is split or retyped, which is harmless: it is blank), or a blank line when new.
    let gap = first ? "" : typeof block.attrs.gap === "string" ? block.attrs.gap : "\n\n";
    if (!first && !gap.includes("\n")) gap = "\n\n";
    if (!first && separate && (previousChanged || !unchanged) && !BLANK_LINE.test(gap)) gap = "\n\n";
    out += gap + (unchanged ? block.attrs.src : serializeBlock(block));
    previousChanged = !unchanged;
    first = false;
  });
  return edgeOf(doc, "lead") + out + edgeOf(doc, "trail");
}

// What Markdown can hold of a document, to compare a written text with what the editor shows.
function canonical(node: Node, out: string[], code = false, firstRow = false) {
  // A table's first row is its header, whatever its cells are called; alignment is the header's.
  const cell = node.type === S.table_header || node.type === S.table_cell;
  out.push("(", cell ? "cell" : node.type.name);
  for (const [key, value] of Object.entries(node.attrs)) {
    if (key === "src" || key === "sig" || key === "gap" || key === "lead" || key === "trail") continue;
    if (cell && key === "align" && !firstRow) continue;
    out.push(` ${key}=${JSON.stringify(value)}`);
  }
  for (const mark of node.marks) out.push(` +${mark.type.name}${JSON.stringify(mark.attrs)}`);
  // A line ending in running text reads as a space (and to-markdown may write it as one).
  if (node.isText) out.push(` ${JSON.stringify(code ? node.text : node.text!.replace(/\n/g, " "))}`);
  if (node.isTextblock) {
    // Merged again after trimming, as a parse would give them.
    const nodes = Fragment.fromArray(trimmed(node));
    nodes.forEach((child) => canonical(child, out, Boolean(node.type.spec.code) || Boolean(schema.marks.code.isInSet(child.marks))));
  } else if (node.type === S.table_figure && node.childCount > 1 && trimmed(node.lastChild!).length === 0) {
    canonical(node.firstChild!, out);
  } else if (node.type === S.table) {
    node.forEach((row, _, i) => canonical(row, out, false, i === 0));
  } else if (node.type === S.table_row) {
    node.forEach((child) => canonical(child, out, false, firstRow));
  } else {
    const children: Node[] = [];
    node.forEach((child) => {
      if (!isEmptyParagraph(child)) children.push(child);
    });
    if (!children.length && node.firstChild) children.push(node.firstChild);
    for (const child of children) canonical(child, out);
  }
  out.push(")");
}

/** What a document says, as far as Markdown can say it: equal for a document and the parse of its Markdown. */
export function canonicalForm(doc: Node): string {
  const out: string[] = [];
  canonical(doc, out);
  return out.join("");
}

const says = (markdown: string, doc: Node) => canonicalForm(markdownToDoc(markdown)) === canonicalForm(doc);

/**
 * The document as Markdown: unchanged blocks byte for byte with the text around them, edited
 * blocks in the house style.
 */
export function docToMarkdown(doc: Node): string {
  const kept = assemble(doc, false);
  if (says(kept, doc)) return kept;
  const separated = assemble(doc, true);
  if (separated !== kept && says(separated, doc)) return separated;
  return serializeFresh(doc);
}
