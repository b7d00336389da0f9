import { loadConfig } from "#src/config.ts";
import { primaryOf } from "#src/domain/languages.ts";
import { openDatabase } from "#src/db/client.ts";
import { migrate } from "#src/db/migrate.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import * as repo from "#src/features/editions/repository.ts";
import { FreezeInput } from "#src/features/editions/schemas.ts";
import { changeStatus, freezeEdition } from "#src/features/editions/service.ts";
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

/** `living-report publish --report R --edition L`: freezes the living draft as edition L and publishes it. */
export function publishCommand(options: { report: string; edition: string; title?: string; date?: string }) {
  return withDatabase(async (db, publicUrl) => {
    const report = await getReportBySlug(db, options.report);
    if (!report) throw new CliError(`No report has the short name "${options.report}".`);
    const input = parseInput(FreezeInput, {
      label: options.edition,
      title: options.title ?? report.titles[primaryOf(report)] ?? report.titles.en,
      editionDate: options.date ?? new Date().toISOString().slice(0, 10),
    });
    const edition = await freezeEdition(db, SYSTEM_ACTOR, report.id, input);
    process.stderr.write(`Frozen edition ${edition.label} (${edition.contentHash})\n`);
    await changeStatus(db, SYSTEM_ACTOR, edition.id, "published", { publicUrl, onProgress: progressBar("Rendering pages") });
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
