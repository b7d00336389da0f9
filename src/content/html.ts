import type { Element, ElementContent, Root as HastRoot } from "hast";
import type { Root, Table } from "mdast";
import { h } from "hastscript";
import rehypeSanitize, { defaultSchema, type Options as Schema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkRehype, { defaultHandlers } from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { isReferenceKind, REF_PATTERN, type Directive } from "#src/content/directives.ts";
import { copyTree, tableCaption } from "#src/content/parse.ts";
import type { RecommendationStatus } from "#src/domain/events.ts";
import type { Language } from "#src/domain/languages.ts";
import type { ReferenceKind } from "#src/domain/reports.ts";
import type { Translate } from "#src/i18n/i18n.ts";

/** What a renderer knows about a piece of evidence; undefined when the reference is unknown. */
/**
 * A figure as pages show it: `src` its drawing, `narrowSrc` the one for narrow screens (when there
 * is one), `data` the rows it was drawn from (its "show the data" table), `dataHref` their CSV.
 */
export type ResolvedFigure = { src: string; narrowSrc?: string; alt: string; caption: string; n: number; source: string; dataHref: string; data?: FigureData };
/** A figure's rows: its columns by name (they are worded by `figure.column.<name>`), and how many organizations it counts. */
export type FigureData = { columns: string[]; rows: (string | number)[][]; n: number };
/** An outcome a recommendation came from, as shown under it: the event (linked when it has a page), when, who, and the outcome's words. */
export type RecommendationSource = { event: string; href?: string; date: string; by: string; outcome: string };
/**
 * A recommendation as placed in a text: its words, its number in an edition (none in the living
 * draft), its status in the register, and where it came from.
 */
export type ResolvedRecommendation = { text: string; retired: boolean; number?: number | null; status?: RecommendationStatus | null; sources?: RecommendationSource[] };
export type ResolvedReference = { title: string; href?: string; figure?: ResolvedFigure; recommendation?: ResolvedRecommendation } | "pending";
export type Resolver = (kind: ReferenceKind, ref: string) => ResolvedReference | undefined;

/** Until the evidence registries exist, every well-formed reference is shown as a placeholder. */
export const pendingResolver: Resolver = () => "pending";

export type ContentWarning = { code: "unknown-directive" | "missing-ref" | "unknown-ref"; name: string; ref?: string };

export type RenderOptions = {
  t: Translate;
  /** Prefixes footnote ids so several sections can share a page. */
  idPrefix: string;
  resolve?: Resolver;
  /**
   * The language `t` writes in, when it is not the text's (a section shown in the primary
   * language on a page in another): the words the pipeline adds (labels, notes, the figure's
   * source line, the footnotes' heading) are marked with it.
   */
  chromeLang?: Language | undefined;
  /**
   * "hide": a reference that cannot be shown (unknown evidence, a directive without a reference)
   * appears as a reader would see it, not as the secretariat's warning: the author's words in
   * running text, nothing for a block. The warnings are still returned.
   */
  warnings?: "show" | "hide" | undefined;
};

/** The attribute that marks the pipeline's own words when they are in another language than the text. */
const chromeAttr = (options: Pick<RenderOptions, "chromeLang">) => (options.chromeLang ? { lang: options.chromeLang } : {});

// GitHub's schema (what remark-gfm output expects) plus the classes our directives use.
const schema: Schema = {
  ...defaultSchema,
  clobberPrefix: "",
  tagNames: [...(defaultSchema.tagNames ?? []), "figure", "figcaption", "aside", "caption"],
  attributes: {
    ...defaultSchema.attributes,
    "*": [...(defaultSchema.attributes?.["*"] ?? []), "className", ["dataRef"]],
    // Links have their own list in GitHub's schema, which would drop our reference classes.
    a: [...(defaultSchema.attributes?.a ?? []).filter((a) => !(Array.isArray(a) && a[0] === "className")), "title", ["className", "ref", "ref-case-study", "ref-figure", "ref-recommendation", "data-footnote-backref"]],
    // Lists too: GitHub's allows task lists only; a recommendation lists its sources.
    ul: [...(defaultSchema.attributes?.ul ?? []).filter((a) => !(Array.isArray(a) && a[0] === "className")), ["className", "contains-task-list", "rec-sources"]],
    // A figure's narrow drawing and the table of its data.
    source: [...(defaultSchema.attributes?.source ?? []), "media"],
    th: [...(defaultSchema.attributes?.th ?? []), "scope"],
  },
};

function warningNode(t: Translate, warning: ContentWarning, attrs: { lang?: Language } = {}): Element {
  const text =
    warning.code === "unknown-directive"
      ? t("content.warning.unknownDirective", { name: warning.name })
      : warning.code === "missing-ref"
        ? t("content.warning.missingRef", { name: warning.name })
        : t("content.warning.unknownRef", { name: warning.name, ref: warning.ref ?? "" });
  return h("span", { className: ["content-warning"], ...attrs }, `⚠ ${text}`);
}

/** A figure's drawing: the narrow one on narrow screens, when it has one. */
function figureImage(f: ResolvedFigure): Element {
  const img = h("img", { src: f.src, alt: f.alt, loading: "lazy" });
  return f.narrowSrc ? h("picture", [h("source", { media: "(max-width: 600px)", srcSet: f.narrowSrc }), img]) : img;
}

const NUMERIC_COLUMNS = new Set(["organizations", "share"]);

/** "Show the data": the rows a figure was drawn from, as a table with its caption, and their CSV. */
function figureData(t: Translate, title: string, f: ResolvedFigure, data: FigureData, attrs: { lang?: Language }): Element {
  // The world map's country codes are for drawing; readers have the countries' names.
  const shown = data.columns.map((c, i) => [c, i] as const).filter(([c]) => c !== "code");
  const cell = (c: string, v: string | number) =>
    c === "share" ? h("td", { className: ["num"] }, t("chart.percent", { value: Number(v) })) : NUMERIC_COLUMNS.has(c) ? h("td", { className: ["num"] }, String(v)) : h("td", String(v));
  return h("details", { className: ["figure-data"] }, [
    h("summary", attrs, t("chart.showData")),
    h("div", { className: ["table-wrap"] }, [
      h("table", { className: ["data"] }, [
        h("caption", attrs, t("chart.dataCaption", { title, n: data.n })),
        h("thead", [h("tr", shown.map(([c]) => h("th", { scope: "col", ...(NUMERIC_COLUMNS.has(c) ? { className: ["num"] } : {}), ...attrs }, t(`figure.column.${c}` as "figure.column.answer"))))]),
        // The first column names the row.
        h("tbody", data.rows.map((row) => h("tr", shown.map(([c, i], k) => (k === 0 ? h("th", { scope: "row" }, String(row[i] ?? "")) : cell(c, row[i] ?? "")))))),
      ]),
    ]),
    ...(f.dataHref.startsWith("#") ? [] : [h("p", [h("a", { href: f.dataHref, ...attrs }, t("chart.download"))])]),
  ]);
}

/** Who produced an outcome and its words, quoted in the reader's language. */
export const sourceWords = (t: Translate, s: RecommendationSource) => (s.by ? t("rec.block.outcomeBy", { by: s.by, text: s.outcome }) : t("rec.block.quote", { text: s.outcome }));

/** A recommendation's label ("Recommendation 3", or no number in the living draft) and status word ("Adopted"), as every format writes them. */
export function recommendationLabel(t: Translate, r: ResolvedRecommendation): { label: string; status: RecommendationStatus | null; statusText: string | null } {
  const status = r.status ?? (r.retired ? "retired" : null);
  return { label: r.number ? t("rec.block.number", { n: r.number }) : t("content.recommendationLabel"), status, statusText: status ? t(`rec.block.status.${status}`) : null };
}

const STATUS_TAG = { endorsed: "tag-ok", proposed: "tag-draft", retired: "tag-outOfDate" } as const;

/** A placed recommendation: its number and status, its words, and the events and outcomes it came from. */
function recommendationNode(t: Translate, ref: string, href: string | undefined, r: ResolvedRecommendation, attrs: { lang?: Language }): Element {
  const { label: words, status, statusText } = recommendationLabel(t, r);
  const label = h("strong", words);
  const sources = r.sources ?? [];
  // An id from the reference, so "Recommendation 3" can be linked to where it stands.
  return h("aside", { id: `rec-${ref}`, className: ["directive", "directive-recommendation", ...(r.retired ? ["retired"] : []), ...(status ? [`rec-${status}`] : [])], dataRef: ref }, [
    h("p", { className: ["rec-label"], ...attrs }, [href ? h("a", { href }, label) : label, ...(status ? [" ", h("span", { className: ["tag", STATUS_TAG[status]] }, statusText)] : [])]),
    h("p", r.text),
    ...(status === "proposed" ? [h("p", { className: ["pending-note"], ...attrs }, t("rec.block.proposedNote"))] : []),
    ...(r.retired ? [h("p", { className: ["pending-note"], ...attrs }, t("content.recommendationRetired"))] : []),
    ...(sources.length
      ? [
          h("p", { className: ["rec-sources-label"], ...attrs }, h("strong", t("rec.block.sources"))),
          h(
            "ul",
            { className: ["rec-sources"] },
            sources.map((s) => h("li", [s.href ? h("a", { href: s.href }, s.event) : s.event, `, ${s.date} — `, sourceWords(t, s)])),
          ),
        ]
      : []),
  ]);
}

function directiveNode(directive: Directive, options: RenderOptions, warnings: ContentWarning[]): ElementContent | ElementContent[] {
  const { t } = options;
  const attrs = chromeAttr(options);
  const name = directive.name;
  const ref = directive.attributes?.ref ?? "";
  const label = directive.children.map((c) => ("value" in c ? String(c.value) : "")).join("");
  // Warnings hidden: in running text the author's words stay, a block leaves nothing.
  const warn = (warning: ContentWarning): ElementContent | ElementContent[] =>
    options.warnings === "hide" ? (directive.type === "textDirective" && label ? { type: "text", value: label } : []) : warningNode(t, warning, attrs);
  if (!isReferenceKind(name)) {
    // Inline `:word` in prose is usually not meant as a directive: give the words back.
    if (directive.type === "textDirective" && !directive.attributes?.ref) return { type: "text", value: `:${name}${label ? label : ""}` };
    const warning: ContentWarning = { code: "unknown-directive", name };
    warnings.push(warning);
    return warn(warning);
  }
  if (!REF_PATTERN.test(ref)) {
    const warning: ContentWarning = { code: "missing-ref", name };
    warnings.push(warning);
    return warn(warning);
  }
  const resolved = (options.resolve ?? pendingResolver)(name, ref);
  if (!resolved) {
    const warning: ContentWarning = { code: "unknown-ref", name, ref };
    warnings.push(warning);
    return warn(warning);
  }
  const title = resolved === "pending" ? label || ref : resolved.title;
  const pending = resolved === "pending" ? ["pending"] : [];
  if (directive.type === "textDirective") {
    // In running text the author's words are the link; the evidence's title is its tooltip.
    const props = { className: ["ref", `ref-${name}`, ...pending], dataRef: ref };
    return resolved !== "pending" && resolved.href ? h("a", { ...props, href: resolved.href, title }, label || title) : h("span", props, label || title);
  }
  const caption = t(`content.${name}` as "content.figure", { ref: title });
  const note = resolved === "pending" ? h("span", { className: ["pending-note"], ...attrs }, t("content.pendingNote")) : undefined;
  if (name === "figure" && resolved !== "pending" && resolved.figure) {
    const f = resolved.figure;
    // The caption is the figure's last child (as HTML and EPUB require): the data it was drawn
    // from opens under its words, inside it.
    return h("figure", { className: ["directive", "directive-figure", "figure"], dataRef: ref }, [
      figureImage(f),
      h("figcaption", [
        h("strong", resolved.title),
        f.caption ? ` ${f.caption}` : "",
        " ",
        h("span", attrs, t("content.figureNote", { n: f.n, source: f.source })),
        " ",
        h("a", { href: f.dataHref, ...attrs }, t("content.figureData")),
        ...(f.data?.rows.length ? [figureData(t, resolved.title, f, f.data, attrs)] : []),
      ]),
    ]);
  }
  if (name === "recommendation" && resolved !== "pending" && resolved.recommendation) return recommendationNode(t, ref, resolved.href, resolved.recommendation, attrs);
  if (name === "figure") return h("figure", { className: ["directive", "directive-figure", ...pending], dataRef: ref }, [h("figcaption", attrs, caption), ...(note ? [note] : [])]);
  return h("aside", { className: ["directive", `directive-${name}`, ...pending], dataRef: ref }, [h("p", attrs, caption), ...(note ? [note] : [])]);
}

/** The id mdast-util-to-hast gives every footnotes heading, whatever the prefix. */
const FOOTNOTE_LABEL = "footnote-label";

/** mdast to sanitized HTML: directives become evidence (or visible warnings), raw HTML is shown as text. */
export function renderHtml(tree: Root, options: RenderOptions): { html: string; warnings: ContentWarning[] } {
  const warnings: ContentWarning[] = [];
  const processor = unified()
    .use(remarkRehype, {
      clobberPrefix: `${options.idPrefix}-`,
      footnoteLabel: options.t("content.footnotes"),
      footnoteBackLabel: options.t("content.backToText"),
      footnoteLabelProperties: { className: ["sr-only"], ...chromeAttr(options) },
      handlers: {
        // Raw HTML in a text is shown as the characters the author typed, never interpreted.
        html: (_state, node: { value: string }) => ({ type: "text", value: node.value }),
        table: (state, node: Table) => {
          const table = defaultHandlers.table(state, node);
          const caption = tableCaption(node);
          if (caption) table.children.unshift({ type: "element", tagName: "caption", properties: {}, children: state.all({ type: "paragraph", children: caption }) });
          return table;
        },
        containerDirective: (_state, node: Directive) => directiveNode(node, options, warnings),
        leafDirective: (_state, node: Directive) => directiveNode(node, options, warnings),
        textDirective: (_state, node: Directive) => directiveNode(node, options, warnings),
      },
    })
    .use(rehypeSanitize, schema)
    .use(() => (hast: HastRoot) => {
      // Links written by authors leave the page safely.
      visit(hast, "element", (el: Element) => {
        const href = el.properties?.href;
        if (el.tagName === "a" && typeof href === "string" && /^https?:/.test(href)) el.properties.rel = ["noopener", "noreferrer"];
        // The footnotes' heading gets the section's prefix like the notes, so sections sharing a page never repeat its id.
        if (el.properties?.id === FOOTNOTE_LABEL) el.properties.id = `${options.idPrefix}-${FOOTNOTE_LABEL}`;
        const describedBy = el.properties?.ariaDescribedBy;
        if (Array.isArray(describedBy)) el.properties.ariaDescribedBy = describedBy.map((id) => (id === FOOTNOTE_LABEL ? `${options.idPrefix}-${FOOTNOTE_LABEL}` : id));
      });
    })
    .use(rehypeStringify);
  const hast = processor.runSync(copyTree(tree));
  return { html: processor.stringify(hast), warnings };
}
