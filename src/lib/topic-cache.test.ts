import { describe, expect, it } from "vitest";
import { Generations, TopicCache } from "#src/lib/topic-cache.ts";

// A value is kept until one of its topics moves, measured by the caller's `sizeOf` when given; one
// taking more than a quarter of the budget is handed out but never kept.

function counted<V>(value: V) {
  const load = Object.assign(async () => (load.calls++, value), { calls: 0 });
  return load;
}

describe("TopicCache", () => {
  it("keeps a value until one of its topics changes", async () => {
    const generations = new Generations<"a" | "b">();
    const cache = new TopicCache(generations, 10_000);
    const load = counted({ n: 1 });
    expect(await cache.get("k", ["a", "b"], load)).toEqual({ n: 1 });
    expect(await cache.get("k", ["a", "b"], load)).toEqual({ n: 1 });
    expect(load.calls).toBe(1);
    generations.bump("b");
    await cache.get("k", ["a", "b"], load);
    expect(load.calls).toBe(2);
  });

  it("measures a value with the caller's sizeOf instead of serialising it", async () => {
    const cache = new TopicCache(new Generations(), 10_000);
    const measured: unknown[] = [];
    let serialised = 0;
    const value = { toJSON: () => (serialised++, "x") };
    await cache.get("k", [], async () => value, (v) => (measured.push(v), 1_000));
    expect(measured).toEqual([value]);
    expect(serialised).toBe(0);
    expect(cache.usage()).toEqual({ entries: 1, bytes: 1_000 + "k".length * 2 });
  });

  it("hands out a value larger than a quarter of the budget without keeping it, nor a stale one under its key", async () => {
    const generations = new Generations<"a">();
    const cache = new TopicCache(generations, 10_000);
    await cache.get("k", ["a"], async () => "small");
    expect(cache.usage().entries).toBe(1);
    generations.bump("a");
    const large = counted("large");
    expect(await cache.get("k", ["a"], large, () => 2_600)).toBe("large");
    expect(await cache.get("k", ["a"], large, () => 2_600)).toBe("large");
    expect(large.calls).toBe(2);
    expect(cache.usage()).toEqual({ entries: 0, bytes: 0 });
    expect(await cache.get("k", ["a"], large, () => 2_400)).toBe("large");
    expect(cache.usage().entries).toBe(1);
  });
});
