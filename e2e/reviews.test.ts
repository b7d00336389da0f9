import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, launchChromium, screenshot, signIn, signInAsDemo } from "#e2e/helpers/browser.ts";
import { markdownSource } from "#e2e/helpers/editor.ts";
import { inviteAndAccept } from "#e2e/helpers/accounts.ts";
import { startProductServer, type RunningServer } from "#e2e/helpers/server.ts";

// The evidence trail in the browser: a regional workshop's recommendations placed in a section and
// traced both ways; a review round in which two organizations comment and the secretariat
// answers, exports the matrix and closes the round; an uninvited member kept out.

const REPORT = "disruptive-technologies";
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!hasChromium)("events, recommendations and review rounds in the browser", () => {
  let server: RunningServer;
  let browser: Browser;
  let editor: Page;

  beforeAll(async () => {
    server = await startProductServer("pglite");
    browser = await launchChromium();
    editor = await signInAsDemo(await browser.newContext({ acceptDownloads: true }), server, "admin");
    for (const [name, email, org] of [
      ["Wanjiru", "wanjiru@example.org", "Kenya Revenue Authority, Customs and Border Control"],
      ["Min-ji", "minji@example.org", "Korea Customs Service"],
      ["Yasmine", "yasmine@example.org", "Moroccan Customs"],
    ] as const) {
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

  it("records a regional workshop with two break-out groups and three recommendations, and traces one from section to source and back", async () => {
    await editor.goto(`${server.url}/editor/reports/${REPORT}/events`);
    await editor.getByText("Record an event").click();
    await editor.getByLabel("Kind", { exact: true }).selectOption("regional_workshop");
    await editor.getByLabel("Title").fill("Regional workshop, West and Central Africa");
    await editor.getByLabel("Short name").fill("rw-2026-wca");
    await editor.getByLabel("Start date").fill("2026-10-06");
    await editor.getByLabel("End date").fill("2026-10-07");
    await editor.getByLabel("Place").fill("Abidjan");
    await editor.getByLabel("Region").selectOption("WCA");
    await editor.getByRole("button", { name: "Record the event" }).click();
    await editor.waitForURL(/\/editor\/events\/[0-9a-f-]+$/);
    const eventUrl = editor.url();

    for (const group of ["Group 1: risk engines", "Group 2: seals and tracking"]) {
      await editor.getByLabel("Kind of part").selectOption("breakout_group");
      await editor.getByLabel("Name", { exact: true }).fill(group);
      await editor.getByRole("button", { name: "Add", exact: true }).click();
      await expect.poll(() => editor.getByText(group).count()).toBeGreaterThan(0);
    }
    const recommendations = [
      ["Group 1: risk engines", "Feed the risk engine with data partners already hold.", "e2e-feed-the-risk-engine"],
      ["Group 2: seals and tracking", "Agree on seal standards with neighbouring countries first.", "e2e-agree-seal-standards"],
      ["Group 2: seals and tracking", "Publish transit times so traders see the gain.", "e2e-publish-transit-times"],
    ] as const;
    for (const [group, text, slug] of recommendations) {
      await editor.goto(eventUrl);
      await editor.getByText("Record an outcome", { exact: true }).first().click();
      await editor.getByLabel("Kind of outcome").selectOption("recommendation");
      await editor.getByLabel("From").selectOption({ label: group });
      await editor.getByRole("group", { name: "Text" }).getByLabel("English").fill(text);
      await editor.getByLabel("Produced by").fill(group.split(":")[0]!);
      await editor.getByRole("button", { name: "Record an outcome" }).click();
      const outcome = editor.locator(".outcome", { hasText: text });
      await outcome.getByText("Add to the recommendation register").click();
      await outcome.getByLabel("As a new recommendation, named").fill(slug);
      await outcome.getByRole("button", { name: "Add" }).click();
      await editor.waitForURL(/\/editor\/recommendations\/[0-9a-f-]+$/);
    }
    await editor.goto(eventUrl);
    expect(await editor.locator(".outcome", { hasText: "Feeds:" }).count()).toBe(3);
    await expectAccessible(editor);

    // Place one recommendation in a section of the living draft.
    await editor.goto(`${server.url}/editor/reports/${REPORT}`);
    await editor.getByRole("link", { name: "How it is used today" }).first().click();
    await markdownSource(editor); // typed as Markdown
    const body = editor.getByLabel("Text", { exact: true });
    await body.fill(`${await body.inputValue()}\n\n::recommendation{ref=e2e-agree-seal-standards}`);
    await editor.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => editor.locator("#preview").textContent()).toContain("Agree on seal standards with neighbouring countries first.");
    const sectionUrl = editor.url();
    // The section's provenance names the recommendation and the workshop behind it...
    const provenance = editor.getByRole("region", { name: "Provenance" });
    expect(await provenance.getByRole("link", { name: "e2e-agree-seal-standards" }).count()).toBe(1);
    expect(await provenance.getByRole("link", { name: "Regional workshop, West and Central Africa" }).count()).toBe(1);
    await expectAccessible(editor);
    await screenshot(editor, "section-provenance");
    // ...and the recommendation lists the section it is reflected in.
    await provenance.getByRole("link", { name: "e2e-agree-seal-standards" }).click();
    const reflected = editor.getByRole("region", { name: "Reflected in" });
    await reflected.getByRole("link", { name: /How it is used today/ }).click();
    expect(editor.url().split("?")[0]).toBe(sectionUrl.split("?")[0]);

    // The register and the public timeline.
    await editor.goto(`${server.url}/editor/reports/${REPORT}/recommendations`);
    for (const [, , slug] of recommendations) expect(await editor.getByRole("link", { name: slug }).count()).toBe(1);
    const reader = await (await browser.newContext()).newPage();
    await reader.goto(`${server.url}/reports/${REPORT}/timeline`);
    await reader.getByRole("link", { name: "Regional workshop, West and Central Africa" }).click();
    expect(await reader.getByRole("heading", { name: "Group 2: seals and tracking" }).count()).toBe(1);
    await expectAccessible(reader);
  });

  it("runs a review round: two organizations comment, one quoting a passage; the secretariat answers both, exports the matrix and closes the round", async () => {
    await editor.goto(`${server.url}/editor/reports/${REPORT}/reviews`);
    await editor.getByText("Open a review round").click();
    await editor.getByLabel("Title").fill("Autumn review 2026");
    await editor.getByLabel("Closes on").fill(inDays(14));
    await editor.getByLabel("Kenya Revenue Authority, Customs and Border Control").check();
    await editor.getByLabel("Korea Customs Service").check();
    await editor.getByRole("button", { name: "Open the round" }).click();
    await editor.waitForURL(/\/editor\/reviews\/[0-9a-f-]+$/);
    const roundId = editor.url().split("/").pop()!;

    // Kenya: from "My work" to the round; selects a passage, which becomes the quote.
    const kenya = await signIn(await browser.newContext(), server.url, "wanjiru@example.org", "member password 1");
    await kenya.getByRole("link", { name: "My work" }).click();
    // The round's name is also in the notification of the invitation: the list of rounds is the way in.
    await kenya.getByRole("region", { name: "Review rounds", exact: true }).getByRole("link", { name: "Autumn review 2026" }).click();
    const section = kenya.locator("article.review-section").filter({ has: kenya.getByRole("heading", { name: /What it is/ }) }).first();
    // The page's script copies the selection; it runs once the page has loaded.
    await kenya.waitForLoadState("load");
    const paragraph = section.locator(".prose p").first();
    const passage = ((await paragraph.textContent()) ?? "").trim().replace(/\s+/g, " ");
    await paragraph.click({ clickCount: 3 });
    await expect.poll(() => section.getByLabel("Quoted passage").inputValue()).toBe(passage);
    await section.getByLabel("Your comment").fill("Name the kinds of ledger this covers.");
    await section.getByRole("button", { name: "Send the comment" }).click();
    await expect.poll(() => kenya.getByRole("status").first().textContent()).toContain("Your comment was recorded.");
    await expectAccessible(kenya);

    // Korea comments on another section, without a quote, and cannot see Kenya's comment.
    const korea = await signIn(await browser.newContext(), server.url, "minji@example.org", "member password 1");
    await korea.goto(`${server.url}/reviews/${roundId}`);
    expect(await korea.getByText("Name the kinds of ledger this covers.").count()).toBe(0);
    const benefits = korea.locator("article.review-section").filter({ has: korea.getByRole("heading", { name: /Benefits and risks/ }) }).first();
    await benefits.getByText(/Comment on section/).click();
    await benefits.getByLabel("Your comment").fill("Mention the cost of training staff.");
    await benefits.getByRole("button", { name: "Send the comment" }).click();
    await expect.poll(() => korea.getByRole("status").first().textContent()).toContain("Your comment was recorded.");

    // Morocco was not invited: the round is not there for it, and a forged post is refused.
    const morocco = await signIn(await browser.newContext(), server.url, "yasmine@example.org", "member password 1");
    expect((await morocco.goto(`${server.url}/reviews/${roundId}`))?.status()).toBe(404);
    await morocco.goto(`${server.url}/member`);
    const token = await morocco.locator('input[name="_csrf"]').first().inputValue();
    const forged = await morocco.request.post(`${server.url}/reviews/${roundId}/comments`, { form: { _csrf: token, sectionId: "00000000-0000-4000-8000-000000000000", body: "Let me in." }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);

    // The secretariat: closing is refused while comments lack a disposition.
    await editor.goto(`${server.url}/editor/reviews/${roundId}`);
    expect(await editor.getByText("2 of 2 comments still need a disposition.").count()).toBe(1);
    await editor.getByRole("button", { name: "Close the round" }).click();
    expect(await editor.getByRole("alert").textContent()).toContain("Some comments have no disposition yet");
    const first = editor.locator(".comment", { hasText: "Name the kinds of ledger this covers." });
    expect(await first.locator("blockquote").textContent()).toBe(passage);
    await first.getByLabel("Disposition").selectOption("accepted");
    await first.getByLabel("Reason").fill("Permissioned and public ledgers now named.");
    await first.getByRole("button", { name: "Record" }).click();
    const second = editor.locator(".comment", { hasText: "Mention the cost of training staff." });
    await second.getByLabel("Disposition").selectOption("not_accepted");
    await second.getByLabel("Reason").fill("Covered in the chapter on skills.");
    await second.getByRole("button", { name: "Record" }).click();
    await expect.poll(() => editor.getByText("0 of 2 comments still need a disposition.").count()).toBe(1);
    await expectAccessible(editor);
    await screenshot(editor, "review-round-editor");

    const [download] = await Promise.all([editor.waitForEvent("download"), editor.getByRole("link", { name: "Resolution matrix (XLSX)" }).click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const rows = book.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows).toHaveLength(3);
    const lines = rows.slice(1).map((r) => [r[4], r[5], r[8]]);
    expect(lines).toContainEqual(["Kenya Revenue Authority, Customs and Border Control", passage, "Accepted"]);
    expect(lines).toContainEqual(["Korea Customs Service", "", "Not accepted"]);

    await editor.getByRole("button", { name: "Close the round" }).click();
    await expect.poll(() => editor.getByRole("status").first().textContent()).toContain("The round is closed.");
    // Closed: members see each other's comments and the answers.
    await korea.goto(`${server.url}/reviews/${roundId}`);
    expect(await korea.getByText("Name the kinds of ledger this covers.").count()).toBe(1);
    expect(await korea.getByText("Permissioned and public ledgers now named.").count()).toBe(1);
  });
});
