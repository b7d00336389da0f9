// Every CSV file we write goes through here: RFC 4180 quoting, and text that a spreadsheet would
// read as a formula (OWASP "CSV injection": a cell starting with =, +, -, @, tab or carriage
// return) made inert with a leading apostrophe. Numbers, including negative ones, stay numbers.

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** One cell: neutralized if it could start a formula, quoted if it holds a separator, quote or line break. */
export function csvCell(value: string | number): string {
  let s = String(value);
  // Also a text csvValue would shorten ("'=1"), so that reading gives back exactly what was written.
  if (typeof value === "string" && ((FORMULA_START.test(s) && !NUMBER.test(s)) || csvValue(s) !== s)) s = `'${s}`;
  return /[",;\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows as a CSV file: UTF-8 with a byte-order mark (so spreadsheets pick the encoding), CRLF line ends. */
export const csvFile = (rows: (string | number)[][]): string => `\ufeff${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;

/** A table of named columns (a figure's data) as a CSV file, its column names first. */
export const datasetCsv = (data: { columns: string[]; rows: (string | number)[][] }): string => csvFile([data.columns, ...data.rows]);

/**
 * A cell read back from a CSV we wrote: the apostrophe csvCell added is taken off again. It is
 * one of the apostrophes in front of what would be a formula, however many the author wrote.
 */
export function csvValue(cell: string): string {
  const rest = cell.replace(/^'+/, "");
  return rest !== cell && FORMULA_START.test(rest) && !NUMBER.test(rest) ? cell.slice(1) : cell;
}
