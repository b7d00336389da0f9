import { writeFileSync } from "node:fs";
import { withDatabase } from "#src/cli/editions.ts";
import { CliError } from "#src/cli/errors.ts";
import type { Db } from "#src/db/client.ts";
import { LANGUAGES } from "#src/domain/languages.ts";
import { getReportBySlug } from "#src/features/catalog/repository.ts";
import * as repo from "#src/features/reviews/repository.ts";
import { roundReviewFile } from "#src/features/reviews/review-file.ts";
import { isAppError } from "#src/lib/errors.ts";
import { closePool } from "#src/lib/pool.ts";

// `living-report review <sub>`: review rounds for operators and automation: list them, write a
// round's review file (a chapter or the whole text as Word), and read one back (import).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A round by its id, or a CliError saying there is none. */
export async function roundById(db: Db, id: string): Promise<repo.RoundRow> {
  const round = UUID.test(id) ? await repo.getRound(db, id.toLowerCase()) : undefined;
  if (!round) throw new CliError(`No review round has the id "${id}" (see: living-report review list --report <slug>).`);
  return round;
}

export type RoundLine = { id: string; title: string; state: string; opens: string; closes: string; edition: string | null; comments: number; open: number };

/** The rounds of a report, the latest first. */
export async function roundLines(db: Db, reportSlug: string): Promise<RoundLine[]> {
  const report = await getReportBySlug(db, reportSlug);
  if (!report) throw new CliError(`No report has the short name "${reportSlug}".`);
  const rows = await repo.listRounds(db, report.id);
  return rows.map(({ round, editionLabel, comments, open }) => ({ id: round.id, title: round.title, state: round.status, opens: round.opensOn, closes: round.closesOn, edition: editionLabel, comments: Number(comments), open: Number(open) }));
}

/** The rounds as a table (or, with json, one JSON object per line). */
export function formatRoundLines(lines: RoundLine[], json: boolean): string[] {
  if (json) return lines.map((l) => JSON.stringify(l));
  if (!lines.length) return ["No review round yet."];
  const head = ["ID", "TITLE", "STATE", "OPENS", "CLOSES", "COMMENTS", "OPEN"];
  const rows = lines.map((l) => [l.id, l.title.replace(/\s+/g, " "), l.state, l.opens, l.closes, String(l.comments), String(l.open)]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]!].length)));
  return [head, ...rows].map((r) => r.map((cell, i) => (i >= 5 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join("  ").trimEnd());
}

/** `living-report review list --report R [--json]`. */
export function reviewListCommand(options: { report: string; json?: boolean }) {
  return withDatabase(async (db) => {
    for (const line of formatRoundLines(await roundLines(db, options.report), Boolean(options.json))) console.log(line);
  });
}

/** Writes a round's review file; refusals of the request (an unknown chapter or language) as CliErrors. */
export async function exportReviewFile(db: Db, options: { round: string; chapter?: string | undefined; lang?: string | undefined; out: string }): Promise<{ filename: string; bytes: number }> {
  if (options.lang !== undefined && !(LANGUAGES as readonly string[]).includes(options.lang)) throw new CliError(`--lang must be one of ${LANGUAGES.join(", ")}.`);
  const round = await roundById(db, options.round);
  const file = await roundReviewFile(db, round, { chapter: options.chapter ?? "draft", lang: options.lang }, "en").catch((e: unknown) => {
    if (!isAppError(e) || e.code !== "VALIDATION_FAILED") throw e;
    if (e.fields.chapter) throw new CliError(`Round "${round.title}" has no chapter "${options.chapter}": give its number or short name (or leave --chapter out for the whole text).`);
    if (e.fields.lang) throw new CliError(`The round's report is not kept in "${options.lang}".`);
    throw e;
  });
  writeFileSync(options.out, file.bytes);
  return { filename: file.filename, bytes: file.bytes.length };
}

/** `living-report review export --round ID [--chapter SLUG] [--lang xx] --out F.docx`. Without --lang: English when the report is kept in it, else its first language. */
export function reviewExportCommand(options: { round: string; chapter?: string; lang?: string; out: string }) {
  return withDatabase(async (db) => {
    try {
      const written = await exportReviewFile(db, options);
      console.log(`Wrote ${options.out} (${Math.max(1, Math.round(written.bytes / 1024))} KB; offered on the page as ${written.filename})`);
    } finally {
      await closePool();
    }
  });
}

// review import: reads a review file back (registered below the export in main.ts).
