import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import pg from "pg";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasCommand, prerequisite, testDatabaseUrl } from "#test/helpers/prerequisites.ts";

// The operators' command line, run as a real process on a fresh PGlite data directory.

const ROOT = join(import.meta.dirname, "..");
const hasSoffice = prerequisite("LibreOffice (soffice, for the DOCX check)", hasCommand("soffice"), "apt-get install libreoffice-writer-nogui");
const dataDir = mkdtempSync(join(tmpdir(), "lr-cli-"));
const cli = (args: string[], input = "", env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ["bin/living-report.mjs", ...args], {
    cwd: ROOT,
    input,
    encoding: "utf8",
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, DEMO: "false", ...env },
  });

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("living-report CLI", () => {
  it("has --help on every command", () => {
    for (const args of [["--help"], ["serve", "--help"], ["migrate", "--help"], ["create-admin", "--help"], ["demo", "--help"], ["publish", "--help"], ["editions", "--help"], ["export", "--help"], ["import", "case-study", "--help"], ["search", "--help"], ["backup", "--help"], ["restore", "--help"], ["token", "create", "--help"], ["check", "--help"]]) {
      const res = cli(args);
      expect(res.status, args.join(" ")).toBe(0);
      expect(res.stdout).toContain("Usage: living-report");
    }
  });

  it("migrates, creates an administrator from standard input, and refuses a duplicate", () => {
    expect(cli(["migrate"]).stdout).toContain("Migrations applied (pglite).");
    const created = cli(["create-admin", "--email", "Ada@Example.org", "--name", "Ada Admin"], "a long password here\n");
    expect(created.status).toBe(0);
    expect(created.stdout).toContain("Administrator ada@example.org created.");
    const again = cli(["create-admin", "--email", "ada@example.org", "--name", "Ada Again"], "a long password here\n");
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("A user with this e-mail address already exists");
  });

  it("creates a personal API token for scripts: the token alone on stdout, never a scope beyond the owner's role", () => {
    const dir = mkdtempSync(join(tmpdir(), "lr-cli-token-"));
    try {
      const env = { DATA_DIR: dir };
      expect(cli(["demo"], "", env).status).toBe(0);
      const made = cli(["token", "create", "--email", "Editor@Example.org", "--name", "nightly import", "--scope", "edit,publish"], "", env);
      expect(made.status, made.stderr).toBe(0);
      expect(made.stdout).toMatch(/^lr_[\w-]{40,}\n$/);
      expect(made.stderr).toContain('Token "nightly import" for Eli Editor (demo) <editor@example.org> (editor), scopes: edit, publish');
      // A second token is another value.
      expect(cli(["token", "create", "--email", "editor@example.org", "--name", "read only"], "", env).stdout).not.toBe(made.stdout);
      const beyond = cli(["token", "create", "--email", "contributor@example.org", "--name", "too much", "--scope", "read,edit"], "", env);
      expect([beyond.status, beyond.stdout]).toEqual([1, ""]);
      expect(beyond.stderr).toContain("A contributor's token cannot have the scope edit (allowed: read, comment).");
      const nobody = cli(["token", "create", "--email", "nobody@example.org", "--name", "x", "--scope", "read"], "", env);
      expect([nobody.status, nobody.stderr.trim()]).toEqual([1, "No active user has the e-mail address nobody@example.org."]);
      const unknown = cli(["token", "create", "--email", "editor@example.org", "--name", "x", "--scope", "read,write"], "", env);
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toContain("scopes.1:");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("checks the demo before publishing: each finding with where to fix it, a summary, exit 0 on warnings only and 1 on errors", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lr-cli-check-"));
    try {
      const env = { DATA_DIR: dir };
      expect(cli(["demo"], "", env).status).toBe(0);
      // The living draft and the published 2022 edition have warnings only.
      const checked = cli(["check", "--report", "disruptive-technologies"], "", env);
      expect(checked.status, checked.stderr).toBe(0);
      expect(checked.stdout).toMatch(/^WARNING \S+ +The section is still marked Draft\.$/m);
      expect(checked.stdout).toMatch(/^ +fix: http:\/\/localhost:\d+\/editor\/sections\/[0-9a-f-]{36}\/fr$/m);
      expect(checked.stdout).not.toMatch(/^ERROR/m);
      expect(checked.stdout).toMatch(/^The living draft of disruptive-technologies: 0 errors, \d+ warnings\. It may be published once the warnings are acknowledged\.$/m);
      const edition = cli(["check", "--report", "disruptive-technologies", "--edition", "2022"], "", env);
      expect(edition.status, edition.stderr).toBe(0);
      expect(edition.stdout).toMatch(/^Edition 2022 \(published\) of disruptive-technologies: 0 errors, \d+ warnings\.$/m);
      const none = cli(["check", "--report", "disruptive-technologies", "--edition", "1999"], "", env);
      expect([none.status, none.stderr.trim()]).toEqual([1, 'The report "disruptive-technologies" has no edition "1999".']);
      // A figure that does not exist, placed in the living draft: an error, and exit 1.
      const { openDatabase } = await import("#src/db/client.ts");
      const { loadDraft } = await import("#src/features/reports/draft.ts");
      const { saveSection } = await import("#src/features/reports/revisions.ts");
      const { SYSTEM_ACTOR } = await import("#src/domain/actors.ts");
      const database = await openDatabase({ dataDir: dir });
      try {
        const section = (await loadDraft(database.db, "disruptive-technologies")).chapters[0]!.sections[0]!;
        const en = section.texts.en!;
        await saveSection(database.db, SYSTEM_ACTOR, { sectionId: section.id, language: "en", heading: en.heading, body: `${en.body}\n\n::figure{ref=does-not-exist}`, baseRevisionId: en.revisionId, summary: null });
      } finally {
        await database.close();
      }
      const broken = cli(["check", "--report", "disruptive-technologies"], "", env);
      expect(broken.status).toBe(1);
      expect(broken.stdout).toMatch(/^ERROR   introduction\/\S+ \[en\]  ::figure\{ref=does-not-exist\} refers to nothing: no evidence has this reference\.$/m);
      expect(broken.stdout.indexOf("ERROR")).toBeLessThan(broken.stdout.indexOf("WARNING"));
      expect(broken.stdout).toMatch(/: 1 error, \d+ warnings\. Publishing is blocked until the errors are fixed\.$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it("explains bad input and bad configuration, naming every problem", () => {
    const bad = cli(["create-admin", "--email", "nope", "--name", "X"], "short\n");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("email: Enter an e-mail address");
    expect(bad.stderr).toContain("password: Use at least 10 characters.");
    const config = cli(["migrate"], "", { PORT: "abc", LOG_LEVEL: "loud" });
    expect(config.status).toBe(1);
    expect(config.stderr).toContain("PORT: expected a port number");
    expect(config.stderr).toContain("LOG_LEVEL");
  });

  it("loads the demo, publishes a new edition of it, and lists the editions", () => {
    const dir = mkdtempSync(join(tmpdir(), "lr-cli-demo-"));
    try {
      const env = { DATA_DIR: dir };
      expect(cli(["demo"], "", env).stdout).toContain("Demo content loaded.");
      expect(cli(["demo"], "", env).stdout).toContain("not empty");
      // The living draft has sections still in draft and chapters not translated: publishing needs a note that says why.
      const unacknowledged = cli(["publish", "--report", "disruptive-technologies", "--edition", "2026", "--date", "2026-11-01"], "", env);
      expect(unacknowledged.status).toBe(1);
      // Each finding as the check command prints it: severity, where, message, then the page that fixes it.
      expect(unacknowledged.stderr).toMatch(/^WARNING \S+ +The section is still marked Draft\.$/m);
      expect(unacknowledged.stderr).toMatch(/^ +fix: http:\/\/localhost:\d+\/editor\/sections\/[0-9a-f-]{36}\/en$/m);
      expect(unacknowledged.stderr).toMatch(/Not published: \d+ warning\(s\) to acknowledge/);
      expect(cli(["editions", "--report", "disruptive-technologies"], "", env).stdout).toMatch(/2026 +2026-11-01 +draft/);
      const published = cli(["publish", "--report", "disruptive-technologies", "--edition", "2026", "--acknowledge", "Draft sections and translations follow in an update."], "", env);
      expect(published.status, published.stderr).toBe(0);
      expect(published.stderr).toContain("Refreshed edition 2026");
      expect(published.stderr).toMatch(/Rendering pages: \d+\/\d+/);
      expect(published.stdout).toContain("/reports/disruptive-technologies/2026/");
      const listed = cli(["editions", "--report", "disruptive-technologies"], "", env).stdout;
      expect(listed).toMatch(/2026 +2026-11-01 +published/);
      expect(listed).toMatch(/2022 +2022-06-30 +published/);
      expect(listed).toMatch(/2019 +2019-06-28 +published/);
      // The new edition as a PDF: metadata, pages, and every heading in its text.
      const pdfFile = join(dir, "edition.pdf");
      const exported = cli(["export", "--report", "disruptive-technologies", "--edition", "2026", "--format", "pdf", "--lang", "fr", "--out", pdfFile], "", env);
      expect(exported.status, exported.stderr).toBe(0);
      const info = spawnSync("pdfinfo", [pdfFile], { encoding: "utf8" }).stdout;
      expect(info).toContain("Title:           Rapport d'étude sur les technologies de rupture — Édition 2026");
      // Tagged for assistive technology (structure tree, reading order, alt text).
      expect(info).toMatch(/Tagged:\s+yes/);
      expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(5);
      const words = spawnSync("pdftotext", [pdfFile, "-"], { encoding: "utf8" }).stdout;
      for (const heading of ["Sommaire", "De quoi s'agit-il", "How it is used today", "Internet of Things"]) expect(words).toContain(heading);
      // Every entry of the contents points at the page where its heading stands.
      const contents = spawnSync("pdftotext", ["-f", "2", "-l", "2", "-layout", pdfFile, "-"], { encoding: "utf8" }).stdout;
      const entries = [...contents.matchAll(/^\s*(\d+(?:\.\d+)?) (.+?)(?: \.){3,}[\s\u2060]*(\d+)\s*$/gm)].map((m) => ({ number: m[1]!, title: m[2]!.trim(), page: Number(m[3]) }));
      expect(entries.length).toBeGreaterThan(15);
      for (const entry of entries) {
        const page = spawnSync("pdftotext", ["-f", String(entry.page), "-l", String(entry.page), pdfFile, "-"], { encoding: "utf8" }).stdout.replace(/\s+/g, " ");
        expect(page, `${entry.number} ${entry.title} on page ${entry.page}`).toContain(`${entry.number} ${entry.title}`);
      }
      // The survey figures, numbered, with their French titles.
      expect(words).toMatch(/Fig(?:ure|\.) 1\W+Étape d.adoption par technologie \(2021\)/);
      expect(words).toMatch(/Fig(?:ure|\.) 2\W+Étape d.adoption par technologie \(2024\)/);
      // Bookmarks: chapters with their sections beneath.
      const outline = JSON.parse(spawnSync("qpdf", ["--json=2", "--json-key=outlines", pdfFile], { encoding: "utf8" }).stdout) as { outlines: { title: string; kids: { title: string }[] }[] };
      // The case-study annex, with a bookmark per case study, then the data behind the figures, last.
      const chapters = outline.outlines.map((o) => o.title);
      expect(chapters.slice(0, 3)).toEqual(["1 Introduction", "2 Using technologies together for Smart Customs", "3 Chaîne de blocs et technologie des registres distribués"]);
      expect(chapters.at(-2)).toBe(`${chapters.length - 1} Annexe\u202f: études de cas`);
      expect(chapters.at(-1)).toBe(`${chapters.length} Données des figures`);
      expect(outline.outlines[2]!.kids.map((k) => k.title)).toContain("3.1 De quoi s'agit-il");
      expect(outline.outlines.at(-2)!.kids.map((k) => k.title)).toContain(`${chapters.length - 1}.1 CADENA: sharing trusted-trader data on a ledger`);
      // The same edition as Word: LibreOffice opens it, and its headings are all there.
      const docxFile = join(dir, "edition.docx");
      const docx = cli(["export", "--report", "disruptive-technologies", "--edition", "2026", "--format", "docx", "--lang", "fr", "--out", docxFile], "", env);
      expect(docx.status, docx.stderr).toBe(0);
      if (hasSoffice) {
        const converted = spawnSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", join(dir, "lo"), docxFile], { encoding: "utf8", timeout: 120_000, env: { ...process.env, HOME: dir } });
        expect(converted.status, converted.stderr).toBe(0);
        const fromWord = spawnSync("pdftotext", [join(dir, "lo", "edition.pdf"), "-"], { encoding: "utf8" }).stdout;
        for (const heading of ["Sommaire", "De quoi s'agit-il", "Internet of Things"]) expect(fromWord).toContain(heading);
      }
      const missing = cli(["publish", "--report", "nope", "--edition", "x"], "", env);
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain('No report has the short name "nope".');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("imports a folder of Word files as drafts, reporting what it recognised in each and refusing what is not Word; --dry-run --json writes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lr-cli-import-"));
    try {
      const env = { DATA_DIR: dir };
      expect(cli(["demo"], "", env).status).toBe(0);
      const folder = join(dir, "incoming");
      mkdirSync(folder);
      for (const name of ["pandoc-en.docx", "libreoffice-en.docx", "pandoc-fr.docx"]) copyFileSync(join(ROOT, "test/fixtures/word", name), join(folder, name));
      copyFileSync(join(ROOT, "test/fixtures/word/scan-map.png"), join(folder, "not-really.docx"));
      const res = cli(["import", "case-study", folder, "--org", "KCS"], "", env);
      expect(res.status).toBe(1);
      expect(res.stdout).toMatch(/ok {4}pandoc-fr\.docx → [a-z0-9-]+ \(draft\): title, technologies, stage, period, summary, problem, solution, results, lessons \[0 passage\(s\) left unplaced\]/);
      expect(res.stdout).toMatch(/ok {4}libreoffice-en\.docx → container-release-on-a-shared-ledger-at-puerto-nuevo(-2)? \(draft\): title, technologies, stage, period, summary/);
      expect(res.stdout).toContain("1 picture(s)");
      expect(res.stdout).toContain("error not-really.docx: This kind of file is not accepted here");
      expect(res.stdout).toContain("3 imported, 1 refused, as drafts of Korea Customs Service.");
      expect(res.stderr).toContain("Importing");
      const unknown = cli(["import", "case-study", folder, "--org", "nobody"], "", env);
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toContain('No organization called "nobody"');

      // --dry-run --json: one JSON object per file, every field named, and nothing written.
      copyFileSync(join(ROOT, "test/fixtures/word/corpus/02-pandoc-fr-colons.docx"), join(folder, "02-pandoc-fr-colons.docx"));
      const countRows = async () => {
        const { openDatabase, queryRows } = await import("#src/db/client.ts");
        const { sql } = await import("drizzle-orm");
        const database = await openDatabase({ dataDir: dir });
        try {
          return (await queryRows(database.db, sql`select (select count(*)::int from case_studies) as studies, (select count(*)::int from case_study_imports) as imports, (select count(*)::int from case_study_files) as files`))[0];
        } finally {
          await database.close();
        }
      };
      const before = await countRows();
      const dry = cli(["import", "case-study", folder, "--org", "KCS", "--dry-run", "--json"], "", env);
      expect(dry.status).toBe(1);
      const records = dry.stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(records.map((r) => r.file)).toEqual(["02-pandoc-fr-colons.docx", "libreoffice-en.docx", "not-really.docx", "pandoc-en.docx", "pandoc-fr.docx"]);
      const keys = ["file", "title", "organization", "language", "technologies", "stage", "periodStart", "periodEnd", "summary", "problem", "solution", "results", "lessons", "partners", "contact", "links", "unplaced", "dropped", "warnings"];
      for (const record of records.filter((r) => !r.error)) expect(Object.keys(record)).toEqual(keys);
      const colons = records[0]!;
      expect(colons).toMatchObject({ title: "Scellés électroniques sur les camions en transit à Montaubrac", organization: "Korea Customs Service", language: "fr", stage: "proof_of_concept", periodStart: 2020, periodEnd: 2022 });
      expect(colons.technologies).toContain("blockchain");
      expect(colons.summary).toContain("Les douanes de Montaubrac");
      expect(colons.unplaced).toEqual([{ n: 1, heading: null, markdown: expect.stringContaining("préparé pour l’atelier") as unknown, reason: "none" }]);
      expect(records[2]).toEqual({ file: "not-really.docx", error: { code: "FILE_TYPE_NOT_ALLOWED", message: expect.stringContaining("not accepted") as unknown } });
      expect(await countRows()).toEqual(before);
      const readable = cli(["import", "case-study", join(folder, "02-pandoc-fr-colons.docx"), "--org", "KCS", "--dry-run"], "", env);
      expect(readable.status).toBe(0);
      expect(readable.stdout).toContain('would import 02-pandoc-fr-colons.docx: "Scellés électroniques sur les camions en transit à Montaubrac"');
      expect(readable.stdout).toContain("1 passage(s) unplaced");
      expect(readable.stdout).toContain("nothing was written");
      expect(await countRows()).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("backs up the demo on PGlite and restores it on PostgreSQL (or a new PGlite) with every table identical; refuses a damaged archive and a database that is not empty", async () => {
    const source = mkdtempSync(join(tmpdir(), "lr-backup-"));
    const work = mkdtempSync(join(tmpdir(), "lr-backup-files-"));
    const url = testDatabaseUrl();
    const name = `lr_restore_${Date.now().toString(36)}`;
    const admin = url ? new pg.Client({ connectionString: url }) : undefined;
    try {
      expect(cli(["demo"], "", { DATA_DIR: source }).status).toBe(0);
      const first = join(work, "first.zip");
      const backedUp = cli(["backup", "--out", first], "", { DATA_DIR: source });
      expect(backedUp.status, backedUp.stderr).toBe(0);
      expect(backedUp.stderr).toMatch(/Backing up: \d+\/\d+/);
      // The target: a new PostgreSQL database when there is one, else a new PGlite directory.
      let target: Record<string, string> = { DATA_DIR: mkdtempSync(join(tmpdir(), "lr-restore-")) };
      if (admin && url) {
        await admin.connect();
        await admin.query(`create database ${name}`);
        const u = new URL(url);
        u.pathname = `/${name}`;
        target = { DATABASE_URL: u.toString() };
      }
      const restored = cli(["restore", first], "", target);
      expect(restored.status, restored.stderr).toBe(0);
      expect(restored.stdout).toMatch(/Restored \d+ rows in \d+ tables into (postgres|pglite)/);
      // Backed up again from the target: every table is the same, byte for byte (published pages included).
      const second = join(work, "second.zip");
      expect(cli(["backup", "--out", second], "", target).status).toBe(0);
      const manifest = (file: string) => JSON.parse(strFromU8(unzipSync(new Uint8Array(readFileSync(file)))["manifest.json"]!)) as { tables: { name: string; rows: number; sha256: string }[] };
      const [a, b] = [manifest(first), manifest(second)];
      expect(b.tables.map((t) => [t.name, t.rows, t.sha256])).toEqual(a.tables.map((t) => [t.name, t.rows, t.sha256]));
      expect(a.tables.find((t) => t.name === "edition_pages")!.rows).toBeGreaterThan(5);
      // Into a database that is not empty: refused, nothing changed.
      const again = cli(["restore", first], "", target);
      expect(again.status).toBe(1);
      expect(again.stderr).toContain("not empty");
      // A damaged archive: refused before anything is written.
      const files = unzipSync(new Uint8Array(readFileSync(first)));
      files["tables/reports.jsonl"] = strToU8("{}\n");
      const damaged = join(work, "damaged.zip");
      writeFileSync(damaged, zipSync(files));
      const broken = cli(["restore", damaged], "", { DATA_DIR: mkdtempSync(join(tmpdir(), "lr-restore-")) });
      expect(broken.status).toBe(1);
      expect(broken.stderr).toContain("does not match its checksum");
    } finally {
      if (admin && url) {
        await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
        await admin.end();
      }
      rmSync(source, { recursive: true, force: true });
      rmSync(work, { recursive: true, force: true });
    }
  });
});
