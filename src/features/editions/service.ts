import { transaction, type Db } from "#src/db/client.ts";
import { isUniqueViolation } from "#src/db/errors.ts";
import { recordAudit } from "#src/features/audit/repository.ts";
import { type Actor } from "#src/domain/actors.ts";
import { NEXT_STATUS, type EditionStatus } from "#src/domain/editions.ts";
import { loadEditionContent, pageCount, renderAllPages } from "#src/features/editions/render.ts";
import * as repo from "#src/features/editions/repository.ts";
import { indexEdition } from "#src/features/editions/search-entries.ts";
import { contentHash, itemsOfSnapshot, snapshotOfDraft } from "#src/features/editions/snapshot.ts";
import { loadDraft } from "#src/features/reports/draft.ts";
import { pinEvidence } from "#src/features/reports/evidence-kinds.ts";
import { removeEdition } from "#src/features/search/index.ts";
import { primaryOf } from "#src/domain/languages.ts";
import { getReport } from "#src/features/catalog/repository.ts";
import { appError } from "#src/lib/errors.ts";
import type { Language } from "#src/domain/languages.ts";

export type FreezeInput = { label: string; title: string; editionDate: string; foreword: string | null; translatedTitles?: Partial<Record<Language, string>> };

/** Reports progress of long work: done out of total, and what is being done. */
export type Progress = (done: number, total: number, what: string) => void;

// The draft's current state as pinned items, with the edition's content hash.
async function pin(tx: Db, reportSlug: string, meta: Record<string, unknown>) {
  const draft = await loadDraft(tx, reportSlug);
  const evidence = await pinEvidence(tx, draft, draft.report.languages);
  const items = itemsOfSnapshot(snapshotOfDraft(draft, evidence), draft.primary);
  return { draft, items, hash: contentHash(meta, items) };
}

/** The edition's own words and settings: part of its content hash, with the pinned items. */
const metaOf = (e: Pick<repo.EditionRow, "label" | "titles" | "subtitles" | "forewords" | "dateStyles" | "editionDate">) => ({ label: e.label, titles: e.titles, subtitles: e.subtitles, forewords: e.forewords, dateStyles: e.dateStyles, editionDate: e.editionDate });

/** Freezes the living draft into a new edition (status draft): every section's current revisions are pinned. */
export async function freezeEdition(db: Db, actor: Actor, reportId: string, input: FreezeInput) {
  const report = await getReport(db, reportId);
  if (!report) throw appError("NOT_FOUND");
  return transaction(db, async (tx) => {
    // An edition titled like its report takes the report's translated titles too.
    const inherited = input.title === report.titles[primaryOf(report)] ? report.titles : {};
    const titles = { ...inherited, ...input.translatedTitles, en: input.title, [primaryOf(report)]: input.title };
    const forewords = input.foreword ? { [primaryOf(report)]: input.foreword } : {};
    const meta = metaOf({ label: input.label, titles, subtitles: {}, forewords, dateStyles: {}, editionDate: input.editionDate });
    const { items, hash } = await pin(tx, report.slug, meta);
    const edition = await repo.insertEdition(tx, { reportId, label: input.label, titles, editionDate: input.editionDate, forewords, contentHash: hash, createdBy: actor.userId });
    await repo.replaceItems(tx, edition.id, items);
    await recordAudit(tx, actor, { action: "edition.freeze", entityType: "edition", entityId: edition.id, data: { label: input.label, items: items.length, hash } });
    return edition;
  }).catch((e: unknown) => {
    if (isUniqueViolation(e, "editions_report_label_key")) throw appError("EDITION_LABEL_TAKEN", { label: "error.EDITION_LABEL_TAKEN" });
    throw e;
  });
}

/** Re-pins an unpublished edition to the living draft as it is now. */
export function refreshEdition(db: Db, actor: Actor, editionId: string) {
  return transaction(db, async (tx) => {
    const edition = await repo.lockEdition(tx, editionId);
    if (!edition) throw appError("NOT_FOUND");
    if (edition.status !== "draft" && edition.status !== "in_review") throw appError("EDITION_IMMUTABLE");
    const report = await getReport(tx, edition.reportId);
    const { items, hash } = await pin(tx, report!.slug, metaOf(edition));
    await repo.replaceItems(tx, editionId, items);
    await repo.updateEdition(tx, editionId, { contentHash: hash, frozenAt: new Date() });
    await recordAudit(tx, actor, { action: "edition.refresh", entityType: "edition", entityId: editionId, data: { label: edition.label, hash } });
    return edition;
  });
}

/**
 * Moves an edition along draft → in review → published → withdrawn. Publishing renders every
 * page of the edition once and stores it; withdrawing renders them again with the notice.
 */
export async function changeStatus(
  db: Db,
  actor: Actor,
  editionId: string,
  to: EditionStatus,
  options: { reason?: string | null; publicUrl: string; onProgress?: Progress },
) {
  return transaction(db, async (tx) => {
    const edition = await repo.lockEdition(tx, editionId);
    if (!edition) throw appError("NOT_FOUND");
    if (!NEXT_STATUS[edition.status].includes(to)) throw appError("EDITION_STATUS");
    if (to === "withdrawn" && !options.reason?.trim()) throw appError("VALIDATION_FAILED", { reason: "field.required" });
    const now = new Date();
    const updated = (await repo.updateEdition(tx, editionId, {
      status: to,
      ...(to === "published" ? { publishedAt: now } : {}),
      ...(to === "withdrawn" ? { withdrawnAt: now, withdrawnReason: options.reason!.trim() } : {}),
    }))!;
    if (to === "published" || to === "withdrawn") {
      const report = (await getReport(tx, edition.reportId))!;
      const content = await loadEditionContent(tx, report, updated);
      const total = pageCount(content);
      const pages = [];
      for (const rendered of renderAllPages(content, options.publicUrl)) {
        pages.push(rendered);
        options.onProgress?.(pages.length, total, `${rendered.language}/${rendered.path}`);
      }
      await repo.replacePages(tx, editionId, pages);
      // Readers search published editions only: a withdrawn one leaves the index.
      if (to === "published") await indexEdition(tx, content);
      else await removeEdition(tx, editionId);
    }
    await recordAudit(tx, actor, { action: `edition.${to}`, entityType: "edition", entityId: editionId, data: { label: edition.label, from: edition.status, hash: edition.contentHash } });
    return updated;
  });
}
