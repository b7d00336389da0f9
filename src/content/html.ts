import type { Element, ElementContent, Root as HastRoot } from "hast";
import type { Root, Table } from "mdast";
import { h } from "hastscript";
import rehypeSanitize, { defaultSchema, type Options as Schema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkRehype, { defaultHandlers } from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { isReferenceKind, REF_PATTERN, type Directive } from "#src/content/directives.ts";
import { tableCaption } from "#src/content/parse.ts";
import type { RecommendationStatus } from "#src/domain/events.ts";
import type { ReferenceKind } from "#src/domain/reports.ts";
import type { Translate } from "#src/i18n/i18n.ts";

/** What a renderer knows about a piece of evidence; undefined when the reference is unknown. */
export type ResolvedFigure = { src: string; alt: string; caption: string; n: number; source: string; dataHref: string };
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
};

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
  },
};

function warningNode(t: Translate, warning: ContentWarning): Element {
  const text =
    warning.code === "unknown-directive"
      ? t("content.warning.unknownDirective", { name: warning.name })
      : warning.code === "missing-ref"
        ? t("content.warning.missingRef", { name: warning.name })
        : t("content.warning.unknownRef", { name: warning.name, ref: warning.ref ?? "" });
  return h("span", { className: ["content-warning"] }, `⚠ ${text}`);
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
function recommendationNode(t: Translate, ref: string, href: string | undefined, r: ResolvedRecommendation): Element {
  const { label: words, status, statusText } = recommendationLabel(t, r);
  const label = h("strong", words);
  const sources = r.sources ?? [];
  // An id from the reference, so "Recommendation 3" can be linked to where it stands.
  return h("aside", { id: `rec-${ref}`, className: ["directive", "directive-recommendation", ...(r.retired ? ["retired"] : []), ...(status ? [`rec-${status}`] : [])], dataRef: ref }, [
    h("p", { className: ["rec-label"] }, [href ? h("a", { href }, label) : label, ...(status ? [" ", h("span", { className: ["tag", STATUS_TAG[status]] }, statusText)] : [])]),
    h("p", r.text),
    ...(status === "proposed" ? [h("p", { className: ["pending-note"] }, t("rec.block.proposedNote"))] : []),
    ...(r.retired ? [h("p", { className: ["pending-note"] }, t("content.recommendationRetired"))] : []),
    ...(sources.length
      ? [
          h("p", { className: ["rec-sources-label"] }, h("strong", t("rec.block.sources"))),
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
  const name = directive.name;
  const ref = directive.attributes?.ref ?? "";
  const label = directive.children.map((c) => ("value" in c ? String(c.value) : "")).join("");
  if (!isReferenceKind(name)) {
    // Inline `:word` in prose is usually not meant as a directive: give the words back.
    if (directive.type === "textDirective" && !directive.attributes?.ref) return { type: "text", value: `:${name}${label ? label : ""}` };
    const warning: ContentWarning = { code: "unknown-directive", name };
    warnings.push(warning);
    return warningNode(t, warning);
  }
  if (!REF_PATTERN.test(ref)) {
    const warning: ContentWarning = { code: "missing-ref", name };
    warnings.push(warning);
    return warningNode(t, warning);
  }
  const resolved = (options.resolve ?? pendingResolver)(name, ref);
  if (!resolved) {
    const warning: ContentWarning = { code: "unknown-ref", name, ref };
    warnings.push(warning);
    return warningNode(t, warning);
  }
  const title = resolved === "pending" ? label || ref : resolved.title;
  const pending = resolved === "pending" ? ["pending"] : [];
  if (directive.type === "textDirective") {
    // In running text the author's words are the link; the evidence's title is its tooltip.
    const props = { className: ["ref", `ref-${name}`, ...pending], dataRef: ref };
    return resolved !== "pending" && resolved.href ? h("a", { ...props, href: resolved.href, title }, label || title) : h("span", props, label || title);
  }
  const caption = t(`content.${name}` as "content.figure", { ref: title });
  const note = resolved === "pending" ? h("span", { className: ["pending-note"] }, t("content.pendingNote")) : undefined;
  if (name === "figure" && resolved !== "pending" && resolved.figure) {
    const f = resolved.figure;
    return h("figure", { className: ["directive", "directive-figure", "figure"], dataRef: ref }, [
      h("img", { src: f.src, alt: f.alt, loading: "lazy" }),
      h("figcaption", [
        h("strong", resolved.title),
        f.caption ? ` ${f.caption}` : "",
        ` ${t("content.figureNote", { n: f.n, source: f.source })} `,
        h("a", { href: f.dataHref }, t("content.figureData")),
      ]),
    ]);
  }
  if (name === "recommendation" && resolved !== "pending" && resolved.recommendation) return recommendationNode(t, ref, resolved.href, resolved.recommendation);
  if (name === "figure") return h("figure", { className: ["directive", "directive-figure", ...pending], dataRef: ref }, [h("figcaption", caption), ...(note ? [note] : [])]);
  return h("aside", { className: ["directive", `directive-${name}`, ...pending], dataRef: ref }, [h("p", caption), ...(note ? [note] : [])]);
}

/** mdast to sanitized HTML: directives become evidence (or visible warnings), raw HTML is shown as text. */
export function renderHtml(tree: Root, options: RenderOptions): { html: string; warnings: ContentWarning[] } {
  const warnings: ContentWarning[] = [];
  const processor = unified()
    .use(remarkRehype, {
      clobberPrefix: `${options.idPrefix}-`,
      footnoteLabel: options.t("content.footnotes"),
      footnoteBackLabel: options.t("content.backToText"),
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
      });
    })
    .use(rehypeStringify);
  const hast = processor.runSync(structuredClone(tree));
  return { html: processor.stringify(hast), warnings };
}
