import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { EditorState } from "prosemirror-state";
import type { Node } from "prosemirror-model";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { canonicalForm, docToMarkdown, markdownToDoc, serializeFresh } from "#src/client/editor/markdown.ts";
import { schema } from "#src/client/editor/schema.ts";
import { DEMO_CASE_STUDIES } from "#src/demo/case-studies.ts";
import { ADDED_SECTIONS_2022, ADDED_SECTIONS_DRAFT, CHAPTERS_2019, NEW_CHAPTERS_2022, REVISED_2022, type DemoSection } from "#src/demo/content.ts";
import { CORPUS } from "#e2e/helpers/xss.ts";

// The stored format stays Markdown, byte for byte: whatever the editor does not touch comes back
// exactly as it was typed, and what it writes fresh says what the editor showed.

const ROOT = join(import.meta.dirname, "..", "..", "..");

/** Every text of a demo section, in every language. */
function sectionTexts(): string[] {
  const sections: DemoSection[] = [
    ...CHAPTERS_2019.flatMap((c) => c.sections),
    ...Object.values(REVISED_2022).flatMap((s) => Object.values(s)),
    ...Object.values(ADDED_SECTIONS_2022).flat(),
    ...NEW_CHAPTERS_2022.flatMap((c) => c.sections),
    ...Object.values(ADDED_SECTIONS_DRAFT).flat(),
  ];
  return sections.flatMap((s) => [s.en, s.fr, s.es].flatMap((t) => (t ? [t.body, t.heading] : [])));
}

/** Every string written in the demo's modules (event outcomes, recommendations, case studies...). */
function demoLiterals(): string[] {
  const dir = join(ROOT, "src", "demo");
  const out: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
    const source = ts.createSourceFile(file, readFileSync(join(dir, file), "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node.text);
      node.forEachChild(visit);
    };
    visit(source);
  }
  return out;
}

function markdownFixtures(dir = join(ROOT, "test", "fixtures")): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFixtures(path);
    return name.endsWith(".md") ? [readFileSync(path, "utf8")] : [];
  });
}

const caseStudyTexts = () => DEMO_CASE_STUDIES.flatMap((c) => Object.values(c.fields).filter((v): v is string => typeof v === "string"));

/** The document without what records its origin, to compare what two documents hold. */
function content(node: Node): Node {
  const attrs = Object.fromEntries(Object.entries(node.attrs).filter(([k]) => !["src", "sig", "gap", "lead", "trail"].includes(k)));
  if (node.isText) return node;
  const children: Node[] = [];
  node.forEach((c) => children.push(content(c)));
  return node.type.create({ ...node.type.create().attrs, ...attrs }, children, node.marks);
}
const sameContent = (a: Node, b: Node) => content(a).eq(content(b));

const roundTrip = (md: string) => docToMarkdown(markdownToDoc(md));

describe("the Markdown of the corpus comes back byte for byte", () => {
  const corpus = [...sectionTexts(), ...caseStudyTexts(), ...demoLiterals(), ...CORPUS, CORPUS.join("\n\n"), ...markdownFixtures()];

  it("has a corpus worth the name", () => {
    expect(sectionTexts().length).toBeGreaterThan(80);
    expect(markdownFixtures().length).toBeGreaterThanOrEqual(2);
    expect(corpus.some((t) => t.includes("::figure{ref="))).toBe(true);
    expect(corpus.some((t) => t.includes(":case-study["))).toBe(true);
    expect(corpus.some((t) => /\n\nTable: /.test(t))).toBe(true);
  });

  it("with no edit", () => {
    const different = corpus.filter((md) => roundTrip(md) !== md);
    expect(different).toEqual([]);
  }, 120_000);

  it("and is written faithfully when written fresh", () => {
    const unfaithful = corpus.filter((md) => {
      const doc = markdownToDoc(md);
      return !sameContent(markdownToDoc(serializeFresh(doc)), doc);
    });
    expect(unfaithful).toEqual([]);
  }, 120_000);

  it("in line with CRLF, leading and trailing blank text, and nothing", () => {
    for (const md of ["", "\n", "\n\n  \n", "\n\nText\n\n", "a\r\nb\r\n\r\n- c\r\n", "   indented\n", "Text\n\n\n\n# Heading\n\n\n"]) expect(roundTrip(md)).toBe(md);
  });
});

describe("the document model", () => {
  it("shows evidence, footnotes, captions and unknown Markdown as their own nodes", () => {
    const doc = markdownToDoc(
      "Intro :case-study[a ledger]{ref=pe-cadena}.[^n]\n\n::figure{ref=adoption}\n\n| A | B |\n|:-|-:|\n| 1 | 2 |\n\nTableau : Les *étapes*\n\n<div>raw</div>\n\n::note{ref=x}\n\n[^n]: The note.",
    );
    const types: string[] = [];
    doc.descendants((n) => {
      types.push(n.type.name);
    });
    expect(types).toEqual(
      expect.arrayContaining(["evidence_inline", "footnote_ref", "evidence", "table_figure", "table_caption", "table_header", "table_cell", "raw", "footnote_definition"]),
    );
    const figure = doc.child(1);
    expect(figure.attrs).toMatchObject({ kind: "figure", ref: "adoption" });
    const caption = doc.child(2).lastChild!;
    expect(caption.attrs.prefix).toBe("Tableau : ");
    expect(caption.textContent).toBe("Les étapes");
    expect(doc.child(2).firstChild!.firstChild!.firstChild!.attrs.align).toBe("left");
    expect(doc.child(3).attrs.value).toBe("<div>raw</div>");
    expect(doc.child(4).type.name).toBe("raw"); // an unknown directive keeps its bytes
  });

  it("writes new evidence in the house style", () => {
    const doc = schema.node("doc", null, [
      schema.nodes.paragraph.create(null, [schema.text("See "), schema.nodes.evidence_inline.create({ kind: "case-study", ref: "pe-cadena", label: "a [ledger]" }), schema.text(".")]),
      schema.nodes.evidence.create({ kind: "figure", ref: "adoption-by-technology" }),
      schema.nodes.evidence.create({ kind: "recommendation", ref: "share-experience" }),
    ]);
    const md = docToMarkdown(doc);
    expect(md).toBe("See :case-study[a \\[ledger\\]]{ref=pe-cadena}.\n\n::figure{ref=adoption-by-technology}\n\n::recommendation{ref=share-experience}");
    expect(sameContent(markdownToDoc(md), doc)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Generated documents

const word = fc.constantFrom("customs", "ledger", "données", "año", "x", "42", "«", "»", "a\u00a0b", "l'OMD", "&", "<", "*", "_", "`", "[", "]", "|", "#", ":", "\\", "~", "!", "{ref}", "http://example.org");
const words = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(" "));
const plain = fc.array(fc.constantFrom("customs", "ledger", "données", "año", "pilot", "2021"), { minLength: 1, maxLength: 4 }).map((w) => w.join(" "));
const slug = fc.constantFrom("adoption-by-technology", "pe-cadena", "share-experience", "x1", "does-not-exist");

const inline: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: words },
  { weight: 2, arbitrary: plain.map((w) => `*${w}*`) },
  { weight: 2, arbitrary: plain.map((w) => `**${w}**`) },
  { weight: 1, arbitrary: plain.map((w) => `***${w}***`) },
  { weight: 1, arbitrary: plain.map((w) => `_${w}_`) },
  { weight: 1, arbitrary: plain.map((w) => `~~${w}~~`) },
  { weight: 2, arbitrary: plain.map((w) => `\`${w}\``) },
  { weight: 2, arbitrary: fc.tuple(plain, fc.constantFrom("https://example.org/a", "#slug", "chapter#slug", "/x y")).map(([w, u]) => `[${w}](${u.includes(" ") ? `<${u}>` : u})`) },
  { weight: 1, arbitrary: fc.tuple(plain, plain).map(([w, t]) => `[${w}](https://example.org "${t}")`) },
  { weight: 1, arbitrary: plain.map((w) => `[**${w}** more](https://example.org)`) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 3 }).map((n) => `[^${n}]`) },
  { weight: 2, arbitrary: fc.tuple(plain, slug).map(([w, s]) => `:case-study[${w}]{ref=${s}}`) },
  { weight: 1, arbitrary: plain.map((w) => `<b>${w}</b>`) },
  { weight: 1, arbitrary: plain.map((w) => `![${w}](/files/a.png)`) },
  { weight: 1, arbitrary: fc.constant("a  \nb") },
  { weight: 1, arbitrary: fc.constant("line\nnext") },
  { weight: 1, arbitrary: fc.constant("www.example.org") },
);
const line = fc.array(inline, { minLength: 1, maxLength: 5 }).map((parts) => parts.join(" ").trim() || "x");

const trailing = fc.constantFrom("", "", "", " ", "  ", "\t");
const indent = (text: string, by: string) => text.split("\n").map((l, i) => (i === 0 || l === "" ? l : by + l)).join("\n");

const list = (depth: number): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.boolean(),
      fc.integer({ min: 0, max: 12 }),
      fc.boolean(),
      fc.array(fc.tuple(line, depth < 2 ? fc.option(list(depth + 1), { nil: undefined, freq: 3 }) : fc.constant(undefined)), { minLength: 1, maxLength: 4 }),
    )
    .map(([ordered, start, loose, items]) =>
      items
        .map(([text, sub], i) => {
          const marker = ordered ? `${start + i}. ` : "- ";
          const pad = " ".repeat(marker.length);
          return `${marker}${indent(text, pad)}${sub ? `\n${loose ? "\n" : ""}${indent(sub, pad).replace(/^/, pad)}` : ""}`;
        })
        .join(loose ? "\n\n" : "\n"),
    );

const table = fc
  .tuple(
    fc.integer({ min: 1, max: 4 }),
    fc.array(fc.constantFrom("---", ":--", "--:", ":-:"), { minLength: 4, maxLength: 4 }),
    fc.array(fc.array(fc.oneof(plain, plain.map((w) => `*${w}*`), fc.constant(""), fc.constant("a \\| b")), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
    fc.option(fc.tuple(fc.constantFrom("Table: ", "Tableau : ", "Tabla: ", ": "), line), { nil: undefined }),
  )
  .map(([width, align, rows, caption]) => {
    const row = (cells: string[]) => `| ${cells.slice(0, width).join(" | ")} |`;
    const head = row(["A", "B", "C", "D"]);
    const body = rows.map(row).join("\n");
    return `${head}\n|${align.slice(0, width).join("|")}|\n${body}${caption ? `\n\n${caption[0]}${caption[1]}` : ""}`;
  });

const leaf: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: line },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), line).map(([n, t]) => `${"#".repeat(n)} ${t}`) },
  { weight: 1, arbitrary: line.map((t) => `${t.split("\n")[0]}\n===`) },
  { weight: 3, arbitrary: list(0) },
  { weight: 2, arbitrary: table },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("", "js", "text title"), words).map(([lang, code]) => `\`\`\`${lang}\n${code}\n\`\`\``) },
  { weight: 1, arbitrary: fc.constantFrom("---", "***", "- - -") },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom("figure", "recommendation"), slug).map(([k, s]) => `::${k}{ref=${s}}`) },
  { weight: 1, arbitrary: fc.constantFrom("<div class=\"x\">\nraw *html*\n</div>", "<!-- a comment -->", "[ref]: https://example.org", ":::note\nInside\n:::", "::figure{ref=x caption=\"y\"}") },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 3 }), line).map(([n, t]) => `[^${n}]: ${t}`) },
);
const block = fc.oneof({ weight: 5, arbitrary: leaf }, { weight: 1, arbitrary: fc.array(leaf, { minLength: 1, maxLength: 3 }).map((bs) => bs.map((b) => indent(`> ${b}`, "> ")).join("\n>\n")) });

const markdownDocument = fc
  .tuple(fc.constantFrom("", "", "\n", "\n\n"), fc.array(fc.tuple(block, trailing, fc.constantFrom("\n\n", "\n\n", "\n\n", "\n\n\n", "\n \n", "\n")), { minLength: 1, maxLength: 8 }), fc.constantFrom("", "\n", "\n\n", " "))
  .map(([lead, blocks, trail]) => lead + blocks.map(([b, t, sep], i) => b + t + (i < blocks.length - 1 ? sep : "")).join("") + trail);

// PROPERTY_RUNS=5000 for a longer search.
const RUNS = Number(process.env.PROPERTY_RUNS) || 300;

describe("generated documents", () => {
  it("come back byte for byte", () => {
    fc.assert(
      fc.property(markdownDocument, (md) => {
        expect(roundTrip(md)).toBe(md);
      }),
      { numRuns: RUNS },
    );
  }, RUNS * 200);

  it("are written fresh faithfully: the fresh Markdown reads as the same document", () => {
    fc.assert(
      fc.property(markdownDocument, (md) => {
        const doc = markdownToDoc(md);
        const fresh = serializeFresh(doc);
        // Equal as far as Markdown can tell them apart (canonicalForm: a soft line break and a
        // space read the same, and so do a table's header cells whatever they are called).
        expect({ md, fresh, doc: canonicalForm(markdownToDoc(fresh)) }).toEqual({ md, fresh, doc: canonicalForm(doc) });
      }),
      { numRuns: RUNS },
    );
  }, RUNS * 200);

  it("change only the bytes of the paragraph a word was typed into", () => {
    fc.assert(
      fc.property(markdownDocument, fc.nat(), fc.nat(), (md, which, at) => {
        const doc = markdownToDoc(md);
        const paragraphs: { index: number; pos: number; node: Node }[] = [];
        doc.forEach((node, pos, index) => {
          if (node.type === schema.nodes.paragraph && node.content.size > 0) paragraphs.push({ index, pos, node });
        });
        fc.pre(paragraphs.length > 0);
        const target = paragraphs[which % paragraphs.length]!;
        const state = EditorState.create({ doc });
        const inside = target.pos + 1 + (at % (target.node.content.size + 1));
        const edited = state.apply(state.tr.insertText("inserted", inside)).doc;
        const out = docToMarkdown(edited);
        // The text before and after the paragraph's own source is untouched.
        let before = doc.attrs.lead as string;
        for (let i = 0; i < target.index; i++) before += (i ? doc.child(i).attrs.gap : "") + doc.child(i).attrs.src;
        before += target.index ? target.node.attrs.gap : "";
        const after = md.slice(before.length + (target.node.attrs.src as string).length);
        expect(out.startsWith(before)).toBe(true);
        expect(out.endsWith(after)).toBe(true);
        expect(markdownToDoc(out.slice(before.length, out.length - after.length)).textContent).toContain("inserted");
        expect(canonicalForm(markdownToDoc(out))).toBe(canonicalForm(edited));
      }),
      { numRuns: RUNS },
    );
  }, RUNS * 200);
});
