import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { afterAll, describe, expect, it } from "vitest";
import { readerLines } from "#src/content/reader-lines.ts";
import { chapterMark, GENERATED_STYLE, parseMark, sectionMark } from "#src/domain/review-suggestions.ts";
import { lineRuns, reviewDocx, type ReviewDocxInput } from "#src/features/reviews/word-export.ts";
import { hasCommand, prerequisite } from "#test/helpers/prerequisites.ts";

// The review file: what its reader (word-read.ts) relies on, in the file we write and in the same
// file once LibreOffice has opened and saved it.

type Para = { text: string; style: string | null; numbered: boolean; numId: string | null; inTable: boolean; marks: string[]; fonts: string[]; bold: boolean[] };

/** The body's paragraphs as Word reads them: the text of w:t (not w:delText), style, numbering, table, bookmarks. */
function paragraphs(docx: Uint8Array): Para[] {
  const xml = new TextDecoder().decode(unzipSync(docx)["word/document.xml"]);
  const out: Para[] = [];
  let p: Para | null = null;
  let tables = 0;
  let inText = false;
  let run: { font: string | null; bold: boolean } | null = null;
  const parser = new SaxesParser();
  parser.on("opentag", (tag) => {
    const val = (tag.attributes["w:val"]) ?? null;
    if (tag.name === "w:tbl") tables++;
    else if (tag.name === "w:p") p = { text: "", style: null, numbered: false, numId: null, inTable: tables > 0, marks: [], fonts: [], bold: [] };
    else if (tag.name === "w:pStyle" && p) p.style = val;
    else if (tag.name === "w:numPr" && p) p.numbered = true;
    else if (tag.name === "w:numId" && p) p.numId = val;
    else if (tag.name === "w:bookmarkStart" && p) p.marks.push(tag.attributes["w:name"] as string);
    else if (tag.name === "w:r") run = { font: null, bold: false };
    else if (tag.name === "w:rFonts" && run) run.font = (tag.attributes["w:ascii"]) ?? null;
    else if (tag.name === "w:b" && run) run.bold = val !== "false" && val !== "0";
    else if (tag.name === "w:t") inText = true;
    else if (tag.name === "w:tab" && run && p) {
      // A tab in a run (not a tab stop of the paragraph's properties) is a character of the text.
      p.text += "\t";
      p.fonts.push(run.font ?? "");
      p.bold.push(run.bold);
    }
  });
  parser.on("text", (text) => {
    if (inText && p && run) {
      p.text += text;
      for (const _ of text) {
        p.fonts.push(run.font ?? "");
        p.bold.push(run.bold);
      }
    }
  });
  parser.on("closetag", (tag) => {
    if (tag.name === "w:tbl") tables--;
    else if (tag.name === "w:t") inText = false;
    else if (tag.name === "w:r") run = null;
    else if (tag.name === "w:p" && p) {
      out.push(p);
      p = null;
    }
  });
  parser.write(xml).close();
  return out;
}

const part = (docx: Uint8Array, name: string) => new TextDecoder().decode(unzipSync(docx)[name]);

const RICH = [
  "Members read **bold words**, *emphasis*, ~~struck~~ text and `inline code`, with a [link](https://example.org/a) and  two  spaces.",
  "",
  "### A sub-heading",
  "",
  "- first point",
  "  - nested point",
  "- second point",
  "",
  "1. one",
  "2. two",
  "",
  "Between the lists[^n].",
  "",
  "1. again one",
  "",
  "> A quoted paragraph.",
  "",
  "```",
  "const x =  1;",
  "```",
  "",
  "```",
  "if (x)",
  "\treturn 1;",
  "```",
  "",
  "| Name | Value |",
  "| ---- | ----- |",
  "| a    | 1     |",
  "| b    |       |",
  "",
  "::figure{ref=solar-costs}",
  "",
  "Narrow\u202fspace and no-break\u00a0space stay.",
  "",
  "[^n]: The footnote's words.",
].join("\n");

const IDS = ["0b8a3f7e-1234-4abc-8def-0123456789ab", "1c9b4f8f-2345-4bcd-9ef0-123456789abc", "2dac5a9a-3456-4cde-aef1-23456789abcd"] as const;

const input: ReviewDocxInput = {
  title: "Disruptive technologies",
  roundTitle: "Spring consultation",
  lang: "en",
  part: "The whole text",
  date: new Date("2026-03-01T00:00:00Z"),
  chapters: [
    {
      number: "1",
      title: "Introduction",
      sections: [
        { id: IDS[0], number: "1.1", heading: "Scope", body: RICH, revisionId: 42, lang: "en" },
        { id: IDS[1], number: "1.2", heading: "Not translated", body: "", revisionId: null, lang: "en" },
      ],
    },
    { number: "2", title: "Findings", sections: [{ id: IDS[2], number: "2.1", heading: "Costs", body: "Costs fell.\n\nThey may rise.", revisionId: 123456, lang: "en" }] },
  ],
};

/** Every section's paragraphs: from its heading to the next heading of a section or chapter. */
function bySection(paras: Para[]) {
  const sections: { heading: Para; body: Para[] }[] = [];
  for (const p of paras) {
    if (p.style === "Heading1") sections.push({ heading: p, body: [] });
    else if (p.style === "Heading2") sections.push({ heading: p, body: [] });
    else sections.at(-1)?.body.push(p);
  }
  return sections.filter((s) => s.heading.style === "Heading2");
}

/** What the reader relies on, checked on a file as we wrote it or as LibreOffice saved it. */
function checkFile(docx: Uint8Array) {
  const paras = paragraphs(docx);
  // One mark per chapter heading, one per section with a revision, nothing else of ours.
  const marks = paras.flatMap((p) => p.marks.map((m) => ({ m, p }))).filter(({ m }) => parseMark(m));
  expect(marks.map(({ m }) => m)).toEqual([chapterMark(1), sectionMark(IDS[0], 42), chapterMark(2), sectionMark(IDS[2], 123456)]);
  expect(marks.map(({ p }) => [p.style, p.text])).toEqual([
    ["Heading1", "1 Introduction"],
    ["Heading2", "1.1 Scope"],
    ["Heading1", "2 Findings"],
    ["Heading2", "2.1 Costs"],
  ]);
  expect(parseMark(marks[3]!.m)).toEqual({ kind: "section", sectionId: IDS[2], revisionId: 123456 });

  const [scope, untranslated, costs] = bySection(paras);
  // The body: one paragraph per reader line, the very same text; table cells in a real table.
  const lines = readerLines(RICH);
  const written = scope!.body.filter((p) => !(p.style === GENERATED_STYLE && p.text === "" && !p.inTable));
  expect(written.map((p) => p.text)).toEqual(lines.map((l) => l.text));
  lines.forEach((line, i) => {
    const p = written[i]!;
    expect(p.inTable, line.text).toBe(line.kind === "cell");
    expect(p.numbered, line.text).toBe(line.kind === "item");
    if (line.kind === "generated") expect(p.style).toBe(GENERATED_STYLE);
    else expect(p.style ?? "Normal", line.text).not.toBe(GENERATED_STYLE);
  });
  // The section without text in this language: no mark, a line saying so, in the style no one edits.
  expect(untranslated!.heading.marks.filter((m) => parseMark(m))).toEqual([]);
  expect(untranslated!.body.map((p) => [p.style, p.text])).toEqual([[GENERATED_STYLE, "This section has no text in this language yet: nothing to review here."]]);
  expect(costs!.body.map((p) => p.text)).toEqual(["Costs fell.", "They may rise."]);
  // The style survives by its id, and the first page is ours (in the style no one edits).
  expect(part(docx, "word/styles.xml")).toContain(`w:styleId="${GENERATED_STYLE}"`);
  const first = paras.slice(0, paras.findIndex((p) => p.style === "Heading1"));
  expect(first.length).toBeGreaterThanOrEqual(4);
  expect(first.every((p) => p.style === GENERATED_STYLE)).toBe(true);
  return { paras, scope: written, lines };
}

describe("review file (Download for review)", () => {
  let file: Uint8Array;
  const dir = mkdtempSync(join(tmpdir(), "review-docx-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("marks each section with its revision and writes each reader line as one paragraph of the same text", async () => {
    file = await reviewDocx(input);
    const { scope, lines } = checkFile(file);
    const at = (text: string) => scope[lines.findIndex((l) => l.text === text)]!;
    // Lists: Word's numbering, no bullet or number in the text; the second numbered list starts again.
    expect(lines.filter((l) => l.kind === "item").map((l) => l.text)).toEqual(["first point", "nested point", "second point", "one", "two", "again one"]);
    expect(at("one").numId).toBe(at("two").numId);
    expect(at("again one").numId).not.toBe(at("one").numId);
    expect(at("first point").numId).not.toBe(at("one").numId);
    // Marks: inline code and code blocks in a mono font; a table's first row bold.
    const rich = at(lines[0]!.text);
    expect(rich.fonts[rich.text.indexOf("inline code")]).toBe("Courier New");
    expect(rich.fonts[0]).not.toBe("Courier New");
    expect(rich.bold[rich.text.indexOf("bold words")]).toBe(true);
    expect(rich.bold[0]).toBe(false);
    expect(at("const x =  1;").fonts.every((f) => f === "Courier New")).toBe(true);
    expect(at("if (x) \treturn 1;").text).toBe("if (x) \treturn 1;");
    expect(part(file, "word/document.xml")).toMatch(/if \(x\) <\/w:t><w:tab\/><w:t[^>]*>return 1;/);
    expect(at("Name").bold.every(Boolean)).toBe(true);
    expect(at("a").bold.some(Boolean)).toBe(false);
    // Quote, footnote, directive.
    expect(at("A quoted paragraph.").style).toBe("Quote");
    expect(lines.at(-1)!.kind).toBe("footnote");
    expect(lines.find((l) => l.kind === "generated")).toBeDefined();
    // The link is a hyperlink to its address; the text opens with Track Changes on; no fields.
    expect(part(file, "word/_rels/document.xml.rels")).toContain('Target="https://example.org/a"');
    expect(part(file, "word/settings.xml")).toContain("<w:trackRevisions");
    expect(part(file, "word/document.xml")).not.toMatch(/w:fldChar|w:fldSimple|w:instrText/);
    // The first page says how to review, in the file's language.
    expect(paragraphs(await reviewDocx({ ...input, lang: "fr" })).some((p) => p.text.startsWith("Comment relire ce fichier"))).toBe(true);
  });

  it("keeps runs exactly as the line's text, squeezing only where the runs do not add up", () => {
    expect(lineRuns({ text: "a b", runs: [{ text: "a ", marks: {} }, { text: "b", marks: { bold: true } }] })).toEqual([
      { text: "a ", marks: {} },
      { text: "b", marks: { bold: true } },
    ]);
    expect(lineRuns({ text: "a b", runs: [{ text: " a  ", marks: {} }, { text: " b ", marks: { bold: true } }] }).map((r) => r.text)).toEqual(["a ", "b"]);
    expect(lineRuns({ text: "x\u00a0y", runs: [{ text: "x\u00a0y", marks: {} }] }).map((r) => r.text)).toEqual(["x\u00a0y"]);
    expect(lineRuns({ text: "other", runs: [{ text: "nothing alike", marks: { italic: true } }] })).toEqual([{ text: "other", marks: {} }]);
  });

  const soffice = prerequisite("LibreOffice (soffice, for the review file's round trip)", hasCommand("soffice"), "apt-get install libreoffice-writer-nogui");
  it.skipIf(!soffice)("keeps its marks, texts and styles when LibreOffice opens and saves it", { timeout: 120_000 }, async () => {
    file ??= await reviewDocx(input);
    writeFileSync(join(dir, "review.docx"), file);
    const run = spawnSync("soffice", ["--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", join(dir, "lo"), join(dir, "review.docx")], { encoding: "utf8", timeout: 120_000, env: { ...process.env, HOME: dir } });
    expect(run.status, run.stderr).toBe(0);
    const saved = new Uint8Array(readFileSync(join(dir, "lo", "review.docx")));
    expect(saved).not.toEqual(file);
    checkFile(saved);
  });
});
