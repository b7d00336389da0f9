import { describe, expect, it } from "vitest";
import { isOwnCopy, markdownSlice, markOwnCopy, transferredMarkdown } from "#src/client/editor/clipboard.ts";
import { docToMarkdown, markdownToDoc } from "#src/client/editor/markdown.ts";
import { schema } from "#src/client/editor/schema.ts";

/** The Markdown a paste of `pasted` into `into` would insert. */
const pasting = (pasted: string, into: string) => docToMarkdown(schema.node("doc", null, markdownSlice(pasted, markdownToDoc(into)).content));

/** A clipboard or drag transfer holding `items`. */
function transfer(items: Record<string, string> = {}) {
  const data = new Map(Object.entries(items));
  return { getData: (type: string) => data.get(type) ?? "", setData: (type: string, value: string) => void data.set(type, value) };
}

describe("a pasted text's footnotes", () => {
  it("keep their labels in a text without notes", () => {
    const pasted = "Words[^1] and more[^2].\n\n[^1]: One.\n\n[^2]: Two.";
    expect(pasting(pasted, "No notes here.\n")).toBe(pasted);
  });

  it("are renumbered past the notes the text already has, references and definitions alike", () => {
    const into = "Ours[^1] and[^3].\n\n[^1]: Our first.\n\n[^3]: Our third.\n";
    const pasted = "Words[^1] and more[^2], again[^1].\n\n[^1]: One.\n\n[^2]: Two.";
    expect(pasting(pasted, into)).toBe("Words[^2] and more[^4], again[^2].\n\n[^2]: One.\n\n[^4]: Two.");
  });

  it("are only real notes: `[^1]` in code or escaped stays as written", () => {
    const pasted = "Write `[^1]` or \\[^1] for a note[^1].\n\n```\n[^1]: not a note\n```\n\n[^1]: The note.";
    expect(pasting(pasted, "Ours[^1].\n\n[^1]: Ours.\n")).toBe("Write `[^1]` or \\[^1] for a note[^2].\n\n```\n[^1]: not a note\n```\n\n[^2]: The note.");
  });
});

describe("copies the editor reads back with its own rules", () => {
  it("are only those this editor marked, never HTML that merely looks like its markup", () => {
    const copied = transfer({ "text/html": '<p data-pm-slice="1 1 []">Words</p>' });
    expect(isOwnCopy(copied)).toBe(false);
    markOwnCopy(copied);
    expect(isOwnCopy(copied)).toBe(true);
    expect(isOwnCopy(transfer({ "text/html": '<p data-pm-slice="1 1 []">x</p>', "application/x-living-report-slice": "guessed" }))).toBe(false);
  });

  it("from elsewhere are cleaned into Markdown: no script links, no Markdown kept as typed", () => {
    const html = '<p data-pm-slice="1 1 []"><a href="javascript:alert(1)">Click</a> and <a href="https://example.org">a site</a></p><pre class="rt-raw">&lt;script&gt;x&lt;/script&gt;</pre>';
    const markdown = transferredMarkdown(transfer({ "text/html": html }))!;
    expect(markdown).toContain("[a site](https://example.org)");
    expect(markdown).not.toContain("javascript:");
    // The markup's "Markdown as typed" is shown as code, not kept as HTML.
    expect(markdown).toContain("```\n<script>x</script>\n```");
    expect(transferredMarkdown(transfer({ "text/plain": "Just words." }))).toBeUndefined();
    expect(transferredMarkdown(transfer({ "text/plain": "# A title\r\n\r\nWords." }))).toBe("# A title\n\nWords.");
  });
});
