import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translator } from "#src/i18n/i18n.ts";
import { acceptInvitation, invite, mailedInvitationLink } from "#e2e/helpers/accounts.ts";
import { expectAccessible, hasChromium, launchChromium, screenshot, signIn, signInAsDemo } from "#e2e/helpers/browser.ts";
import { demoAccount, freePort, startProductServer, type RunningServer } from "#e2e/helpers/server.ts";
import { startSmtpServer, type TestSmtpServer } from "#test/setup/smtp.ts";

// The product started with SMTP_URL pointing at a real SMTP server on a socket: an invitation, a
// password reset and a reader's subscription each go out by mail, and Chromium follows the mailed
// link as the person would.

describe.skipIf(!hasChromium)("people reached by mail", () => {
  let smtp: TestSmtpServer;
  let server: RunningServer;
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    // Mailed links carry PUBLIC_URL: the server is started on an address known beforehand, so they lead to it as they are.
    const port = await freePort();
    server = await startProductServer("pglite", { PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, SMTP_URL: smtp.url });
    browser = await launchChromium();
    admin = await signInAsDemo(await browser.newContext(), server, "admin");
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  it("invites a Spanish-speaking member, who sets a password from the mail and lands signed in, in Spanish", async () => {
    const es = translator("es");
    await invite(admin, server, { name: "Lucía Ramos", email: "lucia@example.org", role: "contributor", organization: "Korea Customs Service", language: "es" });
    await expect(admin.getByRole("status").first().textContent()).resolves.toContain("lucia@example.org");

    const link = await mailedInvitationLink(smtp, "lucia@example.org");
    const mail = smtp.received.find((m) => m.to.includes("lucia@example.org"))!;
    expect(mail.subject).toBe(es("invitationMail.subject", { site: es("app.name") }));
    expect(mail.text).toContain("Lucía Ramos");
    expect(mail.html).toContain('<html lang="es">');
    expect(link.startsWith(`${server.url}/invitation/`)).toBe(true);

    // Her own browser, which says nothing of Spanish: the page speaks her preferred language.
    const context = await browser.newContext({ locale: "en-GB" });
    const welcome = await context.newPage();
    await welcome.goto(link);
    await expect(welcome.locator("html").getAttribute("lang")).resolves.toBe("es");
    await expect(welcome.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(es("invitation.welcome", { name: "Lucía Ramos" }));
    await expectAccessible(welcome);
    await screenshot(welcome, "accounts-invitation");
    await welcome.close();

    const member = await acceptInvitation(context, link, "lucía's long password");
    expect(new URL(member.url()).pathname).toBe("/member");
    await expect(member.locator("html").getAttribute("lang")).resolves.toBe("es");
    await expect(member.getByRole("status").first().textContent()).resolves.toContain(es("invitation.accepted", { name: "Lucía Ramos" }));
    await expectAccessible(member);
    await screenshot(member, "accounts-invited-member");
    // Signed in, and every page in Spanish from now on.
    await member.goto(`${server.url}/account`);
    await expect(member.locator("html").getAttribute("lang")).resolves.toBe("es");
    await expect(member.getByText("lucia@example.org").count()).resolves.toBeGreaterThan(0);

    // The link works once.
    const again = await (await browser.newContext()).newPage();
    const answer = await again.goto(link);
    expect(answer?.status()).toBe(410);
    await expect(again.locator('input[name="password"]').count()).resolves.toBe(0);
    await expectAccessible(again);
    await screenshot(again, "accounts-link-used");
  }, 180_000);

  it("resets a forgotten password by mail; the old password no longer works", async () => {
    const en = translator("en");
    const { email, password: oldPassword } = demoAccount(server, "contributor");
    const newPassword = "a brand new long password";
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByRole("link", { name: en("passwordReset.forgotLink") }).click();
    await expectAccessible(page);
    await page.getByLabel("E-mail address").fill(email);
    await page.getByRole("button", { name: en("passwordReset.send") }).click();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(en("passwordReset.sentTitle"));
    await expectAccessible(page);
    await screenshot(page, "accounts-reset-sent");

    const mail = await smtp.waitFor((m) => m.to.includes(email) && m.links.some((l) => l.includes("/password/reset/")), 60_000);
    const link = mail.links.find((l) => l.includes("/password/reset/"))!;
    expect(link.startsWith(`${server.url}/password/reset/`)).toBe(true);

    await page.goto(link);
    await expectAccessible(page);
    await screenshot(page, "accounts-reset");
    await page.getByLabel("Password", { exact: true }).fill(newPassword);
    await page.getByLabel(en("user.passwordConfirm")).fill(newPassword);
    await Promise.all([page.waitForURL((url) => url.pathname === "/member"), page.getByRole("button", { name: en("passwordReset.submit") }).click()]);
    await expectAccessible(page);

    // The old password is refused, the new one signs in, and the link is spent.
    const refused = await (await browser.newContext()).newPage();
    await refused.goto(`${server.url}/sign-in`);
    await refused.getByLabel("E-mail address").fill(email);
    await refused.getByLabel("Password").fill(oldPassword);
    await refused.getByRole("button", { name: "Sign in" }).click();
    await refused.waitForLoadState("load");
    expect(new URL(refused.url()).pathname).toBe("/sign-in");
    await expect(refused.locator(".error-summary, [role=alert]").count()).resolves.toBeGreaterThan(0);
    await signIn(await browser.newContext(), server.url, email, newPassword);
    expect((await (await (await browser.newContext()).newPage()).goto(link))?.status()).toBe(410);
  }, 180_000);

  it("subscribes a reader to new editions from the report's page, confirmed from the mail", async () => {
    const fr = translator("fr");
    const page = await (await browser.newContext({ locale: "fr-FR" })).newPage();
    await page.goto(`${server.url}/reports/disruptive-technologies/`);
    const form = page.getByRole("region", { name: fr("subscription.formTitle") });
    await form.getByLabel(fr("subscription.email")).fill("lectrice@example.org");
    await expectAccessible(page);
    await screenshot(page, "subscription-form");
    await form.getByRole("button", { name: fr("subscription.submit") }).click();
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe(fr("subscription.checkTitle"));
    await expectAccessible(page);
    await screenshot(page, "subscription-requested");

    const mail = await smtp.waitFor((m) => m.to.includes("lectrice@example.org"), 60_000);
    expect(mail.html).toContain('<html lang="fr">');
    const link = mail.links.find((l) => l.includes("/subscriptions/confirm/"))!;
    expect(link.startsWith(`${server.url}/subscriptions/confirm/`)).toBe(true);

    await page.goto(link);
    await expectAccessible(page);
    await screenshot(page, "subscription-confirm");
    await page.getByRole("button", { name: fr("subscription.confirmSubmit") }).click();
    await page.waitForURL(`${server.url}/reports/disruptive-technologies/`);
    await expect(page.getByRole("status").first().textContent()).resolves.toContain("Abonnement confirmé");
    await expectAccessible(page);
  }, 180_000);
});
