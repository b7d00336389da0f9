import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ILevelsOptions,
  type ParagraphChild,
} from "docx";
import { readerLines, type Describe, type LineRun, type ReaderLine } from "#src/content/reader-lines.ts";
import type { Language } from "#src/domain/languages.ts";
import { chapterMark, GENERATED_STYLE, sectionMark } from "#src/domain/review-suggestions.ts";
import { formatDay, LANGUAGE_NAMES, translator, type Translate } from "#src/i18n/i18n.ts";

// "Download for review": a chapter or the whole text of a round as a Word file that members edit
// with Track Changes and comments, and upload again (see docs/REVIEW-FILES.md).
//
// What the reader of the uploaded file relies on:
// - each section's heading carries a bookmark sectionMark(id, revisionId), each chapter's heading
//   chapterMark(n); nothing else in the file has a bookmark of ours;
// - each line of readerLines(body) is one Word paragraph (a table cell: one paragraph in a real
//   cell) whose text is exactly the line's text: no typography, list numbers in Word's numbering
//   (never in the text), no fields (page numbers, contents), no tabs or breaks;
// - lines no one writes (figures, recommendations, case studies) are in the paragraph style
//   GENERATED_STYLE, as is any other line of ours that is not a section's text.

export type ReviewFileSection = { id: string; number: string; heading: string; body: string; revisionId: number | null; lang: Language };
export type ReviewFileChapter = { number: string; title: string; sections: ReviewFileSection[] };

export type ReviewDocxInput = {
  /** The report's title. */
  title: string;
  roundTitle: string;
  /** The file's language: its fixed texts, and the language Word checks the spelling in. */
  lang: Language;
  chapters: ReviewFileChapter[];
  /** What a block directive (figure, recommendation, case study) shows, as a line no one edits. */
  describe?: Describe;
  /** What the file holds, said on its first page (a chapter, or the whole text). */
  part?: string;
  /** The day it is downloaded (default: today). */
  date?: Date;
};

const MONO = "Courier New";
const SAFE_URL = /^(https?:|mailto:)/i;
const BODY_HEADINGS = [HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;
const LOCALES: Record<Language, string> = { en: "en-GB", fr: "fr-FR", es: "es-ES" };
const BULLETS = ["•", "◦", "▪"];
const LIST_LEVELS = 9;

const levels = (ordered: boolean): ILevelsOptions[] =>
  Array.from({ length: LIST_LEVELS }, (_, level) => ({
    level,
    format: ordered ? [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][level % 3]! : LevelFormat.BULLET,
    text: ordered ? `%${level + 1}.` : BULLETS[level % BULLETS.length]!,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));

/**
 * A line's runs, such that their texts put together are exactly `line.text`: as they are when
 * they do; else with runs of ASCII whitespace squeezed to one space across runs and the ends
 * trimmed; else (runs that do not add up) the line as one plain run: the text is what must hold.
 */
export function lineRuns(line: Pick<ReaderLine, "runs" | "text">): LineRun[] {
  if (line.runs.map((r) => r.text).join("") === line.text) return line.runs.filter((r) => r.text);
  const out: LineRun[] = [];
  let space = true; // at the start, leading whitespace is dropped
  for (const run of line.runs) {
    let text = "";
    for (const ch of run.text) {
      if (/[ \t\n\r\f\v]/.test(ch)) {
        if (!space) text += " ";
        space = true;
      } else {
        text += ch;
        space = false;
      }
    }
    if (text) out.push({ text, marks: run.marks });
  }
  const last = out.at(-1);
  if (last?.text.endsWith(" ")) {
    last.text = last.text.slice(0, -1);
    if (!last.text) out.pop();
  }
  return out.map((r) => r.text).join("") === line.text ? out : line.text ? [{ text: line.text, marks: {} }] : [];
}

function runChildren(line: ReaderLine, extra: { mono?: boolean; bold?: boolean } = {}): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  const runs = lineRuns(line);
  for (let i = 0; i < runs.length; i++) {
    const href = runs[i]!.marks.href;
    const link = href !== undefined && SAFE_URL.test(href);
    // Consecutive runs of one link are one hyperlink.
    let end = i;
    if (link) while (end + 1 < runs.length && runs[end + 1]!.marks.href === href) end++;
    const texts = runs.slice(i, end + 1).map(({ text, marks: m }) => {
      const mono = m.code || extra.mono;
      // A tab (kept in code) is Word's tab element: LibreOffice turns a tab typed in w:t into one anyway.
      const content = text.includes("\t") ? { children: text.split("\t").flatMap((piece, k) => (k ? [new Tab(), ...(piece ? [piece] : [])] : piece ? [piece] : [])) } : { text };
      return new TextRun({ ...content, ...(m.bold || extra.bold ? { bold: true } : {}), ...(m.italic ? { italics: true } : {}), ...(m.strike ? { strike: true } : {}), ...(mono ? { font: MONO } : {}), ...(link ? { style: "Hyperlink" } : {}) });
    });
    children.push(...(link ? [new ExternalHyperlink({ link: href, children: texts })] : texts));
    i = end;
  }
  return children;
}

type Lists = { ordered: number; bullet: number };

/** A section's body as Word paragraphs and tables, one paragraph per reader line. */
function bodyBlocks(lines: ReaderLine[], lists: Lists): (Paragraph | Table)[] {
  const blocks: (Paragraph | Table)[] = [];
  let previous: ReaderLine | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    switch (line.kind) {
      case "heading":
        blocks.push(new Paragraph({ heading: BODY_HEADINGS[Math.min(Math.max((line.level ?? 3) - 3, 0), BODY_HEADINGS.length - 1)], children: runChildren(line) }));
        break;
      case "item": {
        const ordered = Boolean(line.ordered);
        // A new list (numbers start again at 1) when the line before was not an item of a list of the same kind.
        if (previous?.kind !== "item" || Boolean(previous.ordered) !== ordered) lists[ordered ? "ordered" : "bullet"]++;
        const level = Math.min(Math.max((line.level ?? 1) - 1, 0), LIST_LEVELS - 1);
        blocks.push(new Paragraph({ numbering: { reference: ordered ? "lr-ordered" : "lr-bullet", level, instance: lists[ordered ? "ordered" : "bullet"] }, children: runChildren(line) }));
        break;
      }
      case "quote":
        blocks.push(new Paragraph({ style: "Quote", indent: { left: 720 }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: "BBBBBB", space: 8 } }, children: runChildren(line) }));
        break;
      case "code":
        blocks.push(new Paragraph({ shading: { fill: "F3F3F3" }, children: runChildren(line, { mono: true }) }));
        break;
      case "footnote":
        blocks.push(new Paragraph({ style: "FootnoteText", children: runChildren(line) }));
        break;
      case "generated":
        blocks.push(new Paragraph({ style: GENERATED_STYLE, children: runChildren(line) }));
        break;
      case "cell": {
        const index = line.table?.index;
        let end = i;
        while (end + 1 < lines.length && lines[end + 1]!.kind === "cell" && lines[end + 1]!.table?.index === index) end++;
        blocks.push(table(lines.slice(i, end + 1)));
        // Two tables one after the other would be merged into one by Word: an empty paragraph of ours keeps them apart.
        if (lines[end + 1]?.kind === "cell") blocks.push(new Paragraph({ style: GENERATED_STYLE, children: [] }));
        i = end;
        break;
      }
      default:
        blocks.push(new Paragraph({ children: runChildren(line) }));
    }
    previous = line;
  }
  return blocks;
}

function table(cells: ReaderLine[]): Table {
  const first = cells[0]!.table!;
  const rows = Math.max(first.rows, ...cells.map((c) => (c.table?.row ?? 0) + 1));
  const cols = Math.max(first.cols, ...cells.map((c) => (c.table?.col ?? 0) + 1));
  const at = new Map(cells.map((c) => [`${c.table?.row ?? 0}:${c.table?.col ?? 0}`, c]));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: Array.from({ length: rows }, (_, r) => {
      const head = cells.some((c) => c.table?.row === r && c.table.head);
      return new TableRow({
        tableHeader: head,
        children: Array.from({ length: cols }, (_, c) => {
          const line = at.get(`${r}:${c}`);
          return new TableCell({ children: [new Paragraph({ children: line ? runChildren(line, { bold: head }) : [] })] });
        }),
      });
    }),
  });
}

/** A heading with our bookmark around its text. */
const markedHeading = (heading: (typeof HeadingLevel)[keyof typeof HeadingLevel], text: string, mark: string | null) =>
  new Paragraph({ heading, keepNext: true, children: mark ? [new Bookmark({ id: mark, children: [new TextRun(text)] })] : [new TextRun(text)] });

/** The review file of a round's text (a chapter or all of it), in one language. */
export async function reviewDocx(input: ReviewDocxInput): Promise<Buffer> {
  const t: Translate = translator(input.lang);
  const lists: Lists = { ordered: 0, bullet: 0 };
  const children: (Paragraph | Table)[] = [
    new Paragraph({ style: GENERATED_STYLE, children: [new TextRun({ text: t("reviewFile.docTitle", { report: input.title }), size: 36, bold: true })] }),
    new Paragraph({ style: GENERATED_STYLE, children: [new TextRun(t("reviewFile.docRound", { round: input.roundTitle }))] }),
    ...(input.part ? [new Paragraph({ style: GENERATED_STYLE, children: [new TextRun(t("reviewFile.docPart", { part: input.part }))] })] : []),
    new Paragraph({ style: GENERATED_STYLE, children: [new TextRun(t("reviewFile.docLanguage", { language: LANGUAGE_NAMES[input.lang], date: formatDay(input.date ?? new Date(), input.lang) }))] }),
    new Paragraph({ style: GENERATED_STYLE, spacing: { after: 360 }, children: [new TextRun(t("reviewFile.docHowTo"))] }),
  ];
  for (const chapter of input.chapters) {
    const n = Number(chapter.number);
    children.push(markedHeading(HeadingLevel.HEADING_1, `${chapter.number} ${chapter.title}`, Number.isInteger(n) && n > 0 ? chapterMark(n) : null));
    for (const section of chapter.sections) {
      const title = `${section.number} ${section.heading}`;
      if (section.revisionId === null) {
        children.push(markedHeading(HeadingLevel.HEADING_2, title, null), new Paragraph({ style: GENERATED_STYLE, children: [new TextRun(t("reviewFile.noText"))] }));
        continue;
      }
      children.push(markedHeading(HeadingLevel.HEADING_2, title, sectionMark(section.id, section.revisionId)));
      children.push(...bodyBlocks(readerLines(section.body, input.describe), lists));
    }
  }
  const language = { value: LOCALES[input.lang] };
  const doc = new Document({
    title: t("reviewFile.docTitle", { report: input.title }),
    subject: input.roundTitle,
    creator: "living-report",
    // Word and LibreOffice open it with Track Changes on: what members change comes back as suggestions.
    features: { trackRevisions: true },
    styles: {
      default: { document: { run: { font: "Calibri", size: 22, language } } },
      paragraphStyles: [
        {
          // LibreOffice saves a style under an id made from its name: the name is the id, so both survive.
          id: GENERATED_STYLE,
          name: GENERATED_STYLE,
          basedOn: "Normal",
          next: "Normal",
          quickFormat: false,
          run: { italics: true, color: "6B6B6B" },
        },
        { id: "Quote", name: "Quote", basedOn: "Normal", next: "Normal", run: { italics: true } },
        { id: "FootnoteText", name: "footnote text", basedOn: "Normal", next: "Normal", run: { size: 18 } },
      ],
    },
    numbering: {
      config: [
        { reference: "lr-bullet", levels: levels(false) },
        { reference: "lr-ordered", levels: levels(true) },
      ],
    },
    sections: [{ properties: {}, children }],
  });
  return Packer.toBuffer(doc);
}

/** What a worker thread is sent to write a review file (functions do not cross): the day as ISO text. */
export type ReviewFileTask = Omit<ReviewDocxInput, "describe" | "date"> & { date: string };

/** Builds the file from what the task carries (here or on a worker thread). */
export function reviewDocxTask(input: ReviewFileTask): Promise<Buffer> {
  return reviewDocx({ ...input, date: new Date(input.date) });
}
