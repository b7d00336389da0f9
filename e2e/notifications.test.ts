import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, launchChromium, screenshot, signInAsDemo } from "#e2e/helpers/browser.ts";
import { HttpSession } from "#e2e/helpers/http.ts";
import { demoAccount, startProductServer, type RunningServer } from "#e2e/helpers/server.ts";

// The notification centre and the choice of mail per kind, in a browser: reachable from the header
// (inside the folded menu on a phone), accessible, and the choices kept.

describe.skipIf(!hasChromium)("notifications in the browser", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startProductServer("pglite");
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("reaches the centre from the phone's menu, follows a notification, and keeps the mail choices", async () => {
    // The secretariat retires one of the contributor's organization's case studies: the contributor is told.
    const { email, password } = demoAccount(server, "editor");
    const editor = await new HttpSession(server.url).signIn(email, password);
    const queue = await editor.get("/editor/case-studies?state=published");
    const caseStudy = /href="(\/member\/case-studies\/[0-9a-f-]{36})"[^>]*>A shared ledger for export clearance documents/.exec(queue.body)![1]!;
    await editor.get(caseStudy);
    expect((await editor.post(`${caseStudy}/move`, { from: "published", to: "retired", reason: "withdrawn" })).status).toBe(303);

    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await signInAsDemo(context, server, "contributor");
    const link = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Notifications/ });
    expect(await link.isVisible()).toBe(false);
    await page.locator("details.site-menu > summary").click();
    await link.click();
    await page.waitForURL(`${server.url}/notifications`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Notifications");
    await expectAccessible(page);
    await screenshot(page, "notifications-centre-phone");

    const first = page.locator(".notification-list li").first();
    // The demo contributor also has the open round's notice, unread: following one notification reads that one only.
    const unread = await page.locator(".notification-list li.unread").count();
    expect(unread).toBeGreaterThan(0);
    expect(await first.getAttribute("class")).toBe("notification unread");
    expect(await first.textContent()).toContain("New");
    expect(await first.textContent()).toContain("“A shared ledger for export clearance documents” was retired.");
    await first.locator("a.notification-text").click();
    await page.waitForURL(`${server.url}${caseStudy}`);
    await page.goto(`${server.url}/notifications`);
    expect(await first.getAttribute("class")).toBe("notification");
    expect(await page.locator(".notification-list li.unread").count()).toBe(unread - 1);
    if (unread === 1) expect(await page.locator(".count-badge").count()).toBe(0);
    else expect((await page.locator(".count-badge").first().textContent())?.trim()).toMatch(new RegExp(`^${unread - 1}\\b`));

    await page.getByRole("link", { name: "Choose which notifications are e-mailed to you" }).click();
    await page.waitForURL(`${server.url}/account/notifications`);
    const reminder = page.getByRole("group", { name: "Survey reminder" });
    await reminder.getByLabel("In a daily digest").check();
    await page.getByRole("group", { name: "New edition" }).getByLabel("Not by e-mail").check();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Save my choices" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Your notification e-mail choices are saved.");
    expect(await reminder.getByLabel("In a daily digest").isChecked()).toBe(true);
    expect(await page.getByRole("group", { name: "New edition" }).getByLabel("Not by e-mail").isChecked()).toBe(true);
    expect(await page.getByRole("group", { name: "Survey invitation" }).getByLabel("Immediately").isChecked()).toBe(true);
    await screenshot(page, "notification-preferences-phone");
    await context.close();
  });

  it("shows the centre with its unread count in the header on a wide screen", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await signInAsDemo(context, server, "editor");
    await page.goto(`${server.url}/notifications`);
    await expectAccessible(page);
    await screenshot(page, "notifications-centre");
    await page.goto(`${server.url}/account`);
    await page.getByRole("link", { name: "Notification e-mails" }).click();
    await page.waitForURL(`${server.url}/account/notifications`);
    await expectAccessible(page);
    await screenshot(page, "notification-preferences");
    await context.close();
  });
});
