import { describe, expect, it } from "vitest";
import { MARKDOWN_LIMITS, markdownProblem } from "#src/content/limits.ts";
import { renderNow } from "#src/content/render.ts";
import { HOSTILE_MARKDOWN as HOSTILE } from "#test/helpers/hostile.ts";

const repeat = (n: number, f: (i: number) => string, sep = "\n") => Array.from({ length: n }, (_, i) => f(i)).join(sep);


describe("Markdown limits", () => {
  for (const [name, { text, problem }] of Object.entries(HOSTILE)) {
    it(`refuses ${name} with a message naming the problem`, () => {
      expect(markdownProblem(text)).toBe(problem);
    });
  }

  it("lets through what reports and case studies are made of, near the limits too", () => {
    const section = [
      "# Heading",
      "Text with *emphasis*, **strong**, ~~strike~~, `code`, a [link](https://example.org) and a note.[^1]",
      "> A quote\n> > inside a quote",
      "- one\n  - two\n    - three\n      1. four\n         > a quote in a list",
      ":::note\nA block\n\n::case-study{ref=pe-cadena}\n:::",
      "| A | B |\n|---|---|\n| 1 | 2 |\n\nTable: A caption",
      "```\n> > > > > > > > > > > > > > > > > > code is not nested\n```",
      "Name: ________________________________  Date: __________",
      "***",
      "[^1]: The note.",
    ].join("\n\n");
    expect(markdownProblem(section)).toBeUndefined();
    expect(markdownProblem(repeat(200, () => section, "\n\n"))).toBeUndefined();
    const deepest = repeat(MARKDOWN_LIMITS.depth, (i) => `${"  ".repeat(i)}- level ${i + 1}`);
    expect(markdownProblem(deepest)).toBeUndefined();
    expect(markdownProblem(`${deepest}\n${"  ".repeat(MARKDOWN_LIMITS.depth)}- one more`)).toBe("field.markdownDepth");
    // Closed blocks do not add up: a thousand sibling blocks are one level.
    expect(markdownProblem(repeat(1000, () => ":::note\ntext\n:::"))).toBeUndefined();
  });

  it("lets the whole demo corpus through", async () => {
    const texts: string[] = [];
    const walk = (v: unknown, seen: Set<unknown>): void => {
      if (typeof v === "string") texts.push(v);
      else if (v && typeof v === "object" && !seen.has(v)) {
        seen.add(v);
        for (const x of Object.values(v)) walk(x, seen);
      }
    };
    for (const m of [await import("#src/demo/report.ts"), await import("#src/demo/content.ts"), await import("#src/demo/case-studies.ts"), await import("#src/demo/events.ts")]) walk(m, new Set());
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.filter((t) => markdownProblem(t))).toEqual([]);
  });

  it("what passes the limits parses and renders without a throw", () => {
    const nearLimits = [
      repeat(MARKDOWN_LIMITS.depth, () => ":::a") + "\nx\n" + repeat(MARKDOWN_LIMITS.depth, () => ":::"),
      `${">".repeat(MARKDOWN_LIMITS.depth)} x`,
      `${"*".repeat(MARKDOWN_LIMITS.run)}a${"*".repeat(MARKDOWN_LIMITS.run)}`,
      `${"[".repeat(MARKDOWN_LIMITS.inlineDepth)}x${"](u)".repeat(MARKDOWN_LIMITS.inlineDepth)}`,
    ];
    for (const markdown of nearLimits) {
      expect(markdownProblem(markdown)).toBeUndefined();
      expect(renderNow({ markdown, lang: "en", idPrefix: "s", resolutions: [] }).html.length).toBeGreaterThan(0);
    }
  });
});
