import { createServer, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from "node:http";
import type { FastifyReply, FastifyServerFactory, onSendHookHandler } from "fastify";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { preferredEncoding } from "#src/web/assets.ts";
import { byteCache, type ByteCache } from "#src/lib/memory-cache.ts";

// Published pages (and frozen figures) answered from memory before Fastify routes the request.
// Under load, Fastify's routing, hooks and reply, and its two log lines, held a page that was
// already in memory to a third of what a bare node:http server sends (bench/published-page.mjs,
// where the rest of the time goes: the socket writes). A stored page is the same for every visitor, so
// the route that serves it (the source of truth) hands its bytes and headers here, and the next
// GET or HEAD of that address (the route's own spelling of it, any query) is answered by the
// node:http handler in front of Fastify. Everything else, any address not held, and every request
// once the app is closing (Fastify answers 503) go to Fastify as before.

type Encoding = "br" | "gzip";

/** What the route sent for an address: its headers (security headers included) and its bytes, plain and compressed. */
export type StoredPage = {
  headers: Record<string, string>;
  /** Compared with If-None-Match for a 304, as the route does; none for a figure. */
  etag: string | undefined;
  body: Buffer;
  compressed: Partial<Record<Encoding, Buffer>>;
};

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
/** Above this, gzip's best level takes long enough to prefer a faster one. */
const BEST_UP_TO = 128 * 1024;
/**
 * Brotli's quality for pages. The demo's chapter page (18 KB): 4.3 KB in 0.4 ms at 6, 3.7 KB in
 * 17 ms at 11, whose large native buffers, allocated on libuv's threads by many pages at once,
 * left the process at 1.5 GB RSS under load. Levels 7 to 9 are slower for the same size.
 */
const PAGE_BROTLI_QUALITY = 6;

/** A page's bytes compressed once, on libuv's threads (never the event loop), to be kept with them. */
export async function compressedVariants(body: Buffer): Promise<StoredPage["compressed"]> {
  const [br, gz] = await Promise.all([
    brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: PAGE_BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    gzipped(body, { level: body.length <= BEST_UP_TO ? 9 : 6 }),
  ]);
  return { br, gzip: gz };
}

/** A page ready to write: each response's headers built once. */
type Held = {
  etag: string | undefined;
  variants: Record<"plain" | Encoding, { headers: Record<string, string>; body: Buffer } | undefined>;
  notModified: Record<string, string>;
};

/** Counts of what the fast path answered since the last summary, by status. */
export type StoredPagesSummary = { ok: number; notModified: number; bytes: number };

/** The headers of a 304: the route's, without what describes a body. */
const withoutBody = (headers: Record<string, string>) => {
  const { "content-type": _type, "content-length": _length, "content-encoding": _encoding, ...rest } = headers;
  return rest;
};

export class StoredPages {
  private held: ByteCache<Held>;
  private counts: StoredPagesSummary = { ok: 0, notModified: 0, bytes: 0 };
  /** Moves on with every `forget`: a page read before it is not kept after it. */
  private epoch = 0;
  /** What each reply offered to keep, until its onSend hooks have run (see `keepSent`). */
  private offered = new WeakMap<FastifyReply, { path: string; page: StoredPage; generation: number }>();
  /** Set when the app starts closing: Fastify then answers 503 on connections still open. */
  private closing = false;

  constructor(maxBytes: number) {
    this.held = byteCache<Held>({
      maxBytes,
      sizeOf: (page) => (page.variants.plain?.body.length ?? 0) + (page.variants.br?.body.length ?? 0) + (page.variants.gzip?.body.length ?? 0) + 2048,
    });
  }

  /** What a route reads before it looks anything up, and hands back to `keep`. */
  get generation(): number {
    return this.epoch;
  }

  /**
   * What a route is sending for `path` (its headers as they stand before the body is encoded),
   * kept by `keepSent`, the route's onSend hook, unless something changed since `generation` was read.
   */
  offer(reply: FastifyReply, path: string, page: StoredPage, generation: number): void {
    this.offered.set(reply, { path, page, generation });
  }

  /**
   * The onSend hook of the routes that `offer` pages. Route hooks run after the app's, so
   * @fastify/cookie has written Set-Cookie by then: a reply that sets a cookie is that visitor's, never kept.
   */
  readonly keepSent: onSendHookHandler = (_request, reply, payload, done) => {
    const offered = this.offered.get(reply);
    if (offered && !reply.hasHeader("set-cookie")) this.keep(offered.path, offered.page, offered.generation);
    done(null, payload);
  };

  /** Keeps a page that sets no cookie for `path`, unless something changed since `generation` was read. */
  keep(path: string, page: StoredPage, generation: number): void {
    if (generation !== this.epoch) return;
    const variant = (body: Buffer | undefined, encoding?: Encoding) =>
      body && { body, headers: { ...page.headers, ...(encoding ? { "content-encoding": encoding } : {}), "content-length": String(body.length) } };
    this.held.set(path, {
      etag: page.etag,
      variants: { plain: variant(page.body), br: variant(page.compressed.br, "br"), gzip: variant(page.compressed.gzip, "gzip") },
      notModified: withoutBody(page.headers),
    });
  }

  /** Forgets every page (an edition was published, withdrawn or changed, here or on another instance). */
  forget(): void {
    this.epoch++;
    this.held.clear();
  }

  /**
   * Answers a GET or HEAD of an address it holds, as the route would (200 in the encoding the
   * client prefers, or 304 for the same etag); false when Fastify must answer.
   */
  answer(request: IncomingMessage, response: ServerResponse): boolean {
    if (this.closing || (request.method !== "GET" && request.method !== "HEAD")) return false;
    const url = request.url ?? "";
    const query = url.indexOf("?");
    const page = this.held.get(query === -1 ? url : url.slice(0, query));
    if (!page) return false;
    if (page.etag && request.headers["if-none-match"] === page.etag) {
      response.writeHead(304, page.notModified).end();
      this.counts.notModified++;
      return true;
    }
    const accepted = request.headers["accept-encoding"];
    const encoding = accepted ? preferredEncoding(accepted) : undefined;
    const variant = (encoding && page.variants[encoding]) || page.variants.plain!;
    response.writeHead(200, variant.headers);
    if (request.method === "HEAD") response.end();
    else response.end(variant.body);
    this.counts.ok++;
    this.counts.bytes += variant.body.length;
    return true;
  }

  /** From now on every request goes to Fastify (the app is closing; it answers 503). */
  close(): void {
    this.closing = true;
  }

  /** What was answered since the last call (for a summary line in the log), and starts counting again. */
  takeSummary(): StoredPagesSummary {
    const counts = this.counts;
    this.counts = { ok: 0, notModified: 0, bytes: 0 };
    return counts;
  }

  usage() {
    return { entries: this.held.size, bytes: this.held.calculatedSize };
  }
}

/**
 * Fastify's serverFactory: the node:http server Fastify would make (same timeouts), with the
 * stored pages answered before Fastify's handler.
 */
export function serverWithStoredPages(stored: StoredPages): FastifyServerFactory {
  return (handler, options) => {
    const server: Server = createServer((options.http ?? {}) as ServerOptions, (request, response) => {
      if (!stored.answer(request, response)) handler(request, response);
    });
    server.keepAliveTimeout = options.keepAliveTimeout as number;
    server.requestTimeout = options.requestTimeout as number;
    server.setTimeout(options.connectionTimeout as number);
    if ((options.maxRequestsPerSocket as number) > 0) server.maxRequestsPerSocket = options.maxRequestsPerSocket as number;
    return server;
  };
}

declare module "fastify" {
  interface FastifyInstance {
    /** Pages the edition routes sent, answered again from memory before Fastify routes (see above). */
    storedPages: StoredPages;
  }
}
