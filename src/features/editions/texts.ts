import { createHash } from "node:crypto";
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

/** A language's edition texts against the primary language's: missing, out of date, or up to date. */
export function editionTextState(edition: EditionTexts & Pick<EditionRow, "textSources">, primary: Language, lang: Language): TranslationState {
  if (lang === primary) return "upToDate";
  if (!edition.titles[lang]?.trim()) return "missing";
  // Subtitles and forewords are optional; a translation lacking one the primary has is incomplete.
  if ((edition.subtitles[primary] && !edition.subtitles[lang]) || (edition.forewords[primary] && !edition.forewords[lang])) return "missing";
  return edition.textSources[lang] === primaryTextsHash(edition, primary) ? "upToDate" : "outOfDate";
}
