import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, launchChromium, screenshot, signInAsDemo } from "#e2e/helpers/browser.ts";
import { richText } from "#e2e/helpers/editor.ts";
import { startProductServer, type RunningServer } from "#e2e/helpers/server.ts";

// Writing a section as in a word processor, over the same stored Markdown, on the demo report.

describe.skipIf(!hasChromium)("the rich section editor", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  const openSection = async (chapter: string, section: string) => {
    await page.goto(`${server.url}/editor/reports/disruptive-technologies`);
    await page.getByRole("region", { name: chapter }).getByRole("link", { name: section, exact: true }).click();
    await page.waitForURL(/\/editor\/sections\/.+\/en$/);
    await page.locator("#rich-editor-root[data-ready]").waitFor({ state: "attached" });
  };
  const stored = () => page.locator("#f-body").inputValue();
  const sourceToggle = () => page.getByRole("button", { name: "Markdown source" });

  beforeAll(async () => {
    server = await startProductServer("pglite");
    browser = await launchChromium();
    page = await signInAsDemo(await browser.newContext({ viewport: { width: 1280, height: 900 } }), server, "editor");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("gives back the very bytes of a section saved untouched, and shows them as source", async () => {
    await openSection("Blockchain and distributed ledger technology", "How it is used today");
    const before = await stored();
    expect(before).toContain("Table: What each stage");
    // The rich text shows the table with its caption, and the case studies as chips, not syntax.
    const text = richText(page);
    await expect(text.locator("table").count()).resolves.toBe(1);
    await expect(text.locator(".rt-caption").textContent()).resolves.toBe("What each stage of adoption usually means");
    await expect(text.locator(".rt-evidence-inline").count()).resolves.toBe(2);
    await expect(text.textContent()).resolves.not.toContain(":case-study[");
    await expect(page.locator("#f-body").isVisible()).resolves.toBe(false);
    await expectAccessible(page);

    // The source toggle shows the same Markdown, and going back reads it again.
    await sourceToggle().click();
    await expect(sourceToggle().getAttribute("aria-pressed")).resolves.toBe("true");
    await expect(page.getByLabel("Text", { exact: true }).inputValue()).resolves.toBe(before);
    await expect(text.isVisible()).resolves.toBe(false);
    await expectAccessible(page);
    await sourceToggle().click();
    await expect(text.isVisible()).resolves.toBe(true);

    // The keyboard alone: Tab leaves the text (no trap), Shift+Tab reaches the toolbar, whose
    // arrows move between its controls, and Escape goes back to the text.
    await text.locator("p").first().click();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent ?? document.activeElement?.id);
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("f-summary");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    await expect(focused()).resolves.toBe("Text style");
    await page.keyboard.press("ArrowRight");
    await expect(focused()).resolves.toBe("Bold");
    await page.keyboard.press("Escape");
    await expect(page.evaluate(() => document.activeElement?.classList.contains("ProseMirror"))).resolves.toBe(true);

    // Clicked into and saved without a change: nothing to save.
    await text.click();
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").filter({ hasText: "Nothing changed, so no revision was made." }).first().waitFor();
    await expect(stored()).resolves.toBe(before);
  });

  it("writes a heading, bold words, a table with its caption, a footnote and a figure picked from the picker", async () => {
    await openSection("Drones", "Benefits and risks");
    const text = richText(page);
    await text.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Where drones help");
    await page.keyboard.press("Control+Alt+2");
    await expect(page.getByRole("combobox", { name: "Text style" }).inputValue()).resolves.toBe("4");
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Drones are ");
    await page.keyboard.press("Control+B");
    await page.keyboard.type("cheap");
    await page.keyboard.press("Control+B");
    await page.keyboard.type(" to fly.");
    await expect(page.getByRole("button", { name: "Bold" }).getAttribute("aria-pressed")).resolves.toBe("false");

    // A footnote: the reference where the cursor is, the note at the end, where the cursor goes.
    await page.getByRole("button", { name: "Footnote" }).click();
    await page.keyboard.type("Compared with a helicopter.");
    await expect(text.locator(".rt-fnref").getAttribute("data-n")).resolves.toBe("1");

    // Back after the paragraph: a table, its cells by Tab, then its caption.
    await text.getByText("to fly.").click();
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Table", exact: true }).click();
    for (const [i, cell] of ["Use", "Members", "Surveillance", "9"].entries()) {
      if (i) await page.keyboard.press("Tab");
      await page.keyboard.type(cell);
    }
    await page.keyboard.press("Tab"); // past the last cell: a new row
    await page.keyboard.type("Port inspection");
    await page.keyboard.press("Tab");
    await page.keyboard.type("4");
    await page.getByRole("button", { name: "Caption" }).click();
    await page.keyboard.type("What drones are used for");

    // A figure, from the picker: searched, chosen with the keyboard.
    await page.getByRole("button", { name: "Figure", exact: true }).click();
    const picker = page.getByRole("dialog", { name: "Insert a figure" });
    await picker.waitFor();
    await page.keyboard.type("adoption");
    await picker.getByRole("option").first().waitFor();
    await expectAccessible(page);
    await screenshot(page, "rich-editor-picker");
    await page.keyboard.press("ArrowDown");
    const chosen = (await picker.getByRole("option", { selected: true }).textContent()) ?? "";
    await page.keyboard.press("Enter");
    await picker.waitFor({ state: "detached" });
    const card = text.locator(".rt-evidence[data-kind=figure]");
    await card.waitFor();
    const ref = (await card.getAttribute("data-ref")) ?? "";
    expect(chosen).toContain(ref);
    await expect.poll(() => card.locator(".rt-card-title").textContent()).not.toMatch(/Looking up/);
    await expect(card.locator(".rt-problem").count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.classList.contains("ProseMirror"))).resolves.toBe(true);
    await expectAccessible(page);
    await screenshot(page, "rich-editor-writing");

    await page.getByLabel("Summary of the change").fill("Where drones help");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").filter({ hasText: /Saved as revision/ }).first().waitFor();

    const body = await stored();
    expect(body).toContain("#### Where drones help");
    expect(body).toContain("Drones are **cheap** to fly.[^1]");
    expect(body).toMatch(/\n\| Use +\| Members \|\n\| -+ \| -+ \|\n\| Surveillance +\| 9 +\|\n\| Port inspection \| 4 +\|\n\nTable: What drones are used for\n/);
    expect(body).toContain(`::figure{ref=${ref}}`);
    expect(body).toMatch(/\n\[\^1\]: Compared with a helicopter\.$/);
    // What was not edited kept its bytes.
    expect(body.startsWith("A drone covers ground that officers cannot reach quickly.")).toBe(true);
    // The preview draws the figure.
    await expect(page.locator(`#preview figure[data-ref="${ref}"] img`).count()).resolves.toBe(1);
    await expect(page.locator("#preview table:not(figure table) caption").textContent()).resolves.toBe("What drones are used for");
    await expect(page.locator("#preview .footnotes li").count()).resolves.toBe(1);
    // After the reload the rich text shows it all again.
    await expect(text.locator(".rt-evidence[data-kind=figure]").count()).resolves.toBe(1);
    await expect(text.locator("h4").textContent()).resolves.toBe("Where drones help");
  });

  it("marks in the editor itself what resolves to nothing", async () => {
    await openSection("Drones", "Potential future use");
    await sourceToggle().click();
    const source = page.getByLabel("Text", { exact: true });
    await source.fill(`${await source.inputValue()}\n\nSee :case-study[a study]{ref=no-such-study} and [that section](#no-such-section).\n\n::figure{ref=no-such-figure}`);
    await sourceToggle().click();
    const text = richText(page);
    await expect.poll(() => text.locator(".rt-evidence.is-problem .rt-problem").textContent()).toContain("Not found: Figure “no-such-figure”");
    await expect.poll(() => text.locator(".rt-evidence-inline.is-problem").count()).toBe(1);
    await expect.poll(() => text.locator(".rt-link-broken").count()).toBe(1);
    await expect(text.locator(".rt-problem", { hasText: "Link target not found" }).count()).resolves.toBe(1);
    await expectAccessible(page);
    await screenshot(page, "rich-editor-unresolved");
  });
});
