import { setBlockType, toggleMark, wrapIn, lift } from "prosemirror-commands";
import { type Mark, type MarkType, type Node, type NodeType } from "prosemirror-model";
import { liftListItem, sinkListItem, wrapInList } from "prosemirror-schema-list";
import { TextSelection, type Command, type EditorState } from "prosemirror-state";
import { addColumnAfter, addRowAfter, deleteColumn, deleteRow, goToNextCell, isInTable } from "prosemirror-tables";
import { schema, type EvidenceKind } from "#src/client/editor/schema.ts";

// What the toolbar and the shortcuts do, as ProseMirror commands (state, dispatch?) → applicable.

const S = schema.nodes;

/**
 * Headings as the writer sees them (Heading 1 to 3) and as Markdown stores them. A section's own
 * title is the page's second level (chapter h1, section h2), so a section's first heading level
 * is `###` (h3 on the site; the PDF and Word files keep the same order below the section).
 */
export const HEADING_DEPTHS = [3, 4, 5] as const;

export const markActive = (state: EditorState, type: MarkType) => {
  const { from, $from, to, empty } = state.selection;
  if (empty) return Boolean(type.isInSet(state.storedMarks ?? $from.marks()));
  return state.doc.rangeHasMark(from, to, type);
};

/** The text style at the cursor: "p", a heading depth, or "" when the selection spans several. */
export function blockStyle(state: EditorState): string {
  const { $from, $to } = state.selection;
  if (!$from.sameParent($to) || !$from.parent.isTextblock) return "";
  const parent = $from.parent;
  if (parent.type === S.heading) return String(parent.attrs.level);
  if (parent.type === S.paragraph) return "p";
  return "";
}

export const setStyle = (style: string): Command => (style === "p" ? setBlockType(S.paragraph) : setBlockType(S.heading, { level: Number(style) }));

export const toggleBold = toggleMark(schema.marks.strong);
export const toggleItalic = toggleMark(schema.marks.em);

/** The list type the cursor is in (the innermost), if any. */
export function listAround(state: EditorState): NodeType | undefined {
  const { $from } = state.selection;
  for (let d = $from.depth; d > 0; d--) {
    const type = $from.node(d).type;
    if (type === S.bullet_list || type === S.ordered_list) return type;
  }
  return undefined;
}

/** Makes the selection a list of this type, changes the list around it, or takes it out of the list. */
export const toggleList =
  (type: NodeType): Command =>
  (state, dispatch) => {
    const current = listAround(state);
    if (current === type) return liftListItem(S.list_item)(state, dispatch);
    if (current) {
      const { $from } = state.selection;
      for (let d = $from.depth; d > 0; d--) {
        const node = $from.node(d);
        if (node.type === current) {
          if (dispatch) dispatch(state.tr.setNodeMarkup($from.before(d), type, type === S.ordered_list ? { ...node.attrs, start: 1 } : { ...node.attrs }));
          return true;
        }
      }
    }
    return wrapInList(type)(state, dispatch);
  };

export const indent: Command = (state, dispatch) => sinkListItem(S.list_item)(state, dispatch);
export const outdent: Command = (state, dispatch) => liftListItem(S.list_item)(state, dispatch) || lift(state, dispatch);

export function inside(state: EditorState, type: NodeType): boolean {
  const { $from } = state.selection;
  for (let d = $from.depth; d > 0; d--) if ($from.node(d).type === type) return true;
  return false;
}

export const toggleQuote: Command = (state, dispatch) => (inside(state, S.blockquote) ? lift(state, dispatch) : wrapIn(S.blockquote)(state, dispatch));

/** Tab: the next cell (a new row after the last), a deeper list item; elsewhere nothing, so focus moves on. */
export const tab: Command = (state, dispatch) => {
  if (isInTable(state)) {
    if (goToNextCell(1)(state, dispatch)) return true;
    if (!dispatch) return true;
    // Past the last cell, as in a word processor: a new row, and the cursor in its first cell.
    return addRowAfter(state, (tr) => {
      const $head = tr.selection.$head;
      for (let d = $head.depth; d > 0; d--) {
        if ($head.node(d).type.spec.tableRole !== "row") continue;
        const next = $head.after(d);
        tr.setSelection(TextSelection.create(tr.doc, next + 2));
        break;
      }
      dispatch(tr.scrollIntoView());
    });
  }
  if (listAround(state)) {
    sinkListItem(S.list_item)(state, dispatch);
    return true; // never out of the list: that would lose the writer's place
  }
  return false;
};

export const shiftTab: Command = (state, dispatch) => {
  if (isInTable(state)) {
    goToNextCell(-1)(state, dispatch);
    return true;
  }
  if (listAround(state)) {
    liftListItem(S.list_item)(state, dispatch);
    return true;
  }
  return false;
};

export const hardBreak: Command = (state, dispatch) => {
  const { $from } = state.selection;
  if (!$from.parent.type.contentMatch.matchType(S.hard_break) || isInTable(state)) return false;
  if (dispatch) dispatch(state.tr.replaceSelectionWith(S.hard_break.create()).scrollIntoView());
  return true;
};

// Tables

/** A new table: a header row and one row, two columns, the cursor in the first cell. */
export const insertTable: Command = (state, dispatch) => {
  const row = (type: NodeType) => S.table_row.create(null, [type.create(), type.create()]);
  const figure = S.table_figure.create(null, S.table.create(null, [row(S.table_header), row(S.table_cell)]));
  if (isInTable(state) || !canInsertBlock(state, figure)) return false;
  if (dispatch) {
    const tr = insertBlock(state, figure)!;
    const start = findAfter(tr.doc, tr.mapping.map(state.selection.from, -1), S.table_header);
    if (start !== undefined) tr.setSelection(TextSelection.create(tr.doc, start + 1));
    dispatch(tr.scrollIntoView());
  }
  return true;
};

export const tableCommands = { addRow: addRowAfter, deleteRow, addColumn: addColumnAfter, deleteColumn };

/** The table around the cursor: the figure node and its position. */
function figureAround(state: EditorState): { node: Node; pos: number } | undefined {
  const { $from } = state.selection;
  for (let d = $from.depth; d > 0; d--) if ($from.node(d).type === S.table_figure) return { node: $from.node(d), pos: $from.before(d) };
  return undefined;
}

/** The way a caption starts in each language of the report (see content/parse.ts). */
export const CAPTION_PREFIX: Record<string, string> = { en: "Table: ", fr: "Tableau : ", es: "Tabla: " };

/** Goes to the table's caption, adding one (in the text's language) if it has none. */
export const caption =
  (lang: string): Command =>
  (state, dispatch) => {
    const figure = figureAround(state);
    if (!figure) return false;
    if (!dispatch) return true;
    const tr = state.tr;
    const table = figure.node.firstChild!;
    if (figure.node.childCount < 2) tr.insert(figure.pos + 1 + table.nodeSize, S.table_caption.create({ prefix: CAPTION_PREFIX[lang] ?? CAPTION_PREFIX.en }));
    const captionNode = tr.doc.nodeAt(figure.pos)!.lastChild!;
    tr.setSelection(TextSelection.create(tr.doc, figure.pos + 1 + table.nodeSize + 1 + captionNode.content.size));
    dispatch(tr.scrollIntoView());
    return true;
  };

// Footnotes

/** A new footnote: a reference at the cursor and its note at the end of the text, where the cursor goes. */
export const insertFootnote: Command = (state, dispatch) => {
  if (!state.selection.$from.parent.type.contentMatch.matchType(S.footnote_ref)) return false;
  if (!dispatch) return true;
  const used = new Set<string>();
  state.doc.descendants((node) => {
    if (node.type === S.footnote_ref || node.type === S.footnote_definition) used.add(String(node.attrs.label));
  });
  let n = 1;
  while (used.has(String(n))) n++;
  const label = String(n);
  const tr = state.tr.replaceSelectionWith(S.footnote_ref.create({ label }), false);
  const end = tr.doc.content.size;
  tr.insert(end, S.footnote_definition.create({ label }, S.paragraph.create()));
  tr.setSelection(TextSelection.create(tr.doc, end + 2));
  dispatch(tr.scrollIntoView());
  return true;
};

/** The number readers will see for each footnote label: in order of first reference. */
export function footnoteNumbers(doc: Node): Map<string, number> {
  const numbers = new Map<string, number>();
  doc.descendants((node) => {
    if (node.type === S.footnote_ref && !numbers.has(String(node.attrs.label).toLowerCase())) numbers.set(String(node.attrs.label).toLowerCase(), numbers.size + 1);
  });
  return numbers;
}

// Evidence and links

/**
 * Where a block goes: in place of the selection when the text around it can be split there (a
 * paragraph, a list item), else right after the table, caption or heading the cursor is in.
 */
function blockPlace(state: EditorState, node: Node): { at: "selection" } | { at: "after"; pos: number } | undefined {
  const { $from } = state.selection;
  for (let d = $from.depth; d >= 0; d--) {
    const index = $from.indexAfter(d);
    if (!$from.node(d).canReplaceWith(index, index, node.type)) continue;
    if (d >= $from.depth - 1 && $from.parent.type === S.paragraph) return { at: "selection" };
    return { at: "after", pos: d === $from.depth ? $from.pos : $from.after(d + 1) };
  }
  return undefined;
}

export const canInsertBlock = (state: EditorState, node: Node) => blockPlace(state, node) !== undefined;

/** Inserts a block where blockPlace says; an empty paragraph at the cursor gives way to it. */
function insertBlock(state: EditorState, node: Node) {
  const place = blockPlace(state, node);
  if (!place) return undefined;
  const { $from, empty } = state.selection;
  const tr = state.tr;
  if (place.at === "after") tr.insert(place.pos, node);
  else if (empty && $from.parent.type === S.paragraph && $from.parent.content.size === 0) tr.replaceWith($from.before(), $from.after(), node);
  else tr.replaceSelectionWith(node);
  return tr;
}

/** Places a figure, recommendation or case study block where the cursor is. */
export const insertEvidenceBlock =
  (kind: EvidenceKind, ref: string): Command =>
  (state, dispatch) => {
    const tr = insertBlock(state, S.evidence.create({ kind, ref }));
    if (!tr) return false;
    if (dispatch) dispatch(tr.scrollIntoView());
    return true;
  };

export const insertEvidenceInline =
  (kind: EvidenceKind, ref: string, label: string): Command =>
  (state, dispatch) => {
    if (!state.selection.$from.parent.type.contentMatch.matchType(S.evidence_inline)) return false;
    if (dispatch) dispatch(state.tr.replaceSelectionWith(S.evidence_inline.create({ kind, ref, label }), true).scrollIntoView());
    return true;
  };

/** The link at the cursor (or over the selection): its mark and the run of text it covers. */
export function linkAt(state: EditorState): { mark: Mark; from: number; to: number } | undefined {
  const type = schema.marks.link;
  const { $from, from, to } = state.selection;
  const mark = type.isInSet($from.nodeAfter?.marks ?? []) ?? type.isInSet($from.nodeBefore?.marks ?? []) ?? (from !== to ? findMarkIn(state.doc, from, to, type) : undefined);
  if (!mark) return undefined;
  const start = $from.start();
  const runs: { from: number; to: number }[] = [];
  let current: { from: number; to: number } | undefined;
  $from.parent.forEach((child, offset) => {
    const a = start + offset;
    const b = a + child.nodeSize;
    if (!mark.isInSet(child.marks)) current = undefined;
    else if (current && current.to === a) current.to = b;
    else runs.push((current = { from: a, to: b }));
  });
  const run = runs.find((r) => r.from <= from && from <= r.to) ?? runs[0];
  return run ? { mark, ...run } : undefined;
}

function findMarkIn(doc: Node, from: number, to: number, type: MarkType): Mark | undefined {
  let found: Mark | undefined;
  doc.nodesBetween(from, to, (node) => {
    found ??= type.isInSet(node.marks) ?? undefined;
  });
  return found;
}

/** The words of a range as the link dialog shows them (blocks apart by a space). */
export const linkWords = (doc: Node, from: number, to: number) => doc.textBetween(from, to, " ");

/** Whether a range is text within one textblock only (no card, footnote, break or block boundary in it). */
function onlyText(doc: Node, from: number, to: number): boolean {
  const $from = doc.resolve(from);
  if (!$from.parent.isTextblock || !$from.sameParent(doc.resolve(to))) return false;
  let text = true;
  doc.nodesBetween(from, to, (node) => {
    if (node.isInline && !node.isText) text = false;
    return text;
  });
  return text;
}

/** Sets (or, with an empty href, removes) a link over the selection; with nothing selected, inserts `text` linked. */
export const setLink =
  (href: string, text: string, range?: { from: number; to: number }): Command =>
  (state, dispatch) => {
    const type = schema.marks.link;
    const from = range?.from ?? state.selection.from;
    const to = range?.to ?? state.selection.to;
    if (!dispatch) return true;
    const tr = state.tr;
    if (!href) {
      tr.removeMark(from, to, type);
      dispatch(tr);
      return true;
    }
    const mark = type.create({ href, title: null });
    if (from === to) {
      const words = text || href;
      tr.insert(from, schema.text(words, [...state.selection.$from.marks().filter((m) => m.type !== type), mark]));
      tr.setSelection(TextSelection.create(tr.doc, from + words.length));
      tr.removeStoredMark(type);
    } else if (text && text !== linkWords(state.doc, from, to) && onlyText(state.doc, from, to)) {
      // New words for the link, over plain text in one paragraph: nothing else is replaced with them.
      tr.replaceWith(from, to, schema.text(text, state.doc.resolve(from).marks()));
      tr.addMark(from, from + text.length, mark);
    } else tr.addMark(from, to, mark);
    dispatch(tr.scrollIntoView());
    return true;
  };

/** Links written for sections of the report: `#slug` in the same chapter, `chapter-slug#slug`. */
export const SECTION_LINK = /^(?:[a-z0-9][a-z0-9-]*)?#[a-z0-9][a-z0-9-]*$/;

function findAfter(doc: Node, from: number, type: NodeType): number | undefined {
  let found: number | undefined;
  doc.nodesBetween(from, doc.content.size, (node, pos) => {
    if (found !== undefined) return false;
    if (node.type === type) {
      found = pos;
      return false;
    }
    return true;
  });
  return found;
}
