import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { apiTokens, organizations } from "#src/db/schema/members.ts";
import { loadDemoIfEmpty } from "#src/demo/load.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { getReportBySlug } from "#src/features/catalog/repository.ts";
import { loadDraft } from "#src/features/reports/draft.ts";
import { listComments } from "#src/features/reviews/repository.ts";
import * as reviews from "#src/features/reviews/service.ts";
import { PROJECT_ROOT } from "#src/lib/paths.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildUser } from "#test/helpers/factories.ts";

type Operation = { operationId: string; parameters: { name: string; in: string; required: boolean }[]; responses: Record<string, { content?: { "application/json": { schema: object } } }> };
const doc = JSON.parse(readFileSync(join(PROJECT_ROOT, "openapi.json"), "utf8")) as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, object> } };
const ajv = new Ajv2020({ strict: false, validateFormats: false });
ajv.addSchema({ $id: "api", components: doc.components });
// The documented success schema of an operation, with its $refs pointing at the components.
const validatorOf = (op: Operation, status: string) => ajv.compile(JSON.parse(JSON.stringify(op.responses[status]!.content!["application/json"].schema).replaceAll('"#/components', '"api#/components')));
const errorSchema = ajv.compile({ $ref: "api#/components/schemas/Error" });

const env = useTestApp();
// Every test here reads the demo (loaded once, whichever test runs first or alone).
beforeAll(async () => {
  expect(await loadDemoIfEmpty(env.database.db, "http://localhost")).toHaveLength(3);
});

describe("the API", () => {
  it("answers every documented read operation as documented, with ETags, paging and stable errors", async () => {
    const { app } = env;
    const json = async (url: string, headers: Record<string, string> = {}) => {
      const res = await app.inject({ method: "GET", url, headers });
      return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null, headers: res.headers };
    };
    // Real values for the path parameters, found through the API itself.
    const reports = await json("/api/v1/reports");
    const report = reports.body.items[0];
    const edition = report.editions[0].label as string;
    const content = await json(`/api/v1/reports/${report.slug}/editions/${edition}`);
    const markdown = content.body.chapters.flatMap((c: { sections: { markdown: string }[] }) => c.sections.map((s) => s.markdown)).join("\n");
    const figure = /::figure\{ref=([a-z0-9-]+)\}/.exec(markdown)![1]!;
    const caseStudy = (await json("/api/v1/case-studies")).body.items[0].slug as string;
    const values: Record<string, string> = { report: report.slug, edition, ref: figure, slug: caseStudy };
    const queries: Record<string, string> = { search: "?q=ledger&lang=fr" };

    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      const op = methods.get;
      if (!op || !op.responses["200"]?.content || op.responses["401"]) continue;
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => values[name]!) + (queries[op.operationId] ?? "");
      const res = await json(url);
      expect(res.status, url).toBe(200);
      const validate = validatorOf(op, "200");
      expect(validate(res.body) ? [] : validate.errors, url).toEqual([]);
      // An unchanged resource answers 304 to its ETag.
      const etag = res.headers.etag as string;
      expect(etag, url).toMatch(/^"[\w-]+"$/);
      expect((await app.inject({ method: "GET", url, headers: { "if-none-match": etag } })).statusCode, url).toBe(304);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(8);

    // French texts where they exist; the figure comes with the rows it was drawn from.
    const fig = await json(`/api/v1/reports/${report.slug}/editions/${edition}/figures/${figure}?lang=fr`);
    expect(fig.body.data.rows.length).toBeGreaterThan(0);
    expect((await json(`/api/v1/search?q=donnees&lang=fr`)).body.total).toBeGreaterThan(0);

    // Paging and errors: stable codes in the documented shape.
    for (const [url, status, code] of [
      ["/api/v1/reports/no-such-report", 404, "NOT_FOUND"],
      [`/api/v1/reports/${report.slug}/editions/1999`, 404, "NOT_FOUND"],
      ["/api/v1/case-studies?page=0", 400, "VALIDATION_FAILED"],
      ["/api/v1/case-studies?page=abc", 400, "VALIDATION_FAILED"],
      ["/api/v1/search?lang=xx&q=a", 400, "VALIDATION_FAILED"],
      ["/api/v1/nothing-here", 404, "NOT_FOUND"],
    ] as const) {
      const res = await json(url);
      expect(res.status, url).toBe(status);
      expect(res.body.error.code, url).toBe(code);
      expect(errorSchema(res.body), url).toBe(true);
    }
    const late = await json("/api/v1/case-studies?page=500");
    expect(late.body.items).toEqual([]);
    expect(late.body.total).toBeGreaterThan(0);
  });

  it("lets a member create a token on their page, use it to comment without a session, and revoke it; only its hash is kept", async () => {
    const { app, database } = env;
    const db = database.db;
    const report = (await getReportBySlug(db, "disruptive-technologies"))!;
    const [org] = await db.select().from(organizations).where(eq(organizations.kind, "customs_administration")).limit(1);
    const member = await buildUser(db, { role: "contributor", organizationId: org!.id });
    const today = new Date().toISOString().slice(0, 10);
    const round = await reviews.openRound(db, SYSTEM_ACTOR, report.id, { title: "API review", editionId: null, opensOn: today, closesOn: "2999-01-01", visibility: "secretariat", instructions: "", organizationIds: [org!.id] });
    const section = (await loadDraft(db, report.slug)).chapters[0]!.sections[0]!;

    const browser = await new Browser(app).signInAs(database, member.email);
    const created = await browser.submit("/account", "/account/tokens", { tokenName: "comment script", scopes: ["read", "comment"] });
    expect(created.statusCode).toBe(200);
    expect(created.headers["cache-control"]).toBe("no-store");
    const token = /<code class="token">(lr_[\w-]+)<\/code>/.exec(created.body)![1]!;
    // Only a SHA-256 is stored; the page never shows the token again.
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.userId, member.id));
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
    expect((await browser.get("/account")).body).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    const me = await app.inject({ method: "GET", url: "/api/v1/me", headers: bearer });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: member.email, role: "contributor" });
    // A session cookie is not a token, even with its CSRF token: the write API wants the token.
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await browser.get("/account")).body)![1]!;
    const viaCookie = await app.inject({ method: "POST", url: `/api/v1/reviews/${round.id}/comments`, headers: { cookie: browser.cookieHeader, "x-csrf-token": csrf, "content-type": "application/json" }, payload: { sectionId: section.id, body: "From a browser session" } });
    expect(viaCookie.statusCode).toBe(401);
    expect(viaCookie.json().error.code).toBe("UNAUTHENTICATED");
    // With the token, no CSRF token is needed.
    const comment = await app.inject({ method: "POST", url: `/api/v1/reviews/${round.id}/comments`, headers: { ...bearer, "content-type": "application/json" }, payload: { sectionId: section.id, quote: null, body: "Please cite the 2021 pilot." } });
    expect(comment.statusCode, comment.body).toBe(201);
    expect(validatorOf(doc.paths["/api/v1/reviews/{round}/comments"]!.post!, "201")(comment.json())).toBe(true);
    expect((await listComments(db, round.id)).map((c) => c.body)).toEqual(["Please cite the 2021 pilot."]);
    // Bad bodies: clear 4xx, nothing written.
    for (const [payload, type, status] of [
      [{ sectionId: "not-a-uuid", body: "x" }, "application/json", 400],
      [{ sectionId: section.id, body: "" }, "application/json", 400],
      ["sectionId=x&body=y", "application/x-www-form-urlencoded", 415],
      ["{broken", "application/json", 400],
    ] as const) {
      const res = await app.inject({ method: "POST", url: `/api/v1/reviews/${round.id}/comments`, headers: { ...bearer, "content-type": type }, payload: payload as never });
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
    }
    expect(await listComments(db, round.id)).toHaveLength(1);
    // The site's own pages ignore tokens.
    expect((await app.inject({ method: "GET", url: "/account", headers: { ...bearer, accept: "text/html" } })).statusCode).toBe(303);

    // Another user cannot revoke a live token by guessing its id: it keeps working.
    const other = await buildUser(db, { role: "contributor", organizationId: org!.id });
    const otherBrowser = await new Browser(app).signInAs(database, other.email);
    expect((await otherBrowser.submit("/account", `/account/tokens/${row!.id}/revoke`, {})).statusCode).toBe(404);
    expect((await app.inject({ method: "GET", url: "/api/v1/me", headers: bearer })).statusCode).toBe(200);
    // Revoked by its owner from the account page: the token stops working at once.
    const revoked = await browser.submit("/account", `/account/tokens/${row!.id}/revoke`, {});
    expect(revoked.statusCode).toBe(303);
    const refused = await app.inject({ method: "GET", url: "/api/v1/me", headers: bearer });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe("UNAUTHENTICATED");
    const write = await app.inject({ method: "POST", url: `/api/v1/reviews/${round.id}/comments`, headers: { ...bearer, "content-type": "application/json" }, payload: { sectionId: section.id, quote: null, body: "After revocation." } });
    expect(write.statusCode).toBe(401);
    expect(await listComments(db, round.id)).toHaveLength(1);
    expect((await app.inject({ method: "GET", url: "/api/v1/me", headers: { authorization: "Bearer lr_made-up" } })).json().error.code).toBe("UNAUTHENTICATED");
    // Revoking it again finds nothing to revoke.
    expect((await browser.submit("/account", `/account/tokens/${row!.id}/revoke`, {})).statusCode).toBe(404);
  });
});
