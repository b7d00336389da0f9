import type ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { checkZip } from "#src/lib/file-checks.ts";
import { columnsOf, flatten } from "#src/features/surveys/answers.ts";
import { ADOPTION_STAGES, questionsOf, textIn, type Answers, type Definition } from "#src/domain/surveys.ts";
import type { Table } from "#src/features/surveys/service.ts";
import type { Language } from "#src/domain/languages.ts";
import { csvFile, csvValue } from "#src/lib/csv.ts";
import { appError } from "#src/lib/errors.ts";
import { assertValidText } from "#src/lib/text.ts";
import { repack } from "#src/lib/zip.ts";

// Survey responses as spreadsheets: a template to fill, imports from .xlsx or .csv, exports.
// One row per organization; the first column names it; one column per answer (columnsOf).

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const SPREADSHEET_TYPES = { xlsx: XLSX, csv: "text/csv; charset=utf-8" } as const;

/** A1-style name of a column (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** What each column holds, in words, for the template's help sheet. */
function describe(def: Definition, lang: Language): [string, string, string][] {
  return questionsOf(def).flatMap((q): [string, string, string][] => {
    const text = textIn(q.text, lang);
    switch (q.type) {
      case "single":
        return [[q.id, text, `one of: ${q.options.map((o) => o.value).join(", ")}`]];
      case "multiple":
        return [[q.id, text, `any of, separated by ";": ${q.options.map((o) => o.value).join(", ")}`]];
      case "number":
        return [[q.id, text, `a number${q.min !== undefined ? ` from ${q.min}` : ""}${q.max !== undefined ? ` to ${q.max}` : ""} (3.5 or 3,5)`]];
      case "scale":
        return [[q.id, text, `a whole number from ${q.min} to ${q.max}`]];
      case "short":
      case "long":
        return [[q.id, text, "text"]];
      case "matrix":
        return q.technologies.flatMap((tech): [string, string, string][] => [
          [`${q.id}.${tech}.stage`, `${text} (${tech})`, `one of: ${ADOPTION_STAGES.join(", ")}`],
          ...q.followUps.map((f): [string, string, string] => [`${q.id}.${tech}.${f.id}`, `${textIn(f.text, lang)} (${tech})`, `any of, separated by ";": ${f.options.map((o) => o.value).join(", ")}`]),
        ]);
    }
  });
}

/** The spreadsheet to fill: a "responses" sheet with the header row, and a "help" sheet. */
export async function templateXlsx(def: Definition, lang: Language): Promise<Buffer> {
  const { default: Excel } = await import("exceljs"); // loaded when needed: it takes 0.15 s
  const book = new Excel.Workbook();
  book.created = new Date(0);
  const sheet = book.addWorksheet("responses");
  sheet.addRow(["organization", ...columnsOf(def)]);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1, xSplit: 1 }];
  const help = book.addWorksheet("help");
  help.addRow(["column", "question", "what to write"]).font = { bold: true };
  help.addRow(["organization", "The organization answering", "its short name, full name or id as the platform knows it"]);
  for (const row of describe(def, lang)) help.addRow(row);
  help.columns = [{ width: 36 }, { width: 60 }, { width: 70 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}

type Row = { organization: string; answers: Answers };

/** All responses, one row per organization, as .xlsx. */
export async function exportXlsx(def: Definition, rows: Row[]): Promise<Buffer> {
  const { default: Excel } = await import("exceljs");
  const book = new Excel.Workbook();
  book.created = new Date(0);
  const sheet = book.addWorksheet("responses");
  const columns = columnsOf(def);
  sheet.addRow(["organization", ...columns]).font = { bold: true };
  for (const row of rows) {
    const flat = flatten(def, row.answers, true);
    sheet.addRow([row.organization, ...columns.map((c) => {
      const v = flat[c];
      const n = typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : undefined;
      return n ?? v ?? null;
    })]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** All responses as CSV (UTF-8 with a byte-order mark, comma-separated). */
export function exportCsv(def: Definition, rows: Row[]): Buffer {
  const columns = columnsOf(def);
  const lines = [["organization", ...columns]];
  for (const row of rows) {
    const flat = flatten(def, row.answers, true);
    lines.push([row.organization, ...columns.map((c) => String(flat[c] ?? ""))]);
  }
  return Buffer.from(csvFile(lines), "utf8");
}

/** A cell's value as text or number, whatever Excel stored (formulas give their result). */
function cellValue(value: ExcelJS.CellValue): string | number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("result" in value) return cellValue(value.result);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("text" in value) return String(value.text);
  return undefined;
}

// Both readers end here: text a form would refuse (NUL, control characters...) is refused in a file too.
function tableOf(header: string[], body: { line: number; values: (string | number | undefined)[] }[], cellRef: Table["cellRef"]): Table {
  assertValidText(header);
  assertValidText(body.map((r) => r.values));
  return {
    columns: header,
    rows: body
      .filter((r) => r.values.some((v) => v !== undefined && String(v).trim() !== ""))
      .map((r) => ({ line: r.line, cells: Object.fromEntries(header.map((h, i) => [h, r.values[i]])) })),
    cellRef,
  };
}

/** Reads an uploaded .xlsx or .csv (decided by its content) into a table of named columns. */
export async function readTable(data: Buffer): Promise<Table> {
  const isZip = data[0] === 0x50 && data[1] === 0x4b;
  if (isZip) {
    const entries = checkZip(data, "xlsx");
    if (!entries["xl/workbook.xml"]) throw appError("FILE_TYPE_NOT_ALLOWED");
    const { default: Excel } = await import("exceljs");
    const book = new Excel.Workbook();
    try {
      // ExcelJS is given the checked parts only, stored uncompressed: it never inflates the upload.
      await book.xlsx.load(repack(entries) as unknown as ExcelJS.Buffer);
    } catch {
      throw appError("SPREADSHEET_UNREADABLE");
    }
    const sheet = book.getWorksheet("responses") ?? book.worksheets[0];
    if (!sheet) throw appError("SPREADSHEET_UNREADABLE");
    const header = ((sheet.getRow(1).values as ExcelJS.CellValue[]) ?? []).slice(1).map((v) => String(cellValue(v) ?? "").trim());
    const body: { line: number; values: (string | number | undefined)[] }[] = [];
    sheet.eachRow((row, line) => {
      if (line === 1) return;
      body.push({ line, values: header.map((_, i) => cellValue(row.getCell(i + 1).value)) });
    });
    return tableOf(header, body, (line, column) => `${columnLetter(Math.max(0, header.indexOf(column)))}${line}`);
  }
  const text = data.toString("utf8").replace(/^\ufeff/, "");
  if (text.includes("\u0000") || text.includes("\ufffd")) throw appError("FILE_TYPE_NOT_ALLOWED");
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, trim: false });
  } catch {
    throw appError("SPREADSHEET_UNREADABLE");
  }
  const header = (records[0] ?? []).map((h) => h.trim());
  const body = records.slice(1).map((values, i) => ({ line: i + 2, values: values.map(csvValue) }));
  return tableOf(header, body, (line, column) => `${columnLetter(Math.max(0, header.indexOf(column)))}${line}`);
}
