import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, launchChromium, screenshot, signInAsDemo } from "#e2e/helpers/browser.ts";
import { markdownSource } from "#e2e/helpers/editor.ts";
import { startProductServer, type RunningServer } from "#e2e/helpers/server.ts";

// The secretariat publishing an edition of the demo report: the checks block a broken reference,
// warnings are acknowledged with a note, the label is typed to confirm, the job's progress is
// watched, and the note is found in the audit log.

const NOTE = "Draft sections and the translations of the technology chapters follow in an update.";

describe.skipIf(!hasChromium)("publishing an edition", () => {
  let server: RunningServer;
  let browser: Browser;
  let editor: Page;
  let editionUrl = "";
  let original = "";

  const openSection = async (chapter: string, section: string) => {
    await editor.goto(`${server.url}/editor/reports/disruptive-technologies`);
    await editor.getByRole("region", { name: chapter }).getByRole("link", { name: section, exact: true }).click();
    await editor.waitForURL(/\/editor\/sections\/.+\/en$/);
    await markdownSource(editor); // these tests type Markdown
  };

  const saveText = async (body: string, summary: string) => {
    await editor.getByLabel("Text", { exact: true }).fill(body);
    await editor.getByLabel("Summary of the change").fill(summary);
    await editor.getByRole("button", { name: "Save" }).click();
    await editor.getByRole("status").filter({ hasText: /Saved as revision/ }).first().waitFor();
  };

  const panel = () => editor.getByRole("region", { name: "Publish this edition" });
  const publishButton = () => panel().getByRole("button", { name: "Publish", exact: true });

  beforeAll(async () => {
    server = await startProductServer("pglite");
    browser = await launchChromium();
    editor = await signInAsDemo(await browser.newContext({ locale: "en-GB" }), server, "editor");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("refuses to publish an edition with a broken figure reference", async () => {
    await openSection("Internet of Things", "What it is");
    original = await editor.getByLabel("Text", { exact: true }).inputValue();
    await saveText(`${original}\n\n::figure{ref=does-not-exist}`, "A figure to come");

    await editor.goto(`${server.url}/editor/reports/disruptive-technologies/editions`);
    await editor.getByLabel("Label").fill("2027");
    await editor.getByRole("button", { name: "Freeze the living draft as a new edition" }).click();
    await editor.waitForURL(/\/editor\/editions\/[0-9a-f-]+$/);
    editionUrl = editor.url();

    // The error is shown with where to fix it, and the button is disabled.
    await panel().getByText(/::figure\{ref=does-not-exist\} refers to nothing/).first().waitFor();
    await panel().getByText(/errors? blocks? publishing\./).waitFor();
    await expect(publishButton().isDisabled()).resolves.toBe(true);
    await expectAccessible(editor);
    await screenshot(editor, "publish-blocked");

    // A form sent anyway (the button enabled by hand) is refused by the server.
    await panel().getByLabel("Type the edition's label (2027) to confirm").fill("2027");
    await panel().getByLabel(/Why it goes out with \d+ warnings/).fill(NOTE);
    await publishButton().evaluate((button) => button.removeAttribute("disabled"));
    await publishButton().click();
    await editor.waitForLoadState("load");
    expect(editor.url()).toBe(`${editionUrl}/publish`);
    await expect(editor.getByRole("alert").first().textContent()).resolves.toContain("This edition cannot be published while errors remain.");
    await expect(publishButton().isDisabled()).resolves.toBe(true);
  });

  it("publishes it once fixed, with its warnings acknowledged by a note the audit log keeps", async () => {
    await openSection("Internet of Things", "What it is");
    await saveText(original, "The figure is not ready yet");
    await editor.goto(editionUrl);
    await editor.getByRole("button", { name: "Refresh from the living draft" }).click();
    await editor.waitForURL(editionUrl);

    // Only warnings now: sections still in draft, chapters not translated (listed by chapter, folded when many).
    await expect(panel().getByText(/refers to nothing/).count()).resolves.toBe(0);
    await panel().getByText("The section is still marked Draft.").first().waitFor({ state: "attached" });
    await panel().getByText(/Not translated/).first().waitFor({ state: "attached" });
    await expect(publishButton().isDisabled()).resolves.toBe(false);

    // A wrong label is refused beside its field; what was typed is kept.
    await panel().getByLabel("Type the edition's label (2027) to confirm").fill("2026");
    await panel().getByLabel(/Why it goes out with \d+ warnings/).fill(NOTE);
    await publishButton().click();
    await editor.waitForLoadState("load");
    await panel().getByText("This is not the edition's label.").waitFor();
    await expect(panel().getByLabel(/Why it goes out with \d+ warnings/).inputValue()).resolves.toBe(NOTE);
    await expectAccessible(editor);
    await screenshot(editor, "publish-wrong-label");

    await panel().getByLabel("Type the edition's label (2027) to confirm").fill("2027");
    await publishButton().click();
    await editor.waitForURL(/\/jobs\/[0-9a-f-]+$/);
    const jobUrl = editor.url();
    // The live page reloads itself when the job ends: axe checks a copy whose polling script is blocked.
    const still = await (await browser.newContext({ locale: "en-GB", storageState: await editor.context().storageState() })).newPage();
    await still.route(/\/assets\/job\.js(\?|$)/, (route) => route.abort());
    await still.goto(jobUrl);
    await still.getByRole("heading", { name: "Publishing edition 2027" }).waitFor();
    await expectAccessible(still);

    await editor.getByText("Edition 2027 is published.").waitFor({ timeout: 90_000 });
    await expectAccessible(editor);
    await screenshot(editor, "publish-job-done");
    await editor.getByRole("link", { name: "Read edition 2027" }).click();
    await editor.waitForURL(/\/reports\/disruptive-technologies\/2027\/en\/$/);

    await editor.goto(editionUrl);
    const acknowledged = editor.getByRole("region", { name: /Published with \d+ known warnings/ });
    await acknowledged.getByText(NOTE).waitFor();
    await expect(acknowledged.textContent()).resolves.toContain("Acknowledged by Eli Editor (demo)");
    await expect(editor.getByRole("region", { name: "Withdraw this edition" }).count()).resolves.toBe(1);
    await expectAccessible(editor);

    // The administrator finds the note in the audit log, on the publication of edition 2027.
    const admin = await signInAsDemo(await browser.newContext({ locale: "en-GB" }), server, "admin");
    await admin.goto(`${server.url}/admin/audit`);
    const row = admin.getByRole("row").filter({ hasText: "Published the edition" }).filter({ hasText: "edition 2027" });
    await expect(row.textContent()).resolves.toContain(NOTE);
    await expectAccessible(admin);
    await screenshot(admin, "publish-audit");
  });
});
