// The living draft: members read it; the secretariat's tools reach further.

import { isSecretariat, type Rule } from "#src/access/who.ts";

export type LivingDraftResource = { kind: "living-draft" };

/** The secretariat only; an anonymous reader is asked to sign in first. */
const secretariat: Rule<LivingDraftResource> = (who) => (!who ? "UNAUTHENTICATED" : isSecretariat(who) ? null : "FORBIDDEN");

export const livingDraftRules = {
  /** Comparing an edition with the draft as it stands. */
  compare: secretariat,
  /** Downloading the draft as a file (PDF, Word...), which travels beyond the site. */
  export: secretariat,
} satisfies Record<string, Rule<LivingDraftResource>>;
