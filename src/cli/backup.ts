import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { loadConfig } from "#src/config.ts";
import { BackupError, backup, restore } from "#src/db/backup.ts";
import { openDatabase } from "#src/db/client.ts";
import { migrate } from "#src/db/migrate.ts";
import { CliError } from "#src/cli/errors.ts";
import { progressBar } from "#src/cli/progress.ts";

/** `living-report backup --out FILE`: every table and file in one archive, with a manifest and checksums. */
export async function backupCommand(options: { out: string }) {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await migrate(database);
    const archive = await backup(database.db, database.engine, progressBar("Backing up"));
    // Written beside the target and renamed, so a failure never leaves half an archive under its name.
    writeFileSync(`${options.out}.partial`, archive);
    renameSync(`${options.out}.partial`, options.out);
    console.log(`Wrote ${options.out} (${Math.round(archive.length / 1024)} KB) from ${database.engine}.`);
  } finally {
    await database.close();
  }
}

/** `living-report restore FILE`: loads a backup into an empty database (PGlite or PostgreSQL), all or nothing. */
export async function restoreCommand(file: string) {
  let archive: Buffer;
  try {
    archive = readFileSync(file);
  } catch {
    throw new CliError(`Cannot read ${file}.`);
  }
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await migrate(database);
    const { tables, rows } = await restore(database.db, archive, progressBar("Restoring"));
    console.log(`Restored ${rows} rows in ${tables} tables into ${database.engine}.`);
  } catch (e) {
    if (e instanceof BackupError) throw new CliError(e.message);
    throw e;
  } finally {
    await database.close();
  }
}
