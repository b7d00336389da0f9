import { LRUCache } from "lru-cache";

// In-memory caches are bounded by the bytes they hold, never by a count of entries: a count says
// nothing when one entry is a 2 KB lookup and another a 1 MB page. Each app builds its own.

export type ByteCache<V extends NonNullable<unknown>> = LRUCache<string, V>;

/**
 * A least-recently-used cache holding at most `maxBytes`, as `sizeOf` measures each entry; an
 * entry larger than the whole budget is not kept. With `ttlMs`, entries expire after that long.
 */
export function byteCache<V extends NonNullable<unknown>>(options: { maxBytes: number; sizeOf: (value: V, key: string) => number; ttlMs?: number }): ByteCache<V> {
  return new LRUCache<string, V>({
    maxSize: options.maxBytes,
    sizeCalculation: (value, key) => Math.max(1, Math.ceil(options.sizeOf(value, key) + key.length * 2)),
    ...(options.ttlMs ? { ttl: options.ttlMs } : {}),
  });
}

/**
 * The size of a plain value as JSON text (two bytes per character, as V8 may store strings): a
 * floor for what its objects take on the heap, good enough to keep a budget proportionate.
 */
export function jsonBytes(value: unknown): number {
  try {
    return 2 * (JSON.stringify(value)?.length ?? 0);
  } catch {
    return 1024;
  }
}
