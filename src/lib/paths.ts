import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

// The project's root, found from this file whether it runs from src/ (tsx, tests) or from the
// bundle in dist/: the nearest folder above with this project's package.json.
function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "living-report") return dir;
    if (dirname(dir) === dir) throw new Error(`No living-report package.json above ${start}`);
  }
}

export const PROJECT_ROOT = findRoot(import.meta.dirname);
