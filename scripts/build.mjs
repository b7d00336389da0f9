// `npm run build`: the server bundle (dist/cli.mjs, the worker threads' dist/worker.mjs and the
// chunks they share) and the browser's rich editor (dist/assets); `node scripts/build.mjs client`
// builds the editor alone. The server bundle is split: each CLI command, and the server itself, is
// a chunk loaded when it runs, so `living-report --help` does not load the whole application.
// Packages stay external (`import` from node_modules). dist/.built is written last:
// scripts/build-if-stale.mjs compares the sources with it.
//
// Chunks of earlier builds stay for a week: a server started before a rebuild still loads its
// commands and heavy parts (spreadsheets, Word, the site export) from them when first used, and a
// deleted chunk would fail that request, perhaps hours later. Restart servers after an upgrade.
import { readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { build } from "esbuild";

const ROOT = join(import.meta.dirname, "..");
const DIST = join(ROOT, "dist");
const STAMP = join(DIST, ".built");

async function buildServer() {
  const { metafile } = await build({
    absWorkingDir: ROOT,
    entryPoints: { cli: "src/cli/main.ts", worker: "src/worker.ts" },
    bundle: true,
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    outdir: "dist",
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunk-[hash]",
    metafile: true,
    logLevel: "warning",
  });
  const written = new Set(Object.keys(metafile.outputs).map((file) => basename(file)));
  const weekAgo = Date.now() - 7 * 24 * 3600 * 1000;
  for (const file of readdirSync(DIST)) {
    if (file.startsWith("chunk-") && !written.has(file) && statSync(join(DIST, file)).mtimeMs < weekAgo) rmSync(join(DIST, file));
  }
}

const buildClient = () =>
  build({
    absWorkingDir: ROOT,
    entryPoints: { "rich-editor": "src/client/editor/main.ts" },
    bundle: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    minify: true,
    sourcemap: "linked",
    outdir: "dist/assets",
    logLevel: "warning",
  });

if (process.argv[2] === "client") {
  await buildClient();
} else {
  await Promise.all([buildServer(), buildClient()]);
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}
