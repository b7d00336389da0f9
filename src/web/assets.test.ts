import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ASSETS_DIR, assetUrl, preferredEncoding, registerAssets } from "#src/web/assets.ts";

describe("the encoding a client accepts", () => {
  it("prefers brotli, then gzip, and honours q=0", () => {
    expect(preferredEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(preferredEncoding("gzip;q=1.0, br;q=0")).toBe("gzip");
    expect(preferredEncoding("GZIP")).toBe("gzip");
    expect(preferredEncoding("br;q=0, gzip;q=0")).toBeUndefined();
    expect(preferredEncoding("identity")).toBeUndefined();
    expect(preferredEncoding(undefined)).toBeUndefined();
  });
});

describe("shipped files", () => {
  const app = Fastify();
  beforeAll(async () => {
    await registerAssets(app);
    await app.ready();
  });
  afterAll(() => app.close());
  const css = readFileSync(join(ASSETS_DIR, "app.css"));

  it("sends text compressed to a client that accepts it, the same bytes once decoded, cached for a year", async () => {
    for (const [encoding, decode] of [["br", brotliDecompressSync], ["gzip", gunzipSync]] as const) {
      const reply = await app.inject({ url: assetUrl("app.css"), headers: { "accept-encoding": encoding } });
      expect(reply.statusCode).toBe(200);
      expect(reply.headers["content-encoding"]).toBe(encoding);
      expect(reply.headers["content-type"]).toBe("text/css; charset=utf-8");
      expect(reply.headers.vary).toContain("accept-encoding");
      expect(reply.headers["cache-control"]).toContain("immutable");
      expect(reply.rawPayload.length).toBeLessThan(css.length / 3);
      expect(decode(reply.rawPayload).equals(css)).toBe(true);
      const again = await app.inject({ url: assetUrl("app.css"), headers: { "accept-encoding": encoding, "if-none-match": String(reply.headers.etag) } });
      expect(again.statusCode).toBe(304);
    }
  });

  it("sends text as it is to a client that accepts no encoding, and fonts as they are", async () => {
    const plain = await app.inject({ url: assetUrl("app.css") });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.rawPayload.equals(css)).toBe(true);
    const font = await app.inject({ url: assetUrl("source-serif-4-400.woff2"), headers: { "accept-encoding": "br, gzip" } });
    expect(font.statusCode).toBe(200);
    expect(font.headers["content-encoding"]).toBeUndefined();
    expect(font.headers["content-type"]).toBe("font/woff2");
  });
});
