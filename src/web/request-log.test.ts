import { Writable } from "node:stream";
import Fastify from "fastify";
import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it, vi } from "vitest";
import { maskedLogger, RequestLog, summarizeStoredPages } from "#src/web/request-log.ts";
import { StoredPages } from "#src/web/stored-pages.ts";

// One compact line per request (not Fastify's two), and a failed request logged at any level.

async function logOf(level: string, urls: string[]) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const app = Fastify({ logger: maskedLogger({ level, stream }), logController: new RequestLog() });
  app.get("/ok", async () => "fine");
  app.get("/broken", async () => {
    throw new Error("the disk is full");
  });
  for (const url of urls) await app.inject({ url });
  await app.close();
  return lines;
}

describe("request log", () => {
  it("writes one line per request: method, address, status, milliseconds, request id", async () => {
    const lines = await logOf("info", ["/ok?x=1", "/invitation/secret-token", "/ok"]);
    const requests = lines.filter((l) => l.msg === "request");
    expect(requests).toHaveLength(3);
    expect(requests[0]).toMatchObject({ level: 30, method: "GET", url: "/ok?x=1", status: 200, reqId: expect.any(String) as unknown });
    expect(requests[0]!.ms).toEqual(expect.any(Number));
    expect(requests[1]).toMatchObject({ url: "/invitation/…", status: 404 });
    expect(lines.filter((l) => l.msg === "incoming request" || l.msg === "request completed")).toEqual([]);
  });

  it("logs a failed request at error level, even when the level leaves out the others", async () => {
    const lines = await logOf("warn", ["/ok", "/broken", "/ok"]);
    const failed = lines.filter((l) => l.msg === "request failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ level: 50, method: "GET", url: "/broken", status: 500 });
    expect(lines.filter((l) => l.msg === "request")).toEqual([]);
  });

  it("counts the pages answered from memory in one line a minute, and says nothing when there were none", () => {
    vi.useFakeTimers();
    try {
      const stored = new StoredPages(2 ** 20);
      stored.keep("/p", { headers: { etag: '"e"' }, etag: '"e"', body: Buffer.from("page"), compressed: {} }, stored.generation);
      const response = { writeHead: () => response, end: () => response } as unknown as ServerResponse;
      const ask = (headers: Record<string, string>) => stored.answer({ method: "GET", url: "/p?x", headers } as IncomingMessage, response);
      expect([ask({}), ask({}), ask({ "if-none-match": '"e"' })]).toEqual([true, true, true]);
      const info = vi.fn();
      const stop = summarizeStoredPages({ info } as never, stored, 60_000);
      vi.advanceTimersByTime(60_000);
      vi.advanceTimersByTime(60_000);
      stop();
      expect(info).toHaveBeenCalledTimes(1);
      expect(info).toHaveBeenCalledWith({ storedPages: { ok: 2, notModified: 1, bytes: 8, seconds: 60 } }, "stored pages answered from memory");
    } finally {
      vi.useRealTimers();
    }
  });
});
