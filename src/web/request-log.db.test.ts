import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "#src/app.ts";
import { loadConfig } from "#src/config.ts";
import type { Database } from "#src/db/client.ts";
import { maskOneTimeLinks } from "#src/web/request-log.ts";
import { openTestDatabase } from "#test/helpers/db.ts";

// The secret of a one-time link never reaches the server's log: not in the request line, not in an
// error's message or stack, not in a message that quotes the address.

const lines: string[] = [];
let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  database = await openTestDatabase();
  const config = loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), "lr-log-")), SESSION_SECRET: "test-secret-that-is-long-enough-for-hmac-0123456789", DEMO: "false" });
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  app = await buildApp({ config, database, logger: { level: "info", stream } });
});

afterAll(async () => {
  await app.close();
  await database.close();
});

const secret = () => randomBytes(32).toString("base64url");

describe("one-time links in the log", () => {
  it("masks the token of every one-time link path, in request lines and in errors", async () => {
    const tokens = [secret(), secret(), `${secret()}.${secret()}`, `${secret()}.${secret()}`, secret(), secret()];
    const [invitation, reset, unsubscribe, confirm, posted, failed] = tokens as [string, string, string, string, string, string];
    for (const url of [`/invitation/${invitation}`, `/password/reset/${reset}?x=1`, `/unsubscribe/${unsubscribe}`, `/subscriptions/confirm/${confirm}`]) {
      await app.inject({ method: "GET", url, headers: { accept: "text/html" } });
    }
    // A form posted without its CSRF token is refused: the refusal is logged too.
    const refused = await app.inject({ method: "POST", url: `/invitation/${posted}`, headers: { accept: "text/html", "content-type": "application/x-www-form-urlencoded" }, payload: "password=x" });
    expect(refused.statusCode).toBe(403);
    app.log.error(new Error(`could not answer /password/reset/${failed}`), `failed on /password/reset/${failed}`);

    const log = lines.join("\n");
    for (const token of tokens) for (const part of token.split(".")) expect(log).not.toContain(part);
    for (const path of ["/invitation/…", "/password/reset/…?x=1", "/unsubscribe/…", "/subscriptions/confirm/…"]) expect(log).toContain(`"url":"${path}"`);
    // One line per request, with its status.
    expect(lines.filter((l) => l.includes('"msg":"request"')).length).toBe(5);
    expect(log).toMatch(/"method":"POST","url":"\/invitation\/…","status":403,"ms":[\d.]+,"msg":"request"/);
    expect(log).toContain("failed on /password/reset/…");
  });

  it("leaves other paths and texts alone", () => {
    expect(maskOneTimeLinks('{"url":"/reports/r1/sections/s2"}')).toBe('{"url":"/reports/r1/sections/s2"}');
    expect(maskOneTimeLinks('{"url":"/invitation/abc-DEF_1"}')).toBe('{"url":"/invitation/…"}');
    expect(maskOneTimeLinks("see https://x.example/unsubscribe/p.q and /password/forgot")).toBe("see https://x.example/unsubscribe/… and /password/forgot");
  });
});
