import type { Root, Text } from "mdast";
import { unified } from "unified";
import { describe, expect, it, vi } from "vitest";
import { renderHtml } from "#src/content/html.ts";
import { parseMarkdown, parsingOnce } from "#src/content/parse.ts";
import type { Language } from "#src/domain/languages.ts";
import { translator } from "#src/i18n/i18n.ts";

// Within parsingOnce a text's syntax tree is shared: what each caller gets must be what a parse of
// its own gives, in every language, whatever the callers before it did to their trees.

const TEXTS = [
  "Une question : pourquoi ? « Oui ».[^n] Voir :case-study[le cas]{ref=acme-pilot}.\n\n| Étape | Membres |\n|---|---:|\n| Pilote | 12 |\n\nTableau : Membres par *étape*\n\n::figure{ref=stage-by-region}\n\n[^n]: Une note : la source.\n\n[^orphan]: Sans référence : gardée.",
  "A claim.[^n] See [the site](https://example.org) and <b>raw</b>.\n\n- one\n- two: *three*\n\n::recommendation{ref=share-data}\n\n:::unknown\nInside.\n:::\n\n[^n]: The source.",
];
const LANGUAGES: (Language | undefined)[] = ["fr", undefined, "en", "es"];
const t = translator("fr");
const html = (tree: Root) => renderHtml(tree, { t, idPrefix: "s1" }).html;

describe("parsingOnce", () => {
  it("gives every caller the tree and the HTML a parse of its own gives, in every language", async () => {
    const alone = TEXTS.flatMap((text) => LANGUAGES.map((lang) => parseMarkdown(text, lang)));
    const shared = await parsingOnce(async () => {
      const first = TEXTS.flatMap((text) => LANGUAGES.map((lang) => parseMarkdown(text, lang)));
      await Promise.resolve();
      return [...first, ...TEXTS.flatMap((text) => LANGUAGES.map((lang) => parseMarkdown(text, lang)))];
    });
    expect(shared).toStrictEqual([...alone, ...alone]);
    expect(shared.map(html)).toEqual([...alone, ...alone].map(html));
    // French spacing on French text only: the shared tree never carries it to another language.
    expect(html(shared[0]!)).toContain("question\u202f:");
    expect(html(shared[1]!)).toContain("question :");
  });

  it("hands out trees that are the caller's to change", async () => {
    const [text] = TEXTS;
    const expected = parseMarkdown(text!, "fr");
    const again = await parsingOnce(async () => {
      const first = parseMarkdown(text!, "fr");
      (first.children[0] as { children: Text[] }).children[0]!.value = "changed";
      first.children.pop();
      return parseMarkdown(text!, "fr");
    });
    expect(again).toStrictEqual(expected);
  });

  it("shares trees within the work only: a parse elsewhere meanwhile (an editor's save) keeps nothing", async () => {
    const parse = vi.spyOn(Object.getPrototypeOf(unified()) as { parse: () => unknown }, "parse");
    try {
      let release = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      const work = parsingOnce(async () => {
        parseMarkdown(TEXTS[0]!, "fr");
        await gate;
        return [parseMarkdown(TEXTS[0]!, "fr"), await parsingOnce(async () => parseMarkdown(TEXTS[0]!, "en"))];
      });
      parseMarkdown(TEXTS[0]!, "fr");
      parseMarkdown(TEXTS[0]!, "fr");
      release();
      const [again, nested] = await work;
      expect(parse).toHaveBeenCalledTimes(3);
      expect(again).toStrictEqual(parseMarkdown(TEXTS[0]!, "fr"));
      expect(nested).toStrictEqual(parseMarkdown(TEXTS[0]!, "en"));
    } finally {
      parse.mockRestore();
    }
  });

  it("lets each piece of work end on its own, and parses as before after the last", async () => {
    let release = () => {};
    const longer = parsingOnce(() => new Promise<Root>((resolve) => (release = () => resolve(parseMarkdown(TEXTS[1]!)))));
    await parsingOnce(async () => parseMarkdown(TEXTS[1]!));
    release();
    expect(await longer).toEqual(parseMarkdown(TEXTS[1]!));
    await expect(parsingOnce(async () => Promise.reject(new Error("refused")))).rejects.toThrow("refused");
    expect(parseMarkdown(TEXTS[0]!, "fr")).toEqual(parseMarkdown(TEXTS[0]!, "fr"));
  });
});
