import { loadConfig } from "#src/config.ts";
import { primaryOf } from "#src/domain/languages.ts";
import { openDatabase } from "#src/db/client.ts";
import { migrate } from "#src/db/migrate.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import * as repo from "#src/features/editions/repository.ts";
import { FreezeInput } from "#src/features/editions/schemas.ts";
import { freezeEdition, publishEdition, refreshEdition } from "#src/features/editions/service.ts";
import { checkEdition, warningCodes, type Findings } from "#src/features/editions/findings.ts";
import { findingLines } from "#src/cli/findings.ts";
import { getReportBySlug } from "#src/features/catalog/repository.ts";
import { CliError } from "#src/cli/errors.ts";
import { isAppError } from "#src/lib/errors.ts";
import { parseInput } from "#src/lib/validation.ts";
import { progressBar } from "#src/cli/progress.ts";

export async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>["db"], publicUrl: string) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await migrate(database);
    return await work(database.db, config.publicUrl);
  } finally {
    await database.close();
  }
}

const printFindings = (findings: Findings, publicUrl: string) => {
  for (const line of findingLines(findings.findings, publicUrl)) process.stderr.write(`${line}\n`);
};

/**
 * `living-report publish --report R --edition L [--acknowledge NOTE]`: freezes the living draft as
 * edition L (or refreshes L when it exists and is not published yet), checks it, and publishes it
 * with a progress bar. Errors refuse it; warnings refuse it unless a note acknowledges them. The
 * checks run again before the pages go out: what changed meanwhile refuses it too.
 */
export function publishCommand(options: { report: string; edition: string; title?: string; date?: string; acknowledge?: string }) {
  return withDatabase(async (db, publicUrl) => {
    const report = await getReportBySlug(db, options.report);
    if (!report) throw new CliError(`No report has the short name "${options.report}".`);
    const input = parseInput(FreezeInput, {
      label: options.edition,
      title: options.title ?? report.titles[primaryOf(report)] ?? report.titles.en,
      editionDate: options.date ?? new Date().toISOString().slice(0, 10),
    });
    const existing = await repo.getEditionByLabel(db, report.id, input.label);
    if (existing && existing.status !== "draft" && existing.status !== "in_review") throw new CliError(`Edition ${existing.label} is already ${existing.status}.`);
    const edition = existing ? await refreshEdition(db, SYSTEM_ACTOR, existing.id) : await freezeEdition(db, SYSTEM_ACTOR, report.id, input);
    process.stderr.write(`${existing ? "Refreshed" : "Frozen"} edition ${edition.label} (${(await repo.getEdition(db, edition.id))!.contentHash})\n`);
    const findings = await checkEdition(db, edition.id);
    printFindings(findings, publicUrl);
    if (findings.errors > 0) {
      throw new CliError(`Not published: ${findings.errors} error(s) to fix first (edition ${edition.label} stays a draft; run publish again once they are fixed).`);
    }
    const note = options.acknowledge?.trim() ?? "";
    if (findings.warnings > 0 && !note) {
      throw new CliError(`Not published: ${findings.warnings} warning(s) to acknowledge. Say why it goes out with them: --acknowledge "<note>".`);
    }
    const acknowledgement = { note, codes: warningCodes(findings) };
    await publishEdition(db, SYSTEM_ACTOR, edition.id, { to: "published", publicUrl, acknowledgement, check: true, onProgress: progressBar("Rendering pages") }).catch((refused: unknown) => {
      if (!isAppError(refused) || (refused.code !== "PUBLISH_BLOCKED" && refused.code !== "WARNINGS_NOT_ACKNOWLEDGED")) throw refused;
      printFindings(refused.details as Findings, publicUrl);
      throw new CliError(`Not published: the checks found more since they were printed above (edition ${edition.label} stays a draft; run publish again).`);
    });
    console.log(`Published ${publicUrl}/reports/${report.slug}/${edition.label}/`);
  });
}

/** `living-report editions --report R`: lists a report's editions. */
export function editionsCommand(options: { report: string }) {
  return withDatabase(async (db) => {
    const report = await getReportBySlug(db, options.report);
    if (!report) throw new CliError(`No report has the short name "${options.report}".`);
    const rows = await repo.listEditions(db, report.id);
    if (!rows.length) console.log("No edition yet.");
    for (const e of rows) console.log([e.label.padEnd(12), e.editionDate, e.status.padEnd(10), e.contentHash?.slice(0, 16) ?? ""].join("  "));
  });
}
