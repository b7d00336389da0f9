import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import type { Nodes } from "mdast";
import { toString } from "mdast-util-to-string";
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "#src/content/parse.ts";
import { normalizeSpaces, officeHtmlToMarkdown, PASTE_LIMITS, pastedHtmlToMarkdown } from "#src/content/paste.ts";
import { PROJECT_ROOT } from "#src/lib/paths.ts";

// Fixtures: test/fixtures/paste (see make.sh there): the same English and French document as
// LibreOffice and mammoth turn its .docx into HTML, and what Word for Windows puts on the clipboard.
const dir = join(PROJECT_ROOT, "test/fixtures/paste");
const fixture = (name: string) => readFileSync(join(dir, name), "utf8");
const htmlFixtures = readdirSync(dir).filter((f) => f.endsWith(".html")).sort();

const paste = pastedHtmlToMarkdown;
const NBSP = "\u00a0";
const NNBSP = "\u202f";

/** Every node type in a Markdown text, as the site's parser reads it. */
function nodeTypes(markdown: string): Set<string> {
  const types = new Set<string>();
  const walk = (node: Nodes) => {
    types.add(node.type);
    if ("children" in node) for (const child of node.children) walk(child);
  };
  walk(parseMarkdown(markdown));
  return types;
}

describe("pasting from a word processor: the fixtures", () => {
  it("has HTML from LibreOffice, mammoth and Word, in English and French", () => {
    expect(htmlFixtures).toEqual(["libreoffice-en.html", "libreoffice-fr.html", "mammoth-en.html", "mammoth-fr.html", "word-clipboard-en.html"]);
  });

  for (const file of htmlFixtures) {
    it(`turns ${file} into the expected Markdown`, () => {
      const markdown = paste(fixture(file));
      const expectedFile = join(dir, file.replace(/\.html$/, ".expected.md"));
      if (process.env.UPDATE_PASTE_FIXTURES) writeFileSync(expectedFile, `${markdown}\n`);
      expect(`${markdown}\n`).toBe(readFileSync(expectedFile, "utf8"));
    });

    it(`keeps the structure of ${file} and none of the word processor's markup`, () => {
      const markdown = paste(fixture(file));
      const french = file.includes("-fr");
      // Headings: Heading 1 to 3 are the editor's Heading 1 to 3 (### to #####).
      expect(markdown).toContain(french ? "\n### Guichet unique du commerce\n" : "\n### Single window for trade\n");
      expect(markdown).toContain(french ? "\n#### Ce qui a changé\n" : "\n#### What changed\n");
      expect(markdown).toContain(french ? "\n##### Méthode\n" : "\n##### Method\n");
      // A list three levels deep, and a numbered list with a nested one.
      expect(markdown).toMatch(/^- .+\n {2}- .+\n {2}- .+\n {4}- .+\n- .+$/m);
      expect(markdown).toMatch(/^1\. .+\n {3}(?:-|1\.) .+\n {3}(?:-|2\.) .+\n2\. .+\n3\. .+$/m);
      // A table with its header row; the merged cell leaves an empty one.
      expect(markdown).toMatch(french ? /^\| Poste frontière \| Avant +\| Après +\|$/m : /^\| Border post \| Before +\| After +\|$/m);
      expect(markdown).toMatch(/^\| -+ \| -+ \| -+ \|$/m);
      expect(markdown).toMatch(french ? /^\| Sud +\| Pas encore raccordé \| +\|$/m : /^\| South +\| Not yet connected \| +\|$/m);
      // Bold, italic, a web link and a mail address; the link to a bookmark keeps its words only.
      expect(markdown).toContain(french ? "**informations normalisées**" : "**standardised information**");
      expect(markdown).toContain(french ? "*un seul*" : "*one*");
      expect(markdown).toMatch(/\[(?:World Customs Organization|Organisation mondiale des douanes)\]\(https:\/\/www\.wcoomd\.org\/(?:en|fr)\/topics\/facilitation\.aspx\)/);
      expect(markdown).toContain("<secretariat@example.org>");
      expect(markdown).toContain(french ? "décrite plus bas." : "described below.");
      // Footnotes numbered in order, with their text.
      expect(markdown).toMatch(/\[\^1\][\s\S]*\[\^2\][\s\S]*\n\[\^1\]: (?:See the \*Revised Kyoto Convention\*|Voir la \*Convention de Kyoto révisée\*)[\s\S]*\n\[\^2\]: (?:The WCO Data Model|Le modèle de données de l’OMD)/);
      // A line break inside a paragraph.
      expect(markdown).toMatch(french ? /pendant un mois\.\\\nLes copies/ : /for a month\.\\\nPaper copies/);
      // Nothing of the word processor's own.
      expect(markdown).not.toMatch(/mso-|Mso|style|class=|color:|#c00000|#1f4e79|font-|face=|Comic Sans|Calibri|Liberation|<\/?(?:span|font|o:p|div|p|a|u|del|ins|sup)\b|\[if|endif|_Toc|sdfootnote|footnote-|\[RO1\]|statistics unit|data:image|file:|\.png|&nbsp;|&#x/i);
      // The comment is gone; the inserted words of the tracked change are there.
      expect(markdown).toContain(french ? "entièrement électroniques" : "fully electronic");
      // Read back by the site's parser: no raw HTML, no directive.
      const types = nodeTypes(markdown);
      for (const type of ["html", "textDirective", "leafDirective", "containerDirective"]) expect(types.has(type)).toBe(false);
      for (const type of ["heading", "list", "table", "footnoteReference", "footnoteDefinition", "strong", "emphasis", "link", "break"]) expect(types.has(type)).toBe(true);
    });
  }

  it("drops the deleted words of a tracked change from Word and mammoth (LibreOffice's HTML does not mark them)", () => {
    expect(paste(fixture("word-clipboard-en.html"))).toContain("Formalities were fully electronic procedures");
    expect(paste(fixture("mammoth-en.html"))).toContain("Formalities were fully electronic procedures");
    expect(paste(fixture("mammoth-fr.html"))).toContain("procédures entièrement électroniques");
    expect(paste(fixture("libreoffice-en.html"))).toContain("paper-based and fully electronic");
  });

  it("reads the same document the same way from LibreOffice and from mammoth, but for that tracked change", () => {
    for (const lang of ["en", "fr"]) {
      const fromMammoth = paste(fixture(`mammoth-${lang}.html`)).replace("**_", "***").replace("_**", "***");
      const fromLibreOffice = paste(fixture(`libreoffice-${lang}.html`)).replace(/paper-based and |sur papier et /, "");
      expect(fromLibreOffice).toBe(fromMammoth);
    }
  });

  it("keeps French spaces before « ; : ! ? » and after « as typed", () => {
    for (const file of ["libreoffice-fr.html", "mammoth-fr.html"]) {
      const markdown = paste(fixture(file));
      expect(markdown).toContain(`Le slogan était${NBSP}: «${NBSP}Un dépôt, une fois${NBSP}!${NBSP}» Vraiment${NNBSP}? Oui${NNBSP}; écrivez à <secretariat@example.org>${NBSP}; la méthode`);
      expect(markdown).toContain(`une seule fois${NBSP}:`);
      // Elsewhere a no-break space is a space.
      expect(markdown).toContain("| 3 jours ");
    }
  });
});

describe("pasting: what is kept", () => {
  it("makes Heading n the editor's Heading n (### and down), and a Title a paragraph", () => {
    expect(paste("<h1>One</h1><h2>Two</h2><h3>Three</h3><h4>Four</h4><h5>Five</h5><h6>Six</h6>")).toBe("### One\n\n#### Two\n\n##### Three\n\n###### Four\n\n###### Five\n\n###### Six");
    expect(paste("<h2>Two</h2><p>text</p>")).toBe("#### Two\n\ntext");
    expect(paste("<p class=MsoTitle>The title<o:p></o:p></p><h1>First</h1>")).toBe("The title\n\n### First");
    // Word's numbered headings lose the number Word draws; LibreOffice's lists around headings go.
    expect(paste("<h1 style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span>&nbsp;</span></span><![endif]>Scope</h1>")).toBe("### Scope");
    expect(paste('<ol><li><h1 class="western">Scope</h1></ol><ol><ol><li><h2 class="western">Detail</h2></ol></ol><p>text</p>')).toBe("### Scope\n\n#### Detail\n\ntext");
  });

  it("nests Word's list paragraphs by their level, bullets and numbers as Word drew them", () => {
    const p = (list: string, level: number, marker: string, text: string, cls = "MsoListParagraphCxSpMiddle") =>
      `<p class=${cls} style='margin-left:${level * 36}pt;text-indent:-18.0pt;mso-list:${list} level${level} lfo${list.slice(1)}'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>${marker}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>${text}<o:p></o:p></p>\n`;
    const html = [p("l0", 1, "·", "one", "MsoListParagraphCxSpFirst"), p("l0", 2, "o", "one.a"), p("l0", 3, "§", "one.a.i"), p("l0", 2, "o", "one.b"), p("l0", 1, "·", "two", "MsoListParagraphCxSpLast")].join("");
    expect(paste(html)).toBe("- one\n  - one.a\n    - one.a.i\n  - one.b\n- two");
    const numbered = [p("l1", 1, "3.", "three"), p("l1", 2, "a.", "three.a"), p("l1", 2, "b)", "three.b"), p("l1", 1, "4.", "four"), p("l1", 2, "·", "four, a bullet")].join("");
    expect(paste(numbered)).toBe("3. three\n   1. three.a\n   2. three.b\n4. four\n   - four, a bullet");
    // A level skipped still nests; a paragraph of Word's list style without a number belongs to the item above.
    expect(paste(p("l0", 1, "·", "top") + p("l0", 3, "§", "deep"))).toBe("- top\n  - deep");
    expect(paste(p("l0", 1, "·", "item") + "<p class=MsoListParagraphCxSpMiddle>more about the item</p>" + p("l0", 1, "·", "next"))).toBe("- item\n\n  more about the item\n\n- next");
    // Two lists apart (another list in Word's numbering) and a paragraph between two lists.
    expect(paste(p("l0", 1, "·", "a") + p("l2", 1, "1.", "b"))).toBe("- a\n\n<!---->\n\n1. b".replace("\n\n<!---->", ""));
    expect(paste(p("l0", 1, "·", "a") + "<p class=MsoNormal>between</p>" + p("l0", 1, "·", "b"))).toBe("- a\n\nbetween\n\n- b");
  });

  it("keeps Word's fake bullets out even without conditional comments, and in a saved page's <!--[if]--> form", () => {
    const ignore = "<p style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·<span>&nbsp;&nbsp; </span></span>Item<o:p></o:p></p>";
    expect(paste(ignore)).toBe("- Item");
    const saved = "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span>1.<span>&nbsp;&nbsp; </span></span><!--[endif]-->Item<o:p></o:p></p>";
    expect(paste(saved)).toBe("1. Item");
  });

  it("keeps nested HTML lists, LibreOffice's lists written inside lists too, and a list's start", () => {
    expect(paste("<ul><li><p>one</p><ul><li><p>one.a</p></li></ul></li><li><p>two</p></li></ul>")).toBe("- one\n  - one.a\n- two");
    expect(paste("<ol><li>one<ol><li>one.a</li></ol></li></ol>")).toBe("1. one\n   1. one.a");
    expect(paste("<ul><li>one</li><ul><li>one.a</li></ul><li>two</li></ul>")).toBe("- one\n  - one.a\n- two");
    expect(paste('<ol start="4"><li>four</li><li>five</li></ol>')).toBe("4. four\n5. five");
    // An item of two paragraphs.
    expect(paste("<ul><li><p>one</p><p>more</p></li><li>two</li></ul>")).toBe("- one\n\n  more\n\n- two");
  });

  it("gives a table a header row, one line per cell, and an empty cell for a merged one", () => {
    expect(paste("<table><tr><td><p><b>Post</b></p></td><td>Time</td></tr><tr><td>North</td><td><p>3 days</p><p>then 4 hours</p></td></tr></table>")).toBe(
      "| Post  | Time                |\n| ----- | ------------------- |\n| North | 3 days then 4 hours |",
    );
    expect(paste("<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td colspan=2>both</td></tr><tr><td rowspan=2>tall</td><td>x</td></tr><tr><td>y</td></tr></tbody></table>")).toBe(
      "| A    | B |\n| ---- | - |\n| both |   |\n| tall | x |\n|      | y |",
    );
    expect(paste("<table><caption>Release times</caption><tr><th>A</th></tr><tr><td>a | b<br>c</td></tr></table>")).toBe("| A        |\n| -------- |\n| a \\| b c |\n\nTable: Release times");
  });

  it("keeps links to the web and to mail addresses, and only the words of any other link", () => {
    expect(paste('<p><a href="https://example.org/a?b=1">web</a>, <a href="http://example.org">old web</a>, <a href="mailto:a@example.org">write</a></p>')).toBe(
      "[web](https://example.org/a?b=1), [old web](http://example.org), [write](mailto:a@example.org)",
    );
    expect(paste('<p><a href="javascript:alert(1)">script</a> <a href="file:///C:/x.docx">file</a> <a href="#_Toc123">heading</a> <a href="other.html">relative</a> <a name="_Toc1">bookmark</a> <a href=" JAVASCRIPT:x">caps</a></p>')).toBe(
      "script file heading relative bookmark caps",
    );
  });

  it("keeps bold and italic however they were written, with their spaces outside", () => {
    expect(paste("<p><b>bold </b>and<i> italic</i> and <strong><em>both</em></strong> and <em><strong>both</strong></em></p>")).toBe("**bold** and *italic* and **_both_** and ***both***");
    expect(paste('<p><span style="font-weight:700">heavy</span> <span style="font-style:italic">slanted</span></p>')).toBe("**heavy** *slanted*");
    // Google Docs wraps a whole paste in <b style="font-weight:normal">: not bold.
    expect(paste('<b style="font-weight:normal;" id="docs-internal-guid-1"><p>plain</p></b>')).toBe("plain");
    // Word's bold with a bidi override is still bold; bold inside bold is once.
    expect(paste("<p><b style='mso-bidi-font-weight:normal'>word <b>inner</b></b></p>")).toBe("**word inner**");
  });

  it("numbers footnotes in the order of their references, from Word, LibreOffice and mammoth", () => {
    const word = `<p>A<a style='mso-footnote-id:ftn2' href="#_ftn2" name="_ftnref2"><span class=MsoFootnoteReference><![if !supportFootnotes]>[2]<![endif]></span></a> and B<a href="#_ftn1" name="_ftnref1"><![if !supportFootnotes]>[1]<![endif]></a> and C<a href="#_edn1" name="_ednref1">i</a></p>
      <div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all><hr align=left size=1 width="33%"><![endif]>
      <div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a href="#_ftnref1" name="_ftn1">[1]</a> First note.</p></div>
      <div style='mso-element:footnote' id=ftn2><p class=MsoFootnoteText><a href="#_ftnref2" name="_ftn2">[2]</a> Second note.</p></div></div>
      <div style='mso-element:endnote-list'><div style='mso-element:endnote' id=edn1><p class=MsoEndnoteText><a href="#_ednref1" name="_edn1">[i]</a> An endnote.</p></div></div>`;
    expect(paste(word)).toBe("A[^1] and B[^2] and C[^3]\n\n[^1]: Second note.\n\n[^2]: First note.\n\n[^3]: An endnote.");
    const libreoffice = `<p>X<a class="sdfootnoteanc" name="sdfootnote1anc" href="#sdfootnote1sym"><sup>1</sup></a> Y<a class="sdendnoteanc" name="sdendnote1anc" href="#sdendnote1sym"><sup>i</sup></a></p>
      <div id="sdfootnote1"><p class="sdfootnote"><a class="sdfootnotesym" name="sdfootnote1sym" href="#sdfootnote1anc">1</a>Foot.</p></div>
      <div id="sdendnote1"><p class="sdendnote"><a class="sdendnotesym" name="sdendnote1sym" href="#sdendnote1anc">i</a>End.</p></div>`;
    expect(paste(libreoffice)).toBe("X[^1] Y[^2]\n\n[^1]: Foot.\n\n[^2]: End.");
    const mammoth = `<p>M<sup><a href="#footnote-3" id="footnote-ref-3">[1]</a></sup> again<sup><a href="#footnote-3">[1]</a></sup></p><ol><li id="footnote-3"><p>Note <em>three</em>. <a href="#footnote-ref-3">↑</a></p><p>Its second paragraph.</p></li></ol>`;
    expect(paste(mammoth)).toBe("M[^1] again[^1]\n\n[^1]: Note *three*.\n\n    Its second paragraph.");
  });

  it("drops a reference whose note was not pasted, and a note nothing refers to", () => {
    expect(paste('<p>Text<a href="#_ftn7" name="_ftnref7">[7]</a>.</p>')).toBe("Text.");
    expect(paste('<p>Text.</p><div style="mso-element:footnote" id=ftn1><p>Lonely note.</p></div>')).toBe("Text.");
  });

  it("keeps line breaks, but not page breaks", () => {
    expect(paste("<p>one<br>two<br/><br>three<br></p>")).toBe("one\\\ntwo\\\nthree");
    expect(paste("<p>before</p><br clear=all style='page-break-before:always'><p>after<br style='mso-special-character:line-break;page-break-before:always'></p>")).toBe("before\n\nafter");
  });

  it("keeps a picture on the web and the description of one on the writer's computer", () => {
    expect(paste('<p>See <img src="https://example.org/map.png" alt="The map"> here</p>')).toBe("See ![The map](https://example.org/map.png) here");
    expect(paste('<p><img src="file:///C:/Users/x/clip_image001.png" alt="Local map"> and <img src="data:image/png;base64,AAAA" alt="Inline"> and <img src="cid:1">no words, and <img src="http://example.org/a.png" alt="Plain http"></p>')).toBe(
      "Local map and Inline and no words, and Plain http",
    );
  });

  it("keeps quotes and code as Word's quote style and HTML write them", () => {
    expect(paste("<p class=MsoQuote>Quoted words.</p><blockquote><p>Quoted</p></blockquote>")).toBe("> Quoted words.\n\n> Quoted");
    expect(paste("<pre><code>a  =  1\n  b</code></pre>")).toBe("```\na  =  1\n  b\n```");
  });

  it("escapes what Markdown would read as syntax, so pasted words stay words", () => {
    const words = ["# not a heading", "1. not a list", "*not emphasis* [not](a link) x|y", "::figure{ref=a}", "See:case-study[x]{ref=b} at 10:30, `:0", "<script>alert(1)</script>", "[^1] is no footnote"];
    const markdown = paste(words.map((w) => `<p>${w.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`).join(""));
    const tree = parseMarkdown(markdown);
    expect(tree.children.map((block) => `${block.type}: ${toString(block)}`)).toEqual(words.map((w) => `paragraph: ${w}`));
    expect([...nodeTypes(markdown)].sort()).toEqual(["paragraph", "root", "text"]);
  });
});

describe("pasting: what goes", () => {
  it("drops styles, colours, fonts, classes, spans, <o:p> and Word's conditional comments", () => {
    const html = `<p class=MsoNormal style='color:#C00000;font-family:"Comic Sans MS"'><span lang=EN-US style='mso-ansi-language:EN-US;background:yellow;mso-highlight:yellow'><font color="red" face="Arial">Red</font> <u>under</u><o:p></o:p></span></p>
      <!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->
      <p class=MsoNormal><o:p>&nbsp;</o:p></p><p>&nbsp;&nbsp;</p><p><br></p><p></p>`;
    expect(paste(html)).toBe("Red under");
  });

  it("drops scripts, styles, frames, objects, forms' controls and hidden text", () => {
    const html = `<style>p{color:red}</style><script>alert(1)</script><p>Kept<iframe src="https://x.org"></iframe><object data="x"></object><embed src="x"><input value="field"><button>Press</button></p>
      <p style="display:none">Hidden</p><p><span style='mso-hide:all'>Word-hidden</span>Shown</p><noscript>no</noscript><template><p>t</p></template><svg><text>svg</text></svg>`;
    expect(paste(html)).toBe("Kept\n\nShown");
  });

  it("reads a tracked change as accepted: the inserted words stay, the deleted ones go", () => {
    const html = `<p>Formalities were <del cite="mailto:Reviewer%20One" datetime="2024-03-01T10:00"><span class=msoDel>paper-based and </span></del><ins cite="mailto:Reviewer%20One" datetime="2024-03-01T10:01"><span class=msoIns>fully electronic </span></ins>procedures<span class=msoDel> struck</span>.</p>`;
    expect(paste(html)).toBe("Formalities were fully electronic procedures.");
  });

  it("drops Word's comments and their marks, and keeps the words they were about", () => {
    const html = `<p><span style='mso-comment-reference:RO_1;mso-comment-date:20240301T1005'>Commented words</span><span class=MsoCommentReference><span style='font-size:8.0pt'>&nbsp;<![if !supportAnnotations]><a class=msocomanchor id="_anchor_1" href="#_msocom_1" name="_msoanchor_1">[RO1]</a><![endif]><span style='mso-special-character:comment'>&nbsp;</span></span></span> stay.</p>
      <div style='mso-element:comment-list'><![if !supportAnnotations]><hr class=msocomoff align=left size=1 width="33%"><![endif]><div style='mso-element:comment'><![if !supportAnnotations]><div id="_com_1" class=msocomtxt><![endif]><div><p class=MsoCommentText>The comment.</p></div><![if !supportAnnotations]></div><![endif]></div></div>`;
    expect(paste(html)).toBe("Commented words stay.");
  });

  it("drops Word's spacer row and skips nothing when a conditional comment has no end", () => {
    expect(paste("<table><tr><td>A</td></tr><tr><td>a</td></tr><![if !supportMisalignedColumns]><tr height=0><td style='border:none'></td></tr><![endif]></table>")).toBe("| A |\n| - |\n| a |");
    expect(paste("<p>one</p><![if !supportLists]><p>two</p>")).toBe("one\n\ntwo");
    // An [endif] closes its own [if]: Word's picture fallback inside a skipped region ends nothing.
    expect(paste("<p><![if !supportLists]>·<![if !vml]><img src='file:///x.png' alt='bullet picture'><![endif]> <![endif]>Item</p>")).toBe("Item");
    expect(paste("<p><![if !vml]><img src='file:///x.png' alt='A map'><![endif]> shows it</p>")).toBe("A map shows it");
  });

  it("collapses runs of spaces and no-break spaces, and drops soft hyphens and zero-width characters", () => {
    expect(paste("<p>a&nbsp;&nbsp;&nbsp; b<span style='mso-spacerun:yes'>&nbsp;&nbsp; </span>c<span style='mso-tab-count:1'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span>d\u00adef\u200bg</p>")).toBe("a b c defg");
    expect(normalizeSpaces(`Oui${NBSP}${NBSP} ! « ${NBSP}Non${NNBSP}» x${NBSP}y`)).toBe(`Oui${NBSP}! «${NBSP}Non${NNBSP}» x y`);
    expect(normalizeSpaces("a : b ; c")).toBe("a : b ; c");
  });

  it("answers nothing for nothing", () => {
    expect(paste("")).toBe("");
    expect(paste("<html><body><!--StartFragment--><!--EndFragment--></body></html>")).toBe("");
    expect(paste(undefined as unknown as string)).toBe("");
    expect(paste("<b>&nbsp;</b><b>&nbsp;</b><p>&nbsp;</p>&nbsp;")).toBe("");
  });
});

describe("pasting: any input", () => {
  const TAGS = ["p", "div", "span", "b", "i", "strong", "em", "u", "a", "ul", "ol", "li", "table", "tr", "td", "th", "thead", "h1", "h3", "br", "img", "sup", "del", "ins", "o:p", "font", "blockquote", "pre", "code", "caption", "script", "style"];
  const ATTRS = ["", ' href="#_ftn1"', ' href="#footnote-1"', ' id="ftn1"', ' id="footnote-1"', ' href="https://x.org"', " style='mso-list:l0 level2 lfo1'", " style='mso-list:Ignore'", ' class=MsoListParagraph', " colspan=3", " rowspan=99999", ' src="https://x.org/a.png" alt="x"', ' style="display:none"', " start=5"];
  const piece = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.constantFrom("&nbsp;", "\u00a0:", "« ", "\u202f?", "<![if !supportLists]>", "<![endif]>", "<!--[if !supportLists]-->", "<!--[endif]-->", "<!--", "-->", "*", "_", "[", "]", "#", "|", ":", "::figure{ref=x}", "\\", "`", "<", ">", "&", "\n"),
    fc.tuple(fc.constantFrom(...TAGS), fc.constantFrom(...ATTRS)).map(([t, a]) => `<${t}${a}>`),
    fc.constantFrom(...TAGS).map((t) => `</${t}>`),
  );
  const htmlish = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(""));

  it("never throws, and gives Markdown the site reads without raw HTML or directives", () => {
    fc.assert(
      fc.property(htmlish, (html) => {
        const markdown = paste(html);
        expect(typeof markdown).toBe("string");
        const types = nodeTypes(markdown);
        for (const type of ["html", "textDirective", "leafDirective", "containerDirective"]) expect(types.has(type)).toBe(false);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });

  it("never throws on any string at all", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (html) => {
        expect(typeof paste(html)).toBe("string");
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) },
    );
  });

  it("keeps the words of a tree deeper than the limit", () => {
    expect(paste(`${"<div><span>".repeat(5000)}deep words`)).toBe("deep words");
    // Deeper than the parser's stack: the words, a paragraph per block.
    expect(paste(`${"<div>".repeat(200_000)}<p>deep &amp; words</p><p>and <b>more</b></p>`)).toBe("deep & words\n\nand more");
    expect(paste(`${"<ul><li>".repeat(40)}deep item`)).toMatch(/^(?:\s*- ){8}deep item$/);
  });

  it("reads at most PASTE_LIMITS.chars of a paste, in bounded time", () => {
    const word = fixture("word-clipboard-en.html");
    const body = word.slice(word.indexOf("<!--StartFragment-->"), word.indexOf("<!--EndFragment-->"));
    // About 2 MB of Word's HTML: some forty pages.
    const big = body.repeat(Math.ceil(2_000_000 / body.length));
    const started = performance.now();
    const markdown = paste(big);
    const took = performance.now() - started;
    expect(markdown.match(/^### Single window for trade$/gm)?.length).toBe(Math.ceil(2_000_000 / body.length));
    // Generous for a shared test machine; about a second on a quiet one.
    expect(took).toBeLessThan(20_000);
    const tooBig = body.repeat(Math.ceil((PASTE_LIMITS.chars * 1.5) / body.length));
    const cut = paste(tooBig).match(/^### Single window for trade$/gm)?.length ?? 0;
    expect(cut).toBeGreaterThan(0);
    expect(cut).toBeLessThanOrEqual(Math.ceil(PASTE_LIMITS.chars / body.length));
  });

  it("keeps at most PASTE_LIMITS.elements elements of a paste made of tiny ones", () => {
    const markdown = paste("<p>a</p>".repeat(100_000));
    expect(markdown.split("\n\n")).toHaveLength(PASTE_LIMITS.elements);
  });

  it("is the conversion a Word import uses, headings as written", () => {
    expect(officeHtmlToMarkdown("<h1>Title</h1><h2>Part</h2>", { headings: "as-written" })).toBe("# Title\n\n## Part");
    expect(officeHtmlToMarkdown('<p><img src="case-study-image-1" alt="Map"></p>', { keepImage: (src) => src.startsWith("case-study-image-") })).toBe("![Map](case-study-image-1)");
  });
});
