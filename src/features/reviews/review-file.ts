import type { Db } from "#src/db/client.ts";
import { LANGUAGES, readingLanguage, reportTitle, type Language } from "#src/domain/languages.ts";
import { getReport } from "#src/features/catalog/repository.ts";
import { roundDocument, type RoundChapter } from "#src/features/reviews/read.ts";
import type { RoundRow } from "#src/features/reviews/repository.ts";
import type { ReviewFileTask } from "#src/features/reviews/word-export.ts";
import { translator } from "#src/i18n/i18n.ts";
import { appError } from "#src/lib/errors.ts";
import { runInPool } from "#src/lib/pool.ts";

// The review file of a round, as the page and the CLI download it: which part, which language,
// and its file name. Figures, recommendations and case studies show as readerLines words them
// by default ("[figure: ref]"), not by their titles: the reader of the uploaded file compares its
// text with readerLines(body) of the same revision, and an unchanged file must match it exactly.

export type ReviewFileRequest = { chapter?: string | undefined; lang?: string | undefined };

/** A chapter by its number ("2") or short name; none (or "draft", "") is the whole text. */
export function pickChapters(document: RoundChapter[], chapter: string | undefined): RoundChapter[] {
  const wanted = chapter?.trim().toLowerCase();
  if (!wanted || wanted === "draft") return document;
  const found = document.find((c) => c.number === wanted || c.slug.toLowerCase() === wanted);
  if (!found) throw appError("VALIDATION_FAILED", { chapter: "reviewFile.unknownChapter" });
  return [found];
}

/** The language asked for, if the report is kept in it (400 otherwise); none: the page's, else the report's first. */
export function fileLanguage(report: { languages: readonly Language[] }, asked: string | undefined, pageLanguage: Language): Language {
  if (!asked) return readingLanguage(report, pageLanguage);
  const lang = (LANGUAGES as readonly string[]).find((l) => l === asked) as Language | undefined;
  if (!lang || !report.languages.includes(lang)) throw appError("VALIDATION_FAILED", { lang: "reviewFile.unknownLanguage" });
  return lang;
}

/**
 * Writing takes about 6 ms per 1,000 characters of text once warm (the demo's whole draft, 9,600
 * characters: 55 ms; a chapter: under 10 ms), so past this many characters it goes to the worker pool.
 */
export const POOL_FROM_CHARS = 4_000;

/** The review file of a round: a chapter or the whole text, in a language of the report. */
export async function roundReviewFile(db: Db, round: Pick<RoundRow, "reportId" | "editionId" | "title" | "opensOn">, request: ReviewFileRequest, pageLanguage: Language): Promise<{ bytes: Buffer; filename: string; lang: Language }> {
  const report = await getReport(db, round.reportId);
  if (!report) throw appError("NOT_FOUND");
  const lang = fileLanguage(report, request.lang, pageLanguage);
  const document = await roundDocument(db, round, lang);
  const chapters = pickChapters(document, request.chapter);
  const whole = !request.chapter?.trim() || request.chapter.trim().toLowerCase() === "draft";
  const t = translator(lang);
  const bodies = chapters.flatMap((c) => c.sections.filter((s) => s.revisionId !== null).map((s) => s.body));
  const task: ReviewFileTask = {
    title: reportTitle(report, lang),
    roundTitle: round.title,
    lang,
    part: whole ? t("reviewFile.wholeDraft") : t("reviewFile.chapterOption", { number: chapters[0]!.number, title: chapters[0]!.title }),
    chapters,
    date: new Date().toISOString(),
  };
  const size = bodies.reduce((n, b) => n + b.length, 0);
  // word-export.ts (and docx) is loaded when a file is asked for, not at start.
  const bytes = size > POOL_FROM_CHARS ? Buffer.from(await runInPool<Uint8Array>("review-docx", task)) : await (await import("#src/features/reviews/word-export.ts")).reviewDocxTask(task);
  const part = whole ? "draft" : chapters[0]!.slug;
  return { bytes, filename: `review-${round.opensOn}-${part}-${lang}.docx`, lang };
}
