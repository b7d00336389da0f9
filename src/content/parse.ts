import { AsyncLocalStorage } from "node:async_hooks";
import { LRUCache } from "lru-cache";
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

// The syntax (the costly part), then what is made of it: the text's typography first, so a
// caption's "Tableau :" is still recognised and the words an orphan footnote gives back stay as
// typed. Its language rides on the file (see parseMarkdown).
const syntax = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).freeze();
const transforms = unified().use(typography).use(tableCaptions).use(orphanFootnotes).freeze();

// While parsingOnce work runs, each text's syntax tree is kept for that work alone (its async
// context): a publish reads every text for its pages, its references, its search entries and its
// checks, while an editor's save or preview meanwhile parses on its own. A tree with its positions
// takes about 300 bytes a node (23 bytes a character of prose, 80 of lists and tables, measured),
// so the trees are bounded by their nodes, the least recently read first out, and let go when
// the work ends.
const sharing = new AsyncLocalStorage<LRUCache<string, Root>>();
const KEPT_BYTES = 32 * 1024 * 1024;
/** How many parsingOnce works are running now. */
let running = 0;

function nodesIn(node: { children?: unknown[] }): number {
  let count = 1;
  for (const child of (node.children ?? []) as { children?: unknown[] }[]) count += nodesIn(child);
  return count;
}

/** A syntax tree (mdast or hast) is plain objects, arrays and primitives: copied by hand two to four times faster than structuredClone. */
export function copyTree<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyTree) as T;
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = copyTree((value as Record<string, unknown>)[key]);
  return out as T;
}

/** Runs `work` with each text parsed at most once: every parseMarkdown within it (its async context) starts from a copy of the same tree. */
export async function parsingOnce<T>(work: () => Promise<T>): Promise<T> {
  if (sharing.getStore()) return work();
  const kept = new LRUCache<string, Root>({ maxSize: KEPT_BYTES, sizeCalculation: (tree, markdown) => 2 * markdown.length + 300 * nodesIn(tree) });
  running++;
  try {
    return await sharing.run(kept, work);
  } finally {
    // Let go of the trees now, not when the last task the work left running ends.
    kept.clear();
    // On Node 20 an enabled AsyncLocalStorage keeps async hooks on for every later request (a tenth
    // of a published page's throughput): off again once no publish runs (run() turns it back on).
    if (--running === 0) sharing.disable();
  }
}

/**
 * Markdown (GFM + directives) to mdast: the one parse every renderer and the reference index use.
 * `lang` is the language the text is written in, for its typography (French spacing); without
 * it the words stay exactly as typed. The tree is the caller's to change.
 */
export function parseMarkdown(markdown: string, lang?: Language): Root {
  const kept = sharing.getStore();
  let tree = kept?.get(markdown);
  if (tree) tree = copyTree(tree);
  else {
    tree = syntax.parse(markdown);
    kept?.set(markdown, copyTree(tree));
  }
  return transforms.runSync(tree, { data: { lang } }) as Root;
}
