import { transaction, type Db } from "#src/db/client.ts";
import { recordAudit } from "#src/features/audit/repository.ts";
import type { Actor, Caller } from "#src/domain/actors.ts";
import { getReport } from "#src/features/catalog/repository.ts";
import { getEdition } from "#src/features/editions/repository.ts";
import { isoDay } from "#src/features/notifications/deadlines.ts";
import { notifyOrganizations, notifyUsers } from "#src/features/notifications/notify.ts";
import { authorize } from "#src/access/index.ts";
import { getRevision } from "#src/features/reports/repository.ts";
import { addChapter } from "#src/features/reports/structure.ts";
import type { Disposition, ProposalStatus, RoundVisibility } from "#src/domain/reviews.ts";
import { mayApply, takesRevision } from "#src/features/reviews/dispositions.ts";
import { roundDocument } from "#src/features/reviews/read.ts";
import type { SuggestionChange } from "#src/features/reviews/schemas.ts";
import { suggestionFor, type SuggestedChange, type SuggestionRequest } from "#src/features/reviews/suggestions.ts";
import { INLINE_MAX_CHARS } from "#src/content/render.ts";
import { runInPool } from "#src/lib/pool.ts";
import { StaleRevisionError } from "#src/features/reports/revisions.ts";
import { MAX_REPLACEMENT_CHARS, suggestionKind, type Suggestion } from "#src/domain/review-suggestions.ts";
import type { Language } from "#src/domain/languages.ts";
import { openedNotice, roundRunningOn } from "#src/features/reviews/reminders.ts";
import * as repo from "#src/features/reviews/repository.ts";
import { appError } from "#src/lib/errors.ts";

// Commands of review rounds and topic proposals: one transaction each, with its audit event.

export type RoundInput = { title: string; editionId: string | null; opensOn: string; closesOn: string; visibility: RoundVisibility; instructions: string; organizationIds: string[] };

export async function openRound(db: Db, actor: Actor, reportId: string, input: RoundInput) {
  if (input.closesOn < input.opensOn) throw appError("VALIDATION_FAILED", { closesOn: "field.endBeforeStart" });
  const organizationIds = [...new Set(input.organizationIds)];
  if (!organizationIds.length) throw appError("VALIDATION_FAILED", { organizationIds: "field.required" });
  return transaction(db, async (tx) => {
    await checkInvitable(tx, organizationIds);
    if (input.editionId) {
      const edition = await getEdition(tx, input.editionId);
      // Published editions are final: comments go on the draft that follows them.
      if (!edition || edition.reportId !== reportId) throw appError("VALIDATION_FAILED", { editionId: "field.invalid" });
      if (edition.status !== "draft" && edition.status !== "in_review") throw appError("EDITION_STATUS");
    }
    const { title, editionId, opensOn, closesOn, visibility, instructions } = input;
    const round = await repo.insertRound(tx, { reportId, title, editionId, opensOn, closesOn, visibility, instructions, createdBy: actor.userId });
    await repo.setInvitations(tx, round.id, organizationIds);
    // A round opening on a later day is told of on that day, by the schedule (queueReviewOpenings).
    if (roundRunningOn(round, isoDay(new Date()))) await notifyOrganizations(tx, organizationIds, openedNotice(round), { exceptUserId: actor.userId });
    await recordAudit(tx, actor, { action: "review.open", entityType: "review_round", entityId: round.id, data: { title: input.title, organizations: organizationIds.length } });
    return round;
  });
}

/** Every id must name an active organization, before anything is written. */
async function checkInvitable(tx: Db, organizationIds: string[]) {
  const active = await repo.activeOrganizationIds(tx, organizationIds);
  if (organizationIds.some((id) => !active.has(id))) throw appError("VALIDATION_FAILED", { organizationIds: "review.unknownOrganization" });
}

export function updateInvitations(db: Db, actor: Actor, roundId: string, ids: string[]) {
  const organizationIds = [...new Set(ids)];
  return transaction(db, async (tx) => {
    const round = await repo.lockRound(tx, roundId);
    if (!round) throw appError("NOT_FOUND");
    if (round.status !== "open") throw appError("ROUND_CLOSED");
    await checkInvitable(tx, organizationIds);
    const before = new Set(await repo.invitedOrganizationIds(tx, roundId));
    await repo.setInvitations(tx, roundId, organizationIds);
    const added = organizationIds.filter((id) => !before.has(id));
    if (roundRunningOn(round, isoDay(new Date()))) await notifyOrganizations(tx, added, openedNotice(round), { exceptUserId: actor.userId });
    await recordAudit(tx, actor, { action: "review.invite", entityType: "review_round", entityId: roundId, data: { organizations: organizationIds.length } });
  });
}

export type CommentInput = {
  sectionId: string;
  parentId: string | null;
  quote: string | null;
  body: string;
  /** A change proposed to the quoted passage (absent or "none": a plain comment); replies carry none. */
  change?: SuggestionChange | undefined;
  /** The proposed text: what replaces the passage, or is inserted after it. */
  replacement?: string | undefined;
  /** The language of the text the member read; the quote is found in that revision. */
  language?: Language | undefined;
};

export async function addComment(db: Db, caller: Caller, roundId: string, input: CommentInput) {
  for (let attempt = 0; ; attempt++) {
    // A suggestion is worked out before the transaction (the parse may go to the worker pool), on
    // the text the member read; the round's lock is held only to write it.
    const planned = input.parentId || (input.change ?? "none") === "none" ? null : await plannedSuggestion(db, caller, roundId, input);
    const added = await transaction(db, async (tx) => {
      // The round row is locked so a comment cannot slip in while it is being closed.
      const round = await repo.lockRound(tx, roundId);
      if (!round) throw appError("NOT_FOUND");
      authorize(caller, "comment", { kind: "review-round", round, invited: await repo.isInvited(tx, round.id, caller.organizationId) });
      const sections = (await roundDocument(tx, round, input.language ?? "en")).flatMap((c) => c.sections);
      const section = sections.find((s) => s.id === input.sectionId);
      if (!section) throw appError("VALIDATION_FAILED", { sectionId: "field.invalid" });
      if (input.parentId) {
        const parent = await repo.getComment(tx, input.parentId);
        if (!parent || parent.roundId !== roundId || parent.sectionId !== input.sectionId || parent.parentId) throw appError("VALIDATION_FAILED", { parentId: "field.invalid" });
      }
      // The section saved meanwhile: the suggestion is worked out again on its new text.
      if (planned && planned.revisionId !== section.revisionId) return undefined;
      const suggestion = planned?.suggestion ?? null;
      if (!suggestion && !input.body.trim()) throw appError("VALIDATION_FAILED", { body: "field.required" });
      const comment = await repo.insertComment(tx, {
        roundId,
        sectionId: input.sectionId,
        parentId: input.parentId,
        authorId: caller.userId!,
        organizationId: caller.organizationId,
        revisionId: section.revisionId,
        quote: input.parentId ? null : input.quote,
        body: input.body,
        suggestion,
      });
      await recordAudit(tx, caller, { action: input.parentId ? "review.reply" : "review.comment", entityType: "review_round", entityId: roundId, data: { commentId: comment.id, sectionId: input.sectionId, ...(suggestion ? { suggestion: suggestionKind(suggestion) } : {}) } });
      return comment;
    });
    if (added) return added;
    if (attempt >= 3) throw new StaleRevisionError(undefined);
  }
}

/**
 * The suggestion a comment proposes, anchored where its quote is in the revision the member read,
 * with that revision's id. A quote found nowhere, or in several places, is refused on the quote.
 * Read outside any transaction: the caller checks the revision is still the one shown.
 */
async function plannedSuggestion(db: Db, caller: Caller, roundId: string, input: CommentInput): Promise<{ suggestion: Suggestion; revisionId: number }> {
  const round = await repo.getRound(db, roundId);
  if (!round) throw appError("NOT_FOUND");
  authorize(caller, "comment", { kind: "review-round", round, invited: await repo.isInvited(db, round.id, caller.organizationId) });
  const section = (await roundDocument(db, round, input.language ?? "en")).flatMap((c) => c.sections).find((s) => s.id === input.sectionId);
  if (!section) throw appError("VALIDATION_FAILED", { sectionId: "field.invalid" });
  const change = input.change as SuggestedChange;
  const replacement = change === "delete" ? "" : (input.replacement ?? "");
  const fields: Record<string, string> = {};
  if (!input.quote) fields.quote = "field.required";
  if (change !== "delete" && !replacement.trim()) fields.replacement = "field.required";
  if (replacement.length > MAX_REPLACEMENT_CHARS) fields.replacement = "field.tooLong";
  if (section.revisionId === null) fields.quote = "suggestion.noText";
  if (Object.keys(fields).length) throw appError("VALIDATION_FAILED", fields);
  const request: SuggestionRequest = { body: section.body, quote: input.quote!, change, replacement };
  const found = section.body.length <= INLINE_MAX_CHARS ? suggestionFor(request) : await runInPool<ReturnType<typeof suggestionFor>>("suggest", request);
  if (found === "missing") throw appError("VALIDATION_FAILED", { quote: "suggestion.quoteMissing" });
  if (found === "ambiguous") throw appError("VALIDATION_FAILED", { quote: "suggestion.quoteAmbiguous" });
  return { suggestion: found, revisionId: section.revisionId! };
}

export type DispositionInput = { disposition: Disposition; reason: string | null; appliedRevisionId: number | null };

/** Records the secretariat's answer to a comment; answers the comment and the revision named as applying it. */
export async function dispose(
  db: Db,
  actor: Actor,
  commentId: string,
  input: DispositionInput,
  /** A further check on the comment once locked, inside the transaction (a suggestion's answer: none recorded yet). */
  options: { check?: (tx: Db, comment: repo.CommentRow) => Promise<unknown> } = {},
) {
  if (input.disposition !== "accepted" && input.disposition !== "noted" && !input.reason) throw appError("VALIDATION_FAILED", { reason: "field.reasonRequired" });
  if (input.appliedRevisionId !== null && !takesRevision(input.disposition)) throw appError("VALIDATION_FAILED", { appliedRevisionId: "review.revisionNotApplicable" });
  return transaction(db, async (tx) => {
    const comment = await repo.lockComment(tx, commentId);
    if (!comment) throw appError("NOT_FOUND");
    if (comment.parentId) throw appError("VALIDATION_FAILED", { disposition: "field.invalid" });
    await options.check?.(tx, comment);
    const round = await repo.getRound(tx, comment.roundId);
    if (round?.status !== "open") throw appError("ROUND_CLOSED");
    // The revision that applied the comment must be one of the commented section's, saved after the text commented on
    // (or the one already recorded, kept when the disposition is saved again).
    const revision = input.appliedRevisionId === null ? null : await getRevision(tx, input.appliedRevisionId);
    const kept = revision && revision.id === comment.appliedRevisionId;
    if (revision === undefined || (revision && !kept && !mayApply(comment, revision))) throw appError("VALIDATION_FAILED", { appliedRevisionId: "review.revisionElsewhere" });
    const updated = await repo.updateComment(tx, commentId, { ...input, disposedBy: actor.userId, disposedAt: new Date() });
    // The comment's author, once per disposition: the same one saved again tells nobody, a changed one tells again.
    await notifyUsers(tx, [comment.authorId], {
      kind: "comment_disposed",
      eventKey: `comment:${commentId}:disposition:${input.disposition}`,
      messageKey: "notify.review.disposed",
      params: { round: round.title, disposition: input.disposition },
      href: `/reviews/${round.id}#comment-${commentId}`,
    });
    await recordAudit(tx, actor, { action: "review.dispose", entityType: "review_round", entityId: comment.roundId, data: { commentId, disposition: input.disposition, appliedRevisionId: input.appliedRevisionId } });
    return { comment: updated, revision };
  });
}

/** Closes a round. Comments without a disposition stop it, unless the editor says so (`force`). */
export function closeRound(db: Db, actor: Actor, roundId: string, force: boolean) {
  return transaction(db, async (tx) => {
    const round = await repo.lockRound(tx, roundId);
    if (!round) throw appError("NOT_FOUND");
    if (round.status === "closed") throw appError("ROUND_CLOSED");
    const open = await repo.countUndisposed(tx, roundId);
    if (open > 0 && !force) throw appError("ROUND_HAS_OPEN_COMMENTS");
    const closed = await repo.updateRound(tx, roundId, { status: "closed", closedAt: new Date(), closedWithOpenComments: open > 0 });
    await recordAudit(tx, actor, { action: "review.close", entityType: "review_round", entityId: roundId, data: { withoutDisposition: open } });
    return closed;
  });
}

// Topic proposals

export type ProposalInput = { title: string; rationale: string; technologySlugs: string[] };

export function propose(db: Db, caller: Caller, reportId: string, input: ProposalInput) {
  return transaction(db, async (tx) => {
    const proposal = await repo.insertProposal(tx, { reportId, ...input, organizationId: caller.organizationId, authorId: caller.userId! });
    await recordAudit(tx, caller, { action: "proposal.create", entityType: "topic_proposal", entityId: proposal.id, data: { title: input.title } });
    return proposal;
  });
}

/** One endorsement per organization; the proposing organization does not endorse its own. */
export async function endorse(db: Db, caller: Caller, proposalId: string) {
  return transaction(db, async (tx) => {
    const proposal = await repo.lockProposal(tx, proposalId);
    if (!proposal) throw appError("NOT_FOUND");
    authorize(caller, "endorse", { kind: "proposal", proposal });
    const added = await repo.insertEndorsement(tx, { proposalId, organizationId: caller.organizationId!, userId: caller.userId! });
    if (added) await recordAudit(tx, caller, { action: "proposal.endorse", entityType: "topic_proposal", entityId: proposalId });
    return added;
  });
}

/** The secretariat's decision; an accepted proposal may become a chapter at once. */
export function decide(db: Db, actor: Actor, proposalId: string, input: { status: Exclude<ProposalStatus, "open">; note: string | null; makeChapter: boolean }) {
  return transaction(db, async (tx) => {
    const proposal = await repo.lockProposal(tx, proposalId);
    if (!proposal) throw appError("NOT_FOUND");
    if (proposal.status !== "open") throw appError("PROPOSAL_DECIDED");
    const chapter = input.status === "accepted" && input.makeChapter ? await addChapter(tx, actor, proposal.reportId, { title: proposal.title, kind: "topic", technologyId: null, template: "technology" }) : undefined;
    const updated = await repo.updateProposal(tx, proposalId, { status: input.status, decisionNote: input.note, decidedBy: actor.userId, decidedAt: new Date(), chapterId: chapter?.id ?? null });
    const report = await getReport(tx, proposal.reportId);
    await notifyUsers(tx, [proposal.authorId], {
      kind: "proposal_decided",
      eventKey: `proposal:${proposalId}:decided`,
      messageKey: "notify.proposal.decided",
      params: { title: proposal.title, decision: input.status },
      href: `/reports/${report!.slug}/proposals#proposal-${proposalId}`,
    });
    await recordAudit(tx, actor, { action: "proposal.decide", entityType: "topic_proposal", entityId: proposalId, data: { status: input.status, chapterId: chapter?.id ?? null } });
    return updated;
  });
}
