import { authorize } from "#src/access/index.ts";
import type { Db } from "#src/db/client.ts";
import type { Caller } from "#src/domain/actors.ts";
import { ACKNOWLEDGEMENT_NOTE_MAX, NEXT_STATUS, WITHDRAW_REASON_MAX } from "#src/domain/editions.ts";
import type { Language } from "#src/domain/languages.ts";
import { getReportBySlug } from "#src/features/catalog/repository.ts";
import { checkEdition, warningCodes } from "#src/features/editions/findings.ts";
import { editionWithReport } from "#src/features/editions/read.ts";
import * as editions from "#src/features/editions/repository.ts";
import { assertPublishable, changeStatus, type Acknowledgement } from "#src/features/editions/service.ts";
import { appError } from "#src/lib/errors.ts";
import { queuePublish, type JobRow } from "#src/publishing/jobs.ts";

/** Moves an edition between draft and in review (no pages are rendered for that). */
export async function changeEditionStatus(db: Db, caller: Caller, editionId: string, to: "draft" | "in_review") {
  const { edition } = await editionWithReport(db, editionId);
  authorize(caller, "publish", { kind: "edition", edition });
  return changeStatus(db, caller, editionId, to);
}

/**
 * Asks for an edition to be published, as a job (its page /jobs/:id shows the progress). Refused
 * while the checks find errors (PUBLISH_BLOCKED, with the findings as details) and, when they find
 * warnings, without a note that says why it goes out with them (WARNINGS_NOT_ACKNOWLEDGED); when
 * the codes of the warnings the person was shown are given (the web form), a warning of another
 * kind found since asks again. The job publishes the content hashed now (if the edition is
 * refreshed meanwhile, it fails) and runs the checks again before its pages go out, the warnings
 * acknowledged here being the only ones it lets through.
 */
export async function startPublish(db: Db, caller: Caller, editionId: string, input: { acknowledgement: Acknowledgement | null }, publicUrl: string): Promise<JobRow> {
  const { edition, report } = await editionWithReport(db, editionId);
  authorize(caller, "publish", { kind: "edition", edition });
  if (!NEXT_STATUS[edition.status].includes("published")) throw appError("EDITION_STATUS");
  const findings = await checkEdition(db, edition.id);
  assertPublishable(findings, input.acknowledgement);
  const note = input.acknowledgement?.note.trim() ?? "";
  if (note.length > ACKNOWLEDGEMENT_NOTE_MAX) throw appError("VALIDATION_FAILED", { note: "field.tooLong" });
  return queuePublish(db, caller, {
    editionId: edition.id,
    report: report.slug,
    label: edition.label,
    to: "published",
    hash: edition.contentHash,
    acknowledgement: findings.warnings > 0 || note ? { note, warnings: findings.warnings, codes: warningCodes(findings) } : null,
    reason: null,
    publicUrl,
  });
}

/** Asks for a published edition to be withdrawn, as a job: its pages are rendered again with the notice and the reason. */
export async function startWithdraw(db: Db, caller: Caller, editionId: string, input: { reason: string }, publicUrl: string): Promise<JobRow> {
  const { edition, report } = await editionWithReport(db, editionId);
  authorize(caller, "withdraw", { kind: "edition", edition });
  if (!NEXT_STATUS[edition.status].includes("withdrawn")) throw appError("EDITION_STATUS");
  const reason = input.reason.trim();
  if (!reason) throw appError("VALIDATION_FAILED", { reason: "field.required" });
  if (reason.length > WITHDRAW_REASON_MAX) throw appError("VALIDATION_FAILED", { reason: "field.tooLong" });
  return queuePublish(db, caller, { editionId: edition.id, report: report.slug, label: edition.label, to: "withdrawn", hash: edition.contentHash, acknowledgement: null, reason, publicUrl });
}

/**
 * The report and edition an export's URL names: "current" is the latest published edition,
 * "draft" the living draft (no edition). Not found if the report lacks the language.
 */
export async function exportTarget(db: Db, params: { report: string; edition: string; lang: Language }) {
  const report = await getReportBySlug(db, params.report);
  if (!report || !report.languages.includes(params.lang)) throw appError("NOT_FOUND");
  const label = params.edition === "current" ? (await editions.getCurrentEdition(db, report.id))?.label : params.edition;
  const edition = label && label !== "draft" ? await editions.getEditionByLabel(db, report.id, label) : undefined;
  if (!edition && label !== "draft") throw appError("NOT_FOUND");
  return { report, edition };
}
