import { describe, expect, it } from "vitest";
import { byteCache, jsonBytes } from "#src/lib/memory-cache.ts";

describe("byteCache", () => {
  it("stays within its byte budget however much is put in, dropping the least recently used", () => {
    const cache = byteCache<Buffer>({ maxBytes: 100_000, sizeOf: (b) => b.length });
    for (let i = 0; i < 1_000; i++) {
      cache.set(`k${i}`, Buffer.alloc(3_000 + (i % 7) * 1_000));
      if (i === 10) cache.get("k0");
      expect(cache.calculatedSize).toBeLessThanOrEqual(100_000);
    }
    // 1,000 entries of 3–9 KB went in (about 6 MB); what stayed fits the budget and is the newest.
    expect(cache.size).toBeGreaterThan(5);
    expect(cache.size).toBeLessThan(40);
    expect(cache.has("k999")).toBe(true);
    expect(cache.has("k0")).toBe(false);
  });

  it("keeps no entry larger than the whole budget", () => {
    const cache = byteCache<Buffer>({ maxBytes: 10_000, sizeOf: (b) => b.length });
    cache.set("small", Buffer.alloc(1_000));
    cache.set("huge", Buffer.alloc(50_000));
    expect(cache.has("huge")).toBe(false);
    expect(cache.has("small")).toBe(true);
  });

  it("counts long keys, so that many tiny entries under attacker-chosen keys are bounded too", () => {
    const cache = byteCache<{ found: unknown }>({ maxBytes: 50_000, sizeOf: jsonBytes });
    for (let i = 0; i < 10_000; i++) cache.set(`edition/${"x".repeat(200)}/${i}`, { found: undefined });
    expect(cache.calculatedSize).toBeLessThanOrEqual(50_000);
    expect(cache.size).toBeLessThan(200);
  });

  it("forgets entries after their time to live", async () => {
    const cache = byteCache<{ v: number }>({ maxBytes: 10_000, sizeOf: jsonBytes, ttlMs: 500 });
    cache.set("a", { v: 1 });
    expect(cache.get("a")).toEqual({ v: 1 });
    await new Promise((r) => setTimeout(r, 1000));
    expect(cache.get("a")).toBeUndefined();
  });

  it("measures values by their JSON text", () => {
    expect(jsonBytes({ a: "x".repeat(1000) })).toBeGreaterThan(2000);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(jsonBytes(cyclic)).toBeGreaterThan(0);
  });
});
