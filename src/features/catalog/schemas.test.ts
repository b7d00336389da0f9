import { describe, expect, it } from "vitest";
import { TechnologyInput } from "#src/features/catalog/schemas.ts";

const form = { slug: "drones", nameEn: "Drones", nameFr: "", nameEs: "", descriptionEn: "" };

describe("a technology's aliases", () => {
  it("reads one per line per language: trimmed, inner spaces collapsed, blank lines and repeats dropped", () => {
    const parsed = TechnologyInput.parse({ ...form, aliasesEn: "  UAV \r\n\r\nunmanned   aerial vehicle\nuav", aliasesFr: ["drone", "aéronef sans pilote"], aliasesEs: "" });
    expect(parsed).toMatchObject({ aliasesEn: ["UAV", "unmanned aerial vehicle"], aliasesFr: ["drone", "aéronef sans pilote"], aliasesEs: [] });
    expect(TechnologyInput.parse(form)).toMatchObject({ aliasesEn: [], aliasesFr: [], aliasesEs: [] });
  });

  it("refuses more than 20 in a language, one over 80 characters, control characters and anything but text", () => {
    const issues = (over: Record<string, unknown>) => TechnologyInput.safeParse({ ...form, ...over }).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues({ aliasesEn: Array.from({ length: 21 }, (_, i) => `n${i}`).join("\n") })).toEqual([["aliasesEn", "field.tooManyAliases"]]);
    expect(issues({ aliasesEn: Array.from({ length: 20 }, (_, i) => `n${i}`).join("\n") })).toBeUndefined();
    expect(issues({ aliasesFr: "x".repeat(81) })).toEqual([["aliasesFr", "field.aliasTooLong"]]);
    expect(issues({ aliasesEs: "a\u0007b" })).toEqual([["aliasesEs", "field.invalid"]]);
    expect(issues({ aliasesEs: { en: 1 } })).toEqual([["aliasesEs", "field.invalid"]]);
  });
});
