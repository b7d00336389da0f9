import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CONFLICT_MARKER, joinPieces, mergeMarkdown, mergeSentences, mergeValue, resolveMerge, splitBlocks, splitSentences, wordDiff } from "#src/lib/merge.ts";

const conflictsOf = (m: ReturnType<typeof mergeMarkdown>) => m.parts.flatMap((p) => (p.kind === "conflict" ? [{ base: p.base, theirs: p.theirs, yours: p.yours }] : []));

describe("splitBlocks and splitSentences", () => {
  it("cuts a text into blocks and gives back the same bytes", () => {
    const text = "\n# Title\n\nA paragraph\nover two lines.\n\n\n- a\n- b\n\n```js\nconst a = 1;\n\nconst b = 2;\n```\n\n:::note\nInside.\n\nStill inside.\n:::\n\n| A |\n|---|\n| 1 |\nTable: Caption\n";
    const split = splitBlocks(text);
    expect(split.pieces.map((p) => p.text)).toEqual([
      "# Title",
      "A paragraph\nover two lines.",
      "- a\n- b",
      "```js\nconst a = 1;\n\nconst b = 2;\n```",
      ":::note\nInside.\n\nStill inside.\n:::",
      "| A |\n|---|\n| 1 |\nTable: Caption",
    ]);
    expect(split.lead + joinPieces(split.pieces, "") + split.trail).toBe(text);
    expect(split.pieces[1]!.after).toBe("\n\n\n");
    expect(split.pieces.at(-1)!.after).toBeNull();
  });

  it("keeps an unclosed fence whole and an empty text as whitespace", () => {
    expect(splitBlocks("a\n\n```\nx\n\ny").pieces.map((p) => p.text)).toEqual(["a", "```\nx\n\ny"]);
    expect(splitBlocks(" \n\n")).toEqual({ lead: " \n\n", pieces: [], trail: "" });
  });

  it("cuts sentences with their whitespace kept exactly", () => {
    const text = "Drones fly.  Customs watch!\nU.S. officers agree? Yes.";
    const split = splitSentences(text, "en");
    expect(split.pieces.map((p) => p.text)).toEqual(["Drones fly.", "Customs watch!", "U.S. officers agree?", "Yes."]);
    expect(split.pieces.map((p) => p.after)).toEqual(["  ", "\n", " ", null]);
    expect(split.lead + joinPieces(split.pieces, "") + split.trail).toBe(text);
  });
});

describe("mergeMarkdown", () => {
  const base = "# Drones\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird paragraph.\n";

  it("keeps both sides' changes to different paragraphs", () => {
    const theirs = base.replace("First paragraph.", "First paragraph, improved by them.");
    const yours = base.replace("Third paragraph.", "Third paragraph, extended by me.");
    const merged = mergeMarkdown(base, theirs, yours);
    expect(merged.conflicts).toBe(0);
    expect(merged.text).toBe("# Drones\n\nFirst paragraph, improved by them.\n\nSecond paragraph.\n\nThird paragraph, extended by me.\n");
    expect(merged.parts.filter((p) => p.kind === "merged").map((p) => p.kind === "merged" && p.from)).toEqual(["theirs", "yours"]);
  });

  it("merges changes to neighbouring paragraphs, and a paragraph added after one the other side changed", () => {
    const theirs = base.replace("First paragraph.", "First, theirs.") + "\nTheir closing words.\n";
    const yours = base.replace("Second paragraph.", "Second, mine.");
    expect(mergeMarkdown(base, theirs, yours).text).toBe("# Drones\n\nFirst, theirs.\n\nSecond, mine.\n\nThird paragraph.\n\nTheir closing words.\n");
    const appended = mergeMarkdown(base, base + "\nAdded by them.", base.replace("Third paragraph.", "Third, mine."));
    expect(appended.text).toBe("# Drones\n\nFirst paragraph.\n\nSecond paragraph.\n\nThird, mine.\n\nAdded by them.");
  });

  it("gives one side's text byte for byte when the other changed nothing", () => {
    const theirs = "# Drones\n\n\n\nFirst paragraph.  \n\nSecond paragraph.\n\nThird paragraph.";
    expect(mergeMarkdown(base, theirs, base).text).toBe(theirs);
    expect(mergeMarkdown(base, base, theirs).text).toBe(theirs);
    expect(mergeMarkdown(base, theirs, theirs)).toMatchObject({ text: theirs, conflicts: 0 });
  });

  it("merges sentence by sentence when both changed different sentences of one paragraph", () => {
    const p = "Customs use drones at borders. They film lorries. Data is kept a week.";
    const b = `Intro.\n\n${p}\n\nEnd.`;
    const theirs = b.replace("They film lorries.", "They film lorries and trains.");
    const yours = b.replace("Data is kept a week.", "Data is kept for a week at most.");
    const merged = mergeMarkdown(b, theirs, yours, "en");
    expect(merged.conflicts).toBe(0);
    expect(merged.text).toBe("Intro.\n\nCustoms use drones at borders. They film lorries and trains. Data is kept for a week at most.\n\nEnd.");
    expect(merged.parts.some((part) => part.kind === "merged" && part.from === "combined")).toBe(true);
    expect(mergeSentences("A. B.", "A. B. C.", "A2. B.", "en")).toBe("A2. B. C.");
  });

  it("keeps the line break of an item added at the end of a list while the other side edits an earlier line", () => {
    const b = "Intro.\n\n- a\n- b\n\nEnd.\n";
    const added = "Intro.\n\n- a\n- b\n- c\n\nEnd.\n";
    const edited = "Intro.\n\n- A\n- b\n\nEnd.\n";
    const expected = "Intro.\n\n- A\n- b\n- c\n\nEnd.\n";
    expect(mergeMarkdown(b, added, edited, "en")).toMatchObject({ text: expected, conflicts: 0 });
    expect(mergeMarkdown(b, edited, added, "en")).toMatchObject({ text: expected, conflicts: 0 });
    expect(mergeSentences("- a\n- b", "- a\n- b\n- c", "- A\n- b", "en")).toBe("- A\n- b\n- c");
  });

  it("keeps the line break of a row added at the end of a table while the other side edits the header", () => {
    const b = "| 1 | 2 |\n|---|---|\n| a | b |";
    const added = `${b}\n| 3 | 4 |`;
    const edited = b.replace("| 1 | 2 |", "| One | 2 |");
    const expected = "| One | 2 |\n|---|---|\n| a | b |\n| 3 | 4 |";
    expect(mergeMarkdown(b, added, edited, "en")).toMatchObject({ text: expected, conflicts: 0 });
    expect(mergeMarkdown(b, edited, added, "en")).toMatchObject({ text: expected, conflicts: 0 });
    // A table with only its header and delimiter row gets its first row.
    expect(mergeSentences("| 1 |\n|---|", "| 1 |\n|---|\n| x |", "| One |\n|---|", "en")).toBe("| One |\n|---|\n| x |");
  });

  it("makes a conflict of one sentence both changed, showing the whole paragraphs", () => {
    const b = "Intro.\n\nOne sentence. Two sentence.\n\nEnd.";
    const theirs = b.replace("Two sentence.", "Two, theirs.");
    const yours = b.replace("Two sentence.", "Two, mine.");
    const merged = mergeMarkdown(b, theirs, yours, "en");
    expect(merged.text).toBeNull();
    expect(conflictsOf(merged)).toEqual([{ base: "One sentence. Two sentence.", theirs: "One sentence. Two, theirs.", yours: "One sentence. Two, mine." }]);
    expect(resolveMerge(merged, [{ choice: "mine" }])).toBe(yours);
    expect(resolveMerge(merged, [{ choice: "theirs" }])).toBe(theirs);
    expect(resolveMerge(merged, [{ choice: "both" }])).toBe("Intro.\n\nOne sentence. Two, theirs.\n\nOne sentence. Two, mine.\n\nEnd.");
    expect(resolveMerge(merged, [{ choice: "edit", text: "\nOne sentence. Two, agreed.\n\n" }])).toBe("Intro.\n\nOne sentence. Two, agreed.\n\nEnd.");
  });

  it("makes a conflict of blocks both sides inserted at the same place, and keeps other changes", () => {
    const b = "A.\n\nB.";
    const merged = mergeMarkdown(b, "A, theirs.\n\nB.\n\nC by them.", "A.\n\nB.\n\nC by me.");
    expect(conflictsOf(merged)).toEqual([{ base: "", theirs: "C by them.", yours: "C by me." }]);
    expect(resolveMerge(merged, [{ choice: "both" }])).toBe("A, theirs.\n\nB.\n\nC by them.\n\nC by me.");
    expect(resolveMerge(merged, [{ choice: "mine" }])).toBe("A, theirs.\n\nB.\n\nC by me.");
  });

  it("makes a conflict of a block one side removed and the other changed", () => {
    const merged = mergeMarkdown("A.\n\nB.\n\nC.", "A.\n\nC.", "A.\n\nB, changed.\n\nC.");
    expect(conflictsOf(merged)).toEqual([{ base: "B.", theirs: "", yours: "B, changed." }]);
    expect(resolveMerge(merged, [{ choice: "theirs" }])).toBe("A.\n\nC.");
    expect(resolveMerge(merged, [{ choice: "both" }])).toBe("A.\n\nB, changed.\n\nC.");
  });

  it("does not call identical changes a conflict", () => {
    expect(mergeMarkdown("a", "b", "b")).toMatchObject({ text: "b", conflicts: 0 });
    const same = mergeMarkdown("A.\n\nB.", "A2.\n\nB.\n\nC.", "A2.\n\nB, mine.\n\nC.");
    expect(same).toMatchObject({ text: "A2.\n\nB, mine.\n\nC.", conflicts: 0 });
  });

  it("never puts markers in a merged or resolved text", () => {
    const merged = mergeMarkdown("One.\nTwo.", "One, theirs.\nTwo.", "One, mine.\nTwo.", "en");
    // Lines of one paragraph merge like sentences: here both changed the first line.
    expect(merged.conflicts).toBe(1);
    for (const choice of ["mine", "theirs", "both"] as const) expect(CONFLICT_MARKER.test(resolveMerge(merged, [{ choice }]))).toBe(false);
  });
});

describe("mergeMarkdown on texts built to be slow to diff", () => {
  it("merges texts of many repeated pieces quickly", () => {
    const alternate = (n: number, a: string, b: string, sep: string) => Array.from({ length: n }, (_, i) => (i % 2 ? a : b)).join(sep);
    for (const sep of ["\n\n", " ", "\n"]) {
      const [base, theirs, yours] = [alternate(8000, "A.", "B.", sep), `${alternate(8000, "B.", "A.", sep)} X.`, `${alternate(8000, "A.", "A.", sep)} Y.`];
      const started = performance.now();
      const merged = mergeMarkdown(base, theirs, yours, "en");
      const mine = resolveMerge(merged, Array.from({ length: merged.conflicts }, () => ({ choice: "mine" as const })));
      expect(performance.now() - started).toBeLessThan(1000);
      expect(mine.endsWith("Y.")).toBe(true);
      // One paragraph (or lines of one): a single passage to choose for, never one per sentence.
      if (sep !== "\n\n") expect([merged.conflicts, mine]).toEqual([1, yours]);
    }
  });
});

describe("mergeValue and wordDiff", () => {
  it("takes the side that changed a heading, and calls two different changes a conflict", () => {
    expect(mergeValue("H", "H2", "H")).toEqual({ value: "H2", conflict: false });
    expect(mergeValue("H", "H", "H3")).toEqual({ value: "H3", conflict: false });
    expect(mergeValue("H", "H2", "H3")).toEqual({ conflict: true, base: "H", theirs: "H2", yours: "H3" });
  });

  it("diffs by word", () => {
    const parts = wordDiff("Customs use drones.", "Customs use small drones.");
    expect(parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(["small"]);
    expect(parts.some((p) => p.removed)).toBe(false);
  });
});

describe("mergeMarkdown on generated edits", () => {
  // Each paragraph of the base is kept, rewritten, removed, or followed by a new one, by one side
  // only; the merge must apply both sides' edits exactly, in order, whatever the whitespace.
  const edit = fc.constantFrom("keep", "rewrite", "remove", "addAfter");
  it("applies edits of different paragraphs from both sides, without asking", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(edit, fc.boolean(), fc.constantFrom("\n\n", "\n\n\n")), { minLength: 1, maxLength: 12 }), fc.constantFrom("", "\n"), (plan, trail) => {
        const paragraphs = plan.map((_, i) => `Paragraph ${i}. It says something.`);
        const text = (blocks: string[]) => blocks.map((b, i) => b + (i + 1 < blocks.length ? plan[Math.min(i, plan.length - 1)]![2] : "")).join("") + trail;
        const side = (mine: boolean) =>
          paragraphs.flatMap((p, i) => {
            const [op, theirs] = plan[i]!;
            if (theirs === mine || op === "keep") return [p];
            if (op === "rewrite") return [`${p} Rewritten by ${mine ? "me" : "them"}.`];
            if (op === "remove") return [];
            return [p, `Added after ${i} by ${mine ? "me" : "them"}.`];
          });
        const expected = paragraphs.flatMap((p, i) => {
          const [op, theirs] = plan[i]!;
          const who = theirs ? "them" : "me";
          if (op === "keep") return [p];
          if (op === "rewrite") return [`${p} Rewritten by ${who}.`];
          if (op === "remove") return [];
          return [p, `Added after ${i} by ${who}.`];
        });
        const merged = mergeMarkdown(text(paragraphs), text(side(false)), text(side(true)), "en");
        expect(merged.conflicts).toBe(0);
        const words = (s: string) => splitBlocks(s).pieces.map((p) => p.text);
        expect(words(merged.text!)).toEqual(expected);
        expect(CONFLICT_MARKER.test(merged.text!)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps every word of both sides when each conflict keeps both", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "b", "c", "d"), { maxLength: 8 }), fc.array(fc.constantFrom("a", "b", "c", "x"), { maxLength: 8 }), fc.array(fc.constantFrom("a", "b", "d", "y"), { maxLength: 8 }), (b, t, y) => {
        const join = (xs: string[]) => xs.map((x, i) => `${x}${i}.`).join("\n\n");
        const merged = mergeMarkdown(join(b), join(t), join(y), "en");
        const n = merged.parts.filter((p) => p.kind === "conflict").length;
        const result = resolveMerge(merged, Array.from({ length: n }, () => ({ choice: "both" as const })));
        const blocks = new Set(splitBlocks(result).pieces.map((p) => p.text));
        const base = new Set(splitBlocks(join(b)).pieces.map((p) => p.text));
        // A block that either side added or kept beside a change is there; only blocks removed from the base may go.
        for (const block of [...splitBlocks(join(t)).pieces, ...splitBlocks(join(y)).pieces].map((p) => p.text)) if (!base.has(block)) expect(blocks.has(block)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
