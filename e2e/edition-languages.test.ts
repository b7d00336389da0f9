import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, launchChromium, screenshot, signInAsDemo } from "#e2e/helpers/browser.ts";
import { startProductServer, type RunningServer } from "#e2e/helpers/server.ts";

// An edition's own words in each language: the demo's published editions in French, and an
// editor giving a new edition its French title, which its French pages and PDF then carry.

const words = (s: string | null) => (s ?? "").replace(/\s+/g, " ").trim();

describe.skipIf(!hasChromium)("an edition in every language", () => {
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

  it("shows the demo's 2022 edition in French with its French title, subtitle and date", async () => {
    const page = await (await browser.newContext({ locale: "fr-FR" })).newPage();
    await page.goto(`${server.url}/reports/disruptive-technologies/`);
    await expect(page.locator(".card h3").first().textContent()).resolves.toBe("Rapport d'étude sur les technologies de rupture (OMD/OMC)");
    await page.goto(`${server.url}/reports/disruptive-technologies/2022/fr/`);
    await expect(page.title()).resolves.toContain("Rapport d'étude sur les technologies de rupture (OMD/OMC)");
    await expect(page.locator("h1").textContent()).resolves.toBe("Rapport d'étude sur les technologies de rupture (OMD/OMC)");
    expect(words(await page.locator("main .lead").first().textContent())).toBe("Des projets pilotes à la pratique : une mise à jour préparée avec les milieux commerciaux");
    await expect(page.locator("h1").getAttribute("lang")).resolves.toBeNull();
    await expectAccessible(page);
    await page.goto(`${server.url}/reports/disruptive-technologies/2022/fr/blockchain`);
    const breadcrumb = words(await page.locator(".breadcrumb").textContent());
    // The report's French title once, then the edition by its label and date.
    expect(breadcrumb).toContain("Rapport d'étude sur les technologies de rupture");
    expect(breadcrumb).toContain("Édition 2022, 30 juin 2022");
    expect(breadcrumb).not.toContain("(OMD/OMC)");
    expect(breadcrumb).not.toContain("Study Report");
  });

  it("lets an editor give a new edition its French title, which its French pages and PDF carry", async () => {
    const context = await browser.newContext({ locale: "en-GB", acceptDownloads: true });
    const page = await signInAsDemo(context, server, "editor");
    await page.goto(`${server.url}/editor/reports/disruptive-technologies/editions`);
    await page.getByLabel("Label").fill("preview");
    await page.getByLabel("Subtitle").fill("A working copy for the committee");
    await page.getByRole("button", { name: "Freeze the living draft as a new edition" }).click();
    await page.waitForURL(/\/editor\/editions\/[0-9a-f-]+$/);

    const french = page.locator("#texts-fr");
    // The French title comes with the report's; the subtitle written in English has no French yet.
    await expect(french.locator("h3 .tag").textContent()).resolves.toBe("Partly translated: no subtitle");
    await french.getByLabel("Title", { exact: true }).fill("Aperçu pour le comité des technologies de rupture");
    await french.getByLabel("Subtitle").fill("Une copie de travail");
    await french.getByLabel("How the edition's date is written").selectOption("full");
    await french.getByRole("button", { name: "Save the French words" }).click();
    await page.waitForURL(/#texts-fr$/);
    await expect(page.locator("#texts-fr h3 .tag").textContent()).resolves.toBe("Up to date");
    await expect(page.locator("#texts-fr").getByLabel("Title", { exact: true }).inputValue()).resolves.toBe("Aperçu pour le comité des technologies de rupture");
    await expectAccessible(page);
    await screenshot(page, "edition-texts");

    // Members read an edition before it is published; its French pages carry the French words.
    const date = new Intl.DateTimeFormat("fr", { dateStyle: "full", timeZone: "UTC" }).format(new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`));
    await page.goto(`${server.url}/reports/disruptive-technologies/preview/fr/`);
    await expect(page.locator("h1").textContent()).resolves.toBe("Aperçu pour le comité des technologies de rupture");
    expect(words(await page.locator("main .lead").first().textContent())).toBe("Une copie de travail");
    expect(words(await page.locator(".breadcrumb").textContent())).toContain(date);
    await expectAccessible(page);
    await page.locator(".toc a").first().click();
    await page.waitForURL(/\/preview\/fr\/[a-z0-9-]+$/);
    expect(words(await page.locator(".breadcrumb").textContent())).toContain(`Édition preview, ${date}`);
    await expectAccessible(page);
    // Spanish has only the English subtitle: it is shown, marked as English.
    await page.goto(`${server.url}/reports/disruptive-technologies/preview/es/`);
    await expect(page.locator("main .lead[lang=en]").first().textContent()).resolves.toBe("A working copy for the committee");

    // The French PDF: its first page is the cover, with the French title, subtitle and date.
    await page.goto(`${server.url}/reports/disruptive-technologies/preview/fr/export/pdf`);
    await page.waitForURL(/\/jobs\/[0-9a-f-]+$/);
    const link = page.getByRole("link", { name: /disruptive-technologies-preview-fr\.pdf/ });
    await link.waitFor({ timeout: 90_000 });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const file = join(mkdtempSync(join(tmpdir(), "lr-e2e-pdf-")), "preview-fr.pdf");
    await download.saveAs(file);
    const cover = words(execFileSync("pdftotext", ["-f", "1", "-l", "1", file, "-"], { encoding: "utf8" }));
    expect(cover).toContain("Aperçu pour le comité des technologies de rupture");
    expect(cover).toContain("Une copie de travail");
    expect(cover).toContain(date);
    expect(cover).not.toContain("Study Report");
  });
});
