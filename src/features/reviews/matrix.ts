import type { CommentView, RoundRow } from "#src/features/reviews/repository.ts";
import type { RoundChapter } from "#src/features/reviews/read.ts";
import { suggestionKind, type Suggestion } from "#src/domain/review-suggestions.ts";
import type { Translate } from "#src/i18n/i18n.ts";

// The comment-resolution matrix: one row per comment, with what the secretariat decided.

export type MatrixLine = { number: number; section: string; author: string; organization: string; quote: string; comment: string; replies: number; disposition: string; reason: string; revision: string };

export function matrixLines(comments: CommentView[], document: RoundChapter[], t: Translate): MatrixLine[] {
  const sections = new Map(document.flatMap((c) => c.sections.map((s) => [s.id, `${s.number} ${s.heading}`] as const)));
  const order = new Map(document.flatMap((c) => c.sections.map((s) => s.id)).map((id, i) => [id, i]));
  return comments
    .filter((c) => !c.parentId)
    .sort((a, b) => (order.get(a.sectionId) ?? 1e9) - (order.get(b.sectionId) ?? 1e9) || a.createdAt.getTime() - b.createdAt.getTime())
    .map((c, i) => ({
      number: i + 1,
      section: sections.get(c.sectionId) ?? "—",
      author: c.authorName,
      organization: c.organizationName ?? t("review.secretariat"),
      quote: c.quote ?? "",
      comment: c.suggestion ? [proposedChange(c.suggestion, c.quote, t), c.body].filter(Boolean).join("\n\n") : c.body,
      replies: comments.filter((r) => r.parentId === c.id).length,
      disposition: c.disposition ? t(`review.disposition.${c.disposition}`) : "",
      reason: c.reason ?? "",
      revision: c.appliedRevisionId ? String(c.appliedRevisionId) : "",
    }));
}

/** A suggestion in words: "Replace "x" with "y"", "Insert "y" after "x"", "Delete "x"" (the passage as the member quoted it). */
function proposedChange(s: Suggestion, quote: string | null, t: Translate): string {
  const passage = (quote ?? s.exact).trim();
  // The words readers will see (a member's text is kept escaped in the Markdown), when known.
  const added = s.view?.added ?? s.replacement;
  switch (suggestionKind(s)) {
    case "insert":
      return t("suggestion.matrix.insert", { text: added, after: passage });
    case "delete":
      return t("suggestion.matrix.delete", { text: passage });
    default:
      return t("suggestion.matrix.replace", { from: passage, to: added });
  }
}

const headers = (t: Translate) => [t("review.matrix.number"), t("review.matrix.section"), t("review.matrix.author"), t("review.matrix.organization"), t("review.matrix.quote"), t("review.matrix.comment"), t("review.matrix.replies"), t("review.matrix.disposition"), t("review.matrix.reason"), t("review.matrix.revision")];
const cells = (l: MatrixLine) => [l.number, l.section, l.author, l.organization, l.quote, l.comment, l.replies, l.disposition, l.reason, l.revision];

export async function matrixXlsx(round: RoundRow, lines: MatrixLine[], t: Translate): Promise<Buffer> {
  const { default: Excel } = await import("exceljs"); // loaded when needed: it takes 0.15 s
  const book = new Excel.Workbook();
  const sheet = book.addWorksheet(t("review.matrix.sheet"));
  sheet.addRow(headers(t)).font = { bold: true };
  for (const line of lines) sheet.addRow(cells(line));
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  [6, 30, 20, 24, 40, 50, 8, 18, 40, 10].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  for (const c of [5, 6, 9]) sheet.getColumn(c).alignment = { wrapText: true, vertical: "top" };
  book.title = round.title;
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function matrixDocx(round: RoundRow, lines: MatrixLine[], t: Translate): Promise<Buffer> {
  const { AlignmentType, Document, HeadingLevel, PageOrientation, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = await import("docx"); // loaded when needed
  const cell = (text: string | number, bold = false) => new TableCell({ children: String(text).split("\n").map((line) => new Paragraph({ children: [new TextRun({ text: line, bold, size: 18 })] })) });
  const doc = new Document({
    title: round.title,
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(t("review.matrix.title"))] }),
          new Paragraph({ children: [new TextRun({ text: round.title, bold: true }), new TextRun(` · ${round.opensOn} – ${round.closesOn}`)] }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [new TableRow({ tableHeader: true, children: headers(t).map((h) => cell(h, true)) }), ...lines.map((l) => new TableRow({ children: cells(l).map((v) => cell(v)) }))],
          }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: t("review.matrix.count", { count: lines.length }), size: 16 })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
