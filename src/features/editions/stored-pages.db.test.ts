import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { loadDemoIfEmpty } from "#src/demo/load.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { getReportBySlug } from "#src/features/catalog/repository.ts";
import { getEditionByLabel } from "#src/features/editions/repository.ts";
import { publishEdition } from "#src/features/editions/service.ts";
import { testApp, useTestApp } from "#test/helpers/app.ts";

// Published pages and figures answered from memory in front of Fastify (web/stored-pages.ts),
// over a real socket (inject() does not go through the server): the same status, headers and
// bytes as the route that filled them, 304s, HEAD, compressed forms, and nothing kept once the
// edition changes.

const env = useTestApp();
let base: string;

beforeAll(async () => {
  await loadDemoIfEmpty(env.database.db, "http://localhost");
  await env.app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(env.app.server.address() as AddressInfo).port}`;
});

type Answer = { status: number; headers: IncomingHttpHeaders; body: Buffer };

/** A raw request: no decompression, no headers but the ones given. */
const send = (path: string, headers: Record<string, string> = {}, method = "GET") =>
  new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });

/** What the route answers (nothing held), then what the stored pages answer for the same request. */
async function routeThenStored(path: string, headers: Record<string, string> = {}, method = "GET") {
  env.app.storedPages.forget();
  env.app.storedPages.takeSummary();
  const route = await send(path, headers, method);
  const stored = await send(path, headers, method);
  const answered = env.app.storedPages.takeSummary();
  expect(answered.ok + answered.notModified).toBe(1);
  return { route, stored };
}

const withoutDate = ({ date: _date, ...headers }: IncomingHttpHeaders) => headers;

const PAGE = "/reports/disruptive-technologies/2022/en/blockchain";

describe("stored pages", () => {
  it("answers a page with the route's status, headers and bytes, for anyone", async () => {
    const { route, stored } = await routeThenStored(PAGE);
    expect(route.status).toBe(200);
    expect(route.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(route.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(route.headers.vary).toBe("accept-encoding");
    expect(route.headers["content-encoding"]).toBeUndefined();
    expect(withoutDate(stored.headers)).toEqual(withoutDate(route.headers));
    expect(stored.status).toBe(200);
    expect(stored.body.equals(route.body)).toBe(true);
    // Another visitor (a session cookie, another language), another query: the same page.
    const other = await send(`${PAGE}?from=mail`, { cookie: "lr_session=whatever; lr_lang=fr", "accept-language": "es" });
    expect(other.body.equals(route.body)).toBe(true);
  });

  it("sends brotli or gzip to clients that accept it, decoding to the same page", async () => {
    const plain = (await send(PAGE)).body;
    for (const [accept, encoding, decode] of [
      ["gzip, deflate, br", "br", brotliDecompressSync],
      ["gzip", "gzip", gunzipSync],
    ] as const) {
      const { route, stored } = await routeThenStored(PAGE, { "accept-encoding": accept });
      expect(route.headers["content-encoding"]).toBe(encoding);
      expect(route.body.length).toBeLessThan(plain.length / 2);
      expect(decode(route.body).equals(plain)).toBe(true);
      expect(withoutDate(stored.headers)).toEqual(withoutDate(route.headers));
      expect(stored.body.equals(route.body)).toBe(true);
    }
  });

  it("answers 304 to the page's etag and HEAD without a body, as the route does", async () => {
    const etag = String((await send(PAGE)).headers.etag);
    const conditional = await routeThenStored(PAGE, { "if-none-match": etag });
    expect(conditional.route.status).toBe(304);
    expect(conditional.stored.status).toBe(304);
    expect(conditional.stored.body.length).toBe(0);
    expect(withoutDate(conditional.stored.headers)).toEqual(withoutDate(conditional.route.headers));
    const head = await routeThenStored(PAGE, { "accept-encoding": "br" }, "HEAD");
    expect(head.route.status).toBe(200);
    expect(head.stored.body.length).toBe(0);
    expect(withoutDate(head.stored.headers)).toEqual(withoutDate(head.route.headers));
  });

  it("keeps a frozen figure, compressed, with its own headers", async () => {
    const html = (await send("/reports/disruptive-technologies/2022/en/")).body.toString() + (await send(PAGE)).body.toString();
    const figure = /\/reports\/disruptive-technologies\/2022\/en\/figures\/[a-z0-9.-]+\.svg/.exec(html)?.[0];
    expect(figure).toBeDefined();
    const { route, stored } = await routeThenStored(figure!, { "accept-encoding": "br" });
    expect(route.status).toBe(200);
    expect(route.headers["content-type"]).toBe("image/svg+xml");
    expect(route.headers["content-security-policy"]).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(brotliDecompressSync(route.body).toString()).toContain("<svg");
    expect(withoutDate(stored.headers)).toEqual(withoutDate(route.headers));
    expect(stored.body.equals(route.body)).toBe(true);
  });

  it("leaves other requests to Fastify", async () => {
    await send(PAGE);
    env.app.storedPages.takeSummary();
    const posted = await send(PAGE, {}, "POST");
    expect(posted.status).toBe(403); // no CSRF token: Fastify's hooks answered
    expect((await send("/healthz")).status).toBe(200);
    expect((await send("/reports/disruptive-technologies/2022/en/no-such-chapter")).status).toBe(404);
    expect(env.app.storedPages.takeSummary()).toEqual({ ok: 0, notModified: 0, bytes: 0 });
  });

  it("keeps one copy of a page however its address is spelled", async () => {
    const page = (await send(PAGE)).body;
    env.app.storedPages.forget();
    for (const variant of [PAGE.replace("disruptive-", "disruptive%2D"), `${PAGE}/`, `${PAGE}/?from=mail`]) {
      expect((await send(variant)).body.equals(page)).toBe(true);
    }
    expect(env.app.storedPages.usage().entries).toBe(1);
    env.app.storedPages.takeSummary();
    expect((await send(PAGE)).body.equals(page)).toBe(true);
    expect(env.app.storedPages.takeSummary().ok).toBe(1);
  });

  it("steps aside while the app closes: Fastify answers 503 on a connection still open", async () => {
    const app = await testApp(env.database);
    let release = () => {};
    const started = new Promise<void>((entered) => {
      app.get("/test/slow", { config: { policy: "public" } }, async () => {
        entered();
        await new Promise<void>((resolve) => (release = resolve));
        return "done";
      });
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const socket = connect((app.server.address() as AddressInfo).port, "127.0.0.1");
    let received = "";
    socket.on("data", (chunk: Buffer) => (received += chunk.toString("latin1")));
    const get = (path: string) => socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    const answered = (count: number) => vi.waitFor(() => expect(received.split("HTTP/1.1 ").length - 1).toBe(count));
    get(PAGE);
    await answered(1);
    get(PAGE);
    await answered(2);
    expect(app.storedPages.takeSummary().ok).toBe(1);
    // A request in flight keeps the connection open while the app closes; the next one on it is refused.
    get("/test/slow");
    await started;
    const closed = app.close();
    await vi.waitFor(() => expect(app.server.listening).toBe(false));
    get(PAGE);
    release();
    await answered(4);
    await closed;
    socket.destroy();
    expect(received.split("HTTP/1.1 ").slice(1).map((answer) => answer.slice(0, 3))).toEqual(["200", "200", "200", "503"]);
    expect(app.storedPages.takeSummary().ok).toBe(0);
  });

  it("never answers a page of an edition once it is withdrawn", async () => {
    const before = await send(PAGE);
    expect((await send(PAGE)).body.equals(before.body)).toBe(true);
    const report = (await getReportBySlug(env.database.db, "disruptive-technologies"))!;
    const edition = (await getEditionByLabel(env.database.db, report.id, "2022"))!;
    await publishEdition(env.database.db, SYSTEM_ACTOR, edition.id, { to: "withdrawn", publicUrl: "http://localhost", reason: "Withdrawn for a corrected count." });
    const after = await send(PAGE);
    expect(after.status).toBe(200);
    expect(after.body.toString()).toContain("Withdrawn for a corrected count.");
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect((await send(PAGE, { "if-none-match": String(before.headers.etag) })).status).toBe(200);
  });
});
