import { loadConfig } from "#src/config.ts";
import { primaryOf } from "#src/domain/languages.ts";
import { openDatabase } from "#src/db/client.ts";
import { migrate } from "#src/db/migrate.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import * as repo from "#src/features/editions/repository.ts";
import { FreezeInput } from "#src/features/editions/schemas.ts";
import { freezeEdition, publishEdition, refreshEdition } from "#src/features/editions/service.ts";
import { checkEdition, type Findings } from "#src/features/editions/findings.ts";
import type { Finding } from "#src/domain/editions.ts";
import { translator } from "#src/i18n/i18n.ts";
import { findingMessage } from "#src/web/findings.tsx";
import { getReportBySlug } from "#src/features/catalog/repository.ts";
import { CliError } from "#src/cli/errors.ts";
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

/** One finding on one line: severity, message, where, and where to fix it. */
export function findingLine(f: Finding, publicUrl: string): string {
  const message = findingMessage(translator("en"), f);
  const where = [f.where.chapterSlug, f.where.sectionSlug, f.where.language, f.where.ref].filter(Boolean).join(" / ");
  return `  ${f.severity === "error" ? "error  " : "warning"}  ${message}${where ? ` [${where}]` : ""}  ${f.fix.startsWith("/") ? publicUrl : ""}${f.fix}`;
}

const printFindings = (findings: Findings, publicUrl: string) => {
  for (const f of findings.findings) process.stderr.write(`${findingLine(f, publicUrl)}\n`);
};

/**
 * `living-report publish --report R --edition L [--acknowledge NOTE]`: freezes the living draft as
 * edition L (or refreshes L when it exists and is not published yet), checks it, and publishes it
 * with a progress bar. Errors refuse it; warnings refuse it unless a note acknowledges them.
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
    await publishEdition(db, SYSTEM_ACTOR, edition.id, { to: "published", publicUrl, acknowledgement: note ? { note } : null, onProgress: progressBar("Rendering pages") });
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
