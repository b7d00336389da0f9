import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, launchChromium, screenshot } from "#e2e/helpers/browser.ts";
import { startProductServer, type RunningServer } from "#e2e/helpers/server.ts";

// A reader comparing the demo report's 2019 and 2022 editions, from the edition's own pages.

describe.skipIf(!hasChromium)("comparing editions", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const base = () => `${server.url}/reports/disruptive-technologies`;

  beforeAll(async () => {
    server = await startProductServer("pglite");
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: "en-GB" })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("follows the link on the 2022 contents page to what changed since 2019: renamed chapters, marked insertions, no Markdown", async () => {
    await page.goto(`${base()}/2022/en/`);
    await page.getByRole("link", { name: "Compare with another edition" }).click();
    await page.waitForURL(/\/compare\?to=2022&lang=en$/);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("What changed from the 2019 edition to the 2022 edition");
    await expectAccessible(page);
    await screenshot(page, "compare-2019-2022");

    const ai = page.getByRole("region", { name: "5. Big data, data analytics, AI and machine learning" });
    await expect(ai.locator(".tag").first().textContent()).resolves.toBe("Renamed");
    await expect(ai.locator(".compare-renamed").textContent()).resolves.toBe("Renamed: “Artificial intelligence” → “Big data, data analytics, AI and machine learning”");
    // Not removed and added: no chapter at all was removed.
    await expect(page.locator(".compare-chapter .tag", { hasText: "Removed" }).count()).resolves.toBe(0);

    // The rewritten section: its insertions and deletions marked inside real paragraphs, and announced.
    const section = ai.getByRole("article").filter({ has: page.getByRole("heading", { name: "5.1 What it is" }) });
    await expect(section.locator("p ins").first().textContent()).resolves.toContain("Big data means volumes");
    await expect(section.locator("p del").first().textContent()).resolves.toBe("Artificial");
    await expect(section.locator("p .visually-hidden").first().textContent()).resolves.toMatch(/^(Inserted|Deleted):/);
    // What readers see, never the source: the rewritten text put "Machine learning" in bold.
    await expect(section.locator(".compare-text p").first().textContent()).resolves.toContain("Machine learning");
    const text = (await page.locator("main").textContent()) ?? "";
    for (const syntax of ["**", "::", "{ref=", "|---|"]) expect(text).not.toContain(syntax);

    // Links to the section on both sides.
    await section.getByRole("link", { name: "Section 4.1 in the 2019 edition" }).click();
    await page.waitForURL(`${base()}/2019/en/artificial-intelligence#what-it-is`);
    await expect(page.locator("#h-what-it-is").textContent()).resolves.toContain("What it is");
    await page.goBack();
    await page.getByRole("link", { name: "Section 5.1 in the 2022 edition" }).click();
    await page.waitForURL(`${base()}/2022/en/artificial-intelligence#what-it-is`);
    await expect(page.locator("#what-it-is").textContent()).resolves.toContain("Big data means volumes");
  });

  it("goes from a chapter page to that chapter's changes, and works in French with the same two editions", async () => {
    await page.goto(`${base()}/2022/en/artificial-intelligence`);
    await page.getByRole("link", { name: "What changed in this chapter" }).click();
    await page.waitForURL(/\/compare\?to=2022&lang=en#chapter-artificial-intelligence$/);

    await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "Français" }).click();
    await page.waitForURL(/\/compare\?from=2019&to=2022&lang=fr$/);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("fr");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Ce qui a changé de l'édition 2019 à l'édition 2022");
    const blockchain = page.getByRole("region", { name: "3. Chaîne de blocs et technologie des registres distribués" });
    await expect(blockchain.locator(".compare-renamed").textContent()).resolves.toBe("Renommé\u202f: «\u202fChaîne de blocs\u202f» → «\u202fChaîne de blocs et technologie des registres distribués\u202f»");
    await expectAccessible(page);
    await screenshot(page, "compare-2019-2022-fr");
    await blockchain.getByRole("link", { name: "Chapitre 2 dans l'édition 2019" }).click();
    await page.waitForURL(`${base()}/2019/fr/blockchain`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("Chaîne de blocs");
  });
});
