// Review rounds: the secretariat and the invited organizations take part, while the round is open.

import type { reviewRounds } from "#src/db/schema/reviews.ts";
import { isSecretariat, type Rule } from "#src/access/who.ts";

/** `invited`: whether the person's organization is invited to the round (the caller looks it up). */
export type ReviewRoundResource = { kind: "review-round"; round: Pick<typeof reviewRounds.$inferSelect, "status" | "opensOn" | "closesOn">; invited: boolean };

type R = ReviewRoundResource;

const today = () => new Date().toISOString().slice(0, 10);

export const reviewRoundRules = {
  /** Others do not learn that a round exists. */
  view: (who, { invited }) => (isSecretariat(who) || invited ? null : "NOT_FOUND"),
  /** Commenting and replying: between the opening and closing days, until the round is closed. */
  comment: (who, { round, invited }) => {
    if (round.status !== "open" || today() > round.closesOn) return "ROUND_CLOSED";
    if (today() < round.opensOn) return "ROUND_NOT_OPEN";
    return isSecretariat(who) || invited ? null : "NOT_INVITED";
  },
} satisfies Record<string, Rule<R>>;
