import type { Comment, Element, ElementContent, Properties, Root as HastRoot, RootContent as HastContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toMdast, type Handle } from "hast-util-to-mdast";
import type { FootnoteDefinition, Heading, Nodes, Parents, PhrasingContent, Root, RootContent } from "mdast";
import { directiveToMarkdown } from "mdast-util-directive";
import { gfmToMarkdown } from "mdast-util-gfm";
import { toMarkdown, type ConstructName, type Options as ToMarkdownOptions } from "mdast-util-to-markdown";

// Pasting from Word, LibreOffice Writer or a page made by mammoth: the HTML a browser's clipboard
// carries, as Markdown in the house style. The structure stays (headings, paragraphs, nested
// lists, tables, links, bold and italic, footnotes, line breaks); what the word processor writes
// for itself goes (styles, colours, fonts, classes, conditional comments, bookmarks, comments,
// the deleted text of tracked changes, pictures that live on the writer's computer). Runs in the
// browser (the rich editor bundles it) as well as in Node: no Node built-ins here.

export const PASTE_LIMITS = {
  /** Characters of HTML read; the rest of a longer paste is left out (Word writes ten to fifteen characters of HTML per character of text). */
  chars: 3_000_000,
  /** Elements kept (paragraphs, items, cells, marks…); what follows is left out. Seventy pages of Word keep about 11,000. */
  elements: 30_000,
  /** Elements inside one another beyond this keep only their text. */
  depth: 64,
  /** Lists inside one another beyond this join the list above them. */
  listDepth: 8,
} as const;

/** The house style of Markdown: `-` bullets, `*emphasis*`, `**strong**`. */
const MARKDOWN_STYLE: ToMarkdownOptions = { bullet: "-", emphasis: "*", strong: "*", rule: "-", fences: true, listItemIndent: "one" };

// ─── Recognising the word processors' markup ────────────────────────────────────────────────

/** Footnote and endnote references: Word (`#_ftn1`), LibreOffice (`#sdfootnote1sym`), mammoth (`#footnote-1`). */
const NOTE_REF = [/^#_(ftn|edn)(\d+)$/, /^#sd(foot|end)note(\d+)sym$/, /^#(foot|end)note-(\d+)$/];
/** The notes themselves: Word's `<div id=ftn1>`, LibreOffice's `<div id="sdfootnote1">`, mammoth's `<li id="footnote-1">`. */
const NOTE_DEF = [/^_?(ftn|edn)(\d+)$/, /^sd(foot|end)note(\d+)$/, /^(foot|end)note-(\d+)$/];
/** The link from a note back to its reference, with its mark ("[1]", "1", "↑"). */
const NOTE_BACK = /^#(?:_(?:ftn|edn)ref\d+|sd(?:foot|end)note\d+anc|(?:foot|end)note-ref-\d+)$/;

const noteKey = (patterns: RegExp[], value: string): string | undefined => {
  for (const pattern of patterns) {
    const match = pattern.exec(value);
    if (match) return `${match[1]!.startsWith("e") ? "end" : "foot"}-${Number(match[2])}`;
  }
  return undefined;
};

/** Elements dropped with everything in them. */
const DROP = new Set([
  "script", "style", "template", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet", "param",
  "head", "title", "meta", "link", "base", "xml", "svg", "math", "canvas", "audio", "video", "picture", "source", "track", "map", "area",
  "input", "button", "select", "option", "optgroup", "textarea", "datalist", "dialog", "del",
]);
/** Word's classes for deleted text, comment marks and comment texts. */
const DROP_CLASS = /^(?:msoDel|MsoCommentReference|MsoCommentText|msocomanchor|msocomoff|msocomtxt)$/i;
/** Containers a word processor uses for structure: kept as blocks so their paragraphs stay apart. */
const BLOCK = new Set(["div", "section", "article", "main", "header", "footer", "nav", "aside", "figure", "figcaption", "address", "center", "details", "summary", "fieldset", "form", "body", "html", "hgroup", "dir", "menu"]);
const HEADING = /^h[1-6]$/;
const VOID = new Set(["img", "br", "hr", "wbr"]);
const INLINE_TAGS = new Set(["strong", "em", "a", "code", "q", "data"]);
const BREAKS = new Set(["br", "hr"]);
/** Elements that mean something empty. */
const KEEP_EMPTY = new Set(["img", "br", "hr", "td", "th"]);
/** A list marker Word draws itself ("1.", "a)", "iv."): an ordered list; anything else ("·", "o", "§") is a bullet. */
const ORDERED_MARKER = /^\(?(\d{1,9}|[a-z]|[ivxlcdm]{1,8})[.)]$/i;
const SAFE_HREF = /^(?:https?:\/\/|mailto:)/i;

/** The element Word's list paragraphs become until they are gathered into lists. */
const LIST_PARAGRAPH = "x-list-paragraph";
/** A footnote reference until the notes are numbered: an element hast-util-to-mdast reads as phrasing. */
const NOTE_MARK = "data";

const styleOf = (el: Element) => String(el.properties.style ?? "");
const classesOf = (el: Element): string[] => {
  const c: unknown = el.properties.className;
  return Array.isArray(c) ? c.map(String) : typeof c === "string" ? c.split(/\s+/) : [];
};
const element = (tagName: string, properties: Properties, children: ElementContent[]): Element => ({ type: "element", tagName, properties, children });
const isBlank = (node: HastContent) => (node.type === "text" && !/[^ \t\n\r\f]/.test(node.value)) || node.type === "comment";

/** The text of a subtree, without recursion (a subtree may be deeper than the stack). */
function textOf(node: HastContent): string {
  let text = "";
  const stack: HastContent[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === "text") text += n.value;
    else if (n.type === "element" && !DROP.has(n.tagName)) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return text;
}

/**
 * Word wraps what older browsers should not show in `<![if !supportLists]>` … `<![endif]>`
 * (a list's drawn bullet, a note's "[1]", a table's spacer row). The conditions are matched in
 * document order, each `[endif]` with its own `[if …]` (also `[if !vml]`, whose content stays):
 * the answer is where each skipped region opens and closes. An opening without its end skips nothing.
 */
function conditionalRegions(root: HastRoot): { opens: Set<Comment>; closes: Set<Comment> } {
  const open: Comment[] = [];
  const regions = { opens: new Set<Comment>(), closes: new Set<Comment>() };
  const stack: HastContent[] = [...root.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === "comment") {
      const value = n.value.trim();
      if (/^\[if [^\]]*\]$/i.test(value)) open.push(n);
      else if (/^\[endif\]$/i.test(value) && open.length) {
        const opening = open.pop()!;
        if (/^\[if !support/i.test(opening.value.trim())) {
          regions.opens.add(opening);
          regions.closes.add(n);
        }
      }
    } else if (n.type === "element") for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return regions;
}

// ─── Cleaning the HTML ──────────────────────────────────────────────────────────────────────

type Cleaning = {
  keepImage: (src: string) => boolean;
  regions: { opens: Set<Comment>; closes: Set<Comment> };
  /** Elements that may still be kept (PASTE_LIMITS.elements). */
  budget: number;
  /** Open `[if !support…]` regions. */
  skipping: number;
  /** Text met while skipping: a Word list paragraph's drawn marker. */
  skipped: string[];
  /** The notes found, by key, as cleaned HTML. */
  notes: Map<string, ElementContent[]>;
  inStrong: boolean;
  inEmphasis: boolean;
  inLink: boolean;
  inQuote: boolean;
};

function cleanChildren(nodes: readonly HastContent[], c: Cleaning, depth: number): ElementContent[] {
  const out: ElementContent[] = [];
  for (const node of nodes) {
    for (const cleaned of cleanNode(node, c, depth)) {
      // Adjacent texts as one node (unwrapped spans leave many; merging them later is quadratic).
      const previous = out.at(-1);
      if (cleaned.type === "text" && previous?.type === "text") previous.value += cleaned.value;
      // Space around a line break or a rule means nothing (and many such spaces cost hast-util-to-mdast quadratic time).
      else if (cleaned.type === "text" && previous?.type === "element" && BREAKS.has(previous.tagName) && !/[^ \t\n\r\f]/.test(cleaned.value)) continue;
      else if (cleaned.type === "element" && BREAKS.has(cleaned.tagName) && previous?.type === "text" && !/[^ \t\n\r\f]/.test(previous.value)) out[out.length - 1] = cleaned;
      else out.push(cleaned);
    }
  }
  return gatherListParagraphs(out);
}

function cleanNode(node: HastContent, c: Cleaning, depth: number): ElementContent[] {
  if (c.budget <= 0) return [];
  if (node.type === "comment") {
    if (c.regions.opens.has(node)) c.skipping++;
    else if (c.regions.closes.has(node)) c.skipping = Math.max(c.skipping - 1, 0);
    return [];
  }
  if (node.type === "text") {
    if (c.skipping) {
      c.skipped.push(node.value);
      return [];
    }
    return [{ type: "text", value: node.value }];
  }
  if (node.type !== "element") return [];
  const skippedAtStart = c.skipping > 0;
  if (skippedAtStart && VOID.has(node.tagName)) return [];
  const result = cleanElement(node, c, depth);
  // An element that began inside a skipped region is kept only for what follows the region's end.
  if (skippedAtStart && result.every((n) => n.type === "element" && !n.children.length)) return [];
  // Empty elements mean nothing (and a run of them costs rehype-minify-whitespace quadratic time).
  const kept = result.flatMap((n): ElementContent[] => {
    if (n.type !== "element" || KEEP_EMPTY.has(n.tagName)) return [n];
    if (!n.children.length) return [];
    if (n.children.every((child) => child.type === "text" && !/[^ \t\n\r\f]/.test(child.value))) return INLINE_TAGS.has(n.tagName) ? [{ type: "text", value: " " }] : [];
    return [n];
  });
  c.budget -= kept.length;
  return kept;
}

function cleanElement(el: Element, c: Cleaning, depth: number): ElementContent[] {
  const tag = el.tagName.toLowerCase();
  const style = styleOf(el);
  const classes = classesOf(el);
  if (DROP.has(tag) || tag.startsWith("v:") || classes.some((k) => DROP_CLASS.test(k))) return [];
  if (/(?:^|;)\s*(?:display\s*:\s*none|mso-hide\s*:\s*all|visibility\s*:\s*hidden)/i.test(style)) return [];
  // Word's comments, gathered at the end of the paste.
  if (/mso-element\s*:\s*comment/i.test(style)) return [];
  // A list marker Word draws without conditional comments around it.
  if (/mso-list\s*:\s*ignore/i.test(style)) {
    c.skipped.push(textOf(el));
    return [];
  }
  if (depth > PASTE_LIMITS.depth) {
    const text = textOf(el);
    return text ? [{ type: "text", value: text }] : [];
  }
  const all = () => cleanChildren(el.children, c, depth + 1);

  const note = noteKey(NOTE_DEF, String(el.properties.id ?? ""));
  if (note && tag !== "a") {
    c.notes.set(note, all());
    return [];
  }

  const list = /mso-list\s*:\s*l(\d+)\s+level(\d+)\s+lfo(\d+)/i.exec(style);
  if (tag === "p" && list) {
    c.skipped = [];
    const children = all();
    const marker = c.skipped.join("").replace(/[\s\u00a0]+/g, "");
    const ordered = ORDERED_MARKER.exec(marker);
    const start = ordered && /^\d+$/.test(ordered[1]!) ? Number(ordered[1]) : 1;
    return [element(LIST_PARAGRAPH, { list: `${list[1]}-${list[3]}`, level: Number(list[2]), ordered: Boolean(ordered), start }, children)];
  }
  // A paragraph of Word's list style without a list: more text of the item above it.
  if (tag === "p" && classes.some((k) => /^MsoListParagraph/i.test(k))) return [element(LIST_PARAGRAPH, { continuation: true }, all())];

  switch (tag) {
    case "a":
      return link(el, c, depth);
    case "p":
      if (classes.some((k) => /^Mso(?:Intense)?Quote$/i.test(k))) return [element("blockquote", {}, [element("p", {}, all())])];
      return [element("p", {}, all())];
    case "h1":
    case "h2":
    case "h3":
    case "h4":
    case "h5":
    case "h6":
      return [element(tag, {}, all())];
    case "blockquote": {
      // A quote inside a quote is the same quote (Markdown limits how deep they go).
      if (c.inQuote) return all();
      c.inQuote = true;
      const children = all();
      c.inQuote = false;
      return [element("blockquote", {}, children)];
    }
    case "hr":
    case "dl":
    case "dt":
    case "dd":
    case "q":
      return [element(tag, {}, all())];
    case "pre":
    case "code":
      return [element(tag, {}, all())];
    case "br":
      // A page or section break is not a line break.
      if (el.properties.clear !== undefined || /page-break/i.test(style)) return [];
      return [element("br", {}, [])];
    case "img":
      return image(el, c);
    case "ul":
    case "ol":
      return cleanList(tag, el, all());
    case "li": {
      // One paragraph in an item is its text: the list stays tight.
      const children = all();
      const paragraphs = children.filter((n) => n.type === "element" && n.tagName === "p");
      if (paragraphs.length === 1) return [element("li", {}, children.flatMap((n) => (n === paragraphs[0] ? (n as Element).children : [n])))];
      return [element("li", {}, children)];
    }
    case "table":
      return cleanTable(all());
    case "caption":
      return [element("caption", {}, all())];
    case "thead":
    case "tbody":
    case "tfoot":
    case "tr":
      return [element(tag, {}, all())];
    case "td":
    case "th": {
      const span = (v: unknown) => Math.min(Math.max(Number(v) || 1, 1), 100);
      return [element(tag, { colSpan: span(el.properties.colSpan), rowSpan: span(el.properties.rowSpan) }, all())];
    }
    case "b":
    case "strong":
      if (/(?:^|[;\s])font-weight\s*:\s*(?:normal|[1-4]00)\b/i.test(style)) return all();
      return strong(c, all);
    case "i":
    case "em":
      if (/(?:^|[;\s])font-style\s*:\s*normal\b/i.test(style)) return all();
      return emphasis(c, all);
    default:
      break;
  }
  if (BLOCK.has(tag)) return [element("div", {}, all())];
  // Spans, fonts, <o:p>, <ins> (an insertion reads as accepted) and other inline wrappers keep only their text.
  // A span styled bold or italic (how some editors write them) is bold or italic.
  if (/(?:^|[;\s])font-weight\s*:\s*(?:bold|[6-9]00)\b/i.test(style)) return strong(c, all);
  if (/(?:^|[;\s])font-style\s*:\s*italic\b/i.test(style)) return emphasis(c, all);
  return all();
}

function strong(c: Cleaning, all: () => ElementContent[]): ElementContent[] {
  if (c.inStrong) return all();
  c.inStrong = true;
  const children = all();
  c.inStrong = false;
  return [element("strong", {}, children)];
}

function emphasis(c: Cleaning, all: () => ElementContent[]): ElementContent[] {
  if (c.inEmphasis) return all();
  c.inEmphasis = true;
  const children = all();
  c.inEmphasis = false;
  return [element("em", {}, children)];
}

function link(el: Element, c: Cleaning, depth: number): ElementContent[] {
  const href = String(el.properties.href ?? "").trim();
  const note = noteKey(NOTE_REF, href);
  if (note) return [element(NOTE_MARK, { note }, [{ type: "text", value: note }])];
  if (NOTE_BACK.test(href)) return [];
  // Bookmarks, links inside the document (#_Toc…), to local files or scripts: their words only.
  if (!SAFE_HREF.test(href) || c.inLink) return cleanChildren(el.children, c, depth + 1);
  c.inLink = true;
  const children = cleanChildren(el.children, c, depth + 1);
  c.inLink = false;
  return [element("a", { href }, children)];
}

/** A picture on the web stays; one on the writer's computer or inside the clipboard leaves its description. */
function image(el: Element, c: Cleaning): ElementContent[] {
  const src = String(el.properties.src ?? "").trim();
  const alt = String(el.properties.alt ?? "").trim();
  if (c.keepImage(src)) return [element("img", { src, alt }, [])];
  return alt ? [{ type: "text", value: ` ${alt} ` }] : [];
}

function cleanList(tag: "ul" | "ol", el: Element, children: ElementContent[]): ElementContent[] {
  // LibreOffice puts numbered headings in lists (<ol><li><h1>): they are headings.
  const headings = headingsOnly(children);
  if (headings?.length) return headings;
  const items: Element[] = [];
  for (const child of children) {
    if (isBlank(child)) continue;
    if (child.type === "element" && child.tagName === "li") items.push(child);
    else if (child.type === "element" && (child.tagName === "ul" || child.tagName === "ol") && items.length) items.at(-1)!.children.push(child);
    else items.push(element("li", {}, [child]));
  }
  if (!items.length) return [];
  const start = Number(el.properties.start);
  return [element(tag, tag === "ol" && Number.isInteger(start) && start > 1 && start < 1e9 ? { start } : {}, items)];
}

function headingsOnly(nodes: readonly ElementContent[]): Element[] | undefined {
  const found: Element[] = [];
  for (const n of nodes) {
    if (isBlank(n)) continue;
    if (n.type !== "element") return undefined;
    if (HEADING.test(n.tagName)) found.push(n);
    else if (n.tagName === "li" || n.tagName === "ul" || n.tagName === "ol") {
      const inner = headingsOnly(n.children);
      if (!inner) return undefined;
      found.push(...inner);
    } else return undefined;
  }
  return found;
}

/** A table whose first row has no header cells gets it as its header (Markdown tables always have one). */
function cleanTable(children: ElementContent[]): ElementContent[] {
  const captions = children.filter((n): n is Element => n.type === "element" && n.tagName === "caption");
  const rest = children.filter((n) => !captions.includes(n as Element));
  const rows: Element[] = [];
  const collect = (nodes: readonly ElementContent[]) => {
    for (const n of nodes) {
      if (n.type !== "element") continue;
      if (n.tagName === "tr") rows.push(n);
      else if (n.tagName === "thead" || n.tagName === "tbody" || n.tagName === "tfoot") collect(n.children);
    }
  };
  collect(rest);
  const first = rows[0];
  if (!first) return captions.flatMap((caption) => caption.children);
  if (!first.children.some((n) => n.type === "element" && n.tagName === "th")) {
    for (const cell of first.children) if (cell.type === "element" && cell.tagName === "td") cell.tagName = "th";
  }
  // A caption is written after its table as `Table: …`, the house convention.
  const after = captions.filter((caption) => textOf(caption).trim()).map((caption) => element("p", {}, [{ type: "text", value: "Table: " }, ...caption.children]));
  return [element("table", {}, rest), ...after];
}

/** Word's list paragraphs side by side become lists, nested by their level. */
function gatherListParagraphs(nodes: ElementContent[]): ElementContent[] {
  if (!nodes.some((n) => n.type === "element" && n.tagName === LIST_PARAGRAPH)) return nodes;
  const out: ElementContent[] = [];
  type Open = { level: number; list: Element; id: string; ordered: boolean };
  let open: Open[] = [];
  const lastItem = (list: Element) => list.children.at(-1) as Element | undefined;
  for (const node of nodes) {
    if (node.type !== "element" || node.tagName !== LIST_PARAGRAPH) {
      if (isBlank(node)) continue;
      open = [];
      out.push(node);
      continue;
    }
    const { list: id, level: rawLevel, ordered, start, continuation } = node.properties as { list: string; level: number; ordered: boolean; start: number; continuation?: boolean };
    if (continuation) {
      const item = open.length ? lastItem(open.at(-1)!.list) : undefined;
      if (item) item.children.push(element("p", {}, node.children));
      else out.push(element("p", {}, node.children));
      continue;
    }
    const level = Math.min(Math.max(rawLevel || 1, 1), PASTE_LIMITS.listDepth);
    while (open.length && open.at(-1)!.level > level) open.pop();
    let top = open.at(-1);
    if (top && top.level === level && (top.ordered !== ordered || (open.length === 1 && top.id !== id))) {
      open.pop();
      top = open.at(-1);
    }
    if (!top || top.level < level) {
      const list = element(ordered ? "ol" : "ul", ordered && start > 1 ? { start } : {}, []);
      if (top) {
        let item = lastItem(top.list);
        if (!item) top.list.children.push((item = element("li", {}, [])));
        item.children.push(list);
      } else out.push(list);
      open.push((top = { level, list, id, ordered }));
    }
    top.list.children.push(element("li", {}, node.children));
  }
  return out;
}

// ─── From HTML to Markdown ──────────────────────────────────────────────────────────────────

const handlers: Record<string, Handle> = {
  [NOTE_MARK]: (_state, node) => ({ type: "footnoteReference", identifier: String(node.properties.note), label: String(node.properties.note) }),
};

const toMdastRoot = (children: ElementContent[]) => toMdast({ type: "root", children }, { handlers }) as Root;

/** Pasted HTML (from Word, LibreOffice, mammoth or a web page) as Markdown in the house style; never throws. */
export function pastedHtmlToMarkdown(html: string): string {
  if (typeof html !== "string" || !html) return "";
  const input = html.length > PASTE_LIMITS.chars ? html.slice(0, PASTE_LIMITS.chars) : html;
  try {
    return officeHtmlToMarkdown(input);
  } catch {
    // Something no word processor writes (a tree deeper than the stack, say): its words, as text.
    try {
      return plainText(input);
    } catch {
      return "";
    }
  }
}

export type OfficeHtmlOptions = {
  /** Which pictures stay (the others leave their description as text); by default those on the web, `https:`. */
  keepImage?: (src: string) => boolean;
  /** Headings as a section's (Heading 1 is `###`, the default) or as written (Heading 1 is `#`). */
  headings?: "section" | "as-written";
};

const onTheWeb = (src: string) => /^https:\/\//i.test(src);

/**
 * The conversion itself, for pastes and for Word files read by mammoth: HTML as word processors
 * write it to Markdown in the house style. May throw on hostile input (pastedHtmlToMarkdown does not).
 */
export function officeHtmlToMarkdown(html: string, options: OfficeHtmlOptions = {}): string {
  const hast = fromHtml(html, { fragment: true });
  const cleaning: Cleaning = { keepImage: options.keepImage ?? onTheWeb, regions: conditionalRegions(hast), budget: PASTE_LIMITS.elements, skipping: 0, skipped: [], notes: new Map(), inStrong: false, inEmphasis: false, inLink: false, inQuote: false };
  const cleaned = cleanChildren(hast.children, cleaning, 0);
  const mdast = toMdastRoot(cleaned);
  numberNotes(mdast, cleaning.notes);
  tidy(mdast);
  if (options.headings !== "as-written") levelHeadings(mdast);
  return serialize(mdast);
}

// What would start a directive in the words is escaped, so pasted words never become evidence.
// The escape of `:` in text has no condition on the character before it here: with one,
// mdast-util-to-markdown drops it when it escapes that character itself (\`:x stays a directive).
// A link's address needs no escape (`mailto:a@b`, not `mailto\:a@b`).
const directiveEscapes = {
  unsafe: (directiveToMarkdown().unsafe ?? []).map((pattern) => {
    const { before: _before, ...unconditional } = pattern;
    const inText = pattern.character === ":" && !pattern.atBreak && !pattern.afterNode;
    return { ...(inText ? unconditional : pattern), notInConstruct: [...[pattern.notInConstruct ?? []].flat(), "destinationLiteral", "destinationRaw"] as ConstructName[] };
  }),
};

const serialize = (mdast: Root) => toMarkdown(mdast, { ...MARKDOWN_STYLE, extensions: [gfmToMarkdown(), directiveEscapes] }).trim();

const ENTITIES: Record<string, string> = { nbsp: " ", lt: "<", gt: ">", quot: '"', "#39": "'", amp: "&" };

/** Text without markup, as paragraphs (Markdown's characters escaped); one pass, whatever the input. */
function plainText(html: string): string {
  const lines: string[] = [];
  let line = "";
  html.split("<").forEach((segment, i) => {
    const end = i === 0 ? -1 : segment.indexOf(">");
    if (i > 0 && end < 0) line += `<${segment}`;
    else {
      if (i > 0 && /^\/?(?:p|div|h[1-6]|li|tr|br|blockquote)\b/i.test(segment)) {
        lines.push(line);
        line = "";
      }
      line += segment.slice(end + 1);
    }
  });
  lines.push(line);
  const children: RootContent[] = lines
    .map((l) => l.replace(/&(nbsp|lt|gt|quot|#39|amp);/g, (_m, name: string) => ENTITIES[name]!).replace(/[\s\u00a0]+/g, " ").trim())
    .filter(Boolean)
    .map((value) => ({ type: "paragraph", children: [{ type: "text", value }] }));
  return serialize({ type: "root", children });
}

/**
 * Footnote references get numbers in the order they are met (1, 2, …) and their notes follow the
 * text; a reference whose note was not pasted is dropped, and so is a note nobody refers to.
 */
function numberNotes(root: Root, notes: Map<string, ElementContent[]>): void {
  const numbers = new Map<string, string>();
  const empty = new Set<string>();
  const definitions: FootnoteDefinition[] = [];
  const visit = (parent: Parents) => {
    parent.children = (parent.children as Nodes[]).filter((child) => {
      if (child.type !== "footnoteReference") {
        if ("children" in child) visit(child);
        return true;
      }
      const key = child.identifier;
      let n = numbers.get(key);
      if (!n) {
        const html = notes.get(key);
        if (!html || empty.has(key)) return false;
        const content = toMdastRoot(html).children.filter((node) => node.type !== "footnoteDefinition");
        removeNoteReferences(content);
        if (!content.some((node) => hasText(node))) {
          empty.add(key);
          return false;
        }
        n = String(numbers.size + 1);
        numbers.set(key, n);
        definitions.push({ type: "footnoteDefinition", identifier: n, label: n, children: content as FootnoteDefinition["children"] });
      }
      child.identifier = n;
      child.label = n;
      return true;
    }) as typeof parent.children;
  };
  visit(root);
  root.children.push(...definitions);
}

function removeNoteReferences(nodes: RootContent[]): void {
  for (const node of nodes) {
    if (!("children" in node)) continue;
    node.children = (node.children as Nodes[]).filter((child) => child.type !== "footnoteReference") as typeof node.children;
    removeNoteReferences(node.children);
  }
}

function hasText(node: Nodes): boolean {
  if (node.type === "text" || node.type === "inlineCode" || node.type === "code") return /\S/.test(node.value);
  if (node.type === "image" || node.type === "footnoteReference" || node.type === "thematicBreak") return true;
  return "children" in node && (node.children as Nodes[]).some(hasText);
}

// ─── Tidying the Markdown tree ──────────────────────────────────────────────────────────────

const SPACES = /[\s\u00a0\u202f\u2007\u2009\u200a]+/g;
const NO_BREAK = /[\u00a0\u202f]/g;

/**
 * Spaces as a reader sees them: runs of no-break spaces (Word's way to widen a gap) become one
 * space, but a French no-break or narrow no-break space before « ; : ! ? » or after « stays as
 * typed. Each run is looked at once, with the characters around it (a pattern looking ahead from
 * every space would take quadratic time on a long run).
 */
export function normalizeSpaces(text: string): string {
  return text.replace(/[\u00ad\u200b\u200c\u200d\u2060\ufeff]/g, "").replace(SPACES, (run: string, offset: number, whole: string) => {
    const noBreak = run.match(NO_BREAK);
    if (!noBreak) return " ";
    if (/[;:!?»]/.test(whole.charAt(offset + run.length))) return noBreak[noBreak.length - 1] ?? " ";
    if (whole.charAt(offset - 1) === "«") return noBreak[0];
    return " ";
  });
}

/** Containers whose text is one line: spaces at their edges mean nothing. */
const LINE = new Set(["paragraph", "heading", "tableCell"]);
const INLINE = new Set(["strong", "emphasis", "link", "delete"]);
const FLOW = new Set(["root", "blockquote", "listItem", "footnoteDefinition"]);

function tidy(parent: Parents, listDepth = 0): void {
  const children: Nodes[] = [];
  for (const child of parent.children as Nodes[]) {
    if (child.type === "text") {
      child.value = normalizeSpaces(child.value);
      if (child.value) children.push(child);
      continue;
    }
    if (!("children" in child)) {
      children.push(child);
      continue;
    }
    // Lists inside lists beyond the limit join the item above them.
    if (child.type === "list" && listDepth >= PASTE_LIMITS.listDepth) {
      for (const block of flattenList(child)) {
        if ("children" in block) tidy(block, listDepth);
        if (hasText(block)) children.push(block);
      }
      continue;
    }
    if (child.type === "tableCell") child.children = cellText(child.children);
    tidy(child, child.type === "list" ? listDepth + 1 : listDepth);
    if (INLINE.has(child.type)) {
      // Spaces at the edges of bold, italic or a link belong outside it; an empty one goes.
      const inner = child.children as PhrasingContent[];
      const lead = takeEdgeSpace(inner, "start");
      const trail = takeEdgeSpace(inner, "end");
      if (lead) children.push({ type: "text", value: " " });
      if (inner.length) children.push(child);
      else if (child.type === "link" && child.url) children.push(child);
      if (trail) children.push({ type: "text", value: " " });
      continue;
    }
    if ((child.type === "paragraph" || child.type === "heading") && !hasText(child)) continue;
    if ((child.type === "list" || child.type === "blockquote" || child.type === "listItem") && !child.children.length) continue;
    // Items are apart only when one holds several paragraphs (hast-util-to-mdast also counts nested lists).
    if (child.type === "listItem") child.spread = child.children.filter((n) => n.type !== "list").length > 1;
    if (child.type === "list") child.spread = child.children.some((item) => item.spread);
    // A header row needs no bold of its own.
    if (child.type === "table") {
      for (const cell of child.children[0]?.children ?? []) {
        const [only] = cell.children;
        if (cell.children.length === 1 && only?.type === "strong") cell.children = only.children;
      }
    }
    children.push(child);
  }
  // Adjacent texts join (in one pass: a paste may hold thousands); doubled spaces between them go.
  let joined: Nodes[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length) joined.push({ type: "text", value: run.length > 1 ? run.join("").replace(/ {2,}/g, " ") : run[0]! });
    run = [];
  };
  for (const child of children) {
    if (child.type === "text") run.push(child.value);
    else {
      flush();
      joined.push(child);
    }
  }
  flush();
  // Words always sit in a paragraph: a bare text among blocks is only space.
  if (FLOW.has(parent.type)) joined = joined.filter((child) => child.type !== "text" || child.value.trim());
  if (LINE.has(parent.type)) joined = trimEdges(joined as PhrasingContent[]);
  parent.children = joined as typeof parent.children;
}

/** The blocks of a list's items, lists inside it included, without the lists. */
function flattenList(list: Nodes): Nodes[] {
  const out: Nodes[] = [];
  const stack: Nodes[] = [list];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === "list" || node.type === "listItem") for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    else out.push(node);
  }
  return out;
}

const PHRASING = new Set(["text", "strong", "emphasis", "delete", "link", "inlineCode", "image", "footnoteReference"]);

/** A table cell holds one line: its paragraphs, items and line breaks join with spaces. */
function cellText(nodes: Nodes[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    if (PHRASING.has(node.type)) out.push(node as PhrasingContent);
    else if (node.type === "break") out.push({ type: "text", value: " " });
    else if ("children" in node) out.push({ type: "text", value: " " }, ...cellText(node.children as Nodes[]), { type: "text", value: " " });
    else if ("value" in node && typeof node.value === "string") out.push({ type: "text", value: ` ${node.value} ` });
  }
  return out;
}

/** Removes the space at one edge of inline content, saying whether there was one. */
function takeEdgeSpace(nodes: PhrasingContent[], edge: "start" | "end"): boolean {
  const node = edge === "start" ? nodes[0] : nodes.at(-1);
  if (node?.type !== "text") return false;
  const trimmed = edge === "start" ? node.value.replace(/^ +/, "") : node.value.replace(/ +$/, "");
  if (trimmed === node.value) return false;
  node.value = trimmed;
  if (!trimmed) nodes.splice(edge === "start" ? 0 : nodes.length - 1, 1);
  return true;
}

/** A paragraph, heading or cell starts and ends with words, not spaces or line breaks; two breaks in a row are one. */
function trimEdges(nodes: PhrasingContent[]): PhrasingContent[] {
  const blank = (node: PhrasingContent) => node.type === "break" || (node.type === "text" && !/\S/.test(node.value));
  let start = 0;
  let end = nodes.length;
  while (start < end && blank(nodes[start]!)) start++;
  while (end > start && blank(nodes[end - 1]!)) end--;
  const kept = nodes.slice(start, end).filter((node, i, all) => !(node.type === "break" && all[i - 1]?.type === "break"));
  const first = kept[0];
  const last = kept.at(-1);
  if (first?.type === "text") first.value = first.value.replace(/^\s+/, "");
  if (last?.type === "text") last.value = last.value.replace(/\s+$/, "");
  return kept;
}

/**
 * A section's title is the page's second level, so the headings inside it start at the third:
 * the editor's Heading 1 is `###` (docs/EDITOR.md). A pasted Heading n becomes the editor's
 * Heading n, `#` × (n + 2), down to `######`.
 */
function levelHeadings(parent: Parents): void {
  for (const child of parent.children as Nodes[]) {
    if (child.type === "heading") child.depth = Math.min(child.depth + 2, 6) as Heading["depth"];
    else if ("children" in child) levelHeadings(child);
  }
}
