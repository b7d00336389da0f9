import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { queryRows, transaction, type Db, type Engine } from "#src/db/client.ts";

// One archive of everything: every table of the public schema as JSON lines (files included, as
// bytea in hex), a manifest with row counts, the migration level and a SHA-256 per file. Restore
// loads it into an empty, migrated database on either engine, in foreign-key order, and checks
// every checksum before writing anything. This is also how a PGlite installation moves to
// PostgreSQL. Transient tables are left out: the rate-limit counters (db/rate-limits.ts) last a
// quarter of an hour, hold clients' IP addresses, and count from zero in a new database anyway.

export const BACKUP_FORMAT = "living-report/backup/1";

export type Manifest = {
  format: string;
  createdAt: string;
  engine: Engine;
  /** The number of migrations applied; a backup restores only into the same level. */
  migrations: number;
  tables: { name: string; rows: number; file: string; sha256: string }[];
};

export type Progress = (done: number, total: number, what: string) => void;

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Tables of the public schema, parents before children (by foreign keys). */
async function tablesInOrder(db: Db): Promise<string[]> {
  const tables = (await queryRows<{ name: string }>(db, sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`)).map((r) => r.name);
  const edges = await queryRows<{ child: string; parent: string }>(
    db,
    sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent from pg_constraint c join pg_namespace n on n.oid = c.connamespace where c.contype = 'f' and n.nspname = 'public'`,
  );
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const e of edges) if (e.child.replace(/"/g, "") === table && e.parent.replace(/"/g, "") !== table) visit(e.parent.replace(/"/g, ""));
    visiting.delete(table);
    ordered.push(table);
  };
  for (const t of tables) visit(t);
  return ordered;
}

async function migrationCount(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return row?.n ?? 0;
}

const BATCH = 500;

/** Tables neither backed up nor restored (an archive made before they were left out may hold them: skipped). */
const TRANSIENT: ReadonlySet<string> = new Set(["rate_limits"]);

/** The whole database as one zip archive. */
export async function backup(db: Db, engine: Engine, onProgress: Progress = () => {}): Promise<Buffer> {
  return transaction(db, async (tx) => {
    // One consistent view of every table, even while the server keeps writing.
    if (engine === "postgres") await tx.execute(sql`set transaction isolation level repeatable read, read only`);
    const tables = (await tablesInOrder(tx)).filter((t) => !TRANSIENT.has(t));
    const files: Record<string, Uint8Array> = {};
    const manifest: Manifest = { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), engine, migrations: await migrationCount(tx), tables: [] };
    for (const [i, name] of tables.entries()) {
      const lines: string[] = [];
      const keyOrder = sql.raw(`order by 1`);
      for (let offset = 0; ; offset += BATCH) {
        const rows = await queryRows<{ row: unknown }>(tx, sql`select to_jsonb(t) as row from ${sql.raw(quote(name))} t ${keyOrder} limit ${BATCH} offset ${offset}`);
        for (const r of rows) lines.push(JSON.stringify(typeof r.row === "string" ? JSON.parse(r.row) : r.row));
        if (rows.length < BATCH) break;
      }
      const file = `tables/${name}.jsonl`;
      files[file] = strToU8(lines.length ? `${lines.join("\n")}\n` : "");
      manifest.tables.push({ name, rows: lines.length, file, sha256: sha256(files[file]) });
      onProgress(i + 1, tables.length, name);
    }
    files["manifest.json"] = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);
    return Buffer.from(zipSync(files, { level: 6 }));
  });
}

export class BackupError extends Error {}

/** Reads and checks an archive: its manifest, then every file against its checksum. */
export function readBackup(archive: Uint8Array): { manifest: Manifest; files: Record<string, Uint8Array> } {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(archive);
  } catch {
    throw new BackupError("This file is not a backup archive (it is not a zip file).");
  }
  const raw = files["manifest.json"];
  if (!raw) throw new BackupError("This archive has no manifest.json: it is not a backup of this platform.");
  const manifest = JSON.parse(strFromU8(raw)) as Manifest;
  if (manifest.format !== BACKUP_FORMAT) throw new BackupError(`Unknown backup format "${String(manifest.format)}"; expected "${BACKUP_FORMAT}".`);
  for (const t of manifest.tables) {
    const data = files[t.file];
    if (!data) throw new BackupError(`The archive lacks ${t.file}.`);
    if (sha256(data) !== t.sha256) throw new BackupError(`${t.file} does not match its checksum: the archive is damaged.`);
  }
  return { manifest, files };
}

/** Loads a checked archive into an empty database at the same migration level, all or nothing. */
export async function restore(db: Db, archive: Uint8Array, onProgress: Progress = () => {}): Promise<{ tables: number; rows: number }> {
  const { manifest, files } = readBackup(archive);
  return transaction(db, async (tx) => {
    const level = await migrationCount(tx);
    if (level !== manifest.migrations) throw new BackupError(`The backup was made at migration level ${manifest.migrations}; this database is at ${level}. Restore it with the same version of the platform.`);
    const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(tx, sql`select ((select count(*) from users) + (select count(*) from organizations) + (select count(*) from reports))::int as n`);
    if (n > 0) throw new BackupError("This database is not empty; restore into a new, empty database.");
    const loaded = manifest.tables.filter((t) => !TRANSIENT.has(t.name));
    const present = new Set(await tablesInOrder(tx));
    const unknown = loaded.filter((t) => !present.has(t.name)).map((t) => t.name);
    if (unknown.length) throw new BackupError(`This database has no table ${unknown.join(", ")}.`);
    // Rows the migrations seeded (regions) make way for the backup's own.
    for (const { name } of [...loaded].reverse()) await tx.execute(sql.raw(`delete from ${quote(name)}`));
    let rows = 0;
    for (const [i, table] of loaded.entries()) {
      const lines = strFromU8(files[table.file]!).split("\n").filter(Boolean);
      for (let start = 0; start < lines.length; start += BATCH) {
        const batch = `[${lines.slice(start, start + BATCH).join(",")}]`;
        await tx.execute(sql`insert into ${sql.raw(quote(table.name))} overriding system value select * from jsonb_populate_recordset(null::${sql.raw(quote(table.name))}, ${batch}::jsonb)`);
      }
      rows += lines.length;
      // Identity columns continue after the highest restored value.
      const identities = await queryRows<{ column: string }>(tx, sql`select column_name as column from information_schema.columns where table_schema = 'public' and table_name = ${table.name} and is_identity = 'YES'`);
      for (const { column } of identities) {
        await tx.execute(sql.raw(`select setval(pg_get_serial_sequence('${quote(table.name)}', '${column}'), coalesce((select max(${quote(column)}) from ${quote(table.name)}), 0) + 1, false)`));
      }
      onProgress(i + 1, loaded.length, table.name);
    }
    return { tables: loaded.length, rows };
  });
}
