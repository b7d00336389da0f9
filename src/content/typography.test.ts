import { describe, expect, it } from "vitest";
import { renderHtml } from "#src/content/html.ts";
import { parseMarkdown, tableCaption } from "#src/content/parse.ts";
import { translator } from "#src/i18n/i18n.ts";

const N = "\u202f";
const html = (md: string, lang?: "fr" | "en") => renderHtml(parseMarkdown(md, lang), { t: translator("fr"), idPrefix: "s" }).html;

describe("typography of French prose", () => {
  it("spaces the prose of a French text, across emphasis and links", () => {
    expect(html("Résultats : **trois** ! Voir [la page](https://example.org/a?b=1) : « ceci ».", "fr")).toBe(
      `<p>Résultats${N}: <strong>trois</strong>${N}! Voir <a href="https://example.org/a?b=1" rel="noopener noreferrer">la page</a>${N}: «${N}ceci${N}».</p>`,
    );
  });

  it("leaves code, addresses, times and directives alone", () => {
    const out = html("À 10:30, lancer `a ; b ? c : d` puis https://example.org/x?y !\n\n```\nx : y ;\n```\n\n::figure{ref=blockchain-stage}", "fr");
    expect(out).toContain("À 10:30, lancer <code>a ; b ? c : d</code>");
    expect(out).toContain(`>https://example.org/x?y</a>${N}!`);
    expect(out).toContain("<code>x : y ;\n</code>");
    expect(out).toContain('data-ref="blockchain-stage"');
  });

  it("puts no space before a mark that starts a cell or a paragraph (no word comes before it)", () => {
    const out = html("! Attention\n\n| Réponse | Note |\n|---|---|\n| ? | ! |", "fr");
    expect(out).toContain("<td>?</td>");
    expect(out).toContain("<td>!</td>");
    expect(out).toContain("<p>! Attention</p>");
  });

  it("still finds a French table caption", () => {
    const tree = parseMarkdown("| A |\n|---|\n| 1 |\n\nTableau : Membres ; par étape", "fr");
    const table = tree.children.find((c) => c.type === "table")!;
    expect(tableCaption(table as never)).toEqual([expect.objectContaining({ value: `Membres${N}; par étape` })]);
  });

  it("keeps the words as typed in other languages, or when the language is not given", () => {
    expect(html("Results : yes !", "en")).toBe("<p>Results : yes !</p>");
    expect(html("Résultats : oui !")).toBe("<p>Résultats : oui !</p>");
  });
});
