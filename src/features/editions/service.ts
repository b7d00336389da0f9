import { transaction, type Db } from "#src/db/client.ts";
import { isUniqueViolation } from "#src/db/errors.ts";
import { announceChange } from "#src/db/changes.ts";
import { recordAudit } from "#src/features/audit/repository.ts";
import { type Actor } from "#src/domain/actors.ts";
import { NEXT_STATUS } from "#src/domain/editions.ts";
import { parsingOnce } from "#src/content/parse.ts";
import { loadEditionContent, pageCount, renderAllPages, type RenderedPage } from "#src/features/editions/render.ts";
import * as repo from "#src/features/editions/repository.ts";
import { editionSearchEntries } from "#src/features/editions/search-entries.ts";
import { checkEdition, warningCodes, type Findings } from "#src/features/editions/findings.ts";
import { contentHash, itemsOfSnapshot, snapshotOfDraft } from "#src/features/editions/snapshot.ts";
import { loadDraft } from "#src/features/reports/draft.ts";
import { pinEvidence } from "#src/features/reports/evidence-kinds.ts";
import { notifyEveryone } from "#src/features/notifications/notify.ts";
import { mailSubscribers } from "#src/features/notifications/subscriptions.ts";
import { indexEntries, removeEdition } from "#src/features/search/index.ts";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { EditionAcknowledgement } from "#src/domain/editions.ts";
import { primaryOf } from "#src/domain/languages.ts";
import { getReport } from "#src/features/catalog/repository.ts";
import { appError } from "#src/lib/errors.ts";
import { sourcesOf, withEditionTexts, type EditionTextsInput } from "#src/features/editions/texts.ts";
import type { Language } from "#src/domain/languages.ts";

export type FreezeInput = { label: string; title: string; subtitle?: string | null; editionDate: string; foreword: string | null; translatedTitles?: Partial<Record<Language, string>> };

/** Reports progress of long work: done out of total, and what is being done; a promise it returns is awaited. */
export type Progress = (done: number, total: number, what: string) => void | Promise<void>;

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
    const primary = primaryOf(report);
    const inherited = input.title === report.titles[primary] ? report.titles : {};
    // Every edition has an English title (the column's type); a real translation wins over the primary's words.
    // Where English is not the primary, the primary's words stand in for it until it is translated:
    // with no source recorded, it reads as missing and English pages show the primary's words (texts.ts writtenTitles).
    const titles = { en: input.title, ...inherited, ...input.translatedTitles, [primary]: input.title };
    const subtitles = input.subtitle ? { [primary]: input.subtitle } : {};
    const forewords = input.foreword ? { [primary]: input.foreword } : {};
    // Titles translated along with the primary's (the report's, or given) are up to date; the others are missing.
    // The report's own English title in the primary's words is that same stand-in, not a translation.
    const standIn = (l: Language) => l === "en" && l !== primary && titles.en.trim() === input.title.trim();
    const translated = report.languages.filter((l) => (l in inherited || Boolean(input.translatedTitles?.[l])) && !standIn(l));
    const textSources = sourcesOf({ titles, subtitles, forewords }, primary, translated);
    const meta = metaOf({ label: input.label, titles, subtitles, forewords, dateStyles: {}, editionDate: input.editionDate });
    const { items, hash } = await pin(tx, report.slug, meta);
    const edition = await repo.insertEdition(tx, { reportId, label: input.label, titles, editionDate: input.editionDate, subtitles, forewords, textSources, contentHash: hash, createdBy: actor.userId });
    await repo.replaceItems(tx, edition.id, items);
    await recordAudit(tx, actor, { action: "edition.freeze", entityType: "edition", entityId: edition.id, data: { label: input.label, items: items.length, hash } });
    await announceChange(tx, "editions");
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
    await announceChange(tx, "editions");
    return edition;
  });
}

/**
 * Saves an unpublished edition's title, subtitle, foreword and date style in one language. A
 * translation records the primary words it was written against; the content hash is computed
 * again over the new words and the pinned items, as freezing would compute it.
 */
export function saveEditionTexts(db: Db, actor: Actor, editionId: string, lang: Language, input: EditionTextsInput) {
  return transaction(db, async (tx) => {
    const edition = await repo.lockEdition(tx, editionId);
    if (!edition) throw appError("NOT_FOUND");
    if (edition.status !== "draft" && edition.status !== "in_review") throw appError("EDITION_IMMUTABLE");
    const report = (await getReport(tx, edition.reportId))!;
    if (!report.languages.includes(lang)) throw appError("LANGUAGE_NOT_IN_REPORT");
    const texts = withEditionTexts(edition, primaryOf(report), lang, input);
    const hash = contentHash(metaOf({ ...edition, ...texts }), await repo.listItems(tx, editionId));
    const updated = (await repo.updateEdition(tx, editionId, { ...texts, contentHash: hash }))!;
    await recordAudit(tx, actor, { action: "edition.texts", entityType: "edition", entityId: editionId, data: { label: edition.label, lang, hash } });
    await announceChange(tx, "editions");
    return updated;
  });
}

/** Moves an edition between draft and in review; publishing and withdrawing are publishEdition's. */
export async function changeStatus(db: Db, actor: Actor, editionId: string, to: "draft" | "in_review") {
  return transaction(db, async (tx) => {
    const edition = await repo.lockEdition(tx, editionId);
    if (!edition) throw appError("NOT_FOUND");
    if (!NEXT_STATUS[edition.status].includes(to)) throw appError("EDITION_STATUS");
    const updated = (await repo.updateEdition(tx, editionId, { status: to }))!;
    await recordAudit(tx, actor, { action: `edition.${to}`, entityType: "edition", entityId: editionId, data: { label: edition.label, from: edition.status, hash: edition.contentHash } });
    await announceChange(tx, "editions");
    return updated;
  });
}

/** What the person publishing acknowledged: why it goes out with its warnings, and the codes of the warnings they were shown. */
export type Acknowledgement = { note: string; codes?: readonly string[] | undefined };

/**
 * The gate before publishing: errors block it (PUBLISH_BLOCKED); warnings need a note
 * (WARNINGS_NOT_ACKNOWLEDGED), and when the warnings shown are given (`codes`), a warning of
 * another kind found since asks again. The findings go with the refusal as its details.
 */
export function assertPublishable(found: Findings, acknowledgement: Acknowledgement | null | undefined) {
  if (found.errors > 0) throw appError("PUBLISH_BLOCKED", {}, found);
  if (found.warnings === 0) return;
  const note = acknowledgement?.note.trim() ?? "";
  if (!note) throw appError("WARNINGS_NOT_ACKNOWLEDGED", { note: "field.required" }, found);
  const shown = acknowledgement?.codes;
  if (shown && warningCodes(found).some((code) => !shown.includes(code))) throw appError("WARNINGS_NOT_ACKNOWLEDGED", { note: "publish.warningsChanged" }, found);
}

export type PublishOptions = {
  to: "published" | "withdrawn";
  publicUrl: string;
  /** Why it goes out with its warnings (and, with `check`, the codes of the warnings acknowledged). */
  acknowledgement?: Acknowledgement | null;
  /**
   * Runs the checks again just before the swap and refuses as assertPublishable does, a warning
   * whose code is not in `acknowledgement.codes` included: for a publish asked for earlier (the
   * job) or from a terminal (the CLI), since the evidence an edition places may have changed
   * since it was confirmed (a case study unpublished, a recommendation retired). Without it (the
   * demo, tests that publish directly), the warnings found are recorded with the note as given.
   */
  check?: boolean;
  /** Why it is withdrawn (required to withdraw; shown to readers). */
  reason?: string | null;
  /** When it was published, if not now (the demo's editions carry their real dates). */
  publishedAt?: Date;
  /** The content hash the person saw when they asked: a different one now is EDITION_CHANGED. */
  expectedHash?: string | null;
  /** Called after each page rendered (a job writes its progress). */
  onProgress?: Progress;
  /** Stops between pages (the server is closing); nothing is written then. */
  signal?: AbortSignal;
};

/**
 * Publishes an edition (every page of it in every language rendered once and stored, its
 * sections indexed for search) or withdraws it (its pages rendered again with the notice, its
 * search entries removed). The pages are rendered outside any transaction, giving the event loop
 * a turn between pages so that other requests are served meanwhile; then the checks run on the
 * edition as it stands (what they find is recorded with the note; with `check`, they may refuse
 * it), and one short transaction locks the row, checks that the move is still allowed and that
 * the content is still the one rendered (else EDITION_CHANGED), and swaps pages, search entries,
 * status, acknowledgement and the audit event.
 */
export function publishEdition(db: Db, actor: Actor, editionId: string, options: PublishOptions) {
  // Pages, search entries and checks read the same texts: each is parsed once.
  return parsingOnce(() => publish(db, actor, editionId, options));
}

async function publish(db: Db, actor: Actor, editionId: string, options: PublishOptions) {
  const { to } = options;
  const edition = await repo.getEdition(db, editionId);
  if (!edition) throw appError("NOT_FOUND");
  if (!NEXT_STATUS[edition.status].includes(to)) throw appError("EDITION_STATUS");
  if (options.expectedHash != null && options.expectedHash !== edition.contentHash) throw appError("EDITION_CHANGED");
  const reason = options.reason?.trim() ?? "";
  if (to === "withdrawn" && !reason) throw appError("VALIDATION_FAILED", { reason: "field.required" });
  const now = new Date();
  const moved = {
    status: to,
    ...(to === "published" ? { publishedAt: options.publishedAt ?? now } : { withdrawnAt: now, withdrawnReason: reason }),
  } satisfies Partial<repo.EditionRow>;

  // The pages as readers will see them once the change is made, rendered from the pinned content.
  const report = (await getReport(db, edition.reportId))!;
  const content = await loadEditionContent(db, report, { ...edition, ...moved });
  const total = pageCount(content);
  const pages: RenderedPage[] = [];
  for (const rendered of renderAllPages(content, options.publicUrl)) {
    pages.push(rendered);
    await options.onProgress?.(pages.length, total, `${rendered.language}/${rendered.path}`);
    await nextTurn();
    options.signal?.throwIfAborted();
  }
  // Readers search published editions only: a withdrawn one leaves the index.
  const entries = to === "published" ? await editionSearchEntries(db, content, { signal: options.signal }) : [];
  // The checks as they stand now, live evidence included: what goes out with the edition.
  let acknowledgement: EditionAcknowledgement | null = null;
  if (to === "published") {
    const found = await checkEdition(db, editionId);
    if (options.check) assertPublishable(found, { note: options.acknowledgement?.note ?? "", codes: options.acknowledgement?.codes ?? [] });
    const note = options.acknowledgement?.note.trim() ?? "";
    if (found.warnings > 0 || note) acknowledgement = { warnings: found.warnings, note, codes: warningCodes(found), by: actor.userId, at: now.toISOString() };
  }
  const changes = { ...moved, ...(to === "published" ? { acknowledgement } : {}) } satisfies Partial<repo.EditionRow>;
  options.signal?.throwIfAborted();

  return transaction(db, async (tx) => {
    const locked = await repo.lockEdition(tx, editionId);
    if (!locked) throw appError("NOT_FOUND");
    if (!NEXT_STATUS[locked.status].includes(to)) throw appError("EDITION_STATUS");
    if (locked.contentHash !== edition.contentHash) throw appError("EDITION_CHANGED");
    const updated = (await repo.updateEdition(tx, editionId, changes))!;
    await repo.replacePages(tx, editionId, pages);
    if (to === "published") {
      await indexEntries(tx, editionId, entries);
      // Everyone with an account, and the report's subscribers, hear of it once (a withdrawal tells no one).
      await notifyEveryone(tx, { kind: "edition_published", eventKey: `edition:${editionId}:published`, messageKey: "notify.edition.published", params: { report: report.titles, edition: edition.label }, href: `/reports/${encodeURIComponent(report.slug)}/${encodeURIComponent(edition.label)}` });
      await mailSubscribers(tx, updated);
    } else await removeEdition(tx, editionId);
    const data =
      to === "published"
        ? { label: edition.label, from: locked.status, hash: edition.contentHash, pages: pages.length, warnings: acknowledgement?.warnings ?? 0, codes: acknowledgement?.codes ?? [], note: acknowledgement?.note ?? null }
        : { label: edition.label, from: locked.status, hash: edition.contentHash, pages: pages.length, reason };
    await recordAudit(tx, actor, { action: `edition.${to}`, entityType: "edition", entityId: editionId, data });
    await announceChange(tx, "editions");
    return updated;
  });
}
