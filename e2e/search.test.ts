import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, launchChromium, screenshot } from "#e2e/helpers/browser.ts";
import { startProductServer, type RunningServer } from "#e2e/helpers/server.ts";

// A reader searches the demo in Spanish, with and without accents, and lands on the section.

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
    await page.getByRole("link", { name: "Buscar" }).first().click();
    for (const words of ["envío inalterables", "envio INALTERABLES"]) {
      await page.getByLabel("Palabras que buscar").fill(words);
      await page.getByRole("button", { name: "Buscar" }).click();
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
});
