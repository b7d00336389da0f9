import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, launchChromium, screenshot, signInAsDemo } from "#e2e/helpers/browser.ts";
import { inviteAndAccept } from "#e2e/helpers/accounts.ts";
import { startProductServer, type RunningServer } from "#e2e/helpers/server.ts";

// Two editors save the same section of the demo report one after the other: the second is shown
// their versions side by side where both changed the same passage, chooses, and saves; changes
// to different sentences of one paragraph merge without asking.

describe.skipIf(!hasChromium)("conflicting saves", () => {
  let server: RunningServer;
  let browser: Browser;
  let one: Page;
  let two: Page;

  /** Opens a section's editor. The texts are typed in the Markdown form (the rich editor has its own tests). */
  const openSection = async (page: Page, chapter: string, section: string) => {
    await page.goto(`${server.url}/editor/reports/disruptive-technologies`);
    await page.getByRole("region", { name: chapter }).getByRole("link", { name: section, exact: true }).click();
    await page.waitForURL(/\/editor\/sections\/.+\/en$/);
    return page.locator("#f-body").inputValue();
  };

  /** Types a text and saves it; answers the save's status. */
  const save = async (page: Page, body: string) => {
    await page.locator("#f-body").fill(body);
    const response = page.waitForResponse((r) => r.request().method() === "POST" && /\/editor\/sections\/[0-9a-f-]{36}\/en(\/resolve)?$/.test(new URL(r.url()).pathname));
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const status = (await response).status();
    await page.waitForLoadState("load");
    return status;
  };

  beforeAll(async () => {
    server = await startProductServer("pglite");
    browser = await launchChromium();
    const setup = await signInAsDemo(await browser.newContext(), server, "admin");
    // The second editor joins by invitation.
    two = await inviteAndAccept(setup, server, { name: "Editor Two", email: "two@example.org", role: "editor", password: "editor two password" }, await browser.newContext());
    one = setup;
    for (const page of [one, two]) await page.route(/\/assets\/rich-editor\.js/, (route) => route.fulfill({ contentType: "text/javascript", body: "" }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows both versions of a paragraph both changed, and keeps both in the order shown", async () => {
    const original = await openSection(one, "Biometrics", "What it is");
    await openSection(two, "Biometrics", "What it is");
    const first = "Biometrics identify people by traits that are hard to share or forge: the face, fingerprints, the iris.";
    expect(original).toContain(first);
    const theirs = original.replace(first, "Biometrics recognise people by their body: the face, fingerprints, the iris and the voice.");
    const mine = original.replace(first, "Biometrics identify travellers by traits they cannot lend to anyone.");
    expect(await save(one, theirs)).toBe(303);
    await one.getByRole("status").filter({ hasText: /Saved as revision/ }).first().waitFor();

    expect(await save(two, mine)).toBe(409);
    await two.getByRole("heading", { level: 1, name: "Someone saved this section while you were editing" }).waitFor();
    const passage = two.getByRole("region", { name: "Passage 1 of 1" });
    const [theirSide, mySide] = [passage.locator(".conflict-side").first(), passage.locator(".conflict-side").last()];
    await expect(theirSide.getByRole("heading", { name: "Their version" }).count()).resolves.toBe(1);
    await expect(theirSide.textContent()).resolves.toContain("Saved by");
    await expect(theirSide.locator(".prose").textContent()).resolves.toContain("recognise people by their body");
    await expect(mySide.locator(".prose").textContent()).resolves.toContain("cannot lend to anyone");
    // No markers anywhere: not in the page, not in the edit box.
    const html = await two.content();
    expect(html).not.toMatch(/(&lt;|<){7}|={7}|(&gt;|>){7}/);
    // The edit box shows only once "edit" is chosen.
    await expect(passage.getByLabel("Your text for passage 1").isVisible()).resolves.toBe(false);
    await passage.getByLabel("Edit: write this passage myself").check();
    await expect(passage.getByLabel("Your text for passage 1").isVisible()).resolves.toBe(true);
    await expect(passage.getByLabel("Your text for passage 1").inputValue()).resolves.toBe(`${theirs}\n\n${mine}`);
    await expectAccessible(two);
    await screenshot(two, "conflict-passage");
    // On a phone the two versions are stacked, and nothing overflows.
    await two.setViewportSize({ width: 360, height: 800 });
    const [a, b] = await Promise.all([theirSide.boundingBox(), mySide.boundingBox()]);
    expect(b!.y).toBeGreaterThan(a!.y + a!.height - 1);
    await expect(two.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(360);
    await screenshot(two, "conflict-passage-phone");
    await two.setViewportSize({ width: 1280, height: 800 });

    // "Edit" with an empty box is refused beside the passage, with a summary at the top; nothing is saved.
    await passage.getByLabel("Your text for passage 1").fill("");
    await two.getByRole("button", { name: "Save with these choices" }).click();
    await two.waitForLoadState("load");
    await two.getByRole("alert").getByRole("link", { name: /Passage 1 of 1/ }).waitFor();
    await expect(two.getByRole("region", { name: "Passage 1 of 1" }).locator(".error-message").textContent()).resolves.toBe("Write the text to keep, or choose another option.");
    await expectAccessible(two);

    await two.getByRole("region", { name: "Passage 1 of 1" }).getByLabel("Keep both: theirs first, then mine").check();
    await two.getByRole("button", { name: "Save with these choices" }).click();
    await two.getByRole("status").filter({ hasText: /Saved as revision/ }).first().waitFor();
    const saved = await two.locator("#f-body").inputValue();
    expect(saved).toBe(`${theirs}\n\n${mine}`);
    expect(saved.indexOf("recognise people by their body")).toBeLessThan(saved.indexOf("cannot lend to anyone"));
  });

  it("merges changes to different sentences of one paragraph without asking", async () => {
    const original = await openSection(one, "3D printing", "What it is");
    await openSection(two, "3D printing", "What it is");
    const theirs = original.replace("builds an object layer by layer", "builds an object, layer by layer,");
    const mine = original.replace("may then be a file", "may then be only a file");
    expect(theirs).not.toBe(original);
    expect(mine).not.toBe(original);
    expect(await save(one, theirs)).toBe(303);
    expect(await save(two, mine)).toBe(409);
    await two.getByText("Their changes and yours were combined below", { exact: false }).waitFor();
    const merged = await two.locator("#f-body").inputValue();
    expect(merged).toBe(original.replace("builds an object layer by layer", "builds an object, layer by layer,").replace("may then be a file", "may then be only a file"));
    await expectAccessible(two);
    await screenshot(two, "conflict-combined");
    expect(await save(two, merged)).toBe(303);
    await two.getByRole("status").filter({ hasText: /Saved as revision/ }).first().waitFor();
  });
});
