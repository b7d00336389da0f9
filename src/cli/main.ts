import { Command } from "commander";

// Each command's module (and the packages it needs) is loaded only when that command runs: the
// bundle is split (npm run build), so `living-report --help` loads commander and this file.

/** A command's action, imported from its module when the command runs. */
function lazy<M>(load: () => Promise<M>, name: keyof M) {
  return async (...args: unknown[]): Promise<void> => {
    await ((await load())[name] as (...a: unknown[]) => unknown)(...args);
  };
}
const cli = {
  admin: () => import("#src/cli/create-admin.ts"),
  invite: () => import("#src/cli/invite.ts"),
  editions: () => import("#src/cli/editions.ts"),
  search: () => import("#src/cli/search.ts"),
  backup: () => import("#src/cli/backup.ts"),
  check: () => import("#src/cli/check.ts"),
  export: () => import("#src/cli/export.ts"),
  import: () => import("#src/cli/import.ts"),
  migrate: () => import("#src/cli/migrate.ts"),
  token: () => import("#src/cli/token.ts"),
  review: () => import("#src/cli/review.ts"),
  reviewImport: () => import("#src/cli/review-import.ts"),
};

const program = new Command()
  .name("living-report")
  .description("Keeps a living study report. Configuration comes from the environment (see README).")
  .showHelpAfterError();

program
  .command("serve")
  .description("Start the web application: open and migrate the database, load the demo into an empty one, listen.")
  .action(async () => {
    const [{ loadConfig }, { closeOnSignals, startServer }] = await Promise.all([import("#src/config.ts"), import("#src/main.ts")]);
    const app = await startServer(loadConfig(), { pretty: Boolean(process.stdout.isTTY) });
    closeOnSignals(app);
  });

program.command("migrate").description("Apply the database migrations that have not been applied yet, then exit.").action(lazy(cli.migrate, "migrateCommand"));

program
  .command("create-admin")
  .description("Create an administrator account. The password is read from standard input.")
  .requiredOption("--email <email>", "the administrator's e-mail address")
  .requiredOption("--name <name>", "the administrator's full name")
  .action(lazy(cli.admin, "createAdminCommand"));

program
  .command("invite")
  .description("Invite a person: create their account without a password and mail them a link, valid 7 days, to set it. Without SMTP_URL the mail is kept in the outbox. Exits 1 on refused input, 2 when the mail could not be delivered.")
  .requiredOption("--email <email>", "the person's e-mail address")
  .requiredOption("--name <name>", "the person's full name")
  .requiredOption("--org <code>", "their organization's short name (any case) or id")
  .requiredOption("--role <role>", "contributor, editor or admin")
  .option("--language <lang>", "the language of their pages and mail: en, fr or es", "en")
  .action(lazy(cli.invite, "inviteCommand"));

program
  .command("demo")
  .description("Load the demo content into an empty database (what DEMO=true does at start-up).")
  .action(lazy(cli.migrate, "demoCommand"));

program
  .command("publish")
  .description("Freeze the living draft of a report as a new edition, check it and publish it, with progress; refused while the checks find errors.")
  .requiredOption("--report <slug>", "the report's short name, e.g. disruptive-technologies")
  .requiredOption("--edition <label>", "the new edition's label, e.g. 2026")
  .option("--title <title>", "the edition's title (default: the report's title)")
  .option("--date <YYYY-MM-DD>", "the edition's date (default: today)")
  .option("--acknowledge <note>", "why it goes out with the warnings the checks find (required when there are any)")
  .action(lazy(cli.editions, "publishCommand"));

program
  .command("editions")
  .description("List a report's editions: label, date, status, content hash.")
  .requiredOption("--report <slug>", "the report's short name")
  .action(lazy(cli.editions, "editionsCommand"));

program
  .command("check")
  .description("Run the checks before publishing on the living draft (or an edition): print each finding with where to fix it; exit 1 when there are errors.")
  .requiredOption("--report <slug>", "the report's short name")
  .option("--edition <label>", 'an edition\'s label (default: the living draft, "draft")')
  .action(lazy(cli.check, "checkCommand"));

program
  .command("search")
  .description("Search the published editions (or the living draft), case studies, events and recommendations.")
  .argument("<query>", "the words to find, as in the search box (\"quotes\" for a phrase, -word to exclude)")
  .option("--lang <lang>", "the language of the edition pages to search: en, fr or es", "en")
  .option("--edition <label>", 'an edition\'s label, "latest", "all" or "draft"', "latest")
  .option("--kind <kind>", "only section, case-study, event or recommendation")
  .option("--limit <n>", "how many results to print", "20")
  .action(lazy(cli.search, "searchCommand"));

program
  .command("export")
  .description("Write an edition (or, with --edition draft, the living draft marked DRAFT) to a file; or, with --format site, the published report to a folder any static host can serve.")
  .requiredOption("--report <slug>", "the report's short name")
  .option("--edition <label>", 'the edition\'s label, or "draft" (required but for --format site, where it defaults to the current edition)')
  .requiredOption("--format <format>", "pdf, docx, epub, html (one self-contained file), zip (open data), or site (a folder: every page in every language, figures, exports, feed)")
  .option("--lang <lang>", "en, fr or es (a site holds every language)", "en")
  .requiredOption("--out <file>", "where to write the file (for a site: the folder)")
  .option("--pdfa", "write PDF/A-2b (archival)", false)
  .option("--all", "with --format site: every published edition, not just one", false)
  .action(lazy(cli.export, "exportCommand"));

program
  .command("backup")
  .description("Write every table and file to one archive (zip: JSON lines per table, a manifest with row counts and SHA-256 checksums).")
  .requiredOption("--out <file>", "where to write the archive")
  .action(lazy(cli.backup, "backupCommand"));

program
  .command("restore")
  .description("Load a backup into an empty database, on PGlite (DATA_DIR) or PostgreSQL (DATABASE_URL): all or nothing.")
  .argument("<file>", "the archive written by backup")
  .action(lazy(cli.backup, "restoreCommand"));

const tokens = program.command("token").description("Personal API tokens.");
tokens
  .command("create")
  .description("Create a personal API token for an active user and print it (alone, on standard output); scopes beyond the user's role are refused.")
  .requiredOption("--email <email>", "the token owner's e-mail address")
  .requiredOption("--name <name>", "what the token is for, e.g. \"nightly import\"")
  .option("--scope <scopes>", "comma-separated: read, comment, edit, publish", "read")
  .action(lazy(cli.token, "tokenCreateCommand"));

const review = program.command("review").description("Review rounds: list them, write a round's text as a Word file to review with Track Changes and comments, read one back.");
review
  .command("list")
  .description("List a report's review rounds, the latest first: id, title, state, opening and closing days, comments and comments still open.")
  .requiredOption("--report <slug>", "the report's short name")
  .option("--json", "one JSON object per round per line")
  .action(lazy(cli.review, "reviewListCommand"));
review
  .command("export")
  .description("Write a round's review file: a chapter or the whole text as Word, each section's heading marked with its section and revision (what the page's \"Download for review\" gives).")
  .requiredOption("--round <id>", "the round's id (see review list)")
  .option("--chapter <chapter>", "a chapter's short name or number (default: the whole text)")
  .option("--lang <lang>", "en, fr or es, a language the report is kept in (default: English when it is, else the report's first)")
  .requiredOption("--out <file>", "where to write the .docx")
  .action(lazy(cli.review, "reviewExportCommand"));
review
  .command("import")
  .description("Read a reviewed Word file into a round: tracked changes become suggestions and Word comments comments, of the person's organization. Prints JSON lines, one per suggestion or comment created (with --dry-run: that would be created) and one per passage that could not be placed; exits 1 on refused input.")
  .argument("<file>", "the .docx file, as downloaded for review and edited")
  .requiredOption("--round <id>", "the round's id (see review list)")
  .requiredOption("--email <email>", "whose comments they become: an invited member's, or an editor's e-mail address")
  .option("--dry-run", "write nothing: print what the file would create")
  .action(lazy(cli.reviewImport, "reviewImportCommand"));

const importing = program.command("import").description("Import evidence from files.");
importing
  .command("survey-responses <file>")
  .description("Import survey responses from .xlsx or .csv: all rows or none, every problem named by its cell.")
  .requiredOption("--survey <slug>", "the survey's short name")
  .action(lazy(cli.import, "importSurveyResponsesCommand"));
importing
  .command("case-study <path>")
  .description("Import a Word file (or every .docx in a folder) as draft case studies of an organization, saying what was recognised in each.")
  .requiredOption("--org <code>", "the organization's short name, full name or id")
  .option("--lang <lang>", "the language assumed when a text's own cannot be told (en, fr, es)", "en")
  .option("--dry-run", "write nothing: print what each file would become, with its unplaced passages")
  .option("--json", "with --dry-run: one JSON object per file per line")
  .action(lazy(cli.import, "importCaseStudyCommand"));

try {
  await program.parseAsync();
} catch (err) {
  const [{ ConfigError }, { CliError }, { isAppError }, { isMessageKey, translator }] = await Promise.all([
    import("#src/config.ts"),
    import("#src/cli/errors.ts"),
    import("#src/lib/errors.ts"),
    import("#src/i18n/i18n.ts"),
  ]);
  if (err instanceof ConfigError || err instanceof CliError) {
    console.error(err.message);
  } else if (isAppError(err)) {
    const fields = Object.entries(err.fields)
      .filter(([, key]) => key !== `error.${err.code}`)
      .map(([f, key]) => `  - ${f}: ${isMessageKey(key) ? translator("en")(key) : key}`);
    console.error([`${translator("en")(`error.${err.code}`)} (${err.code})`, ...fields].join("\n"));
  } else {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  }
  process.exit(1);
}
