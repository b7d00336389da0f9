import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
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

/** The shipped files sent as text, and so compressed: stylesheets, scripts, their maps, icons. */
const TEXT_TYPES: Record<string, string | undefined> = {
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  map: "application/json; charset=utf-8",
  svg: "image/svg+xml",
};

type Encoding = "br" | "gzip";

/** The encoding a client accepts, brotli first; none when it names neither (or refuses both with q=0). */
export function preferredEncoding(header: string | string[] | undefined): Encoding | undefined {
  const accepted = new Set<string>();
  for (const part of String(header ?? "").toLowerCase().split(",")) {
    const [name, ...params] = part.split(";").map((p) => p.trim());
    const q = params.find((p) => p.startsWith("q="));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
  }
  return accepted.has("br") ? "br" : accepted.has("gzip") ? "gzip" : undefined;
}

const compress = { br: promisify(brotliCompress), gzip: promisify(gzip) };
const compressed = new Map<string, Promise<Buffer>>();

/** A shipped text file compressed at the best level, once per file and encoding (on libuv's threads). */
function compressedAsset(file: string, dir: string, encoding: Encoding): Promise<Buffer> {
  const key = `${encoding}:${file}`;
  let found = compressed.get(key);
  if (!found) {
    const bytes = readFileSync(join(dir, file));
    found = encoding === "br" ? compress.br(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }) : compress.gzip(bytes, { level: 9 });
    compressed.set(key, found);
  }
  return found;
}

const AssetParams = z.object({ file: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9]+)+$/) });

/** Serves the shipped CSS, scripts and images; public to everyone. */
export async function registerAssets(app: FastifyInstance) {
  await app.register(fastifyStatic, { root: [ASSETS_DIR, BUILT_ASSETS_DIR], serve: false });
  app.get("/assets/:file", { config: { policy: "public" } }, async (request, reply) => {
    const params = AssetParams.safeParse(request.params);
    const found = params.success ? files.get(params.data.file) : undefined;
    if (!params.success || !found) return reply.callNotFound();
    const immutable = (request.query as { v?: string }).v === found.version;
    const type = TEXT_TYPES[params.data.file.slice(params.data.file.lastIndexOf(".") + 1)];
    const encoding = type && preferredEncoding(request.headers["accept-encoding"]);
    if (!type || !encoding) return reply.sendFile(params.data.file, found.dir, { immutable, maxAge: immutable ? 365 * 24 * 3600 * 1000 : 0, cacheControl: true });
    // Text goes out compressed, each file compressed once (off the event loop) and kept.
    const etag = `"${found.version}-${encoding}"`;
    reply
      .header("vary", "accept-encoding")
      .header("etag", etag)
      .header("cache-control", immutable ? "public, max-age=31536000, immutable" : "public, max-age=0");
    if (request.headers["if-none-match"] === etag) return reply.code(304).send();
    return reply.type(type).header("content-encoding", encoding).send(await compressedAsset(params.data.file, found.dir, encoding));
  });
}
