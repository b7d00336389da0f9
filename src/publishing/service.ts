import type { Db } from "#src/db/client.ts";
import type { Actor } from "#src/domain/actors.ts";
import type { EditionStatus } from "#src/domain/editions.ts";
import type { Language } from "#src/domain/languages.ts";
import { getReportBySlug, type ReportRow } from "#src/features/catalog/repository.ts";
import * as editions from "#src/features/editions/repository.ts";
import { changeStatus } from "#src/features/editions/service.ts";
import { appError } from "#src/lib/errors.ts";
import { FORMAT_NAMES } from "#src/publishing/formats.ts";
import { requestExport } from "#src/publishing/jobs.ts";

/**
 * Moves an edition along its statuses (see editions' changeStatus). A published edition's
 * downloads are then requested once, right away, so they are ready when readers ask.
 */
export async function changeEditionStatus(db: Db, actor: Actor, report: ReportRow, editionId: string, input: { to: EditionStatus; reason: string | null }, publicUrl: string) {
  const updated = await changeStatus(db, actor, editionId, input.to, { reason: input.reason, publicUrl });
  if (updated.status === "published") {
    for (const lang of report.languages) for (const format of FORMAT_NAMES) await requestExport(db, actor, report, updated, format, lang);
  }
  return updated;
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
