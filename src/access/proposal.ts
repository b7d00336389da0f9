// Topic proposals: organizations endorse each other's; the secretariat decides.

import type { topicProposals } from "#src/db/schema/reviews.ts";
import { isSecretariat, type Rule } from "#src/access/who.ts";

export type ProposalResource = { kind: "proposal"; proposal: Pick<typeof topicProposals.$inferSelect, "status" | "organizationId"> };

export const proposalRules = {
  /** Once per organization, while undecided; the proposing organization does not endorse its own. */
  endorse: (who, { proposal }) => {
    if (!who?.organizationId) return "NO_ORGANIZATION";
    if (proposal.status !== "open") return "PROPOSAL_DECIDED";
    return proposal.organizationId === who.organizationId ? "OWN_PROPOSAL" : null;
  },
  /** Accepting or declining, once. */
  decide: (who, { proposal }) => (!isSecretariat(who) ? "FORBIDDEN" : proposal.status !== "open" ? "PROPOSAL_DECIDED" : null),
} satisfies Record<string, Rule<ProposalResource>>;
