import { describe, expect, it } from "vitest";
import { INLINE_MAX_CHARS } from "#src/content/render.ts";
import { inspectNow, inspectText, LONG_RUN, longRunsOf } from "#src/content/inspect.ts";
import { closePool } from "#src/lib/pool.ts";

const word = (n: number, letter = "a") => letter.repeat(n);

describe("long unbreakable runs", () => {
  it("finds a run of LONG_RUN characters or more, and nothing shorter", () => {
    expect(LONG_RUN).toBe(40);
    expect(longRunsOf(`short words and ${word(39)} here`)).toEqual([]);
    expect(longRunsOf(`short words and ${word(40)} here`)).toEqual([word(40)]);
    // Characters, not UTF-16 units: 40 accented or astral characters are 40.
    expect(longRunsOf("é".repeat(40))).toHaveLength(1);
    expect(longRunsOf("𝔸".repeat(39))).toEqual([]);
  });

  it("breaks at spaces, hyphens, dashes, slashes, soft hyphens and zero-width spaces, not at no-break spaces", () => {
    for (const mark of [" ", "-", "\u2010", "\u2013", "\u2014", "/", "\u00ad", "\u200b", "\n", "\u2009"]) expect(longRunsOf(`${word(30)}${mark}${word(30, "b")}`), JSON.stringify(mark)).toEqual([]);
    for (const mark of ["\u00a0", "\u202f", "\u2011", "_", ".", "·"]) expect(longRunsOf(`${word(30)}${mark}${word(30, "b")}`), JSON.stringify(mark)).toHaveLength(1);
  });

  it("reads a run across emphasis, but leaves out code, addresses shown as their link text, and link destinations", () => {
    expect(inspectNow({ markdown: `A ${word(20)}**${word(20, "b")}** word.` }).longRuns).toEqual([`${word(20)}${word(20, "b")}`]);
    expect(inspectNow({ markdown: `Code \`${word(60)}\` and\n\n\`\`\`\n${word(80)}\n\`\`\`` }).longRuns).toEqual([]);
    expect(inspectNow({ markdown: `See https://example.org/${word(60)} and <https://example.org/${word(50, "c")}>.` }).longRuns).toEqual([]);
    expect(inspectNow({ markdown: `See [the report](https://example.org/${word(60)}).` }).longRuns).toEqual([]);
    // Link words that are not the address are prose like any other.
    expect(inspectNow({ markdown: `See [${word(45)}](https://example.org/) now.` }).longRuns).toEqual([word(45)]);
  });

  it("checks headings and table cells too", () => {
    expect(inspectNow({ markdown: `## ${word(41)}` }).longRuns).toEqual([word(41)]);
    expect(inspectNow({ markdown: `| A | B |\n|---|---|\n| ${word(42)} | x |` }).longRuns).toEqual([word(42)]);
  });

  it("joins French words to their marks as print does (a narrow no-break space before a colon)", () => {
    const text = `${word(38)} : suite`;
    expect(inspectNow({ markdown: text }).longRuns).toEqual([]);
    expect(inspectNow({ markdown: text, lang: "fr" }).longRuns).toEqual([`${word(38)}\u202f:`]);
  });
});

describe("text inspection", () => {
  it("lists references, directives that cannot place evidence, and links", () => {
    const md = [
      "Intro :case-study[CADENA]{ref=pe-cadena}, [a section](#what-it-is) and [elsewhere](blockchain#risks).",
      "",
      "::figure{ref=does-not-exist}",
      "",
      "::figure",
      "",
      "::recommendation{ref=Bad_Ref}",
      "",
      "::figur{ref=typo}",
      "",
      "It is 10:30, :smile: and :word in prose.",
      "",
      "[x]: /reports/r/2022/en/blockchain#what-it-is",
    ].join("\n");
    const found = inspectNow({ markdown: md });
    expect(found.references).toEqual([
      { kind: "case-study", ref: "pe-cadena" },
      { kind: "figure", ref: "does-not-exist" },
    ]);
    expect(found.badDirectives).toEqual([
      { name: "figure", ref: "", known: true },
      { name: "recommendation", ref: "Bad_Ref", known: true },
      { name: "figur", ref: "typo", known: false },
    ]);
    expect(found.links).toEqual(["#what-it-is", "blockchain#risks", "/reports/r/2022/en/blockchain#what-it-is"]);
  });

  it("reads large texts on the worker pool, with the same answer, and keeps it", async () => {
    const md = `${"Words of a long text. ".repeat(Math.ceil(INLINE_MAX_CHARS / 20))}\n\n::figure{ref=adoption}\n\n${word(50)}`;
    try {
      const pooled = await inspectText(md, "en");
      expect(pooled).toEqual(inspectNow({ markdown: md, lang: "en" }));
      expect(pooled.longRuns).toEqual([word(50)]);
      expect(await inspectText(md, "en")).toBe(pooled);
    } finally {
      await closePool();
    }
  });
});
