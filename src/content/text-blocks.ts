import { createHash } from "node:crypto";
import type { FootnoteDefinition, List, Nodes, PhrasingContent, Root, RootContent, Table } from "mdast";
import { LRUCache } from "lru-cache";
import { isReferenceKind, REF_PATTERN, type Directive } from "#src/content/directives.ts";
import type { ResolvedReference, Resolver } from "#src/content/html.ts";
import { parseMarkdown, tableCaption } from "#src/content/parse.ts";
import { INLINE_MAX_CHARS, referencesOf } from "#src/content/render.ts";
import type { Language } from "#src/domain/languages.ts";
import { runInPool } from "#src/lib/pool.ts";

// A text as readers see it, block by block, without any Markdown: what a comparison of two
// versions works on. Emphasis and links become their words, evidence directives what they show
// (a figure's title, a recommendation's words, a case study's title or the author's link words),
// footnote references their number. Only words come out, so whoever shows them escapes them as
// any text.

export type TextBlockKind = "paragraph" | "heading" | "item" | "quote" | "code" | "row" | "caption" | "footnote" | "figure" | "recommendation" | "case-study";

/**
 * One block of a text. `level` is a heading's depth or a list item's nesting (1 = top);
 * `ordered` marks items of a numbered list; `head` a table's header row. A row's cells are
 * separated by tabs in `text`; a footnote's text starts with its number in brackets.
 */
export type TextBlock = { kind: TextBlockKind; text: string; level?: number; ordered?: boolean; head?: boolean };

/** Everything a text's blocks depend on, as plain data a worker can receive. */
export type TextBlocksRequest = { markdown: string; textLang?: Language | undefined; resolutions: [string, ResolvedReference | undefined][] };

const referenceKey = (kind: string, ref: string) => `${kind}:${ref}`;
// Runs of spaces and line breaks read as one space; no-break and narrow spaces (typography) stay.
const squeeze = (text: string) => text.replace(/[ \t\r\n\f\v]+/g, " ").replace(/^ | $/g, "");

class Reader {
  readonly blocks: TextBlock[] = [];
  private readonly definitions = new Map<string, FootnoteDefinition>();
  /** Footnotes in the order of their first reference: their numbers, as GFM gives them. */
  private readonly numbered: string[] = [];

  constructor(
    tree: Root,
    private readonly resolve: Resolver,
  ) {
    for (const node of tree.children) if (node.type === "footnoteDefinition") this.definitions.set(node.identifier, node);
    this.flow(tree.children, { quote: false, level: 0 });
    // Notes come last, as on the page; a note may refer to another, which is numbered after it.
    for (let i = 0; i < this.numbered.length; i++) {
      const definition = this.definitions.get(this.numbered[i]!)!;
      const start = this.blocks.length;
      this.flow(definition.children, { quote: false, level: 0 });
      const words = this.blocks.splice(start).map((b) => b.text);
      this.blocks.push({ kind: "footnote", text: squeeze(`[${i + 1}] ${words.join(" ")}`) });
    }
  }

  private push(block: TextBlock) {
    if (block.text || block.kind === "row") this.blocks.push(block);
  }

  private flow(nodes: RootContent[], context: { quote: boolean; level: number }) {
    for (const node of nodes) this.block(node, context);
  }

  private block(node: RootContent, context: { quote: boolean; level: number }) {
    switch (node.type) {
      case "paragraph":
        return this.push({ kind: context.quote ? "quote" : "paragraph", text: squeeze(this.inline(node.children)) });
      case "heading":
        return this.push({ kind: "heading", text: squeeze(this.inline(node.children)), level: node.depth });
      case "blockquote":
        return this.flow(node.children, { ...context, quote: true });
      case "list":
        return this.list(node, context);
      case "table":
        return this.table(node);
      case "code":
        return this.push({ kind: "code", text: node.value.trimEnd() });
      case "html":
        // Shown to readers as the characters typed (see html.ts).
        return this.push({ kind: context.quote ? "quote" : "paragraph", text: squeeze(node.value) });
      case "containerDirective":
      case "leafDirective":
        return this.directiveBlock(node);
      default:
        // Thematic breaks, link definitions and footnote definitions (shown at the end) have no words here.
        return;
    }
  }

  private list(list: List, context: { quote: boolean; level: number }) {
    const level = context.level + 1;
    for (const item of list.children) {
      const words: string[] = [];
      const nested: RootContent[] = [];
      for (const child of item.children) {
        if (child.type === "paragraph") words.push(this.inline(child.children));
        else if (child.type === "list") nested.push(child);
        else {
          const start = this.blocks.length;
          this.block(child, { ...context, level });
          words.push(...this.blocks.splice(start).map((b) => b.text));
        }
      }
      const prefix = item.checked === true ? "☑ " : item.checked === false ? "☐ " : "";
      this.push({ kind: "item", text: squeeze(prefix + words.join(" ")), level, ordered: Boolean(list.ordered) });
      this.flow(nested, { ...context, level });
    }
  }

  private table(table: Table) {
    const caption = tableCaption(table);
    if (caption) this.push({ kind: "caption", text: squeeze(this.inline(caption)) });
    table.children.forEach((row, i) => {
      const cells = row.children.map((cell) => squeeze(this.inline(cell.children)));
      this.push({ kind: "row", text: cells.join("\t"), ...(i === 0 ? { head: true } : {}) });
    });
  }

  private resolved(directive: Directive): { resolved: ResolvedReference | undefined; ref: string; label: string } {
    const ref = directive.attributes?.ref ?? "";
    const label = squeeze(this.inline(directive.children));
    const resolved = isReferenceKind(directive.name) && REF_PATTERN.test(ref) ? this.resolve(directive.name, ref) : undefined;
    return { resolved, ref, label };
  }

  private directiveBlock(directive: Directive) {
    if (!isReferenceKind(directive.name)) return;
    const { resolved, ref, label } = this.resolved(directive);
    const title = resolved && resolved !== "pending" ? resolved.title : label || ref;
    if (directive.name === "figure") {
      const caption = resolved && resolved !== "pending" ? resolved.figure?.caption : undefined;
      return this.push({ kind: "figure", text: squeeze(`${title} ${caption ?? ""}`) });
    }
    if (directive.name === "recommendation") {
      const words = resolved && resolved !== "pending" ? resolved.recommendation?.text : undefined;
      return this.push({ kind: "recommendation", text: squeeze(words ?? title) });
    }
    return this.push({ kind: "case-study", text: squeeze(title) });
  }

  private inline(nodes: readonly (PhrasingContent | Nodes)[]): string {
    let out = "";
    for (const node of nodes) {
      switch (node.type) {
        case "text":
        case "inlineCode":
        case "html":
          out += node.value;
          break;
        case "break":
          out += " ";
          break;
        case "image":
        case "imageReference":
          out += node.alt ?? "";
          break;
        case "footnoteReference": {
          let n = this.numbered.indexOf(node.identifier);
          if (n < 0 && this.definitions.has(node.identifier)) n = this.numbered.push(node.identifier) - 1;
          out += n < 0 ? "" : `[${n + 1}]`;
          break;
        }
        case "textDirective": {
          if (!isReferenceKind(node.name)) {
            // As html.ts: inline `:word` in prose was not meant as a directive.
            const label = this.inline(node.children);
            if (!node.attributes?.ref) out += `:${node.name}${label}`;
            else out += label;
            break;
          }
          const { resolved, ref, label } = this.resolved(node);
          out += label || (resolved && resolved !== "pending" ? resolved.title : ref);
          break;
        }
        default:
          if ("children" in node) out += this.inline(node.children as PhrasingContent[]);
      }
    }
    return out;
  }
}

/** A parsed text's blocks, its evidence shown through `resolve`. */
export function textBlocksOf(tree: Root, resolve: Resolver): TextBlock[] {
  return new Reader(tree, resolve).blocks;
}

/** A text's blocks now, on this thread (the worker's task, and the inline path for small texts). */
export function textBlocksNow(request: TextBlocksRequest): TextBlock[] {
  const resolutions = new Map(request.resolutions);
  return textBlocksOf(parseMarkdown(request.markdown, request.textLang), (kind, ref) => resolutions.get(referenceKey(kind, ref)));
}

const sha = (text: string) => createHash("sha256").update(text).digest("base64url");
const cache = new LRUCache<string, TextBlock[]>({
  maxSize: 8 * 1024 * 1024,
  sizeCalculation: (blocks, key) => 2 * key.length + blocks.reduce((n, b) => n + 2 * b.text.length + 60, 100),
});

/**
 * A text's blocks as readers of `textLang` see them, evidence shown through `resolve`: small
 * texts now, large ones on the worker pool (with its time limit); each result kept, bounded by bytes.
 */
export async function textBlocks(markdown: string, options: { textLang?: Language | undefined; resolve: Resolver }): Promise<TextBlock[]> {
  const resolutions = (await referencesOf(markdown)).map((r): [string, ResolvedReference | undefined] => [referenceKey(r.kind, r.ref), options.resolve(r.kind, r.ref)]);
  const key = `${sha(markdown)}|${options.textLang ?? ""}|${sha(JSON.stringify(resolutions))}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const request: TextBlocksRequest = { markdown, textLang: options.textLang, resolutions };
  const blocks = markdown.length <= INLINE_MAX_CHARS ? textBlocksNow(request) : await runInPool<TextBlock[]>("blocks", request);
  cache.set(key, blocks);
  return blocks;
}
