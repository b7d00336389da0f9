import { describe, expect, it } from "vitest";
import type { RootContent } from "mdast";
import type { WordPreview } from "#src/domain/case-study-imports.ts";
import { parseMarkdown } from "#src/content/parse.ts";
import { fieldsFromPreview } from "#src/features/case-studies/word.ts";
import { cutPassages } from "#src/features/case-studies/word-passages.ts";
import { droppedInXml, tableAlignments } from "#src/features/case-studies/word-xml.ts";

// Cutting a converted document into passages, the fields made from them, and what the XML says
// that mammoth does not. The Markdown here is what the conversion of a Word document gives.

const cut = (markdown: string) => cutPassages(parseMarkdown(markdown), () => false);
const placed = (markdown: string) => cut(markdown).passages.map((p) => [p.target, p.reason, p.markdown]);

describe("passages", () => {
  it("keep a field's sub-headings in the field, and end it at a heading of its level that names no field", () => {
    const { passages, otherHeadings } = cut("# Drones at the yard\n\n## Solution\n\nIntro.\n\n### Phase 1\n\nFirst.\n\n### Phase 2\n\nSecond.\n\n## Budget\n\nMoney.\n\n## Results\n\nFewer thefts.");
    expect(passages.map((p) => [p.n, p.target, p.heading, p.markdown])).toEqual([
      [1, "solution", "Solution", "Intro."],
      [2, "solution", "Phase 1", "### Phase 1"],
      [3, "solution", "Phase 1", "First."],
      [4, "solution", "Phase 2", "### Phase 2"],
      [5, "solution", "Phase 2", "Second."],
      [6, "unplaced", "Budget", "Money."],
      [7, "results", "Results", "Fewer thefts."],
    ]);
    expect(otherHeadings).toEqual(["Budget"]);
  });

  it("leave text before the first heading unplaced and read its labels, several to a paragraph", () => {
    expect(cut("Technologies: IA\\\nÉtape : projet pilote\\\nPériode : 2020–2022\n\nCe document a été préparé pour la réunion.\n\n# Résumé\n\nTexte.").passages.map((p) => [p.target, p.reason, p.markdown])).toEqual([
      ["technologies", "label", "IA"],
      ["stage", "label", "projet pilote"],
      ["period", "label", "2020–2022"],
      ["unplaced", "none", "Ce document a été préparé pour la réunion."],
      ["summary", "heading", "Texte."],
    ]);
  });

  it("take the title from a title heading or label, the organization out of every field", () => {
    const byHeading = cut("## Titre/Title\n\nDrones sur le port\n\n## Organisation/Organization\n\nDouanes de Varden\n\n## Résumé / Summary\n\nTexte.");
    expect(byHeading.title).toEqual({ text: "Drones sur le port", from: "heading" });
    expect(byHeading.passages.map((p) => [p.target, p.reason, p.markdown])).toEqual([
      ["unplaced", "organization", "Douanes de Varden"],
      ["summary", "heading", "Texte."],
    ]);
    expect(cut("Title: Drones over the yard\n\n## Summary\n\nText.").title).toEqual({ text: "Drones over the yard", from: "label" });
    expect(cut("# Drones over the yard\n\nTitle: Another\n\n## Summary\n\nText.").title).toEqual({ text: "Drones over the yard", from: "title" });
  });

  it("read bold paragraphs that name a field as headings, and bold labels anywhere", () => {
    expect(placed("**Summary**\n\nShort text.\n\n**Problem:**\n\nQueues.\n\n**Results:** Fewer queues.\n\nAnd fewer complaints.")).toEqual([
      ["summary", "heading", "Short text."],
      ["problem", "heading", "Queues."],
      ["results", "label", "Fewer queues."],
      ["results", "heading", "And fewer complaints."],
    ]);
    // A bold sentence is no heading; a plain label inside a text field is a sentence of it.
    expect(placed("## Problem\n\n**Queues were long.**\n\nContext: the port grew.")).toEqual([
      ["problem", "heading", "**Queues were long.**"],
      ["problem", "heading", "Context: the port grew."],
    ]);
  });

  it("split a list of labels into its fields", () => {
    expect(placed("- Stage: pilot\n- Technologies: drones\n\n## Summary\n\nText.")).toEqual([
      ["stage", "label", "pilot"],
      ["technologies", "label", "drones"],
      ["summary", "heading", "Text."],
    ]);
  });

  it("keep each footnote with the passage that refers to it, and directives as words", () => {
    const { passages } = cut("## Problem\n\nQueues.[^a]\n\n## Results\n\nShorter.[^b]\n\n[^a]: Gate logs.\n[^b]: Port survey.\n\n## Lessons\n\n\\:cite[x] stays words.");
    expect(passages.map((p) => p.markdown)).toEqual(["Queues.[^a]\n\n[^a]: Gate logs.", "Shorter.[^b]\n\n[^b]: Port survey.", "\\:cite\\[x] stays words."]);
  });
});

describe("hostile documents", () => {
  // Built as trees (the Markdown parser is not what is measured here): the cutting alone must stay linear.
  const heading = (text: string): RootContent => ({ type: "heading", depth: 2, children: [{ type: "text", value: text }] });
  const paragraph = (text: string): RootContent => ({ type: "paragraph", children: [{ type: "text", value: text }] });

  it("cut a 2 MB paragraph of colons and 50 000 headings in linear time", () => {
    const started = Date.now();
    const long = cutPassages({ type: "root", children: [heading("Summary"), paragraph("word: ".repeat(350_000))] }, () => false);
    expect(long.passages).toHaveLength(1);
    expect(long.passages[0]!.target).toBe("summary");
    const many = cutPassages({ type: "root", children: Array.from({ length: 50_000 }, (_, i) => [heading(i % 2 ? "Summary" : `:: ${"—".repeat(i % 7)} ::`), paragraph(`text ${i}: more`)]).flat() }, () => false);
    expect(many.passages).toHaveLength(50_000);
    expect(many.passages.filter((p) => p.target === "summary")).toHaveLength(25_000);
    // Headings that are only punctuation name nothing; the list of them is bounded.
    expect(many.otherHeadings.length).toBe(200);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("clip a very long heading and keep right-to-left text and control characters as text", () => {
    const heading = "ع".repeat(5_000);
    const { passages, otherHeadings } = cut(`## ${heading}\n\nنص\u0007 عربي`);
    expect(otherHeadings[0]!.length).toBeLessThanOrEqual(300);
    expect(passages[0]).toMatchObject({ target: "unplaced", reason: "none", markdown: "نص\u0007 عربي" });
  });
});

describe("fields from a preview", () => {
  const preview: WordPreview = {
    title: "Drones at the yard",
    titleFrom: "title",
    language: "en",
    passages: [
      { n: 1, markdown: "Before the first heading.", heading: null, target: "unplaced", reason: "none" },
      { n: 2, markdown: "Short text.", heading: "Summary", target: "summary", reason: "heading" },
      { n: 3, markdown: "More.", heading: "Summary", target: "summary", reason: "heading" },
      { n: 4, markdown: "2019 to 2021", heading: null, target: "period", reason: "label" },
      { n: 5, markdown: "Unit <unit@example.org>", heading: "Contact", target: "contact", reason: "heading" },
      { n: 6, markdown: "[site](https://example.org/a_b) and https://example.org/c", heading: "Links", target: "links", reason: "heading" },
    ],
    technologies: ["drones"],
    stage: "pilot",
    periodStart: 2019,
    periodEnd: 2021,
    otherHeadings: [],
    dropped: [],
    warnings: [],
    images: [],
  };

  it("join each field's passages in order, leave the unplaced out, and read the period and links", () => {
    expect(fieldsFromPreview(preview)).toEqual({
      title: "Drones at the yard",
      language: "en",
      technologies: ["drones"],
      stage: "pilot",
      periodStart: 2019,
      periodEnd: 2021,
      summary: "Short text.\n\nMore.",
      problem: "",
      solution: "",
      results: "",
      lessons: "",
      partners: "",
      contact: "Unit unit@example.org",
      links: ["https://example.org/a_b", "https://example.org/c"],
    });
  });

  it("follow the member's choices", () => {
    const fields = fieldsFromPreview(preview, { title: "Night drones", targets: { 1: "problem", 3: "unplaced", 4: "unplaced" }, technologies: [], stage: null, periodEnd: 2022 });
    expect(fields).toMatchObject({ title: "Night drones", problem: "Before the first heading.", summary: "Short text.", technologies: [], stage: null, periodStart: null, periodEnd: 2022 });
  });
});

describe("the document's XML", () => {
  it("gives each outermost table its columns' alignment, whatever tables are nested in its cells", () => {
    const cell = (jc: string, inner = "") => `<w:tc><w:tcPr/><w:p><w:pPr><w:jc w:val="${jc}"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>${inner}</w:tc>`;
    const nested = `<w:tbl><w:tblPr><w:jc w:val="center"/></w:tblPr><w:tr>${cell("right")}${cell("right")}${cell("right")}</w:tr></w:tbl>`;
    const row = (inner = "") => `<w:tr>${cell("left", inner)}${cell("center")}${cell("right")}</w:tr>`;
    const xml = `<w:body><w:tbl><w:tblPr><w:jc w:val="right"/></w:tblPr>${row()}${row(nested)}${row()}</w:tbl><w:p/><w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p/></w:tc></w:tr><w:tr>${cell("end")}${cell("both")}</w:tr></w:tbl></w:body>`;
    expect(tableAlignments(xml)).toEqual([
      [null, "center", "right"],
      ["right", null],
    ]);
  });

  it("counts tracked changes, comments with their authors and embedded objects with their programs", () => {
    const document = `<w:body><w:p><w:pPr><w:rPr><w:ins w:id="9" w:author="A"/></w:rPr></w:pPr><w:ins w:id="1" w:author="A"><w:r><w:t>new</w:t></w:r></w:ins><w:del w:id="2" w:author="B"><w:r><w:delText>old</w:delText></w:r></w:del><w:moveFrom w:id="3"><w:r/></w:moveFrom><w:moveTo w:id="4"><w:r/></w:moveTo></w:p><w:p><w:r><w:object><v:shape/><o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" r:id="rId5"/></w:object></w:r></w:p></w:body>`;
    const comments = `<w:comments><w:comment w:id="0" w:author="R. Amsel"><w:p/></w:comment><w:comment w:id="1" w:author="M. Ferrand"/><w:comment w:id="2" w:author="R. Amsel"/></w:comments>`;
    expect(droppedInXml({ document, notes: [], comments })).toEqual([
      { kind: "tracked-changes", count: 4, detail: "2 inserted (kept), 2 deleted (left out)" },
      { kind: "comments", count: 3, detail: "R. Amsel, M. Ferrand" },
      { kind: "embedded-objects", count: 1, detail: "Excel.Sheet.12" },
    ]);
    expect(droppedInXml({ document: "<w:body><w:p/></w:body>", notes: [""], comments: "" })).toEqual([]);
  });

  it("reads hostile XML in linear time", () => {
    const started = Date.now();
    expect(tableAlignments("<".repeat(2_000_000))).toEqual([]);
    expect(tableAlignments(`${"<w:tbl>".repeat(100_000)}${"</w:tbl>".repeat(100_000)}`)).toHaveLength(1);
    expect(droppedInXml({ document: `<w:ins a="${">".repeat(1_000_000)}`, notes: [], comments: "<w:comment".repeat(100_000) })[0]!.kind).toBe("tracked-changes");
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
