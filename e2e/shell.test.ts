import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, launchChromium, screenshot } from "#e2e/helpers/browser.ts";
import { startProductServer, type RunningServer } from "#e2e/helpers/server.ts";

// The shell around every page: languages, the skip link, error pages, and life without JavaScript.

describe.skipIf(!hasChromium)("web shell", () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startProductServer("pglite", { DEMO: "0" });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("follows the browser's language and switches language in place", async () => {
    const page = await (await browser.newContext({ locale: "fr-FR" })).newPage();
    await page.goto(`${server.url}/sign-in?next=%2Faccount`);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("fr");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Connexion");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Español" }).click();
    expect(page.url()).toBe(`${server.url}/sign-in?next=%2Faccount`);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Iniciar sesión");
    await screenshot(page, "sign-in-es");
  });

  it("offers a skip link as the first stop for keyboard users", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(server.url);
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Skip to main content");
    await page.keyboard.press("Enter");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("main");
  });

  it("answers an unknown address with a helpful 404 page", async () => {
    const page = await (await browser.newContext()).newPage();
    const res = await page.goto(`${server.url}/no/such/page`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Page not found");
    await expectAccessible(page);
    await screenshot(page, "not-found");
  });

  it("works without JavaScript: setup and sign-in are plain forms", async () => {
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto(`${server.url}/setup`);
    await page.getByLabel("Full name").fill("No Script");
    await page.getByLabel("E-mail address").fill("noscript@example.org");
    await page.getByLabel("Password", { exact: true }).fill("a long admin password");
    await page.getByLabel("Repeat the password").fill("a different password");
    await page.getByRole("button", { name: "Create administrator" }).click();
    await expect(page.locator(".error-summary").textContent()).resolves.toContain("The two passwords differ.");
    await page.getByLabel("Password", { exact: true }).fill("a long admin password");
    await page.getByLabel("Repeat the password").fill("a long admin password");
    await page.getByRole("button", { name: "Create administrator" }).click();
    expect(page.url()).toBe(`${server.url}/admin`);
    // The header's menus are disclosures that open without JavaScript.
    await page.locator("summary", { hasText: "Account" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel("E-mail address").fill("noscript@example.org");
    await page.getByLabel("Password").fill("a long admin password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.locator("summary", { hasText: "Secretariat" }).click();
    await page.getByRole("link", { name: "Organizations" }).waitFor({ state: "visible" });
  });

  it("sends security headers", async () => {
    const res = await fetch(server.url);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  });
});
