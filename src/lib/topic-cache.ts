import { byteCache, jsonBytes, type ByteCache } from "#src/lib/memory-cache.ts";

/**
 * How many times each topic has changed since the process started. A value computed while a
 * topic stood at generation n is stale once the topic has moved past n; `on` runs code at each change.
 */
export class Generations<T extends string = string> {
  private counts = new Map<T, number>();
  private listeners = new Map<T, Set<() => void>>();

  of(topic: T): number {
    return this.counts.get(topic) ?? 0;
  }

  bump(topic: T): void {
    this.counts.set(topic, this.of(topic) + 1);
    for (const listener of this.listeners.get(topic) ?? []) listener();
  }

  /** Calls `listener` after each change of `topic`; returns what stops it. */
  on(topic: T, listener: () => void): () => void {
    const set = this.listeners.get(topic) ?? new Set();
    set.add(listener);
    this.listeners.set(topic, set);
    return () => void set.delete(listener);
  }
}

type Entry = { value: unknown; stamp: string; bytes: number };

/** The share of the budget one value may take: a larger one is handed out but not kept, lest it push out everything else. */
const LARGEST_SHARE = 1 / 4;

/** A value's size when its caller gives no cheaper measure: a string's characters, else its JSON text. */
const defaultSize = (value: unknown) => (typeof value === "string" ? value.length * 2 : jsonBytes(value));

/**
 * Values kept until one of the topics they were computed from changes (bounded by bytes, least
 * recently read out first). The topics' generations are read before the value is computed, so a
 * change that commits while it is being computed makes it stale at once. Callers asking for the
 * same key at the same generations wait for one computation instead of each running their own.
 */
export class TopicCache<T extends string = string> {
  private values: ByteCache<Entry>;
  private inFlight = new Map<string, Promise<unknown>>();
  private largest: number;

  constructor(
    private generations: Generations<T>,
    maxBytes: number,
  ) {
    this.values = byteCache<Entry>({ maxBytes, sizeOf: (entry) => entry.bytes });
    this.largest = maxBytes * LARGEST_SHARE;
  }

  /**
   * The value kept for `key` while `topics` stand where they stood when it was loaded, else what
   * `load` gives. `sizeOf` measures it for the budget; without it, its JSON text is (a full
   * serialisation: give a cheaper measure for large values).
   */
  async get<V>(key: string, topics: readonly T[], load: () => Promise<V>, sizeOf: (value: V) => number = defaultSize): Promise<V> {
    const stamp = topics.map((topic) => `${topic}:${this.generations.of(topic)}`).join(",");
    const hit = this.values.get(key);
    if (hit && hit.stamp === stamp) return hit.value as V;
    const flightKey = `${stamp}|${key}`;
    const running = this.inFlight.get(flightKey);
    if (running) return running as Promise<V>;
    const loading = load().then(
      (value) => {
        this.inFlight.delete(flightKey);
        if (value !== undefined && value !== null) {
          const bytes = sizeOf(value);
          if (bytes <= this.largest) this.values.set(key, { value, stamp, bytes });
          else this.values.delete(key);
        }
        return value;
      },
      (err: unknown) => {
        this.inFlight.delete(flightKey);
        throw err;
      },
    );
    this.inFlight.set(flightKey, loading);
    return loading;
  }

  clear(): void {
    this.values.clear();
  }

  usage() {
    return { entries: this.values.size, bytes: this.values.calculatedSize };
  }
}
