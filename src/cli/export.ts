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

const Options = z.object({
  report: z.string().min(1),
  edition: z.string().min(1),
  format: z.enum(FORMAT_NAMES as [FormatName, ...FormatName[]], { error: `expected one of ${FORMAT_NAMES.join(", ")}` }),
  lang: z.enum(LANGUAGES, { error: "expected en, fr or es" }).default("en"),
  out: z.string().min(1),
  pdfa: z.boolean().default(false),
});

/** `living-report export`: writes an edition (or the living draft) to a file. */
export async function exportCommand(raw: Record<string, unknown>) {
  const parsed = Options.safeParse(raw);
  if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
  const options = parsed.data;
  const config = loadConfig();
  const database = await openDatabase(config);
  const progress = progressBar(`Exporting ${options.format.toUpperCase()}`);
  try {
    await migrate(database);
    progress(0, 3, "reading the edition");
    const publication = await loadPublication(database.db, options.report, options.edition, options.lang).catch((e: unknown) => {
      throw new CliError(`No such report, edition or language: ${options.report} ${options.edition} ${options.lang} (${(e as Error).message})`);
    });
    progress(1, 3, "typesetting");
    const bytes = await FORMATS[options.format].render(publication, { pdfa: options.pdfa });
    progress(2, 3, "writing");
    writeFileSync(options.out, bytes);
    progress(3, 3, "done");
    console.log(`Wrote ${options.out} (${Math.round(bytes.length / 1024)} KB)`);
  } finally {
    await database.close();
  }
}
