import cookie from "@fastify/cookie";
import Fastify, { type FastifyInstance } from "fastify";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { serverWithStoredPages, StoredPages } from "#src/web/stored-pages.ts";

// What a route offers is kept only once its onSend hooks have run: @fastify/cookie writes
// Set-Cookie there, after the route has read its headers, and a page that sets one is not for everyone.

let app: FastifyInstance | undefined;
afterEach(async () => app?.close());

async function serve(setsCookie: boolean) {
  const stored = new StoredPages(2 ** 20);
  app = Fastify({ serverFactory: serverWithStoredPages(stored) });
  await app.register(cookie);
  app.get("/page", { onSend: stored.keepSent }, async (request, reply) => {
    if (setsCookie) reply.setCookie("lr_lang", "fr");
    reply.type("text/html; charset=utf-8");
    const body = Buffer.from("<p>page</p>");
    stored.offer(reply, "/page", { headers: reply.getHeaders() as Record<string, string>, etag: undefined, body, compressed: {} }, stored.generation);
    return reply.send(body);
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const get = async () => (await fetch(`http://127.0.0.1:${(app!.server.address() as AddressInfo).port}/page`)).headers.get("set-cookie");
  return { stored, get };
}

describe("stored pages", () => {
  it("keeps a page the route sent without a cookie", async () => {
    const { stored, get } = await serve(false);
    await get();
    expect(stored.usage().entries).toBe(1);
    await get();
    expect(stored.takeSummary().ok).toBe(1);
  });

  it("never keeps a page whose reply sets a cookie", async () => {
    const { stored, get } = await serve(true);
    expect(await get()).toContain("lr_lang=fr");
    expect(await get()).toContain("lr_lang=fr");
    expect(stored.usage().entries).toBe(0);
    expect(stored.takeSummary().ok).toBe(0);
  });

  it("leaves every request to Fastify once closing", async () => {
    const { stored, get } = await serve(false);
    await get();
    stored.close();
    await get();
    expect(stored.takeSummary().ok).toBe(0);
  });
});
