import { describe, expect, it } from "vitest";
import { decodedPath, relativeFile, relocateCss, relocateHtml, type Relocation } from "#src/publishing/site/links.ts";

const origin = "https://reports.example.org";
/** A folder holding one chapter page in two languages, the contents, an asset and a figure. */
const FILES: Record<string, string> = {
  "/reports/r/2026/en/": "reports/r/2026/en/index.html",
  "/reports/r/2026/en/blockchain": "reports/r/2026/en/blockchain/index.html",
  "/reports/r/2026/fr/blockchain": "reports/r/2026/fr/blockchain/index.html",
  "/reports/r/2026/en/annex-case-studies": "reports/r/2026/en/annex-case-studies/index.html",
  "/reports/r/2026/en/figures/f.svg": "reports/r/2026/en/figures/f.svg",
  "/reports/r/2026/en/figures/f-narrow.svg": "reports/r/2026/en/figures/f-narrow.svg",
  "/assets/app.css": "assets/app.css",
};
const place: Relocation = { file: "reports/r/2026/en/blockchain/index.html", url: "/reports/r/2026/en/blockchain", origin, locate: (url) => FILES[url.pathname] };
const page = (body: string, head = "") => `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`;

describe("relocating a page into the folder", () => {
  it("makes addresses into the site relative to the page's own file, down to the file name, keeping anchors and dropping asset versions", () => {
    const html = relocateHtml(
      page(
        `<a href="/reports/r/2026/fr/blockchain" hreflang="fr">FR</a> <a href="/reports/r/2026/en/">Contents</a> <a href="${origin}/reports/r/2026/en/annex-case-studies#cs-x">Case</a> <a href="#s1">Section</a> <img src="/reports/r/2026/en/figures/f.svg" alt="A"><picture><source srcset="/reports/r/2026/en/figures/f-narrow.svg 1x" media="(max-width: 40em)"></picture>`,
        `<link rel="stylesheet" href="/assets/app.css?v=abc">`,
      ),
      place,
    );
    expect(html).toContain('<link rel="stylesheet" href="../../../../../assets/app.css">');
    expect(html).toContain('<a href="../../fr/blockchain/index.html" hreflang="fr">FR</a>');
    expect(html).toContain('<a href="../index.html">Contents</a>');
    expect(html).toContain('<a href="../annex-case-studies/index.html#cs-x">Case</a>');
    expect(html).toContain('<a href="#s1">Section</a>');
    expect(html).toContain('<img src="../figures/f.svg" alt="A">');
    expect(html).toContain('srcset="../figures/f-narrow.svg 1x"');
    expect(relativeFile("index.html", "reports/r/index.fr.html")).toBe("reports/r/index.fr.html");
    expect(relativeFile("a/index.html", "a/index.html")).toBe("index.html");
  });

  it("keeps the world outside and the page's permanent address, and takes out what only the application answers", () => {
    const html = relocateHtml(
      page(
        `<nav><ul><li><a href="/">Home</a></li><li><a href="/search">Search</a></li><li><a href="/sign-in?next=%2F">Sign in</a></li></ul><form role="search" method="get" action="/search" class="header-search"><input type="search" name="q"></form></nav>` +
          `<p>See <a href="/case-studies/other" lang="fr" class="ref ref-case-study" data-ref="other">a case study</a> and <a href="https://example.com/x">elsewhere</a>.</p>` +
          `<p class="small"><a href="/reports/r/compare?to=2026">Compare</a></p><p><a href="mailto:x@example.org">Write</a></p>`,
        `<link rel="canonical" href="${origin}/reports/r/2026/en/blockchain"><script src="/assets/unknown.js" defer></script>`,
      ),
      { ...place, locate: (url) => (url.pathname === "/" ? "reports/r/index.html" : FILES[url.pathname]) },
    );
    expect(html).toContain(`<link rel="canonical" href="${origin}/reports/r/2026/en/blockchain">`);
    expect(html).not.toContain("unknown.js");
    expect(html).toContain('<li><a href="../../../index.html">Home</a></li>');
    expect(html).not.toMatch(/Search|Sign in|<form|Compare/);
    // A link inside a sentence keeps its words (and their language) as plain text, no longer styled as a link.
    expect(html).toContain('<p>See <span lang="fr">a case study</span> and <a href="https://example.com/x">elsewhere</a>.</p>');
    expect(html).toContain('<a href="mailto:x@example.org">Write</a>');
  });

  it("reads a malformed address as one no page answers, and goes on", () => {
    expect(decodedPath(new URL(`${origin}/reports/%E0`))).toBeUndefined();
    expect(decodedPath(new URL(`${origin}/reports/r/2026/en/%62lockchain`))).toBe("/reports/r/2026/en/blockchain");
    const locate = (url: URL) => {
      const path = decodedPath(url);
      return path === undefined ? undefined : FILES[path];
    };
    const html = relocateHtml(page(`<p>See <a href="/reports/%E0">this</a> and <a href="/reports/r/2026/en/%62lockchain#s">that</a>.</p>`), { ...place, locate });
    expect(html).toContain('<p>See <span>this</span> and <a href="index.html#s">that</a>.</p>');
  });

  it("moves a style sheet's fonts and pictures the same way", () => {
    const css = `@font-face{src:url("/assets/f.woff2?v=1") format("woff2")} .a{background:url(data:image/svg+xml,abc)} @import "/assets/b.css";`;
    const moved = relocateCss(css, (url) => (url.startsWith("/assets/") ? url.slice("/assets/".length).split("?")[0] : undefined));
    expect(moved).toBe(`@font-face{src:url("f.woff2") format("woff2")} .a{background:url(data:image/svg+xml,abc)} @import "b.css";`);
  });
});
