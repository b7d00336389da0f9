// Languages a report is kept in, and how a text is chosen among its translations.

export const LANGUAGES = ["en", "fr", "es"] as const;
export type Language = (typeof LANGUAGES)[number];
export type LocalizedText = Partial<Record<Language, string>> & { en: string };


/** The report's primary language (the first of its languages). */
export const primaryOf = (report: { languages: readonly Language[] }): Language => report.languages[0] ?? "en";

/** The language to show a report in: the wanted one if the report is kept in it, else its primary one. */
export const readingLanguage = (report: { languages: readonly Language[] }, wanted: Language): Language =>
  report.languages.includes(wanted) ? wanted : primaryOf(report);

/** A chapter title or technology name in the wanted language, else in the primary one. */
export function localized(texts: Partial<Record<Language, string>>, lang: Language, primary: Language): string {
  return texts[lang] ?? texts[primary] ?? Object.values(texts)[0] ?? "";
}

/**
 * Which text of a section to show in a language: its own translation when it has words (or the
 * language is the primary one), otherwise the primary text, flagged as a fallback.
 */
export function chooseText<T extends { body: string }>(own: T | undefined, primaryText: T | undefined, lang: Language, primary: Language) {
  const translated = Boolean(own && (own.body.trim() || lang === primary));
  return { text: translated ? own : primaryText, lang: translated ? lang : primary, fallback: !translated };
}

/** A report's title in the wanted language, else in English (every report has an English title). */
export const reportTitle = (report: { titles: LocalizedText }, lang: Language): string => report.titles[lang] ?? report.titles.en;
