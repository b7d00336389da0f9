import { describe, expect, it } from "vitest";
import { ERROR_STATUS } from "#src/lib/errors.ts";
import { useTestApp } from "#test/helpers/app.ts";

// Errors raised by Fastify and its plugins before any route runs are the client's: each becomes a
// catalogued 4xx (never a 500), as JSON for API clients and as a page for browsers.

const env = useTestApp();

const multipart = (parts: string[]) => `${parts.map((p) => `--b\r\n${p}\r\n`).join("")}--b--\r\n`;

describe("client errors raised by plugins", () => {
  const cases: [string, { url?: string; headers: Record<string, string>; payload: string | Buffer }, number, string][] = [
    ["a multipart field declared as JSON that is not JSON", { headers: { "content-type": "multipart/form-data; boundary=b" }, payload: multipart(['Content-Disposition: form-data; name="email"\r\nContent-Type: application/json\r\n\r\n{not json']) }, 400, "BAD_REQUEST"],
    ["a multipart field named __proto__", { headers: { "content-type": "multipart/form-data; boundary=b" }, payload: multipart(['Content-Disposition: form-data; name="__proto__"\r\n\r\nx']) }, 400, "BAD_REQUEST"],
    ["a multipart body cut short", { headers: { "content-type": "multipart/form-data; boundary=b" }, payload: '--b\r\nContent-Disposition: form-data; name="email"\r\n\r\nx' }, 400, "BAD_REQUEST"],
    ["malformed JSON", { headers: { "content-type": "application/json" }, payload: "{not json" }, 400, "BAD_REQUEST"],
    ["an empty JSON body", { headers: { "content-type": "application/json" }, payload: "" }, 400, "BAD_REQUEST"],
    ["a body over the limit", { headers: { "content-type": "application/json" }, payload: JSON.stringify({ email: "x".repeat(1024 * 1024 + 10) }) }, 413, "PAYLOAD_TOO_LARGE"],
    ["a media type nothing parses", { headers: { "content-type": "application/xml" }, payload: "<a/>" }, 415, "UNSUPPORTED_MEDIA_TYPE"],
    ["a path that is not valid percent-encoding", { url: "/case-studies/%E0%A4%A", headers: {}, payload: "" }, 400, "BAD_REQUEST"],
  ];

  for (const [what, req, status, code] of cases) {
    it(`answers ${what} with ${status} ${code}, as JSON and as a page`, async () => {
      const method = req.url ? "GET" : "POST";
      const url = req.url ?? "/sign-in";
      const payload = method === "GET" ? {} : { payload: req.payload };
      const json = await env.app.inject({ method, url, headers: { ...req.headers, accept: "application/json" }, ...payload });
      expect(json.statusCode).toBe(status);
      expect((JSON.parse(json.body) as { error: { code: string } }).error.code).toBe(code);
      expect(ERROR_STATUS[code as keyof typeof ERROR_STATUS]).toBe(status);
      const page = await env.app.inject({ method, url, headers: { ...req.headers, accept: "text/html" }, ...payload });
      expect(page.statusCode).toBe(status);
      // A URL refused before any hook ran has no language or page context yet: it is answered in JSON.
      expect(page.headers["content-type"]).toMatch(req.url ? /^application\/json/ : /^text\/html/);
    });
  }
});
