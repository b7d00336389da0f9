import { Fragment, Slice, type Node } from "prosemirror-model";
import type { EditorView } from "prosemirror-view";
import { markdownToDoc, serializeFresh } from "#src/client/editor/markdown.ts";
import { schema } from "#src/client/editor/schema.ts";
import { pastedHtmlToMarkdown } from "#src/content/paste.ts";

// Pasting: HTML from Word, LibreOffice or a web page becomes Markdown first (content/paste.ts keeps
// headings, lists, tables, links, emphasis and footnotes and drops styles and tracking), then the
// editor's document, so a paste holds exactly what the stored Markdown can. ProseMirror's own
// copies (between editors of the site) keep their nodes. Plain text that looks like Markdown
// (a heading, list or quote marker, a table row, emphasis, a link, a directive) is read as
// Markdown; other plain text is pasted as typed, one paragraph per line.

/** Blocks parsed from another text keep their Markdown, not their place in that text. */
function detached(node: Node): Node {
  return node.type.spec.attrs && "gap" in node.type.spec.attrs ? node.type.create({ ...node.attrs, gap: null }, node.content, node.marks) : node;
}

export function markdownSlice(markdown: string): Slice {
  const doc = markdownToDoc(markdown);
  const blocks: Node[] = [];
  doc.forEach((block) => {
    if (!(block.type === schema.nodes.paragraph && block.content.size === 0)) blocks.push(detached(block));
  });
  return Slice.maxOpen(Fragment.fromArray(blocks));
}

const MARKDOWN_HINTS = [/^#{1,6} \S/m, /^\s*(?:[-*+]|\d{1,9}[.)]) \S/m, /^> /m, /^\|.*\|\s*$/m, /\*\*[^*\n]+\*\*/, /\[[^\]\n]+\]\([^)\s]+\)/, /\[\^[^\]\s]+\]/, /^::[a-z-]+\{/m, /:[a-z-]+\[[^\]\n]*\]\{ref=/, /^```/m];

/** Whether plain text reads as Markdown rather than prose. */
export const looksLikeMarkdown = (text: string) => MARKDOWN_HINTS.some((hint) => hint.test(text));

/** Footnotes of a pasted text renumbered past those the document has, so `[^1]` never means two notes. */
export function withFreeFootnoteLabels(markdown: string, doc: Node): string {
  const taken = new Set<string>();
  doc.descendants((node) => {
    if (node.type === schema.nodes.footnote_ref || node.type === schema.nodes.footnote_definition) taken.add(String(node.attrs.label).toLowerCase());
  });
  if (!taken.size) return markdown;
  const renamed = new Map<string, string>();
  let next = 1;
  return markdown.replace(/\[\^([^\]\s]+)\]/g, (_whole, label: string) => {
    const key = label.toLowerCase();
    let fresh = renamed.get(key);
    if (!fresh) {
      while (taken.has(String(next))) next++;
      fresh = String(next);
      taken.add(fresh);
      renamed.set(key, fresh);
    }
    return `[^${fresh}]`;
  });
}

export function handlePaste(view: EditorView, event: ClipboardEvent): boolean {
  const data = event.clipboardData;
  if (!data) return false;
  const html = data.getData("text/html");
  // Copied from this editor: ProseMirror reads its own markup back with the schema's rules.
  if (html && /data-pm-slice/.test(html)) return false;
  let markdown: string | undefined;
  if (html.trim()) markdown = pastedHtmlToMarkdown(html);
  else {
    const text = data.getData("text/plain");
    if (text && looksLikeMarkdown(text)) markdown = text.replace(/\r\n?/g, "\n");
  }
  if (markdown === undefined) return false;
  const slice = markdownSlice(withFreeFootnoteLabels(markdown, view.state.doc));
  if (!slice.content.size) return true;
  view.dispatch(view.state.tr.replaceSelection(slice).scrollIntoView().setMeta("uiEvent", "paste"));
  return true;
}

/** Copying to plain text gives the Markdown of what was selected. */
export function clipboardText(slice: Slice): string {
  const content = slice.content;
  const blocks = content.firstChild?.isInline ? Fragment.from(schema.nodes.paragraph.create(null, content)) : content;
  try {
    return serializeFresh(schema.node("doc", null, blocks.childCount ? blocks : Fragment.from(schema.nodes.paragraph.create())));
  } catch {
    return content.textBetween(0, content.size, "\n\n");
  }
}
