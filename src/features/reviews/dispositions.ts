import type { Disposition } from "#src/domain/reviews.ts";

// Which revision may be named as the one that applied a comment. The page offers these, and the
// command refuses any other: the same rule on both sides.

/** Only a comment taken up (wholly or partly) is applied in a revision; one not accepted or noted is not. */
export const takesRevision = (disposition: Disposition): boolean => disposition === "accepted" || disposition === "partly_accepted";

type Revision = { sectionId: string; createdAt: Date };
type Comment = { sectionId: string; createdAt: Date };

/**
 * Whether a revision can have applied a comment: it is a revision of the commented section, in
 * any of its languages (a comment read in a translation is often applied in the primary text
 * first), saved since the comment was made.
 */
export const mayApply = (comment: Comment, revision: Revision): boolean => revision.sectionId === comment.sectionId && revision.createdAt.getTime() >= comment.createdAt.getTime();

/** The revisions a disposition may name, in the order given (newest first from the repository). */
export const applicableRevisions = <R extends Revision>(comment: Comment, revisions: R[]): R[] => revisions.filter((r) => mayApply(comment, r));
