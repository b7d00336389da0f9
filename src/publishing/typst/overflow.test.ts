import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compilePdf } from "#src/publishing/pdf.ts";
import { typstDocument } from "#src/publishing/typst/document.ts";
import { publicationOf, sectionOf } from "#test/helpers/publication.ts";

// Words with no space to break at (a long URL, a long compound, a made-up code) stay on the page
// wherever a person can write them, and still read as written.
const X = "x".repeat(200);
const COMPOUND = "Zollabfertigungsdatenverarbeitungssystemmodernisierungsprojektlenkungsausschussvorsitzender";
const URL = `https://example.org/${"a".repeat(60)}/path/to/something?query=${"b".repeat(80)}`;
const CODE = "HS-CODE-0101.21.00-0102.29.10-0103.91.10-0104.10.10";
const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"><rect width="120" height="40" fill="#1b4f7a"/></svg>';
const body = [
  `Body ${X} and ${COMPOUND}${COMPOUND}.`,
  `See <${URL}> or [the list](${URL}).`,
  `### Inner ${COMPOUND}`,
  `| Code | ${COMPOUND} |\n|---|---|\n| ${X} | ${URL} |`,
  `| A | B | C | D | E | F |\n|---|---|---|---|---|---|\n| ${CODE} | ${COMPOUND} | ${CODE} | ${COMPOUND} | ${CODE} | ${COMPOUND} |`,
  "::figure{ref=wide}",
].join("\n\n");
const pub = publicationOf({
  reportTitle: COMPOUND,
  title: `Report ${COMPOUND}`,
  date: "2026-01-31",
  foreword: X,
  figures: { wide: { title: `Figure ${X}`, caption: URL, alt: "A bar", source: COMPOUND, n: 3, svg, data: { columns: [], rows: [], n: 3 } } },
  chapters: [{ title: `Chapter ${COMPOUND}`, slug: "only", sections: [sectionOf(`Heading ${X}`, "s1", body)] }],
});

// The page's side margins (2.3 cm) as the document sets them, in points.
const MARGIN = (2.3 / 2.54) * 72;

describe("overlong words in the PDF", () => {
  it("breaks them inside the text block, in headings, text, tables and figures", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lr-pdf-"));
    const file = join(dir, "out.pdf");
    writeFileSync(file, await compilePdf(typstDocument(pub), { timestamp: 0 }));
    const bbox = execFileSync("pdftotext", ["-bbox", file, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
    const outside: string[] = [];
    let words = 0;
    for (const [, width, content] of bbox.matchAll(/<page width="([\d.]+)"[^>]*>([\s\S]*?)<\/page>/g)) {
      for (const [, xMin, xMax, word] of content!.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) {
        words++;
        if (Number(xMin) < MARGIN - 1 || Number(xMax) > Number(width) - MARGIN + 1) outside.push(`${word!.slice(0, 30)}… ${xMin}–${xMax}`);
      }
    }
    expect(words).toBeGreaterThan(50);
    expect(outside).toEqual([]);
    // The words read as written: no character was added where they break (hyphens Typst adds at
    // a line end, and line ends themselves, are left out).
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\u00ad\s*/g, "").replace(/\s+/g, "");
    for (const word of [X, COMPOUND, URL, CODE]) expect(text).toContain(word);
    expect(text).not.toMatch(/[\u200b\ufffc]/);
  });
});
