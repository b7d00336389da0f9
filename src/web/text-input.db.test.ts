import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "#src/db/client.ts";
import { demoAdmin, useTestApp } from "#test/helpers/app.ts";
import { tableFingerprint } from "#test/helpers/db.ts";

// Text that cannot be stored (NUL, lone surrogates, other controls, noncharacters, bytes that are
// not UTF-8) is refused with INVALID_CHARACTERS wherever it comes in: query strings, forms, JSON,
// multipart. Each case has a twin without the bad character that the same route accepts.

const env = useTestApp();
const REPORT = "disruptive-technologies";
const BAD = ["%00", "%ED%A0%80", "%EF%BF%BF", "%01", "%FF"];
let cookie = "";
let csrf = "";
let bearer = "";
const ids: Record<string, string> = {};

beforeAll(async () => {
  const { app, database } = env;
  ({ cookie, csrf, bearer } = await demoAdmin(app, database, "characters"));
  for (const table of ["sections", "events", "outcomes", "recommendations", "review_rounds", "surveys"]) {
    const [row] = await queryRows<{ id: string }>(database.db, sql.raw(`select id::text as id from "${table}" order by id limit 1`));
    ids[table] = row?.id ?? "00000000-0000-4000-8000-000000000000";
  }
});

/** Every table's rows (sessions and the audit log aside): equal only if no form wrote anything. */
const fingerprint = async () => JSON.stringify(await tableFingerprint(env.database.db, new Set(["sessions", "audit_events"])));

/** The error code of a JSON answer; an answer that is not JSON fails the test. */
const codeOf = (body: string) => {
  try {
    return (JSON.parse(body) as { error?: { code?: string } }).error?.code;
  } catch {
    throw new Error(`not JSON: ${body.slice(0, 300)}`);
  }
};

describe("characters that text may not hold", () => {
  const reads = [
    (v: string) => `/search?q=a${v}b`,
    (v: string) => `/case-studies?q=${v}`,
    (v: string) => `/case-studies?technology=${v}`,
    (v: string) => `/case-studies?region=${v}`,
    (v: string) => `/api/v1/search?q=customs${v}`,
    (v: string) => `/api/v1/case-studies?q=${v}`,
  ];

  for (const signedIn of [false, true]) {
    it(`refuses them in the query strings of search and the library, ${signedIn ? "signed in" : "anonymously"}, with a page or JSON`, async () => {
      const headers = signedIn ? { cookie } : {};
      for (const url of reads) {
        const clean = await env.app.inject({ url: url("x"), headers: { ...headers, accept: "text/html" } });
        expect(clean.statusCode, url("x")).toBe(200);
        for (const bad of BAD) {
          const page = await env.app.inject({ url: url(bad), headers: { ...headers, accept: "text/html" } });
          expect(page.statusCode, url(bad)).toBe(400);
          expect(page.body).toContain("characters that cannot be stored");
          const json = await env.app.inject({ url: url(bad), headers: { ...headers, accept: "application/json" } });
          expect([json.statusCode, codeOf(json.body)], url(bad)).toEqual([400, "INVALID_CHARACTERS"]);
        }
      }
    });
  }

  it("refuses them in every multi-line field of the forms, and writes nothing", async () => {
    const forms: [string, Record<string, string>][] = [
      [`/editor/sections/${ids.sections}/en`, { heading: "Heading", body: "BAD", baseRevisionId: "", intent: "save" }],
      [`/editor/events/${ids.events}`, { summary: "BAD" }],
      [`/editor/events/${ids.events}/outcomes`, { outcomeKind: "insight", "text.en": "BAD" }],
      [`/editor/recommendations/${ids.recommendations}`, { "text.en": "BAD" }],
      [`/reports/${REPORT}/proposals`, { title: "A topic", rationale: "BAD" }],
      [`/reviews/${ids.review_rounds}/comments`, { sectionId: ids.sections!, body: "BAD" }],
      [`/member/surveys/${ids.surveys}`, { "q.comments": "BAD", intent: "save" }],
    ];
    const before = await fingerprint();
    for (const [url, fields] of forms) {
      // (A lone surrogate cannot be percent-encoded as such: %ED%A0%80 below stands for it.)
      for (const bad of ["a\u0000b", "\uffff", "line\u0007", "\ufdd0"]) {
        const body = new URLSearchParams({ ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v === "BAD" ? bad : v])), _csrf: csrf });
        const res = await env.app.inject({ method: "POST", url, headers: { cookie, accept: "application/json", "content-type": "application/x-www-form-urlencoded" }, payload: body.toString() });
        expect([res.statusCode, codeOf(res.body)], `${url} ${JSON.stringify(bad)}`).toEqual([400, "INVALID_CHARACTERS"]);
      }
      // Bytes that are not UTF-8, sent raw or percent-encoded.
      for (const raw of [Buffer.from([0x62, 0x6f, 0x64, 0x79, 0x3d, 0xed, 0xa0, 0x80]), Buffer.from("body=%ED%A0%80")]) {
        const res = await env.app.inject({ method: "POST", url, headers: { cookie, "x-csrf-token": csrf, accept: "application/json", "content-type": "application/x-www-form-urlencoded" }, payload: raw });
        expect([res.statusCode, codeOf(res.body)], url).toEqual([400, "INVALID_CHARACTERS"]);
      }
    }
    expect(await fingerprint()).toBe(before);
    // The same form with ordinary text (tab and line breaks included) is taken.
    const ok = await env.app.inject({ method: "POST", url: `/reports/${REPORT}/proposals`, headers: { cookie, accept: "text/html", "content-type": "application/x-www-form-urlencoded" }, payload: new URLSearchParams({ title: "A topic", rationale: "Because\r\n\tit matters", _csrf: csrf }).toString() });
    expect(ok.statusCode).toBe(303);
    expect(await fingerprint()).not.toBe(before);
  });

  it("refuses them in JSON (escaped or as raw bytes) and in multipart fields and file names", async () => {
    const url = `/api/v1/reviews/${ids.review_rounds}/comments`;
    const headers = { authorization: `Bearer ${bearer}`, "content-type": "application/json" };
    for (const payload of ['{"body":"a\\u0000b"}', '{"body":"\\ud800"}', '{"body":{"x":["\\ufffe"]}}', '{"\\u0000":"key"}', Buffer.from([0x7b, 0x22, 0x62, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])]) {
      const res = await env.app.inject({ method: "POST", url, headers, payload });
      expect([res.statusCode, codeOf(res.body)], String(payload)).toEqual([400, "INVALID_CHARACTERS"]);
    }
    // A real U+FFFD (valid UTF-8) is text like any other: validation, not the character check, answers.
    const replacement = await env.app.inject({ method: "POST", url, headers, payload: '{"body":"\\ufffd"}' });
    expect(codeOf(replacement.body)).not.toBe("INVALID_CHARACTERS");

    const upload = async (field: string, value: string, filename = "case.docx") => {
      const form = new FormData();
      form.append("_csrf", csrf);
      form.append(field, value);
      form.append("document", new Blob([new Uint8Array([0x50, 0x4b, 3, 4])]), filename);
      return env.app.inject({ method: "POST", url: "/member/case-studies/import", headers: { cookie, accept: "application/json" }, payload: form });
    };
    for (const res of [await upload("language", "en\u0000"), await upload("language", "en", "case\u0001.docx")]) expect([res.statusCode, codeOf(res.body)]).toEqual([400, "INVALID_CHARACTERS"]);
    expect(codeOf((await upload("language", "en")).body)).not.toBe("INVALID_CHARACTERS");
  });
});
