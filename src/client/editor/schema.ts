import { Schema, type Attrs, type DOMOutputSpec, type MarkSpec, type Node, type NodeSpec } from "prosemirror-model";
import { REF_PATTERN } from "#src/content/directives.ts";

// The rich editor's document model: one node per Markdown construct the editor understands, and
// `raw` / `raw_inline` for anything else, which keep their Markdown and show it as source.
//
// Every block may sit at the top of the document, where it remembers where it came from:
//   src  the exact Markdown it was parsed from (null for a block made in the editor),
//   sig  a signature of its content when it was parsed (see markdown.ts: an unchanged block is
//        written back as `src`, byte for byte),
//   gap  the exact text between the previous block and this one (blank lines, indentation).
// ProseMirror copies attributes when a block is split or retyped, which is why the serializer
// compares content signatures, never these attributes, to know whether a block changed.

const origin = { src: { default: null }, sig: { default: null }, gap: { default: null } } as const;

/** Attributes that record where a block came from, not what it holds. */
export const ORIGIN_ATTRS = ["src", "sig", "gap"] as const;

export type EvidenceKind = "figure" | "recommendation" | "case-study";
export const EVIDENCE_KINDS: readonly EvidenceKind[] = ["figure", "recommendation", "case-study"];

// The parse rules below read HTML: the editor's own markup when ProseMirror reads its DOM back or
// a copy made in this editor is pasted or dropped (other HTML goes through the paste cleaner, see
// clipboard.ts). They still take nothing that would be unsafe or wrong from any other markup: a
// link only to the web, a mail address or within the site; evidence only of a known kind, with a
// well-formed reference; Markdown kept as typed (`raw`) only from a copy known to be the editor's.

/** Whether a link may be kept: http(s), mailto or no scheme at all (a section `#slug`, a path). */
export function safeHref(href: string): boolean {
  // Browsers ignore control characters and whitespace in a scheme ("java\tscript:").
  const compact = href.replace(/[\u0000-\u0020\u007f]/g, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  return !scheme || ["http", "https", "mailto"].includes(scheme[1]!.toLowerCase());
}

/** Evidence attributes read from markup, or false (not evidence) when the kind or reference is not one a text may hold. */
export function evidenceAttrs(kind: string | null, ref: string | null, kinds: readonly string[]): { kind: string; ref: string } | false {
  return kind !== null && kinds.includes(kind) && ref !== null && REF_PATTERN.test(ref) ? { kind, ref } : false;
}

let rawTrusted = false;
/** Set while a copy made in this editor is read back: only then may markup become `raw` Markdown. */
export function trustRawParsing(on: boolean): void {
  rawTrusted = on;
}
const rawValue = (dom: HTMLElement) => (rawTrusted ? { value: dom.textContent ?? "" } : false);

const str = (value: unknown) => (typeof value === "string" ? value : "");
const alignClass = (align: unknown) => (align === "left" || align === "right" || align === "center" ? `align-${align}` : null);
const alignOf = (dom: HTMLElement) => {
  const a = dom.getAttribute("data-align");
  return a === "left" || a === "right" || a === "center" ? a : null;
};
const cell = (role: "cell" | "header_cell", tag: "td" | "th"): NodeSpec => ({
  content: "inline*",
  attrs: { colspan: { default: 1 }, rowspan: { default: 1 }, colwidth: { default: null }, align: { default: null } },
  tableRole: role,
  isolating: true,
  parseDOM: [{ tag, getAttrs: (dom: HTMLElement) => ({ align: alignOf(dom) }) }],
  toDOM: (node) => {
    const a = alignClass(node.attrs.align);
    return [tag, a ? { class: a, "data-align": node.attrs.align } : {}, 0];
  },
});

const nodes = {
  // lead, trail: the blank text before the first block and after the last, as typed.
  doc: { content: "block+", attrs: { lead: { default: "" }, trail: { default: "" } } },

  paragraph: {
    group: "block",
    content: "inline*",
    attrs: { ...origin },
    parseDOM: [{ tag: "p" }],
    toDOM: () => ["p", 0],
  },

  heading: {
    group: "block",
    content: "inline*",
    defining: true,
    attrs: { ...origin, level: { default: 3 } },
    parseDOM: [1, 2, 3, 4, 5, 6].map((level) => ({ tag: `h${level}`, attrs: { level } })),
    toDOM: (node) => [`h${node.attrs.level}`, 0],
  },

  blockquote: {
    group: "block",
    content: "block+",
    defining: true,
    attrs: { ...origin },
    parseDOM: [{ tag: "blockquote" }],
    toDOM: () => ["blockquote", 0],
  },

  bullet_list: {
    group: "block",
    content: "list_item+",
    attrs: { ...origin, spread: { default: false } },
    parseDOM: [{ tag: "ul", getAttrs: (dom: HTMLElement) => ({ spread: dom.hasAttribute("data-spread") }) }],
    toDOM: (node) => ["ul", node.attrs.spread ? { "data-spread": "" } : {}, 0],
  },

  ordered_list: {
    group: "block",
    content: "list_item+",
    attrs: { ...origin, start: { default: 1 }, spread: { default: false } },
    parseDOM: [{ tag: "ol", getAttrs: (dom: HTMLElement) => ({ start: dom.hasAttribute("start") ? Number(dom.getAttribute("start")) || 0 : 1, spread: dom.hasAttribute("data-spread") }) }],
    toDOM: (node) => ["ol", { ...(node.attrs.start === 1 ? {} : { start: String(node.attrs.start) }), ...(node.attrs.spread ? { "data-spread": "" } : {}) }, 0],
  },

  list_item: {
    content: "block+",
    defining: true,
    attrs: { spread: { default: false }, checked: { default: null } },
    parseDOM: [{ tag: "li", getAttrs: (dom: HTMLElement) => ({ spread: dom.hasAttribute("data-spread"), checked: dom.hasAttribute("data-checked") ? dom.getAttribute("data-checked") === "true" : null }) }],
    toDOM: (node) => ["li", { ...(node.attrs.spread ? { "data-spread": "" } : {}), ...(node.attrs.checked === null ? {} : { "data-checked": String(node.attrs.checked) }) }, 0],
  },

  code_block: {
    group: "block",
    content: "text*",
    marks: "",
    code: true,
    defining: true,
    attrs: { ...origin, lang: { default: null }, meta: { default: null } },
    parseDOM: [{ tag: "pre", preserveWhitespace: "full", getAttrs: (dom: HTMLElement) => ({ lang: dom.getAttribute("data-lang") || null }) }],
    toDOM: (node) => ["pre", node.attrs.lang ? { "data-lang": node.attrs.lang } : {}, ["code", 0]],
  },

  horizontal_rule: {
    group: "block",
    attrs: { ...origin },
    parseDOM: [{ tag: "hr" }],
    toDOM: () => ["hr"],
  },

  // A GFM table and, when the paragraph after it starts with "Table:" (or "Tableau :", "Tabla:"),
  // that paragraph as its caption.
  table_figure: {
    group: "block",
    content: "table table_caption?",
    isolating: true,
    attrs: { ...origin },
    parseDOM: [{ tag: "div.rt-table" }],
    toDOM: () => ["div", { class: "rt-table" }, 0],
  },

  table_caption: {
    content: "inline*",
    isolating: true,
    attrs: { prefix: { default: "Table: " } },
    parseDOM: [{ tag: "p.rt-caption", getAttrs: (dom: HTMLElement) => ({ prefix: dom.getAttribute("data-prefix") ?? "Table: " }) }],
    toDOM: (node) => ["p", { class: "rt-caption", "data-prefix": node.attrs.prefix }, 0],
  },

  table: {
    content: "table_row+",
    tableRole: "table",
    isolating: true,
    parseDOM: [{ tag: "table" }],
    toDOM: () => ["table", ["tbody", 0]],
  },

  table_row: {
    content: "(table_cell | table_header)*",
    tableRole: "row",
    parseDOM: [{ tag: "tr" }],
    toDOM: () => ["tr", 0],
  },

  table_header: cell("header_cell", "th"),
  table_cell: cell("cell", "td"),

  footnote_definition: {
    group: "block",
    content: "block+",
    defining: true,
    attrs: { ...origin, label: { default: "1" } },
    parseDOM: [{ tag: "div.rt-footnote", getAttrs: (dom: HTMLElement) => ({ label: dom.getAttribute("data-label") ?? "1" }) }],
    toDOM: (node) => ["div", { class: "rt-footnote", "data-label": node.attrs.label }, 0],
  },

  // `::figure{ref=x}`, `::recommendation{ref=x}` (and `::case-study{ref=x}`): shown as a card.
  evidence: {
    group: "block",
    atom: true,
    selectable: true,
    draggable: true,
    attrs: { ...origin, kind: { default: "figure" }, ref: { default: "" } },
    parseDOM: [{ tag: "div.rt-evidence", getAttrs: (dom: HTMLElement) => evidenceAttrs(dom.getAttribute("data-kind"), dom.getAttribute("data-ref"), EVIDENCE_KINDS) }],
    toDOM: (node) => ["div", { class: "rt-evidence", "data-kind": node.attrs.kind, "data-ref": node.attrs.ref }, `${node.attrs.kind}: ${node.attrs.ref}`],
  },

  // Markdown the editor does not model (HTML, link definitions, other directives...): kept as typed.
  raw: {
    group: "block",
    atom: true,
    selectable: true,
    attrs: { ...origin, value: { default: "" } },
    parseDOM: [{ tag: "pre.rt-raw", preserveWhitespace: "full", getAttrs: rawValue }],
    toDOM: (node) => ["pre", { class: "rt-raw" }, str(node.attrs.value)],
  },

  text: { group: "inline" },

  hard_break: {
    group: "inline",
    inline: true,
    selectable: false,
    parseDOM: [{ tag: "br" }],
    toDOM: () => ["br"],
  },

  image: {
    group: "inline",
    inline: true,
    atom: true,
    attrs: { src: { default: "" }, alt: { default: "" }, title: { default: null } },
    parseDOM: [{ tag: "span.rt-image", getAttrs: (dom: HTMLElement) => ({ src: dom.getAttribute("data-src") ?? "", alt: dom.getAttribute("data-alt") ?? "", title: dom.getAttribute("data-title") }) }],
    // Never loaded in the editor: a chip with the picture's text alternative.
    toDOM: (node) => ["span", { class: "rt-image", "data-src": node.attrs.src, "data-alt": node.attrs.alt, ...(node.attrs.title ? { "data-title": node.attrs.title } : {}) }, `🖼 ${str(node.attrs.alt) || str(node.attrs.src)}`],
  },

  footnote_ref: {
    group: "inline",
    inline: true,
    atom: true,
    attrs: { label: { default: "1" } },
    parseDOM: [{ tag: "sup.rt-fnref", getAttrs: (dom: HTMLElement) => ({ label: dom.getAttribute("data-label") ?? "1" }) }],
    toDOM: (node) => ["sup", { class: "rt-fnref", "data-label": node.attrs.label }],
  },

  // `:case-study[label]{ref=x}` in running text.
  evidence_inline: {
    group: "inline",
    inline: true,
    atom: true,
    attrs: { kind: { default: "case-study" }, ref: { default: "" }, label: { default: "" } },
    parseDOM: [
      {
        tag: "span.rt-evidence-inline",
        getAttrs: (dom: HTMLElement) => {
          const attrs = evidenceAttrs(dom.getAttribute("data-kind"), dom.getAttribute("data-ref"), ["case-study"]);
          return attrs && { ...attrs, label: dom.getAttribute("data-label") ?? "" };
        },
      },
    ],
    toDOM: (node) => ["span", { class: "rt-evidence-inline", "data-kind": node.attrs.kind, "data-ref": node.attrs.ref, "data-label": node.attrs.label }, str(node.attrs.label) || str(node.attrs.ref)],
  },

  raw_inline: {
    group: "inline",
    inline: true,
    atom: true,
    attrs: { value: { default: "" } },
    parseDOM: [{ tag: "code.rt-raw-inline", getAttrs: rawValue }],
    toDOM: (node) => ["code", { class: "rt-raw-inline" }, str(node.attrs.value)],
  },
} satisfies Record<string, NodeSpec>;

const linkAttrs = (href: string | null, title: string | null) => (href && safeHref(href) ? { href, title } : false);

const marks = {
  // Shown without an href: the editor never follows (or offers to run) what an author typed.
  link: {
    attrs: { href: { default: "" }, title: { default: null } },
    inclusive: false,
    parseDOM: [
      { tag: "span.rt-link", getAttrs: (dom: HTMLElement) => linkAttrs(dom.getAttribute("data-href"), dom.getAttribute("data-title")) },
      { tag: "a[href]", getAttrs: (dom: HTMLElement) => linkAttrs(dom.getAttribute("href"), dom.getAttribute("title")) },
    ],
    toDOM: (mark): DOMOutputSpec => ["span", { class: "rt-link", "data-href": mark.attrs.href, title: mark.attrs.href, ...(mark.attrs.title ? { "data-title": mark.attrs.title } : {}) }, 0],
  },
  em: {
    parseDOM: [{ tag: "em" }, { tag: "i" }, { style: "font-style=italic" }],
    toDOM: () => ["em", 0],
  },
  strong: {
    parseDOM: [{ tag: "strong" }, { tag: "b", getAttrs: (dom: HTMLElement) => (dom.style.fontWeight !== "normal" ? null : false) }, { style: "font-weight=bold" }, { style: "font-weight=700" }],
    toDOM: () => ["strong", 0],
  },
  strike: {
    parseDOM: [{ tag: "del" }, { tag: "s" }],
    toDOM: () => ["del", 0],
  },
  // Inline code may sit inside a link or strong text, as Markdown allows.
  code: {
    code: true,
    parseDOM: [{ tag: "code" }],
    toDOM: () => ["code", 0],
  },
} satisfies Record<string, MarkSpec>;

export const schema = new Schema({ nodes, marks });

/** The attributes of a node that describe its content (everything but where it came from). */
export function contentAttrs(node: Node): Attrs {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node.attrs)) if (!(ORIGIN_ATTRS as readonly string[]).includes(key)) out[key] = value;
  return out;
}
