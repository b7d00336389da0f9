import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, launchChromium, openSiteMenu, screenshot, signInAsDemo } from "#e2e/helpers/browser.ts";
import { startProductServer, type RunningServer } from "#e2e/helpers/server.ts";

// The secretariat's review rounds in a real browser: inviting a region's organizations with the
// picker's filters (and without JavaScript, by the region's button), answering a comment with the
// revision that applied it chosen from a list, and the signed-in header on one row at 1280 px with
// its menu driven by the keyboard, in English, French and Spanish.

const REPORT = "disruptive-technologies";
const REGION = "Far East, South and South East Asia, Australasia and the Pacific Islands";
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const VIEWPORT = { width: 1280, height: 800 };

describe.skipIf(!hasChromium)("review invitations, dispositions and the signed-in header", () => {
  let server: RunningServer;
  let browser: Browser;
  let editor: Page;
  let roundUrl: string;
  let invitedNames: string[];

  beforeAll(async () => {
    server = await startProductServer("pglite");
    browser = await launchChromium();
    editor = await signInAsDemo(await browser.newContext({ viewport: VIEWPORT }), server, "editor");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("opens a round inviting exactly one region's organizations, picked with the filters and “Select all shown”", async () => {
    await editor.goto(`${server.url}/editor/reports/${REPORT}/reviews`);
    await editor.getByText("Open a review round").click();
    await editor.getByLabel("Title").fill("Regional review, Asia/Pacific");
    await editor.getByLabel("Closes on").fill(inDays(14));
    const picker = editor.getByRole("group", { name: "Invited organizations" });
    const shown = picker.locator("[data-shown]");
    const selected = picker.locator("[data-selected]");
    const total = Number(await shown.textContent());
    expect(total).toBeGreaterThan(100);

    // The search narrows on name, short name, country or code; the count follows.
    await picker.getByLabel("Search", { exact: true }).fill("KCS");
    await expect.poll(() => shown.textContent()).toBe("1");
    expect(await picker.locator("li[data-search]:visible").textContent()).toContain("Korea Customs Service");
    await picker.getByLabel("Search", { exact: true }).fill("");

    await picker.getByLabel("Region", { exact: true }).selectOption({ label: REGION });
    const regionGroup = picker.locator(`fieldset[data-region="AP"]`);
    invitedNames = await regionGroup.locator('input[type="checkbox"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).dataset.name!));
    expect(invitedNames.length).toBeGreaterThan(5);
    await expect.poll(() => shown.textContent()).toBe(String(invitedNames.length));
    // Only that region is listed now.
    expect(await picker.locator("li[data-search]:visible").count()).toBe(invitedNames.length);
    await picker.getByRole("button", { name: "Select all shown" }).click();
    expect(await selected.textContent()).toBe(String(invitedNames.length));
    const chosen = picker.getByRole("list", { name: "Organizations to invite" });
    expect(await chosen.getByRole("listitem").allTextContents()).toEqual(invitedNames.map((n) => `${n} ×`));

    // One removed from the list of those selected, then all shown selected again.
    await chosen.getByRole("button", { name: `Remove ${invitedNames[0]}` }).click();
    expect(await selected.textContent()).toBe(String(invitedNames.length - 1));
    expect(await regionGroup.getByRole("checkbox", { name: invitedNames[0] }).isChecked()).toBe(false);
    await picker.getByRole("button", { name: "Select all shown" }).click();
    expect(await selected.textContent()).toBe(String(invitedNames.length));
    // "Clear shown" leaves alone what the filter hides: tick one elsewhere, clear the region's, then select them again.
    await picker.getByLabel("Region", { exact: true }).selectOption({ label: "East and Southern Africa" });
    await picker.getByLabel("Search", { exact: true }).fill("Kenya Revenue");
    await picker.getByRole("button", { name: "Select all shown" }).click();
    await picker.getByRole("button", { name: "Clear shown" }).click();
    await picker.getByLabel("Search", { exact: true }).fill("");
    await picker.getByLabel("Region", { exact: true }).selectOption({ label: REGION });
    expect(await selected.textContent()).toBe(String(invitedNames.length));
    await expectAccessible(editor);
    await screenshot(editor, "review-invite-picker");

    await editor.getByRole("button", { name: "Open the round" }).click();
    await editor.waitForURL(/\/editor\/reviews\/[0-9a-f-]+$/);
    roundUrl = editor.url();
    await editor.getByText(`${invitedNames.length} organizations invited`).click();
    expect((await editor.locator(".invited-list li").allTextContents()).sort()).toEqual([...invitedNames].sort());
  });

  it("without JavaScript, invites a whole region with its button", async () => {
    const page = await signInAsDemo(await browser.newContext({ viewport: VIEWPORT, javaScriptEnabled: false }), server, "editor");
    await page.goto(`${server.url}/editor/reports/${REPORT}/reviews`);
    await page.getByText("Open a review round").click();
    await page.getByLabel("Title").fill("Regional review without scripts");
    await page.getByRole("button", { name: `Invite all of ${REGION}` }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain(`The ${invitedNames.length} organizations of ${REGION} are selected.`);
    // What was typed is kept, and exactly the region is ticked.
    expect(await page.getByLabel("Title").inputValue()).toBe("Regional review without scripts");
    const ticked = await page.locator('input[name="organizationIds"]:checked').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).dataset.name!));
    expect(ticked.sort()).toEqual([...invitedNames].sort());
    await screenshot(page, "review-invite-without-js");
    await page.close();
  });

  it("records a disposition choosing the applying revision from the section's list, and confirms it", async () => {
    // Korea Customs Service (the demo contributor's organization) is in the region: it comments.
    const member = await signInAsDemo(await browser.newContext({ viewport: VIEWPORT }), server, "contributor");
    await member.goto(roundUrl.replace("/editor/reviews/", "/reviews/"));
    const section = member.locator("article.review-section").filter({ has: member.getByRole("heading", { name: /What it is/ }) }).first();
    await section.getByText(/Comment on section/).click();
    await section.getByLabel("Your comment").fill("Say which kinds of ledger the text means.");
    await section.getByRole("button", { name: "Send the comment" }).click();
    await expect.poll(() => member.getByRole("status").first().textContent()).toContain("Your comment was recorded.");

    // The secretariat saves the section (the plain form), which gives a revision after the comment.
    const writer = await signInAsDemo(await browser.newContext({ viewport: VIEWPORT, javaScriptEnabled: false }), server, "editor");
    await writer.goto(`${server.url}/editor/reports/${REPORT}`);
    await writer.getByRole("link", { name: "What it is", exact: true }).first().click();
    const body = writer.locator("#f-body");
    await body.fill(`${await body.inputValue()}\n\nPermissioned and public ledgers differ in who may keep a copy.`);
    await writer.locator("#f-summary").fill("Named both kinds of ledger");
    await writer.getByRole("button", { name: "Save", exact: true }).click();
    await expect.poll(() => writer.getByRole("status").first().textContent()).toMatch(/Saved as revision \d+\./);
    await writer.close();

    await editor.goto(roundUrl);
    const comment = editor.locator(".comment", { hasText: "Say which kinds of ledger the text means." });
    await comment.getByLabel("Disposition").selectOption("accepted");
    const revision = comment.getByLabel("Applied in revision");
    const options = await revision.locator("option").allTextContents();
    expect(options[0]).toBe("No revision");
    expect(options).toHaveLength(2);
    expect(options[1]).toMatch(/ · Eli Editor \(demo\) · Named both kinds of ledger \(current\)$/);
    await revision.selectOption({ label: options[1]! });
    await comment.getByLabel("Reason").fill("Both kinds are now named.");
    await comment.getByRole("button", { name: "Record" }).click();
    await expect.poll(() => editor.getByRole("status").first().textContent()).toMatch(/^Recorded for the comment from Korea Customs Service: Accepted, applied in the revision of .+ UTC\.$/);
    const recorded = editor.locator(".comment", { hasText: "Say which kinds of ledger the text means." });
    expect(await recorded.locator(".disposition-recorded").textContent()).toContain("Accepted — Both kinds are now named. · applied in the revision of");
    expect(await recorded.getByLabel("Applied in revision").inputValue()).not.toBe("");
    await expectAccessible(editor);
    await screenshot(editor, "review-disposition");
  });

  describe("the signed-in header at 1280 px", () => {
    const MENU = { en: "Secretariat", fr: "Secrétariat", es: "Secretaría" } as const;
    const REVIEWS = { en: "Review rounds", fr: "Cycles de relecture", es: "Rondas de revisión" } as const;

    // The header holds one row when every item (brand, links, menus, languages) sits on the brand's
    // line, and the main navigation is no taller than one of its items and a half.
    const layout = (page: Page) =>
      page.evaluate(() => {
        const box = (e: Element) => e.getBoundingClientRect();
        const line = box(document.querySelector(".main-nav li")!).height;
        const brand = box(document.querySelector(".brand")!);
        const middle = (r: DOMRect) => r.top + r.height / 2;
        const items = [...document.querySelectorAll(".main-nav > ul > li, .lang-nav li")].map((e) => middle(box(e)));
        return { line, nav: box(document.querySelector(".main-nav")!).height, offsets: items.map((m) => Math.abs(m - middle(brand))) };
      });

    for (const role of ["editor", "admin", "contributor"] as const) {
      it(`fits one row for the ${role} in English, French and Spanish`, async () => {
        const page = role === "editor" ? editor : await signInAsDemo(await browser.newContext({ viewport: VIEWPORT }), server, role);
        for (const lang of ["en", "fr", "es"] as const) {
          await page.goto(`${server.url}/language/${lang}?next=${encodeURIComponent(role === "contributor" ? "/member" : "/editor")}`);
          const { line, nav, offsets } = await layout(page);
          expect(line).toBeGreaterThan(10);
          expect(nav, `${role} ${lang}: navigation height`).toBeLessThan(line * 1.5);
          for (const offset of offsets) expect(offset, `${role} ${lang}: an item off the row`).toBeLessThan(line / 2);
          expect(await page.locator("summary", { hasText: MENU[lang] }).count()).toBe(role === "contributor" ? 0 : 1);
          await screenshot(page, `header-${role}-${lang}-1280`);
        }
        await page.goto(`${server.url}/language/en?next=%2F`);
        if (page !== editor) await page.close();
      });
    }

    it("opens the secretariat's menu with the keyboard, and Escape closes it and returns focus", async () => {
      for (const lang of ["en", "fr", "es"] as const) {
        await editor.goto(`${server.url}/language/${lang}?next=%2Feditor`);
        const summary = editor.locator("summary", { hasText: MENU[lang] });
        const link = editor.locator(".nav-menu-panel").getByRole("link", { name: REVIEWS[lang] });
        expect(await link.isVisible()).toBe(false);
        // Tab from the top of the page until the menu's summary has focus.
        for (let i = 0; i < 20 && !(await summary.evaluate((e) => e === document.activeElement)); i++) await editor.keyboard.press("Tab");
        expect(await summary.evaluate((e) => e === document.activeElement)).toBe(true);
        await editor.keyboard.press("Enter");
        await link.waitFor({ state: "visible" });
        expect(await summary.evaluate((e) => (e.parentElement as HTMLDetailsElement).open)).toBe(true);
        await expectAccessible(editor);
        if (lang === "en") await screenshot(editor, "header-menu-open");
        // The links follow in tab order; Escape closes the menu and puts focus back on its summary.
        await editor.keyboard.press("Tab");
        expect(await editor.evaluate(() => document.activeElement?.closest(".nav-menu-panel") !== null)).toBe(true);
        await editor.keyboard.press("Escape");
        await link.waitFor({ state: "hidden" });
        expect(await summary.evaluate((e) => e === document.activeElement)).toBe(true);
        // Enter on a link of the menu follows it.
        await editor.keyboard.press("Enter");
        await link.waitFor({ state: "visible" });
        await link.focus();
        await editor.keyboard.press("Enter");
        await editor.waitForURL(`${server.url}/editor/reports/${REPORT}/reviews`);
      }
      await editor.goto(`${server.url}/language/en?next=%2F`);
    });

    it("stays usable on a phone: every destination reachable, no sideways scrolling", async () => {
      const phone = await signInAsDemo(await browser.newContext({ viewport: { width: 360, height: 740 } }), server, "admin");
      for (const lang of ["en", "fr", "es"] as const) {
        await phone.goto(`${server.url}/language/${lang}?next=%2Feditor`);
        expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
        await openSiteMenu(phone);
        await phone.locator("summary", { hasText: MENU[lang] }).click();
        const link = phone.locator(".nav-menu-panel").getByRole("link", { name: REVIEWS[lang] });
        await link.scrollIntoViewIfNeeded();
        expect(await link.isVisible()).toBe(true);
        expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
        await screenshot(phone, `header-menu-360-${lang}`);
      }
      await expectAccessible(phone);
      await phone.close();
    });
  });
});
