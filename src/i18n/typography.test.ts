import { describe, expect, it } from "vitest";
import { typeset } from "#src/i18n/typography.ts";

const N = "\u202f";

describe("typeset (French spacing)", () => {
  it("puts a narrow no-break space before : ; ? ! and inside « »", () => {
    expect(typeset("Résultats : 3", "fr")).toBe(`Résultats${N}: 3`);
    expect(typeset("Vraiment ? Oui ! Enfin ; bref:", "fr")).toBe(`Vraiment${N}? Oui${N}! Enfin${N}; bref${N}:`);
    expect(typeset("« Douanes »", "fr")).toBe(`«${N}Douanes${N}»`);
    expect(typeset("«Douanes»", "fr")).toBe(`«${N}Douanes${N}»`);
    expect(typeset("Source\u00a0: ici", "fr")).toBe(`Source${N}: ici`);
  });

  it("is idempotent and sets one space before a run of marks", () => {
    const once = typeset("Quoi ?! « Non » : oui.", "fr");
    expect(once).toBe(`Quoi${N}?! «${N}Non${N}»${N}: oui.`);
    expect(typeset(once, "fr")).toBe(once);
  });

  it("leaves times, addresses, ratios and Markdown or directive syntax alone", () => {
    for (const text of ["À 10:30 précises", "https://example.org/a?b=c!d", "mailto:x@example.org", "::figure'{ref=…}'", ":case-study[ceci]{ref=x}", "1:2", "a;b", "![image](x.png)", "::: note", "Voir ::figure, ::recommendation"]) {
      expect(typeset(text, "fr")).toBe(text);
    }
  });

  it("spaces a mark that starts a text node right after a link or emphasis", () => {
    expect(typeset(": voir plus bas", "fr")).toBe(`${N}: voir plus bas`);
    expect(typeset(" ? non", "fr")).toBe(`${N}? non`);
  });

  it("changes nothing in other languages", () => {
    expect(typeset("Results : 3 « x »", "en")).toBe("Results : 3 « x »");
    expect(typeset("¿Qué? «x»", "es")).toBe("¿Qué? «x»");
  });
});
