import { describe, expect, it } from "vitest";
import { en } from "#src/i18n/en.ts";
import { es } from "#src/i18n/es.ts";
import { fr } from "#src/i18n/fr.ts";
import { negotiateLanguage, translator } from "#src/i18n/i18n.ts";
import { ERROR_STATUS } from "#src/lib/errors.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogs", () => {
  it.each([["fr", fr], ["es", es]] as const)("%s translates every key, keeping the placeholders", (_lang, catalog) => {
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      const translated = catalog[key as keyof typeof en];
      expect(translated.trim(), key).not.toBe("");
      expect(placeholders(translated), key).toEqual(placeholders(text));
    }
  });

  it("has a message for every error code", () => {
    for (const code of Object.keys(ERROR_STATUS)) expect(Object.keys(en)).toContain(`error.${code}`);
  });

  it("fills placeholders", () => {
    expect(translator("fr")("org.created", { name: "Douanes" })).toBe("Organisation « Douanes » créée.");
  });
});

describe("negotiateLanguage", () => {
  it("picks the best supported language by quality", () => {
    expect(negotiateLanguage("de-CH, fr;q=0.8, en;q=0.5")).toBe("fr");
    expect(negotiateLanguage("es-419,es;q=0.9")).toBe("es");
    expect(negotiateLanguage("de, it")).toBeUndefined();
    expect(negotiateLanguage("en;q=0, fr;q=0.1")).toBe("fr");
    expect(negotiateLanguage(undefined)).toBeUndefined();
  });
});
