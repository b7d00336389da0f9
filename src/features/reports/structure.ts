import { announceChange } from "#src/db/changes.ts";
import { transaction, type Db } from "#src/db/client.ts";
import { isUniqueViolation } from "#src/db/errors.ts";
import { recordAudit } from "#src/features/audit/repository.ts";
import { type Actor } from "#src/domain/actors.ts";
import type { Language } from "#src/domain/languages.ts";
import { CHAPTER_TEMPLATES, slugify, type ChapterKind, type ChapterTemplate, type SectionStatus } from "#src/domain/reports.ts";
import { primaryOf } from "#src/domain/languages.ts";
import * as catalog from "#src/features/catalog/repository.ts";
import * as repo from "#src/features/reports/repository.ts";
import { appError } from "#src/lib/errors.ts";
import { translator } from "#src/i18n/i18n.ts";

// Commands that shape a report: chapters and sections added, renamed, reordered, moved, removed.
// Each runs in one transaction with its audit event; reorderings lock the siblings first.

const uniqueSlug = (wanted: string, taken: Iterable<string>) => {
  const used = new Set(taken);
  let slug = wanted;
  for (let n = 2; used.has(slug); n++) slug = `${wanted}-${n}`;
  return slug;
};

export type ReportInput = { slug: string; title: string; primaryLanguage: Language; translations: Language[] };

/** Sets the report's title in one language. */
export function renameReport(db: Db, actor: Actor, reportId: string, lang: Language, title: string) {
  return transaction(db, async (tx) => {
    await announceChange(tx, "catalog");
    const report = await catalog.getReport(tx, reportId);
    if (!report) throw appError("NOT_FOUND");
    const updated = await catalog.updateReport(tx, reportId, { titles: { ...report.titles, [lang]: title } });
    await recordAudit(tx, actor, { action: "report.rename", entityType: "report", entityId: reportId, data: { name: title, language: lang } });
    return updated!;
  });
}

/** Creates an empty report. */
export function createReport(db: Db, actor: Actor, input: ReportInput) {
  const languages = [input.primaryLanguage, ...input.translations.filter((l) => l !== input.primaryLanguage)];
  return transaction(db, async (tx) => {
    await announceChange(tx, "catalog");
    const report = await catalog.insertReport(tx, { slug: input.slug, titles: { en: input.title, [input.primaryLanguage]: input.title }, languages });
    await recordAudit(tx, actor, { action: "report.create", entityType: "report", entityId: report.id, data: { slug: report.slug, name: input.title } });
    return report;
  }).catch((e: unknown) => {
    if (isUniqueViolation(e)) throw appError("SLUG_TAKEN", { slug: "error.SLUG_TAKEN" });
    throw e;
  });
}

/** Adds a section at the end of a chapter, with its first (possibly empty) text in the primary language. */
async function appendSection(tx: Db, actor: Actor, chapter: repo.ChapterRow, primary: Language, heading: string, body = "") {
  const siblings = await repo.lockSections(tx, chapter.id);
  const section = await repo.insertSection(tx, {
    chapterId: chapter.id,
    slug: uniqueSlug(slugify(heading), siblings.map((s) => s.slug)),
    position: Math.max(0, ...siblings.map((s) => s.position)) + 1,
  });
  const revision = await repo.insertRevision(tx, { sectionId: section.id, language: primary, heading, body, authorId: actor.userId, summary: null });
  await repo.advanceHead(tx, section.id, primary, null, revision.id);
  await recordAudit(tx, actor, { action: "section.create", entityType: "section", entityId: section.id, data: { name: heading, chapter: chapter.slug } });
  return section;
}

export type ChapterInput = { title: string; kind: ChapterKind; technologyId: string | null; template: ChapterTemplate };

/** Adds a chapter at the end of a report, with the sections of the chosen template. */
export async function addChapter(db: Db, actor: Actor, reportId: string, input: ChapterInput) {
  return transaction(db, async (tx) => {
    await announceChange(tx, "draft");
    const report = await catalog.getReport(tx, reportId);
    if (!report) throw appError("NOT_FOUND");
    const primary = primaryOf(report);
    const siblings = await repo.lockChapters(tx, reportId);
    const chapter = await repo.insertChapter(tx, {
      reportId,
      slug: uniqueSlug(slugify(input.title), siblings.map((c) => c.slug)),
      kind: input.kind,
      technologyId: input.technologyId,
      titles: { en: input.title, [primary]: input.title },
      position: Math.max(0, ...siblings.map((c) => c.position)) + 1,
    });
    await recordAudit(tx, actor, { action: "chapter.create", entityType: "chapter", entityId: chapter.id, data: { name: input.title, template: input.template } });
    const t = translator(primary);
    for (const key of CHAPTER_TEMPLATES[input.template]) await appendSection(tx, actor, chapter, primary, t(key));
    return chapter;
  });
}

async function liveChapter(db: Db, id: string) {
  const chapter = await repo.getChapter(db, id);
  if (!chapter || chapter.removedAt) throw appError("NOT_FOUND");
  return chapter;
}

/** Renames a chapter in one of its report's languages (the others keep their titles). */
export function renameChapter(db: Db, actor: Actor, chapterId: string, lang: Language, title: string) {
  return transaction(db, async (tx) => {
    await announceChange(tx, "draft");
    const chapter = await liveChapter(tx, chapterId);
    const report = await catalog.getReport(tx, chapter.reportId);
    if (!report?.languages.includes(lang)) throw appError("VALIDATION_FAILED", { language: "field.invalid" });
    const updated = await repo.updateChapter(tx, chapterId, { titles: { ...chapter.titles, [lang]: title } });
    await recordAudit(tx, actor, { action: "chapter.rename", entityType: "chapter", entityId: chapterId, data: { name: title, language: lang } });
    return updated!;
  });
}

/** Swaps a row with its neighbour in the given direction; a no-op at either end. */
function neighbour<T extends { id: string; position: number }>(rows: T[], id: string, direction: "up" | "down") {
  const ordered = [...rows].sort((a, b) => a.position - b.position);
  const index = ordered.findIndex((r) => r.id === id);
  const other = ordered[direction === "up" ? index - 1 : index + 1];
  return index < 0 ? undefined : { self: ordered[index]!, other };
}

/** Moves a chapter one place up or down. */
export function moveChapter(db: Db, actor: Actor, chapterId: string, direction: "up" | "down") {
  return transaction(db, async (tx) => {
    await announceChange(tx, "draft");
    const chapter = await liveChapter(tx, chapterId);
    const live = (await repo.listChapters(tx, chapter.reportId)).map((c) => c.id);
    const rows = (await repo.lockChapters(tx, chapter.reportId)).filter((c) => live.includes(c.id));
    const pair = neighbour(rows, chapterId, direction);
    if (!pair?.other) return chapter;
    await repo.updateChapter(tx, pair.self.id, { position: pair.other.position });
    await repo.updateChapter(tx, pair.other.id, { position: pair.self.position });
    await recordAudit(tx, actor, { action: "chapter.move", entityType: "chapter", entityId: chapterId, data: { direction } });
    return chapter;
  });
}

/** Removes a chapter from the draft; it and its sections' history stay in the database. */
export function removeChapter(db: Db, actor: Actor, chapterId: string) {
  return transaction(db, async (tx) => {
    await announceChange(tx, "draft");
    const chapter = await liveChapter(tx, chapterId);
    await repo.updateChapter(tx, chapterId, { removedAt: new Date() });
    await recordAudit(tx, actor, { action: "chapter.remove", entityType: "chapter", entityId: chapterId, data: { name: chapter.titles.en } });
    return chapter;
  });
}

/** Adds a section at the end of a chapter. */
export async function addSection(db: Db, actor: Actor, chapterId: string, heading: string) {
  return transaction(db, async (tx) => {
    await announceChange(tx, "draft");
    const chapter = await liveChapter(tx, chapterId);
    const report = await catalog.getReport(tx, chapter.reportId);
    return appendSection(tx, actor, chapter, primaryOf(report!), heading);
  });
}

async function liveSection(db: Db, id: string) {
  const found = await repo.getSection(db, id);
  if (!found || found.section.removedAt || found.chapter.removedAt) throw appError("NOT_FOUND");
  return found;
}

/** Moves a section one place up or down within its chapter. */
export function moveSection(db: Db, actor: Actor, sectionId: string, direction: "up" | "down") {
  return transaction(db, async (tx) => {
    await announceChange(tx, "draft");
    const { section } = await liveSection(tx, sectionId);
    const live = (await repo.listSections(tx, [section.chapterId])).map((s) => s.id);
    const rows = (await repo.lockSections(tx, section.chapterId)).filter((s) => live.includes(s.id));
    const pair = neighbour(rows, sectionId, direction);
    if (!pair?.other) return section;
    await repo.updateSection(tx, pair.self.id, { position: pair.other.position });
    await repo.updateSection(tx, pair.other.id, { position: pair.self.position });
    await recordAudit(tx, actor, { action: "section.move", entityType: "section", entityId: sectionId, data: { direction } });
    return section;
  });
}

/** Moves a section to the end of another chapter of the same report. */
export function moveSectionToChapter(db: Db, actor: Actor, sectionId: string, targetChapterId: string) {
  return transaction(db, async (tx) => {
    await announceChange(tx, "draft");
    const { section, chapter } = await liveSection(tx, sectionId);
    const target = await liveChapter(tx, targetChapterId);
    if (target.reportId !== chapter.reportId) throw appError("VALIDATION_FAILED", { chapterId: "field.invalid" });
    if (target.id === chapter.id) return section;
    const siblings = await repo.lockSections(tx, target.id);
    const moved = await repo.updateSection(tx, sectionId, {
      chapterId: target.id,
      slug: uniqueSlug(section.slug, siblings.map((s) => s.slug)),
      position: Math.max(0, ...siblings.map((s) => s.position)) + 1,
    });
    await recordAudit(tx, actor, { action: "section.move", entityType: "section", entityId: sectionId, data: { from: chapter.slug, to: target.slug } });
    return moved!;
  });
}

/** Removes a section from the draft; its revisions stay. */
export function removeSection(db: Db, actor: Actor, sectionId: string) {
  return transaction(db, async (tx) => {
    await announceChange(tx, "draft");
    const { section } = await liveSection(tx, sectionId);
    await repo.updateSection(tx, sectionId, { removedAt: new Date() });
    await recordAudit(tx, actor, { action: "section.remove", entityType: "section", entityId: sectionId, data: { slug: section.slug } });
    return section;
  });
}

/** Marks a section draft or ready. */
export function setSectionStatus(db: Db, actor: Actor, sectionId: string, status: SectionStatus) {
  return transaction(db, async (tx) => {
    await announceChange(tx, "draft");
    await liveSection(tx, sectionId);
    const section = await repo.updateSection(tx, sectionId, { status });
    await recordAudit(tx, actor, { action: "section.status", entityType: "section", entityId: sectionId, data: { status } });
    return section!;
  });
}
