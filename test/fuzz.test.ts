import fc from "fast-check";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Database } from "#src/db/client.ts";
import { ERROR_STATUS } from "#src/lib/errors.ts";
import { demoAdmin, testApp } from "#test/helpers/app.ts";
import { openTestDatabase, tableFingerprint } from "#test/helpers/db.ts";

// Property-based bad input over every route that takes input: random and malformed bodies, wrong
// types, huge strings, broken UTF-8, characters text may not hold (NUL, lone surrogates, controls,
// noncharacters) in query strings, forms, JSON and multipart, and wrong content types, sent by a
// signed-in administrator with a valid CSRF token (so that validation, not CSRF, answers). Never a
// 5xx; every error JSON carries a code from the catalogue (an answer that is not JSON fails); a
// request carrying such characters is refused; and a route whose requests were all refused leaves
// every table exactly as it was. FUZZ_RUNS sets the number of requests per route (default 20).

const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
// Sign-out ends the session the walk uses; it is covered by its own tests.
const SKIP = new Set(["POST /sign-out"]);
// Touched by every request (session refresh) or by design on refusal (sign-in attempts, jobs; the
// tries counted against the rate limits).
const VOLATILE = new Set(["sessions", "audit_events", "rate_limits"]);

let database: Database;
let app: FastifyInstance;
let cookie = "";
let csrf = "";
let bearer = "";
const ids = new Map<string, string[]>();

const TABLE_OF: [RegExp, string][] = [
  [/^\/admin\/organizations\//, "organizations"],
  [/^\/admin\/users\//, "users"],
  [/^\/account\/tokens\//, "api_tokens"],
  [/^\/editor\/chapters\//, "chapters"],
  [/^\/editor\/sections\//, "sections"],
  [/^\/editor\/technologies\//, "technologies"],
  [/^\/editor\/editions\//, "editions"],
  [/^\/(member|editor)\/case-studies\//, "case_studies"],
  [/^\/(member|editor)\/surveys\//, "surveys"],
  [/^\/editor\/events\//, "events"],
  [/^\/editor\/outcomes\//, "outcomes"],
  [/^\/editor\/recommendations\//, "recommendations"],
  [/^\/editor\/review-comments\//, "review_comments"],
  [/^\/(editor\/)?reviews\//, "review_rounds"],
  [/^\/api\/v1\/reviews\//, "review_rounds"],
  [/^\/proposals\//, "topic_proposals"],
];

const realId = (url: string, pick: number) => {
  const table = TABLE_OF.find(([re]) => re.test(url))?.[1];
  const pool = (table && ids.get(table)) || [];
  return pool.length && pick % 3 !== 0 ? pool[pick % pool.length]! : "00000000-0000-4000-8000-000000000000";
};

const fill = (url: string, pick: number) =>
  url
    .replace(/:id|:round/g, realId(url, pick))
    .replace(/:report/g, pick % 4 === 0 ? "no-such-report" : "disruptive-technologies")
    .replace(/:lang/g, ["en", "fr", "es", "xx"][pick % 4]!)
    .replace(/:file/g, "00000000-0000-4000-8000-000000000000");

const fingerprint = () => tableFingerprint(database.db, VOLATILE);

const FIELD_NAMES = ["title", "name", "body", "heading", "email", "slug", "status", "kind", "label", "summary", "text", "organizationId", "role", "password", "direction", "lang", "q", "date", "editionDate", "from", "to", "reason", "sectionId", "parentId", "quote", "disposition", "definition", "technologies", "regionCode", "country", "startsOn", "endsOn", "targetId"];

// Characters no text may hold, and their percent-encoded forms (URLSearchParams would turn a lone
// surrogate into U+FFFD, so the escapes are spliced in raw).
const INVALID = ["\u0000", "\ud800", "\udfff", "\uffff", "\ufffe", "\ufdd0", "\u{10ffff}", "\u0007", "\u001b", "\u000b"];
const INVALID_ESCAPES = ["%00", "%ED%A0%80", "%ED%BF%BF", "%EF%BF%BF", "%EF%B7%90", "%07", "%1B", "%FF", "%C3%28"];
const invalidText = fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...INVALID), fc.string({ maxLength: 8 })).map(([a, x, b]) => a + x + b);
const invalidEscape = fc.tuple(fc.constantFrom("a", "", "x y"), fc.constantFrom(...INVALID_ESCAPES)).map(([a, x]) => encodeURIComponent(a) + x);

const value = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.constantFrom("", " ", "0", "-1", "1e309", "NaN", "null", "true", "[]", "{}", "2026-02-30", "9999-99-99", "00000000-0000-4000-8000-000000000000", "draft", "published", "admin", "up", "<script>alert(1)</script>", "\u0000", "\ud800", "../../etc/passwd", "javascript:alert(1)"),
  fc.integer().map(String),
  fc.constant("x".repeat(200_000)),
);
const formBody = fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), fc.string({ maxLength: 12 })), fc.oneof(value, fc.array(value, { maxLength: 3 })), { minKeys: 1, maxKeys: 8 });
const jsonBody = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELD_NAMES), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 6 }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** A multipart form as sent by a browser, with its CSRF token; values are written as UTF-8 (or raw bytes). */
function multipartBody(fields: [string, string | Buffer][]): Buffer {
  const parts = [...fields, ["_csrf", csrf] as [string, string]].map(([name, v]) => Buffer.concat([Buffer.from(`--fz\r\nContent-Disposition: form-data; name="${name.replace(/["\r\n]/g, "_")}"\r\n\r\n`), Buffer.from(v), Buffer.from("\r\n")]));
  return Buffer.concat([...parts, Buffer.from("--fz--\r\n")]);
}

type Sent = { payload: string | Buffer | undefined; type: string | undefined; invalid?: boolean };
const request = fc.oneof(
  // Characters text may not hold, in each kind of body.
  fc.tuple(fc.constantFrom(...FIELD_NAMES), invalidText).map(([k, v]): Sent => ({ payload: JSON.stringify({ [k]: v }), type: "application/json", invalid: true })),
  fc.tuple(fc.constantFrom(...FIELD_NAMES), invalidEscape).map(([k, v]): Sent => ({ payload: `${k}=${v}&_csrf=${encodeURIComponent(csrf)}`, type: "application/x-www-form-urlencoded", invalid: true })),
  fc.tuple(fc.constantFrom(...FIELD_NAMES), fc.oneof(invalidText, fc.constant(Buffer.from([0x61, 0xed, 0xa0, 0x80])))).map(([k, v]): Sent => ({ payload: multipartBody([[k, v]]), type: "multipart/form-data; boundary=fz", invalid: typeof v === "string" && !/[\ud800-\udfff]/.test(v) })),
  formBody.map((f): Sent => ({ payload: multipartBody(Object.entries(f).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x]))), type: "multipart/form-data; boundary=fz" })),
  { weight: 3, arbitrary: formBody.map((f): Sent => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
    p.append("_csrf", csrf);
    return { payload: p.toString(), type: "application/x-www-form-urlencoded" };
  }) },
  jsonBody.map((j): Sent => ({ payload: JSON.stringify(j), type: "application/json" })),
  fc.constantFrom<Sent>(
    { payload: "{not json", type: "application/json" },
    { payload: Buffer.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3d, 0xff, 0xfe, 0xc3, 0x28]), type: "application/x-www-form-urlencoded" },
    { payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]), type: "application/json" },
    { payload: "title=hello", type: "text/plain" },
    { payload: "<xml/>", type: "application/xml" },
    { payload: undefined, type: undefined },
    { payload: "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.docx\"\r\n\r\nnot a zip\r\n--x--\r\n", type: "multipart/form-data; boundary=x" },
    { payload: "--x\r\nbroken", type: "multipart/form-data; boundary=x" },
  ),
);

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
  await app.ready();
  ({ cookie, csrf, bearer } = await demoAdmin(app, database, "fuzz"));
  for (const [, table] of TABLE_OF) {
    if (ids.has(table)) continue;
    ids.set(table, (await queryRows<{ id: string }>(database.db, sql.raw(`select id::text as id from "${table}" order by id limit 20`))).map((r) => r.id));
  }
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const CODES = new Set(Object.keys(ERROR_STATUS));
const REFUSALS = new Set(["INVALID_CHARACTERS", "PAYLOAD_TOO_LARGE", "UNAUTHENTICATED", "FORBIDDEN"]);

/** The code of an error answer that must be JSON; an answer that is not JSON yields undefined (and a problem). */
function jsonErrorCode(body: string): string | undefined {
  try {
    return (JSON.parse(body) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

describe("bad input", () => {
  it("never gets a 5xx from a route that takes input, always a catalogued code, and a refused request writes nothing", { timeout: 600_000 }, async () => {
    const routes = app.routeCatalog.filter((r) => ["POST", "PUT", "PATCH", "DELETE"].includes(r.method) && !SKIP.has(`${r.method} ${r.url}`));
    expect(routes.length).toBeGreaterThan(50);
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    let refusedRoutes = 0;
    for (const route of routes) {
      const before = await fingerprint();
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(request, fc.nat(), fc.boolean(), async (sent, pick, asJson) => {
          const url = fill(route.url, pick);
          const headers: Record<string, string> = { cookie, "x-csrf-token": csrf, accept: asJson ? "application/json" : "text/html" };
          if (route.url.startsWith("/api/")) headers.authorization = `Bearer ${bearer}`;
          if (sent.type) headers["content-type"] = sent.type;
          const res = await app.inject({ method: route.method as "POST", url, headers, ...(sent.payload === undefined ? {} : { payload: sent.payload }) });
          if (res.statusCode < 400) accepted++;
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          const where = `${route.method} ${url} ${sent.type}`;
          if (res.statusCode >= 500) problems.push(`${where} → ${res.statusCode}: ${res.body.slice(0, 200)}`);
          // The API always answers JSON; pages answer JSON for thrown errors (a form shown again with its
          // errors stays a page). Whatever says it is JSON must parse and carry a catalogued code.
          const saysJson = String(res.headers["content-type"] ?? "").startsWith("application/json");
          if (res.statusCode >= 400 && (saysJson || route.url.startsWith("/api/"))) {
            const code = jsonErrorCode(res.body);
            if (!code || !CODES.has(code)) problems.push(`${where} → ${res.statusCode} without a catalogued code: ${res.body.slice(0, 200)}`);
            else if (sent.invalid && !REFUSALS.has(code)) problems.push(`${where} with characters text may not hold → ${code}`);
          }
          // Refused before any route runs: by the character check, the size limit, or the policy (which comes first).
          if (sent.invalid && ![400, 401, 403, 413].includes(res.statusCode)) problems.push(`${where} with characters text may not hold → ${res.statusCode}`);
          // Every problem is collected above (and reported at the end), so the property itself never fails.
          return true;
        }),
        { numRuns: RUNS, seed: [...route.url].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 42) },
      );
      if (accepted === 0) {
        refusedRoutes++;
        const after = await fingerprint();
        for (const t of Object.keys(before)) if (before[t] !== after[t]) problems.push(`${route.method} ${route.url}: every request refused, yet table ${t} changed`);
      }
    }
    if (process.env.FUZZ_VERBOSE) console.log(JSON.stringify([...statuses].sort()), `${refusedRoutes}/${routes.length} routes refused everything`);
    // Validation must be what answers most of the time, not CSRF or a missing record.
    expect(statuses.get(400) ?? 0).toBeGreaterThan((RUNS * routes.length) / 4);
    expect(problems).toEqual([]);
    // Most routes refuse random input outright; those that accepted some are checked for 5xx only.
    expect(refusedRoutes).toBeGreaterThan(routes.length / 2);
  });

  it("answers random query strings on every page and API read without a 5xx", { timeout: 600_000 }, async () => {
    const routes = app.routeCatalog.filter((r) => r.method === "GET" && !r.url.includes("*"));
    const KEYS = ["page", "q", "lang", "region", "technology", "stage", "kind", "edition", "from", "to", "status", "theme", "next", "format"] as const;
    const query = fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 4 });
    // Sometimes one more parameter carrying a character text may not hold, percent-encoded as sent.
    const invalid = fc.option(fc.tuple(fc.constantFrom(...KEYS), fc.oneof(invalidEscape, invalidText.map((t) => encodeURIComponent(t.replace(/[\ud800-\udfff]/g, "\u0000"))))), { freq: 3 });
    const problems: string[] = [];
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(query, invalid, fc.nat(), async (q, bad, pick) => {
          const url = `${fill(route.url, pick)}?${new URLSearchParams(q).toString()}${bad ? `&${bad[0]}=${bad[1]}` : ""}`;
          const res = await app.inject({ method: "GET", url, headers: { cookie, accept: "text/html" } });
          if (res.statusCode >= 500) problems.push(`GET ${url.slice(0, 200)} → ${res.statusCode}`);
          if (bad && ![400, 401, 403].includes(res.statusCode)) problems.push(`GET ${url.slice(0, 200)} with characters text may not hold → ${res.statusCode}`);
          return true;
        }),
        { numRuns: Math.max(3, Math.floor(RUNS / 3)), seed: 7 },
      );
    }
    expect(problems).toEqual([]);
  });
});
