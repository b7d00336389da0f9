import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, launchChromium, openSiteMenu, screenshot, signIn, signInAsDemo } from "#e2e/helpers/browser.ts";
import { inviteAndAccept } from "#e2e/helpers/accounts.ts";
import { startProductServer, type RunningServer } from "#e2e/helpers/server.ts";

// A survey with every question type, answered in the browser by two organizations of different
// regions (one of them on a phone-sized screen), then read by the secretariat.

describe.skipIf(!hasChromium)("surveys in the browser", () => {
  let server: RunningServer;
  let browser: Browser;
  let editor: Page;

  beforeAll(async () => {
    server = await startProductServer("pglite");
    browser = await launchChromium();
    editor = await signInAsDemo(await browser.newContext(), server, "admin");
    for (const [name, email, org] of [["Min-ji", "minji@example.org", "Korea Customs Service"], ["Yasmine", "yasmine@example.org", "Moroccan Customs"]] as const) {
      // Each joins by invitation and sets the password the tests sign in with.
      const context = await browser.newContext();
      await inviteAndAccept(editor, server, { name, email, organization: org, role: "contributor", password: "member password 1" }, context);
      await context.close();
    }
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const answer = async (page: Page, staff: string, stage: string) => {
    await openSiteMenu(page);
    await page.getByRole("link", { name: "My work" }).click();
    // The survey's name is also in the notification of the invitation: the list of surveys is the way in.
    await page.getByRole("region", { name: "Surveys to answer" }).getByRole("link", { name: /Adoption check 2026/ }).click();
    // The staff question appears only once "Yes" is chosen.
    // (The island that hides it runs after the page has loaded; wait for it.)
    await expect.poll(() => page.getByLabel("How many staff work in it (full-time equivalents)?").isVisible()).toBe(false);
    await page.getByRole("group", { name: /unit in charge of innovation/ }).getByLabel("Yes").check();
    await page.getByLabel("How many staff work in it (full-time equivalents)?").fill(staff);
    await page.getByRole("group", { name: /How high a priority/ }).getByLabel("4").check();
    const blockchain = page.getByRole("group", { name: "Blockchain and distributed ledgers" });
    await blockchain.getByLabel("Stage").selectOption(stage);
    await blockchain.getByText("Areas of use").click();
    await blockchain.getByLabel("Certificates of origin").check();
    await page.getByRole("group", { name: "Drones", exact: true }).getByLabel("Stage").selectOption("planning");
    await page.getByRole("group", { name: /Which benefits/ }).getByLabel("Faster clearance").check();
    await page.getByLabel("Who may we contact about your answers?").fill("Innovation office");
    await page.getByLabel("Anything else the secretariat should know?").fill("Our pilot runs with two ports.\nMore next year.");
    await page.getByRole("button", { name: "Save and continue later" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Your answers were saved.");
    // A decimal comma is read as a number and shown back with a point.
    expect(await page.getByLabel("How many staff work in it (full-time equivalents)?").inputValue()).toBe(staff.replace(",", "."));
    await expectAccessible(page);
    await page.getByRole("button", { name: "Submit the answers" }).click();
    await page.waitForURL(`${server.url}/member`);
    expect(await page.getByRole("status").first().textContent()).toContain("answers were submitted");
  };

  it("is built from the template, answered by two organizations, and read by the secretariat", async () => {
    await editor.goto(`${server.url}/editor/surveys`);
    await editor.getByLabel("Title").fill("Adoption check 2026");
    await editor.getByLabel("Short name").fill("adoption-check-2026");
    await editor.getByRole("button", { name: "Create the survey" }).click();
    await editor.waitForURL(/\/editor\/surveys\/[0-9a-f-]+$/);
    const surveyUrl = editor.url();
    const definition = JSON.parse(await editor.getByLabel("Questions (JSON)").inputValue()) as { sections: { questions: { type: string }[] }[] };
    expect(new Set(definition.sections.flatMap((s) => s.questions.map((q) => q.type)))).toEqual(new Set(["single", "multiple", "number", "scale", "short", "long", "matrix"]));
    await editor.getByRole("button", { name: "Open for answers" }).click();
    await editor.getByRole("checkbox", { name: "Invite Korea Customs Service" }).check();
    await editor.getByRole("checkbox", { name: "Invite Moroccan Customs" }).check();
    await editor.getByRole("button", { name: "Save invitations" }).click();
    await expectAccessible(editor);

    const korea = await signIn(await browser.newContext(), server.url, "minji@example.org", "member password 1");
    await answer(korea, "12,5", "pilot");
    // The second organization answers on a phone-sized screen.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const morocco = await signIn(phone, server.url, "yasmine@example.org", "member password 1");
    await answer(morocco, "3", "production");
    await morocco.goto(`${server.url}/member`);
    await morocco.getByRole("region", { name: "Surveys to answer" }).getByRole("link", { name: /Adoption check 2026/ }).click();
    expect(await morocco.getByText("These answers were submitted; they are locked.").count()).toBe(1);
    await screenshot(morocco, "survey-phone");

    await editor.goto(surveyUrl);
    expect(await editor.getByText("2 of 2 invited organizations have submitted.").count()).toBe(1);
    await editor.getByRole("link", { name: "Results", exact: true }).click();
    await expect.poll(() => editor.locator("h1").textContent()).toContain("Results: Adoption check 2026");
    expect(await editor.getByText("Mean 7.8, median 7.75, from 3 to 12.5.").count()).toBe(1);
    // The distribution bars are drawn (and the page's CSP, checked with accessibility, refused nothing).
    expect(await editor.locator(".results-table .bar").count()).toBeGreaterThan(0);
    await expectAccessible(editor);
    await screenshot(editor, "survey-results-editor");
    // Readers: two organizations are fewer than the threshold, so the public page shows no distribution.
    const reader = await (await browser.newContext()).newPage();
    await reader.goto(`${server.url}/surveys/adoption-check-2026/results`);
    expect(await reader.getByText("Mean 7.8").count()).toBe(0);
    expect(await reader.getByText("fewer than 5: not shown").count()).toBeGreaterThan(0);
  });
});
