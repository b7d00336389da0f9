import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import fastifyStatic from "@fastify/static";
import { z } from "zod";
import { PROJECT_ROOT } from "#src/lib/paths.ts";

export const ASSETS_DIR = join(PROJECT_ROOT, "src", "web", "assets");

// A content hash per file, computed once: pages link to /assets/<file>?v=<hash>, so a new
// release gets new URLs and the old ones can be cached for a year.
const versions = new Map<string, string>(
  readdirSync(ASSETS_DIR).map((file) => [file, createHash("sha256").update(readFileSync(join(ASSETS_DIR, file))).digest("hex").slice(0, 12)]),
);

/** The cache-busting URL of a file in src/web/assets. */
export function assetUrl(file: string): string {
  const version = versions.get(file);
  if (!version) throw new Error(`Unknown asset ${file}`);
  return `/assets/${file}?v=${version}`;
}

const AssetParams = z.object({ file: z.string().regex(/^[a-z0-9-]+\.[a-z0-9]+$/) });

/** Serves the shipped CSS, scripts and images; public to everyone. */
export async function registerAssets(app: FastifyInstance) {
  await app.register(fastifyStatic, { root: ASSETS_DIR, serve: false });
  app.get("/assets/:file", { config: { policy: "public" } }, (request, reply) => {
    const params = AssetParams.safeParse(request.params);
    if (!params.success || !versions.has(params.data.file)) return reply.callNotFound();
    const immutable = (request.query as { v?: string }).v === versions.get(params.data.file);
    return reply.sendFile(params.data.file, { immutable, maxAge: immutable ? 365 * 24 * 3600 * 1000 : 0, cacheControl: true });
  });
}
