// Survey responses: one per invited organization, answered by its members.

import { isMemberOf, isSecretariat, type Rule } from "#src/access/who.ts";

/** `invited`: whether the organization is invited to the survey (the caller looks it up). */
export type SurveyResponseResource = { kind: "survey-response"; organizationId: string; invited: boolean };

type R = SurveyResponseResource;

const forOrganization: Rule<R> = (who, { organizationId }) => (isSecretariat(who) || isMemberOf(who, organizationId) ? null : "FORBIDDEN");

export const surveyResponseRules = {
  /** The answer form: the organization's members when invited; the secretariat may look at any. */
  view: (who, r) => forOrganization(who, r) ?? (r.invited || isSecretariat(who) ? null : "NOT_INVITED"),
  /** Saving and submitting answers: only for an invited organization, whoever types them. */
  answer: (who, r) => forOrganization(who, r) ?? (r.invited ? null : "NOT_INVITED"),
} satisfies Record<string, Rule<R>>;
