// Access to one resource: who may do what with it. Route policies (web/policy.ts) are the outer
// wall, a role per route; these rules decide per resource, for commands that enforce them
// (`authorize`) and for pages that only show what may be done (`can`). One rule answers both,
// so a button never offers what the command would refuse.
//
// Rules are pure: the caller passes the resource's facts (a row, whether an organization is
// invited), so pages and commands ask the same question without extra queries here.

import { appError, type ErrorCode } from "#src/lib/errors.ts";
import { caseStudyFileRules, caseStudyRules, type CaseStudyFileResource, type CaseStudyResource } from "#src/access/case-study.ts";
import { editionRules, type EditionResource } from "#src/access/edition.ts";
import { exportRules, type ExportResource } from "#src/access/export.ts";
import { invitationRules, type InvitationResource } from "#src/access/invitation.ts";
import { livingDraftRules, type LivingDraftResource } from "#src/access/living-draft.ts";
import { organizationRules, type OrganizationResource } from "#src/access/organization.ts";
import { proposalRules, type ProposalResource } from "#src/access/proposal.ts";
import { publishJobRules, type PublishJobResource } from "#src/access/publish-job.ts";
import { reviewCommentRules, type ReviewCommentResource } from "#src/access/review-comment.ts";
import { reviewRoundRules, type ReviewRoundResource } from "#src/access/review-round.ts";
import { surveyResponseRules, type SurveyResponseResource } from "#src/access/survey-response.ts";
import type { Rule, Who } from "#src/access/who.ts";

export { moveAction } from "#src/access/case-study.ts";
export { isSecretariat, type Who } from "#src/access/who.ts";

/** Every resource the rules know, told apart by `kind`. */
export type Resource =
  | CaseStudyResource
  | CaseStudyFileResource
  | OrganizationResource
  | SurveyResponseResource
  | ReviewRoundResource
  | ReviewCommentResource
  | ProposalResource
  | EditionResource
  | LivingDraftResource
  | ExportResource
  | PublishJobResource
  | InvitationResource;

/** The rules of each kind of resource; the compiler checks that every kind has its rules. */
const RULES = {
  "case-study": caseStudyRules,
  "case-study-file": caseStudyFileRules,
  organization: organizationRules,
  "survey-response": surveyResponseRules,
  "review-round": reviewRoundRules,
  "review-comment": reviewCommentRules,
  proposal: proposalRules,
  edition: editionRules,
  "living-draft": livingDraftRules,
  export: exportRules,
  "publish-job": publishJobRules,
  invitation: invitationRules,
} satisfies { [R in Resource as R["kind"]]: Record<string, Rule<R>> };

/**
 * The actions of a kind of resource: a closed list, so `authorize(who, "publish", caseStudy)`
 * does not compile when case studies have no "publish".
 */
export type Action<R extends Resource> = keyof (typeof RULES)[R["kind"]] & string;

/** Why `who` may not do `action` (the error code the app answers with), or null when they may. */
export function refusal<R extends Resource>(who: Who | null, action: Action<R>, resource: R): ErrorCode | null {
  // The compiler cannot pair a kind with its own rules through the union; `Action<R>` did that at the call.
  const rules = RULES[resource.kind] as Record<string, Rule<R>>;
  return rules[action]!(who, resource);
}

/** Throws the refusal (404 where existence is hidden, 403, or the state in the way) unless allowed. */
export function authorize<R extends Resource>(who: Who | null, action: Action<R>, resource: R): void {
  const code = refusal(who, action, resource);
  if (code) throw appError(code);
}

/** Whether `who` may: for pages that show a button or a link only when it would work. */
export const can = <R extends Resource>(who: Who | null, action: Action<R>, resource: R): boolean => refusal(who, action, resource) === null;
