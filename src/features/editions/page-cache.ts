import type { EditionRow } from "#src/features/editions/repository.ts";
import { byteCache, jsonBytes, type ByteCache } from "#src/lib/memory-cache.ts";

// Published pages served from memory. Keys include the edition's status, so a withdrawal (new
// pages) is picked up as soon as the short-lived edition lookup sees the new status, on every
// instance, without any message between them. Both caches are bounded by bytes, least recently
// read out first; each app has its own.

const RESOLVE_TTL_MS = 5_000;
const MiB = 2 ** 20;

export type EditionCacheLimits = { pageBytes: number; lookupBytes: number };
const LIMITS: EditionCacheLimits = { pageBytes: 32 * MiB, lookupBytes: 4 * MiB };

/** Edition lookups (for a few seconds) and published pages (as bytes), within a memory budget. */
export class EditionCache {
  // Pages are kept as bytes: encoding an 8 KB string on every request cost a fifth of the throughput.
  private pages: ByteCache<{ body: Buffer; etag: string }>;

  // Lookups of anything a URL names, found or not (`found: undefined`), so unknown names are cheap too.
  private lookups: ByteCache<{ found: unknown }>;

  constructor(limits: Partial<EditionCacheLimits> = {}) {
    const { pageBytes, lookupBytes } = { ...LIMITS, ...limits };
    this.pages = byteCache<{ body: Buffer; etag: string }>({ maxBytes: pageBytes, sizeOf: (page) => page.body.length + page.etag.length * 2 });
    this.lookups = byteCache<{ found: unknown }>({ maxBytes: lookupBytes, ttlMs: RESOLVE_TTL_MS, sizeOf: (entry) => jsonBytes(entry) });
  }

  /** Any lookup (a report by slug, an edition by label or "current"), cached for a few seconds. */
  async lookup<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.lookups.get(key);
    if (hit) return hit.found as T;
    const found = await load();
    this.lookups.set(key, { found });
    return found;
  }

  async page(edition: EditionRow, lang: string, path: string, load: () => Promise<{ html: string; etag: string } | undefined>) {
    const key = `${edition.id}/${edition.status}/${lang}/${path}`;
    const hit = this.pages.get(key);
    if (hit) return hit;
    const loaded = await load();
    if (!loaded) return undefined;
    const page = { body: Buffer.from(loaded.html), etag: loaded.etag };
    this.pages.set(key, page);
    return page;
  }

  /** An HTML fragment that never changes for its key (two published editions compared), kept with the pages. */
  async fragment(key: string, load: () => Promise<string>): Promise<string> {
    const hit = this.pages.get(`fragment/${key}`);
    if (hit) return hit.body.toString();
    const html = await load();
    this.pages.set(`fragment/${key}`, { body: Buffer.from(html), etag: "" });
    return html;
  }

  /** Forgets lookups, e.g. right after this instance published or withdrew an edition. */
  forgetLookups() {
    this.lookups.clear();
  }

  /** Forgets everything (the app is closing). */
  clear() {
    this.lookups.clear();
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
