import { z } from "zod";
import { TECHNOLOGY_LINK_KINDS } from "#src/domain/reports.ts";
import { oneOf, optionalText, requiredText, slugText } from "#src/lib/validation.ts";

export const MAX_ALIASES = 20;
export const MAX_ALIAS_LENGTH = 80;

/**
 * Other names of a technology in one language, one per line: trimmed, blank lines dropped,
 * repeats (ignoring case) kept once; at most 20, each at most 80 characters.
 */
export const aliasLines = () =>
  z.preprocess(
    (v) => {
      if (v === undefined || v === null) return [];
      // A field sent twice reads as its lines one after the other.
      const text = Array.isArray(v) && v.every((x) => typeof x === "string") ? v.join("\n") : v;
      if (typeof text !== "string") return text;
      const seen = new Set<string>();
      return text
        .split(/\r?\n/)
        .map((line) => line.trim().replace(/\s+/g, " "))
        .filter((line) => line && !seen.has(line.toLowerCase()) && seen.add(line.toLowerCase()));
    },
    z
      .array(z.string(), { error: "field.invalid" })
      .max(MAX_ALIASES, { error: "field.tooManyAliases" })
      .refine((lines) => lines.every((line) => line.length <= MAX_ALIAS_LENGTH), { error: "field.aliasTooLong" })
      .refine((lines) => lines.every((line) => /^[^\p{Cc}]*$/u.test(line)), { error: "field.invalid" }),
  );

export const TechnologyInput = z.object({
  slug: slugText(),
  nameEn: requiredText(200),
  nameFr: optionalText(200),
  nameEs: optionalText(200),
  descriptionEn: optionalText(1000),
  aliasesEn: aliasLines(),
  aliasesFr: aliasLines(),
  aliasesEs: aliasLines(),
});

export const TechnologyLinkInput = z.object({ toId: z.uuid({ error: "field.invalid" }), kind: oneOf(TECHNOLOGY_LINK_KINDS) });
