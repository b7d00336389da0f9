import { strFromU8, unzipSync } from "fflate";
import type { Element } from "hast";
import { fromHtml } from "hast-util-from-html";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { bookIdentifier, renderEpub } from "#src/publishing/epub.ts";
import type { Publication } from "#src/publishing/publication.ts";
import { ALL, CORPUS } from "#e2e/helpers/xss.ts";
import { publicationOf, sectionOf } from "#test/helpers/publication.ts";

const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"><rect width="120" height="40" stroke-width="2" fill="#1b4f7a"/><text x="10" y="80">Pilot &amp; more</text></svg>';
const body = "Ledgers are shared.[^1] See [3D printing](#3d-printing-use), [the web](https://example.org/a) and ![a chart](https://example.org/c.png).\n\n| A | B |\n|:--|--:|\n| 1 | 2 |\n\n::figure{ref=stage}\n\n[^1]: A note.";
const pub: Publication = publicationOf({
  editionId: "6f1c1a52-7d7e-4d0e-9d35-0d5f4c1e9b11",
  figures: { stage: { title: "Stage by technology", caption: "Synthetic.", alt: "Bars by stage", source: "Survey 2025", n: 42, svg, data: { columns: [], rows: [], n: 42 } } },
  chapters: [
    { title: "Blockchain", slug: "blockchain", sections: [sectionOf("What it is", "what-it-is", body), sectionOf("Usages", "usages", "En français.", "fr")] },
    { title: "3D printing", slug: "3d-printing", sections: [sectionOf("Use", "use", "Back to [blockchain](#blockchain-what-it-is), [nowhere](#missing) and [a page](/reports/x/).")] },
  ],
});

const files = (p: Publication) => unzipSync(new Uint8Array(renderEpub(p)));
const text = (f: Record<string, Uint8Array>, name: string) => strFromU8(f[name]!);
const textOf = (el: Element): string => el.children.map((c) => (c.type === "text" ? c.value : c.type === "element" ? textOf(c) : "")).join("");
const elements = (xhtml: string) => {
  const found: Element[] = [];
  visit(fromHtml(xhtml), "element", (el: Element) => void found.push(el));
  return found;
};

describe("EPUB", () => {
  it("starts with the mimetype, stored, then the container that names the package document", () => {
    const bytes = renderEpub(pub);
    // The first local header: signature, method 0 (stored), no extra field, named "mimetype", then its bytes.
    expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
    expect(bytes.readUInt16LE(8)).toBe(0);
    expect(bytes.readUInt16LE(28)).toBe(0);
    expect(bytes.subarray(30, 38).toString()).toBe("mimetype");
    expect(bytes.subarray(38, 58).toString()).toBe("application/epub+zip");
    const f = files(pub);
    expect(text(f, "META-INF/container.xml")).toContain('full-path="EPUB/package.opf"');
    // The same edition gives the same bytes.
    expect(renderEpub(pub).equals(bytes)).toBe(true);
  });

  it("describes the book: a stable identifier per edition and language, title, language, date, creator", () => {
    const opf = text(files(pub), "EPUB/package.opf");
    expect(opf).toContain(`<dc:identifier id="book-id">${bookIdentifier(pub)}</dc:identifier>`);
    expect(bookIdentifier(pub)).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(bookIdentifier({ ...pub, title: "Renamed" })).toBe(bookIdentifier(pub));
    expect(bookIdentifier({ ...pub, lang: "fr" })).not.toBe(bookIdentifier(pub));
    expect(opf).toContain("<dc:title>Study Report — 2026</dc:title>");
    expect(opf).toContain("<dc:language>en</dc:language>");
    expect(opf).toContain("<dc:date>2026-03-31</dc:date>");
    expect(opf).toContain('<meta property="dcterms:modified">2026-03-31T00:00:00Z</meta>');
    expect(opf).toContain("<dc:creator>Study Report</dc:creator>");
    expect(opf).toContain('href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"');
    expect(opf).toContain('href="figures/figure-1.svg" media-type="image/svg+xml"');
    expect([...opf.matchAll(/<itemref idref="([^"]+)"/g)].map((m) => m[1])).toEqual(["item-title-xhtml", "item-nav-xhtml", "item-chapter-01-xhtml", "item-chapter-02-xhtml"]);
  });

  it("lists every chapter and section in the navigation document, with landmarks", () => {
    const nav = elements(text(files(pub), "EPUB/nav.xhtml"));
    const toc = nav.find((el) => el.tagName === "nav" && el.properties["epub:type"] === "toc")!;
    const links: string[] = [];
    visit(toc, "element", (el: Element) => void (el.tagName === "a" && links.push(String(el.properties.href))));
    expect(links).toEqual(["chapter-01.xhtml", "chapter-01.xhtml#blockchain-what-it-is", "chapter-01.xhtml#blockchain-usages", "chapter-02.xhtml", "chapter-02.xhtml#id-3d-printing-use"]);
    const landmarks = nav.filter((el) => el.tagName === "a" && el.properties["epub:type"]).map((el) => `${String(el.properties["epub:type"])} ${String(el.properties.href)}`);
    expect(landmarks).toEqual(["titlepage title.xhtml", "toc nav.xhtml#toc", "bodymatter chapter-01.xhtml"]);
  });

  it("writes footnotes as EPUB notes, figures as SVG files with alt text, and the language of each part", () => {
    const f = files(pub);
    const chapter = text(f, "EPUB/chapter-01.xhtml");
    expect(chapter).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<!DOCTYPE html>\n<html xmlns="http:\/\/www.w3.org\/1999\/xhtml" xmlns:epub="http:\/\/www.idpf.org\/2007\/ops" lang="en" xml:lang="en">/);
    const els = elements(chapter);
    const ref = els.find((el) => el.properties["epub:type"] === "noteref")!;
    expect(ref.properties).toMatchObject({ href: "#blockchain-what-it-is-fn-1", role: "doc-noteref" });
    const note = els.find((el) => el.properties["epub:type"] === "footnote")!;
    expect(note).toMatchObject({ tagName: "aside", properties: { id: "blockchain-what-it-is-fn-1", role: "doc-footnote" } });
    const back: Element[] = [];
    visit(note, "element", (el: Element) => void (el.properties.role === "doc-backlink" && back.push(el)));
    expect(back.map((el) => el.properties.href)).toEqual([`#${String(ref.properties.id)}`]);
    // The figure: an image of the SVG file, with its alt text; the data link has no page to go to.
    const img = els.filter((el) => el.tagName === "img");
    expect(img.map((el) => [el.properties.src, el.properties.alt])).toEqual([["figures/figure-1.svg", "Bars by stage"]]);
    expect(text(f, "EPUB/figures/figure-1.svg")).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100" xmlns:xlink="http://www.w3.org/1999/xlink"><rect width="120" height="40" stroke-width="2" fill="#1b4f7a"/><text x="10" y="80">Pilot &amp; more</text></svg>\n`);
    expect(chapter).toContain("n = 42. Source: Survey 2025.");
    expect(chapter).not.toContain("#figure-");
    // A section in another language says so.
    expect(els.find((el) => el.properties.id === "blockchain-usages")!.properties).toMatchObject({ lang: "fr", xmlLang: "fr" });
    // Links: to another chapter's file, to the web; a picture from the web becomes a link to it.
    const hrefs = els.filter((el) => el.tagName === "a").map((el) => String(el.properties.href));
    expect(hrefs).toContain("chapter-02.xhtml#id-3d-printing-use");
    expect(hrefs).toContain("https://example.org/a");
    expect(hrefs).toContain("https://example.org/c.png");
    expect(chapter).toContain('<th style="text-align: left">A</th>');
    // Links that lead nowhere inside the book keep their words only.
    const other = text(f, "EPUB/chapter-02.xhtml");
    expect(other).toContain('<a href="chapter-01.xhtml#blockchain-what-it-is">blockchain</a>');
    expect(other).toContain(", nowhere and a page.</p>");
    expect(text(f, "EPUB/title.xhtml")).toContain("<h1>Study Report</h1>");
  });

  it("keeps hostile words as words: nothing that could run, every payload as text", () => {
    const hostile = publicationOf({
      title: CORPUS[15]!,
      foreword: ALL,
      figures: { stage: { title: CORPUS[0]!, caption: ALL, alt: ALL, source: CORPUS[6]!, n: 1, svg, data: { columns: ["answer", "organizations"], rows: [[ALL, 1]], n: 1 } } },
      recommendations: { rec: { text: ALL, retired: false, number: 1, status: "endorsed", sources: [{ event: ALL, href: "javascript:alert(1)", date: CORPUS[1]!, by: CORPUS[2]!, outcome: ALL }] } },
      chapters: [{ title: ALL, slug: "x", sections: [sectionOf(CORPUS[16]!, "y", `${ALL}\n\n::figure{ref=stage}\n\n::recommendation{ref=rec}\n\n]]> & <![CDATA[ x ]]>\n\n| ${CORPUS[3]} | b |\n|---|---|\n| ${CORPUS[9]} | c |`)] }],
    });
    const f = files(hostile);
    for (const [name, bytes] of Object.entries(f).filter(([n]) => /\.(xhtml|opf|svg)$/.test(n))) {
      const xml = strFromU8(bytes);
      expect(xml, name).not.toMatch(/<(script|iframe|object|embed|details)\b/i);
      expect(elements(xml).flatMap((el) => Object.keys(el.properties).filter((k) => /^on/i.test(k))), name).toEqual([]);
      expect(xml, name).not.toContain("]]>");
      expect(elements(xml).flatMap((el) => [el.properties.href, el.properties.src].filter((v) => /^\s*(javascript|data):/i.test(String(v ?? "")))), name).toEqual([]);
    }
    const words = (name: string) => {
      const found: string[] = [];
      visit(fromHtml(text(f, name)), "text", (n: { value: string }) => void found.push(n.value));
      return found.join("").replace(/\s+/g, "");
    };
    const literal = CORPUS.filter((p) => !/^!?\[/.test(p));
    for (const p of literal) expect(words("EPUB/chapter-01.xhtml")).toContain(p.replace(/\s+/g, ""));
    expect(elements(text(f, "EPUB/chapter-01.xhtml")).find((el) => el.tagName === "img")!.properties.alt).toBe(ALL);
    expect(words("EPUB/title.xhtml")).toContain(CORPUS[15]!.replace(/\s+/g, ""));
    // The figure's rows, words and all, in the table of its data.
    const cells = elements(text(f, "EPUB/chapter-01.xhtml")).filter((el) => el.tagName === "th" && el.properties.scope === "row");
    expect(cells.map((el) => textOf(el).replace(/\s+/g, ""))).toEqual([ALL.replace(/\s+/g, "")]);
  });

  it("shows a figure's data as a table inside its caption, the caption last, as XHTML wants it", () => {
    const data = { columns: ["answer", "organizations"], rows: [["Pilot", 30], ["In use", 12]], n: 42 };
    const f = files({ ...pub, figures: { stage: { ...pub.figures.stage!, data } } });
    const figure = elements(text(f, "EPUB/chapter-01.xhtml")).find((el) => el.tagName === "figure")!;
    const children = figure.children.filter((c): c is Element => c.type === "element");
    expect(children.map((el) => el.tagName)).toEqual(["img", "figcaption"]);
    const inCaption: Element[] = [];
    visit(children[1]!, "element", (el: Element) => void inCaption.push(el));
    expect(inCaption.some((el) => el.tagName === "details" || el.tagName === "summary")).toBe(false);
    const table = inCaption.find((el) => el.tagName === "table")!;
    expect(textOf(table)).toContain("Pilot");
    expect(textOf(table)).toContain("In use");
    expect(textOf(inCaption.find((el) => el.tagName === "caption")!)).toContain("Stage by technology");
  });

  it("sends a link to the target in its own chapter when the same id stands in several", () => {
    const rec = { text: "Share ledgers.", retired: false, number: 1, status: "endorsed" as const, sources: [] };
    const f = files({
      ...pub,
      recommendations: { open: rec },
      chapters: [
        { title: "One", slug: "one", sections: [sectionOf("A", "a", "::recommendation{ref=open}")] },
        { title: "Two", slug: "two", sections: [sectionOf("B", "b", "As [recommended](#rec-open).\n\n::recommendation{ref=open}")] },
        { title: "Three", slug: "three", sections: [sectionOf("C", "c", "As [recommended](#rec-open).")] },
      ],
    });
    expect(text(f, "EPUB/chapter-02.xhtml")).toContain('<a href="#rec-open">recommended</a>');
    expect(text(f, "EPUB/chapter-03.xhtml")).toContain('<a href="chapter-01.xhtml#rec-open">recommended</a>');
  });

  it("is built on the worker pool, byte for byte as on this thread", async () => {
    const { FORMATS } = await import("#src/publishing/formats.ts");
    const { closePool, poolThreads } = await import("#src/lib/pool.ts");
    try {
      expect((await FORMATS.epub.render(pub, {})).equals(renderEpub(pub))).toBe(true);
      expect(poolThreads()).toBeGreaterThan(0);
      expect(FORMATS.epub).toMatchObject({ extension: "epub", mediaType: "application/epub+zip" });
    } finally {
      await closePool();
    }
  });
});
