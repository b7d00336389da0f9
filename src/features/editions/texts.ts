import { createHash } from "node:crypto";
import type { EditionDateStyle } from "#src/domain/editions.ts";
import type { Language } from "#src/domain/languages.ts";
import type { TranslationState } from "#src/features/reports/draft.ts";
import { canonicalJson } from "#src/lib/canonical-json.ts";
import type { EditionRow } from "#src/features/editions/repository.ts";

// An edition's own words (title, subtitle, foreword) per language, and whether each translation
// still matches the primary language's words, as sections' translations do.

type EditionTexts = Pick<EditionRow, "titles" | "subtitles" | "forewords">;

/** The hash of the primary language's words: what a translation records as its source. */
export const primaryTextsHash = (edition: EditionTexts, primary: Language) =>
  createHash("sha256")
    .update(canonicalJson([edition.titles[primary] ?? "", edition.subtitles[primary] ?? "", edition.forewords[primary] ?? ""]))
    .digest("hex")
    .slice(0, 16);

/**
 * The titles the edition has words for, by language. Every edition holds an English title (the
 * column's type wants one): when English is not the primary language and was never translated
 * (no source recorded), that entry only repeats the primary's words and is left out here, so
 * English reads as missing and English pages show the primary's words marked with their language.
 */
export function writtenTitles(edition: Pick<EditionRow, "titles" | "textSources">, primary: Language): Partial<Record<Language, string>> {
  if (primary === "en" || edition.textSources.en) return edition.titles;
  const { en: _, ...others } = edition.titles;
  return others;
}

/** The edition's own words, in the order they are shown. */
export type EditionTextField = "title" | "subtitle" | "foreword";

/**
 * Which of the primary language's words a translation lacks (none for the primary). Subtitles and
 * forewords are optional; a translation lacking one the primary has is incomplete.
 */
export function missingEditionTexts(edition: EditionTexts & Pick<EditionRow, "textSources">, primary: Language, lang: Language): EditionTextField[] {
  if (lang === primary) return [];
  const missing: EditionTextField[] = [];
  if (!writtenTitles(edition, primary)[lang]?.trim()) missing.push("title");
  if (edition.subtitles[primary] && !edition.subtitles[lang]) missing.push("subtitle");
  if (edition.forewords[primary] && !edition.forewords[lang]) missing.push("foreword");
  return missing;
}

/** The missing words as one select key for messages: "title", "subtitleForeword", "titleSubtitleForeword"… */
export const missingTextsKey = (missing: EditionTextField[]) => missing.map((f, i) => (i ? f[0]!.toUpperCase() + f.slice(1) : f)).join("");

/** A language's edition texts against the primary language's: missing (wholly or in part), out of date, or up to date. */
export function editionTextState(edition: EditionTexts & Pick<EditionRow, "textSources">, primary: Language, lang: Language): TranslationState {
  if (lang === primary) return "upToDate";
  if (missingEditionTexts(edition, primary, lang).length) return "missing";
  return edition.textSources[lang] === primaryTextsHash(edition, primary) ? "upToDate" : "outOfDate";
}

/** What an editor writes for one language: the three texts and how dates are written. */
export type EditionTextsInput = { title: string; subtitle: string | null; foreword: string | null; dateStyle: EditionDateStyle };

type EditionWords = EditionTexts & Pick<EditionRow, "dateStyles" | "textSources">;

const withEntry = <T>(record: Partial<Record<Language, T>>, lang: Language, value: T | null) => {
  const next = { ...record };
  if (value === null) delete next[lang];
  else next[lang] = value;
  return next;
};

/**
 * The edition's words with one language's texts replaced. A translation records the hash of the
 * primary language's words it was written against; a change of the primary's words leaves the
 * translations' sources as they were, so they read as out of date.
 */
export function withEditionTexts(edition: EditionWords, primary: Language, lang: Language, input: EditionTextsInput): EditionWords {
  const next: EditionWords = {
    titles: { ...edition.titles, [lang]: input.title },
    subtitles: withEntry(edition.subtitles, lang, input.subtitle),
    forewords: withEntry(edition.forewords, lang, input.foreword),
    dateStyles: { ...edition.dateStyles, [lang]: input.dateStyle },
    textSources: edition.textSources,
  };
  if (lang !== primary) next.textSources = { ...edition.textSources, [lang]: primaryTextsHash(next, primary) };
  return next;
}

/** Sources for translations given with the primary's words (at freezing): those languages count as up to date. */
export function sourcesOf(edition: EditionTexts, primary: Language, languages: Language[]): Partial<Record<Language, string>> {
  const hash = primaryTextsHash(edition, primary);
  return Object.fromEntries(languages.filter((lang) => lang !== primary && edition.titles[lang]?.trim()).map((lang) => [lang, hash]));
}

/** One of the edition's words in a language, else the primary's, with the language it is written in. */
export type EditionText = { text: string; lang: Language };

/**
 * The title, subtitle and foreword shown in a language: each its own translation when it has one,
 * otherwise the primary language's words (and readers' tools are told which language they are in).
 */
export function editionTexts(edition: EditionTexts & Pick<EditionRow, "textSources">, primary: Language, lang: Language): { title: EditionText; subtitle: EditionText | null; foreword: EditionText | null } {
  const pick = (texts: Partial<Record<Language, string>>): EditionText | null => {
    if (texts[lang]?.trim()) return { text: texts[lang], lang };
    if (texts[primary]?.trim()) return { text: texts[primary], lang: primary };
    return null;
  };
  return { title: pick(writtenTitles(edition, primary)) ?? { text: edition.titles.en, lang: "en" }, subtitle: pick(edition.subtitles), foreword: pick(edition.forewords) };
}

/** Intl's formatters, one per language and style: making one costs far more than formatting (every page of a publish asks). */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** How an edition's date is written in a language: Intl's date style chosen for that language (long unless set). */
export const formatEditionDate = (date: string, lang: Language, style: EditionDateStyle = "long") => {
  const key = `${lang}/${style}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(lang, { dateStyle: style, timeZone: "UTC" })));
  return formatter.format(new Date(`${date}T00:00:00Z`));
};

/** The edition's date in a language, in that language's date style. */
export const editionDate = (edition: Pick<EditionRow, "editionDate" | "dateStyles">, lang: Language) => formatEditionDate(edition.editionDate, lang, edition.dateStyles[lang]);
