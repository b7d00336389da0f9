import { Fragment, Slice, type Node } from "prosemirror-model";
import { Selection } from "prosemirror-state";
import { dropPoint } from "prosemirror-transform";
import type { EditorView } from "prosemirror-view";
import { markdownToDoc, serializeFresh } from "#src/client/editor/markdown.ts";
import { schema, trustRawParsing } from "#src/client/editor/schema.ts";
import { pastedHtmlToMarkdown } from "#src/content/paste.ts";

// Pasting: HTML from Word, LibreOffice or a web page becomes Markdown first (content/paste.ts keeps
// headings, lists, tables, links, emphasis and footnotes and drops styles and tracking), then the
// editor's document, so a paste holds exactly what the stored Markdown can. Drops from other
// programs go the same way. Only copies made in this editor (they carry a private type holding a
// key kept in this browser, see markOwnCopy) are read back by ProseMirror with the schema's rules
// and keep their nodes; HTML that merely looks like them is cleaned like any other. Plain text
// that looks like Markdown (a heading, list or quote marker, a table row, emphasis, a link, a
// directive) is read as Markdown; other plain text is pasted as typed, one paragraph per line.

/** Blocks parsed from another text keep their Markdown, not their place in that text. */
function detached(node: Node): Node {
  return node.type.spec.attrs && "gap" in node.type.spec.attrs ? node.type.create({ ...node.attrs, gap: null }, node.content, node.marks) : node;
}

/** The blocks of a Markdown text, ready to insert into `into` (its footnotes renumbered past those `into` has). */
export function markdownSlice(markdown: string, into?: Node): Slice {
  const parsed = markdownToDoc(markdown);
  const doc = into ? withFreeFootnoteLabels(parsed, into) : parsed;
  const blocks: Node[] = [];
  doc.forEach((block) => {
    if (!(block.type === schema.nodes.paragraph && block.content.size === 0)) blocks.push(detached(block));
  });
  return Slice.maxOpen(Fragment.fromArray(blocks));
}

const MARKDOWN_HINTS = [/^#{1,6} \S/m, /^\s*(?:[-*+]|\d{1,9}[.)]) \S/m, /^> /m, /^\|.*\|\s*$/m, /\*\*[^*\n]+\*\*/, /\[[^\]\n]+\]\([^)\s]+\)/, /\[\^[^\]\s]+\]/, /^::[a-z-]+\{/m, /:[a-z-]+\[[^\]\n]*\]\{ref=/, /^```/m];

/** Whether plain text reads as Markdown rather than prose. */
export const looksLikeMarkdown = (text: string) => MARKDOWN_HINTS.some((hint) => hint.test(text));

const isFootnote = (node: Node) => node.type === schema.nodes.footnote_ref || node.type === schema.nodes.footnote_definition;

/** A pasted document's footnotes renumbered past the notes `doc` has, so `[^1]` never means two notes. */
export function withFreeFootnoteLabels(pasted: Node, doc: Node): Node {
  const taken = new Set<string>();
  doc.descendants((node) => {
    if (isFootnote(node)) taken.add(String(node.attrs.label).toLowerCase());
  });
  if (!taken.size) return pasted;
  const renamed = new Map<string, string>();
  let next = 1;
  const fresh = (label: string) => {
    const key = label.toLowerCase();
    let name = renamed.get(key);
    if (!name) {
      while (taken.has(String(next))) next++;
      name = String(next);
      taken.add(name);
      renamed.set(key, name);
    }
    return name;
  };
  // The tree, not the text: `[^1]` in code or escaped is no footnote. A renamed block no longer
  // holds what it was parsed from (its signature covers the labels): it is written afresh.
  const relabel = (node: Node): Node => {
    if (node.isText || node.isLeaf) return isFootnote(node) ? node.type.create({ ...node.attrs, label: fresh(String(node.attrs.label)) }, null, node.marks) : node;
    const children: Node[] = [];
    node.forEach((child) => children.push(relabel(child)));
    const attrs = isFootnote(node) ? { ...node.attrs, label: fresh(String(node.attrs.label)) } : node.attrs;
    return node.type.create(attrs, Fragment.fromArray(children), node.marks);
  };
  return relabel(pasted);
}

const OWN_COPY = "application/x-living-report-slice";
const KEY_STORE = "lr-clipboard-key";
let pageKey: string | undefined;

/** The key that marks this editor's copies: one per browser (copies between tabs stay the editor's), else per page. */
function copyKey(): string {
  const made = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
  try {
    const stored = window.localStorage.getItem(KEY_STORE);
    if (stored) return stored;
    const key = made();
    window.localStorage.setItem(KEY_STORE, key);
    return key;
  } catch {
    return (pageKey ??= made());
  }
}

/** Marks a copy or drag made in this editor (after ProseMirror wrote its markup to the transfer). */
export function markOwnCopy(data: Pick<DataTransfer, "setData">): void {
  data.setData(OWN_COPY, copyKey());
}

/** Whether a transfer is a copy made in this editor, which ProseMirror may read back with its nodes. */
export function isOwnCopy(data: Pick<DataTransfer, "getData">): boolean {
  return data.getData(OWN_COPY) === copyKey();
}

/** What a transfer from elsewhere holds, as Markdown; undefined for plain prose (pasted as typed) or nothing. */
export function transferredMarkdown(data: Pick<DataTransfer, "getData">): string | undefined {
  const html = data.getData("text/html");
  if (html.trim()) return pastedHtmlToMarkdown(html);
  const text = data.getData("text/plain");
  return text && looksLikeMarkdown(text) ? text.replace(/\r\n?/g, "\n") : undefined;
}

/** Lets ProseMirror read an own copy with all of the schema's rules, for this one event. */
function trustOwnCopy() {
  trustRawParsing(true);
  setTimeout(() => trustRawParsing(false), 0);
}

export function handlePaste(view: EditorView, event: ClipboardEvent): boolean {
  const data = event.clipboardData;
  if (!data) return false;
  // Copied from this editor: ProseMirror reads its own markup back with the schema's rules.
  if (isOwnCopy(data)) {
    trustOwnCopy();
    return false;
  }
  const markdown = transferredMarkdown(data);
  if (markdown === undefined) return false;
  const slice = markdownSlice(markdown, view.state.doc);
  if (!slice.content.size) return true;
  view.dispatch(view.state.tr.replaceSelection(slice).scrollIntoView().setMeta("uiEvent", "paste"));
  return true;
}

/** A drop: moved within this editor or copied from it, ProseMirror's; from elsewhere, cleaned as a paste is. True when handled here. */
export function handleDrop(view: EditorView, event: DragEvent): boolean {
  const data = event.dataTransfer;
  if (!data || view.dragging) return false;
  if (isOwnCopy(data)) {
    trustOwnCopy();
    return false;
  }
  const markdown = transferredMarkdown(data);
  if (markdown === undefined) return false;
  const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
  const slice = markdownSlice(markdown, view.state.doc);
  if (!at || !slice.content.size) return true;
  const pos = dropPoint(view.state.doc, at.pos, slice) ?? at.pos;
  const tr = view.state.tr.replaceRange(pos, pos, slice);
  const end = tr.mapping.map(pos, 1);
  tr.setSelection(Selection.near(tr.doc.resolve(end), -1));
  view.focus();
  view.dispatch(tr.scrollIntoView().setMeta("uiEvent", "drop"));
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
