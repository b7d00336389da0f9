import { withDatabase } from "#src/cli/editions.ts";
import { CliError } from "#src/cli/errors.ts";
import { findingLines } from "#src/cli/findings.ts";
import { isPublic } from "#src/domain/editions.ts";
import { getReportBySlug } from "#src/features/catalog/repository.ts";
import { checkDraft, checkEdition } from "#src/features/editions/findings.ts";
import { getEditionByLabel } from "#src/features/editions/repository.ts";

/**
 * `living-report check --report R [--edition L]`: the checks before publishing, on an edition as
 * it pinned its content or on the living draft. Prints each finding (errors first) with its
 * location, its message and the page where it is fixed, then a summary; exits with 1 when any
 * error would block publishing.
 */
export function checkCommand(options: { report: string; edition?: string }) {
  return withDatabase(async (db, publicUrl) => {
    const report = await getReportBySlug(db, options.report);
    if (!report) throw new CliError(`No report has the short name "${options.report}".`);
    const label = options.edition && options.edition !== "draft" ? options.edition : undefined;
    const edition = label ? await getEditionByLabel(db, report.id, label) : undefined;
    if (label && !edition) throw new CliError(`The report "${report.slug}" has no edition "${label}".`);
    const { findings, errors, warnings } = edition ? await checkEdition(db, edition.id) : await checkDraft(db, report.slug);
    for (const line of findingLines(findings, publicUrl)) console.log(line);
    const subject = edition ? `Edition ${edition.label} (${edition.status})` : "The living draft";
    const counts = `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
    const advice = edition && isPublic(edition.status) ? "" : errors ? " Publishing is blocked until the errors are fixed." : warnings ? " It may be published once the warnings are acknowledged." : " Nothing stands in the way of publishing.";
    console.log(`${subject} of ${report.slug}: ${counts}.${advice}`);
    if (errors) process.exitCode = 1;
  });
}
