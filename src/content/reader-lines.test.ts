import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "#src/content/parse.ts";
import { readerLines, readerLinesAndSpans, type ReaderLine } from "#src/content/reader-lines.ts";

const summary = (lines: ReaderLine[]) => lines.map((l) => [l.kind, l.text, ...(l.level ? [l.level] : []), ...(l.ordered ? ["ordered"] : [])]);

/** Every character typed somewhere is that character of the Markdown (a space: any space there; a decoded reference: its "&"). */
function expectTiedToSource(markdown: string, lines: ReaderLine[]) {
  for (const line of lines) {
    expect(line.offsets).toHaveLength(line.text.length);
    expect(line.runs.map((r) => r.text).join("")).toBe(line.text);
    expect(line.text).toBe(line.text.trim());
    expect(line.text).not.toMatch(line.kind === "code" ? /\n/ : /[ \t\n]{2}|[\t\n]/);
    line.offsets.forEach((o, i) => {
      if (o < 0) return;
      expect(o).toBeLessThan(markdown.length);
      const typed = markdown[o]!;
      const shown = line.text[i]!;
      if (shown === " ") expect(typed).toMatch(/[ \t\r\n\\]/);
      else if (typed !== shown) expect(typed).toBe("&");
    });
    if (line.kind !== "generated" && line.kind !== "footnote") {
      const typed = line.offsets.filter((o) => o >= 0);
      for (const o of typed) {
        expect(o).toBeGreaterThanOrEqual(line.from);
        expect(o).toBeLessThan(line.to);
      }
    }
  }
}

const MARKDOWN = [
  "## Where it *stands*",
  "Ledgers are **shared** and _tamper-evident_, see [the study](https://example.org) and :case-study[a ledger]{ref=cadena}.[^a] Also ~~old~~ `co  de`.",
  "- First `item`\n  - nested one\n- [ ] Second item\n  continued\n\n  Second paragraph",
  "1. One\n2. Two",
  "| Stage | What it means |\n|---|---|\n| Pilot | Real *shipments* |\n\nTable: What each stage means",
  "> A quoted\n> line",
  "```js\nconst a  = 1;\nb\n```",
  "::figure{ref=stage}",
  ":::recommendation{ref=start}\n:::",
  "Time 10:30 and :note here <b>raw</b> ![a chart](x.png).[^b]",
  "[^b]: Second note.",
  "[^a]: Mostly **permissioned** ledgers.",
].join("\n\n");

describe("a section's text as readers see it, line by line", () => {
  it("gives one line per block with its kind, level and words, and the footnotes last in their order", () => {
    const lines = readerLines(MARKDOWN);
    expect(summary(lines)).toEqual([
      ["heading", "Where it stands", 2],
      ["paragraph", "Ledgers are shared and tamper-evident, see the study and a ledger.[1] Also old co de."],
      ["item", "First item", 1],
      ["item", "nested one", 2],
      ["item", "☐ Second item continued", 1],
      ["item", "Second paragraph", 1],
      ["item", "One", 1, "ordered"],
      ["item", "Two", 1, "ordered"],
      ["paragraph", "What each stage means"],
      ["cell", "Stage"],
      ["cell", "What it means"],
      ["cell", "Pilot"],
      ["cell", "Real shipments"],
      ["quote", "A quoted line"],
      ["code", "const a  = 1; b"],
      ["generated", "[figure: stage]"],
      ["generated", "[recommendation: start]"],
      ["paragraph", "Time 10:30 and :note here <b>raw</b> a chart.[2]"],
      ["footnote", "[1] Mostly permissioned ledgers."],
      ["footnote", "[2] Second note."],
    ]);
    expectTiedToSource(MARKDOWN, lines);
  });

  it("marks the runs: bold, italic, strike-through, code and links, neighbours with the same marks merged", () => {
    const [heading, paragraph] = readerLines(MARKDOWN);
    expect(heading!.runs).toEqual([
      { text: "Where it ", marks: {} },
      { text: "stands", marks: { italic: true } },
    ]);
    expect(paragraph!.runs.slice(0, 7)).toEqual([
      { text: "Ledgers are ", marks: {} },
      { text: "shared", marks: { bold: true } },
      { text: " and ", marks: {} },
      { text: "tamper-evident", marks: { italic: true } },
      { text: ", see ", marks: {} },
      { text: "the study", marks: { href: "https://example.org" } },
      { text: " and a ledger.[1] Also ", marks: {} },
    ]);
    expect(paragraph!.runs.slice(7)).toEqual([
      { text: "old", marks: { strike: true } },
      { text: " ", marks: {} },
      { text: "co de", marks: { code: true } },
      { text: ".", marks: {} },
    ]);
  });

  it("ties every character to where it was typed, and what no one typed to nothing", () => {
    const lines = readerLines(MARKDOWN);
    const paragraph = lines[1]!;
    const at = (word: string) => paragraph.offsets[paragraph.text.indexOf(word)];
    expect(at("shared")).toBe(MARKDOWN.indexOf("shared"));
    expect(at("a ledger")).toBe(MARKDOWN.indexOf("a ledger"));
    const note = paragraph.text.indexOf("[1]");
    expect(paragraph.offsets.slice(note, note + 3)).toEqual([-1, -1, -1]);
    expect(lines.find((l) => l.kind === "generated")!.offsets.every((o) => o === -1)).toBe(true);
    const footnote = lines.find((l) => l.kind === "footnote")!;
    expect(footnote.offsets.slice(0, 4)).toEqual([-1, -1, -1, -1]);
    expect(footnote.offsets[4]).toBe(MARKDOWN.indexOf("Mostly"));
    const image = lines[17]!;
    expect(image.offsets[image.text.indexOf("a chart")]).toBe(-1);
  });

  it("maps escapes, character references and hard breaks character by character", () => {
    const markdown = "A \\*star\\* &amp; &copy; &#233;t&eacute; 😀&#x1F600;  \nnext\\\nline";
    const [line] = readerLines(markdown);
    expect(line!.text).toBe("A *star* & © été 😀😀 next line");
    expectTiedToSource(markdown, [line!]);
    const star = line!.text.indexOf("*");
    expect(line!.offsets[star]).toBe(3);
    expect(line!.offsets[line!.text.indexOf("©")]).toBe(markdown.indexOf("&copy;"));
    expect(line!.offsets[line!.text.indexOf("next")]).toBe(markdown.indexOf("next"));
  });

  it("describes tables: every cell, empty ones too, row by row with the table's size", () => {
    const markdown = "Intro\n\n| a | b | c |\n|---|---|---|\n| 1 |  | 3 \\| x |\n| 4 | 5 | 6 |\n\n| z |\n|---|\n| y |";
    const cells = readerLines(markdown).filter((l) => l.kind === "cell");
    expect(cells.map((c) => [c.text, c.table!.index, c.table!.row, c.table!.col, c.table!.head])).toEqual([
      ["a", 0, 0, 0, true],
      ["b", 0, 0, 1, true],
      ["c", 0, 0, 2, true],
      ["1", 0, 1, 0, false],
      ["", 0, 1, 1, false],
      ["3 | x", 0, 1, 2, false],
      ["4", 0, 2, 0, false],
      ["5", 0, 2, 1, false],
      ["6", 0, 2, 2, false],
      ["z", 1, 0, 0, true],
      ["y", 1, 1, 0, false],
    ]);
    expect(cells[0]!.table).toMatchObject({ rows: 3, cols: 3 });
    expectTiedToSource(markdown, cells);
  });

  it("shows evidence through `describe`, and inline evidence without words by its description", () => {
    const seen: unknown[] = [];
    const describe = (directive: { name: string; ref: string | undefined; label: string }) => {
      seen.push(directive);
      const { name, ref, label } = directive;
      return name === "figure" ? `Figure 3: ${ref}` : name === "case-study" && !label ? "CADENA" : undefined;
    };
    const lines = readerLines("::figure{ref=stage}\n\n::recommendation[Start *small*]{ref=start}\n\n:::case-study[The card]{ref=cadena}\n:::\n\nSee :case-study{ref=cadena} and :case-study[our case]{ref=cadena}.", describe);
    expect(seen).toEqual([
      { name: "figure", ref: "stage", label: "" },
      { name: "recommendation", ref: "start", label: "Start small" },
      { name: "case-study", ref: "cadena", label: "The card" },
      { name: "case-study", ref: "cadena", label: "" },
    ]);
    expect(summary(lines)).toEqual([
      ["generated", "Figure 3: stage"],
      ["generated", "[recommendation: start]"],
      ["generated", "[case-study: cadena]"],
      ["paragraph", "See CADENA and our case."],
    ]);
    const see = lines[2]!;
    expect(see.offsets[4]).toBe(-1);
  });

  it("reads a code block with its spaces, each line break a space, offsets inside the fences", () => {
    const markdown = "~~~python\ndef f():\n    return 1\n~~~";
    const [code] = readerLines(markdown);
    expect(code).toMatchObject({ kind: "code", text: "def f():     return 1" });
    expect(code!.offsets[0]).toBe(markdown.indexOf("def"));
    expect(code!.offsets[code!.text.indexOf("return")]).toBe(markdown.indexOf("return"));
  });

  it("reads quotes and lists nested in each other, with the markers skipped", () => {
    const markdown = "> - one\n>   two\n>\n> > deeper\n> > still";
    const lines = readerLines(markdown);
    expect(summary(lines)).toEqual([
      ["item", "one two", 1],
      ["quote", "deeper still"],
    ]);
    expectTiedToSource(markdown, lines);
  });

  it("keeps an orphan footnote's words as typed, as pages do", () => {
    const lines = readerLines("Text.\n\n[^x]: Orphan words.");
    expect(summary(lines)).toEqual([
      ["paragraph", "Text."],
      ["paragraph", "[^x]: Orphan words."],
    ]);
    expect(lines[1]!.offsets[0]).toBe(-1);
    expect(lines[1]!.offsets[lines[1]!.text.indexOf("Orphan")]).toBe(13);
  });

  it("reads a text past the Markdown limits as its paragraphs, as typed", () => {
    const markdown = `${"> ".repeat(40)}deep\n\nnext  one`;
    const lines = readerLines(markdown);
    expect(lines.map((l) => l.text)).toEqual([`${"> ".repeat(40)}deep`, "next one"]);
    expect(lines[1]!.offsets[0]).toBe(markdown.indexOf("next"));
  });

  it("reads 200 KB in about the time the parse takes: linear, whatever the machine's load", () => {
    const paragraph = "Ledgers are **shared** and _tamper-evident_, see [the study](https://example.org) &amp; more \\* words.";
    const markdown = Array.from({ length: 2200 }, (_, i) => (i % 10 === 0 ? `## Part ${i}` : i % 7 === 0 ? `- ${paragraph}` : paragraph)).join("\n\n");
    expect(markdown.length).toBeGreaterThan(200_000);
    readerLines(markdown.slice(0, 20_000));
    let started = performance.now();
    parseMarkdown(markdown);
    const parse = performance.now() - started;
    started = performance.now();
    const lines = readerLines(markdown);
    const took = performance.now() - started;
    expect(lines.length).toBe(2200);
    expect(took).toBeLessThan(2 * parse + 500);
  }, 120_000);

  it("never throws and ties every character to its source, whatever the Markdown", () => {
    const piece = fc.oneof(
      fc.stringMatching(/^[a-zA-Zéà ]{0,8}$/),
      fc.constantFrom("*", "**", "_", "~~", "`", "[", "](https://x.org)", "\\*", "\\", "&amp;", "&copy;", "&#65;", "&bogus;", "\n", "\n\n", "> ", "- ", "1. ", "# ", "| a | b |\n|---|---|\n| c | d |\n", "[^1]", "\n\n[^1]: note\n\n", ":case-study[x]{ref=y}", "::figure{ref=f}\n", "<b>", "  \n", "\t", "\u00a0", "```\ncode\n```\n"),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join("")), (markdown) => {
        expectTiedToSource(markdown, readerLines(markdown));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });
});

describe("the inline spans of a text", () => {
  it("gives each span's syntax and words", () => {
    const markdown = "A **b** [c](u) `d` :x[e]{ref=f} ![g](h)[^1]\n\n| t |\n|---|\n| v |\n\nTable: *k*\n\n[^1]: n";
    const spans = readerLinesAndSpans(markdown).spans.map((s) => [markdown.slice(s.from, s.to), markdown.slice(s.contentFrom, s.contentTo), s.atomic]);
    expect(spans).toEqual([
      ["**b**", "b", false],
      ["[c](u)", "c", false],
      ["`d`", "d", false],
      [":x[e]{ref=f}", "e", false],
      ["![g](h)", "", true],
      ["[^1]", "", true],
      ["*k*", "k", false],
    ]);
    expect(readerLinesAndSpans(markdown).lines).toEqual(readerLines(markdown));
  });
});
