import { LANGUAGES, type Language } from "#src/domain/languages.ts";
import { en, type Catalog, type MessageKey } from "#src/i18n/en.ts";
import { fr } from "#src/i18n/fr.ts";
import { es } from "#src/i18n/es.ts";

const catalogs: Record<Language, Catalog> = { en, fr, es };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", fr: "Français", es: "Español" };

export const isLanguage = (v: unknown): v is Language => typeof v === "string" && (LANGUAGES as readonly string[]).includes(v);

/** Whether a string is a catalog key (e.g. a message key carried by a validation error). */
export const isMessageKey = (v: string): v is MessageKey => v in en;

/** The message function for one language; `{name}` placeholders are filled from params. */
export function translator(lang: Language): Translate {
  const catalog = catalogs[lang];
  return (key, params) => {
    const text = catalog[key] ?? en[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m)) : text;
  };
}

/** Picks the best supported language from an Accept-Language header. */
export function negotiateLanguage(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((r) => Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((r) => r.lang).find(isLanguage);
}
