import { strFromU8, unzipSync } from "fflate";
import { SaxesParser, type SaxesTagNS } from "saxes";
import { GENERATED_STYLE, parseMark, type ParsedMark } from "#src/domain/review-suggestions.ts";
import { appError, isAppError } from "#src/lib/errors.ts";

// What a review file that comes back says, read from its XML: each body paragraph (tables
// included) as it reads with every tracked change accepted (`text`) and with every change
// rejected (`before`), the changes themselves in order, the comments with the words they are
// anchored to, and the section marks (bookmarks on the headings, see domain/review-suggestions.ts)
// that tell which section and revision each part came from. The parts are read by a streaming
// parser (saxes): time in proportion to their size, no entity of a DOCTYPE expanded (an entity
// it does not know is an error), and caps on what is kept.

export type ReadChange = { kind: "ins" | "del"; author: string | null; date: string | null; at: number /* offset in `before` */; text: string; moved?: boolean };

export type ReadParagraph = {
  /** The paragraph with every tracked change accepted. */
  text: string;
  /** The paragraph with every tracked change rejected. */
  before: string;
  /** Its style id; GENERATED_STYLE for lines no one writes, whatever id a word processor gave that style. */
  style: string | null;
  /** Outline level 1..6 (from the style or the paragraph), or null for body text. */
  heading: number | null;
  inTable: boolean;
  changes: ReadChange[];
  /** Only formatting was changed (ignored). */
  formatOnly: boolean;
  /** The paragraph mark was deleted: accepted, the paragraph runs on into the next. */
  merged?: true;
};

export type ReadComment = { author: string | null; date: string | null; body: string; quote: string; paragraph: number /* index in its section */ };

/** A section of the file: `paragraphs[0]` is its heading paragraph, the rest its body. `mark` is null when the file had no marks and the heading was taken for a section's by its outline level. */
export type ReadSection = { mark: (ParsedMark & { kind: "section" }) | null; headingText: string; paragraphs: ReadParagraph[]; comments: ReadComment[] };

export type ReviewWordRead = {
  /** Whether the file holds any tracked insertion or deletion. */
  tracked: boolean;
  /** What comes before the first section, or after a chapter heading and before the next section. */
  outside: { paragraphs: ReadParagraph[]; comments: ReadComment[] };
  sections: ReadSection[];
  /** What was not read, counted: "text-box", "object", "footnote" (content and changes there unread); "field" (its shown result is read as text). */
  unsupported: { kind: string; count: number }[];
};

/** A section as the file was downloaded: the revision its mark names (or, for a file without marks, its current one). */
export type SectionBase = { id: string; number: string; heading: string; revisionId: number; body: string };

/** The most paragraphs a review file may hold (a whole draft is a few thousand). */
export const MAX_READ_PARAGRAPHS = 20_000;
/** The most characters of text a review file may hold, both readings counted. */
export const MAX_READ_CHARS = 8_000_000;
/** The largest part (document, comments, styles) read. */
const MAX_PART_BYTES = 64 * 1024 * 1024;
/** Comment ranges followed at once; a comment's quote is cut at QUOTE_CHARS. */
const OPEN_RANGES = 64;
const QUOTE_CHARS = 2_000;
const MAX_COMMENTS = 5_000;

const W = new Set(["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"]);
const OTHER: Record<string, string> = {
  "http://schemas.openxmlformats.org/markup-compatibility/2006": "mc",
  "urn:schemas-microsoft-com:office:office": "o",
  "urn:schemas-microsoft-com:vml": "v",
};

/** A tag's name as "w:p", "mc:AlternateContent", whatever prefix the file used. */
const nameOf = (tag: { uri: string; local: string }) => (W.has(tag.uri) ? `w:${tag.local}` : `${OTHER[tag.uri] ?? "?"}:${tag.local}`);

/** A WordprocessingML attribute (w:val, w:id...) of a tag. */
/** A change's or comment's date when it is one (LibreOffice writes "0-00-00T00:00:00Z" for none). */
const dateOf = (value: string | null) => (value && /^(?:19|20|21)\d\d-\d\d-\d\dT\d\d:\d\d/.test(value) ? value : null);

function attr(tag: SaxesTagNS, local: string): string | null {
  for (const a of Object.values(tag.attributes)) if (a.local === local && (W.has(a.uri) || a.uri === "")) return a.value;
  return null;
}

function parse(xml: string, handlers: { open: (tag: SaxesTagNS) => void; close: (tag: SaxesTagNS) => void; text?: (text: string) => void }) {
  const parser = new SaxesParser({ xmlns: true, position: false });
  parser.on("opentag", handlers.open);
  parser.on("closetag", handlers.close);
  if (handlers.text) parser.on("text", handlers.text);
  try {
    parser.write(xml).close();
  } catch (e) {
    if (isAppError(e)) throw e;
    // Not well-formed XML, an undefined entity, a DOCTYPE in the wrong place: the file is not one we can read.
    throw appError("DOCUMENT_UNREADABLE");
  }
}

const isProperties = (local: string) => local.endsWith("Pr") || local === "tblGrid";
const isPropertyChange = (local: string) => local.endsWith("PrChange") || local === "tblGridChange" || local === "numberingChange";

type StyleInfo = { heading: number | null; generated: boolean };
/** A style's name or id without white space, lower-cased: "Review Generated" and "reviewgenerated" match. */
const styleKey = (s: string) => s.replace(/\s+/g, "").toLowerCase();

/** Style id → outline level and whether it is the generated lines' style, from styles.xml (names there are always the English built-in ones). */
function readStyles(xml: string): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  if (!xml) return styles;
  let current: { id: string; info: StyleInfo } | null = null;
  let change = 0;
  parse(xml, {
    open(tag) {
      const name = nameOf(tag);
      if (isPropertyChange(tag.local)) change++;
      if (change) return;
      if (name === "w:style") {
        const id = attr(tag, "styleId") ?? "";
        current = { id, info: { heading: null, generated: styleKey(id) === styleKey(GENERATED_STYLE) } };
      } else if (current && name === "w:name") {
        const value = attr(tag, "val") ?? "";
        const heading = /^heading ([1-6])$/i.exec(value.trim());
        if (heading) current.info.heading = Number(heading[1]);
        if (styleKey(value) === styleKey(GENERATED_STYLE)) current.info.generated = true;
      } else if (current && name === "w:outlineLvl") {
        const level = Number(attr(tag, "val"));
        if (Number.isInteger(level) && level >= 0 && level < 6) current.info.heading ??= level + 1;
      }
    },
    close(tag) {
      if (isPropertyChange(tag.local)) change--;
      if (nameOf(tag) === "w:style" && current) {
        if (current.id && styles.size < 5_000) styles.set(current.id, current.info);
        current = null;
      }
    },
  });
  return styles;
}

/** Comment id → author, date and text (its paragraphs joined by "\n", changes accepted). */
function readComments(xml: string): Map<string, { author: string | null; date: string | null; body: string }> {
  const comments = new Map<string, { author: string | null; date: string | null; body: string }>();
  if (!xml) return comments;
  let current: { id: string; author: string | null; date: string | null; paragraphs: string[] } | null = null;
  let text: "t" | null = null;
  let deleted = 0;
  parse(xml, {
    open(tag) {
      const name = nameOf(tag);
      if (name === "w:comment") current = { id: attr(tag, "id") ?? "", author: attr(tag, "author"), date: dateOf(attr(tag, "date")), paragraphs: [] };
      else if (!current) return;
      else if (name === "w:p") current.paragraphs.push("");
      else if (name === "w:del" || name === "w:moveFrom") deleted++;
      else if (name === "w:t" && !deleted) text = "t";
      else if ((name === "w:tab" || name === "w:br") && !deleted && current.paragraphs.length) current.paragraphs[current.paragraphs.length - 1] += " ";
    },
    close(tag) {
      const name = nameOf(tag);
      if (name === "w:t") text = null;
      else if (name === "w:del" || name === "w:moveFrom") deleted--;
      else if (name === "w:comment" && current) {
        if (comments.size < MAX_COMMENTS) comments.set(current.id, { author: current.author, date: current.date, body: current.paragraphs.join("\n").trim().slice(0, 20_000) });
        current = null;
      }
    },
    text(t) {
      if (text && current?.paragraphs.length && current.paragraphs.at(-1)!.length < 20_000) current.paragraphs[current.paragraphs.length - 1] += t;
    },
  });
  return comments;
}

type Revision = { kind: "ins" | "del"; author: string | null; date: string | null; moved: boolean; serial: number };
type Building = ReadParagraph & { marks: ParsedMark[]; serials: number[] };
type Range = { id: string; paragraph: number; quote: string };

/** Reads a review file (bytes that went through checkDocx). Refuses a file that is not well-formed (DOCUMENT_UNREADABLE) or holds more than a review file ever does (TOO_COMPLEX). */
export function readReviewWord(checkedDocx: Uint8Array): ReviewWordRead {
  const wanted = new Set(["word/document.xml", "word/comments.xml", "word/styles.xml"]);
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(checkedDocx, { filter: (file) => wanted.has(file.name) });
  } catch {
    throw appError("DOCUMENT_UNREADABLE");
  }
  // A whole draft's document.xml is a few megabytes: far past that, refuse before reading anything.
  if (Object.values(parts).some((data) => data.length > MAX_PART_BYTES)) throw appError("TOO_COMPLEX");
  const part = (name: string) => (parts[name] ? strFromU8(parts[name]) : "");
  const document = part("word/document.xml");
  if (!document) throw appError("DOCUMENT_UNREADABLE");
  const styles = readStyles(part("word/styles.xml"));
  const commentTexts = readComments(part("word/comments.xml"));

  const paragraphs: Building[] = [];
  const unsupported = new Map<string, number>();
  const count = (kind: string) => unsupported.set(kind, (unsupported.get(kind) ?? 0) + 1);
  let chars = 0;
  let tracked = false;

  let body = false;
  let tables = 0;
  /** Inside a text box, a drawing, an embedded object: nothing read. */
  let skipped = 0;
  let skippedTextBox = false;
  let props = 0;
  let propChange = 0;
  let inParagraphProps = 0;
  let text: "t" | "delText" | null = null;
  let current: Building | null = null;
  const revisions: Revision[] = [];
  let serial = 0;
  let pendingMarks: ParsedMark[] = [];
  const open: Range[] = [];
  const ranges = new Map<string, { paragraph: number; quote: string }>();
  const points = new Map<string, number>();

  const append = (t: string) => {
    if (!current) return;
    const inserted = revisions.some((r) => r.kind === "ins");
    const deleted = revisions.some((r) => r.kind === "del");
    if (inserted && deleted) return; // inserted, then deleted: in neither reading
    chars += t.length;
    if (chars > MAX_READ_CHARS) throw appError("TOO_COMPLEX");
    const revision = revisions.at(-1);
    if (revision) {
      tracked = true;
      const last = current.changes.at(-1);
      if (last && current.serials.at(-1) === revision.serial) last.text += t;
      else {
        current.changes.push({ kind: revision.kind, author: revision.author, date: revision.date, at: current.before.length, text: t, ...(revision.moved ? { moved: true } : {}) });
        current.serials.push(revision.serial);
      }
    }
    if (!deleted) {
      current.text += t;
      for (const range of open) if (range.quote.length < QUOTE_CHARS) range.quote += t;
    }
    if (!inserted) current.before += t;
  };

  const startParagraph = () => {
    if (paragraphs.length >= MAX_READ_PARAGRAPHS) throw appError("TOO_COMPLEX");
    current = { text: "", before: "", style: null, heading: null, inTable: tables > 0, changes: [], formatOnly: false, marks: pendingMarks, serials: [] };
    pendingMarks = [];
  };

  const endParagraph = () => {
    if (!current) return;
    paragraphs.push(current);
    for (const range of open) if (range.quote && !range.quote.endsWith("\n")) range.quote += "\n";
    current = null;
  };

  parse(document, {
    open(tag) {
      const name = nameOf(tag);
      if (name === "w:body") body = true;
      if (!body) return;
      if (skipped) {
        if (name === "w:txbxContent") skippedTextBox = true;
        if (name === "mc:AlternateContent" || name === "w:drawing" || name === "w:pict" || name === "w:object" || name === "w:txbxContent") skipped++;
        return;
      }
      if (name === "mc:AlternateContent" || name === "w:drawing" || name === "w:pict" || name === "w:object" || name === "w:txbxContent") {
        skipped = 1;
        skippedTextBox = name === "w:txbxContent";
        if (name === "w:object") count("object");
        return;
      }
      if (!W.has(tag.uri)) return;
      if (isPropertyChange(tag.local)) {
        propChange++;
        if (current) current.formatOnly = true;
        return;
      }
      if (propChange) return;
      if (isProperties(tag.local)) {
        props++;
        if (tag.local === "pPr") inParagraphProps++;
        return;
      }
      if (props) {
        if (!current || !inParagraphProps) return;
        if (tag.local === "pStyle") {
          const id = attr(tag, "val");
          const style = id ? styles.get(id) : undefined;
          current.style = style?.generated || (id && styleKey(id) === styleKey(GENERATED_STYLE)) ? GENERATED_STYLE : id;
          if (style?.heading) current.heading ??= style.heading;
        } else if (tag.local === "outlineLvl") {
          const level = Number(attr(tag, "val"));
          current.heading = Number.isInteger(level) && level >= 0 && level < 6 ? level + 1 : null;
        } else if (tag.local === "del" || tag.local === "moveFrom") {
          current.merged = true;
          tracked = true;
        }
        return;
      }
      switch (tag.local) {
        case "p":
          if (!current) startParagraph();
          break;
        case "tbl":
          tables++;
          break;
        case "ins":
        case "moveTo":
        case "del":
        case "moveFrom": {
          const kind = tag.local === "ins" || tag.local === "moveTo" ? "ins" : "del";
          revisions.push({ kind, author: attr(tag, "author"), date: dateOf(attr(tag, "date")), moved: tag.local.startsWith("move"), serial: ++serial });
          break;
        }
        case "t":
          text = "t";
          break;
        case "delText":
          text = "delText";
          break;
        case "tab":
          append("\t");
          break;
        case "br":
        case "cr":
          append(" ");
          break;
        case "noBreakHyphen":
          append("\u2011");
          break;
        case "fldSimple":
          count("field");
          break;
        case "fldChar":
          if (attr(tag, "fldCharType") === "begin") count("field");
          break;
        case "footnoteReference":
        case "endnoteReference":
          count("footnote");
          break;
        case "bookmarkStart": {
          const mark = parseMark(attr(tag, "name") ?? "");
          if (mark) (current ? current.marks : pendingMarks).push(mark);
          break;
        }
        case "commentRangeStart": {
          const id = attr(tag, "id") ?? "";
          // The paragraph being read (pushed when it ends), or the next one.
          const paragraph = paragraphs.length;
          if (!ranges.has(id) && open.length < OPEN_RANGES && ranges.size < MAX_COMMENTS) {
            const range = { id, paragraph, quote: "" };
            open.push(range);
            ranges.set(id, range);
          }
          break;
        }
        case "commentRangeEnd": {
          const id = attr(tag, "id") ?? "";
          const at = open.findIndex((r) => r.id === id);
          if (at !== -1) open.splice(at, 1);
          break;
        }
        case "commentReference": {
          const id = attr(tag, "id") ?? "";
          if (!points.has(id) && points.size < MAX_COMMENTS) points.set(id, paragraphs.length);
          break;
        }
        default:
          break;
      }
    },
    close(tag) {
      const name = nameOf(tag);
      if (!body) return;
      if (name === "w:body") {
        endParagraph();
        body = false;
        return;
      }
      if (skipped) {
        if (name === "mc:AlternateContent" || name === "w:drawing" || name === "w:pict" || name === "w:object" || name === "w:txbxContent") skipped--;
        if (!skipped && skippedTextBox) count("text-box");
        if (!skipped) skippedTextBox = false;
        return;
      }
      if (!W.has(tag.uri)) return;
      if (isPropertyChange(tag.local)) {
        propChange--;
        return;
      }
      if (propChange) return;
      if (isProperties(tag.local)) {
        props--;
        if (tag.local === "pPr") inParagraphProps--;
        return;
      }
      if (props) return;
      switch (tag.local) {
        case "p":
          endParagraph();
          break;
        case "tbl":
          tables--;
          break;
        case "ins":
        case "moveTo":
        case "del":
        case "moveFrom":
          revisions.pop();
          break;
        case "t":
        case "delText":
          text = null;
          break;
        default:
          break;
      }
    },
    text(t) {
      if (!text || skipped || propChange) return;
      // Deleted text is in w:delText; a w:t inside a deletion (moved-from text, some writers) is deleted all the same.
      if (text === "delText" && !revisions.some((r) => r.kind === "del")) {
        revisions.push({ kind: "del", author: null, date: null, moved: false, serial: ++serial });
        append(t);
        revisions.pop();
      } else append(t);
    },
  });

  // A paragraph that only had its formatting changed is formatOnly; one with changes of its words is not.
  const finished: ReadParagraph[] = paragraphs.map(({ marks: _m, serials: _s, ...p }) => ({ ...p, formatOnly: p.formatOnly && !p.changes.length }));
  return { tracked, ...splitSections(paragraphs, finished, ranges, points, commentTexts), unsupported: [...unsupported].map(([kind, n]) => ({ kind, count: n })) };
}

const NUMBERED_HEADING = /^[0-9A-Z]{1,4}(?:\.[0-9]{1,4})+\.?\s+\S/;

function splitSections(
  building: Building[],
  paragraphs: ReadParagraph[],
  ranges: Map<string, { paragraph: number; quote: string }>,
  points: Map<string, number>,
  texts: Map<string, { author: string | null; date: string | null; body: string }>,
): Pick<ReviewWordRead, "outside" | "sections"> {
  const marked = building.some((p) => p.marks.length);
  /** For each paragraph, the section it opens (its index), -1 when it ends one (a chapter's heading), undefined otherwise. */
  const sections: ReadSection[] = [];
  const outside: ReviewWordRead["outside"] = { paragraphs: [], comments: [] };
  const where: { section: number; index: number }[] = [];
  let section = -1;
  building.forEach((p, i) => {
    const read = paragraphs[i]!;
    let opens: ReadSection | null = null;
    let ends = false;
    if (marked) {
      const mark = p.marks.find((m): m is ParsedMark & { kind: "section" } => m.kind === "section");
      if (mark) opens = { mark, headingText: squeeze(read.text || read.before), paragraphs: [], comments: [] };
      // A chapter's heading, or a section's heading without a mark (no revision in the file's language), ends the section before it.
      else if (p.marks.some((m) => m.kind === "chapter") || (read.heading !== null && read.heading <= 2)) ends = true;
    } else if (read.heading !== null && read.heading <= 2) {
      const heading = squeeze(read.text || read.before);
      if (read.heading === 2 && NUMBERED_HEADING.test(heading)) opens = { mark: null, headingText: heading, paragraphs: [], comments: [] };
      else ends = true;
    }
    if (opens) {
      sections.push(opens);
      section = sections.length - 1;
    } else if (ends) section = -1;
    const into = section === -1 ? outside : sections[section]!;
    where.push({ section, index: into.paragraphs.length });
    into.paragraphs.push(read);
  });
  const anchored = new Set<string>();
  const place = (id: string, paragraph: number, quote: string) => {
    const text = texts.get(id);
    if (!text || anchored.has(id)) return;
    anchored.add(id);
    const at = where[Math.min(paragraph, where.length - 1)] ?? { section: -1, index: 0 };
    const into = at.section === -1 ? outside : sections[at.section]!;
    into.comments.push({ ...text, quote: quote.trim(), paragraph: at.index });
  };
  for (const [id, range] of ranges) place(id, range.paragraph, range.quote);
  for (const [id, paragraph] of points) place(id, paragraph, "");
  // A comment the document never points at is still the member's: it goes outside any section.
  for (const [id, text] of texts) if (!anchored.has(id)) outside.comments.push({ ...text, quote: "", paragraph: 0 });
  return { outside, sections };
}

/** Runs of white space (tabs, no-break spaces, line breaks) read as one space; soft hyphens and zero-width characters as nothing. */
export function squeeze(text: string): string {
  return text
    .replace(/[\u00ad\u200b\u200c\u200d\u2060\ufeff]/g, "")
    .replace(/[\s\u00a0\u2007\u202f]+/g, " ")
    .trim();
}
