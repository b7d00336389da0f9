import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, test } from "vitest";

// The schema in src/db/schema and the migrations in drizzle/ must agree: a change to one without
// the other would migrate a database to a shape the code does not expect. drizzle-kit generates
// into a copy of drizzle/; it must find nothing to migrate and leave the copy as it was.

const root = resolve(import.meta.dirname, "../..");
let scratch: string | undefined;
afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

async function filesOf(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  return new Map(await Promise.all(names.map(async (e) => [join(e.parentPath, e.name).slice(dir.length), await readFile(join(e.parentPath, e.name), "utf8")] as const)));
}

test("drizzle-kit generate finds no change between the schema and the committed migrations", async () => {
  scratch = await mkdtemp(join(tmpdir(), "lr-migrations-"));
  await cp(join(root, "drizzle"), join(scratch, "drizzle"), { recursive: true });
  // drizzle-kit takes the output folder relative to its working directory.
  const { stdout } = await promisify(execFile)(
    join(root, "node_modules/.bin/drizzle-kit"),
    ["generate", "--dialect", "postgresql", "--schema", join(root, "src/db/schema"), "--out", "drizzle"],
    { cwd: scratch, timeout: 60_000 },
  );
  expect(stdout).toContain("No schema changes");
  expect(await filesOf(join(scratch, "drizzle"))).toEqual(await filesOf(join(root, "drizzle")));
}, 60_000);
