import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, launchChromium, screenshot } from "#e2e/helpers/browser.ts";
import { startProductServer, type RunningServer } from "#e2e/helpers/server.ts";

// A reader on the published site of the demo report (its 2019 and 2022 editions are published at start-up).

describe.skipIf(!hasChromium)("published editions", () => {
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

  it("takes a reader from the edition list to a section in French, and cites it by its stable URL", async () => {
    const page = await (await browser.newContext({ locale: "en-GB" })).newPage();
    await page.goto(`${server.url}/reports`);
    await page.getByRole("link", { name: "Study Report on Disruptive Technologies" }).click();
    await expectAccessible(page);
    await screenshot(page, "editions-list");
    await page.getByRole("link", { name: "Study Report on Disruptive Technologies" }).first().click();
    await page.getByRole("link", { name: "Blockchain" }).click();
    await page.goto(`${page.url()}#what-it-is`);
    await expectAccessible(page);
    await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Français" }).click();
    await page.waitForURL(/\/fr\/blockchain#what-it-is$/);
    expect(page.url()).toBe(`${server.url}/reports/disruptive-technologies/2022/fr/blockchain#what-it-is`);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("fr");
    await expect(page.locator("#h-what-it-is").textContent()).resolves.toContain("De quoi s'agit-il");
    await page.locator("#what-it-is").getByText("Citer cette section").click();
    const citation = await page.locator("#cite-what-it-is").inputValue();
    expect(citation).toContain("http://localhost:");
    expect(citation).toContain("/reports/disruptive-technologies/2022/fr/blockchain#what-it-is");
    expect(citation).toContain("«\u202fDe quoi s'agit-il\u202f»");
    await expectAccessible(page);
    await screenshot(page, "edition-chapter-fr");
  });

  it("lets a reader download the edition as PDF, watching the job's progress", async () => {
    const page = await (await browser.newContext({ locale: "en-GB", acceptDownloads: true })).newPage();
    await page.goto(`${server.url}/reports/disruptive-technologies/2022/en/`);
    await page.getByRole("link", { name: "PDF" }).click();
    await page.waitForURL(/\/jobs\/[0-9a-f-]+$/);
    // The live page reloads itself when the job ends, which would pull the page from under axe:
    // the same job page is checked where it cannot reload, with its polling script blocked.
    const still = await (await browser.newContext({ locale: "en-GB" })).newPage();
    await still.route(/\/assets\/job\.js(\?|$)/, (route) => route.abort());
    await still.goto(page.url());
    await expectAccessible(still);
    // The server's job runner produces the file; the page notices and offers the download.
    const link = page.getByRole("link", { name: /Download disruptive-technologies-2022-en\.pdf/ });
    await link.waitFor({ timeout: 60_000 });
    await expectAccessible(page);
    await screenshot(page, "job-done");
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("disruptive-technologies-2022-en.pdf");
  });

  it("serves published pages with a strong ETag and answers revalidation with 304", async () => {
    const url = `${server.url}/reports/disruptive-technologies/2022/en/blockchain`;
    const first = await fetch(url);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect((await fetch(url, { headers: { "if-none-match": etag! } })).status).toBe(304);
    const current = await fetch(`${server.url}/reports/disruptive-technologies/current/en/`, { redirect: "manual" });
    expect(current.status).toBe(302);
    expect(current.headers.get("location")).toBe("/reports/disruptive-technologies/2022/en/");
  });
});
