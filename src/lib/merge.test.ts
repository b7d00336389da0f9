import { describe, expect, it } from "vitest";
import { CONFLICT_MARKER, mergeLine, mergeTexts, wordDiff } from "#src/lib/merge.ts";

const markers = { theirs: "THEIRS", yours: "YOURS", end: "END" };

describe("mergeTexts", () => {
  it("keeps both sides' changes to different paragraphs", () => {
    const base = "First paragraph.\n\nSecond paragraph.\n\nThird paragraph.";
    const theirs = "First paragraph, improved by them.\n\nSecond paragraph.\n\nThird paragraph.";
    const yours = "First paragraph.\n\nSecond paragraph.\n\nThird paragraph, extended by me.";
    const merged = mergeTexts(base, theirs, yours, markers);
    expect(merged.clean).toBe(true);
    expect(merged.text).toBe("First paragraph, improved by them.\n\nSecond paragraph.\n\nThird paragraph, extended by me.");
  });

  it("keeps both versions of a passage both changed, between markers", () => {
    const merged = mergeTexts("One.\nTwo.", "One, theirs.\nTwo.", "One, mine.\nTwo.", markers);
    expect(merged.clean).toBe(false);
    expect(merged.text).toBe("<<<<<<< THEIRS\nOne, theirs.\n======= YOURS\nOne, mine.\n>>>>>>> END\nTwo.");
    expect(CONFLICT_MARKER.test(merged.text)).toBe(true);
  });

  it("does not call identical changes a conflict", () => {
    expect(mergeTexts("a", "b", "b", markers)).toEqual({ text: "b", clean: true });
  });
});

describe("mergeLine and wordDiff", () => {
  it("takes the side that changed a heading", () => {
    expect(mergeLine("H", "H2", "H")).toBe("H2");
    expect(mergeLine("H", "H", "H3")).toBe("H3");
    expect(mergeLine("H", "H2", "H3")).toBe("H3");
  });

  it("diffs by word", () => {
    const parts = wordDiff("Customs use drones.", "Customs use small drones.");
    expect(parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(["small"]);
    expect(parts.some((p) => p.removed)).toBe(false);
  });
});
