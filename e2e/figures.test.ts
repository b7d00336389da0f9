import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, launchChromium, screenshot, signInAsDemo } from "#e2e/helpers/browser.ts";
import { startProductServer, type RunningServer } from "#e2e/helpers/server.ts";

// The demo editor makes a figure with the guided form (question, breakdown, chart, a live
// preview, errors in view, an address that survives a reload), and readers see a chart for
// every question of a survey's results; a published chart reads on a phone (its narrow drawing,
// text at least 11 px, the data behind it as a table and a CSV).

describe.skipIf(!hasChromium)("figures in the browser", () => {
  let server: RunningServer;
  let browser: Browser;
  let editor: Page;

  beforeAll(async () => {
    server = await startProductServer("pglite");
    browser = await launchChromium();
    editor = await signInAsDemo(await browser.newContext({ viewport: { width: 1280, height: 720 } }), server, "editor");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const optionsOf = (page: Page, label: string) => page.getByLabel(label, { exact: true }).locator("option").allTextContents();
  const preview = (page: Page) => page.locator("#figure-preview img");
  /** The preview drawn and loaded (the image has a size), for the address's selection. */
  const previewLoaded = async (page: Page, query: string) => {
    await expect.poll(() => preview(page).getAttribute("src"), { timeout: 30_000 }).toContain(query);
    await expect.poll(() => preview(page).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 30_000 }).toBe(true);
  };
  const inViewport = (page: Page, selector: string) =>
    page.locator(selector).evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    });

  it("makes a figure step by step: question, breakdown, chart, a live preview, errors beside the field in view, a reloadable address", async () => {
    await editor.goto(`${server.url}/editor/surveys`);
    await editor.getByRole("link", { name: /Technology adoption survey 2024/ }).click();
    await editor.getByRole("link", { name: "New figure" }).click();
    await editor.waitForURL(/\/figures\/new$/);
    await editor.waitForLoadState("load");
    await expectAccessible(editor);

    // 1. The question by its words; the matrix breaks down by technology, region or kind of organization.
    await editor.getByLabel("Question", { exact: true }).selectOption({ label: "How far has your administration taken each technology?" });
    await expect.poll(() => editor.url()).toContain("question=adoption");
    expect(await optionsOf(editor, "Breakdown")).toEqual(["By technology", "By region", "By kind of organization"]);
    await editor.getByLabel("Breakdown", { exact: true }).selectOption({ label: "By region" });
    await expect.poll(() => editor.url()).toContain("breakdown=region");
    // 2. Only the charts that show it by region.
    expect(await optionsOf(editor, "Chart")).toEqual(["Stage by region for one technology (stacked bars)", "Pilots and production, technology × region (heat map)", "World map: most common stage by country, for one technology"]);
    await editor.getByLabel("Chart", { exact: true }).selectOption({ label: "Stage by region for one technology (stacked bars)" });
    await expect.poll(() => editor.url()).toContain("chart=stage-by-region");
    await editor.getByLabel("Technology", { exact: true }).selectOption({ label: "Drones" });
    const query = "question=adoption&breakdown=region&chart=stage-by-region&technology=drones";
    await expect.poll(() => editor.url()).toContain(query);
    // 3. The preview follows the selects, with its data.
    await previewLoaded(editor, query);
    await editor.getByText("Show the data").click();
    expect(await editor.locator("#figure-preview table tbody tr").count()).toBeGreaterThan(0);

    // A reload shows the same step and preview.
    await editor.reload();
    await editor.waitForLoadState("load");
    expect(await editor.getByLabel("Chart", { exact: true }).inputValue()).toBe("stage-by-region");
    expect(await editor.getByLabel("Technology", { exact: true }).inputValue()).toBe("drones");
    await previewLoaded(editor, query);

    // 4. The reference follows the title; the text alternative is left out first.
    await editor.getByLabel("Title", { exact: true }).fill("Drones: how far administrations have gone, by region");
    expect(await editor.getByLabel("Reference", { exact: true }).inputValue()).toBe("drones-how-far-administrations-have-gone-by-region");
    await editor.getByRole("button", { name: "Save the figure" }).click();
    await editor.locator("#e-alt").waitFor();
    await editor.waitForLoadState("load");
    // The page's address is the form's own, with the selection.
    expect(editor.url()).toContain(`/figures/new?${query}`);
    // The error beside the field and the summary, in view without scrolling; the summary has the focus.
    await expect.poll(() => editor.locator("#e-alt").textContent()).toBe("This field is required.");
    await expect.poll(() => inViewport(editor, "#e-alt")).toBe(true);
    await expect.poll(() => inViewport(editor, ".figure-words .error-summary")).toBe(true);
    expect(await editor.evaluate(() => document.activeElement?.classList.contains("error-summary"))).toBe(true);
    expect(await editor.getByLabel("Title", { exact: true }).inputValue()).toBe("Drones: how far administrations have gone, by region");
    await expectAccessible(editor);
    await screenshot(editor, "figure-form-error");

    // The failed save's address is the form's own: opened again, the same step and preview.
    await editor.goto(editor.url().replace(/#.*$/, ""));
    expect(await editor.getByLabel("Technology", { exact: true }).inputValue()).toBe("drones");
    await previewLoaded(editor, query);

    await editor.getByLabel("Title", { exact: true }).fill("Drones: how far administrations have gone, by region");
    await editor.getByLabel("Text alternative", { exact: true }).fill("Stacked bars, one per region, showing the share of administrations at each stage with drones.");
    await editor.getByRole("button", { name: "Save the figure" }).click();
    await editor.waitForURL(/\/editor\/surveys\/[0-9a-f-]+#main$/);
    expect(await editor.getByRole("status").first().textContent()).toBe(
      "The figure “Drones: how far administrations have gone, by region” was saved. To place it in a section, write ::figure{ref=drones-how-far-administrations-have-gone-by-region}.",
    );
    expect(await editor.locator("#figure-drones-how-far-administrations-have-gone-by-region").count()).toBe(1);
    await expectAccessible(editor);
  });

  it("shows a chart for every question of the results, answers in the question's order", async () => {
    const reader = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await reader.goto(`${server.url}/surveys/adoption-2024/results`);
    const charts = reader.locator(".results-chart img");
    expect(await charts.count()).toBe(4);
    for (let i = 0; i < 4; i++) {
      await charts.nth(i).scrollIntoViewIfNeeded();
      await expect.poll(() => charts.nth(i).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 30_000 }).toBe(true);
      expect(await charts.nth(i).getAttribute("alt")).toMatch(/the numbers are in the table that follows/);
    }
    // The 1–5 scale keeps its order, whatever the counts.
    expect((await reader.locator("#q-priority .results-table").first().locator("th[scope=row]").allTextContents()).slice(0, 5)).toEqual(["1 (low)", "2", "3", "4", "5 (high)"]);
    await expectAccessible(reader);
    await screenshot(reader, "survey-results-charts");

    // On a phone: the form and the results fit the screen.
    const phone = await signInAsDemo(await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }), server, "editor");
    await phone.goto(`${server.url}/editor/figures/new`);
    await phone.waitForLoadState("load");
    await previewLoaded(phone, "preview.svg?");
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(phone);
    await screenshot(phone, "figure-form-phone");
    await phone.goto(`${server.url}/surveys/adoption-2024/results`);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  it("reads a published chart on a phone: the narrow drawing at its size, text of 11 px or more, the data as a table and a CSV", async () => {
    const chapter = `${server.url}/reports/disruptive-technologies/2022/en/blockchain`;
    const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
    await phone.goto(chapter);
    const figure = phone.locator("figure.directive-figure").first();
    const img = figure.locator("img");
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), { timeout: 30_000 }).toBe(true);
    const shown = await img.evaluate((el: HTMLImageElement) => ({ src: el.currentSrc, width: el.getBoundingClientRect().width, natural: el.naturalWidth, alt: el.alt }));
    expect(shown.src).toMatch(/\/figures\/blockchain-stage-by-region\.narrow\.svg$/);
    expect(shown.alt.length).toBeGreaterThan(20);
    expect(shown.width).toBeLessThanOrEqual(390);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The drawing's smallest text, times the scale it is shown at.
    const svg = await (await phone.request.get(shown.src)).text();
    const viewBoxWidth = Number(/viewBox="[\d.-]+ [\d.-]+ ([\d.]+)/.exec(svg)![1]);
    const smallest = Math.min(...[...svg.matchAll(/<text[^>]*font-size="([\d.]+)(?:px)?"/g)].map((m) => Number(m[1])));
    expect(smallest * (shown.width / viewBoxWidth)).toBeGreaterThanOrEqual(11);
    await screenshot(phone, "figure-phone");

    // "Show the data": a table with the rows of the CSV.
    await figure.getByText("Show the data", { exact: true }).click();
    const table = figure.locator("details table");
    await table.waitFor();
    expect(await table.locator("caption").textContent()).toContain("Blockchain: how far administrations have gone, by region");
    expect(await table.locator("thead th[scope=col]").allTextContents()).toEqual(["Region", "Stage", "Organizations"]);
    const csvLink = figure.getByRole("link", { name: "Download the data (CSV)" });
    const csv = await phone.request.get(new URL((await csvLink.getAttribute("href"))!, chapter).href);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trim().split(/\r?\n/).slice(1);
    const rows = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? "")));
    expect(rows.length).toBe(lines.length);
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect(lines.some((line) => line.includes(row[1]!) && line.endsWith(`,${row[2]}`) && line.includes(row[0]!.split(",")[0]!))).toBe(true);
    await expectAccessible(phone);

    // On a wide screen the wide drawing.
    const wide = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await wide.goto(chapter);
    const wideImg = wide.locator("figure.directive-figure img").first();
    await wideImg.scrollIntoViewIfNeeded();
    await expect.poll(() => wideImg.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), { timeout: 30_000 }).toBe(true);
    expect(await wideImg.evaluate((el: HTMLImageElement) => el.currentSrc)).toMatch(/\/figures\/blockchain-stage-by-region\.svg$/);
    await expectAccessible(wide);
    await screenshot(wide, "figure-wide");
  });
});
