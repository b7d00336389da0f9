import { transaction, type Db } from "#src/db/client.ts";
import type { Caller } from "#src/domain/actors.ts";
import type { Language } from "#src/domain/languages.ts";
import { MAX_BODY_CHARS, MAX_QUOTE_CHARS, MAX_REPLACEMENT_CHARS, type ImportedItem, type ReviewImportPreview } from "#src/domain/review-suggestions.ts";
import { authorize, isSecretariat } from "#src/access/index.ts";
import { recordAudit } from "#src/features/audit/repository.ts";
import { revisionsByIds } from "#src/features/editions/repository.ts";
import * as imports from "#src/features/reviews/imports-repository.ts";
import { roundDocument, type RoundSection } from "#src/features/reviews/read.ts";
import * as repo from "#src/features/reviews/repository.ts";
import type { ReviewWordRead, SectionBase } from "#src/features/reviews/word-read.ts";
import { appError } from "#src/lib/errors.ts";
import { checkDocx } from "#src/lib/file-checks.ts";
import { runInPool } from "#src/lib/pool.ts";
import { assertValidText, shorten } from "#src/lib/text.ts";
import { isLanguage } from "#src/i18n/i18n.ts";

// A review file comes back in two steps: a preview of what it would create (N suggestions, M
// comments, K passages that could not be placed, each with its reason), kept with the file as a
// pending upload that only its uploader sees; then, when they confirm, the comments, in one
// transaction. The file stays once confirmed, as the record of what was sent.

/** How many uploads a person may keep waiting in a round; the next is refused until one is confirmed or cancelled. */
export const MAX_PENDING_REVIEW_IMPORTS = 10;

export type ReviewUpload = { filename: string; data: Buffer; language: Language };

/** The round, and the caller allowed to comment on it (an invited member, or the secretariat), or the refusal. */
async function roundToComment(db: Db, caller: Caller, roundId: string) {
  const round = await repo.getRound(db, roundId);
  if (!round) throw appError("NOT_FOUND");
  const access = { kind: "review-round", round, invited: await repo.isInvited(db, round.id, caller.organizationId) } as const;
  authorize(caller, "view", access);
  authorize(caller, "comment", access);
  if (!caller.userId) throw appError("FORBIDDEN");
  return round;
}

type Revision = Awaited<ReturnType<typeof revisionsByIds>>[number];

/**
 * Whether the round showed this revision of the section in the file's language: for an edition
 * round, exactly the edition's revision; for a living-draft round, a revision of the section in
 * the language shown, no newer than the current one (a file downloaded earlier names an older
 * one). Revision ids follow each other, so a mark naming any other (a newer draft, an unfinished
 * translation, another section's) would show text the round never showed.
 */
function showedRevision(round: repo.RoundRow, section: RoundSection, revision: Revision): boolean {
  if (section.revisionId === null || revision.sectionId !== section.id || revision.language !== section.lang) return false;
  return round.editionId ? revision.id === section.revisionId : revision.id <= section.revisionId;
}

/**
 * The texts a file is compared with, by section id: for each section mark, the revision it names
 * if the round showed it (any other, or a section this round does not show, gives nothing: its
 * changes are "unknown-section"); for the sections a file shows without a mark, the round's
 * current text, found by "<number> <heading>".
 */
async function basesOf(db: Db, round: repo.RoundRow, read: ReviewWordRead, language: Language): Promise<{ bases: Map<string, SectionBase>; language: Language }> {
  const marks = read.sections.flatMap((s) => (s.mark ? [s.mark] : []));
  const revisions = new Map((await revisionsByIds(db, [...new Set(marks.map((m) => m.revisionId))])).map((r) => [r.id, r]));
  const marked = marks.map((m) => revisions.get(m.revisionId)).find((r) => r && isLanguage(r.language));
  const lang = marked && isLanguage(marked.language) ? marked.language : language;
  const sections = new Map((await roundDocument(db, round, lang)).flatMap((c) => c.sections).map((s) => [s.id, s]));
  const bases = new Map<string, SectionBase>();
  const refused = new Set<string>();
  for (const mark of marks) {
    const revision = revisions.get(mark.revisionId);
    const section = sections.get(mark.sectionId);
    if (!revision || !section || !showedRevision(round, section, revision)) {
      refused.add(mark.sectionId);
      continue;
    }
    bases.set(mark.sectionId, { id: section.id, number: section.number, heading: revision.heading, revisionId: revision.id, body: revision.body });
  }
  if (read.sections.some((s) => !s.mark)) {
    for (const section of sections.values()) {
      if (bases.has(section.id) || refused.has(section.id) || section.revisionId === null) continue;
      bases.set(section.id, { id: section.id, number: section.number, heading: section.heading, revisionId: section.revisionId, body: section.body });
    }
  }
  return { bases, language: lang };
}

/** What a preview may bring: text without forbidden characters, within the limits of a comment typed on the page. */
function checkedPreview(preview: ReviewImportPreview): ReviewImportPreview {
  assertValidText(preview);
  for (const item of preview.items) {
    const long = item.kind === "suggestion" ? item.suggestion.replacement.length > MAX_REPLACEMENT_CHARS : item.body.length > MAX_BODY_CHARS;
    if (long) throw appError("VALIDATION_FAILED", { document: "reviewImport.tooLong" });
  }
  return { ...preview, items: preview.items.map((item): ImportedItem => (item.kind === "suggestion" ? { ...item, quote: shorten(item.quote, MAX_QUOTE_CHARS) } : { ...item, quote: item.quote === null ? null : shorten(item.quote, MAX_QUOTE_CHARS) })) };
}

/** Reads a file against the round (the caller was allowed to comment on it): what it would create. */
async function readAgainst(db: Db, round: repo.RoundRow, upload: ReviewUpload): Promise<ReviewImportPreview> {
  const checked = await checkDocx(upload.data);
  const read = await runInPool<ReviewWordRead>("review-read", checked);
  const { bases, language } = await basesOf(db, round, read, upload.language);
  return checkedPreview(await runInPool<ReviewImportPreview>("review-place", { read, bases: [...bases], language }));
}

/**
 * Reads a review file against the revisions it was downloaded from, without writing anything:
 * what it would create. The command line's --dry-run; previewReviewImport keeps it.
 */
export async function readReviewImport(db: Db, caller: Caller, roundId: string, upload: ReviewUpload): Promise<ReviewImportPreview> {
  return readAgainst(db, await roundToComment(db, caller, roundId), upload);
}

/** The round locked for the transaction, and the caller still allowed to comment on it (it may have closed meanwhile). */
async function lockedRoundToComment(tx: Db, caller: Caller, roundId: string): Promise<repo.RoundRow> {
  const round = await repo.lockRound(tx, roundId);
  if (!round) throw appError("NOT_FOUND");
  authorize(caller, "comment", { kind: "review-round", round, invited: await repo.isInvited(tx, round.id, caller.organizationId) });
  return round;
}

const previewCounts = (preview: ReviewImportPreview) => {
  const suggestions = preview.items.filter((i) => i.kind === "suggestion").length;
  return { suggestions, comments: preview.items.length - suggestions, unplaced: preview.unplaced.length };
};

/**
 * Reads an uploaded review file and keeps it, with what it would create, as a pending upload for
 * its uploader's confirmation: nothing becomes a comment yet.
 */
export async function previewReviewImport(db: Db, caller: Caller, roundId: string, upload: ReviewUpload): Promise<{ id: string; preview: ReviewImportPreview }> {
  const round = await roundToComment(db, caller, roundId);
  const userId = caller.userId!;
  // Each upload keeps its file until confirmed (or a while): a few at a time, not a store of them.
  // Checked before the (slow) reading, and again under the round's lock with the insert.
  const tooMany = () => appError("VALIDATION_FAILED", { document: "reviewImport.tooManyPending" });
  if ((await imports.countPendingReviewImports(db, round.id, userId)) >= MAX_PENDING_REVIEW_IMPORTS) throw tooMany();
  const preview = await readAgainst(db, round, upload);
  return transaction(db, async (tx) => {
    await lockedRoundToComment(tx, caller, round.id);
    if ((await imports.countPendingReviewImports(tx, round.id, userId)) >= MAX_PENDING_REVIEW_IMPORTS) throw tooMany();
    const row = await imports.insertReviewImport(tx, { roundId: round.id, createdBy: userId, organizationId: caller.organizationId, filename: upload.filename, data: upload.data, preview });
    await recordAudit(tx, caller, { action: "review.importUpload", entityType: "review_round", entityId: round.id, data: { importId: row.id, filename: row.filename, ...previewCounts(preview) } });
    return { id: row.id, preview };
  });
}

/** A pending upload for its own uploader; anyone else (or a confirmed one) is told there is none. */
export async function pendingReviewImport(db: Db, caller: Caller, importId: string) {
  const row = await imports.getReviewImport(db, importId);
  if (!row || !caller.userId || row.createdBy !== caller.userId || row.status !== "pending") throw appError("NOT_FOUND");
  return row;
}

/** The comments of a locked pending upload, in the transaction: the upload marked confirmed, audited. */
async function createComments(tx: Db, caller: Caller, round: repo.RoundRow, row: Omit<imports.ReviewImportRow, "data">): Promise<repo.CommentRow[]> {
  const authorId = row.createdBy;
  const created: repo.CommentRow[] = [];
  for (const item of row.preview.items) {
    const common = { roundId: round.id, sectionId: item.sectionId, parentId: null, authorId, organizationId: row.organizationId, revisionId: item.revisionId, origin: "word" as const, wordAuthor: item.author, importId: row.id };
    created.push(await repo.insertComment(tx, item.kind === "suggestion" ? { ...common, quote: item.quote, body: "", suggestion: item.suggestion } : { ...common, quote: item.quote, body: item.body }));
  }
  await imports.markConfirmed(tx, row.id);
  await recordAudit(tx, caller, { action: "review.import", entityType: "review_round", entityId: round.id, data: { importId: row.id, filename: row.filename, ...previewCounts(row.preview) } });
  return created;
}

/**
 * Turns a pending upload into review comments, in one transaction: each suggestion and Word comment
 * of its preview becomes a comment of the uploader's organization (the Word author kept as a note),
 * and the upload is marked confirmed. A second confirmation (a double click, the back button) finds none.
 */
export async function confirmReviewImport(db: Db, caller: Caller, importId: string): Promise<repo.CommentRow[]> {
  return transaction(db, async (tx) => {
    const row = await imports.lockReviewImport(tx, importId);
    if (!row || !caller.userId || row.createdBy !== caller.userId || row.status !== "pending") throw appError("NOT_FOUND");
    // The round row is locked so the comments cannot slip in while it is being closed.
    const round = await lockedRoundToComment(tx, caller, row.roundId);
    return createComments(tx, caller, round, row);
  });
}

/**
 * Reads a review file and makes its comments at once, in one transaction (the command line without
 * --dry-run): the file is kept as confirmed; if anything is refused, nothing is left behind.
 */
export async function importReviewFile(db: Db, caller: Caller, roundId: string, upload: ReviewUpload): Promise<{ id: string; preview: ReviewImportPreview; created: repo.CommentRow[] }> {
  const round = await roundToComment(db, caller, roundId);
  const preview = await readAgainst(db, round, upload);
  return transaction(db, async (tx) => {
    const locked = await lockedRoundToComment(tx, caller, round.id);
    const row = await imports.insertReviewImport(tx, { roundId: round.id, createdBy: caller.userId!, organizationId: caller.organizationId, filename: upload.filename, data: upload.data, preview });
    const { data: _data, ...kept } = row;
    return { id: row.id, preview, created: await createComments(tx, caller, locked, kept) };
  });
}

/** Forgets a pending upload (its uploader changed their mind); nothing else was written. */
export async function cancelReviewImport(db: Db, caller: Caller, importId: string): Promise<{ roundId: string }> {
  return transaction(db, async (tx) => {
    const row = await imports.lockReviewImport(tx, importId);
    if (!row || !caller.userId || row.createdBy !== caller.userId || row.status !== "pending") throw appError("NOT_FOUND");
    if (!(await imports.deletePendingReviewImport(tx, importId))) throw appError("NOT_FOUND");
    await recordAudit(tx, caller, { action: "review.importCancel", entityType: "review_round", entityId: row.roundId, data: { importId: row.id, filename: row.filename } });
    return { roundId: row.roundId };
  });
}

/**
 * The file of an upload as sent, for its uploader (pending or confirmed) and for the secretariat
 * once it is confirmed (the record of what became comments); anyone else is told there is none.
 */
export async function reviewImportDownload(db: Db, caller: Caller, roundId: string, importId: string): Promise<{ filename: string; data: Buffer }> {
  const file = await imports.reviewImportFile(db, importId);
  if (!file || file.roundId !== roundId || !caller.userId) throw appError("NOT_FOUND");
  if (file.createdBy === caller.userId) return file;
  if (!isSecretariat(caller) || (await imports.getReviewImport(db, importId))?.status !== "confirmed") throw appError("NOT_FOUND");
  return file;
}
