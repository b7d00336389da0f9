// Vocabulary of events, their outcomes and the recommendation register.

export const EVENT_KINDS = ["committee_session", "workshop", "conference", "regional_workshop", "webinar"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Parts of an event an outcome can come from: an agenda item, or a break-out group. */
export const EVENT_PART_KINDS = ["agenda_item", "breakout_group"] as const;
export type EventPartKind = (typeof EVENT_PART_KINDS)[number];

export const OUTCOME_KINDS = ["insight", "recommendation", "decision"] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/**
 * A recommendation's own status. "In edition N" is not stored: it is read from the editions that
 * pin the recommendation, so it can never disagree with them.
 */
export const RECOMMENDATION_STATUSES = ["proposed", "endorsed", "retired"] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/** What `::recommendation{ref=…}` and URLs use. */
export const REF_SLUG = /^[a-z0-9][a-z0-9-]{0,59}$/;

/** Themes are short free tags ("governance", "data quality"), kept lower-case. */
export const normalizeThemes = (raw: string): string[] => [
  ...new Set(
    raw
      .split(/[,;\n]/)
      .map((s) => s.trim().toLowerCase().replace(/\s+/g, " "))
      .filter(Boolean)
      .map((s) => s.slice(0, 60)),
  ),
].slice(0, 20);
