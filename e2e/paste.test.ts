import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, launchChromium, screenshot, signInAsDemo } from "#e2e/helpers/browser.ts";
import { richText } from "#e2e/helpers/editor.ts";
import { startProductServer, type RunningServer } from "#e2e/helpers/server.ts";
import { PROJECT_ROOT } from "#src/lib/paths.ts";

// Pasting a Word or LibreOffice document into the rich section editor, as the browser's clipboard
// carries it (text/html and text/plain), on the demo report. The fixtures: test/fixtures/paste.

const fixture = (name: string) => readFileSync(join(PROJECT_ROOT, "test/fixtures/paste", name), "utf8");
/** What the word processors leave in their HTML and must not reach the stored text. */
const JUNK = /mso-|Mso|style=|class=|color:|font-family|Comic Sans|<\/?(?:span|font|o:p|div|del|ins)\b|\[if|endif|_Toc|sdfootnote|footnote-ref|\[RO1\]|&nbsp;|&#x/i;

describe.skipIf(!hasChromium)("pasting from Word and LibreOffice", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  const openSection = async (chapter: string, section: string, lang: "en" | "fr" = "en") => {
    await page.goto(`${server.url}/editor/reports/disruptive-technologies`);
    await page.getByRole("region", { name: chapter }).getByRole("link", { name: section, exact: true }).click();
    await page.waitForURL(/\/editor\/sections\/.+\/en$/);
    if (lang !== "en") await page.goto(page.url().replace(/\/en$/, `/${lang}`));
    await page.locator("#rich-editor-root[data-ready]").waitFor({ state: "attached" });
  };
  const stored = () => page.locator("#f-body").inputValue();

  /** A paste at the end of the text, as the browser sends it: a paste event carrying HTML and plain text. */
  async function pasteAtEnd(html: string) {
    const text = richText(page);
    await text.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await text.evaluate((editor, data) => {
      const transfer = new DataTransfer();
      transfer.setData("text/html", data);
      transfer.setData("text/plain", data.replace(/<[^>]*>/g, ""));
      editor.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, html);
  }

  async function save(summary: string) {
    await page.getByLabel("Summary of the change").fill(summary);
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").filter({ hasText: /Saved as revision/ }).first().waitFor();
  }

  beforeAll(async () => {
    server = await startProductServer("pglite");
    browser = await launchChromium();
    page = await signInAsDemo(await browser.newContext({ viewport: { width: 1280, height: 900 } }), server, "editor");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("keeps the headings, nested lists, table and footnotes of a Word paste, and none of Word's markup", async () => {
    await openSection("Blockchain and distributed ledger technology", "Links with other technologies");
    const before = await stored();
    await pasteAtEnd(fixture("word-clipboard-en.html"));

    // The editor shows the document's structure: Word's Heading 1 is the editor's Heading 1 (h3).
    const text = richText(page);
    await expect.poll(() => text.locator("h3").allTextContents()).toEqual(["Single window for trade"]);
    await expect(text.locator("h4").textContent()).resolves.toBe("What changed");
    await expect(text.locator("ul > li > ul > li").first().textContent()).resolves.toBe("for imports,");
    await expect(text.locator("ul ul ul li").textContent()).resolves.toBe("Transit includes the TIR procedure.");
    await expect(text.locator("ol > li > ol > li").allTextContents()).resolves.toEqual(["Interview the agencies.", "Count the documents."]);
    await expect(text.locator("table th").allTextContents()).resolves.toEqual(["Border post", "Before", "After"]);
    await expect(text.locator(".rt-fnref").count()).resolves.toBe(2);
    await expect(text.locator(".rt-footnote").first().textContent()).resolves.toContain("See the Revised Kyoto Convention, General Annex, chapter 7.");
    await expect(text.textContent()).resolves.not.toMatch(/paper-based|\[RO1\]|Check this figure|·|§/);
    await expectAccessible(page);
    await screenshot(page, "paste-word");

    await save("Pasted from Word");
    const body = await stored();
    // What was there before keeps its bytes; the paste follows it.
    expect(body.startsWith(before.trimEnd())).toBe(true);
    expect(body).toContain("\n### Single window for trade\n");
    expect(body).toContain("**standardised information** with *one* entry point, as the [World Customs Organization](https://www.wcoomd.org/en/topics/facilitation.aspx) recommends.[^1] Formalities were fully electronic procedures");
    expect(body).toContain("- Declarations are lodged once:\n  - for imports,\n  - for exports and **transit**.\n    - Transit includes the TIR procedure.\n- Fees are paid online.");
    expect(body).toContain("1. Map the procedures.\n   1. Interview the agencies.\n   2. Count the documents.\n2. Agree on a data model[^2].\n3. Go live.");
    expect(body).toMatch(/\n\| Border post \| Before +\| After +\|\n\| -+ \| -+ \| -+ \|\n\| North +\| 3 days +\| \*\*4 hours\*\* \|\n\| South +\| Not yet connected \| +\|\n/);
    expect(body).toContain("for a month.\\\nPaper copies were then withdrawn.");
    expect(body).toMatch(/\n\[\^1\]: See the \*Revised Kyoto Convention\*, General Annex, chapter 7\.\n/);
    expect(body).toMatch(/\n\[\^2\]: The WCO Data Model, version 3\.10\.(?:\n|$)/);
    expect(body).not.toMatch(JUNK);
    // The preview renders the pasted footnotes and table.
    await expect(page.locator("#preview .footnotes li").count()).resolves.toBe(2);
    await expect(page.locator("#preview table th").first().textContent()).resolves.toBe("Border post");
  });

  it("keeps a LibreOffice paste in a French translation, French spaces as typed", async () => {
    await openSection("Blockchain and distributed ledger technology", "Potential future use", "fr");
    const before = await stored();
    expect(before).toContain("Les registres pourraient");
    await pasteAtEnd(fixture("libreoffice-fr.html"));

    const text = richText(page);
    await expect.poll(() => text.locator("h3").allTextContents()).toEqual(["Guichet unique du commerce"]);
    await expect(text.locator("h5").textContent()).resolves.toBe("Méthode");
    await expect(text.locator("ul > li > ul > li").first().textContent()).resolves.toBe("à l’importation,");
    await expect(text.locator("ol > li > ul > li").allTextContents()).resolves.toEqual(["Interroger les administrations.", "Compter les documents."]);
    await expect(text.locator("table th").allTextContents()).resolves.toEqual(["Poste frontière", "Avant", "Après"]);
    await expect(text.locator(".rt-fnref").count()).resolves.toBe(2);
    await expect(text.locator(".rt-footnote").nth(1).textContent()).resolves.toContain("Le modèle de données de l’OMD, version 3.10.");
    await expectAccessible(page);
    await screenshot(page, "paste-libreoffice-fr");

    await save("Collé depuis LibreOffice");
    const body = await stored();
    expect(body.startsWith(before.trimEnd())).toBe(true);
    expect(body).toContain("\n### Guichet unique du commerce\n");
    expect(body).toContain("- Les déclarations sont déposées une seule fois\u00a0:\n  - à l’importation,\n  - à l’exportation et en **transit**.\n    - Le transit comprend le régime TIR.\n- Les droits sont payés en ligne.");
    expect(body).toContain("Le slogan était\u00a0: «\u00a0Un dépôt, une fois\u00a0!\u00a0» Vraiment\u202f? Oui\u202f;");
    expect(body).toMatch(/\n\| Poste frontière \| Avant +\| Après +\|\n/);
    expect(body).toMatch(/\n\[\^1\]: Voir la \*Convention de Kyoto révisée\*, annexe générale, chapitre 7\.\n/);
    expect(body).not.toMatch(JUNK);
  });
});
