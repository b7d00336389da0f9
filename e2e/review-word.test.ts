import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, launchChromium, screenshot, signInAsDemo } from "#e2e/helpers/browser.ts";
import { startProductServer, type RunningServer } from "#e2e/helpers/server.ts";
import { editInLibreOffice, hasLibreOfficeBridge } from "#test/fixtures/review-word/libreoffice.ts";
import { addWordComment } from "#test/fixtures/review-word/add-comment.ts";

// A member downloads the demo round's first chapter for review, edits it in LibreOffice with Track
// Changes on (two changes, through its Python bridge), adds a Word comment, uploads it, checks the
// preview and creates the comments; the secretariat finds them on the right sections.

const REPORT = "disruptive-technologies";
const hasLibreOffice = hasLibreOfficeBridge();

describe.skipIf(!hasChromium || !hasLibreOffice)("a reviewed Word file in the browser", () => {
  let server: RunningServer;
  let browser: Browser;
  let member: Page;
  let editor: Page;
  const work = mkdtempSync(join(tmpdir(), "review-word-e2e-"));

  beforeAll(async () => {
    server = await startProductServer("pglite");
    browser = await launchChromium();
    member = await signInAsDemo(await browser.newContext({ acceptDownloads: true }), server, "contributor");
    editor = await signInAsDemo(await browser.newContext(), server, "editor");
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it("comes back as two suggestions and a comment on the right sections", { timeout: 240_000 }, async () => {
    await editor.goto(`${server.url}/editor/reports/${REPORT}/reviews`);
    const href = await editor.getByRole("link", { name: "Committee review of the living draft" }).first().getAttribute("href");
    const roundId = /\/editor\/reviews\/([0-9a-f-]{36})/.exec(href ?? "")![1]!;

    // The member downloads chapter 1 for review.
    await member.goto(`${server.url}/reviews/${roundId}`);
    await member.getByText("Download for review").click();
    await member.getByLabel("Part").selectOption({ label: "Chapter 1: Introduction" });
    const [download] = await Promise.all([member.waitForEvent("download"), member.getByRole("button", { name: "Download (.docx)" }).click()]);
    const downloaded = join(work, "downloaded.docx");
    await download.saveAs(downloaded);

    // Edited in LibreOffice with Track Changes on, then a Word comment added.
    const edited = join(work, "edited.docx");
    editInLibreOffice(downloaded, edited, { author: "Ana Reviewer", replace: [["narrowed its focus", "sharpened its focus"]], insertAfter: [["is not written once", "; it grows"]] });
    const reviewed = join(work, "reviewed.docx");
    writeFileSync(reviewed, addWordComment(readFileSync(edited), "Members send case studies", "Please name the surveys too.", "Dana Word"));

    // Uploaded: the preview says what it would create, nothing is saved yet.
    await member.goto(`${server.url}/reviews/${roundId}`);
    await member.getByText("Upload a reviewed Word file").click();
    await member.getByLabel("Reviewed Word file (.docx)").setInputFiles(reviewed);
    await member.getByRole("button", { name: "Read the file" }).click();
    await member.waitForURL(/\/reviews\/[0-9a-f-]+\/imports\/[0-9a-f-]+$/);
    const previewUrl = member.url();
    await expect.poll(() => member.getByRole("status").first().textContent()).toContain("2 suggestions, 1 comment, 0 passages that could not be placed");
    const first = member.getByRole("region", { name: /^1\.1 / });
    expect(await first.locator("del").textContent()).toContain("narrowed");
    expect(await first.locator("ins").textContent()).toContain("sharpened");
    const second = member.getByRole("region", { name: /^1\.2 / });
    expect(await second.textContent()).toContain("Please name the surveys too.");
    expect(await second.locator("ins").textContent()).toBe("; it grows");
    expect(await member.getByText("In the file by Ana Reviewer").count()).toBe(2);
    await expectAccessible(member);
    await screenshot(member, "review-word-preview");

    await member.getByRole("button", { name: "Create these comments" }).click();
    await member.waitForURL(new RegExp(`/reviews/${roundId}$`));
    await expect.poll(() => member.getByRole("status").first().textContent()).toContain("3 comments were created from reviewed.docx.");
    await expectAccessible(member);
    expect((await member.goto(previewUrl))?.status()).toBe(404);

    // The secretariat sees the two suggestions and the comment under their sections.
    await editor.goto(`${server.url}/editor/reviews/${roundId}`);
    const why = editor.getByRole("region", { name: /^1\.1 / });
    const living = editor.getByRole("region", { name: /^1\.2 / });
    await expect.poll(() => why.textContent()).toContain("sharpened");
    expect(await living.textContent()).toContain("; it grows");
    expect(await living.textContent()).toContain("Please name the surveys too.");
    await expectAccessible(editor);
  });
});
