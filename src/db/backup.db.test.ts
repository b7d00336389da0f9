import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backup, restore, type Manifest } from "#src/db/backup.ts";
import { queryRows, type Database } from "#src/db/client.ts";
import { takeHit } from "#src/db/rate-limits.ts";
import { openTestDatabase } from "#test/helpers/db.ts";
import { buildUser } from "#test/helpers/factories.ts";

let source: Database;
let archive: Buffer;
beforeAll(async () => {
  source = await openTestDatabase();
  await buildUser(source.db, { email: "kept@example.org" });
  await takeHit(source.db, "sign-in/client/192.0.2.1", { window: 60_000, max: 40 });
  archive = await backup(source.db, source.engine);
});
afterAll(() => source.close());

const manifestOf = (zip: Uint8Array) => JSON.parse(strFromU8(unzipSync(zip)["manifest.json"]!)) as Manifest;
const emails = async (database: Database) => (await queryRows<{ email: string }>(database.db, sql`select email from users order by email`)).map((r) => r.email);
const counters = async (database: Database) => (await queryRows<{ key: string }>(database.db, sql`select key from rate_limits`)).map((r) => r.key);

/** Restores `zip` into a new, empty database and answers what it holds afterwards. */
async function restoredFrom(zip: Uint8Array) {
  const target = await openTestDatabase();
  try {
    const outcome = await restore(target.db, zip);
    return { outcome, emails: await emails(target), counters: await counters(target) };
  } finally {
    await target.close();
  }
}

describe("backups leave the rate-limit counters out", () => {
  it("backs up every table but rate_limits, and restores that archive with no counters", async () => {
    const manifest = manifestOf(archive);
    expect(manifest.tables.map((t) => t.name)).toContain("users");
    expect(manifest.tables.map((t) => t.name)).not.toContain("rate_limits");
    expect(Object.keys(unzipSync(archive))).not.toContain("tables/rate_limits.jsonl");
    expect(await counters(source)).toEqual(["sign-in/client/192.0.2.1"]);
    const restored = await restoredFrom(archive);
    expect(restored.emails).toEqual(await emails(source));
    expect(restored.emails).toContain("kept@example.org");
    expect(restored.counters).toEqual([]);
    expect(restored.outcome.tables).toBe(manifest.tables.length);
  });

  it("restores an archive made while counters were still backed up, skipping them", async () => {
    // The same archive as an earlier version wrote it: with the counters' table and its rows.
    const files = unzipSync(archive);
    const manifest = manifestOf(archive);
    const file = "tables/rate_limits.jsonl";
    files[file] = strToU8(`${JSON.stringify({ key: "sign-in/client/198.51.100.7", hits: 3, resets_at: new Date(Date.now() + 600_000).toISOString() })}\n`);
    manifest.tables.push({ name: "rate_limits", rows: 1, file, sha256: createHash("sha256").update(files[file]).digest("hex") });
    files["manifest.json"] = strToU8(JSON.stringify(manifest));
    const restored = await restoredFrom(zipSync(files));
    expect(restored.emails).toEqual(await emails(source));
    expect(restored.counters).toEqual([]);
    expect(restored.outcome.tables).toBe(manifest.tables.length - 1);
  });
});
