import { demoAccount, type RunningServer } from "#e2e/helpers/server.ts";
import { prerequisite } from "#test/helpers/prerequisites.ts";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Whether a Chromium is installed; without one, browser tests fail in CI and are skipped elsewhere. */
export const hasChromium = prerequisite(`Chromium at ${CHROMIUM}`, existsSync(CHROMIUM), "apt-get install chromium, or set CHROMIUM_PATH");

// What the site's Content-Security-Policy refused on each page (Chromium reports it on the console).
const cspViolations = new WeakMap<Page, string[]>();

const watchCsp = (context: BrowserContext) =>
  context.on("console", (message) => {
    const page = message.page();
    if (!page || !/Content Security Policy/.test(message.text())) return;
    cspViolations.set(page, [...(cspViolations.get(page) ?? []), message.text()]);
  });

/** Debian's Chromium, headless, with the flags that keep it off the network; every context it opens records CSP violations. */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    watchCsp(context);
    return context;
  };
  return browser;
}

/** Fails if the site's own Content-Security-Policy refused anything on the page (an inline style, a script). */
export function expectNoCspViolations(page: Page) {
  expect(cspViolations.get(page) ?? [], `CSP violations on ${page.url()}`).toEqual([]);
}

/** Runs axe-core on the loaded page and fails on serious or critical violations, or on any CSP violation. */
export async function expectAccessible(page: Page) {
  await page.waitForLoadState("load"); // a click that navigates returns once the new page starts loading
  expectNoCspViolations(page);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(bad, `accessibility on ${page.url()}`).toEqual([]);
}

const SHOTS = join(import.meta.dirname, "..", "..", ".tmp", "screenshots");

/** Saves a full-page screenshot under .tmp/screenshots for people to look at. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** On a narrow screen the header's navigation is folded behind "Menu": opens it when it is shown and closed. */
export async function openSiteMenu(page: Page) {
  const summary = page.locator("details.site-menu > summary");
  if ((await summary.isVisible()) && !(await page.locator("details.site-menu").evaluate((d) => (d as HTMLDetailsElement).open))) await summary.click();
}

/** Signs in through the sign-in page in a new tab of the context; answers the tab, on the person's work. */
export async function signIn(context: BrowserContext, baseUrl: string, email: string, password: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Signing in lands on the person's work: "My work" for a member, the work page for the secretariat.
  await page.waitForURL((url) => url.pathname === "/member" || url.pathname === "/editor/work");
  return page;
}

/** Signs in as one of the demo's accounts (printed by the server at start-up). */
export async function signInAsDemo(context: BrowserContext, server: RunningServer, role: "admin" | "editor" | "contributor"): Promise<Page> {
  const { email, password } = demoAccount(server, role);
  return signIn(context, server.url, email, password);
}
