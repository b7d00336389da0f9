import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvCell, csvFile, csvValue } from "#src/lib/csv.ts";

describe("CSV cells", () => {
  it("makes text that a spreadsheet would run as a formula inert, and reads it back unchanged", () => {
    for (const attack of ["=HYPERLINK(\"http://x\",\"y\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tindented", "\rreturn"]) {
      const cell = csvCell(attack);
      const [[read]] = parse(cell, { relax_quotes: false }) as [[string]];
      expect(read.startsWith("'"), cell).toBe(true);
      expect(csvValue(read)).toBe(attack);
    }
  });

  it("leaves numbers, ordinary text and an apostrophe of the author's own alone", () => {
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell("-3.5")).toBe("-3.5");
    expect(csvCell("+1e3")).toBe("+1e3");
    expect(csvCell("Ledger")).toBe("Ledger");
    expect(csvCell('a "b", c;d')).toBe('"a ""b"", c;d"');
    expect(csvValue("'quoted")).toBe("'quoted");
    // An apostrophe of the author's own before a formula sign survives the round trip.
    for (const own of ["'=1+1", "'-x", "''@a"]) expect(csvValue(parse(csvCell(own))[0]![0]!)).toBe(own);
  });

  it("writes a file with a byte-order mark and CRLF line ends", () => {
    expect(csvFile([["a", "=b"], [1, "c"]])).toBe("\ufeffa,'=b\r\n1,c\r\n");
  });
});
