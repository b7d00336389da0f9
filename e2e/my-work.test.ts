import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, launchChromium, screenshot, signInAsDemo } from "#e2e/helpers/browser.ts";
import { demoAccount, startProductServer, type RunningServer } from "#e2e/helpers/server.ts";

// Signing in leads to what the person has to do: "My work" for a member, the secretariat's work
// page for an editor. Both pages pass axe and fit a phone.

describe.skipIf(!hasChromium)("My work", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startProductServer("pglite");
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const fitsPhone = async (page: Page) => {
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  };

  it("takes a member who signs in from the public home to My work", async () => {
    const { email, password } = demoAccount(server, "contributor");
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole("link", { name: "Sign in" }).first().click();
    await page.getByLabel("E-mail address").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${server.url}/member`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("My work");
    // The parts, in the order of what there is to do.
    const headings = await page.locator("main h2").allTextContents();
    expect(headings[0]).toBe("Surveys to answer");
    expect(headings[1]).toBe("Review rounds");
    expect(headings.at(-1)).toContain("Messages");
    await expectAccessible(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, "my-work-member-1280");
    await fitsPhone(page);
    await expectAccessible(page);
    await screenshot(page, "my-work-member-390");
  });

  it("takes an editor to the secretariat's work page, which links to where the work is done", async () => {
    const page = await signInAsDemo(await browser.newContext(), server, "editor");
    expect(new URL(page.url()).pathname).toBe("/editor/work");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("My work");
    await expect(page.getByRole("link", { name: "Open the moderation queue" }).getAttribute("href")).resolves.toBe("/editor/case-studies");
    await expectAccessible(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, "my-work-editor-1280");
    await fitsPhone(page);
    await expectAccessible(page);
    await screenshot(page, "my-work-editor-390");
  });
});
