import { describe, expect, it } from "vitest";
import { withFreeFootnoteLabels } from "#src/client/editor/clipboard.ts";
import { markdownToDoc } from "#src/client/editor/markdown.ts";

describe("a pasted text's footnotes", () => {
  it("keep their labels in a text without notes", () => {
    const pasted = "Words[^1] and more[^2].\n\n[^1]: One.\n\n[^2]: Two.\n";
    expect(withFreeFootnoteLabels(pasted, markdownToDoc("No notes here.\n"))).toBe(pasted);
  });

  it("are renumbered past the notes the text already has, references and definitions alike", () => {
    const doc = markdownToDoc("Ours[^1] and[^3].\n\n[^1]: Our first.\n\n[^3]: Our third.\n");
    const pasted = "Words[^1] and more[^2], again[^1].\n\n[^1]: One.\n\n[^2]: Two.\n";
    expect(withFreeFootnoteLabels(pasted, doc)).toBe("Words[^2] and more[^4], again[^2].\n\n[^2]: One.\n\n[^4]: Two.\n");
  });
});
