import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, launchChromium, screenshot, signInAsDemo } from "#e2e/helpers/browser.ts";
import { startProductServer, type RunningServer } from "#e2e/helpers/server.ts";

// The site on a phone (390 × 844) and on a wide screen: the header folded behind "Menu" with and
// without JavaScript, the library's results before its facets, the sort that applies on change,
// and the web fonts actually in use.

const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const WIDE: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };
const CHAPTER = "/reports/disruptive-technologies/2022/en/blockchain";

describe.skipIf(!hasChromium)("on a phone and on a wide screen", () => {
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

  const header = (page: Page) => page.locator("header.site-header");
  const menu = (page: Page) => page.locator("details.site-menu > summary");
  const mainNav = (page: Page) => page.getByRole("navigation", { name: "Main" });

  it("folds the header behind Menu on a phone: short, opens and closes, search and languages inside", async () => {
    const page = await (await browser.newContext(PHONE)).newPage();
    await page.goto(server.url + CHAPTER);
    const box = await header(page).boundingBox();
    expect(box!.height).toBeLessThanOrEqual(64);
    expect(await mainNav(page).getByRole("link", { name: "Reports" }).isVisible()).toBe(false);
    expect(await page.getByRole("searchbox", { name: "Search the site" }).isVisible()).toBe(false);
    await expectAccessible(page);
    await screenshot(page, "phone-chapter");

    await menu(page).click();
    await mainNav(page).getByRole("link", { name: "Reports" }).waitFor({ state: "visible" });
    expect(await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Français" }).isVisible()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, "phone-menu-open");
    // Escape closes it and gives the focus back to its summary (menu.js).
    await page.getByRole("searchbox", { name: "Search the site" }).focus();
    await page.keyboard.press("Escape");
    expect(await mainNav(page).getByRole("link", { name: "Reports" }).isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.closest("summary") !== null)).toBe(true);
    // A click outside the header closes it too.
    await menu(page).click();
    await page.mouse.click(195, 820); // below the open panel
    expect(await mainNav(page).getByRole("link", { name: "Reports" }).isVisible()).toBe(false);

    // The search box of the header sends the words to /search.
    await menu(page).click();
    await page.getByRole("searchbox", { name: "Search the site" }).fill("blockchain");
    await page.getByRole("search", { name: "Search the site" }).getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/\/search\?q=blockchain$/);
    await menu(page).click();
    expect(await page.getByRole("searchbox", { name: "Search the site" }).inputValue()).toBe("blockchain");
  });

  it("loads the web fonts on a chapter page", async () => {
    const page = await (await browser.newContext(PHONE)).newPage();
    await page.goto(server.url + CHAPTER);
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return {
        serif: document.fonts.check('16px "Source Serif 4"'),
        sans: document.fonts.check('16px "Source Sans 3"'),
        loaded: [...document.fonts].filter((f) => f.status === "loaded").map((f) => `${f.family} ${f.weight} ${f.style}`),
        h1: getComputedStyle(document.querySelector("main h1")!).fontFamily,
      };
    });
    expect(fonts.serif).toBe(true);
    expect(fonts.sans).toBe(true);
    expect(fonts.loaded).toEqual(expect.arrayContaining(["Source Serif 4 400 normal", "Source Serif 4 600 700 normal", "Source Sans 3 400 normal"]));
    expect(fonts.h1).toMatch(/^"Source Serif 4"/);
  });

  it("works without JavaScript: the menu and the editor's Secretariat menu open as disclosures", async () => {
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url + CHAPTER);
    expect(await mainNav(page).getByRole("link", { name: "Case studies" }).isVisible()).toBe(false);
    await menu(page).click();
    await mainNav(page).getByRole("link", { name: "Case studies" }).click();
    await page.waitForURL(`${server.url}/case-studies`);
    // The library's sort applies with its own button when there is no script.
    await page.getByLabel("Sort by").selectOption("title");
    await page.getByRole("button", { name: "Sort", exact: true }).click();
    await page.waitForURL(/sort=title/);

    const editor = await signInAsDemo(context, server, "editor");
    await editor.goto(`${server.url}/draft`);
    await menu(editor).click();
    await editor.locator("summary", { hasText: "Secretariat" }).click();
    await editor.getByRole("link", { name: "Case studies to moderate" }).waitFor({ state: "visible" });
    await screenshot(editor, "phone-secretariat-no-js");
  });

  it("keeps the editor's menus working with the keyboard on a phone", async () => {
    const context = await browser.newContext(PHONE);
    const page = await signInAsDemo(context, server, "editor");
    await page.goto(`${server.url}/member`);
    await menu(page).focus();
    await page.keyboard.press("Enter");
    const secretariat = page.locator("summary", { hasText: "Secretariat" });
    await secretariat.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("link", { name: "Case studies to moderate" }).waitFor({ state: "visible" });
    await expectAccessible(page);
    // Escape closes the inner menu first, then the phone menu.
    await page.keyboard.press("Escape");
    expect(await page.getByRole("link", { name: "Case studies to moderate" }).isVisible()).toBe(false);
    expect(await mainNav(page).getByRole("link", { name: "My work" }).isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    expect(await mainNav(page).getByRole("link", { name: "My work" }).isVisible()).toBe(false);
  });

  it("puts the library's results first on a phone, the facets behind Filter, and sorts on change", async () => {
    const page = await (await browser.newContext(PHONE)).newPage();
    await page.goto(`${server.url}/case-studies`);
    const first = page.locator(".results > li h2 a").first();
    const box = await first.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(844);
    const facet = page.getByRole("checkbox", { name: /Blockchain and distributed ledgers/ });
    expect(await facet.isVisible()).toBe(false);
    // With the script, the sort's button is out of sight and a change applies the order.
    const sortButton = page.getByRole("button", { name: "Sort", exact: true });
    expect(await sortButton.getAttribute("class")).toContain("visually-hidden");
    expect(await sortButton.evaluate((button) => getComputedStyle(button).clip)).toBe("rect(0px, 0px, 0px, 0px)");
    await expectAccessible(page);
    await screenshot(page, "phone-library");

    const filter = page.locator("details.library-filters > summary");
    expect((await filter.textContent())?.trim()).toBe("Filter");
    await filter.click();
    await facet.check();
    await page.getByRole("button", { name: "Apply" }).first().click();
    await page.waitForURL(/technology=/);
    expect((await filter.textContent())?.trim()).toBe("Filter (1 active)");
    const count = await page.locator(".results > li").count();

    await page.getByLabel("Sort by").selectOption("title");
    await page.waitForURL(/sort=title/);
    expect(new URL(page.url()).searchParams.getAll("technology")).toHaveLength(1);
    expect(await page.locator(".results > li").count()).toBe(count);
    const titles = await page.locator(".results > li h2").allTextContents();
    const lower = titles.map((title) => title.trim().toLowerCase());
    expect(lower).toEqual([...lower].sort());
    // With the keyboard, arrowing through the orders reloads nothing; Enter applies the one reached.
    expect(await sortButton.getAttribute("tabindex")).toBe("-1");
    await page.getByLabel("Sort by").focus();
    await page.keyboard.press("ArrowDown");
    await page.waitForTimeout(500);
    expect(new URL(page.url()).searchParams.get("sort")).toBe("title");
    await Promise.all([page.waitForURL(/sort=year/), page.keyboard.press("Enter")]);
    await filter.click();
    await expectAccessible(page);
    await screenshot(page, "phone-library-filter");
  });

  it("keeps the header on one row at 1280 px for a reader and for an editor, facets beside the results", async () => {
    const reader = await (await browser.newContext(WIDE)).newPage();
    const editor = await signInAsDemo(await browser.newContext(WIDE), server, "editor");
    for (const [page, path, name] of [
      [reader, CHAPTER, "wide-reader-chapter"],
      [editor, "/", "wide-editor-home"],
    ] as const) {
      await page.goto(server.url + path);
      expect(await menu(page).isVisible()).toBe(false);
      const tops = await page.evaluate(() =>
        [".brand", ".main-nav", ".header-search", ".lang-nav"].map((s) => {
          const r = document.querySelector(s)!.getBoundingClientRect();
          return Math.round(r.top + r.height / 2);
        }),
      );
      expect(new Set(tops).size, `${name}: ${tops.join(", ")}`).toBeLessThanOrEqual(2); // centres within a pixel
      expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(1);
      expect((await header(page).boundingBox())!.height).toBeLessThanOrEqual(72);
      expect(await page.getByRole("searchbox", { name: "Search the site" }).isVisible()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      await expectAccessible(page);
      await screenshot(page, name);
    }
    await reader.goto(`${server.url}/case-studies`);
    expect(await reader.locator("details.library-filters > summary").isVisible()).toBe(false);
    expect(await reader.getByRole("checkbox", { name: /Blockchain and distributed ledgers/ }).isVisible()).toBe(true);
    await expectAccessible(reader);
  });
});
