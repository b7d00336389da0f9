import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, launchChromium, screenshot, signInAsDemo } from "#e2e/helpers/browser.ts";
import { markdownSource } from "#e2e/helpers/editor.ts";
import { inviteAndAccept } from "#e2e/helpers/accounts.ts";
import { startProductServer, type RunningServer } from "#e2e/helpers/server.ts";

// Editors writing the living draft in a real browser, on the demo report.

describe.skipIf(!hasChromium)("the living draft", () => {
  let server: RunningServer;
  let browser: Browser;
  let one: Page;
  let two: Page;

  const openSection = async (page: Page, chapter: string, section: string) => {
    await page.goto(`${server.url}/editor/reports/disruptive-technologies`);
    await page.getByRole("region", { name: chapter }).getByRole("link", { name: section, exact: true }).click();
    await page.waitForURL(/\/editor\/sections\/.+\/en$/);
    await markdownSource(page); // these tests type Markdown
  };

  beforeAll(async () => {
    server = await startProductServer("pglite");
    browser = await launchChromium();
    // The first editor is the demo administrator; they invite the second, who joins from the link.
    const setup = await signInAsDemo(await browser.newContext(), server, "admin");
    two = await inviteAndAccept(setup, server, { name: "Editor Two", email: "two@example.org", role: "editor", password: "editor two password" }, await browser.newContext());
    one = setup;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("builds a chapter from a template, writes a section, and compares two revisions", async () => {
    await one.goto(`${server.url}/editor/reports/disruptive-technologies`);
    await expectAccessible(one);
    await one.getByLabel("Chapter title").last().fill("Cargo robots");
    await one.getByLabel("Start from").selectOption("technology");
    await one.getByRole("button", { name: "Add a chapter" }).click();
    const drones = one.getByRole("region", { name: "Cargo robots" });
    await drones.waitFor();
    await expect.poll(() => drones.locator(".outline-section").count(), { timeout: 15_000 }).toBe(6);
    await screenshot(one, "draft-outline");
    // Reordering with plain buttons (keyboard-friendly, no drag and drop).
    await drones.getByText("Actions for section “How it is used today”").click();
    await drones.getByRole("listitem").nth(1).getByRole("button", { name: "↑ Move up" }).click();
    // The move reloads the outline: wait for the new order rather than reading the page mid-load.
    await expect
      .poll(async () => (await one.getByRole("region", { name: "Cargo robots" }).locator(".outline-title").allTextContents()).slice(0, 2), { timeout: 15_000 })
      .toEqual(["How it is used today", "What it is"]);
    await drones.getByRole("link", { name: "What it is", exact: true }).click();
    await markdownSource(one);
    await one.getByLabel("Text", { exact: true }).fill(
      "Drones carry cameras over borders.[^1]\n\n| Use | Members |\n|---|---|\n| Surveillance | 9 |\n\n::figure{ref=adoption-by-technology}\n\n::figure{ref=drone-use}\n\n[^1]: Mostly along land borders.",
    );
    await one.getByLabel("Summary of the change").fill("First text");
    await one.getByRole("button", { name: "Save" }).click();
    // A busy machine may still be loading the page the save redirected to: each check waits for it.
    await one.getByRole("status").filter({ hasText: /Saved as revision \d+\./ }).first().waitFor();
    // The text's own table (a figure's data table is inside the figure).
    await expect.poll(() => one.locator("#preview table:not(figure table)").count(), { timeout: 15_000 }).toBe(1);
    // A known figure is drawn from the survey; an unknown one is flagged for the editor.
    await expect.poll(() => one.locator("#preview figure.directive-figure img").count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => one.locator("#preview .content-warning").textContent(), { timeout: 15_000 }).toContain("drone-use");
    await expectAccessible(one);
    await screenshot(one, "draft-editor");
    await one.getByLabel("Text", { exact: true }).fill(
      "Drones carry thermal cameras over land borders.[^1]\n\n| Use | Members |\n|---|---|\n| Surveillance | 9 |\n\n::figure{ref=adoption-by-technology}\n\n::figure{ref=drone-use}\n\n[^1]: Mostly along land borders.",
    );
    // The island renders the preview while typing, through the server's own pipeline.
    await one.locator("#preview", { hasText: "thermal cameras" }).waitFor();
    await one.getByRole("button", { name: "Save" }).click();
    await one.getByRole("status").filter({ hasText: /Saved as revision/ }).first().waitFor();
    await one.getByRole("link", { name: "History" }).click();
    await one.waitForURL(/\/history$/);
    await expect(one.getByRole("row").count()).resolves.toBe(4); // header + template + two saves
    await expectAccessible(one);
    await one.getByRole("button", { name: "Compare: Inline" }).click();
    await expect(one.locator(".diff ins").allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringContaining("thermal")]));
    await expectAccessible(one);
    await screenshot(one, "draft-diff");
  });

  it("shows the second of two simultaneous editors a merge, and loses nobody's words", async () => {
    await openSection(one, "Internet of Things", "What it is");
    await openSection(two, "Internet of Things", "What it is");
    const original = await one.getByLabel("Text", { exact: true }).inputValue();
    await one.getByLabel("Text", { exact: true }).fill(`${original}\n\nEditor one adds a paragraph about e-seals.`);
    await two.getByLabel("Text", { exact: true }).fill(`Editor two rewrites the opening.\n\n${original}`);
    await one.getByRole("button", { name: "Save" }).click();
    await expect(one.getByRole("status").first().textContent()).resolves.toMatch(/Saved as revision/);
    // The save itself, not a preview the island may still be asking for while the text settles.
    const response = two.waitForResponse((r) => r.request().method() === "POST" && /\/editor\/sections\/[0-9a-f-]{36}\/en$/.test(new URL(r.url()).pathname));
    await two.getByRole("button", { name: "Save" }).click();
    expect((await response).status()).toBe(409);
    await two.getByRole("heading", { name: "Someone saved this section while you were editing" }).waitFor({ state: "visible" });
    const merged = await two.getByLabel("Proposed merge").inputValue();
    expect(merged).toContain("Editor one adds a paragraph about e-seals.");
    expect(merged).toContain("Editor two rewrites the opening.");
    await expectAccessible(two);
    await screenshot(two, "draft-conflict");
    await two.getByRole("button", { name: "Save" }).click();
    await expect(two.getByRole("status").first().textContent()).resolves.toMatch(/Saved as revision/);
    const final = await two.getByLabel("Text", { exact: true }).inputValue();
    expect(final).toContain("Editor one adds a paragraph about e-seals.");
    expect(final).toContain("Editor two rewrites the opening.");
  });

  it("marks the French translation out of date when the English changes, until it is updated", async () => {
    await openSection(one, "Blockchain", "What it is");
    const french = one.getByRole("navigation", { name: "Translations" }).getByRole("link", { name: /Français/ });
    await expect(french.textContent()).resolves.toContain("Up to date");
    const text = await one.getByLabel("Text", { exact: true }).inputValue();
    await one.getByLabel("Text", { exact: true }).fill(text.replace("several parties", "several independent parties"));
    await one.getByRole("button", { name: "Save" }).click();
    await expect(french.textContent()).resolves.not.toContain("Up to date");
    await french.click();
    await one.getByText("Out of date: the source has changed since this translation.").waitFor({ state: "visible" });
    await expect(one.locator(".source .diff ins").allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringContaining("independent")]));
    await expectAccessible(one);
    await screenshot(one, "draft-translation");
    const fr = await one.getByLabel("Text", { exact: true }).inputValue();
    await one.getByLabel("Text", { exact: true }).fill(fr.replace("plusieurs parties", "plusieurs parties indépendantes"));
    await one.getByRole("button", { name: "Save" }).click();
    await expect(one.getByRole("navigation", { name: "Translations" }).getByRole("link", { name: /Français/ }).textContent()).resolves.toContain("Up to date");
  });

  it("renders hostile Markdown inert in the draft", async () => {
    await openSection(one, "Internet of Things", "How it is used today");
    await one.getByLabel("Text", { exact: true }).fill('<script>window.pwned = 1</script>\n\n<img src=x onerror="window.pwned = 2">\n\n[link](javascript:window.pwned=3)');
    await one.getByRole("button", { name: "Save" }).click();
    await one.goto(`${server.url}/draft/disruptive-technologies/en/internet-of-things`);
    await expect(one.locator('.prose a[href^="javascript"]').count()).resolves.toBe(0);
    await expect(one.evaluate(() => (window as unknown as { pwned?: number }).pwned)).resolves.toBeUndefined();
    await expect(one.locator(".prose script, .prose img[onerror]").count()).resolves.toBe(0);
  });

  it("lets members read the draft with contents, anchors and a language fallback", async () => {
    await one.goto(`${server.url}/draft/disruptive-technologies/fr/`);
    await expectAccessible(one);
    await one.getByRole("link", { name: "De quoi s'agit-il" }).first().click();
    expect(one.url()).toContain("/draft/disruptive-technologies/fr/blockchain#what-it-is");
    // A chapter written in English only says so once, at its top.
    await one.goto(`${server.url}/draft/disruptive-technologies/fr/biometrics`);
    await one.getByText("Ce chapitre n’est pas disponible en français\u202f; il est affiché en anglais.").waitFor({ state: "visible" });
    expect(await one.getByText("Pas encore traduit en français").count()).toBe(0);
    await expectAccessible(one);
    await screenshot(one, "draft-reading-fr");
    const anonymous = await (await browser.newContext()).newPage();
    await anonymous.goto(`${server.url}/draft/disruptive-technologies/en/`);
    expect(anonymous.url()).toContain("/sign-in");
  });
});
