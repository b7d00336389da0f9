// Case studies: their organization and the secretariat work on them; everyone reads them once published.

import type { caseStudies, caseStudyFiles } from "#src/db/schema/case-studies.ts";
import { contributorMayEdit, editorMayEdit, MOVES, type CaseStudyState } from "#src/domain/case-studies.ts";
import { isMemberOf, isSecretariat, type Rule } from "#src/access/who.ts";

type CaseStudy = Pick<typeof caseStudies.$inferSelect, "organizationId" | "state" | "publishedAt">;

export type CaseStudyResource = { kind: "case-study"; caseStudy: CaseStudy };
export type CaseStudyFileResource = { kind: "case-study-file"; file: Pick<typeof caseStudyFiles.$inferSelect, "kind">; caseStudy: CaseStudy };

type R = CaseStudyResource;

// Others' case studies are hidden, not refused: a member learns nothing of them, not even that they exist.
const view: Rule<R> = (who, { caseStudy }) => (isSecretariat(who) || isMemberOf(who, caseStudy.organizationId) ? null : "NOT_FOUND");

export const caseStudyRules = {
  /** The working page, its versions and files: its organization and the secretariat. */
  view,
  /** The text: its organization while it is theirs to change, the secretariat until it is retired. */
  edit: (who, r) => view(who, r) ?? ((isSecretariat(who) ? editorMayEdit : contributorMayEdit)(r.caseStudy.state) ? null : "CASE_STUDY_LOCKED"),
  /** Sending it to the secretariat (again): from the states where the organization holds it. */
  submit: (who, r) => view(who, r) ?? (MOVES[r.caseStudy.state].submitted === "contributor" ? null : "CASE_STUDY_STATE"),
  /** The secretariat's moves: review, accept, publish, ask for changes, retire. */
  moderate: (who, r) => view(who, r) ?? (isSecretariat(who) ? null : "FORBIDDEN"),
  /** The public page, for anyone once published; a retired one that was published stays (editions may point to it). */
  read: (_who, { caseStudy }) => (caseStudy.publishedAt && (caseStudy.state === "published" || caseStudy.state === "retired") ? null : "NOT_FOUND"),
} satisfies Record<string, Rule<R>>;

export const caseStudyFileRules = {
  /** Attachments are public once their case study was published; the rest as the case study is seen. */
  download: (who, { file, caseStudy }) => (file.kind === "attachment" && caseStudy.publishedAt !== null ? null : view(who, { kind: "case-study", caseStudy })),
} satisfies Record<string, Rule<CaseStudyFileResource>>;

/** Which action a move between two states is (each move is the organization's or the secretariat's); none when no such move exists. */
export function moveAction(from: CaseStudyState, to: CaseStudyState): "submit" | "moderate" | undefined {
  const mover = MOVES[from][to];
  return mover === "contributor" ? "submit" : mover === "editor" ? "moderate" : undefined;
}
