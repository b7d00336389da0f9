import { strFromU8, unzipSync } from "fflate";
import type { AlignType } from "mdast";
import type { DroppedItem } from "#src/domain/case-study-imports.ts";

// What mammoth does not tell: read from the .docx's own XML. The parts come from the zip that
// checkDocx checked and repacked; each part is read once, tag by tag, without a regular
// expression that could backtrack, so a hostile part costs time in proportion to its size.

type Tag = { name: string; closing: boolean; selfClosing: boolean; attrs: string };

/** The tags of an XML text, in order: two index searches per tag, nothing quadratic. */
function* tagsOf(xml: string): Generator<Tag> {
  let at = 0;
  for (;;) {
    const start = xml.indexOf("<", at);
    if (start === -1) return;
    const end = xml.indexOf(">", start + 1);
    if (end === -1) return;
    at = end + 1;
    const first = xml.charCodeAt(start + 1);
    // Declarations, comments, CDATA and processing instructions are no elements.
    if (first === 0x3f || first === 0x21) continue;
    const closing = first === 0x2f;
    const body = xml.slice(start + (closing ? 2 : 1), end);
    const selfClosing = body.endsWith("/");
    let nameEnd = 0;
    while (nameEnd < body.length && !" \t\r\n/".includes(body[nameEnd]!)) nameEnd++;
    yield { name: body.slice(0, nameEnd), closing, selfClosing, attrs: body.slice(nameEnd, selfClosing ? -1 : undefined) };
  }
}

/** One attribute's value from a tag's attribute text (the name matched whole). */
function attribute(attrs: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = attrs.indexOf(`${name}=`, from);
    if (at === -1) return undefined;
    from = at + name.length + 1;
    const before = attrs.charAt(at - 1);
    if (at > 0 && before !== " " && before !== "\t" && before !== "\n" && before !== "\r") continue;
    const quote = attrs.charAt(from);
    if (quote !== '"' && quote !== "'") return undefined;
    const close = attrs.indexOf(quote, from + 1);
    return close === -1 ? undefined : decodeEntities(attrs.slice(from + 1, close));
  }
}

const decodeEntities = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e] ?? "");

type Alignment = "left" | "center" | "right" | null;
const JUSTIFICATION: Record<string, Alignment> = { left: "left", start: "left", center: "center", right: "right", end: "right" };

type OpenTable = { rows: Alignment[][]; row: Alignment[] | null; cell: { align: Alignment; span: number; paragraphs: number; inProperties: boolean } | null };

/**
 * The column alignment of each outermost table of document.xml, in document order: the
 * justification of each cell's first paragraph, agreed by every body row of the column. A table
 * inside a cell is its own table and does not disturb the one around it. Left is Word's default
 * and reads as none, so only centred and right-aligned columns are written as such.
 */
export function tableAlignments(xml: string): AlignType[][] {
  const found: AlignType[][] = [];
  const open: OpenTable[] = [];
  for (const tag of tagsOf(xml)) {
    if (tag.name === "w:tbl") {
      if (tag.selfClosing) continue;
      if (!tag.closing) open.push({ rows: [], row: null, cell: null });
      else {
        const table = open.pop();
        if (table && !open.length) found.push(columnAlignments(table.rows));
      }
      continue;
    }
    const table = open.at(-1);
    if (!table) continue;
    switch (tag.name) {
      case "w:tr":
        if (tag.selfClosing) break;
        if (!tag.closing) table.row = [];
        else if (table.row) {
          table.rows.push(table.row);
          table.row = null;
        }
        break;
      case "w:tc":
        if (tag.selfClosing) break;
        if (!tag.closing) table.cell = { align: null, span: 1, paragraphs: 0, inProperties: false };
        else if (table.cell && table.row) {
          for (let i = 0; i < table.cell.span && table.row.length < 1_000; i++) table.row.push(table.cell.align);
          table.cell = null;
        }
        break;
      case "w:gridSpan":
        if (table.cell && !tag.closing) table.cell.span = Math.min(Math.max(Number(attribute(tag.attrs, "w:val")) || 1, 1), 64);
        break;
      case "w:p":
        if (table.cell && !tag.closing) table.cell.paragraphs++;
        break;
      case "w:pPr":
        if (table.cell && !tag.selfClosing) table.cell.inProperties = !tag.closing;
        break;
      case "w:jc":
        if (table.cell?.inProperties && table.cell.paragraphs === 1 && !tag.closing) table.cell.align = JUSTIFICATION[attribute(tag.attrs, "w:val") ?? ""] ?? null;
        break;
      default:
        break;
    }
  }
  return found;
}

function columnAlignments(rows: Alignment[][]): AlignType[] {
  const body = rows.length > 1 ? rows.slice(1) : rows;
  const columns = Math.max(0, ...rows.map((r) => r.length));
  return Array.from({ length: columns }, (_, c) => {
    const seen = new Set(body.map((r) => r[c] ?? null));
    const [only] = seen;
    return seen.size === 1 && (only === "center" || only === "right") ? only : null;
  });
}

/** The parts of a checked (repacked, uncompressed) .docx that the report reads, as text. */
export function docxParts(checked: Uint8Array): { document: string; notes: string[]; comments: string } {
  const wanted = new Set(["word/document.xml", "word/footnotes.xml", "word/endnotes.xml", "word/comments.xml"]);
  const parts = unzipSync(checked, { filter: (file) => wanted.has(file.name) });
  const text = (name: string) => (parts[name] ? strFromU8(parts[name]) : "");
  return { document: text("word/document.xml"), notes: [text("word/footnotes.xml"), text("word/endnotes.xml")], comments: text("word/comments.xml") };
}

const list = (values: Iterable<string>) => [...new Set(values)].filter(Boolean).slice(0, 20).join(", ");

/**
 * What the import leaves out, counted in the document's XML: tracked changes (mammoth keeps the
 * inserted and moved-to text and leaves out the deleted and moved-from text: the document as if
 * every change were accepted), comments (with their authors), embedded objects (with their
 * programs, e.g. "Excel.Sheet.12"; only their preview picture can come through), charts and
 * SmartArt diagrams (drawings mammoth does not read, with their names) and text boxes
 * that exist only in a form mammoth does not read (no fallback).
 */
export function droppedInXml(parts: { document: string; notes: string[]; comments: string }): DroppedItem[] {
  const dropped: DroppedItem[] = [];
  let inserted = 0;
  let deleted = 0;
  let objects = 0;
  const programs: string[] = [];
  let textBoxes = 0;
  /** The name Word gives the drawing being read (wp:docPr), for a chart's detail. */
  let drawing = "";
  // mc:AlternateContent: whether its Choice and its Fallback hold a text box.
  const alternates: { where: "choice" | "fallback" | null; choice: boolean; fallback: boolean }[] = [];
  for (const xml of [parts.document, ...parts.notes]) {
    for (const tag of tagsOf(xml)) {
      const alternate = alternates.at(-1);
      switch (tag.name) {
        // A revision mark on a paragraph's properties (self-closing) is not a change of its own.
        case "w:ins":
        case "w:moveTo":
          if (!tag.closing && !tag.selfClosing) inserted++;
          break;
        case "w:del":
        case "w:moveFrom":
          if (!tag.closing && !tag.selfClosing) deleted++;
          break;
        case "w:object":
          if (!tag.closing && !tag.selfClosing) objects++;
          break;
        case "o:OLEObject":
          if (!tag.closing) programs.push(attribute(tag.attrs, "ProgID") ?? "");
          break;
        case "wp:docPr":
          if (!tag.closing) drawing = attribute(tag.attrs, "name") ?? "";
          break;
        // Charts and SmartArt diagrams are drawings mammoth does not read: their content is lost.
        case "a:graphicData": {
          const uri = tag.closing ? "" : (attribute(tag.attrs, "uri") ?? "");
          const kind = /\/chart(?:ex)?$/.test(uri) ? "Chart" : /\/diagram$/.test(uri) ? "SmartArt" : "";
          if (kind) {
            objects++;
            programs.push(drawing ? `${kind} "${drawing}"` : kind);
          }
          break;
        }
        case "mc:AlternateContent":
          if (tag.selfClosing) break;
          if (!tag.closing) alternates.push({ where: null, choice: false, fallback: false });
          else {
            const done = alternates.pop();
            if (done?.choice && !done.fallback) textBoxes++;
          }
          break;
        case "mc:Choice":
        case "mc:Fallback":
          if (alternate && !tag.selfClosing) alternate.where = tag.closing ? null : tag.name === "mc:Choice" ? "choice" : "fallback";
          break;
        case "w:txbxContent":
          if (alternate?.where && !tag.closing) alternate[alternate.where] = true;
          break;
        default:
          break;
      }
    }
  }
  // Numbers, not words: the review page says them in the member's language.
  if (inserted || deleted) dropped.push({ kind: "tracked-changes", count: inserted + deleted, inserted, deleted });
  let comments = 0;
  const authors: string[] = [];
  for (const tag of tagsOf(parts.comments)) {
    if (tag.name !== "w:comment" || tag.closing) continue;
    comments++;
    authors.push(attribute(tag.attrs, "w:author") ?? "");
  }
  if (comments) dropped.push({ kind: "comments", count: comments, ...(list(authors) ? { detail: list(authors) } : {}) });
  if (objects) dropped.push({ kind: "embedded-objects", count: objects, ...(list(programs) ? { detail: list(programs) } : {}) });
  if (textBoxes) dropped.push({ kind: "text-boxes", count: textBoxes });
  return dropped;
}

/** The pictures left out (formats a browser does not show safely), with their media types when known. */
export function droppedImages(types: string[]): DroppedItem[] {
  return types.length ? [{ kind: "images", count: types.length, ...(list(types) ? { detail: list(types) } : {}) }] : [];
}
