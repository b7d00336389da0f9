import { markdownProblem } from "#src/content/limits.ts";
import { referencesOf } from "#src/content/render.ts";
import { transaction, type Db } from "#src/db/client.ts";
import type { Actor } from "#src/domain/actors.ts";
import type { Language } from "#src/domain/languages.ts";
import { MAX_REPLACEMENT_CHARS, suggestionKind, type Suggestion, type SuggestionKind } from "#src/domain/review-suggestions.ts";
import { recordAudit } from "#src/features/audit/repository.ts";
import { notifyUsers } from "#src/features/notifications/notify.ts";
import { getHead, getRevision, listHeads } from "#src/features/reports/repository.ts";
import { saveSectionIn, StaleRevisionError } from "#src/features/reports/revisions.ts";
import * as repo from "#src/features/reviews/repository.ts";
import { dispose } from "#src/features/reviews/service.ts";
import { applySuggestion, findSuggestion, suggestionView } from "#src/features/reviews/suggestions.ts";
import { translator } from "#src/i18n/i18n.ts";
import { appError } from "#src/lib/errors.ts";
import { getUser } from "#src/features/members/repository.ts";

// The secretariat's answers to suggested changes: accept (the change becomes a new revision of the
// section, and the disposition links it), edit and accept, or reject with a reason.

export type AcceptInput = {
  /** The editor's own wording, instead of the proposed one ("edit and accept": partly accepted). */
  replacement?: string | undefined;
  /** Why the wording was changed, for an edited acceptance. */
  reason?: string | null | undefined;
  /** The new revision's summary; by default "Suggested by <org>, accepted by <editor>" in the revision's language. */
  summary?: string | undefined;
};

/** A suggestion, read and checked to be still open to an answer (see checkOpenSuggestion). */
async function openSuggestion(db: Db, commentId: string) {
  const comment = await repo.getCommentView(db, commentId);
  if (!comment) throw appError("NOT_FOUND");
  return checkOpenSuggestion(db, comment);
}

/** Checks a comment is a suggestion still open to an answer: top-level, with a proposed change, no disposition yet, its round open. */
async function checkOpenSuggestion<C extends repo.CommentRow>(db: Db, comment: C) {
  if (comment.parentId || !comment.suggestion || comment.revisionId === null) throw appError("VALIDATION_FAILED", { disposition: "suggestion.notASuggestion" });
  if (comment.disposition) throw appError("SUGGESTION_DISPOSED");
  const round = await repo.getRound(db, comment.roundId);
  if (round?.status !== "open") throw appError("ROUND_CLOSED");
  return { comment: comment as C & { suggestion: Suggestion; revisionId: number }, round };
}

/** The longest section text, as the editor's save takes it. */
const MAX_BODY_CHARS = 200_000;

/** Thrown inside the transaction when the section moved on since the change was worked out: worked out again. */
class HeadMoved extends Error {}

/**
 * Applies a suggestion as a new revision of its section (in the language it was made on) and
 * records the disposition linking that revision, in one transaction. When the text was changed
 * since, the passage is found again by its words and context; if it is gone or found several
 * times the suggestion is refused (SUGGESTION_NOT_FOUND / SUGGESTION_AMBIGUOUS, 409), nothing written.
 */
export async function acceptSuggestion(db: Db, actor: Actor, commentId: string, input: AcceptInput = {}) {
  if (input.replacement !== undefined && input.replacement.length > MAX_REPLACEMENT_CHARS) throw appError("VALIDATION_FAILED", { replacement: "field.tooLong" });
  for (let attempt = 0; ; attempt++) {
    // The new text and its references are worked out before the transaction (the parse may go to the worker pool).
    const { comment } = await openSuggestion(db, commentId);
    const anchor = await getRevision(db, comment.revisionId);
    if (!anchor) throw appError("NOT_FOUND");
    const language = anchor.language as Language;
    const head = await getHead(db, comment.sectionId, language);
    if (!head) throw appError("SUGGESTION_NOT_FOUND");
    const edited = input.replacement !== undefined && input.replacement !== comment.suggestion.replacement;
    const suggestion = edited ? { ...comment.suggestion, replacement: input.replacement! } : comment.suggestion;
    const applied = applySuggestion(head.body, suggestion, head.id === comment.revisionId, { fitLineBreaks: edited });
    if ("refused" in applied) {
      // Answered (and applied) meanwhile by someone else: say so rather than that the passage is gone.
      await openSuggestion(db, commentId);
      throw appError(applied.refused);
    }
    // The text as the editor's save would take it, checked before anything is written.
    const problem = applied.body.length > MAX_BODY_CHARS ? "field.tooLong" : markdownProblem(applied.body);
    if (problem) throw appError("VALIDATION_FAILED", { [edited ? "replacement" : "disposition"]: problem });
    const references = await referencesOf(applied.body);
    const t = translator(language);
    const names = { organization: comment.organizationName ?? comment.authorName, editor: await editorName(db, actor, language) };
    const summary = input.summary ?? (edited ? t("suggestion.summaryEdited", names) : t("suggestion.summary", names));
    try {
      return await transaction(db, async (tx) => {
        const locked = await repo.lockComment(tx, commentId);
        if (!locked) throw appError("NOT_FOUND");
        const { round } = await checkOpenSuggestion(tx, locked);
        const current = await getHead(tx, comment.sectionId, language);
        if (current?.id !== head.id) throw new HeadMoved();
        const { revision } = await saveSectionIn(tx, actor, { sectionId: comment.sectionId, language, heading: head.heading, body: applied.body, baseRevisionId: head.id, summary }, references);
        const disposition = edited ? "partly_accepted" : "accepted";
        const reason = edited ? input.reason?.trim() || null : null;
        const updated = await repo.updateComment(tx, commentId, { disposition, reason, appliedRevisionId: revision.id, disposedBy: actor.userId, disposedAt: new Date() });
        await tellAuthor(tx, locked, round, disposition);
        await recordAudit(tx, actor, {
          action: "review.accept-suggestion",
          entityType: "review_round",
          entityId: comment.roundId,
          data: { commentId, disposition, appliedRevisionId: revision.id, stale: head.id !== comment.revisionId, edited },
        });
        return { comment: updated, revision };
      });
    } catch (e) {
      // Someone saved the section in between: work the change out again on the new text (a few times at most).
      if ((e instanceof HeadMoved || e instanceof StaleRevisionError) && attempt < 3) continue;
      if (e instanceof HeadMoved) throw new StaleRevisionError(undefined);
      throw e;
    }
  }
}

/** Rejects a suggestion: the disposition "not accepted", with the reason it needs. */
export async function rejectSuggestion(db: Db, actor: Actor, commentId: string, input: { reason: string | null }) {
  if (!input.reason?.trim()) throw appError("VALIDATION_FAILED", { reason: "field.reasonRequired" });
  await openSuggestion(db, commentId);
  // Checked again on the locked comment: an accept that landed meanwhile is never overwritten.
  return dispose(db, actor, commentId, { disposition: "not_accepted", reason: input.reason.trim(), appliedRevisionId: null }, { check: (tx, comment) => checkOpenSuggestion(tx, comment) });
}

/** Who accepted, as a revision's summary names them: their name, else "the secretariat" (a command run by no one). */
async function editorName(db: Db, actor: Actor, language: Language) {
  const user = actor.userId ? (await getUser(db, actor.userId))?.name : undefined;
  return user ?? translator(language)("review.secretariat");
}

/** The comment's author, once per disposition, as `dispose` tells them. */
function tellAuthor(tx: Db, comment: repo.CommentRow, round: repo.RoundRow, disposition: "accepted" | "partly_accepted") {
  return notifyUsers(tx, [comment.authorId], {
    kind: "comment_disposed",
    eventKey: `comment:${comment.id}:disposition:${disposition}`,
    messageKey: "notify.review.disposed",
    params: { round: round.title, disposition },
    href: `/reviews/${round.id}#comment-${comment.id}`,
  });
}

/**
 * A suggestion as the pages show it: its kind, the words around it, and whether it must be applied
 * by hand (`stale`): the section's text changed since and the suggestion's passage is no longer
 * found there once with its context. One whose text changed elsewhere still applies, and is not stale.
 */
export type ShownSuggestion = { kind: SuggestionKind; before: string; removed: string; added: string; after: string; stale: boolean };

/**
 * How the suggestions among some comments read, against the text each was made on (plain words,
 * no Markdown; worked out when it was made, else now), and whether each still applies to its
 * section's current text in its language.
 */
export async function shownSuggestions(db: Db, comments: Pick<repo.CommentRow, "id" | "sectionId" | "suggestion" | "revisionId" | "parentId">[]): Promise<Map<string, ShownSuggestion>> {
  const withSuggestion = comments.filter((c): c is typeof c & { suggestion: Suggestion; revisionId: number } => !c.parentId && c.suggestion !== null && c.revisionId !== null);
  const texts = await repo.revisionTexts(db, [...new Set(withSuggestion.map((c) => c.revisionId))]);
  const moved = withSuggestion.filter((c) => texts.get(c.revisionId)?.current === false);
  const heads = new Map((await listHeads(db, [...new Set(moved.map((c) => c.sectionId))])).map((h) => [`${h.sectionId}:${h.language}`, h.body]));
  const shown = new Map<string, ShownSuggestion>();
  for (const c of withSuggestion) {
    const text = texts.get(c.revisionId);
    if (!text) continue;
    const head = text.current ? undefined : heads.get(`${c.sectionId}:${text.language}`);
    const stale = !text.current && (head === undefined || typeof findSuggestion(head, c.suggestion, false) !== "number");
    shown.set(c.id, { kind: suggestionKind(c.suggestion), ...(c.suggestion.view ?? suggestionView(text.body, c.suggestion)), stale });
  }
  return shown;
}
