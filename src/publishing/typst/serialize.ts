import type { Nodes, Root, TableCell } from "mdast";
import type { Directive } from "#src/content/directives.ts";
import { tableCaption } from "#src/content/parse.ts";
import { isReferenceKind, REF_PATTERN } from "#src/content/directives.ts";
import { recommendationLabel, sourceWords, type ResolvedRecommendation } from "#src/content/html.ts";
import type { Translate } from "#src/i18n/i18n.ts";

// mdast → Typst markup. Every piece of text written by a person reaches Typst as a string
// literal (`#"…";`), never as markup, so nothing in it (`#`, `$`, `@`, `<`, `]`, `#import`...)
// can be read as code. The semicolon ends each embedded expression, so whatever follows it
// cannot continue it (a following `(`, `[` or `.` would otherwise call or index it).

/** A Typst string literal holding the text exactly. */
export function typstString(text: string): string {
  // Escapes per Typst's string syntax; control characters other than tab and newline are dropped.
  const escaped = text
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\n/g, "\\n")
    .replace(/\t/g, "\\t");
  return `"${escaped}"`;
}

// Typst breaks lines between words only, so a run of characters with no space long enough to
// fill a line (a URL, a long compound, a code) would run off the page: such a run may break after
// any character. The break opportunity is an empty box of no width: it prints nothing and adds no
// character (a zero-width space would be copied with the words), so the words copy as written.
const OVERLONG = /((?:\S|[\u00a0\u202f]){30,})/u; // no-break spaces do not break either
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });
const BREAK = "#box(width: 0pt);";

/** Text as inert Typst markup. */
export const text = (value: string): string =>
  value
    .split(OVERLONG)
    .map((piece, i) => (!piece ? "" : i % 2 ? Array.from(graphemes.segment(piece), (g) => `#${typstString(g.segment)};`).join(BREAK) : `#${typstString(piece)};`))
    .join("");

/** What a figure shows in print: its words and its SVG (our own renderer's, never user markup). */
export type PrintFigure = { title: string; caption: string; alt: string; source: string; n: number; svg: string };

export type SerializeOptions = {
  t: Translate;
  /** Figures by reference, for `::figure{ref=…}`. */
  figures?: Record<string, PrintFigure>;
  /** Recommendations by reference, for `::recommendation{ref=…}`. */
  recommendations?: Record<string, ResolvedRecommendation>;
  /** Footnote definitions of the text, by identifier, to be placed inline where referenced. */
  footnotes?: Map<string, Nodes>;
};

const SAFE_URL = /^(https?:|mailto:)/i;

function children(nodes: readonly Nodes[], options: SerializeOptions): string {
  return nodes.map((n) => node(n, options)).join("");
}

function directive(d: Directive, options: SerializeOptions): string {
  const ref = d.attributes?.ref ?? "";
  const label = d.children.map((c) => ("value" in c ? String(c.value) : "")).join("");
  if (!isReferenceKind(d.name) || !REF_PATTERN.test(ref)) {
    if (d.type === "textDirective" && !d.attributes?.ref) return text(`:${d.name}${label}`);
    return `#text(fill: rgb("#a4262c"))[${text(`⚠ ${options.t("content.warning.unknownDirective", { name: d.name })}`)}]`;
  }
  if (d.type === "textDirective") return `#emph[${text(label || ref)}]`;
  const figure = d.name === "figure" ? options.figures?.[ref] : undefined;
  if (figure) {
    // A numbered figure: the SVG goes in as bytes of a string literal, the words as text.
    const note = options.t("content.figureNote", { n: figure.n, source: figure.source });
    return `\n#figure(image(bytes(${typstString(figure.svg)}), format: "svg", width: 100%, alt: ${typstString(figure.alt)}), caption: [#strong[${text(figure.title)}] ${text(figure.caption)} #text(size: 0.9em)[${text(note)}]])\n`;
  }
  const recommendation = d.name === "recommendation" ? options.recommendations?.[ref] : undefined;
  if (recommendation) {
    const { t } = options;
    const { label, statusText } = recommendationLabel(t, recommendation);
    const status = statusText ? ` #text(size: 0.85em)[${text(`(${statusText})`)}]` : "";
    const retired = recommendation.retired ? ` \\ #text(size: 0.85em)[#emph[${text(t("content.recommendationRetired"))}]]` : "";
    const sources = recommendation.sources ?? [];
    // Where it came from: each event with its date and the outcome's words, as text (a printed page links nowhere).
    const provenance = sources.length
      ? `\n\n#text(size: 0.85em)[#strong[${text(t("rec.block.sources"))}]\n#list(${sources.map((s) => `[${text(`${s.event}, ${s.date} — ${sourceWords(t, s)}`)}]`).join(", ")})]`
      : "";
    return `\n#block(width: 100%, inset: 8pt, stroke: (left: 3pt + rgb("#143a52")), fill: rgb("#f3f7fa"))[#strong[${text(label)}]${status} \\ ${text(recommendation.text)}${retired}${provenance}]\n`;
  }
  const caption = options.t(`content.${d.name}` as "content.figure", { ref });
  return `\n#block(width: 100%, inset: 8pt, stroke: (left: 3pt + rgb("#a35a1c")), fill: rgb("#fdfaf5"))[#strong[${text(caption)}] \\ #text(size: 0.85em)[${text(options.t("content.pendingNote"))}]]\n`;
}

function cell(c: TableCell, options: SerializeOptions) {
  return `[${children(c.children, options)}]`;
}

function node(n: Nodes, options: SerializeOptions): string {
  switch (n.type) {
    case "root":
      return children(n.children, options);
    case "paragraph":
      return `${children(n.children, options)}\n\n`;
    case "text":
      return text(n.value);
    case "emphasis":
      return `#emph[${children(n.children, options)}]`;
    case "strong":
      return `#strong[${children(n.children, options)}]`;
    case "delete":
      return `#strike[${children(n.children, options)}]`;
    case "inlineCode":
      return `#raw(${typstString(n.value)});`;
    case "code":
      return `\n#raw(block: true, ${typstString(n.value)});\n\n`;
    case "break":
      return "#linebreak();";
    case "thematicBreak":
      return "\n#line(length: 100%, stroke: 0.5pt + gray);\n\n";
    case "heading":
      // Headings inside a section's text rank below the section's own heading (level 2).
      return `\n#heading(level: ${Math.min(6, n.depth + 2)}, outlined: false)[${children(n.children, options)}]\n\n`;
    case "blockquote":
      return `\n#quote(block: true)[${children(n.children, options)}]\n\n`;
    case "list": {
      const items = n.children.map((item) => `[${children(item.children, options).trim()}]`).join(", ");
      return n.ordered ? `\n#enum(start: ${n.start ?? 1}, ${items});\n\n` : `\n#list(${items});\n\n`;
    }
    case "listItem":
      return children(n.children, options);
    case "link":
      return SAFE_URL.test(n.url) ? `#link(${typstString(n.url)})[${children(n.children, options)}]` : children(n.children, options);
    case "image":
      // Never fetched: images from the text are shown by their description.
      return n.alt ? `#emph[${text(`[${n.alt}]`)}]` : "";
    case "table": {
      const columns = Math.max(1, ...n.children.map((r) => r.children.length));
      const align = (n.align ?? []).slice(0, columns).map((a) => (a === "right" ? "right" : a === "center" ? "center" : "left"));
      while (align.length < columns) align.push("left");
      const [head, ...body] = n.children;
      const pad = (cells: string[]) => [...cells, ...Array(columns - cells.length).fill("[]")];
      const header = head ? `table.header(${pad(head.children.map((c) => `[#strong[${children(c.children, options)}]]`)).join(", ")})` : "";
      const rows = body.flatMap((r) => pad(r.children.map((c) => cell(c, options))));
      const table = `table(columns: ${columns}, align: (${align.join(", ")},), stroke: 0.5pt + gray, inset: 5pt, ${[header, ...rows].filter(Boolean).join(", ")})`;
      // A captioned table is a numbered figure ("Table 3: …", in the document's language).
      const caption = tableCaption(n);
      return caption ? `\n#figure(${table}, caption: [${children(caption, options)}]);\n\n` : `\n#${table};\n\n`;
    }
    case "footnoteReference": {
      const definition = options.footnotes?.get(n.identifier);
      const content = definition && "children" in definition ? children(definition.children as Nodes[], options).trim() : text(n.label ?? n.identifier);
      return `#footnote[${content}]`;
    }
    case "footnoteDefinition":
      return ""; // placed inline at its reference
    case "containerDirective":
    case "leafDirective":
    case "textDirective":
      return directive(n, options);
    case "html":
      return text(n.value); // shown as written, never interpreted
    default:
      return "children" in n ? children((n as { children: Nodes[] }).children, options) : "";
  }
}

/** A section's parsed text as Typst markup. */
export function serializeMdast(tree: Root, t: Translate, figures: Record<string, PrintFigure> = {}, recommendations: SerializeOptions["recommendations"] = {}): string {
  const footnotes = new Map<string, Nodes>();
  for (const child of tree.children) if (child.type === "footnoteDefinition") footnotes.set(child.identifier, child);
  return node(tree, { t, footnotes, figures, recommendations });
}
