import { describe, expect, it } from "vitest";
import { cleanFilename, contentDisposition } from "#src/lib/filenames.ts";

const BIDI = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"];

describe("file names", () => {
  it("lose every bidi control, control and format character, and keep their extension", () => {
    for (const c of BIDI) expect(cleanFilename(`invoice${c}xcod.exe.docx`, "file"), `U+${c.codePointAt(0)!.toString(16)}`).toBe("invoicexcod.exe.docx");
    expect(cleanFilename("a\u0000b\u0007c\u001b\u007f\u0085\u200B\u200D\uFEFF\u2028d.pdf", "file")).toBe("abcd.pdf");
    expect(cleanFilename("half\uD800.pdf", "file")).toBe("half.pdf");
    expect(cleanFilename('C:\\Users\\me\\"quoted" <a|b>?.pdf', "file")).toBe("quoted ab.pdf");
    expect(cleanFilename("  spaced \t\n name .pdf  ", "file")).toBe("spaced name .pdf");
  });

  it("are NFC, shortened before their extension, and fall back when nothing is left", () => {
    expect(cleanFilename("Cafe\u0301.pdf", "file")).toBe("Caf\u00e9.pdf");
    const long = cleanFilename(`${"é".repeat(300)}.docx`, "file");
    expect(Array.from(long)).toHaveLength(150);
    expect(long.endsWith("é.docx")).toBe(true);
    expect(cleanFilename("\u202E\u2066 \u200F", "attachment")).toBe("attachment");
    expect(cleanFilename(undefined, "attachment")).toBe("attachment");
  });

  it("go into Content-Disposition as an ASCII filename and a UTF-8 filename* (RFC 6266, RFC 5987)", () => {
    expect(contentDisposition("attachment", "invoice\u202Excod.exe.docx")).toBe(`attachment; filename="invoicexcod.exe.docx"; filename*=UTF-8''invoicexcod.exe.docx`);
    expect(contentDisposition("inline", "Résumé d'été (2024) 100%.png")).toBe(`inline; filename="Resume d'ete (2024) 100_.png"; filename*=UTF-8''R%C3%A9sum%C3%A9%20d%27%C3%A9t%C3%A9%20%282024%29%20100%25.png`);
    expect(contentDisposition("attachment", "報告.pdf")).toBe(`attachment; filename="__.pdf"; filename*=UTF-8''%E5%A0%B1%E5%91%8A.pdf`);
    expect(contentDisposition("attachment", "\u202E")).toBe(`attachment; filename="download"; filename*=UTF-8''download`);
  });
});
