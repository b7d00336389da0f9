import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applySuggestion } from "#src/features/reviews/suggestions.ts";
import { reviewDocx, type ReviewFileSection } from "#src/features/reviews/word-export.ts";
import { placeReviewWord } from "#src/features/reviews/word-place.ts";
import { readReviewWord, type SectionBase } from "#src/features/reviews/word-read.ts";
import { checkDocx } from "#src/lib/file-checks.ts";
import { closePool, runInPool } from "#src/lib/pool.ts";
import type { ReviewImportPreview } from "#src/domain/review-suggestions.ts";
import type { ReadParagraph, ReviewWordRead } from "#src/features/reviews/word-read.ts";
import { editInLibreOffice, hasLibreOfficeBridge } from "#test/fixtures/review-word/libreoffice.ts";
import { hasCommand, prerequisite } from "#test/helpers/prerequisites.ts";

// Review files made by real programs: our export saved again by LibreOffice (nothing to suggest),
// and tracked changes and comments written by pandoc's docx writer.

const SCOPE = "0b9f2a4e-3c1d-4e5f-8a7b-1c2d3e4f5a6b";
const METHOD = "7d3c2b1a-0f9e-4d8c-b7a6-958473625140";
const RICH = [
  "The **committee** met in [Geneva](https://example.org) on 3\u00a0May; see note[^1].",
  "### Context",
  "- first *point*\n- second point\n  1. nested",
  "> A quoted paragraph.",
  "| A | B |\n| --- | --- |\n| 1 |  |\n| x `code` | y |",
  "```\ncode  block\n```",
  "::figure{ref=fig-1}",
  'Tab\there -- and "quotes" ...',
  "[^1]: The note.",
].join("\n\n");
const sections: ReviewFileSection[] = [
  { id: SCOPE, number: "1.1", heading: "Scope", body: RICH, revisionId: 41, lang: "en" },
  { id: METHOD, number: "1.2", heading: "Method", body: "The committee met in *Geneva* in 2024.\n\nIt adopted two texts.", revisionId: 7, lang: "en" },
  // Not written in the file's language: a heading without a mark, and a line saying so.
  { id: "5e4d3c2b-1a09-4f8e-9d7c-6b5a49382716", number: "1.3", heading: "Results", body: "", revisionId: null, lang: "en" },
];
const bases = new Map<string, SectionBase>(sections.flatMap((s) => (s.revisionId ? [[s.id, { id: s.id, number: s.number, heading: s.heading, revisionId: s.revisionId, body: s.body }] as const] : [])));
const dir = mkdtempSync(join(tmpdir(), "review-place-"));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closePool();
});

const placed = async (data: Uint8Array) => placeReviewWord(readReviewWord(await checkDocx(data)), bases, "en");

describe("review files made by real programs", () => {
  it("gives nothing for our own export, read back as it is", async () => {
    const file = await reviewDocx({ title: "Report", roundTitle: "Round 1", lang: "en", chapters: [{ number: "1", title: "Introduction", sections }] });
    expect(await placed(file)).toEqual({ language: "en", tracked: false, sections: 2, items: [], unplaced: [] });
  });

  const soffice = prerequisite("LibreOffice (soffice, for the review file's round trip)", hasCommand("soffice"), "apt-get install libreoffice-writer-nogui");
  it.skipIf(!soffice)("gives nothing for our export opened and saved unchanged by LibreOffice", { timeout: 120_000 }, async () => {
    writeFileSync(join(dir, "review.docx"), await reviewDocx({ title: "Report", roundTitle: "Round 1", lang: "en", chapters: [{ number: "1", title: "Introduction", sections }] }));
    const run = spawnSync("soffice", ["--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", join(dir, "lo"), join(dir, "review.docx")], { encoding: "utf8", timeout: 120_000, env: { ...process.env, HOME: dir } });
    expect(run.status, run.stderr).toBe(0);
    const saved = readFileSync(join(dir, "lo", "review.docx"));
    expect(await placed(saved)).toEqual({ language: "en", tracked: false, sections: 2, items: [], unplaced: [] });
  });

  // Comments come from pandoc: LibreOffice 7.4 may crash saving a comment inserted through its API.
  const bridge = hasLibreOfficeBridge();
  it.skipIf(!bridge)("places the tracked change LibreOffice recorded", { timeout: 180_000 }, async () => {
    const method = sections.filter((s) => s.id === METHOD);
    writeFileSync(join(dir, "method.docx"), await reviewDocx({ title: "Report", roundTitle: "Round 1", lang: "en", chapters: [{ number: "1", title: "Introduction", sections: method }] }));
    editInLibreOffice(join(dir, "method.docx"), join(dir, "method-edited.docx"), { replace: [["two texts", "three texts"]] });
    const preview = await placed(readFileSync(join(dir, "method-edited.docx")));
    expect(preview.tracked).toBe(true);
    expect(preview.unplaced).toEqual([]);
    expect(preview.items).toEqual([
      expect.objectContaining({ kind: "suggestion", sectionId: METHOD, revisionId: 7, quote: "two", suggestion: expect.objectContaining({ exact: "two", replacement: "three", suffix: " texts." }) }),
    ]);
  });

  const pandoc = prerequisite("pandoc", hasCommand("pandoc"), "apt-get install pandoc");
  it.skipIf(!pandoc)("places the tracked changes and the comment of a file pandoc wrote (no marks: headings by number)", { timeout: 60_000 }, async () => {
    const who = 'author="Ana Ruiz" date="2026-01-05T10:00:00Z"';
    const markdown = [
      "# 1 Introduction",
      "## 1.1 Scope",
      "Untouched.",
      "## 1.2 Method",
      `The committee met [twice]{.insertion ${who}} in Geneva in [2024]{.deletion ${who}}[2025]{.insertion ${who}}.`,
      `It adopted [Which texts?]{.comment-start id="0" author="Bea" date="2026-01-06T09:00:00Z"}two texts[]{.comment-end id="0"}.`,
    ].join("\n\n");
    writeFileSync(join(dir, "pandoc.md"), markdown);
    const run = spawnSync("pandoc", [join(dir, "pandoc.md"), "-o", join(dir, "pandoc.docx")], { encoding: "utf8", timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const only = new Map([...bases].map(([id, b]) => [id, id === SCOPE ? { ...b, body: "Untouched." } : b]));
    const read = readReviewWord(await checkDocx(readFileSync(join(dir, "pandoc.docx"))));
    expect(read.sections.map((s) => [s.mark, s.headingText])).toEqual([
      [null, "1.1 Scope"],
      [null, "1.2 Method"],
    ]);
    const preview = placeReviewWord(read, only, "en");
    expect(preview.unplaced).toEqual([]);
    expect(preview.tracked).toBe(true);
    const suggestions = preview.items.flatMap((i) => (i.kind === "suggestion" ? [i] : []));
    expect(suggestions.map((s) => [s.sectionId, s.suggestion.exact, s.suggestion.replacement.trim(), s.author])).toEqual([
      [METHOD, "", "twice", "Ana Ruiz"],
      [METHOD, "2024", "2025", "Ana Ruiz"],
    ]);
    const body = bases.get(METHOD)!.body;
    const result = [...suggestions].sort((a, b) => b.suggestion.start - a.suggestion.start).reduce((text, s) => {
      const applied = applySuggestion(text, s.suggestion, true);
      if ("refused" in applied) throw new Error(applied.refused);
      return applied.body;
    }, body);
    expect(result).toBe("The committee met twice in *Geneva* in 2025.\n\nIt adopted two texts.");
    expect(preview.items.filter((i) => i.kind === "comment")).toEqual([{ kind: "comment", sectionId: METHOD, revisionId: 7, quote: "two texts", body: "Which texts?", author: "Bea", date: "2026-01-06T09:00:00Z" }]);
  });

  it("runs on the worker pool: bytes in, plain data out", async () => {
    const file = await reviewDocx({ title: "Report", roundTitle: "Round 1", lang: "en", chapters: [{ number: "1", title: "Introduction", sections }] });
    const read = await runInPool<ReviewWordRead>("review-read", await checkDocx(file));
    expect(read.sections.map((s) => s.mark?.sectionId)).toEqual([SCOPE, METHOD]);
    const preview = await runInPool<ReviewImportPreview>("review-place", { read, bases: [...bases], language: "es" });
    expect(preview).toEqual({ language: "es", tracked: false, sections: 2, items: [], unplaced: [] });
  });
});

describe("where a tracked insertion goes", () => {
  const head: ReadParagraph = { text: "1.2 Method", before: "1.2 Method", style: null, heading: 2, inTable: false, changes: [], formatOnly: false };
  /** The file's paragraph: `body` with `inserted` typed right after `after`, tracked. */
  const inserting = (body: string, after: string, inserted: string): ReviewImportPreview => {
    const at = body.indexOf(after) + after.length;
    const paragraph: ReadParagraph = { text: body.slice(0, at) + inserted + body.slice(at), before: body, style: null, heading: null, inTable: false, changes: [{ kind: "ins", author: "Ana", date: null, at, text: inserted }], formatOnly: false };
    const read: ReviewWordRead = { tracked: true, outside: { paragraphs: [], comments: [] }, unsupported: [{ kind: "text-box", count: 2 }], sections: [{ mark: { kind: "section", sectionId: METHOD, revisionId: 7 }, headingText: "1.2 Method", paragraphs: [head, paragraph], comments: [] }] };
    return placeReviewWord(read, new Map([[METHOD, { id: METHOD, number: "1.2", heading: "Method", revisionId: 7, body }]]), "en");
  };
  const suggested = (preview: ReviewImportPreview) => preview.items.flatMap((i) => (i.kind === "suggestion" ? [{ quote: i.quote, exact: i.suggestion.exact, replacement: i.suggestion.replacement }] : []));

  it("is an insertion after the word, not a replacement of the space after it", () => {
    const preview = inserting("Energy use is high and rising.", "high", ", mostly,");
    expect(suggested(preview)).toEqual([{ quote: "use is high and", exact: "", replacement: ", mostly," }]);
    const s = preview.items[0]!.kind === "suggestion" ? preview.items[0]!.suggestion : undefined;
    expect(s!.prefix.endsWith("high")).toBe(true);
  });

  it("quotes the words round it as the text has them, without a stray space", () => {
    expect(suggested(inserting("The text is written once. Members read it.", "once", " again"))[0]!.quote).toBe("text is written once. Members read");
  });

  it("keeps what was not read as data: the kind and how many", () => {
    expect(inserting("Energy use is high.", "high", " indeed").unplaced).toEqual([{ kind: "suggestion", reason: "unsupported", text: "text-box", count: 2, body: null, sectionId: null, heading: null, author: null }]);
  });
});
