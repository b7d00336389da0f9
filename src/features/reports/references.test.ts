import { describe, expect, it } from "vitest";
import { parseSectionLink, searchWords } from "#src/features/reports/references.ts";

describe("what the pickers search with", () => {
  it("takes at most eight distinct words of at most sixty characters", () => {
    expect(searchWords("  blockchain   ledger\tblockchain\n")).toEqual(["blockchain", "ledger"]);
    expect(searchWords("")).toEqual([]);
    expect(searchWords("a b c d e f g h i j")).toEqual(["a", "b", "c", "d", "e", "f", "g", "h"]);
    expect(searchWords("x".repeat(100))).toEqual(["x".repeat(60)]);
    // Characters, not UTF-16 halves: a word never ends in half an emoji.
    expect(searchWords("😀".repeat(61))[0]).toBe("😀".repeat(60));
    expect(searchWords("e\u0301tape")).toEqual(["étape"]);
  });

  it("reads section links in the forms the checks before publishing accept", () => {
    expect(parseSectionLink("#benefits")).toEqual({ section: "benefits" });
    expect(parseSectionLink("#h-benefits")).toEqual({ section: "benefits" });
    expect(parseSectionLink("blockchain#benefits")).toEqual({ chapter: "blockchain", section: "benefits" });
    for (const link of ["blockchain", "#", "https://example.org/#x", "/draft/r/en/blockchain#x", "Blockchain#x", "a#b#c", ""]) expect(parseSectionLink(link), link).toBeUndefined();
  });
});
