import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, launchChromium, screenshot, signInAsDemo } from "#e2e/helpers/browser.ts";
import { startProductServer, type RunningServer } from "#e2e/helpers/server.ts";

// Suggested changes in a real browser: in the demo's open round, the demo contributor selects a
// passage and proposes a replacement; the secretariat sees it inline and accepts it, which saves a
// new revision of the section and records the disposition linked to it.

const VIEWPORT = { width: 1280, height: 900 };
const PASSAGE = "Each party holds a copy";
const PROPOSED = "Each party keeps its own copy";

describe.skipIf(!hasChromium)("suggested changes in review rounds", () => {
  let server: RunningServer;
  let browser: Browser;
  let member: Page;
  let editor: Page;

  beforeAll(async () => {
    server = await startProductServer("pglite");
    browser = await launchChromium();
    member = await signInAsDemo(await browser.newContext({ viewport: VIEWPORT }), server, "contributor");
    editor = await signInAsDemo(await browser.newContext({ viewport: VIEWPORT }), server, "editor");
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("lets a member select a passage and suggest a replacement, which the secretariat accepts as a new revision", async () => {
    await member.goto(`${server.url}/member`);
    await member.getByRole("region", { name: "Review rounds", exact: true }).getByRole("link", { name: "Committee review of the living draft" }).click();
    await member.waitForLoadState("load");
    const section = member.locator("article.review-section").filter({ has: member.getByRole("heading", { name: /What it is/ }) }).first();

    // Selecting words in the text fills the quoted passage and opens the form.
    await section.locator(".prose p").first().evaluate((p, passage) => {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(passage);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + passage.length);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        p.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
        return;
      }
      throw new Error(`"${passage}" is not in the paragraph`);
    }, PASSAGE);
    await expect.poll(() => section.getByLabel("Quoted passage").inputValue()).toBe(PASSAGE);

    // Replacing starts from the quoted words; the proposed text is shown only to replace or insert.
    expect(await section.getByLabel("Proposed text").isVisible()).toBe(false);
    await section.getByLabel("Replace it with…").check();
    await expect.poll(() => section.getByLabel("Proposed text").inputValue()).toBe(PASSAGE);
    await section.getByLabel("Proposed text").fill(PROPOSED);
    await expectAccessible(member);
    await section.getByRole("button", { name: "Send the comment" }).click();
    await expect.poll(() => member.getByRole("status").first().textContent()).toContain("Your comment was recorded.");
    const sent = member.locator(".comment", { has: member.locator("ins", { hasText: PROPOSED }) });
    expect(await sent.locator("del").textContent()).toContain(PASSAGE);
    const roundPath = new URL(member.url()).pathname;

    // The secretariat sees it inline, with who proposed it, and accepts it.
    await editor.goto(`${server.url}/editor${roundPath}`);
    const suggestion = editor.locator(".comment", { has: editor.locator("ins", { hasText: PROPOSED }) });
    expect(await suggestion.locator(".comment-meta").textContent()).toContain("Korea Customs Service");
    expect(await suggestion.locator("del").textContent()).toContain(PASSAGE);
    await expectAccessible(editor);
    await screenshot(editor, "suggestion-inline");
    await suggestion.getByRole("button", { name: "Accept", exact: true }).click();
    await expect.poll(() => editor.getByRole("status").first().textContent()).toContain("Suggestion from Korea Customs Service applied as a new revision.");

    // The disposition is recorded and names the new revision, saved with its summary.
    const accepted = editor.locator(".comment", { hasText: PASSAGE }).filter({ has: editor.locator(".disposition-recorded") });
    expect(await accepted.locator(".disposition-recorded").textContent()).toMatch(/^Accepted · applied in the revision of .+ UTC$/);
    const applied = accepted.getByLabel("Applied in revision");
    const label = await applied.locator("option:checked").textContent();
    expect(label).toMatch(/ · Suggested by Korea Customs Service, accepted by .+ \(current\)$/);
    expect(await accepted.getByRole("button", { name: "Accept", exact: true }).count()).toBe(0);
    await expectAccessible(editor);

    // The section's text now reads as proposed.
    await member.goto(`${server.url}${roundPath}`);
    const text = await member.locator("article.review-section").filter({ has: member.getByRole("heading", { name: /What it is/ }) }).first().locator(".prose").textContent();
    expect(text).toContain(PROPOSED);
    expect(text).not.toContain(PASSAGE);
    expect(await member.getByText("Your suggestion: accepted").count()).toBe(1);
    await expectAccessible(member);
  });
});
