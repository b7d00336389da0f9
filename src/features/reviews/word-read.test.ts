import { describe, expect, it } from "vitest";
import { readerLines } from "#src/content/reader-lines.ts";
import { chapterMark, GENERATED_STYLE, sectionMark } from "#src/domain/review-suggestions.ts";
import { applySuggestion } from "#src/features/reviews/suggestions.ts";
import { placeReviewWord } from "#src/features/reviews/word-place.ts";
import { readReviewWord, type SectionBase } from "#src/features/reviews/word-read.ts";
import { checkDocx } from "#src/lib/file-checks.ts";
import { isAppError } from "#src/lib/errors.ts";
import { AUTHOR, type Comments, cell, comment, commentRange, del, docx, heading, ins, moveFrom, moveTo, p, para, r, table } from "#test/fixtures/review-word/ooxml.ts";

// Hand-made review files, one per structure, read and placed against bases written here in Markdown.

const ID = "0b9f2a4e-3c1d-4e5f-8a7b-1c2d3e4f5a6b";
const OTHER = "7d3c2b1a-0f9e-4d8c-b7a6-958473625140";
const REV = 41;
const base = (body: string, id = ID, number = "1.1", title = "Scope"): SectionBase => ({ id, number, heading: title, revisionId: REV, body });
const bases = (...list: SectionBase[]) => new Map(list.map((b) => [b.id, b]));
const mark = (id = ID, rev = REV) => sectionMark(id, rev);

/** The section's lines as the export writes them: one paragraph per reader line. */
const exported = (body: string) =>
  readerLines(body)
    .map((line) => (line.kind === "generated" ? p(r(line.text), GENERATED_STYLE) : para(line.text)))
    .join("");

const place = (body: string, sectionBody: string, comments?: Comments) => {
  const read = readReviewWord(docx(body, comments));
  return { read, preview: placeReviewWord(read, bases(base(sectionBody)), "en") };
};
/** The body with every suggestion applied at its place, the last first (so each one's offsets still hold). */
const applied = (body: string, preview: ReturnType<typeof placeReviewWord>) =>
  preview.items
    .flatMap((item) => (item.kind === "suggestion" ? [item.suggestion] : []))
    .sort((a, b) => b.start - a.start)
    .reduce((text, suggestion) => {
    const result = applySuggestion(text, suggestion, true);
    if ("refused" in result) throw new Error(result.refused);
    return result.body;
  }, body);
const codeOf = (e: unknown) => (isAppError(e) ? e.code : String(e));

const BODY = "The committee met in *Geneva* in 2024.\n\nIt adopted two texts.\n\nWork continues.";

describe("reading a review file", () => {
  it("reads tracked insertions, deletions and replacements with both readings and their authors", () => {
    const body = heading("1.1 Scope", mark()) + p(r("The committee met ") + ins("twice ") + r("in Geneva in ") + del("2024") + ins("2025") + r("."));
    const read = readReviewWord(docx(body));
    expect(read.tracked).toBe(true);
    expect(read.sections).toHaveLength(1);
    const [section] = read.sections;
    expect(section!.mark).toEqual({ kind: "section", sectionId: ID, revisionId: REV });
    expect(section!.headingText).toBe("1.1 Scope");
    const paragraph = section!.paragraphs[1]!;
    expect(paragraph.text).toBe("The committee met twice in Geneva in 2025.");
    expect(paragraph.before).toBe("The committee met in Geneva in 2024.");
    expect(paragraph.changes).toEqual([
      { kind: "ins", author: AUTHOR, date: "2026-01-05T10:00:00Z", at: 18, text: "twice " },
      { kind: "del", author: AUTHOR, date: "2026-01-05T10:00:00Z", at: 31, text: "2024" },
      { kind: "ins", author: AUTHOR, date: "2026-01-05T10:00:00Z", at: 35, text: "2025" },
    ]);
  });

  it("places them as three suggestions on the Markdown, context and marks kept", () => {
    const body = heading("1.1 Scope", mark()) + p(r("The committee met ") + ins("twice ") + r("in Geneva in ") + del("2024") + ins("2025") + r(".")) + para("It adopted two texts.") + para("Work continues.");
    const { preview } = place(body, BODY);
    expect(preview.unplaced).toEqual([]);
    expect(preview.tracked).toBe(true);
    expect(preview.items.map((i) => i.kind === "suggestion" && [i.suggestion.exact, i.suggestion.replacement, i.author])).toEqual([
      ["", "twice ", AUTHOR],
      ["2024", "2025", AUTHOR],
    ]);
    expect(applied(BODY, preview)).toBe("The committee met twice in *Geneva* in 2025.\n\nIt adopted two texts.\n\nWork continues.");
    const [first] = preview.items;
    expect(first).toMatchObject({ sectionId: ID, revisionId: REV, date: "2026-01-05T10:00:00Z" });
  });

  it("reads a comment with the words it is anchored to, and a point comment with none", () => {
    const body = heading("1.1 Scope", mark()) + p(r("The committee met in ") + commentRange(1, r("Geneva")) + r(" in 2024.")) + p(r("It adopted two texts.") + comment(2)) + para("Work continues.");
    const comments = { 1: { author: "Bea", text: ["Which building?", "Say it."] }, 2: { author: "Cy", text: ["Which texts?"] } };
    const { read, preview } = place(body, BODY, comments);
    expect(read.sections[0]!.comments).toEqual([
      { author: "Bea", date: "2026-01-06T09:00:00Z", body: "Which building?\nSay it.", quote: "Geneva", paragraph: 1 },
      { author: "Cy", date: "2026-01-06T09:00:00Z", body: "Which texts?", quote: "", paragraph: 2 },
    ]);
    expect(preview.items).toEqual([
      { kind: "comment", sectionId: ID, revisionId: REV, quote: "Geneva", body: "Which building?\nSay it.", author: "Bea", date: "2026-01-06T09:00:00Z" },
      { kind: "comment", sectionId: ID, revisionId: REV, quote: null, body: "Which texts?", author: "Cy", date: "2026-01-06T09:00:00Z" },
    ]);
    expect(preview.unplaced).toEqual([]);
  });

  it("ignores a change of formatting only", () => {
    const bold = `<w:r><w:rPr><w:b/><w:rPrChange w:id="9" w:author="${AUTHOR}" w:date="2026-01-05T10:00:00Z"><w:rPr/></w:rPrChange></w:rPr><w:t>It adopted two texts.</w:t></w:r>`;
    const body = heading("1.1 Scope", mark()) + para("The committee met in Geneva in 2024.") + p(bold) + para("Work continues.");
    const { read, preview } = place(body, BODY);
    expect(read.sections[0]!.paragraphs[2]).toMatchObject({ formatOnly: true, changes: [] });
    expect(read.tracked).toBe(false);
    expect(preview.items).toEqual([]);
    expect(preview.unplaced).toEqual([]);
  });

  it("places a moved paragraph as a deletion and an insertion, each where it belongs", () => {
    const body = heading("1.1 Scope", mark()) + para("The committee met in Geneva in 2024.") + p(moveFrom("It adopted two texts.")) + para("Work continues.") + p(moveTo("It adopted two texts."));
    const { read, preview } = place(body, BODY);
    expect(read.sections[0]!.paragraphs[2]!.changes[0]).toMatchObject({ kind: "del", moved: true });
    expect(preview.items).toHaveLength(2);
    expect(applied(BODY, preview)).toBe("The committee met in *Geneva* in 2024.\n\nWork continues.\n\nIt adopted two texts.");
  });

  it("places a change in a table cell inside that cell", () => {
    const md = "Results:\n\n| Country | Texts |\n| --- | --- |\n| Peru | 2 |\n| Chile | 3 |";
    const row = (a: string, b: string) => `<w:tr>${cell(a)}${cell(b)}</w:tr>`;
    const body = heading("1.1 Scope", mark()) + para("Results:") + table(row("Country", "Texts") + row("Peru", "2") + `<w:tr>${cell("Chile")}<w:tc>${p(del("3") + ins("4"))}</w:tc></w:tr>`);
    const { read, preview } = place(body, md);
    expect(read.sections[0]!.paragraphs.filter((x) => x.inTable)).toHaveLength(6);
    expect(preview.unplaced).toEqual([]);
    expect(applied(md, preview)).toBe("Results:\n\n| Country | Texts |\n| --- | --- |\n| Peru | 2 |\n| Chile | 4 |");
  });

  it("places a change in a list item in that item", () => {
    const md = "Steps:\n\n- read the draft\n- send comments\n- meet";
    const body = heading("1.1 Scope", mark()) + para("Steps:") + para("read the draft") + p(r("send ") + ins("written ") + r("comments")) + para("meet");
    const { preview } = place(body, md);
    expect(applied(md, preview)).toBe("Steps:\n\n- read the draft\n- send written comments\n- meet");
  });

  it("deletes a paragraph deleted whole, with its blank line, and an item with its marker", () => {
    const deletedMark = `<w:pPr><w:rPr><w:del w:id="7" w:author="${AUTHOR}" w:date="2026-01-05T10:00:00Z"/></w:rPr></w:pPr>`;
    const body = heading("1.1 Scope", mark()) + para("The committee met in Geneva in 2024.") + `<w:p>${deletedMark}${del("It adopted two texts.")}</w:p>` + para("Work continues.");
    const { read, preview } = place(body, BODY);
    expect(read.sections[0]!.paragraphs[2]!.merged).toBe(true);
    expect(preview.items).toHaveLength(1);
    expect(applied(BODY, preview)).toBe("The committee met in *Geneva* in 2024.\n\nWork continues.");
    const md = "- one\n- two\n- three";
    const list = place(heading("1.1 Scope", mark()) + para("one") + p(del("two")) + para("three"), md).preview;
    expect(applied(md, list)).toBe("- one\n- three");
  });

  it("reports a section deleted as a whole once, not as one deletion per paragraph", () => {
    const body = heading("1.1 Scope", mark()) + p(del("The committee met in Geneva in 2024.")) + p(del("It adopted two texts.")) + p(del("Work continues."));
    const { preview } = place(body, BODY);
    expect(preview.items).toEqual([]);
    expect(preview.unplaced).toEqual([expect.objectContaining({ reason: "section-deleted", sectionId: ID, author: AUTHOR })]);
  });

  it("does not place a change in a generated line (a figure's title), nor compare its words", () => {
    const md = "Before.\n\n::figure{ref=fig-1}\n\nAfter.";
    const figure = readerLines(md).find((l) => l.kind === "generated")!.text;
    const body = heading("1.1 Scope", mark()) + para("Before.") + p(r(figure) + ins(" (draft)"), GENERATED_STYLE) + para("After.");
    const { preview } = place(body, md);
    expect(preview.items).toEqual([]);
    expect(preview.unplaced).toEqual([expect.objectContaining({ reason: "generated", text: " (draft)" })]);
  });

  it("reports changes and comments before the first section as outside the sections", () => {
    const body = p(r("Review of the ") + ins("living ") + r("draft"), "Title") + heading("1.1 Scope", mark()) + exported(BODY);
    const { preview } = place(body, BODY, { 1: { author: "Bea", text: ["Nice cover"] } });
    expect(preview.items).toEqual([]);
    expect(preview.unplaced.map((u) => [u.kind, u.reason, u.text])).toEqual([
      ["comment", "outside-sections", ""],
      ["suggestion", "outside-sections", "living "],
    ]);
  });

  it("ends a section at a chapter's heading: what follows is outside", () => {
    const body = heading("1.1 Scope", mark()) + exported(BODY) + p(`<w:bookmarkStart w:id="5" w:name="${chapterMark(2)}"/>${r("2 Findings")}`, "Heading1") + p(ins("A note."));
    const { read, preview } = place(body, BODY);
    expect(read.sections[0]!.paragraphs).toHaveLength(4);
    expect(read.outside.paragraphs).toHaveLength(2);
    expect(preview.items).toEqual([]);
    expect(preview.unplaced).toEqual([expect.objectContaining({ reason: "outside-sections", text: "A note." })]);
  });

  it("reports the changes of a section this round does not know", () => {
    const body = heading("1.1 Scope", mark(OTHER)) + p(r("Some ") + ins("new ") + r("text."));
    const { preview } = place(body, BODY);
    expect(preview.items).toEqual([]);
    expect(preview.unplaced).toEqual([expect.objectContaining({ reason: "unknown-section", sectionId: OTHER, text: "new " })]);
  });

  it("without marks, takes numbered headings for the round's sections", () => {
    const body = p(r("1 Introduction"), "Heading1") + heading("1.1 Scope") + para("The committee met in Geneva in 2024.") + p(r("It adopted ") + del("two") + ins("three") + r(" texts.")) + para("Work continues.");
    const read = readReviewWord(docx(body));
    expect(read.sections.map((s) => [s.mark, s.headingText])).toEqual([[null, "1.1 Scope"]]);
    const preview = placeReviewWord(read, bases(base(BODY), base("Other text.", OTHER, "1.2", "Method")), "fr");
    expect(preview.language).toBe("fr");
    expect(applied(BODY, preview)).toBe(BODY.replace("two", "three"));
  });

  it("counts a text box as unsupported and does not read the changes in it", () => {
    const box = `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>${p(ins("Boxed words"))}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>${p(ins("Boxed words"))}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    const body = heading("1.1 Scope", mark()) + p(r("The committee met in Geneva in 2024.") + box) + para("It adopted two texts.") + para("Work continues.");
    const { read, preview } = place(body, BODY);
    expect(read.unsupported).toEqual([{ kind: "text-box", count: 1 }]);
    expect(read.tracked).toBe(false);
    expect(preview.items).toEqual([]);
    expect(preview.unplaced).toEqual([expect.objectContaining({ reason: "unsupported", text: "text-box", count: 1 })]);
  });

  it("finds an untracked edit by comparison, with no Word author", () => {
    const body = heading("1.1 Scope", mark()) + para("The committee met in Geneva in 2024.") + para("It adopted three texts.") + para("Work continues.") + para("A new paragraph.");
    const { preview } = place(body, BODY);
    expect(preview.tracked).toBe(false);
    expect(preview.items.map((i) => i.kind === "suggestion" && [i.suggestion.exact, i.suggestion.replacement, i.author])).toEqual([
      ["two", "three", null],
      ["", "\n\nA new paragraph.", null],
    ]);
    expect(applied(BODY, preview)).toBe("The committee met in *Geneva* in 2024.\n\nIt adopted three texts.\n\nWork continues.\n\nA new paragraph.");
  });

  it("escapes Markdown in the words a file brings", () => {
    const body = heading("1.1 Scope", mark()) + para("The committee met in Geneva in 2024.") + p(r("It adopted two ") + ins("*key* ") + r("texts.")) + para("Work continues.");
    const { preview } = place(body, BODY);
    expect(applied(BODY, preview)).toContain("two \\*key\\* texts.");
  });

  it("reports a changed heading instead of placing it", () => {
    const body = heading("1.1 Scope", mark()).replace("Scope", "Scope") + exported(BODY);
    expect(place(body, BODY).preview.unplaced).toEqual([]);
    const changed = p(`<w:bookmarkStart w:id="0" w:name="${mark()}"/>${r("1.1 ")}${del("Scope")}${ins("Purpose")}`, "Heading2") + exported(BODY);
    const { preview } = place(changed, BODY);
    expect(preview.items).toEqual([]);
    expect(preview.unplaced).toEqual([expect.objectContaining({ reason: "heading" })]);
  });

  it("gives nothing for a file saved unchanged: runs split, no-break spaces, soft hyphens, a rich section", () => {
    const md = [
      "## Context",
      "The **committee** met in [Geneva](https://example.org) on 3\u00a0May; see note[^1].",
      "- first *point*\n- second point\n  1. nested",
      "> A quoted paragraph.",
      "| A | B |\n| --- | --- |\n| 1 |  |",
      "```\ncode  block\n```",
      "::figure{ref=fig-1}",
      "[^1]: The note.",
    ].join("\n\n");
    const lines = readerLines(md);
    const body =
      heading("1.1 Scope", mark()) +
      lines
        .map((line) => {
          if (line.kind === "generated") return p(r(line.text), GENERATED_STYLE);
          // Split in runs as a word processor does, with a no-break space and a soft hyphen where it likes.
          const text = line.text.replace("committee", "com\u00admittee").replace(/ (?=point)/, "\u00a0");
          const half = Math.floor(text.length / 2);
          return p(r(text.slice(0, half)) + r(text.slice(half)));
        })
        .join("");
    const { preview } = place(body, md);
    expect(preview.items).toEqual([]);
    expect(preview.unplaced).toEqual([]);
  });

  it("goes through checkDocx like an upload", async () => {
    const checked = await checkDocx(docx(heading("1.1 Scope", mark()) + exported(BODY)));
    const read = readReviewWord(checked);
    expect(placeReviewWord(read, bases(base(BODY)), "en")).toEqual({ language: "en", tracked: false, sections: 1, items: [], unplaced: [] });
  });
});

describe("a review file with many changes", () => {
  it("keeps the first 500 items and counts the rest as one entry", () => {
    const md = Array.from({ length: 600 }, (_, i) => `Line ${i} stays.`).join("\n\n");
    const body = heading("1.1 Scope", mark()) + Array.from({ length: 600 }, (_, i) => p(r(`Line ${i} `) + del("stays") + ins("goes") + r("."))).join("");
    const { preview } = place(body, md);
    expect(preview.items).toHaveLength(500);
    expect(preview.unplaced).toEqual([expect.objectContaining({ reason: "too-many", text: "", count: 100 })]);
    expect(preview.items[499]).toMatchObject({ kind: "suggestion", suggestion: { exact: "stays", replacement: "goes" } });
  });

  it("places a paragraph added before the first one at the start of the text", () => {
    const body = heading("1.1 Scope", mark()) + p(ins("In short.")) + exported(BODY);
    const { preview } = place(body, BODY);
    expect(applied(BODY, preview)).toBe(`In short.\n\n${BODY}`);
  });
});

describe("a hostile review file", () => {
  it("reads 10,000 paragraphs in time, and refuses 30,000", () => {
    const many = (n: number) => heading("1.1 Scope", mark()) + para("x").repeat(n);
    const started = Date.now();
    expect(readReviewWord(docx(many(10_000))).sections[0]!.paragraphs).toHaveLength(10_001);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(codeOf(catchOf(() => readReviewWord(docx(many(30_000)))))).toBe("TOO_COMPLEX");
  });

  it("refuses a paragraph of 9 million characters as soon as it is read", () => {
    const started = Date.now();
    expect(codeOf(catchOf(() => readReviewWord(docx(para("a".repeat(9_000_000))))))).toBe("TOO_COMPLEX");
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("reads a huge attribute and deeply nested tables linearly", () => {
    const started = Date.now();
    const huge = `<w:p><w:pPr><w:pStyle w:val="${"a".repeat(5_000_000)}"/></w:pPr>${r("x")}</w:p>`;
    expect(readReviewWord(docx(huge)).outside.paragraphs).toHaveLength(1);
    const nested = "<w:tbl><w:tr><w:tc>".repeat(2000) + para("deep") + "</w:tc></w:tr></w:tbl>".repeat(2000);
    expect(readReviewWord(docx(nested)).outside.paragraphs[0]).toMatchObject({ text: "deep", inTable: true });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("does not expand entities a DOCTYPE declares: the file is refused", () => {
    const laughs = `<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>`;
    expect(codeOf(catchOf(() => readReviewWord(docx(p("<w:r><w:t>&c;</w:t></w:r>"), undefined, laughs))))).toBe("DOCUMENT_UNREADABLE");
    const external = `<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>`;
    expect(codeOf(catchOf(() => readReviewWord(docx(p("<w:r><w:t>&x;</w:t></w:r>"), undefined, external))))).toBe("DOCUMENT_UNREADABLE");
    expect(codeOf(catchOf(() => readReviewWord(docx("<w:p><w:r>"))))).toBe("DOCUMENT_UNREADABLE");
  });
});

function catchOf(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return "no error";
}
