import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseMark } from "#src/domain/review-suggestions.ts";
import { expectAccessible, hasChromium, launchChromium, signInAsDemo } from "#e2e/helpers/browser.ts";
import { startProductServer, type RunningServer } from "#e2e/helpers/server.ts";

// "Download for review" in a real browser: the demo contributor, invited to the demo's open round,
// picks a chapter and a language and gets the Word file, its sections marked.

const ROUND = "Committee review of the living draft";

describe.skipIf(!hasChromium)("download for review", () => {
  let server: RunningServer;
  let browser: Browser;
  let member: Page;

  beforeAll(async () => {
    server = await startProductServer("pglite");
    browser = await launchChromium();
    member = await signInAsDemo(await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true }), server, "contributor");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("gives an invited member a chapter as Word, in the language chosen, each section marked", async () => {
    await member.goto(`${server.url}/member`);
    await member.getByRole("link", { name: ROUND }).first().click();
    await member.getByText("Download for review").click();
    const chapter = member.getByLabel("Part", { exact: true });
    const options = await chapter.locator("option").allTextContents();
    expect(options[0]).toBe("The whole text");
    expect(options.length).toBeGreaterThan(2);
    await chapter.selectOption({ index: 2 });
    await member.getByLabel("Language of the file").selectOption("fr");
    await expectAccessible(member);

    const [download] = await Promise.all([member.waitForEvent("download"), member.getByRole("button", { name: "Download (.docx)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^review-\d{4}-\d{2}-\d{2}-[a-z0-9-]+-fr\.docx$/);
    expect(download.suggestedFilename()).not.toContain("-draft-");
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync((await download.path()))))["word/document.xml"]!);
    const marks = [...xml.matchAll(/w:name="(_lr[^"]+)"/g)].map((m) => parseMark(m[1]!));
    expect(marks[0]).toEqual({ kind: "chapter", number: 2 });
    expect(marks.filter((m) => m?.kind === "section").length).toBeGreaterThan(0);
    expect(xml).toContain("Comment relire ce fichier");
  });
});
