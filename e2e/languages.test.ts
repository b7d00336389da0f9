import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, launchChromium, screenshot } from "#e2e/helpers/browser.ts";
import { startProductServer, type RunningServer } from "#e2e/helpers/server.ts";
import type { Language } from "#src/domain/languages.ts";
import { messages } from "#src/i18n/catalog.ts";
import { compileMessage } from "#src/i18n/i18n.ts";

// A reader walks every public page of the demo in French and in Spanish: no word the product
// itself writes may show in English. What people wrote (an event's title, an organization's name)
// is theirs, in whatever language they wrote it.

type Reading = Exclude<Language, "en">;

/**
 * The catalogued English a French or Spanish page must not show: every message without
 * parameters whose English differs from that language's, of at least two words or eight
 * characters (shorter ones, "Type" or "Notes", are words of many languages).
 */
function englishOnly(lang: Reading): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, message] of Object.entries(messages) as [string, Record<Language, string>][]) {
    const english = compileMessage(message.en, "en").constant;
    const translated = compileMessage(message[lang], lang).constant;
    if (english === undefined || translated === undefined) continue; // has parameters
    if (english === translated) continue; // a name, the same in both
    if (english.trim().split(/\s+/u).length < 2 && english.length < 8) continue;
    found.set(english.trim(), key);
  }
  return found;
}

/**
 * Words written by people in the demo, in English only, that happen to hold a catalogued phrase:
 * a survey's title (a figure's source), organizations' names, events' titles and parts,
 * documents' titles, and an English search hit's trail. Taken out before looking.
 */
const WRITTEN_BY_PEOPLE = [
  /Technology adoption survey \d{4}/gu,
  /Institute for Border Technology Studies/gu,
  /Break-out group [A-Z0-9]+/gu,
  /Regional workshop on disruptive technologies/gu,
  /Technology conference \(online\)/gu,
  /Case studies received from Members/gu,
  /Study Report on Disruptive Technologies/gu,
  /WCO Secretariat/gu,
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");

/** The page's visible words in its own language: text marked as another language (lang) is left out, as are hidden elements; names and placeholders count. */
const textInPageLanguage = (page: Page, lang: Reading) =>
  page.evaluate((l) => {
    const own = (el: Element) => (el.closest("[lang]")?.getAttribute("lang") ?? l).startsWith(l);
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest("script, style, template, textarea") || !el.checkVisibility() || !own(el)) continue;
      parts.push(node.nodeValue ?? "");
    }
    for (const el of document.body.querySelectorAll("[aria-label], [placeholder]")) {
      if (own(el) && el.checkVisibility()) parts.push(` ${el.getAttribute("aria-label") ?? ""} ${el.getAttribute("placeholder") ?? ""} `);
    }
    parts.push(` ${document.title} `);
    return parts.join("").replace(/\s+/gu, " ");
  }, lang);

describe.skipIf(!hasChromium)("every public page in the reader's language", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startProductServer("pglite");
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Links on the current page whose address matches, as paths, each once. */
  const links = async (page: Page, pattern: RegExp) => {
    const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href") ?? ""));
    return [...new Set(hrefs.map((h) => h.split("#")[0]!).filter((h) => pattern.test(h)))];
  };

  /** Sets the language as a reader does: French with the switcher in the header, Spanish with the language address. */
  async function readerIn(context: BrowserContext, lang: Reading): Promise<Page> {
    const page = await context.newPage();
    if (lang === "fr") {
      await page.goto(`${server.url}/`);
      await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Français" }).click();
      await page.waitForURL(`${server.url}/`);
    } else {
      await page.goto(`${server.url}/language/es?next=/`);
    }
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe(lang);
    return page;
  }

  /** Every public page of the demo, found by following links as a reader would. */
  async function publicPages(page: Page, lang: Reading): Promise<string[]> {
    const pages = ["/", "/reports", "/case-studies", "/surveys/adoption-2024/results", "/search?q=blockchain", "/search?q=cadena%20de%20bloques", "/api/docs", "/no-such-page"];
    await page.goto(`${server.url}/reports`);
    for (const report of await links(page, /^\/reports\/[^/]+\/$/u)) {
      pages.push(report, `${report}timeline`, `${report}compare`);
      await page.goto(`${server.url}${report}`);
      const contents = await links(page, new RegExp(`^${escape(report)}[^/]+/${lang}/$`, "u"));
      expect(contents.length, `editions of ${report}`).toBeGreaterThan(0);
      for (const edition of contents) {
        pages.push(edition, `${edition}no-such-chapter`);
        await page.goto(`${server.url}${edition}`);
        pages.push(...(await links(page, new RegExp(`^${escape(edition)}[^/]+$`, "u"))).filter((href) => !href.includes("/export/")));
        pages.push(...(await links(page, /\/compare\?/u)));
      }
      await page.goto(`${server.url}${report}timeline`);
      pages.push(...(await links(page, new RegExp(`^${escape(report)}events/[^/]+$`, "u"))));
    }
    await page.goto(`${server.url}/case-studies`);
    pages.push(...(await links(page, /^\/case-studies\/[^/?]+$/u)).slice(0, 2));
    return [...new Set(pages)];
  }

  for (const lang of ["fr", "es"] as const) {
    it(`shows no catalogued English on any public page in ${lang === "fr" ? "French" : "Spanish"}`, { timeout: 900_000 }, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await readerIn(context, lang);
      const english = englishOnly(lang);
      expect(english.size).toBeGreaterThan(500);
      const pages = await publicPages(page, lang);
      // Every kind of page is there: chapters of every edition, the annex, events, a case study.
      expect(pages.filter((p) => new RegExp(`/${lang}/[^/]+$`, "u").test(p)).length).toBeGreaterThan(10);
      expect(pages.some((p) => p.endsWith("/annex-case-studies"))).toBe(true);
      expect(pages.some((p) => /\/events\//u.test(p))).toBe(true);
      expect(pages.some((p) => /^\/case-studies\/./u.test(p))).toBe(true);
      const leaks: string[] = [];
      for (const path of pages) {
        const response = await page.goto(`${server.url}${path}`);
        expect(response?.status(), path).toBeLessThan(path.includes("no-such") ? 500 : 400);
        await expect(page.locator("html").getAttribute("lang"), path).resolves.toBe(lang);
        let text = await textInPageLanguage(page, lang);
        for (const phrase of WRITTEN_BY_PEOPLE) text = text.replace(phrase, " ");
        for (const [words, key] of english) {
          if (new RegExp(`(?<![\\p{L}\\p{N}])${escape(words)}(?![\\p{L}\\p{N}])`, "u").test(text)) leaks.push(`${path}: ${key} “${words}”`);
        }
      }
      expect(leaks).toEqual([]);
      await context.close();
    });
  }

  it("reads a chapter with its own contents, where it sits, citations and the chapters around it, at 1280 and 390 px, accessibly", async () => {
    for (const [lang, width] of [["fr", 1280], ["es", 390], ["fr", 390], ["es", 1280]] as const) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/reports/disruptive-technologies/2022/${lang}/blockchain`);
      const t = (fr: string, es: string) => (lang === "fr" ? fr : es);
      // The breadcrumb names the report, the edition with its label and date, and the chapter, each once.
      const crumbs = page.getByRole("navigation", { name: t("Vous êtes ici", "Usted está aquí") }).getByRole("listitem");
      await expect(crumbs.count()).resolves.toBe(3);
      await expect(crumbs.nth(1).textContent()).resolves.toMatch(lang === "fr" ? /^Édition 2022, \d+/u : /^Edición 2022, \d+/u);
      await expect(crumbs.nth(2).textContent()).resolves.toBe(await page.locator("h1 > span").last().textContent());
      // "On this page": beside the text, staying in view, on a wide screen; folded above it on a phone.
      const side = page.getByRole("navigation", { name: t("Sur cette page", "En esta página") });
      if (width >= 1100) {
        await expect(page.locator(".page-toc-fold").isVisible()).resolves.toBe(false);
        await page.mouse.wheel(0, 2500);
        await page.waitForTimeout(200);
        const box = await side.boundingBox();
        expect(box && box.y >= 0 && box.y < 900).toBe(true);
      } else {
        await expect(page.locator(".page-toc-side").isVisible()).resolves.toBe(false);
        await expect(side.isVisible()).resolves.toBe(false); // folded
        await page.locator(".page-toc-fold > summary").click();
        await expect(side.isVisible()).resolves.toBe(true);
      }
      await expect(side.getByRole("link").count()).resolves.toBeGreaterThan(3);
      const firstSection = side.getByRole("link").nth(1);
      const anchor = (await firstSection.getAttribute("href"))!;
      await firstSection.click();
      await page.waitForURL(new RegExp(`${anchor}$`, "u"));
      // A citation under each section's heading, with the chapter, the edition and the address of the section.
      const section = page.locator(`section${anchor}`);
      await section.getByText(t("Citer cette section", "Citar esta sección")).click();
      const citation = await section.locator("textarea").inputValue();
      expect(citation).toMatch(new RegExp(`/reports/disruptive-technologies/2022/${lang}/blockchain${anchor}$`, "u"));
      expect(citation).toMatch(lang === "fr" ? /édition 2022 .*chapitre 3/u : /edición 2022 .*capítulo 3/u);
      // The chapters around it, named, in the page's language.
      const pager = page.getByRole("navigation", { name: t("Chapitres précédent et suivant", "Capítulos anterior y siguiente") });
      await expect(pager.getByRole("link").first().textContent()).resolves.toContain(t("Précédent", "Anterior"));
      await expect(pager.getByRole("link").last().textContent()).resolves.toContain(t("Suivant", "Siguiente"));
      await expectAccessible(page);
      await screenshot(page, `chapter-${lang}-${width}`);
      for (const path of [`/reports/disruptive-technologies/2022/${lang}/`, "/api/docs", `/reports/disruptive-technologies/2022/${lang}/no-such-chapter`]) {
        await page.goto(`${server.url}${path}`);
        await expectAccessible(page);
      }
      await context.close();
    }
  }, 600_000);
});
