import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, launchChromium, screenshot } from "#e2e/helpers/browser.ts";
import { demoAccount, startProductServer, type RunningServer } from "#e2e/helpers/server.ts";

// A member answers a survey with a conditional question: the numbers do not move when it
// appears, the progress follows the answers, the draft is saved in the background (a reload
// shows it), and long titles wrap inside their box on a phone and on a wide screen.

const LONG_TITLE = "Thinking of every office, port and land border where your administration works today, ".repeat(4).slice(0, 299) + "?";
const LONG_WORD = "Interoperability".repeat(5);
const definition = {
  sections: [
    {
      id: "about",
      title: { en: "About your administration" },
      questions: [
        { id: "unit", type: "single", required: true, text: { en: "Does your administration have a unit in charge of innovation?" }, options: [{ value: "yes", label: { en: "Yes" } }, { value: "no", label: { en: "No" } }] },
        { id: "staff", type: "number", required: false, text: { en: "How many staff work in it?" }, showIf: { question: "unit", equals: "yes" } },
        { id: "reach", type: "short", required: false, text: { en: LONG_TITLE } },
        { id: "system", type: "short", required: false, text: { en: `Which system do you use? ${LONG_WORD}` } },
      ],
    },
  ],
};

/** Signs in through the sign-in page, wherever signing in leads. */
async function signInAs(context: BrowserContext, server: RunningServer, role: "admin" | "contributor"): Promise<Page> {
  const { email, password } = demoAccount(server, role);
  const page = await context.newPage();
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  return page;
}

describe.skipIf(!hasChromium)("the survey form in the browser", () => {
  let server: RunningServer;
  let browser: Browser;
  let answerUrl: string;

  beforeAll(async () => {
    server = await startProductServer("pglite");
    browser = await launchChromium();
    const editor = await signInAs(await browser.newContext(), server, "admin");
    await editor.goto(`${server.url}/editor/surveys`);
    await editor.getByLabel("Title").fill("Guided form 2026");
    await editor.getByLabel("Short name").fill("guided-form-2026");
    await editor.getByRole("button", { name: "Create the survey" }).click();
    await editor.waitForURL(/\/editor\/surveys\/[0-9a-f-]+$/);
    const surveyUrl = editor.url();
    await editor.getByLabel("Questions (JSON)").fill(JSON.stringify(definition, null, 2));
    await Promise.all([editor.waitForEvent("framenavigated"), editor.getByRole("button", { name: "Save", exact: true }).click()]);
    await editor.waitForLoadState("load");
    await editor.getByRole("button", { name: "Open for answers" }).click();
    await editor.getByRole("checkbox", { name: "Invite Korea Customs Service" }).check();
    await editor.getByRole("button", { name: "Save invitations" }).click();
    await editor.waitForLoadState("load");
    answerUrl = surveyUrl.replace("/editor/surveys/", "/member/surveys/");
    await editor.context().close();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const numbers = (page: Page) => page.locator(".question-number").allTextContents();
  const progress = (page: Page) => page.locator("#survey-progress-text").textContent();

  it("keeps its numbers when a conditional question appears, follows the progress, and saves the draft in the background", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await signInAs(context, server, "contributor");
    await page.goto(answerUrl);
    const staff = page.getByLabel("How many staff work in it?");
    // The script hides the conditional question once loaded; its number is kept for when it appears.
    await expect.poll(() => staff.isVisible()).toBe(false);
    expect(await numbers(page)).toEqual(["1.", "1a.", "2.", "3."]);
    expect(await progress(page)).toBe("0 of 3 answered");

    await page.getByRole("group", { name: /unit in charge of innovation/ }).getByLabel("Yes").check();
    await expect.poll(() => staff.isVisible()).toBe(true);
    expect(await numbers(page)).toEqual(["1.", "1a.", "2.", "3."]);
    expect(await page.getByRole("group", { name: /How many staff/ }).locator("legend").textContent()).toMatch(/^1a\. How many staff/);
    await expect.poll(() => progress(page)).toBe("1 of 4 answered");
    await staff.fill("7");
    await expect.poll(() => progress(page)).toBe("2 of 4 answered");
    expect(await page.locator("#survey-progress").evaluate((p) => [(p as HTMLProgressElement).value, (p as HTMLProgressElement).max])).toEqual([2, 4]);

    // Saved in the background, without leaving the page: the status says so, politely.
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Draft saved at" }).count(), { timeout: 10_000 }).toBe(1);
    expect(page.url()).toBe(answerUrl);
    await expectAccessible(page);
    await screenshot(page, "survey-form-1280");

    await page.reload();
    expect(await staff.inputValue()).toBe("7");
    expect(await page.getByRole("group", { name: /unit in charge of innovation/ }).getByLabel("Yes").isChecked()).toBe(true);
    expect(await progress(page)).toBe("2 of 4 answered");
    expect(await numbers(page)).toEqual(["1.", "1a.", "2.", "3."]);

    // Long titles and words stay inside their box on a wide screen.
    for (const id of ["f-reach", "f-system"]) {
      const [scroll, client] = await page.locator(`#${id} > legend`).evaluate((l) => [l.scrollWidth, l.clientWidth]);
      expect(scroll).toBeLessThanOrEqual(client);
    }
    await context.close();
  });

  it("wraps long titles inside their box on a phone, with no sideways scrolling", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await signInAs(context, server, "contributor");
    await page.goto(answerUrl);
    await page.waitForLoadState("load");
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    for (const id of ["f-reach", "f-system"]) {
      const [scroll, client, boxRight, fieldsetRight] = await page.locator(`#${id} > legend`).evaluate((l) => [l.scrollWidth, l.clientWidth, l.getBoundingClientRect().right, l.parentElement!.getBoundingClientRect().right]);
      expect(scroll).toBeLessThanOrEqual(client);
      expect(boxRight).toBeLessThanOrEqual(fieldsetRight);
      expect(fieldsetRight).toBeLessThanOrEqual(390);
    }
    await expectAccessible(page);
    await screenshot(page, "survey-form-390");
    await context.close();
  });
});
