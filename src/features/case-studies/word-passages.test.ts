import { describe, expect, it } from "vitest";
import type { Root, RootContent } from "mdast";
import type { WordPreview } from "#src/domain/case-study-imports.ts";
import { parseMarkdown } from "#src/content/parse.ts";
import { fieldsFromPreview } from "#src/features/case-studies/word.ts";
import { capPassages, cutPassages, MAX_PASSAGES } from "#src/features/case-studies/word-passages.ts";
import { droppedImages, droppedInXml, tableAlignments } from "#src/features/case-studies/word-xml.ts";

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

  it("keep a contact's, partners' or links' plain labelled lines in their field", () => {
    expect(placed("## Contact\n\nName: Jane Roe\\\nOrganization: Customs of Varden\\\nEmail: jane@example.org\n\nDescription: the unit in charge\n\nTitle: Head of unit")).toEqual([
      ["contact", "heading", "Name: Jane Roe\\\nOrganization: Customs of Varden\\\nEmail: <jane@example.org>"],
      ["contact", "heading", "Description: the unit in charge"],
      ["contact", "heading", "Title: Head of unit"],
    ]);
    expect(cut("## Contact\n\nTitle: Head of unit").title).toBeNull();
    expect(placed("## Partners\n\nCountry: France and Spain took part.\n\n**Organization:** the port authority.")).toEqual([
      ["partners", "heading", "Country: France and Spain took part."],
      ["partners", "heading", "**Organization:** the port authority."],
    ]);
    expect(placed("## Links\n\nProject: https://example.org/p")).toEqual([["links", "heading", "Project: <https://example.org/p>"]]);
  });

  it("still split a field on a label of the stage, technologies or period, or on a bold label", () => {
    expect(placed("## Contact\n\nJane Roe\n\nStage: pilot\n\n## Links\n\nhttps://example.org\n\n**Results:** fewer queues.")).toEqual([
      ["contact", "heading", "Jane Roe"],
      ["stage", "label", "pilot"],
      ["links", "heading", "<https://example.org>"],
      ["results", "label", "fewer queues."],
    ]);
    // Before any heading, every label counts, the organization's too.
    expect(placed("Organization: Customs of Varden\\\nPartners: the port")).toEqual([
      ["unplaced", "organization", "Customs of Varden"],
      ["partners", "label", "the port"],
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

  /** Every word of the passages, in order, and each passage's number. */
  const wordsOf = (passages: { markdown: string }[]) => passages.map((p) => p.markdown).join("\n\n");
  const numbered = (passages: { n: number }[]) => passages.every((p, i) => p.n === i + 1);
  /** Cut, then capped as the import does. */
  const capped = (root: Root) => {
    const cut = cutPassages(root, () => false);
    return { ...cut, passages: capPassages(cut.passages) };
  };

  it("cut a 2 MB paragraph of colons and 50 000 headings in linear time, into at most 400 passages", () => {
    const started = Date.now();
    const long = cutPassages({ type: "root", children: [heading("Summary"), paragraph("word: ".repeat(350_000))] }, () => false);
    expect(long.passages).toHaveLength(1);
    expect(long.passages[0]!.target).toBe("summary");
    const many = capped({ type: "root", children: Array.from({ length: 50_000 }, (_, i) => [heading(i % 2 ? "Summary" : `:: ${"—".repeat(i % 7)} ::`), paragraph(`text ${i}: more`)]).flat() });
    // Fields alternating 50 000 times: the first 399 passages as cut, the rest as one unplaced passage, no word lost.
    expect(many.passages).toHaveLength(MAX_PASSAGES);
    expect(numbered(many.passages)).toBe(true);
    expect(many.passages.slice(0, 399).filter((p) => p.target === "summary")).toHaveLength(199);
    expect(many.passages[399]).toMatchObject({ target: "unplaced", reason: "none" });
    expect(wordsOf(many.passages)).toBe(Array.from({ length: 50_000 }, (_, i) => `text ${i}: more`).join("\n\n"));
    // Headings that are only punctuation name nothing; the list of them is bounded.
    expect(many.otherHeadings.length).toBe(200);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("join 20 000 short paragraphs before any heading into 400 passages of 50", () => {
    const started = Date.now();
    const texts = Array.from({ length: 20_000 }, (_, i) => `Paragraph ${i}.`);
    const { passages } = capped({ type: "root", children: texts.map(paragraph) });
    expect(passages).toHaveLength(MAX_PASSAGES);
    expect(numbered(passages)).toBe(true);
    expect(passages.every((p) => p.target === "unplaced" && p.heading === null && p.markdown.split("\n\n").length === 50)).toBe(true);
    expect(wordsOf(passages)).toBe(texts.join("\n\n"));
    expect(JSON.stringify(passages).length).toBeLessThan(wordsOf(passages).length * 1.25);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("join passages under one heading first, then those of one field, and keep each field's text", () => {
    // 600 paragraphs under each of 20 sections: joined in groups of 20, each field keeps its text.
    const fields = ["Summary", "Problem", "Solution", "Results", "Lessons"];
    const children = Array.from({ length: 20 }, (_, s) => [heading(fields[s % 5]!), ...Array.from({ length: 600 }, (_, i) => paragraph(`s${s} p${i}`))]).flat();
    const { passages } = capped({ type: "root", children });
    expect(passages).toHaveLength(20 * 20);
    expect(passages.every((p, i) => p.heading === fields[Math.floor(i / 20) % 5] && p.reason === "heading")).toBe(true);
    for (const [s, field] of fields.entries()) {
      const text = passages.filter((p) => p.target === field.toLowerCase()).map((p) => p.markdown).join("\n\n");
      expect(text).toBe(Array.from({ length: 4 }, (_, k) => Array.from({ length: 600 }, (_, i) => `s${s + 5 * k} p${i}`).join("\n\n")).join("\n\n"));
    }
    // A thousand sub-headings inside one field: joined across them (same field, other heading).
    const sub = (text: string): RootContent => ({ type: "heading", depth: 3, children: [{ type: "text", value: text }] });
    const nested = capped({ type: "root", children: [heading("Solution"), ...Array.from({ length: 1_000 }, (_, i) => [sub(`Step ${i}`), paragraph(`Did ${i}.`)]).flat()] });
    expect(nested.passages.length).toBeLessThanOrEqual(MAX_PASSAGES);
    expect(nested.passages.every((p) => p.target === "solution")).toBe(true);
    expect(nested.passages.at(-1)!.markdown).toMatch(/Did 999\.$/);
  });

  it("leave at most 400 passages as they are, and join no more than needed past that", () => {
    const passages = Array.from({ length: 400 }, (_, i) => ({ n: i + 1, markdown: `${i}`, heading: null, target: "unplaced" as const, reason: "none" as const }));
    expect(capPassages(passages)).toBe(passages);
    const capped = capPassages([...passages, { ...passages[0]!, n: 401, target: "summary" }]);
    expect(capped).toHaveLength(201);
    expect(capped[0]).toMatchObject({ n: 1, markdown: "0\n\n1", target: "unplaced" });
    expect(capped.at(-1)).toMatchObject({ n: 201, markdown: "0", target: "summary" });
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
      { kind: "tracked-changes", count: 4, inserted: 2, deleted: 2 },
      { kind: "comments", count: 3, detail: "R. Amsel, M. Ferrand" },
      { kind: "embedded-objects", count: 1, detail: "Excel.Sheet.12" },
    ]);
    expect(droppedInXml({ document: "<w:body><w:p/></w:body>", notes: [""], comments: "" })).toEqual([]);
    expect(droppedInXml({ document: `<w:body><w:del w:id="1"><w:r/></w:del></w:body>`, notes: [], comments: "" })).toEqual([{ kind: "tracked-changes", count: 1, inserted: 0, deleted: 1 }]);
  });

  it("names the pictures left out by their media types only, in no language of ours", () => {
    expect(droppedImages(["image/x-emf", "", "image/x-emf"])).toEqual([{ kind: "images", count: 3, detail: "image/x-emf" }]);
    expect(droppedImages([""])).toEqual([{ kind: "images", count: 1 }]);
    expect(droppedImages([])).toEqual([]);
  });

  it("reads hostile XML in linear time", () => {
    const started = Date.now();
    expect(tableAlignments("<".repeat(2_000_000))).toEqual([]);
    expect(tableAlignments(`${"<w:tbl>".repeat(100_000)}${"</w:tbl>".repeat(100_000)}`)).toHaveLength(1);
    expect(droppedInXml({ document: `<w:ins a="${">".repeat(1_000_000)}`, notes: [], comments: "<w:comment".repeat(100_000) })[0]!.kind).toBe("tracked-changes");
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
