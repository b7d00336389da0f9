import { createRequire } from "node:module";
import countries from "i18n-iso-countries";
import type { Language } from "#src/domain/languages.ts";

// The package ships its locales as JSON; register the three we speak once.
const require = createRequire(import.meta.url);
for (const lang of ["en", "fr", "es"] as const) countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));

/** Every ISO 3166-1 alpha-2 code. */
export const isCountryCode = (code: string): boolean => countries.isValid(code) && code.length === 2 && code === code.toUpperCase();

/** A country's or territory's name in the given language. */
export const countryName = (code: string, lang: Language): string => countries.getName(code, lang, { select: "official" }) ?? code;

/** Every country as [code, name], sorted by name in the given language. */
export function countryOptions(lang: Language): [string, string][] {
  const names = countries.getNames(lang, { select: "official" });
  return Object.entries(names).sort((a, b) => a[1].localeCompare(b[1], lang));
}
