import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from "docx";
import type { Nodes, PhrasingContent, Root, RootContent } from "mdast";
import { isReferenceKind, REF_PATTERN, type Directive } from "#src/content/directives.ts";
import { recommendationLabel, sourceWords } from "#src/content/html.ts";
import type { Publication } from "#src/publishing/publication.ts";
import type { PrintFigure } from "#src/publishing/typst/serialize.ts";
import { tableCaption } from "#src/content/parse.ts";
import { Resvg } from "@resvg/resvg-js";
import { FONTS_DIR } from "#src/publishing/pdf.ts";
import { translator, type Translate } from "#src/i18n/i18n.ts";
import { typeset } from "#src/i18n/typography.ts";
import { formatEditionDate } from "#src/features/editions/texts.ts";

// The publication as a Word document with real heading styles (Word's navigation pane, the
// contents field), footnotes, tables and page numbers: the same structure as the PDF.

const HEADINGS = [HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6] as const;
const SAFE_URL = /^(https?:|mailto:)/i;

type Marks = { bold?: boolean; italics?: boolean; strike?: boolean; code?: boolean };

/** Builds paragraphs and footnotes for one document; footnote numbers are unique across it. */
class Builder {
  footnotes: Record<number, { children: Paragraph[] }> = {};
  private nextFootnote = 1;
  private orderedLists = 0;
  private nextFigure = 1;
  private nextTable = 1;
  constructor(
    private figures: Record<string, PrintFigure> = {},
    private recommendations: Publication["recommendations"] = {},
  ) {}

  /** A figure as a picture (the SVG rasterised by resvg at twice its size) and a numbered caption. */
  figure(f: PrintFigure, t: Translate): Paragraph[] {
    const png = new Resvg(f.svg, { fitTo: { mode: "zoom", value: 2 }, font: { fontDirs: [FONTS_DIR], loadSystemFonts: false, defaultFontFamily: "Source Sans 3" } }).render();
    const width = 600;
    const height = Math.round((png.height / png.width) * width);
    const number = this.nextFigure++;
    return [
      new Paragraph({ keepNext: true, children: [new ImageRun({ type: "png", data: png.asPng(), transformation: { width, height }, altText: { name: f.title, title: f.title, description: f.alt } })] }),
      new Paragraph({
        spacing: { after: 240 },
        children: [
          new TextRun({ text: `${t("pdf.figure", { n: number })} `, bold: true }),
          new TextRun({ text: f.title, bold: true }),
          new TextRun({ text: f.caption ? ` ${f.caption}` : "" }),
          new TextRun({ text: ` ${t("content.figureNote", { n: f.n, source: f.source })}`, size: 18 }),
        ],
      }),
    ];
  }

  runs(nodes: readonly PhrasingContent[], t: Translate, defs: Map<string, Nodes>, marks: Marks = {}): ParagraphChild[] {
    return nodes.flatMap((n): ParagraphChild[] => {
      const style = { bold: marks.bold, italics: marks.italics, strike: marks.strike, ...(marks.code ? { font: "Courier New" } : {}) };
      switch (n.type) {
        case "text":
          return [new TextRun({ text: n.value, ...style })];
        case "html":
          return [new TextRun({ text: n.value, ...style })];
        case "inlineCode":
          return [new TextRun({ text: n.value, ...style, font: "Courier New" })];
        case "emphasis":
          return this.runs(n.children, t, defs, { ...marks, italics: true });
        case "strong":
          return this.runs(n.children, t, defs, { ...marks, bold: true });
        case "delete":
          return this.runs(n.children, t, defs, { ...marks, strike: true });
        case "break":
          return [new TextRun({ text: "", break: 1 })];
        case "link":
          return SAFE_URL.test(n.url)
            ? [new ExternalHyperlink({ link: n.url, children: this.runs(n.children, t, defs, marks) })]
            : this.runs(n.children, t, defs, marks);
        case "image":
          return n.alt ? [new TextRun({ text: `[${n.alt}]`, italics: true })] : [];
        case "footnoteReference": {
          const id = this.nextFootnote++;
          const def = defs.get(n.identifier);
          // Footnotes hold paragraphs only; a table inside one is left out.
          const blocks = def && "children" in def ? this.blocks(def.children as RootContent[], t, defs) : [new Paragraph(n.identifier)];
          const children = blocks.filter((b): b is Paragraph => b instanceof Paragraph);
          this.footnotes[id] = { children };
          return [new FootnoteReferenceRun(id)];
        }
        case "textDirective": {
          const d = n as unknown as Directive;
          const label = d.children.map((c) => ("value" in c ? String(c.value) : "")).join("");
          if (!isReferenceKind(d.name)) return [new TextRun({ text: `:${d.name}${label}`, ...style })];
          return [new TextRun({ text: label || d.attributes?.ref || "", italics: true })];
        }
        default:
          return "children" in n ? this.runs((n as { children: PhrasingContent[] }).children, t, defs, marks) : [];
      }
    });
  }

  blocks(nodes: readonly RootContent[], t: Translate, defs: Map<string, Nodes>, indent = 0): (Paragraph | Table)[] {
    const out: (Paragraph | Table)[] = [];
    for (const n of nodes) {
      switch (n.type) {
        case "paragraph":
          out.push(new Paragraph({ children: this.runs(n.children, t, defs), indent: indent ? { left: indent } : undefined }));
          break;
        case "heading":
          out.push(new Paragraph({ heading: HEADINGS[Math.min(3, n.depth - 1)], children: this.runs(n.children, t, defs) }));
          break;
        case "code":
          for (const line of n.value.split("\n")) out.push(new Paragraph({ children: [new TextRun({ text: line, font: "Courier New", size: 18 })] }));
          break;
        case "blockquote":
          out.push(...this.blocks(n.children, t, defs, indent + 567));
          break;
        case "list": {
          const instance = n.ordered ? ++this.orderedLists : 0;
          for (const item of n.children) {
            item.children.forEach((child, i) => {
              if (child.type === "paragraph") {
                const numbering = n.ordered ? { numbering: { reference: "ordered", level: 0, instance } } : { bullet: { level: 0 } };
                out.push(new Paragraph({ children: this.runs(child.children, t, defs), ...(i === 0 ? numbering : { indent: { left: 720 } }) }));
              } else out.push(...this.blocks([child], t, defs, 720));
            });
          }
          break;
        }
        case "table": {
          // A captioned table is numbered, its caption above it as in the PDF.
          const caption = tableCaption(n);
          if (caption)
            out.push(new Paragraph({ keepNext: true, spacing: { before: 120, after: 80 }, children: [new TextRun({ text: `${t("pdf.table", { n: this.nextTable++ })} `, bold: true }), ...this.runs(caption, t, defs)] }));
          out.push(
            new Table({
              width: { size: 100, type: WidthType.PERCENTAGE },
              rows: n.children.map(
                (row, r) =>
                  new TableRow({
                    tableHeader: r === 0,
                    children: row.children.map(
                      (cell, c) =>
                        new TableCell({
                          children: [
                            new Paragraph({
                              alignment: n.align?.[c] === "right" ? AlignmentType.RIGHT : n.align?.[c] === "center" ? AlignmentType.CENTER : AlignmentType.LEFT,
                              children: this.runs(cell.children, t, defs, { bold: r === 0 }),
                            }),
                          ],
                        }),
                    ),
                  }),
              ),
            }),
            new Paragraph(""),
          );
          break;
        }
        case "thematicBreak":
          out.push(new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "999999", space: 1 } } }));
          break;
        case "leafDirective":
        case "containerDirective": {
          const d = n as unknown as Directive;
          const ref = d.attributes?.ref ?? "";
          const figure = d.name === "figure" ? this.figures[ref] : undefined;
          if (figure) {
            out.push(...this.figure(figure, t));
            break;
          }
          const recommendation = d.name === "recommendation" ? this.recommendations[ref] : undefined;
          if (recommendation) {
            const { label, statusText } = recommendationLabel(t, recommendation);
            const sources = recommendation.sources ?? [];
            out.push(
              new Paragraph({
                shading: { type: ShadingType.CLEAR, fill: "F3F7FA", color: "auto" },
                border: { left: { style: BorderStyle.SINGLE, size: 18, color: "143A52", space: 6 } },
                children: [
                  new TextRun({ text: label, bold: true }),
                  ...(statusText ? [new TextRun({ text: ` (${statusText})`, size: 18 })] : []),
                  new TextRun({ text: recommendation.text, break: 1 }),
                  ...(recommendation.retired ? [new TextRun({ text: t("content.recommendationRetired"), break: 1, italics: true, size: 18 })] : []),
                  // Where it came from: each event with its date and the outcome's words, as text.
                  ...(sources.length ? [new TextRun({ text: t("rec.block.sources"), break: 1, bold: true, size: 18 })] : []),
                  ...sources.map((s) => new TextRun({ text: `• ${s.event}, ${s.date} — ${sourceWords(t, s)}`, break: 1, size: 18 })),
                ],
              }),
            );
            break;
          }
          const known = isReferenceKind(d.name) && REF_PATTERN.test(ref);
          const caption = known ? t(`content.${d.name}` as "content.figure", { ref }) : `⚠ ${t("content.warning.unknownDirective", { name: d.name })}`;
          out.push(
            new Paragraph({
              shading: { type: ShadingType.CLEAR, fill: "FDFAF5", color: "auto" },
              border: { left: { style: BorderStyle.SINGLE, size: 18, color: "A35A1C", space: 6 } },
              children: [new TextRun({ text: caption, bold: true }), ...(known ? [new TextRun({ text: t("content.pendingNote"), break: 1, size: 18 })] : [])],
            }),
          );
          break;
        }
        case "html":
          out.push(new Paragraph({ children: [new TextRun(n.value)] }));
          break;
        case "footnoteDefinition":
          break; // placed where referenced
        default:
          break;
      }
    }
    return out;
  }

  section(tree: Root, t: Translate): (Paragraph | Table)[] {
    const defs = new Map<string, Nodes>();
    for (const child of tree.children) if (child.type === "footnoteDefinition") defs.set(child.identifier, child);
    return this.blocks(tree.children, t, defs);
  }
}

/** The publication as a .docx file. */
export async function renderDocx(pub: Publication): Promise<Buffer> {
  const t = translator(pub.lang);
  const builder = new Builder(pub.figures, pub.recommendations);
  const longDate = formatEditionDate(pub.date, pub.lang, pub.dateStyle);
  const subtitle = pub.edition ? t("pdf.edition", { label: pub.edition }) : t("pdf.draftOf", { date: longDate });
  // The edition's own words; where this language lacks them, the primary's, marked with their language.
  const own = (field: "title" | "subtitle" | "foreword", value: string) => {
    const lang = pub.textLangs[field] ?? pub.lang;
    return { text: typeset(value, lang), ...(lang === pub.lang ? {} : { language: { value: lang } }) };
  };
  const body: (Paragraph | Table | TableOfContents)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { before: 3000 }, children: [new TextRun(own("title", pub.title))] }),
    ...(pub.subtitle ? [new Paragraph({ children: [new TextRun({ ...own("subtitle", pub.subtitle), size: 36, color: "143A52" })] })] : []),
    new Paragraph({ children: [new TextRun({ text: subtitle, size: 32, color: "A35A1C" })] }),
    new Paragraph({ children: [new TextRun({ text: longDate, size: 24 })] }),
    ...(pub.draft ? [new Paragraph({ children: [new TextRun({ text: t("pdf.draft"), bold: true, color: "A4262C", size: 36 })] })] : []),
    ...(pub.foreword ? [new Paragraph({ spacing: { before: 600 }, children: [new TextRun({ ...own("foreword", pub.foreword), italics: true })] })] : []),
    new Paragraph({ children: [new PageBreak()] }),
    // Not a heading: the contents must not list itself.
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: t("draft.contents"), bold: true, size: 36, font: "Calibri", color: "143A52" })] }),
    new TableOfContents(t("draft.contents"), { hyperlink: true, headingStyleRange: "1-2" }),
  ];
  pub.chapters.forEach((chapter, ci) => {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(`${ci + 1} ${chapter.title}`)] }));
    chapter.sections.forEach((section, si) => {
      body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${ci + 1}.${si + 1} ${typeset(section.heading, section.lang)}`)] }));
      if (section.lang !== pub.lang) {
        const note = t("edition.notTranslated", { lang: t(`language.${pub.lang}`), primary: t(`language.${section.lang}`) });
        body.push(new Paragraph({ children: [new TextRun({ text: note, italics: true, color: "666666", size: 18 })] }));
      }
      body.push(...builder.section(section.tree, translator(section.lang)));
    });
  });
  const pageOf = t("pdf.pageOf", { page: "{page}", pages: "{pages}" }).split(/(\{page\}|\{pages\})/).filter(Boolean);
  const doc = new Document({
    title: `${pub.title} — ${subtitle}`,
    ...(pub.subtitle ? { subject: pub.subtitle } : {}),
    creator: pub.reportTitle,
    features: { updateFields: true },
    styles: {
      default: { document: { run: { font: "Cambria", size: 22 } }, heading1: { run: { font: "Calibri", size: 36, color: "143A52" } }, heading2: { run: { font: "Calibri", size: 28, color: "143A52" } } },
    },
    numbering: { config: [{ reference: "ordered", levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }] }] },
    footnotes: builder.footnotes,
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: pub.title, size: 16, color: "888888" })] })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: pageOf.map((part) =>
                  part === "{page}" ? new TextRun({ children: [PageNumber.CURRENT], size: 16 }) : part === "{pages}" ? new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16 }) : new TextRun({ text: part, size: 16 }),
                ),
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
