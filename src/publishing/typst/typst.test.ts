import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "#src/content/parse.ts";
import { compilePdf } from "#src/publishing/pdf.ts";
import type { Publication } from "#src/publishing/publication.ts";
import { typstDocument } from "#src/publishing/typst/document.ts";
import { serializeMdast, typstString } from "#src/publishing/typst/serialize.ts";
import { translator } from "#src/i18n/i18n.ts";
import { publicationOf, sectionOf } from "#test/helpers/publication.ts";

const t = translator("en");

/** A publication of one chapter whose sections hold the given Markdown texts. */
const publication = (texts: string[]): Publication =>
  publicationOf({ chapters: [{ title: "Only chapter", slug: "only", sections: texts.map((body, i) => sectionOf(`Section ${i + 1}`, `s${i + 1}`, body)) }] });

const pdfText = (pdf: Buffer) => {
  const file = join(mkdtempSync(join(tmpdir(), "lr-pdf-")), "out.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
};

describe("Typst serializer", () => {
  it("escapes string literals", () => {
    expect(typstString('a "quoted" \\ back\nline')).toBe('"a \\"quoted\\" \\\\ back\\nline"');
  });

  it("writes a small fixture the same way every time", () => {
    const md = "Intro *em* **strong** `code` [link](https://example.org) and [bad](javascript:x).[^1]\n\n- one\n- two\n\n| A | B |\n|---|--:|\n| 1 | 2 |\n\n::figure{ref=f-1}\n\n[^1]: Note.";
    expect(serializeMdast(parseMarkdown(md), t)).toMatchSnapshot();
  });

  it("exports Typst syntax in a text verbatim, with no package fetched", async () => {
    const hostile = '#import "@preview/x:1.0.0": * and $x^2$ and @label and <tag> and ] and #read("/etc/passwd") and \\ and `#sys`';
    const pdf = await compilePdf(typstDocument(publication([hostile])), { timestamp: 0 });
    const text = pdfText(pdf).replace(/\s+/g, " ");
    for (const piece of ['#import "@preview/x:1.0.0": *', "$x^2$", "@label", "<tag>", "] and", '#read("/etc/passwd")', "#sys"]) expect(text).toContain(piece);
    expect(text).not.toContain("root:");
  });

  it("prints a recommendation with its number, status and the events it came from", async () => {
    const sources = [
      { event: "Committee session #2017", date: "October 16, 2017", by: "Group A", outcome: 'Pilot ]first[ and $x$ "quoted"' },
      { event: "Regional workshop", date: "March 16, 2021", by: "", outcome: "Trial at one crossing." },
    ];
    const pub = { ...publication(["::recommendation{ref=r1}"]), recommendations: { r1: { text: "Start small.", retired: false, number: 4, status: "endorsed" as const, sources } } };
    const text = pdfText(await compilePdf(typstDocument(pub), { timestamp: 0 })).replace(/\s+/g, " ");
    for (const words of ["Recommendation 4 (Adopted)", "Start small.", "Where it came from", 'Committee session #2017, October 16, 2017 — Group A: “Pilot ]first[ and $x$ "quoted"”', "Regional workshop, March 16, 2021 — “Trial at one crossing.”"]) expect(text).toContain(words);
  });

  it("gives the same bytes for the same edition", async () => {
    const source = typstDocument(publication(["Same *text*, same file.[^1]\n\n[^1]: Note."]));
    const [a, b] = await Promise.all([compilePdf(source, { timestamp: 1_700_000_000 }), compilePdf(source, { timestamp: 1_700_000_000 })]);
    expect(a.equals(b)).toBe(true);
  });

  it("compiles any text and gives every word back (property)", async () => {
    // Words of letters (so pdftotext finds them whole) mixed with every character Typst treats specially.
    const word = fc.stringMatching(/^[A-Za-zÀ-ÿ]{3,12}$/);
    const noise = fc.constantFrom(..."#$*_<>@[]\\/=-+~`\"'{}()!:;,.".split(""), " # ", " = ", "\n\n", "\n- ", "**", "[^x]");
    const texts = fc.array(fc.tuple(word, fc.array(noise, { maxLength: 3 }), fc.string({ maxLength: 8 })), { minLength: 5, maxLength: 25 });
    await fc.assert(
      fc.asyncProperty(texts, async (parts) => {
        const body = parts.map(([w, n, s]) => `${n.join("")}${s.replace(/[\u0000-\u001f]/g, "")} ${w} `).join("");
        const pdf = await compilePdf(typstDocument(publication([body])), { timestamp: 0 });
        // Words may be hyphenated at a line end, and pdftotext sometimes splits a word at a
        // kerned pair ("Af Ý"): hyphens before a line break and all spaces are ignored.
        const out = pdfText(pdf).replace(/[-\u00ad]\s*\n\s*/g, "").replace(/\s+/g, "");
        for (const [w] of parts) expect(out).toContain(w);
      }),
      { numRuns: 6, endOnFailure: true },
    );
  }, 60_000);
});
