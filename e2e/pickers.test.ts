import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, launchChromium, screenshot, signInAsDemo } from "#e2e/helpers/browser.ts";
import { inviteAndAccept } from "#e2e/helpers/accounts.ts";
import { startProductServer, type RunningServer } from "#e2e/helpers/server.ts";

// Unsaved work kept in the browser across a closed tab (and never overwriting a newer revision),
// and the evidence picker, driven with the keyboard in a real browser on the demo report.

describe.skipIf(!hasChromium)("autosave and the evidence picker", () => {
  let server: RunningServer;
  let browser: Browser;
  let mine: BrowserContext;
  let theirs: Page;

  const sectionUrl = async (page: Page, chapter: string, section: string) => {
    await page.goto(`${server.url}/editor/reports/disruptive-technologies`);
    await page.getByRole("region", { name: chapter }).getByRole("link", { name: section, exact: true }).click();
    await page.waitForURL(/\/editor\/sections\/.+\/en$/);
    return page.url();
  };

  const open = async (url: string) => {
    const page = await mine.newPage();
    await page.goto(url);
    await page.locator('#rich-editor-root[data-ready="true"]').waitFor();
    return page;
  };

  const body = (page: Page) => page.locator("#f-body");
  const surface = (page: Page) => page.locator('#rich-editor-root [contenteditable="true"]');

  /** Types at the end of the text in the rich editor, and waits until the form's field holds it. */
  const typeAtEnd = async (page: Page, words: string) => {
    await surface(page).click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type(words);
    await expect.poll(() => body(page).inputValue(), poll).toContain(words);
  };

  /** What was kept for this page's section, read from the browser's storage. */
  const kept = (page: Page) =>
    page.evaluate(() => {
      const section = location.pathname.split("/")[3]!;
      return Object.keys(localStorage)
        .filter((k) => k.startsWith("lr-unsaved:") && k.includes(section))
        .map((k) => localStorage.getItem(k));
    });
  // A shared machine can be slow: the server draws figures and renders previews meanwhile.
  const poll = { timeout: 15_000 };

  const saveResponse = (page: Page) => page.waitForResponse((r) => r.request().method() === "POST" && /\/editor\/sections\/[0-9a-f-]{36}\/en$/.test(new URL(r.url()).pathname));

  beforeAll(async () => {
    server = await startProductServer("pglite");
    browser = await launchChromium();
    // The demo administrator writes; an editor they invite saves meanwhile from another browser.
    const admin = await signInAsDemo((mine = await browser.newContext()), server, "admin");
    theirs = await inviteAndAccept(admin, server, { name: "Editor Two", email: "two@example.org", role: "editor", password: "editor two password" }, await browser.newContext());
    await admin.close();
    // A busy machine can take long over the start and the two sign-ins; a step that fails names itself before this limit.
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("keeps what was typed when the tab is closed unsaved, and gives it back only when asked", async () => {
    const first = await mine.newPage();
    const url = await sectionUrl(first, "Internet of Things", "What it is");
    await first.locator('#rich-editor-root[data-ready="true"]').waitFor();
    await typeAtEnd(first, "Kept through a closed tab.");
    // Kept a second after the last change, without saving.
    await expect.poll(() => kept(first), poll).toEqual([expect.stringContaining("Kept through a closed tab.")]);
    await first.close();

    const again = await open(url);
    const banner = again.locator(".autosave-banner");
    await again.getByRole("status").filter({ hasText: "Unsaved work from" }).waitFor();
    // Offered, not applied.
    expect(await body(again).inputValue()).not.toContain("Kept through a closed tab.");
    await expectAccessible(again);
    await screenshot(again, "autosave-offer");
    await banner.getByRole("button", { name: "Restore" }).click();
    await expect.poll(() => body(again).inputValue(), poll).toContain("Kept through a closed tab.");
    await expect(surface(again).textContent()).resolves.toContain("Kept through a closed tab.");
    await expect(banner.textContent()).resolves.toContain("Save to keep it.");

    const saved = saveResponse(again);
    await again.getByRole("button", { name: "Save", exact: true }).click();
    expect((await saved).status()).toBe(303);
    await again.getByRole("status").filter({ hasText: /Saved as revision/ }).waitFor();
    expect(await body(again).inputValue()).toContain("Kept through a closed tab.");
    // Saved: the page shows what was kept, which is then forgotten, and nothing is offered.
    await expect.poll(() => kept(again), poll).toEqual([]);
    await again.close();
    const later = await open(url);
    await expect(later.getByText("Unsaved work from").count()).resolves.toBe(0);
    await later.close();
  });

  it("restores work begun on an older revision as a conflict to resolve, never over the newer one", async () => {
    const url = await sectionUrl(theirs, "Blockchain", "What it is");
    const page = await open(url);
    await typeAtEnd(page, "My paragraph, typed on the old revision.");
    await expect.poll(() => kept(page), poll).toEqual([expect.stringContaining("My paragraph, typed on the old revision.")]);
    await page.close();

    // Meanwhile someone else saves a newer revision.
    await theirs.locator('#rich-editor-root[data-ready="true"]').waitFor();
    await typeAtEnd(theirs, "Their paragraph, saved first.");
    await theirs.getByRole("button", { name: "Save", exact: true }).click();
    await theirs.getByRole("status").filter({ hasText: /Saved as revision/ }).waitFor();

    const back = await open(url);
    const banner = back.getByRole("status").filter({ hasText: "someone has saved a newer version" });
    await banner.waitFor();
    await expectAccessible(back);
    await banner.getByRole("button", { name: "Restore" }).click();
    await expect.poll(() => body(back).inputValue(), poll).toContain("My paragraph, typed on the old revision.");
    expect(await body(back).inputValue()).not.toContain("Their paragraph, saved first.");
    // Saving goes through the conflict handling: the newer revision is not overwritten.
    const response = saveResponse(back);
    await back.getByRole("button", { name: "Save", exact: true }).click();
    expect((await response).status()).toBe(409);
    await back.getByRole("heading", { name: "Someone saved this section while you were editing" }).first().waitFor();
    await screenshot(back, "autosave-conflict");
    await theirs.reload();
    await expect.poll(() => body(theirs).inputValue(), poll).toContain("Their paragraph, saved first.");
    expect(await body(theirs).inputValue()).not.toContain("My paragraph, typed on the old revision.");
    await back.close();
  });

  it("opens the figure picker from the keyboard, searches, inserts the chosen figure, and gives focus back on Escape", async () => {
    const url = await sectionUrl(theirs, "Biometrics", "What it is");
    const page = await open(url);
    await surface(page).click();
    await page.keyboard.press("Control+End");
    const figure = page.locator("#rich-editor-root").getByRole("button", { name: "Figure", exact: true });
    await figure.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Insert a figure" });
    await dialog.waitFor();
    const search = dialog.getByRole("combobox", { name: "Search by title, technology or reference" });
    await expect(search.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await dialog.getByRole("option").first().waitFor();
    await page.keyboard.type("radar");
    await expect.poll(() => dialog.getByRole("option").allTextContents(), poll).toEqual([expect.stringContaining("Technology radar (2024, compared with 2021)")]);
    await expectAccessible(page);
    await screenshot(page, "picker-figure");
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "detached" });
    await expect.poll(() => body(page).inputValue(), poll).toContain("::figure{ref=technology-radar}");

    // Escape closes without choosing, and focus goes back to the text.
    await figure.focus();
    await page.keyboard.press("Enter");
    await dialog.getByRole("option").first().waitFor();
    await page.keyboard.type("ledger");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await expect(page.evaluate(() => document.activeElement?.closest("#rich-editor-root") !== null)).resolves.toBe(true);
    expect((await body(page).inputValue()).match(/::figure\{/g)?.length).toBe(1);

    // A phone's width: the dialog fits.
    await page.setViewportSize({ width: 360, height: 740 });
    await figure.focus();
    await page.keyboard.press("Enter");
    await dialog.getByRole("option").first().waitFor();
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    await screenshot(page, "picker-phone");
    await page.keyboard.press("Escape");
    await page.close();
  });
});
