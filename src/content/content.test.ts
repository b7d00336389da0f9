import { describe, expect, it } from "vitest";
import { extractReferences } from "#src/content/directives.ts";
import { renderHtml, type Resolver } from "#src/content/html.ts";
import { parseMarkdown } from "#src/content/parse.ts";
import { renderNow } from "#src/content/render.ts";
import { translator } from "#src/i18n/i18n.ts";

const t = translator("en");
const render = (md: string, resolve?: Resolver) => renderHtml(parseMarkdown(md), { t, idPrefix: "s1", ...(resolve ? { resolve } : {}) });

describe("content pipeline", () => {
  it("renders GFM tables and footnotes with prefixed ids", () => {
    const { html } = render("| Stage | Members |\n|---|---:|\n| Pilot | 12 |\n\nA claim.[^src]\n\n[^src]: The source.");
    expect(html).toContain("<table>");
    expect(html).toContain("<td align=\"right\">12</td>");
    expect(html).toMatch(/id="s1-fn-src"/);
    expect(html).toMatch(/href="#s1-fn-src"/);
  });

  it("takes a `Table: …` paragraph after a table as its caption, and leaves other paragraphs alone", () => {
    const { html } = render("| Stage | Members |\n|---|---:|\n| Pilot | 12 |\n\nTable: Members by *stage*, 2024\n\nTable: not after a table.");
    expect(html).toMatch(/<table>\s*<caption>Members by <em>stage<\/em>, 2024<\/caption>/);
    expect(html).toContain("<p>Table: not after a table.</p>");
    // Without the blank line the line is a row of the table, as GFM says.
    expect(render("| A |\n|---|\n| 1 |\nTable: x").html).not.toContain("<caption>");
  });

  it("keeps the words of a footnote definition nothing refers to, as typed", () => {
    const { html } = render("[^x]: Only a definition.\n\nA paragraph.");
    expect(html).toContain("<p>[^x]: Only a definition.</p>");
    expect(render("Text.[^x]\n\n[^x]: A real note.").html).not.toContain("[^x]:");
  });

  it("turns evidence directives into placeholders and indexes their references", () => {
    const md = "Intro :case-study[CADENA]{ref=pe-cadena} here.\n\n::figure{ref=blockchain-stage-by-region}\n\n::recommendation{ref=start-with-the-problem}";
    const { html, warnings } = render(md);
    expect(warnings).toEqual([]);
    expect(html).toContain('<span class="ref ref-case-study pending" data-ref="pe-cadena">CADENA</span>');
    expect(html).toContain('<figure class="directive directive-figure pending" data-ref="blockchain-stage-by-region">');
    expect(html).toContain("Recommendation: start-with-the-problem");
    expect(extractReferences(parseMarkdown(md))).toEqual([
      { kind: "case-study", ref: "pe-cadena" },
      { kind: "figure", ref: "blockchain-stage-by-region" },
      { kind: "recommendation", ref: "start-with-the-problem" },
    ]);
  });

  it("ends a figure with its caption, the table of its data inside it, under its words", () => {
    const data = { columns: ["answer", "organizations"], rows: [["Pilot", 30]], n: 30 };
    const figure = { src: "/f.svg", alt: "Bars", caption: "Synthetic.", n: 30, source: "Survey", dataHref: "/f.csv", data };
    const { html } = render("::figure{ref=stage}", (kind) => (kind === "figure" ? { title: "Stage", figure } : undefined));
    expect(html).toMatch(/^<figure [^>]*><img [^>]*><figcaption><strong>Stage<\/strong> Synthetic\. .*<details class="figure-data">.*<\/details><\/figcaption><\/figure>$/s);
    expect(html).toContain('<th scope="row">Pilot</th>');
  });

  it("gives a placed recommendation an id from its reference, so it can be linked", () => {
    const { html } = render("::recommendation{ref=start-small}", (kind, ref) => (kind === "recommendation" ? { title: ref, recommendation: { text: "Start small.", retired: false, number: 3 } } : undefined));
    expect(html).toContain('<aside id="rec-start-small" class="directive directive-recommendation');
    expect(html).toContain("Recommendation 3");
  });

  it("shows unknown directives and references as visible warnings, never failing", () => {
    const { html, warnings } = render("::chart{ref=x}\n\n::figure\n\n::figure{ref=nope}", (_kind, ref) => (ref === "nope" ? undefined : "pending"));
    expect(warnings.map((w) => w.code)).toEqual(["unknown-directive", "missing-ref", "unknown-ref"]);
    expect(html.match(/class="content-warning"/g)).toHaveLength(3);
  });

  it("gives prose that only looks like a directive its words back", () => {
    const { html, warnings } = render("Meet at the port:north gate.");
    expect(warnings).toEqual([]);
    expect(html).toContain("port:north gate");
  });

  it("shows raw HTML as text and keeps script URLs and event handlers inert", () => {
    expect(render("Before <tag> after").html).toContain("Before &#x3C;tag> after");
    const corpus = [
      "<script>alert(1)</script>",
      '<img src=x onerror="alert(1)">',
      "[click](javascript:alert(1))",
      "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      '<a href="javascript:alert(1)" onclick="alert(1)">x</a>',
      "<svg><script>alert(1)</script></svg>",
      '<iframe src="https://evil.example"></iframe>',
      "![img](javascript:alert(1))",
      ":case-study[<b onmouseover=alert(1)>x</b>]{ref=pe-cadena onclick=alert(1)}",
      "<div style=\"background:url(javascript:alert(1))\">styled</div>",
    ];
    for (const md of corpus) {
      const { html } = render(md);
      expect(html, md).not.toMatch(/<script|<iframe|<svg|<[^>]*\son[a-z]+=|<[^>]*\s(href|src)="(javascript|data):|<[^>]*style=/i);
    }
  });

  it("marks author links to other sites noopener", () => {
    expect(render("[site](https://example.org)").html).toContain('rel="noopener noreferrer"');
  });

  it("links a known case study with the author's words, its title as the tooltip", () => {
    const resolve: Resolver = (kind, ref) => (kind === "case-study" && ref === "pe-cadena" ? { title: "CADENA: trusted traders", href: "/case-studies/pe-cadena" } : undefined);
    const { html, warnings } = render("See :case-study[a ledger]{ref=pe-cadena} and :case-study[this]{ref=nope}.", resolve);
    expect(html).toContain('<a class="ref ref-case-study" data-ref="pe-cadena" href="/case-studies/pe-cadena" title="CADENA: trusted traders">a ledger</a>');
    expect(warnings).toEqual([{ code: "unknown-ref", name: "case-study", ref: "nope" }]);
  });
});

describe("rendering a text for a page", () => {
  const markdown = "Ledgers keep records.[^1]\n\n[^1]: A note.";

  it("marks the words it adds with the page's language when the text is in another", () => {
    const { html } = renderNow({ markdown, lang: "fr", textLang: "en", idPrefix: "s", resolutions: [] });
    expect(html).toMatch(/<h2 class="sr-only" lang="fr" id="[^"]*footnote-label">Notes<\/h2>/);
  });

  it("adds no mark when the text is in the page's language, or its language is unknown", () => {
    for (const textLang of ["fr", undefined] as const) {
      const { html } = renderNow({ markdown, lang: "fr", textLang, idPrefix: "s", resolutions: [] });
      expect(html).toMatch(/<h2 class="sr-only" id="[^"]*footnote-label">Notes<\/h2>/);
    }
  });

  it("gives each section's notes heading its own id, which its note references point to", () => {
    const ids = ["a", "b"].map((idPrefix) => renderNow({ markdown, lang: "en", idPrefix, resolutions: [] }).html);
    for (const [i, html] of ids.entries()) {
      const prefix = ["a", "b"][i];
      expect(html).toContain(`id="${prefix}-footnote-label"`);
      expect(html).toContain(`aria-describedby="${prefix}-footnote-label"`);
      expect(html).not.toMatch(/id="footnote-label"/);
    }
  });
});
