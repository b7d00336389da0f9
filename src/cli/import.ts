import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { z } from "zod";
import { CliError } from "#src/cli/errors.ts";
import { progressBar } from "#src/cli/progress.ts";
import { loadConfig } from "#src/config.ts";
import { openDatabase } from "#src/db/client.ts";
import { migrate } from "#src/db/migrate.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { filledFields, importCaseStudy, readWordFile } from "#src/features/case-studies/import.ts";
import { LANGUAGES } from "#src/domain/languages.ts";
import { listOrganizations } from "#src/features/members/repository.ts";
import { isAppError } from "#src/lib/errors.ts";
import { cleanFilename } from "#src/lib/filenames.ts";
import { translator } from "#src/i18n/i18n.ts";

const Options = z.object({
  org: z.string().min(1, "name the organization with --org"),
  lang: z.enum(LANGUAGES, { error: "expected en, fr or es" }).default("en"),
  dryRun: z.boolean().default(false),
  json: z.boolean().default(false),
});

/** The .docx files a path names: the file itself, or those in the folder (not its subfolders). */
function docxFiles(path: string): string[] {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) throw new CliError(`No such file or folder: ${path}`);
  if (stat.isFile()) return [path];
  return readdirSync(path)
    .filter((name) => name.toLowerCase().endsWith(".docx") && !name.startsWith("~$"))
    .sort()
    .map((name) => join(path, name));
}

const refusal = (e: unknown) => (isAppError(e) ? { code: e.code, message: translator("en")(`error.${e.code}`) } : { code: "UNREADABLE", message: (e as Error).message });

/** What --dry-run --json prints for a file: every field the draft would have, and what it would leave out. */
function dryRunRecord(file: string, organization: string, read: Awaited<ReturnType<typeof readWordFile>>) {
  const { preview, fields: f } = read;
  return {
    file,
    title: f.title,
    organization,
    language: f.language,
    technologies: f.technologies,
    stage: f.stage,
    periodStart: f.periodStart,
    periodEnd: f.periodEnd,
    summary: f.summary,
    problem: f.problem,
    solution: f.solution,
    results: f.results,
    lessons: f.lessons,
    partners: f.partners,
    contact: f.contact,
    links: f.links,
    unplaced: preview.passages.filter((p) => p.target === "unplaced").map((p) => ({ n: p.n, heading: p.heading, markdown: p.markdown, reason: p.reason })),
    dropped: preview.dropped,
    warnings: preview.warnings,
  };
}

/** A readable line (and one per unplaced passage) for a file read with --dry-run. */
function dryRunLines(file: string, read: Awaited<ReturnType<typeof readWordFile>>): string[] {
  const unplaced = read.preview.passages.filter((p) => p.target === "unplaced");
  const dropped = read.preview.dropped.map((d) => `${d.count} ${d.kind}`);
  const lines = [`would import ${file}: "${read.fields.title}": ${filledFields(read.fields).join(", ") || "no field recognised"}; ${unplaced.length} passage(s) unplaced${dropped.length ? `; dropped: ${dropped.join(", ")}` : ""}`];
  for (const p of unplaced) lines.push(`  unplaced ${p.n} (${p.heading === null ? "before the first heading" : `under "${p.heading}"`}): ${p.markdown.replace(/\s+/g, " ").slice(0, 100)}`);
  return lines;
}

/**
 * `living-report import case-study PATH --org CODE [--dry-run [--json]]`: each Word file becomes a
 * draft case study of the organization (each in its own transaction), with a line per file saying
 * what was recognised and how many passages were left unplaced. With --dry-run nothing is written
 * (not even a pending import): each file's would-be fields are printed, as JSON lines with --json.
 */
export async function importCaseStudyCommand(path: string, raw: Record<string, unknown>) {
  const parsed = Options.safeParse(raw);
  if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
  const { dryRun, json } = parsed.data;
  if (json && !dryRun) throw new CliError("--json goes with --dry-run");
  const files = docxFiles(path);
  if (!files.length) throw new CliError(`No .docx files in ${path}`);
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await migrate(database);
    const wanted = parsed.data.org.toLowerCase();
    const org = (await listOrganizations(database.db, {})).find((o) => o.id === parsed.data.org || o.shortName?.toLowerCase() === wanted || o.name.toLowerCase() === wanted);
    if (!org) throw new CliError(`No organization called "${parsed.data.org}" (give its short name, full name or id)`);
    const caller = { ...SYSTEM_ACTOR, role: "editor" as const, organizationId: null };
    const progress = progressBar(dryRun ? "Reading" : "Importing");
    const lines: string[] = [];
    let failed = 0;
    for (const [i, file] of files.entries()) {
      progress(i, files.length, basename(file));
      const name = basename(file);
      const filename = cleanFilename(name, "case-study.docx");
      try {
        if (dryRun) {
          const read = await readWordFile(database.db, readFileSync(file), parsed.data.lang, filename);
          if (json) lines.push(JSON.stringify(dryRunRecord(name, org.name, read)));
          else lines.push(...dryRunLines(name, read));
          continue;
        }
        const { caseStudy, report } = await importCaseStudy(database.db, caller, { organizationId: org.id, filename, data: readFileSync(file), language: parsed.data.lang });
        const extra = [`${report.unplaced} passage(s) left unplaced`, report.images ? `${report.images} picture(s)` : "", report.otherHeadings.length ? `other headings: ${report.otherHeadings.join("; ")}` : "", ...report.dropped.map((d) => `dropped ${d.count} ${d.kind}`), ...report.warnings.slice(0, 3)].filter(Boolean);
        lines.push(`ok    ${name} → ${caseStudy.slug} (draft): ${report.filled.join(", ") || "no field recognised"} [${extra.join(" | ")}]`);
      } catch (e) {
        failed += 1;
        const { code, message } = refusal(e);
        lines.push(json ? JSON.stringify({ file: name, error: { code, message } }) : `error ${name}: ${message} (${code})`);
      }
    }
    progress(files.length, files.length, "done");
    console.log(lines.join("\n"));
    if (!json) console.log(dryRun ? `${files.length - failed} read, ${failed} refused; nothing was written.` : `${files.length - failed} imported, ${failed} refused, as drafts of ${org.name}.`);
    if (failed) process.exitCode = 1;
  } finally {
    await database.close();
  }
}

/**
 * `living-report import survey-responses --survey S FILE`: the same all-or-nothing import as the
 * survey page, with every problem listed by cell.
 */
export async function importSurveyResponsesCommand(file: string, raw: Record<string, unknown>) {
  const survey = typeof raw.survey === "string" ? raw.survey : "";
  if (!survey) throw new CliError("--survey: name the survey by its short name");
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) throw new CliError(`No such file: ${file}`);
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await migrate(database);
    const { getSurveyBySlug } = await import("#src/features/surveys/repository.ts");
    const { importResponses } = await import("#src/features/surveys/service.ts");
    const { readTable } = await import("#src/features/surveys/spreadsheet.ts");
    const found = await getSurveyBySlug(database.db, survey);
    if (!found) throw new CliError(`No survey has the short name "${survey}".`);
    const progress = progressBar("Importing responses");
    progress(0, 3, "reading the file");
    const table = await readTable(readFileSync(file));
    progress(1, 3, `checking ${table.rows.length} rows`);
    const result = await importResponses(database.db, SYSTEM_ACTOR, found.id, table, `import: ${basename(file)}`);
    progress(3, 3, "done");
    if (!result.ok) {
      const t = translator("en");
      console.log(result.problems.map((p) => `${p.cell} (${p.key}): ${t(`survey.problem.${p.code}`, { value: p.value ?? "", min: p.min ?? "", max: p.max ?? "" })}`).join("\n"));
      throw new CliError(`Nothing was imported: ${result.problems.length} problem(s).`);
    }
    console.log(`${result.imported} responses imported into ${found.slug} (${result.replaced} replaced earlier answers).`);
  } finally {
    await database.close();
  }
}
