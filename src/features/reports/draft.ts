import type { ChangeTopic } from "#src/db/changes.ts";
import type { Db } from "#src/db/client.ts";
import { primaryOf, type Language } from "#src/domain/languages.ts";
import * as catalog from "#src/features/catalog/repository.ts";
import * as repo from "#src/features/reports/repository.ts";
import { editableSection } from "#src/features/reports/revisions.ts";
import { appError } from "#src/lib/errors.ts";
import type { TopicCache } from "#src/lib/topic-cache.ts";

export type SectionText = { revisionId: number; heading: string; body: string; sourceRevisionId: number | null; updatedAt: Date };

type Texts = Partial<Record<Language, SectionText>>;
// Read-only: a draft may be the one kept for every request (see loadDraft).
export type DraftSection = Readonly<repo.SectionRow> & { readonly texts: Readonly<Texts> };
export type DraftChapter = Readonly<repo.ChapterRow> & { readonly sections: readonly DraftSection[] };
export type Draft = { readonly report: Readonly<catalog.ReportRow>; readonly primary: Language; readonly chapters: readonly DraftChapter[] };


/** Each open database's cache the app registered (cacheDrafts), by the handle its pages read through. */
const draftCaches = new WeakMap<Db, TopicCache<ChangeTopic>>();

/**
 * Lets loadDraft on `db` keep each report's draft until its outline, a text or the report
 * changes: the editor's checks, the draft's pages and the dashboard all read the whole draft,
 * every text in every language. A transaction's handle is never registered, so writes read it fresh.
 */
export function cacheDrafts(db: Db, cache: TopicCache<ChangeTopic>) {
  draftCaches.set(db, cache);
}

/**
 * The living draft of a report: chapters, sections and the current text in every language.
 * Read-only: a cached draft is handed, frozen, to every request instead of a copy of all its texts.
 */
export async function loadDraft(db: Db, reportSlug: string): Promise<Draft> {
  const cache = draftCaches.get(db);
  return cache ? cache.get(`draft|${reportSlug}`, ["draft", "catalog"], async () => deepFreeze(await readDraft(db, reportSlug)), draftBytes) : readDraft(db, reportSlug);
}

/** Freezes a plain value and everything it holds, so a caller changing a shared draft fails loudly. */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}

/**
 * About what a draft takes on the heap, counted without serialising it: its texts' characters
 * at two bytes each and a few hundred bytes for each row around them.
 */
function draftBytes(draft: Draft): number {
  let bytes = 4096;
  for (const chapter of draft.chapters) {
    bytes += 512;
    for (const section of chapter.sections) {
      bytes += 512;
      for (const text of Object.values(section.texts)) bytes += 256 + 2 * (text.heading.length + text.body.length);
    }
  }
  return bytes;
}

async function readDraft(db: Db, reportSlug: string): Promise<Draft> {
  const report = await catalog.getReportBySlug(db, reportSlug);
  if (!report) throw appError("NOT_FOUND");
  const chapterRows = await repo.listChapters(db, report.id);
  const sectionRows = await repo.listSections(
    db,
    chapterRows.map((c) => c.id),
  );
  const heads = await repo.listHeads(
    db,
    sectionRows.map((s) => s.id),
  );
  const textsBySection = textsOf(heads);
  const chaptersOut = chapterRows.map((chapter) => ({
    ...chapter,
    sections: sectionRows.filter((s) => s.chapterId === chapter.id).map((s) => ({ ...s, texts: textsBySection.get(s.id) ?? {} })),
  }));
  return { report, primary: primaryOf(report), chapters: chaptersOut };
}

type HeadRow = Awaited<ReturnType<typeof repo.listHeads>>[number];

/** Sections' current texts per language, by section id, from their head rows. */
export function textsOf(heads: HeadRow[]): Map<string, DraftSection["texts"]> {
  const bySection = new Map<string, Texts>();
  for (const h of heads) {
    const texts = bySection.get(h.sectionId) ?? {};
    texts[h.language as Language] = { revisionId: h.revisionId, heading: h.heading, body: h.body, sourceRevisionId: h.sourceRevisionId, updatedAt: h.createdAt };
    bySection.set(h.sectionId, texts);
  }
  return bySection;
}

/** A translation's state against the primary text. */
export type TranslationState = "missing" | "outOfDate" | "upToDate";

export function translationState(section: Pick<DraftSection, "texts">, primary: Language, lang: Language): TranslationState {
  const source = section.texts[primary];
  const text = section.texts[lang];
  if (!text || (!text.body.trim() && !text.heading.trim())) return "missing";
  return text.sourceRevisionId === source?.revisionId ? "upToDate" : "outOfDate";
}

/**
 * One section's current text in one language, with its state against the primary text, for a
 * program to edit from; not found when the section is not live in that report or the language
 * has no text yet.
 */
export async function loadSectionText(db: Db, reportSlug: string, sectionId: string, language: Language) {
  const { report } = await editableSection(db, sectionId, language);
  if (report.slug !== reportSlug) throw appError("NOT_FOUND");
  const primary = primaryOf(report);
  const [text, source] = await Promise.all([repo.getHead(db, sectionId, language), language === primary ? undefined : repo.getHead(db, sectionId, primary)]);
  if (!text) throw appError("NOT_FOUND");
  const texts: Texts = { [language]: { revisionId: text.id, heading: text.heading, body: text.body, sourceRevisionId: text.sourceRevisionId, updatedAt: text.createdAt } };
  if (source) texts[primary] = { revisionId: source.id, heading: source.heading, body: source.body, sourceRevisionId: null, updatedAt: source.createdAt };
  return { sectionId, language, revision: text, state: language === primary ? ("primary" as const) : translationState({ texts }, primary, language) };
}
