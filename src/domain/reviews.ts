// Vocabulary of review rounds, comments and topic proposals.

export const ROUND_STATUSES = ["open", "closed"] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/**
 * Who sees a round's comments before it closes: the secretariat only (each organization sees
 * its own), or every invited organization.
 */
export const ROUND_VISIBILITIES = ["secretariat", "open"] as const;
export type RoundVisibility = (typeof ROUND_VISIBILITIES)[number];

export const DISPOSITIONS = ["accepted", "partly_accepted", "not_accepted", "noted"] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export const PROPOSAL_STATUSES = ["open", "accepted", "declined"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
