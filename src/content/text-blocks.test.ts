import { describe, expect, it } from "vitest";
import type { Resolver } from "#src/content/html.ts";
import { parseMarkdown } from "#src/content/parse.ts";
import { textBlocks, textBlocksOf } from "#src/content/text-blocks.ts";

const resolve: Resolver = (kind, ref) => {
  if (kind === "figure" && ref === "stage") return { title: "Stage of adoption by region", figure: { src: "", alt: "", caption: "Share of answers.", n: 40, source: "Survey 2021", dataHref: "" } };
  if (kind === "recommendation" && ref === "start") return { title: "start", recommendation: { text: "Start with the business problem, not the technology.", retired: false } };
  if (kind === "case-study" && ref === "cadena") return { title: "CADENA, a ledger of trusted traders", href: "/case-studies/cadena" };
  return undefined;
};
const blocksOf = (markdown: string) => textBlocksOf(parseMarkdown(markdown), resolve);

const MARKDOWN = [
  "## Where it stands",
  "Ledgers are **shared** and _tamper-evident_, see [the study](https://example.org) and :case-study[a ledger]{ref=cadena}.[^1]",
  "- First `item`\n  - nested one\n- Second item",
  "1. One\n2. Two",
  "| Stage | What it means |\n|---|---|\n| Pilot | Real *shipments* |\n\nTable: What each stage means",
  "> A quoted line",
  "::figure{ref=stage}",
  "::recommendation{ref=start}",
  "::case-study{ref=cadena}",
  "::figure{ref=unknown-figure}",
  "[^1]: Mostly **permissioned** ledgers.",
].join("\n\n");

describe("a text as readers see it, block by block", () => {
  it("keeps words and structure and drops every piece of Markdown and directive syntax", () => {
    const blocks = blocksOf(MARKDOWN);
    expect(blocks).toEqual([
      { kind: "heading", text: "Where it stands", level: 2 },
      { kind: "paragraph", text: "Ledgers are shared and tamper-evident, see the study and a ledger.[1]" },
      { kind: "item", text: "First item", level: 1, ordered: false },
      { kind: "item", text: "nested one", level: 2, ordered: false },
      { kind: "item", text: "Second item", level: 1, ordered: false },
      { kind: "item", text: "One", level: 1, ordered: true },
      { kind: "item", text: "Two", level: 1, ordered: true },
      { kind: "caption", text: "What each stage means" },
      { kind: "row", text: "Stage\tWhat it means", head: true },
      { kind: "row", text: "Pilot\tReal shipments" },
      { kind: "quote", text: "A quoted line" },
      { kind: "figure", text: "Stage of adoption by region Share of answers." },
      { kind: "recommendation", text: "Start with the business problem, not the technology." },
      { kind: "case-study", text: "CADENA, a ledger of trusted traders" },
      { kind: "figure", text: "unknown-figure" },
      { kind: "footnote", text: "[1] Mostly permissioned ledgers." },
    ]);
    const all = blocks.map((b) => b.text).join("\n");
    for (const syntax of ["**", "::", "{ref=", "|---|", "[^", "](", "`", "_tamper"]) expect(all).not.toContain(syntax);
  });

  it("writes a text in its language's typography, and numbers notes in the order they are referred to", async () => {
    const blocks = await textBlocks("Deux notes[^b] et encore[^a] : voilà.\n\n[^a]: La première définie.\n\n[^b]: La seconde définie.", { textLang: "fr", resolve });
    expect(blocks.map((b) => b.text)).toEqual(["Deux notes[1] et encore[2]\u202f: voilà.", "[1] La seconde définie.", "[2] La première définie."]);
  });

  it("works the same on the worker pool for a long text", async () => {
    const long = Array.from({ length: 60 }, (_, i) => `Paragraph ${i} with **strong** words and :case-study[a ledger]{ref=cadena}.`).join("\n\n");
    const blocks = await textBlocks(long, { resolve });
    expect(blocks).toHaveLength(60);
    expect(blocks[59]).toEqual({ kind: "paragraph", text: "Paragraph 59 with strong words and a ledger." });
  });
});
