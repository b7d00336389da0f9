import type { Element } from "hast";
import { fromHtml } from "hast-util-from-html";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { renderHtmlFile } from "#src/publishing/html-file.tsx";
import { publicationOf, sectionOf } from "#test/helpers/publication.ts";

// Words people wrote around a figure (its alt text, title and caption) stay words in the single file.
const hostile = "</title><script>window.__xss=1</script>\"><img src=x onerror=alert(1)>";
const md = "Before.\n\n::figure{ref=stage}\n\nAfter.";
const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"><rect width="120" height="40" fill="#1b4f7a"/><text x="10" y="80">Pilot &amp; more</text></svg>';
const pub = publicationOf({
  reportTitle: hostile,
  title: hostile,
  foreword: hostile,
  figures: { stage: { title: hostile, caption: hostile, alt: hostile, source: hostile, n: 3, svg, data: { columns: [], rows: [], n: 3 } } },
  chapters: [{ title: hostile, slug: "blockchain", sections: [sectionOf(hostile, "use", md)] }],
});

describe("single-file HTML", () => {
  it("places a figure as inline SVG while its alt text, title and caption stay text", () => {
    const tree = fromHtml(renderHtmlFile(pub).toString());
    const elements: Element[] = [];
    visit(tree, "element", (el: Element) => void elements.push(el));
    expect(elements.filter((el) => el.tagName === "script")).toEqual([]);
    expect(elements.flatMap((el) => Object.keys(el.properties).filter((p) => /^on/i.test(p)))).toEqual([]);
    // Only the SVG our renderer drew is markup; the placeholder image and the data link are gone.
    expect(elements.filter((el) => el.tagName === "img")).toEqual([]);
    expect(elements.filter((el) => el.tagName === "a" && String(el.properties.href).startsWith("#figure-"))).toEqual([]);
    const figure = elements.find((el) => el.properties.role === "img")!;
    expect(figure.properties.ariaLabel).toBe(hostile);
    expect(figure.children.map((c) => (c.type === "element" ? c.tagName : c.type))).toEqual(["svg"]);
    const text = (el: Element): string => el.children.map((c) => (c.type === "text" ? c.value : c.type === "element" ? text(c) : "")).join("");
    expect(text(elements.find((el) => el.tagName === "figcaption")!)).toContain(hostile);
    expect(text(elements.find((el) => el.tagName === "svg")!)).toBe("Pilot & more");
    expect(text(elements.find((el) => el.tagName === "title")!)).toContain(hostile);
  });
});
