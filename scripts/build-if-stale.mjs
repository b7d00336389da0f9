// `npm start`'s prestart: rebuilds dist/ (scripts/build.mjs) only when a source is newer than the
// last build, so starting an up-to-date checkout costs a walk over file dates, not a bundle.
// A build is stale when dist/.built is missing or older than any file under src/, package.json,
// package-lock.json or the build script itself.
import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const STAMP = join(ROOT, "dist", ".built");

/** The latest modification time under a folder (files only), in ms. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

const mtime = (file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const sources = Math.max(newest(join(ROOT, "src")), ...["package.json", "package-lock.json", "scripts/build.mjs"].map((f) => mtime(join(ROOT, f))));
const built = mtime(STAMP);
if (built < sources) {
  console.error(built === 0 ? "dist/ was never built: building." : "A source is newer than dist/: rebuilding.");
  execFileSync(process.execPath, [join(ROOT, "scripts", "build.mjs")], { stdio: "inherit" });
}
