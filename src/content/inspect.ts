import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { Nodes, Root } from "mdast";
import { extractReferences, isReferenceKind, REF_PATTERN, type Directive, type Reference } from "#src/content/directives.ts";
import { parseMarkdown } from "#src/content/parse.ts";
import { INLINE_MAX_CHARS } from "#src/content/render.ts";
import type { Language } from "#src/domain/languages.ts";
import { runInPool } from "#src/lib/pool.ts";

// What the checks before publishing need to know about one text, from one parse: the evidence it
// places, the directives that cannot place any, where its links go, and the runs of characters
// that print cannot break. Large texts are read on the worker pool; every answer is kept in
// memory by the text's bytes, so checking an unchanged report again parses nothing.

/** A directive that should place evidence and cannot: a kind of evidence without a valid ref, or an unknown name given a ref. */
export type BadDirective = { name: string; ref: string; known: boolean };

export type TextInspection = {
  references: Reference[];
  badDirectives: BadDirective[];
  /** Every link's destination (inline, reference definitions and bare addresses), each once. */
  links: string[];
  /** Runs of characters with no break opportunity, at least LONG_RUN characters long, each once. */
  longRuns: string[];
};

/**
 * Print breaks a line only where a word ends; a run longer than this with no place to break would
 * be split at an arbitrary character (the PDF breaks runs of 30 or more anywhere rather than let
 * them overflow). Forty leaves out long but ordinary words and compounds.
 */
export const LONG_RUN = 40;

// Where a line may break: spaces (no-break spaces excepted), hyphens and dashes (the non-breaking
// hyphen excepted), a slash, a soft hyphen or a zero-width space.
const BREAKS = /[ \t\n\r\f\v\u1680\u2000-\u200b\u2028\u2029\u205f\u3000\u00ad\-\u2010\u2012-\u2015/]+/u;

/** The runs of a line of text that are at least LONG_RUN characters without a break opportunity. */
export const longRunsOf = (line: string): string[] => line.split(BREAKS).filter((piece) => [...piece].length >= LONG_RUN);

const isAddress = (text: string, url: string) => url === text || url === `mailto:${text}` || url === `http://${text}` || url === `https://${text}`;

/** A block's words as print sets them: code, addresses shown as their own link text, pictures and breaks count as breaks. */
function wordsOf(node: Nodes): string {
  switch (node.type) {
    case "text":
    case "html":
      return node.value;
    case "inlineCode":
    case "image":
    case "imageReference":
    case "break":
      return " ";
    case "footnoteReference":
      return "";
    case "link": {
      const text = node.children.map(wordsOf).join("");
      return isAddress(text, node.url) ? " " : text;
    }
    default:
      return "children" in node ? (node.children as Nodes[]).map(wordsOf).join("") : "";
  }
}

/** Reads one parsed text (the worker's task, and the inline path for small texts). */
export function inspectTree(tree: Root): TextInspection {
  const badDirectives = new Map<string, BadDirective>();
  const links = new Set<string>();
  const longRuns = new Set<string>();
  const walk = (node: Nodes) => {
    if (node.type === "code" || node.type === "inlineCode") return;
    if (node.type === "link" || node.type === "definition") links.add(node.url);
    if (node.type === "containerDirective" || node.type === "leafDirective" || node.type === "textDirective") {
      const d: Directive = node;
      const ref = d.attributes?.ref ?? "";
      // As the renderer reads them: an unknown word in running text without a ref is just prose (":word").
      if (isReferenceKind(d.name) ? !REF_PATTERN.test(ref) : d.type !== "textDirective" || d.attributes?.ref) badDirectives.set(`${d.name}:${ref}`, { name: d.name, ref, known: isReferenceKind(d.name) });
    }
    if (node.type === "paragraph" || node.type === "heading" || node.type === "tableCell") {
      for (const run of longRunsOf(wordsOf(node))) longRuns.add(run);
    }
    if ("children" in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(tree);
  return { references: extractReferences(tree), badDirectives: [...badDirectives.values()], links: [...links], longRuns: [...longRuns] };
}

/** Reads a text now, on this thread (the worker's task). `lang` is the text's own, for its typography. */
export const inspectNow = ({ markdown, lang }: { markdown: string; lang?: Language | undefined }): TextInspection => inspectTree(parseMarkdown(markdown, lang));

const inspected = new LRUCache<string, TextInspection>({
  maxSize: 8 * 1024 * 1024,
  sizeCalculation: (r, key) => 2 * key.length + 300 * r.references.length + 200 * r.badDirectives.length + 2 * r.links.join("").length + 2 * r.longRuns.join("").length + 100,
});

/** What the checks need to know about a text written in `lang`. */
export async function inspectText(markdown: string, lang?: Language): Promise<TextInspection> {
  const key = `${lang ?? ""}|${createHash("sha256").update(markdown).digest("base64url")}`;
  const cached = inspected.get(key);
  if (cached) return cached;
  const found = markdown.length <= INLINE_MAX_CHARS ? inspectNow({ markdown, lang }) : await runInPool<TextInspection>("inspect", { markdown, lang });
  inspected.set(key, found);
  return found;
}
