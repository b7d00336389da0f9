import { transaction, type Db } from "#src/db/client.ts";
import type { Caller } from "#src/domain/actors.ts";
import type { Language } from "#src/domain/languages.ts";
import { MAX_REPLACEMENT_CHARS, type ImportedItem, type ReviewImportPreview } from "#src/domain/review-suggestions.ts";
import { authorize } from "#src/access/index.ts";
import { recordAudit } from "#src/features/audit/repository.ts";
import * as imports from "#src/features/reviews/imports-repository.ts";
import { roundDocument } from "#src/features/reviews/read.ts";
import * as repo from "#src/features/reviews/repository.ts";
import type { ReviewWordRead, SectionBase } from "#src/features/reviews/word-read.ts";
import { appError } from "#src/lib/errors.ts";
import { checkDocx } from "#src/lib/file-checks.ts";
import { runInPool } from "#src/lib/pool.ts";
import { assertValidText } from "#src/lib/text.ts";
import { isLanguage } from "#src/i18n/i18n.ts";

// A review file comes back in two steps: a preview of what it would create (N suggestions, M
// comments, K passages that could not be placed, each with its reason), kept with the file as a
// pending upload that only its uploader sees; then, when they confirm, the comments, in one
// transaction. The file stays once confirmed, as the record of what was sent.

/** How many uploads a person may keep waiting in a round; the next is refused until one is confirmed or cancelled. */
export const MAX_PENDING_REVIEW_IMPORTS = 10;
/** The longest quote and comment a review comment takes (as on the round's form). */
const MAX_QUOTE_CHARS = 2000;
const MAX_BODY_CHARS = 8000;

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

/**
 * The texts a file is compared with, by section id: for each section mark, the revision it names
 * (a mark naming a revision of another section, or a section this round does not show, gives
 * nothing: its changes are "unknown-section"); for the sections a file shows without a mark, the
 * round's current text, found by "<number> <heading>".
 */
async function basesOf(db: Db, round: repo.RoundRow, read: ReviewWordRead, language: Language): Promise<{ bases: Map<string, SectionBase>; language: Language }> {
  const marks = read.sections.flatMap((s) => (s.mark ? [s.mark] : []));
  const revisions = new Map((await imports.revisionsByIds(db, [...new Set(marks.map((m) => m.revisionId))])).map((r) => [r.id, r]));
  const marked = marks.map((m) => revisions.get(m.revisionId)).find((r) => r && isLanguage(r.language));
  const lang = marked && isLanguage(marked.language) ? marked.language : language;
  const sections = new Map((await roundDocument(db, round, lang)).flatMap((c) => c.sections).map((s) => [s.id, s]));
  const bases = new Map<string, SectionBase>();
  const refused = new Set<string>();
  for (const mark of marks) {
    const revision = revisions.get(mark.revisionId);
    const section = sections.get(mark.sectionId);
    if (!revision || !section || revision.sectionId !== mark.sectionId) {
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
  const cut = (quote: string) => (quote.length > MAX_QUOTE_CHARS ? `${quote.slice(0, MAX_QUOTE_CHARS - 1)}…` : quote);
  return { ...preview, items: preview.items.map((item): ImportedItem => (item.kind === "suggestion" ? { ...item, quote: cut(item.quote) } : { ...item, quote: item.quote === null ? null : cut(item.quote) })) };
}

/**
 * Reads a review file against the revisions it was downloaded from, without writing anything:
 * what it would create. The command line's --dry-run; previewReviewImport keeps it.
 */
export async function readReviewImport(db: Db, caller: Caller, roundId: string, upload: ReviewUpload): Promise<ReviewImportPreview> {
  const round = await roundToComment(db, caller, roundId);
  const checked = await checkDocx(upload.data);
  const read = await runInPool<ReviewWordRead>("review-read", checked);
  const { bases, language } = await basesOf(db, round, read, upload.language);
  return checkedPreview(await runInPool<ReviewImportPreview>("review-place", { read, bases: [...bases], language }));
}

/**
 * Reads an uploaded review file and keeps it, with what it would create, as a pending upload for
 * its uploader's confirmation: nothing becomes a comment yet.
 */
export async function previewReviewImport(db: Db, caller: Caller, roundId: string, upload: ReviewUpload): Promise<{ id: string; preview: ReviewImportPreview }> {
  await roundToComment(db, caller, roundId);
  // Each upload keeps its file until confirmed (or a week): a few at a time, not a store of them.
  if ((await imports.countPendingReviewImports(db, roundId, caller.userId!)) >= MAX_PENDING_REVIEW_IMPORTS) throw appError("VALIDATION_FAILED", { document: "reviewImport.tooManyPending" });
  const preview = await readReviewImport(db, caller, roundId, upload);
  const row = await imports.insertReviewImport(db, { roundId, createdBy: caller.userId!, organizationId: caller.organizationId, filename: upload.filename, data: upload.data, preview });
  return { id: row.id, preview };
}

/** A pending upload for its own uploader; anyone else (or a confirmed one) is told there is none. */
export async function pendingReviewImport(db: Db, caller: Caller, importId: string) {
  const row = await imports.getReviewImport(db, importId);
  if (!row || !caller.userId || row.createdBy !== caller.userId || row.status !== "pending") throw appError("NOT_FOUND");
  return row;
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
    const round = await repo.lockRound(tx, row.roundId);
    if (!round) throw appError("NOT_FOUND");
    authorize(caller, "comment", { kind: "review-round", round, invited: await repo.isInvited(tx, round.id, caller.organizationId) });
    const created: repo.CommentRow[] = [];
    for (const item of row.preview.items) {
      const common = { roundId: round.id, sectionId: item.sectionId, parentId: null, authorId: caller.userId, organizationId: row.organizationId, revisionId: item.revisionId, origin: "word" as const, wordAuthor: item.author, importId: row.id };
      created.push(await repo.insertComment(tx, item.kind === "suggestion" ? { ...common, quote: item.quote, body: "", suggestion: item.suggestion } : { ...common, quote: item.quote, body: item.body }));
    }
    await imports.markConfirmed(tx, row.id);
    const suggestions = row.preview.items.filter((i) => i.kind === "suggestion").length;
    await recordAudit(tx, caller, { action: "review.import", entityType: "review_round", entityId: round.id, data: { importId: row.id, filename: row.filename, suggestions, comments: row.preview.items.length - suggestions, unplaced: row.preview.unplaced.length } });
    return created;
  });
}

/** Forgets a pending upload (its uploader changed their mind); nothing else was written. */
export async function cancelReviewImport(db: Db, caller: Caller, importId: string): Promise<{ roundId: string }> {
  const row = await pendingReviewImport(db, caller, importId);
  if (!(await imports.deletePendingReviewImport(db, importId))) throw appError("NOT_FOUND");
  return { roundId: row.roundId };
}
