import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { EditionCache } from "#src/features/editions/page-cache.ts";
import type { EditionRow } from "#src/features/editions/repository.ts";

const edition = (n: number) => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`, status: "published" }) as EditionRow;
const MiB = 2 ** 20;

describe("EditionCache", () => {
  it("keeps published pages within its byte budget, however many editions are read", async () => {
    const cache = new EditionCache({ pageBytes: 4 * MiB });
    let loads = 0;
    // 40 editions × 3 languages × 10 pages of 100 KB: 120 MB of pages read, 4 MB may stay.
    for (let e = 0; e < 40; e++) {
      for (const lang of ["en", "fr", "es"]) {
        for (let p = 0; p < 10; p++) {
          const page = await cache.page(edition(e), lang, `chapter-${p}`, async () => (loads++, { html: `<p>${"x".repeat(100_000)}</p>`, etag: `"${e}-${lang}-${p}"` }));
          expect(page!.body.length).toBeGreaterThan(100_000);
        }
        expect(cache.usage().pages.bytes).toBeLessThanOrEqual(4 * MiB);
      }
    }
    expect(loads).toBe(1_200);
    expect(cache.usage().pages.entries).toBeGreaterThan(20);
    expect(cache.usage().pages.entries).toBeLessThan(42);
    // The most recent page is served from memory; the first one was let go and is loaded again.
    await cache.page(edition(39), "es", "chapter-9", async () => (loads++, { html: "again", etag: '"x"' }));
    expect(loads).toBe(1_200);
    await cache.page(edition(0), "en", "chapter-0", async () => (loads++, { html: "again", etag: '"x"' }));
    expect(loads).toBe(1_201);
  });

  it("bounds lookups of names that do not exist (any URL can name one) by bytes too", async () => {
    const cache = new EditionCache({ lookupBytes: 256 * 1024 });
    for (let i = 0; i < 20_000; i++) await cache.lookup(`edition/report/${"label".repeat(8)}-${i}`, async () => undefined);
    expect(cache.usage().lookups.bytes).toBeLessThanOrEqual(256 * 1024);
    expect(cache.usage().lookups.entries).toBeLessThan(20_000);
    // A name that was found is answered from memory while it is fresh.
    let loads = 0;
    const row = { id: "r", slug: "report" };
    expect(await cache.lookup("report/report", async () => (loads++, row))).toBe(row);
    expect(await cache.lookup("report/report", async () => (loads++, row))).toBe(row);
    expect(loads).toBe(1);
    cache.forgetLookups();
    expect(cache.usage().lookups.entries).toBe(0);
  });

  it("keeps lookups until forgotten, and not one that was loading when they were", async () => {
    const cache = new EditionCache();
    let loads = 0;
    const load = async () => (loads++, { id: "e", status: "published" });
    await cache.lookup("edition/r/2022", load);
    await cache.lookup("edition/r/2022", load);
    expect(loads).toBe(1);
    // An edition changes while a lookup is reading the old row: that row is not kept.
    let finish = (_: unknown) => {};
    const slow = cache.lookup("edition/r/2023", () => new Promise((resolve) => (finish = resolve)));
    cache.forgetLookups();
    finish({ id: "old row" });
    expect(await slow).toEqual({ id: "old row" });
    expect(await cache.lookup("edition/r/2023", async () => (loads++, { id: "new row" }))).toEqual({ id: "new row" });
    expect(loads).toBe(2);
  });

  it("loads and compresses a page once for readers that all miss it at the same time", async () => {
    const cache = new EditionCache();
    let loads = 0;
    let finish = (_: { html: string; etag: string }) => {};
    const load = () => (loads++, new Promise<{ html: string; etag: string }>((resolve) => (finish = resolve)));
    const readers = Array.from({ length: 20 }, () => cache.page(edition(1), "en", "chapter", load));
    finish({ html: "<p>chapter</p>", etag: '"c"' });
    const pages = await Promise.all(readers);
    expect(loads).toBe(1);
    expect(new Set(pages).size).toBe(1);
    expect(pages[0]!.compressed.br).toBeDefined();
    // A load that fails is not waited on by the next reader: it loads again.
    const failing = cache.page(edition(2), "en", "", async () => Promise.reject(new Error("the database went away")));
    await expect(failing).rejects.toThrow("the database went away");
    expect((await cache.page(edition(2), "en", "", async () => ({ html: "<p>back</p>", etag: '"b"' })))!.body.toString()).toBe("<p>back</p>");
  });

  it("keeps a page's brotli and gzip forms, decoding to its bytes", async () => {
    const cache = new EditionCache();
    const html = `<main>${"<p>The same paragraph, again and again.</p>".repeat(500)}</main>`;
    const page = (await cache.page(edition(1), "en", "", async () => ({ html, etag: '"e"' })))!;
    expect(page.compressed.br!.length).toBeLessThan(html.length / 20);
    expect(brotliDecompressSync(page.compressed.br!).toString()).toBe(html);
    expect(gunzipSync(page.compressed.gzip!).toString()).toBe(html);
  });
});
