import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "#src/content/parse.ts";
import { renderDocx } from "#src/publishing/docx.ts";
import { renderHtmlFile } from "#src/publishing/html-file.tsx";
import { OPEN_DATA_SCHEMA, renderOpenData } from "#src/publishing/open-data.ts";
import type { Publication } from "#src/publishing/publication.ts";
import { publicationOf, sectionOf } from "#test/helpers/publication.ts";

const body = 'Ledgers, "shared".[^1]\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n<script>alert(1)</script>\n\n[^1]: A note.';
const pub = publicationOf({ chapters: [{ title: "Blockchain", slug: "blockchain", sections: [sectionOf("What it is", "what-it-is", body)] }] });

describe("export formats", () => {
  it("writes one self-contained HTML file with no script", () => {
    const html = renderHtmlFile(pub).toString();
    expect(html).toMatch(/^<!doctype html><html lang="en">/);
    expect(html).toContain("<style>");
    expect(html).toContain('<section id="blockchain-what-it-is"');
    expect(html).not.toMatch(/<script|<link|src="http/);
  });

  it("builds the HTML file and the zip on the worker pool, byte for byte as on this thread", async () => {
    const { FORMATS } = await import("#src/publishing/formats.ts");
    const { closePool, poolThreads } = await import("#src/lib/pool.ts");
    try {
      expect((await FORMATS.html.render(pub, {})).equals(renderHtmlFile(pub))).toBe(true);
      expect(poolThreads()).toBeGreaterThan(0);
      expect((await FORMATS.zip.render(pub, {})).equals(renderOpenData(pub))).toBe(true);
    } finally {
      await closePool();
    }
  });

  it("zips the edition as documented JSON and a CSV index, the same bytes every time", () => {
    const zip = renderOpenData(pub);
    expect(renderOpenData(pub).equals(zip)).toBe(true);
    const files = unzipSync(new Uint8Array(zip));
    expect(Object.keys(files).sort()).toEqual(["README.txt", "case-studies.csv", "edition.json", "recommendations.csv", "sections.csv"]);
    const json = JSON.parse(strFromU8(files["edition.json"]!));
    expect(json).toMatchObject({ schema: OPEN_DATA_SCHEMA, edition: "2026", language: "en", chapters: [{ slug: "blockchain", sections: [{ number: "1.1", markdown: body }] }] });
    const csv = strFromU8(files["sections.csv"]!);
    // A byte-order mark, so that spreadsheet programs read the UTF-8 correctly.
    expect([...files["sections.csv"]!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.replace(/^\ufeff/, "").split("\r\n")[0]).toBe("number,chapter,chapter_title,section,heading,language,words");
    expect(csv).toContain("1.1,blockchain,Blockchain,what-it-is,What it is,en,");
  });

  it("carries the annexed case studies: as data in the zip, and as the last chapter of every format", async () => {
    const { caseStudyMarkdown } = await import("#src/publishing/publication.ts");
    const { translator } = await import("#src/i18n/i18n.ts");
    const { emptyFields } = await import("#src/domain/case-studies.ts");
    const cs = {
      slug: "pe-ledger",
      organization: "Peru Customs",
      technologies: ["Blockchain"],
      fields: { ...emptyFields("en"), title: "Ledger, \"pilot\"", technologies: ["blockchain"], stage: "pilot" as const, periodStart: 2019, summary: "Shared release notices.[^1]\n\n[^1]: A note.", solution: "Five nodes.[^1]\n\n[^1]: Another note." },
    };
    const md = caseStudyMarkdown(cs, translator("en"));
    // Each field's footnotes keep their own labels once the fields are one text.
    expect(md).toContain("[^summary-1]: A note.");
    expect(md).toContain("[^solution-1]: Another note.");
    expect(md).toContain("_Contributed by Peru Customs · Blockchain · Pilot · 2019_");
    const withAnnex: Publication = { ...pub, caseStudies: [cs], chapters: [...pub.chapters, { title: "Annex: case studies", slug: "annex-case-studies", sections: [sectionOf(cs.fields.title, cs.slug, md)] }] };
    const files = unzipSync(new Uint8Array(renderOpenData(withAnnex)));
    const csv = strFromU8(files["case-studies.csv"]!).replace(/^\ufeff/, "").split("\r\n");
    expect(csv[0]).toBe("number,slug,title,organization,language,technologies,stage,period_start,period_end,summary");
    expect(csv[1]).toBe('A.1,pe-ledger,"Ledger, ""pilot""",Peru Customs,en,blockchain,pilot,2019,,"Shared release notices.[^1]\n\n[^1]: A note."');
    expect(JSON.parse(strFromU8(files["edition.json"]!)).caseStudies[0]).toMatchObject({ number: "A.1", slug: "pe-ledger", stage: "pilot" });
    const docx = strFromU8(unzipSync(new Uint8Array(await renderDocx(withAnnex)))["word/document.xml"]!);
    expect(docx).toContain("Annex: case studies");
    expect(docx).toContain("Five nodes.");
  });

  it("writes a Word document whose sections use heading styles", async () => {
    const docx = await renderDocx(pub);
    const xml = strFromU8(unzipSync(new Uint8Array(docx))["word/document.xml"]!);
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toContain("What it is");
    expect(xml).toMatch(/<w:footnoteReference w:id="1"\/>/);
  });

  it("places a figure as inline SVG in the HTML file, a numbered picture in the DOCX, and an SVG image in the Typst source", async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"><rect width="120" height="40" fill="#1b4f7a"/><text x="10" y="80">Pilot</text></svg>';
    const md = "Adoption so far:\n\n::figure{ref=stage}";
    const withFigure: Publication = {
      ...pub,
      figures: { stage: { title: "Stage by technology", caption: "Synthetic.", alt: "Bars by stage", source: "Survey 2025", n: 42, svg, data: { columns: [], rows: [], n: 42 } } },
      chapters: [{ title: "Blockchain", slug: "blockchain", sections: [sectionOf("Use", "use", md)] }],
    };
    const html = renderHtmlFile(withFigure).toString();
    expect(html).toContain('<div role="img" aria-label="Bars by stage"><svg');
    expect(html).toContain("n = 42. Source: Survey 2025.");
    expect(html).not.toContain("#figure-");
    const zip = unzipSync(new Uint8Array(renderOpenData({ ...withFigure, figures: { stage: { ...withFigure.figures.stage!, data: { columns: ["stage", "organizations"], rows: [["Pilot", 42]], n: 42 } } } })));
    expect(strFromU8(zip["figures/stage.csv"]!)).toBe("stage,organizations\r\nPilot,42\r\n");
    expect([...zip["figures/stage.csv"]!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const files = unzipSync(new Uint8Array(await renderDocx(withFigure)));
    expect(Object.keys(files).some((f) => /^word\/media\/.+\.png$/.test(f))).toBe(true);
    expect(strFromU8(files["word/document.xml"]!)).toContain("Figure 1.");
    const { serializeMdast } = await import("#src/publishing/typst/serialize.ts");
    const { translator } = await import("#src/i18n/i18n.ts");
    const typst = serializeMdast(parseMarkdown(md), translator("en"), withFigure.figures);
    expect(typst).toContain('#figure(image(bytes("<svg xmlns=\\"http://www.w3.org/2000/svg\\"');
    expect(typst).toContain('alt: "Bars by stage"');
  });

  it("numbers captioned tables in the DOCX and the Typst source, caption above the table", async () => {
    const md = "| Stage | Members |\n|---|---:|\n| Pilot | 12 |\n\nTableau : Membres par étape\n\n| A |\n|---|\n| 1 |";
    const withTable: Publication = { ...pub, chapters: [{ title: "Blockchain", slug: "blockchain", sections: [sectionOf("Use", "use", md, "fr")] }] };
    const files = unzipSync(new Uint8Array(await renderDocx(withTable)));
    const xml = strFromU8(files["word/document.xml"]!);
    expect(xml).toContain("Tableau 1.");
    expect(xml.indexOf("Membres par étape")).toBeLessThan(xml.indexOf("Pilot"));
    expect(xml).not.toContain("Tableau 2.");
    const { serializeMdast } = await import("#src/publishing/typst/serialize.ts");
    const { translator } = await import("#src/i18n/i18n.ts");
    const typst = serializeMdast(parseMarkdown(md), translator("en"));
    expect(typst).toContain('#figure(table(columns: 2');
    expect(typst).toContain('caption: [#"Membres par étape";]');
    expect(typst.match(/#figure\(/g)).toHaveLength(1);
  });

  it("shows a placed recommendation with its words in every format, and lists it with its sections in the open data", async () => {
    const md = "Advice:\n\n::recommendation{ref=start-small}";
    const withRec: Publication = {
      ...pub,
      recommendations: { "start-small": { text: "Test on a small scale first, with clear measures.", retired: false } },
      chapters: [{ title: "Blockchain", slug: "blockchain", sections: [sectionOf("Use", "use", md)] }],
    };
    expect(renderHtmlFile(withRec).toString()).toContain("Test on a small scale first, with clear measures.");
    const xml = strFromU8(unzipSync(new Uint8Array(await renderDocx(withRec)))["word/document.xml"]!);
    expect(xml).toContain("Test on a small scale first, with clear measures.");
    expect(xml).not.toContain("Shown here once");
    const { serializeMdast } = await import("#src/publishing/typst/serialize.ts");
    const { translator } = await import("#src/i18n/i18n.ts");
    expect(serializeMdast(parseMarkdown(md), translator("en"), {}, withRec.recommendations)).toContain('#"Test on a small scale first, with clear measures.";');
    const zip = unzipSync(new Uint8Array(renderOpenData(withRec)));
    expect(JSON.parse(strFromU8(zip["edition.json"]!)).recommendations).toEqual([{ slug: "start-small", text: "Test on a small scale first, with clear measures.", retired: false, sections: ["1.1"] }]);
    expect(strFromU8(zip["recommendations.csv"]!)).toBe("slug,text,retired,sections\r\nstart-small,\"Test on a small scale first, with clear measures.\",no,1.1\r\n");
  });

  it("gives a recommendation its number, status and sources in every format, as text", async () => {
    const md = "::recommendation{ref=start-small}";
    const source = { event: 'Workshop <b>"one"</b>', href: "/reports/r/events/w1#outcome-1", date: "March 16, 2021", by: "Group #1", outcome: "Pilot ]first[ #x" };
    const withRec: Publication = {
      ...pub,
      recommendations: { "start-small": { text: "Start small.", retired: false, number: 3, status: "endorsed", sources: [source] } },
      chapters: [{ title: "Blockchain", slug: "blockchain", sections: [sectionOf("Use", "use", md)] }],
    };
    const line = 'Workshop <b>"one"</b>, March 16, 2021 — Group #1: “Pilot ]first[ #x”';
    // The HTML file names the event without linking to the site's page (a file on its own has nowhere to go).
    const html = renderHtmlFile(withRec).toString();
    expect(html).toContain("<strong>Recommendation 3</strong>");
    expect(html).toContain(">Adopted</span>");
    expect(html).toContain("Where it came from");
    expect(html).toContain("Workshop &#x3C;b>\"one\"&#x3C;/b>, March 16, 2021");
    expect(html).not.toContain("/reports/r/events/w1");
    const xml = strFromU8(unzipSync(new Uint8Array(await renderDocx(withRec)))["word/document.xml"]!);
    for (const words of ["Recommendation 3", "(Adopted)", "Where it came from", "Workshop &lt;b&gt;&quot;one&quot;&lt;/b&gt;, March 16, 2021"]) expect(xml).toContain(words);
    const { serializeMdast, typstString } = await import("#src/publishing/typst/serialize.ts");
    const { translator } = await import("#src/i18n/i18n.ts");
    const typst = serializeMdast(parseMarkdown(md), translator("en"), {}, withRec.recommendations);
    for (const words of ["Recommendation 3", "(Adopted)", "Where it came from", line]) expect(typst).toContain(`#${typstString(words)};`);
  });
});
