import type { EditionRow } from "#src/features/editions/repository.ts";
import { byteCache, jsonBytes, type ByteCache } from "#src/lib/memory-cache.ts";
import { compressedVariants, type StoredPage } from "#src/web/stored-pages.ts";

// Published pages and frozen figures served from memory, as bytes with their brotli and gzip
// forms. Keys include the edition's status, so a withdrawal (new pages) never meets the old ones.
// Lookups (a report by slug, an edition by label) are kept until an edition or the catalog
// changes: public-routes.ts calls `forgetLookups` on those topics, announced by every instance after its
// write commits (db/changes.ts). Both caches are bounded by bytes, least recently read out
// first; each app has its own.

const MiB = 2 ** 20;

export type EditionCacheLimits = { pageBytes: number; lookupBytes: number };
const LIMITS: EditionCacheLimits = { pageBytes: 32 * MiB, lookupBytes: 4 * MiB };

/** A page or figure as it is sent: its bytes, plain and compressed, and its etag (pages only). */
export type CachedBody = Pick<StoredPage, "body" | "compressed" | "etag">;

/** Edition lookups and published pages (as bytes), within a memory budget. */
export class EditionCache {
  // Pages are kept as bytes: encoding an 8 KB string on every request cost a fifth of the throughput.
  private pages: ByteCache<CachedBody>;

  // Pages being loaded and compressed: readers of the same page wait for one load and one
  // compression instead of each running their own on libuv's threads.
  private loading = new Map<string, Promise<CachedBody | undefined>>();

  // Lookups of anything a URL names, found or not (`found: undefined`), so unknown names are cheap too.
  private lookups: ByteCache<{ found: unknown }>;

  /** Moves on with every `forgetLookups`: a lookup that started before it is not kept. */
  private epoch = 0;

  constructor(limits: Partial<EditionCacheLimits> = {}) {
    const { pageBytes, lookupBytes } = { ...LIMITS, ...limits };
    this.pages = byteCache<CachedBody>({ maxBytes: pageBytes, sizeOf: (page) => page.body.length + (page.compressed.br?.length ?? 0) + (page.compressed.gzip?.length ?? 0) });
    this.lookups = byteCache<{ found: unknown }>({ maxBytes: lookupBytes, sizeOf: (entry) => jsonBytes(entry) });
  }

  /** Any lookup (a report by slug, an edition by label or "current"), kept until the next `forgetLookups`. */
  async lookup<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.lookups.get(key);
    if (hit) return hit.found as T;
    const epoch = this.epoch;
    const found = await load();
    if (epoch === this.epoch) this.lookups.set(key, { found });
    return found;
  }

  /** A published page, with its compressed forms (prepared once, off the event loop). */
  page(edition: EditionRow, lang: string, path: string, load: () => Promise<{ html: string; etag: string } | undefined>) {
    return this.kept(`${edition.id}/${edition.status}/${lang}/${path}`, async () => {
      const loaded = await load();
      return loaded && { body: Buffer.from(loaded.html), etag: loaded.etag };
    });
  }

  /** A published edition's frozen figure (SVG or CSV), which never changes for its key either. */
  figure(edition: EditionRow, lang: string, file: string, load: () => Promise<string | undefined>) {
    return this.kept(`figure/${edition.id}/${edition.status}/${lang}/${file}`, async () => {
      const text = await load();
      return text === undefined ? undefined : { body: Buffer.from(text), etag: undefined };
    });
  }

  private async kept(key: string, load: () => Promise<{ body: Buffer; etag: string | undefined } | undefined>): Promise<CachedBody | undefined> {
    const hit = this.pages.get(key);
    if (hit) return hit;
    const running = this.loading.get(key);
    if (running) return running;
    const loading = this.loadAndCompress(key, load).finally(() => this.loading.delete(key));
    this.loading.set(key, loading);
    return loading;
  }

  private async loadAndCompress(key: string, load: () => Promise<{ body: Buffer; etag: string | undefined } | undefined>): Promise<CachedBody | undefined> {
    const loaded = await load();
    if (!loaded) return undefined;
    const page = { ...loaded, compressed: await compressedVariants(loaded.body) };
    this.pages.set(key, page);
    return page;
  }

  /** An HTML fragment that never changes for its key (two published editions compared), kept with the pages. */
  async fragment(key: string, load: () => Promise<string>): Promise<string> {
    const hit = this.pages.get(`fragment/${key}`);
    if (hit) return hit.body.toString();
    const html = await load();
    this.pages.set(`fragment/${key}`, { body: Buffer.from(html), etag: undefined, compressed: {} });
    return html;
  }

  /** Forgets lookups: an edition or the catalog changed, on this instance or another. */
  forgetLookups() {
    this.epoch++;
    this.lookups.clear();
  }

  /** Forgets everything (the app is closing). */
  clear() {
    this.forgetLookups();
    this.pages.clear();
  }

  /** What is held now: entries and bytes of each cache. */
  usage() {
    return {
      pages: { entries: this.pages.size, bytes: this.pages.calculatedSize },
      lookups: { entries: this.lookups.size, bytes: this.lookups.calculatedSize },
    };
  }
}
