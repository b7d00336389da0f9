import type { Page } from "playwright-core";

/**
 * Shows the section editor's Markdown source (the rich editor hides the textarea "Text" while it
 * shows the text). The browser keeps the choice, so the context's next editor pages open on the
 * source. Does nothing where the page has no rich editor (a build without the browser bundle).
 */
export async function markdownSource(page: Page) {
  // Module scripts have run once the document is complete.
  await page.waitForFunction(() => document.getElementById("f-body") !== null && document.readyState === "complete");
  const toggle = page.locator("#rich-editor-root[data-ready] .rich-toggle");
  if (!(await toggle.count())) return;
  if ((await toggle.getAttribute("aria-pressed")) !== "true") await toggle.click();
}

/** The rich editor's text (a contenteditable labelled by the field's label, as the textarea is). */
export const richText = (page: Page) => page.locator("#rich-editor-root").getByRole("textbox", { name: "Text", exact: true });
