import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, launchChromium, screenshot, signInAsDemo } from "#e2e/helpers/browser.ts";
import { inviteAndAccept } from "#e2e/helpers/accounts.ts";
import { startProductServer, type RunningServer } from "#e2e/helpers/server.ts";

// A member imports a French Word file made by pandoc, reviews where each passage goes, moves the
// note written before the first heading into "Lessons learnt", and creates the draft.

const FRENCH_FILE = join(import.meta.dirname, "..", "test", "fixtures", "word", "corpus", "02-pandoc-fr-colons.docx");
const NOTE = "préparé pour l’atelier régional";

describe.skipIf(!hasChromium)("Word import review in the browser", () => {
  let server: RunningServer;
  let browser: Browser;
  let member: Page;

  beforeAll(async () => {
    server = await startProductServer("pglite");
    browser = await launchChromium();
    const admin = await signInAsDemo(await browser.newContext(), server, "admin");
    const invitee = { name: "Camille Membre", email: "camille@example.org", organization: "Korea Customs Service", role: "contributor", password: "member password 1" } as const;
    member = await inviteAndAccept(admin, server, invitee, await browser.newContext({ viewport: { width: 1280, height: 900 } }));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("reviews a French file, moves a passage to another field, and the draft has it there", async () => {
    await member.goto(`${server.url}/member`);
    await member.getByText("Start from a Word document").click();
    await member.getByLabel("Word document (.docx)").setInputFiles(FRENCH_FILE);
    await member.getByRole("button", { name: "Import" }).click();
    await member.waitForURL(/\/member\/case-studies\/imports\/[0-9a-f-]+$/);
    const reviewUrl = member.url();

    // The note before the first field heading is not imported unless the member places it.
    const unplaced = member.getByRole("region", { name: "Not imported", exact: true });
    expect(await unplaced.textContent()).toContain(NOTE);
    expect(await unplaced.textContent()).toContain("will not be imported unless you move them to a field");
    expect(await member.getByRole("region", { name: "Summary", exact: true }).textContent()).toContain("Les douanes de Montaubrac");
    expect(await member.locator("#f-title").inputValue()).toBe("Scellés électroniques sur les camions en transit à Montaubrac");
    expect(await member.locator('input[name="technologies"][value="blockchain"]').isChecked()).toBe(true);
    expect(await member.locator("#f-stage").inputValue()).toBe("proof_of_concept");
    await expectAccessible(member);
    await screenshot(member, "word-import-review");

    // On a phone, nothing runs off the side of the screen.
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, storageState: await member.context().storageState() })).newPage();
    await phone.goto(reviewUrl);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(phone, "word-import-review-390");
    await phone.context().close();

    // The member moves the note to "Lessons learnt" and updates: the passage shows there.
    const move = unplaced.getByRole("combobox", { name: /^Move passage \d+ to$/ });
    await move.selectOption("lessons");
    await member.getByRole("button", { name: "Update the preview" }).click();
    await member.waitForLoadState("load");
    await expect.poll(() => member.getByRole("region", { name: "Lessons learnt", exact: true }).textContent()).toContain(NOTE);
    expect(await member.getByRole("region", { name: "Not imported", exact: true }).textContent()).not.toContain(NOTE);
    await expectAccessible(member);

    // Creating the draft keeps the choice: the passage is in the Lessons field of the form.
    await member.getByRole("button", { name: "Create the draft" }).click();
    await member.waitForURL(/\/member\/case-studies\/[0-9a-f-]+\/edit$/);
    await expect.poll(() => member.getByRole("status").textContent()).toContain("was made from your Word file");
    const lessons = await member.locator("#f-lessons").inputValue();
    expect(lessons).toContain(NOTE);
    expect(lessons).toContain("Les transporteurs ont accepté le boîtier");
    expect(await member.locator("#f-summary").inputValue()).not.toContain(NOTE);

    // The member submits the draft as the file made it, with the passage where they put it.
    await member.getByLabel(/My organization agrees/).check();
    await member.getByRole("button", { name: "Save and submit" }).click();
    await member.waitForURL(/\/member\/case-studies\/[0-9a-f-]+$/);
    expect(await member.getByRole("status").textContent()).toContain("was submitted to the secretariat");
    expect(await member.locator("main").textContent()).toContain(NOTE);

    // The pending import is gone: going back to it finds nothing.
    const back = await member.goto(reviewUrl);
    expect(back?.status()).toBe(404);
  });
});
