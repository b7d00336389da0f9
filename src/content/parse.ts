import type { Paragraph, PhrasingContent, Root, Table } from "mdast";
import remarkDirective from "remark-directive";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { typography } from "#src/content/typography.ts";
import type { Language } from "#src/domain/languages.ts";

/** A table's caption, from the paragraph written right after it as `Table: …` (Pandoc's convention). */
export const tableCaption = (table: Table): PhrasingContent[] | undefined => (table.data as { caption?: PhrasingContent[] } | undefined)?.caption;

const CAPTION = /^(?:Table|Tableau|Tabla)?[ \u00a0\u202f]?:\s+/;

function captionOf(paragraph: Paragraph): PhrasingContent[] | undefined {
  const [first, ...rest] = paragraph.children;
  if (first?.type !== "text" || !CAPTION.test(first.value)) return undefined;
  const value = first.value.replace(CAPTION, "");
  return value ? [{ ...first, value }, ...rest] : rest;
}

/** Moves each `Table: …` paragraph that follows a table into the table, as its caption. */
const tableCaptions = () => (tree: Root) => {
  const visit = (parent: { children: Root["children"] }) => {
    for (let i = 0; i < parent.children.length; i++) {
      const child = parent.children[i]!;
      const next = parent.children[i + 1];
      if (child.type === "table" && next?.type === "paragraph") {
        const caption = captionOf(next);
        if (caption?.length) {
          child.data = { ...child.data, caption } as Table["data"];
          parent.children.splice(i + 1, 1);
        }
      } else if ("children" in child && child.type !== "paragraph" && child.type !== "heading") visit(child);
    }
  };
  visit(tree);
};

/**
 * A footnote definition nothing refers to would vanish from every output (GFM drops it): its
 * words are kept as the plain text the author typed instead.
 */
const orphanFootnotes = () => (tree: Root) => {
  const referenced = new Set<string>();
  const collect = (node: { type: string; identifier?: string; children?: unknown[] }) => {
    if (node.type === "footnoteReference" && node.identifier) referenced.add(node.identifier);
    for (const child of (node.children ?? []) as (typeof node)[]) collect(child);
  };
  collect(tree);
  tree.children = tree.children.flatMap((child) => {
    if (child.type !== "footnoteDefinition" || referenced.has(child.identifier)) return [child];
    const prefix = { type: "text" as const, value: `[^${child.label ?? child.identifier}]: ` };
    const [first, ...rest] = child.children;
    if (first?.type === "paragraph") return [{ ...first, children: [prefix, ...first.children] }, ...rest];
    return [{ type: "paragraph" as const, children: [prefix] }, ...child.children];
  });
};

// The text's typography runs first, so a caption's "Tableau :" is still recognised and the words
// an orphan footnote gives back stay as typed. Its language rides on the file (see parseMarkdown).
const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).use(typography).use(tableCaptions).use(orphanFootnotes);

/**
 * Markdown (GFM + directives) to mdast: the one parse every renderer and the reference index use.
 * `lang` is the language the text is written in, for its typography (French spacing); without
 * it the words stay exactly as typed.
 */
export function parseMarkdown(markdown: string, lang?: Language): Root {
  return parser.runSync(parser.parse(markdown), { data: { lang } }) as Root;
}
