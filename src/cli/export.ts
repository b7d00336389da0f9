import { writeFileSync } from "node:fs";
import { z } from "zod";
import { CliError } from "#src/cli/errors.ts";
import { progressBar } from "#src/cli/progress.ts";
import { loadConfig } from "#src/config.ts";
import { openDatabase } from "#src/db/client.ts";
import { migrate } from "#src/db/migrate.ts";
import { LANGUAGES } from "#src/domain/languages.ts";
import { FORMAT_NAMES, FORMATS, type FormatName } from "#src/publishing/formats.ts";
import { loadPublication } from "#src/publishing/publication.ts";
import { closePool } from "#src/lib/pool.ts";

const FILE_FORMATS = FORMAT_NAMES as [FormatName, ...FormatName[]];

const Options = z
  .object({
    report: z.string().min(1),
    edition: z.string().min(1).optional(),
    format: z.enum([...FILE_FORMATS, "site"], { error: `expected one of ${[...FORMAT_NAMES, "site"].join(", ")}` }),
    lang: z.enum(LANGUAGES, { error: "expected en, fr or es" }).default("en"),
    out: z.string().min(1),
    pdfa: z.boolean().default(false),
    all: z.boolean().default(false),
  })
  .superRefine((o, ctx) => {
    if (o.format !== "site" && !o.edition) ctx.addIssue({ code: "custom", path: ["edition"], message: 'required: an edition\'s label, or "draft"' });
    if (o.format !== "site" && o.all) ctx.addIssue({ code: "custom", path: ["all"], message: "only with --format site" });
    if (o.format === "site" && o.all && o.edition) ctx.addIssue({ code: "custom", path: ["all"], message: "either --edition or --all, not both" });
    if (o.format === "site" && o.edition === "draft") ctx.addIssue({ code: "custom", path: ["edition"], message: "the site holds published editions only" });
  });

/** `living-report export`: writes an edition (or the living draft) to a file, or the published report to a folder (`--format site`). */
export async function exportCommand(raw: Record<string, unknown>) {
  const parsed = Options.safeParse(raw);
  if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
  const options = parsed.data;
  if (options.format === "site") return siteCommand(options);
  const format = options.format;
  const edition = options.edition!;
  const config = loadConfig();
  const database = await openDatabase(config);
  const progress = progressBar(`Exporting ${format.toUpperCase()}`);
  try {
    await migrate(database);
    progress(0, 3, "reading the edition");
    const publication = await loadPublication(database.db, options.report, edition, options.lang).catch((e: unknown) => {
      throw new CliError(`No such report, edition or language: ${options.report} ${edition} ${options.lang} (${(e as Error).message})`);
    });
    progress(1, 3, "typesetting");
    const bytes = await FORMATS[format].render(publication, { pdfa: options.pdfa });
    progress(2, 3, "writing");
    writeFileSync(options.out, bytes);
    progress(3, 3, "done");
    console.log(`Wrote ${options.out} (${Math.round(bytes.length / 1024)} KB)`);
  } finally {
    await database.close();
  }
}

/**
 * `living-report export --format site --out DIR [--edition L | --all]`: the published report as
 * a folder for any static host, with a progress bar per page and per export.
 */
async function siteCommand(options: { report: string; edition?: string | undefined; all: boolean; out: string }) {
  const { exportSite, SiteRefusal } = await import("#src/publishing/site.ts"); // every page's renderer: a file export needs none
  const config = loadConfig();
  const database = await openDatabase(config);
  const progress = progressBar("Writing the site");
  try {
    await migrate(database);
    const summary = await exportSite(database.db, { report: options.report, edition: options.edition, all: options.all, out: options.out, publicUrl: config.publicUrl, progress }).catch((e: unknown) => {
      throw e instanceof SiteRefusal ? new CliError(e.message) : e;
    });
    for (const missing of summary.missing) console.error(`Not found, left as written: ${missing}`);
    console.log(
      `Wrote ${options.out}: edition${summary.editions.length === 1 ? "" : "s"} ${summary.editions.join(", ")}, ${summary.pages} pages, ${summary.exports} exports, ${summary.files} files (${Math.round(summary.bytes / 1024)} KB). Open index.html.`,
    );
  } finally {
    await database.close();
    await closePool();
  }
}
