import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, launchChromium, screenshot } from "#e2e/helpers/browser.ts";
import { onServer, outboxLink } from "#e2e/helpers/accounts.ts";
import { engines, startProductServer, type RunningServer } from "#e2e/helpers/server.ts";

// The first thing a new installation's owner does: set up the administrator, then create a
// member organization and invite a contributor, all through the pages, in a real browser. With no
// mail server configured, the invitation waits in the outbox, where the administrator makes its link.

describe.skipIf(!hasChromium).each(engines())("first run on %s", (engine) => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let invitationLink: string;
  const shot = (name: string) => screenshot(page, `${engine}-${name}`);

  beforeAll(async () => {
    server = await startProductServer(engine, { DEMO: "0" });
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: "en-GB" })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("serves the home page, the sign-in page and the health probe", async () => {
    for (const path of ["/", "/sign-in", "/healthz"]) expect((await fetch(server.url + path)).status, path).toBe(200);
    await page.goto(server.url);
    await expect(page.title()).resolves.toContain("Living Report");
    await expectAccessible(page);
    await shot("home");
  });

  it("creates the first administrator through the setup page", async () => {
    await page.getByRole("link", { name: "Create the first administrator account" }).click();
    await expectAccessible(page);
    await page.getByLabel("Full name").fill("Grace Secretariat");
    await page.getByLabel("E-mail address").fill("grace@example.org");
    await page.getByLabel("Password", { exact: true }).fill("a long admin password");
    await page.getByLabel("Repeat the password").fill("a long admin password");
    await page.getByRole("button", { name: "Create administrator" }).click();
    await page.waitForURL(`${server.url}/admin`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Administration");
    await expectAccessible(page);
    await shot("admin");
    expect((await fetch(`${server.url}/setup`)).status).toBe(404);
  });

  it("shows the form's problems next to the fields", async () => {
    await page.goto(`${server.url}/admin/organizations/new`);
    await page.getByRole("button", { name: "Create" }).click();
    // The browser's own required-field check stops an empty form; bypass it to see ours.
    await page.evaluate(() => document.querySelector("form.stack")?.setAttribute("novalidate", ""));
    await page.getByRole("button", { name: "Create" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("Please correct the 2 fields marked below.");
    await expectAccessible(page);
    await shot("organization-errors");
  });

  it("creates an organization", async () => {
    await page.goto(`${server.url}/admin/organizations`);
    await expectAccessible(page);
    await shot("organizations");
    await page.getByRole("link", { name: "New organization" }).click();
    await page.getByLabel("Name").first().fill("Customs Administration of Testland");
    await page.getByLabel("Short name or acronym").fill("CAT");
    await page.getByLabel("Kind").selectOption("customs_administration");
    await page.getByLabel("Country or customs territory").selectOption("PE");
    await page.getByLabel("Region").selectOption("AMS");
    await page.getByLabel("Member since").fill("2001-06-15");
    await page.getByRole("button", { name: "Create" }).click();
    await expect(page.getByRole("status").first().textContent()).resolves.toContain("Organization “Customs Administration of Testland” created.");
    await expectAccessible(page);
    await shot("organization");
  });

  it("invites a contributor in that organization", async () => {
    await page.locator('a[href^="/admin/users/new?organizationId="]').click();
    await page.getByLabel("Full name").fill("Ana Delegate");
    await page.getByLabel("E-mail address").fill("ana@example.org");
    await expect(page.getByLabel("Organization").inputValue()).resolves.not.toBe("");
    await page.getByLabel("Role").selectOption("contributor");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByRole("status").first().textContent()).resolves.toContain("ana@example.org");
    await expectAccessible(page);
    await shot("invited");
    await page.goto(`${server.url}/admin/users`);
    await expect(page.getByRole("row", { name: /Ana Delegate/ }).textContent()).resolves.toContain("Customs Administration of Testland");
    await shot("users");
  });

  it("shows the invitation in the outbox, where its one-time link is made", async () => {
    await page.goto(`${server.url}/admin/outbox`);
    await expectAccessible(page);
    await shot("outbox");
    invitationLink = onServer(server, await outboxLink(page, server, "ana@example.org"));
    expect(new URL(invitationLink).pathname).toMatch(/^\/invitation\/[A-Za-z0-9_-]+$/);
    await expectAccessible(page);
    await shot("outbox-link");
  });

  it("the contributor sets a password from the link, signs in and is refused the administration", async () => {
    await page.locator("summary", { hasText: "Account" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.goto(invitationLink);
    await expectAccessible(page);
    await page.getByLabel("Password", { exact: true }).fill("ana's long password");
    await page.getByLabel("Repeat the password").fill("ana's long password");
    await page.getByRole("button", { name: "Set my password and sign in" }).click();
    await page.waitForURL(`${server.url}/member`);
    await shot("joined");
    await page.locator("summary", { hasText: "Account" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("link", { name: "Sign in" }).click();
    await page.getByLabel("E-mail address").fill("ana@example.org");
    await page.getByLabel("Password").fill("ana's long password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.locator("summary", { hasText: "Account" }).waitFor({ state: "visible" });
    await expect(page.locator("summary", { hasText: "Secretariat" }).count()).resolves.toBe(0);
    await expect(page.getByRole("link", { name: "Administration" }).count()).resolves.toBe(0);
    const res = await page.goto(`${server.url}/admin/users`);
    expect(res?.status()).toBe(403);
    await expectAccessible(page);
    await shot("forbidden");
  });
});
