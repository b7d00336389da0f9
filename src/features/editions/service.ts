import { sql } from "drizzle-orm";
import { transaction, type Db } from "#src/db/client.ts";
import { indexEdition } from "#src/features/search/index.ts";
import { isUniqueViolation } from "#src/db/errors.ts";
import { recordAudit } from "#src/features/audit/repository.ts";
import { type Actor } from "#src/domain/actors.ts";
import { NEXT_STATUS, type EditionStatus } from "#src/domain/editions.ts";
import { loadEditionContent, pageCount, renderAllPages } from "#src/features/editions/render.ts";
import * as repo from "#src/features/editions/repository.ts";
import { contentHash, itemsOfSnapshot, snapshotOfDraft } from "#src/features/editions/snapshot.ts";
import { loadDraft } from "#src/features/reports/draft.ts";
import { primaryOf } from "#src/domain/languages.ts";
import { getReport } from "#src/features/catalog/repository.ts";
import { appError } from "#src/lib/errors.ts";
import { extractReferences } from "#src/content/directives.ts";
import { parseMarkdown } from "#src/content/parse.ts";
import { caseStudiesToPin } from "#src/features/case-studies/read.ts";
import type { SnapshotFigure } from "#src/features/editions/snapshot.ts";
import type { Language } from "#src/domain/languages.ts";
import { recommendationsBySlugs } from "#src/features/events/repository.ts";
import { renderFigure } from "#src/features/surveys/read.ts";
import { figuresBySlugs } from "#src/features/surveys/repository.ts";

export type FreezeInput = { label: string; title: string; editionDate: string; foreword: string | null; translatedTitles?: Partial<Record<Language, string>> };

/** Reports progress of long work: done out of total, and what is being done. */
export type Progress = (done: number, total: number, what: string) => void;

// The evidence of a kind a draft's sections refer to, in any language.
const referenced = (draft: Awaited<ReturnType<typeof loadDraft>>, kind: "case-study" | "figure" | "recommendation") => [
  ...new Set(
    draft.chapters.flatMap((c) =>
      c.sections.flatMap((s) => Object.values(s.texts).flatMap((text) => (text ? extractReferences(parseMarkdown(text.body)).filter((r) => r.kind === kind).map((r) => r.ref) : []))),
    ),
  ),
];

/** Figures as they are now, drawn in every language of the report: what an edition freezes. */
async function figuresToPin(tx: Db, slugs: string[], languages: Language[]): Promise<SnapshotFigure[]> {
  const rows = await figuresBySlugs(tx, slugs);
  const pinned: SnapshotFigure[] = [];
  for (const figure of rows) {
    const languagesOf: SnapshotFigure["languages"] = {};
    for (const lang of languages) {
      const r = await renderFigure(tx, figure, lang);
      languagesOf[lang] = { title: r.title, caption: r.caption, alt: r.alt, source: r.source, n: r.n, svg: r.svg, data: r.data };
    }
    pinned.push({ id: figure.id, slug: figure.slug, languages: languagesOf });
  }
  return pinned;
}

// The draft's current state as pinned items, with the edition's content hash.
async function pin(tx: Db, reportSlug: string, meta: Record<string, unknown>) {
  const draft = await loadDraft(tx, reportSlug);
  const caseStudies = await caseStudiesToPin(tx, draft.report.id, referenced(draft, "case-study"));
  const figures = await figuresToPin(tx, referenced(draft, "figure"), draft.report.languages);
  const recommendations = (await recommendationsBySlugs(tx, referenced(draft, "recommendation")))
    .sort((a, b) => a.slug.localeCompare(b.slug))
    .map((r) => ({ id: r.id, slug: r.slug, texts: r.texts, retired: r.status === "retired" }));
  const items = itemsOfSnapshot(snapshotOfDraft(draft, caseStudies, figures, recommendations), draft.primary);
  return { draft, items, hash: contentHash(meta, items) };
}

const metaOf = (e: Pick<repo.EditionRow, "label" | "titles" | "editionDate" | "foreword">) => ({ label: e.label, titles: e.titles, editionDate: e.editionDate, foreword: e.foreword });

/** Freezes the living draft into a new edition (status draft): every section's current revisions are pinned. */
export async function freezeEdition(db: Db, actor: Actor, reportId: string, input: FreezeInput) {
  const report = await getReport(db, reportId);
  if (!report) throw appError("NOT_FOUND");
  return transaction(db, async (tx) => {
    // An edition titled like its report takes the report's translated titles too.
    const inherited = input.title === report.titles[primaryOf(report)] ? report.titles : {};
    const titles = { ...inherited, ...input.translatedTitles, en: input.title, [primaryOf(report)]: input.title };
    const meta = metaOf({ label: input.label, titles, editionDate: input.editionDate, foreword: input.foreword });
    const { items, hash } = await pin(tx, report.slug, meta);
    const edition = await repo.insertEdition(tx, { reportId, label: input.label, titles, editionDate: input.editionDate, foreword: input.foreword, contentHash: hash, createdBy: actor.userId });
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
      else await tx.execute(sql`delete from search_entries where edition_id = ${editionId}`);
    }
    await recordAudit(tx, actor, { action: `edition.${to}`, entityType: "edition", entityId: editionId, data: { label: edition.label, from: edition.status, hash: edition.contentHash } });
    return updated;
  });
}
