import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, launchChromium, screenshot, signInAsDemo } from "#e2e/helpers/browser.ts";
import { inviteAndAccept } from "#e2e/helpers/accounts.ts";
import { startProductServer, type RunningServer } from "#e2e/helpers/server.ts";

// A case study's whole journey in a real browser: a member sends a Word file, the secretariat
// asks for changes, the member answers, the secretariat publishes, a reader finds it.

const WORD_FILE = join(import.meta.dirname, "..", "test", "fixtures", "word", "libreoffice-en.docx");

describe.skipIf(!hasChromium)("case studies in the browser", () => {
  let server: RunningServer;
  let browser: Browser;
  let editor: Page;
  let member: Page;

  beforeAll(async () => {
    server = await startProductServer("pglite");
    browser = await launchChromium();
    const setup = await signInAsDemo(await browser.newContext(), server, "admin");
    // The member joins by invitation: the secretariat invites, the member sets a password from the link.
    const invitee = { name: "Min-ji Member", email: "minji@example.org", organization: "Korea Customs Service", role: "contributor", password: "member password 1" } as const;
    member = await inviteAndAccept(setup, server, invitee, await browser.newContext());
    editor = setup;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("goes from a Word file to the public library", async () => {
    // The member imports a Word document and reviews what it filled.
    await member.getByRole("link", { name: "My work" }).click();
    await expectAccessible(member);
    await member.getByText("Start from a Word document").click();
    await member.getByLabel("Word document (.docx)").setInputFiles(WORD_FILE);
    await member.getByRole("button", { name: "Import" }).click();
    // The review screen first: nothing is saved until the member creates the draft.
    await member.waitForURL(/\/member\/case-studies\/imports\/[0-9a-f-]+$/);
    await member.getByRole("button", { name: "Create the draft" }).click();
    await member.waitForURL(/\/member\/case-studies\/.+\/edit$/);
    await expect.poll(() => member.getByRole("status").textContent()).toContain("was made from your Word file");
    await expect.poll(() => member.getByLabel("Title").inputValue()).toBe("Container release on a shared ledger at Puerto Nuevo");
    expect(await member.getByLabel("Internet of Things").isChecked()).toBe(true);
    expect(await member.getByLabel("Stage").inputValue()).toBe("pilot");
    await expectAccessible(member);
    await screenshot(member, "case-study-imported");

    // Submitting without consent: the message stands beside the box; then the member fixes a field and submits.
    await member.getByRole("button", { name: "Save and submit" }).click();
    await expect.poll(() => member.locator("#e-consent").textContent()).toContain("Tick the box");
    await member.getByLabel("Title").fill("Container release on a shared ledger in Puerto Nuevo");
    await member.getByLabel(/My organization agrees/).check();
    await member.getByRole("button", { name: "Save and submit" }).click();
    await member.waitForURL(/\/member\/case-studies\/[0-9a-f-]+$/);
    const caseUrl = member.url();
    expect(await member.getByRole("status").textContent()).toContain("was submitted to the secretariat");

    // The secretariat asks for changes.
    await editor.goto(`${server.url}/editor/case-studies`);
    await editor.getByRole("link", { name: "Container release on a shared ledger in Puerto Nuevo" }).click();
    await editor.getByText("Request changes").first().click();
    await editor.getByLabel("Message to the organization").fill("Please say how many disputes remain each month.");
    await editor.getByRole("button", { name: "Request changes" }).click();
    await expect.poll(() => editor.getByRole("status").textContent()).toContain("Changes requested");
    await screenshot(editor, "case-study-editor");

    // The member is told, answers and resubmits.
    await member.goto(`${server.url}/`);
    await expect.poll(() => member.locator(".count-badge").count()).toBe(1);
    await member.getByRole("link", { name: /My work/ }).click();
    await member.getByRole("link", { name: /asks for changes/ }).click();
    expect(await member.getByRole("note").first().textContent()).toContain("how many disputes remain");
    await member.getByRole("link", { name: "Edit", exact: true }).click();
    await member.getByLabel("Results").fill("Disputes fell from forty a month to three.");
    await member.getByRole("button", { name: "Save and submit" }).click();
    await member.waitForURL(caseUrl);

    // The secretariat accepts and publishes; the changes since submission are one click away.
    await editor.goto(caseUrl);
    await editor.getByRole("button", { name: "Accept" }).click();
    await editor.getByRole("button", { name: "Publish" }).click();
    await expect.poll(() => editor.getByRole("status").textContent()).toContain("Published");
    await editor.getByRole("link", { name: "Changes since submission" }).click();
    expect((await editor.locator("ins").allTextContents()).join("")).toContain("Disputes");
    await screenshot(editor, "case-study-changes");

    // A reader narrows the library with facets and a search, and opens it.
    const reader = await (await browser.newContext()).newPage();
    await reader.goto(`${server.url}/case-studies`);
    await reader.getByRole("checkbox", { name: /Blockchain and distributed ledgers/ }).check();
    await reader.getByLabel("Search", { exact: true }).fill("ledger disputes");
    await reader.getByRole("button", { name: "Apply" }).first().click();
    await expect.poll(() => reader.getByRole("status").first().textContent()).toContain("Results: 1");
    await expectAccessible(reader);
    await screenshot(reader, "case-study-library");
    await reader.getByRole("link", { name: "Container release on a shared ledger in Puerto Nuevo" }).click();
    await expect.poll(() => reader.locator("h1").textContent()).toBe("Container release on a shared ledger in Puerto Nuevo");
    expect(await reader.locator("table").count()).toBe(1);
    expect(await reader.locator("img").first().getAttribute("src")).toMatch(/^\/files\/case-studies\//);
    expect(await reader.locator("img").first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect(await reader.getByText("Contributed by Korea Customs Service").count()).toBe(1);
    await expectAccessible(reader);
    await screenshot(reader, "case-study-public");
  });
});
