import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import type { Language } from "#src/domain/languages.ts";
import { translator } from "#src/i18n/i18n.ts";
import { ASSETS_DIR, assetUrl } from "#src/web/assets.ts";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

const ctx = (path: string, lang: Language = "en"): PageContext => ({ t: translator(lang), lang, user: null, csrf: "token", path, flash: undefined });
const page = (path: string, lang: Language = "en") => renderToString(h(Layout, { ctx: ctx(path, lang), title: "A page", children: h("p", null, "Text") }));

describe("the header", () => {
  it("has a labelled search box sending q to /search, in the page's language", () => {
    const html = page("/reports");
    expect(html).toContain('<form role="search" method="get" action="/search" class="header-search" aria-label="Search the site">');
    expect(html).toContain('<label for="header-q" class="visually-hidden">Search the site</label>');
    expect(html).toMatch(/<input id="header-q" type="search" name="q" value(="")? placeholder="Search…"\/>/);
    expect(page("/", "es")).toContain('placeholder="Buscar…"');
    expect(page("/", "fr")).toContain('<span class="visually-hidden">Rechercher</span>');
  });

  it("holds the query on /search only", () => {
    expect(page("/search?q=cadena+de+bloques&kind=section")).toContain('name="q" value="cadena de bloques"');
    expect(page("/search?q=%3Cb%3E")).toContain('name="q" value="&lt;b>"');
    expect(page("/case-studies?q=ledger")).toMatch(/name="q" value(="")? placeholder/);
  });

  it("folds the navigation, the search box and the languages behind a Menu disclosure", () => {
    const html = page("/");
    const menu = html.slice(html.indexOf('<details class="site-menu"'), html.indexOf("</header>"));
    expect(menu).toMatch(/^<details class="site-menu" data-site-menu="true"><summary><span class="site-menu-bars" aria-hidden="true"><\/span>Menu<\/summary>/);
    for (const part of ['class="main-nav"', 'class="header-search"', 'class="lang-nav"']) expect(menu).toContain(part);
    expect(page("/", "es")).toContain("</span>Menú</summary>");
    // No script is needed, but every page loads the one that adds Escape and clicks outside.
    expect(html).toContain(`<script src="${assetUrl("menu.js")}" defer></script>`);
  });

  it("preloads the fonts above the fold at the very URLs app.css asks for", () => {
    const html = page("/");
    const css = readFileSync(join(ASSETS_DIR, "app.css"), "utf8");
    const preloads = [...html.matchAll(/<link rel="preload" href="([^"]+)" as="font" type="font\/woff2" crossorigin="anonymous"\/>/g)].map((m) => m[1]!);
    expect(preloads).toHaveLength(2);
    for (const href of preloads) expect(css).toContain(`url(${href.replace("/assets/", "")})`);
  });
});

describe("the web fonts", () => {
  const css = readFileSync(join(ASSETS_DIR, "app.css"), "utf8");
  const faces = [...css.matchAll(/@font-face \{([^}]*)\}/g)].map((m) => m[1]!);

  it("are small WOFF2 subsets, each url carrying its file's version so they are cached for a year", () => {
    expect(faces.length).toBeGreaterThanOrEqual(4);
    for (const face of faces) {
      expect(face).toContain("font-display: swap");
      const [, file, version] = /url\(([a-z0-9-]+\.woff2)\?v=([0-9a-f]+)\) format\("woff2"\)/.exec(face) ?? [];
      expect(file, face).toBeDefined();
      // Run scripts/web-fonts.sh after changing a font: it writes the versions into app.css.
      expect(`/assets/${file}?v=${version}`).toBe(assetUrl(file!));
      expect(statSync(join(ASSETS_DIR, file!)).size).toBeLessThan(30 * 1024);
    }
  });

  it("are the families the stylesheet's --serif and --sans ask for first", () => {
    expect(css).toMatch(/--serif: "Source Serif 4",/);
    expect(css).toMatch(/--sans: "Source Sans 3",/);
    const families = new Set(faces.map((face) => /font-family: "([^"]+)"/.exec(face)?.[1]));
    expect([...families].sort()).toEqual(["Source Sans 3", "Source Serif 4"]);
  });
});
