import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { z } from "zod";
import { CliError } from "#src/cli/errors.ts";
import { withDatabase } from "#src/cli/editions.ts";
import { SYSTEM_ACTOR, type Caller } from "#src/domain/actors.ts";
import { suggestionKind, type ImportedItem, type ReviewImportPreview } from "#src/domain/review-suggestions.ts";
import { getUserByEmail } from "#src/features/members/repository.ts";
import { roundDocument } from "#src/features/reviews/read.ts";
import { importReviewFile, readReviewImport } from "#src/features/reviews/word-import.ts";
import { cleanFilename } from "#src/lib/filenames.ts";
import { closePool } from "#src/lib/pool.ts";
import { roundById } from "#src/cli/review.ts";
import { email } from "#src/lib/validation.ts";

const Options = z.object({
  round: z.string({ error: "give the round's id (see review list)" }),
  email: email(),
  dryRun: z.boolean().default(false),
});

type Line = Record<string, string | null>;

/** One JSON line per suggestion or comment (with its section), then one per passage that could not be placed. */
export function reviewImportLines(preview: ReviewImportPreview, sections: Map<string, { number: string; heading: string }>): Line[] {
  const itemLine = (item: ImportedItem): Line => {
    const section = sections.get(item.sectionId);
    const where = { section: section?.number ?? null, sectionId: item.sectionId, heading: section?.heading ?? null };
    if (item.kind === "suggestion") return { kind: "suggestion", ...where, change: suggestionKind(item.suggestion), quote: item.quote, replacement: item.suggestion.replacement, author: item.author };
    return { kind: "comment", ...where, quote: item.quote, body: item.body, author: item.author };
  };
  return [...preview.items.map(itemLine), ...preview.unplaced.map((u): Line => ({ kind: "unplaced", reason: u.reason, text: u.count === undefined ? u.text : u.reason === "too-many" ? String(u.count) : `${u.text} (${u.count})`, body: u.body, heading: u.heading, author: u.author }))];
}

/**
 * `living-report review import --round ID --email E [--dry-run] F.docx`: a reviewed Word file
 * becomes comments and suggestions of the person's organization, as the upload page would make
 * them once confirmed. Prints JSON lines, one per suggestion or comment created (with --dry-run:
 * that would be created, and nothing is written) and one per passage that could not be placed.
 */
export function reviewImportCommand(file: string, raw: Record<string, unknown>) {
  const parsed = Options.safeParse(raw);
  if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
  const { round: roundId, dryRun } = parsed.data;
  if (!statSync(file, { throwIfNoEntry: false })?.isFile()) throw new CliError(`No such file: ${file}`);
  const data = readFileSync(file);
  return withDatabase(async (db) => {
    try {
      const user = await getUserByEmail(db, parsed.data.email);
      if (!user || user.deactivatedAt) throw new CliError(`No active user has the e-mail address ${parsed.data.email}.`);
      const round = await roundById(db, roundId);
      const caller: Caller = { ...SYSTEM_ACTOR, userId: user.id, role: user.role, organizationId: user.organizationId };
      const upload = { filename: cleanFilename(basename(file), "review.docx"), data, language: user.language };
      // Without --dry-run the file is read, kept and turned into comments in one transaction: a refusal leaves nothing behind.
      const preview: ReviewImportPreview = dryRun ? await readReviewImport(db, caller, round.id, upload) : (await importReviewFile(db, caller, round.id, upload)).preview;
      const sections = new Map((await roundDocument(db, round, preview.language)).flatMap((c) => c.sections).map((s) => [s.id, { number: s.number, heading: s.heading }]));
      for (const line of reviewImportLines(preview, sections)) console.log(JSON.stringify(line));
      const suggestions = preview.items.filter((i) => i.kind === "suggestion").length;
      process.stderr.write(`${dryRun ? "Would create" : "Created"} ${suggestions} suggestion(s) and ${preview.items.length - suggestions} comment(s); ${preview.unplaced.length} passage(s) could not be placed${dryRun ? "; nothing was written" : ""}.\n`);
    } finally {
      await closePool();
    }
  });
}
