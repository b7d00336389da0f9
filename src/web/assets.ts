import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import fastifyStatic from "@fastify/static";
import { z } from "zod";
import { PROJECT_ROOT } from "#src/lib/paths.ts";

export const ASSETS_DIR = join(PROJECT_ROOT, "src", "web", "assets");
/** What `npm run build:client` bundles for the browser (the rich editor). */
export const BUILT_ASSETS_DIR = join(PROJECT_ROOT, "dist", "assets");

// A content hash per file, computed once: pages link to /assets/<file>?v=<hash>, so a new
// release gets new URLs and the old ones can be cached for a year.
const files = new Map<string, { dir: string; version: string }>();
for (const dir of [BUILT_ASSETS_DIR, ASSETS_DIR].filter((d) => existsSync(d))) {
  for (const file of readdirSync(dir)) files.set(file, { dir, version: createHash("sha256").update(readFileSync(join(dir, file))).digest("hex").slice(0, 12) });
}

/** The cache-busting URL of a shipped file (src/web/assets, or built into dist/assets). */
export function assetUrl(file: string): string {
  const found = files.get(file);
  if (!found) throw new Error(`Unknown asset ${file}`);
  return `/assets/${file}?v=${found.version}`;
}

/** Whether a built file is there: sources run without `npm run build` have no browser bundle. */
export const hasAsset = (file: string) => files.has(file);

const AssetParams = z.object({ file: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9]+)+$/) });

/** Serves the shipped CSS, scripts and images; public to everyone. */
export async function registerAssets(app: FastifyInstance) {
  await app.register(fastifyStatic, { root: [ASSETS_DIR, BUILT_ASSETS_DIR], serve: false });
  app.get("/assets/:file", { config: { policy: "public" } }, (request, reply) => {
    const params = AssetParams.safeParse(request.params);
    const found = params.success ? files.get(params.data.file) : undefined;
    if (!params.success || !found) return reply.callNotFound();
    const immutable = (request.query as { v?: string }).v === found.version;
    return reply.sendFile(params.data.file, found.dir, { immutable, maxAge: immutable ? 365 * 24 * 3600 * 1000 : 0, cacheControl: true });
  });
}
