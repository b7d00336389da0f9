// `npm run build`: the server bundle (dist/cli.mjs, the worker threads' dist/worker.mjs and the
// chunks they share) and the browser's rich editor (dist/assets); `node scripts/build.mjs client`
// builds the editor alone. The server bundle is split: each CLI command, and the server itself, is
// a chunk loaded when it runs, so `living-report --help` does not load the whole application.
// Packages stay external (`import` from node_modules). Chunks of earlier builds are removed, and
// dist/.built is written last: scripts/build-if-stale.mjs compares the sources with it.
import { readdirSync, rmSync, writeFileSync } from "node:fs";
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
  for (const file of readdirSync(DIST)) if (file.startsWith("chunk-") && !written.has(file)) rmSync(join(DIST, file));
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
