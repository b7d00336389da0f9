// Review comments: who sees whose comment while a round runs.

import type { reviewComments, reviewRounds } from "#src/db/schema/reviews.ts";
import { isMemberOf, isSecretariat, type Rule } from "#src/access/who.ts";

export type ReviewCommentResource = {
  kind: "review-comment";
  round: Pick<typeof reviewRounds.$inferSelect, "status" | "visibility">;
  comment: Pick<typeof reviewComments.$inferSelect, "organizationId">;
};

export const reviewCommentRules = {
  /**
   * The secretariat sees every comment; an organization sees its own, and everyone's once the
   * round is closed or when the round was opened to all invited organizations.
   */
  view: (who, { round, comment }) => (isSecretariat(who) || round.status === "closed" || round.visibility === "open" || isMemberOf(who, comment.organizationId) ? null : "NOT_FOUND"),
} satisfies Record<string, Rule<ReviewCommentResource>>;
