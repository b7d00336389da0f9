import { IntlMessageFormat } from "intl-messageformat";
import { LANGUAGES, type Language } from "#src/domain/languages.ts";
import { messages, type MessageKey, type SourceOf } from "#src/i18n/catalog.ts";
import type { Params, ParamsOf } from "#src/i18n/message.ts";
import { typeset } from "#src/i18n/typography.ts";

export type { MessageKey } from "#src/i18n/catalog.ts";

type IsUnion<T, U = T> = T extends unknown ? ([U] extends [T] ? false : true) : never;

/**
 * What a call passes after the key: nothing for a message without parameters, exactly its
 * parameters otherwise. A key computed at run time (a union, e.g. `error.${code}`) takes any.
 */
export type ParamsArg<K extends MessageKey> =
  true extends IsUnion<K> ? [params?: Params] : keyof ParamsOf<SourceOf<K>> extends never ? [] : [params: ParamsOf<SourceOf<K>>];

export type Translate = <K extends MessageKey>(key: K, ...params: ParamsArg<K>) => string;

export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", fr: "Français", es: "Español" };

export const isLanguage = (v: unknown): v is Language => typeof v === "string" && (LANGUAGES as readonly string[]).includes(v);

/** Whether a string is a catalog key (e.g. a message key carried by a validation error). */
export const isMessageKey = (v: string): v is MessageKey => Object.hasOwn(messages, v);

type Compiled = { format: IntlMessageFormat; names: string[]; constant: string | undefined };
type Element = ReturnType<IntlMessageFormat["getAst"]>[number];

/** The argument names a parsed message uses, plural branches included. */
function argumentNames(elements: Element[], names = new Set<string>()): Set<string> {
  for (const el of elements) {
    if ("value" in el && typeof el.value === "string" && el.type !== 0) names.add(el.value);
    if ("options" in el) for (const option of Object.values(el.options)) argumentNames(option.value, names);
  }
  return names;
}

/** Parses a message's ICU text (French spacing applied to its words first). Throws on a syntax error. */
export function compileMessage(text: string, lang: Language): Compiled {
  // Tags are not rich text here: a message is plain text, escaped by the views like any other.
  const format = new IntlMessageFormat(typeset(text, lang), lang, undefined, { ignoreTag: true });
  const names = [...argumentNames(format.getAst())];
  // Most messages take no parameter: their text is formatted once.
  return { format, names, constant: names.length ? undefined : String(format.format()) };
}

// Each message is parsed once per language, the first time it is shown.
const compiled = Object.fromEntries(LANGUAGES.map((lang) => [lang, new Map<MessageKey, Compiled>()])) as Record<Language, Map<MessageKey, Compiled>>;

function formatMessage(lang: Language, key: MessageKey, params: Params | undefined): string {
  const message = messages[key] as { [L in Language]: string } | undefined;
  if (!message) return key;
  let entry = compiled[lang].get(key);
  if (!entry) {
    entry = compileMessage(message[lang], lang);
    compiled[lang].set(key, entry);
  }
  if (entry.constant !== undefined) return entry.constant;
  // A parameter missing at run time (a message key and parameters read back from a cookie or a
  // stored notification) shows as its placeholder rather than failing the page.
  const values: Record<string, string | number> = {};
  for (const name of entry.names) values[name] = params?.[name] ?? `{${name}}`;
  return String(entry.format.format(values));
}

/** The message function for one language: ICU plurals and parameters, French spacing for French. */
export function translator(lang: Language): Translate {
  return (key: MessageKey, params?: Params) => formatMessage(lang, key, params);
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

/** A day in full in the language ("2 July 2026", "2 juillet 2026"): an ISO day (YYYY-MM-DD) or a moment, read in UTC. */
export const formatDay = (day: string | Date, lang: Language) =>
  new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(typeof day === "string" ? new Date(`${day}T00:00:00Z`) : day);
