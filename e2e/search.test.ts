import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, launchChromium, screenshot } from "#e2e/helpers/browser.ts";
import { startProductServer, type RunningServer } from "#e2e/helpers/server.ts";

// A reader searches the demo in Spanish, with and without accents, and lands on the section; from
// the header of the English interface, Spanish words find the chapter they name.

describe.skipIf(!hasChromium)("search in the browser", () => {
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

  it("finds a Spanish section with and without accents and opens it at its anchor", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(server.url);
    await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Español" }).click();
    await page.getByRole("search", { name: "Buscar en el sitio" }).getByRole("button", { name: "Buscar" }).click(); // the header's box, empty: the search page
    for (const words of ["envío inalterables", "envio INALTERABLES"]) {
      await page.getByLabel("Palabras que buscar").fill(words);
      await page.getByRole("main").getByRole("button", { name: "Buscar" }).click();
      await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Resultados: 1");
      expect(await page.locator(".search-results mark").first().textContent()).toMatch(/env[ií]o|inalterables/i);
    }
    await expectAccessible(page);
    await screenshot(page, "search-es");
    await page.getByRole("link", { name: "Qué es" }).click();
    expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe("/reports/disruptive-technologies/2022/es/blockchain#what-it-is");
    expect(await page.getByRole("heading", { name: /Qué es/ }).count()).toBeGreaterThan(0);
    // Filters: events of one region only.
    await page.goto(`${server.url}/search?q=workshop&kind=event&region=EUR`);
    expect(await page.locator(".search-results > li").count()).toBe(1);
  });

  it("finds the blockchain chapter from the header on the English interface with Spanish words, marked with each hit's language and trail, at 1280 and 390 px", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(server.url);
    const box = page.locator("form.header-search");
    await box.getByRole("searchbox").fill("cadena de bloques");
    await box.getByRole("button").click();
    await page.waitForURL(/\/search\?q=cadena/);
    const hits = page.locator(".search-results > li");
    expect(await hits.count()).toBeGreaterThan(0);
    const top = await hits.locator("h2 a").evaluateAll((links) => links.slice(0, 3).map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(top).toContain("/reports/disruptive-technologies/2022/en/blockchain");
    // Each hit says where it sits and in which language its words are.
    const chapter = hits.filter({ has: page.locator('h2 a[href="/reports/disruptive-technologies/2022/en/blockchain"]') });
    expect(await chapter.locator(".search-trail").textContent()).toMatch(/Study Report on Disruptive Technologies.*›.*Edition 2022/);
    expect(await chapter.locator(".tag-language").textContent()).toContain("English");
    const spanish = hits.filter({ has: page.locator('h2[lang="es"]') });
    expect(await spanish.count()).toBeGreaterThan(0);
    expect(await spanish.first().locator('.tag-language [lang="es"]').textContent()).toBe("Español");
    await expectAccessible(page);
    await screenshot(page, "search-any-language-1280");
    const results = page.url();
    await chapter.locator("h2 a").click();
    await page.waitForURL(/\/2022\/en\/blockchain$/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Blockchain");

    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
    await phone.goto(results);
    expect(await phone.locator(".search-results > li").count()).toBeGreaterThan(0);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(phone);
    await screenshot(phone, "search-any-language-390");
  });
});
