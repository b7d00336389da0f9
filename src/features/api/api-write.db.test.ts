import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "#src/db/schema/audit.ts";
import { users } from "#src/db/schema/members.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import type { TokenScope } from "#src/domain/members.ts";
import type * as api from "#src/features/api/schemas.ts";
import { getEditionByLabel } from "#src/features/editions/repository.ts";
import { createToken } from "#src/features/members/tokens.ts";
import { isAppError } from "#src/lib/errors.ts";
import { PROJECT_ROOT } from "#src/lib/paths.ts";
import { FORMATS, FORMAT_NAMES, type Format, type FormatName } from "#src/publishing/formats.ts";
import { runPendingJobs } from "#src/publishing/jobs.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildReport, buildUser } from "#test/helpers/factories.ts";

// The editorial API end to end on a report of its own: a program holding an editor's token reads
// the living draft, saves sections against the revision it read, freezes an edition, asks for its
// findings, and publishes and withdraws it through jobs; what a token may do is its scopes and its
// owner's role, whichever is narrower.

type Operation = { operationId: string; responses: Record<string, { content?: { "application/json": { schema: object } } }> };
const doc = JSON.parse(readFileSync(join(PROJECT_ROOT, "openapi.json"), "utf8")) as { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, object> } };
const ajv = new Ajv2020({ strict: false, validateFormats: false });
ajv.addSchema({ $id: "api", components: doc.components });
const operations = new Map(Object.values(doc.paths).flatMap((methods) => Object.values(methods).map((op) => [op.operationId, op] as const)));
/** Checks an answer against the documented schema of its operation and status; returns the body as that schema says. */
function documented<S extends z.ZodType>(operationId: string, res: { statusCode: number; body: string }): z.output<S> {
  const op = operations.get(operationId);
  expect(op, operationId).toBeDefined();
  const schema = op!.responses[String(res.statusCode)]?.content?.["application/json"].schema;
  expect(schema, `${operationId} ${res.statusCode} is documented: ${res.body.slice(0, 300)}`).toBeDefined();
  const validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components', '"api#/components')));
  const body = JSON.parse(res.body) as unknown;
  expect(validate(body) ? [] : validate.errors, operationId).toEqual([]);
  return body as z.output<S>;
}

// Renderers that answer at once: the downloads queued after a publish are not what is tested here.
const quick: Partial<Record<FormatName, Format>> = {};
for (const f of FORMAT_NAMES) quick[f] = { ...FORMATS[f], render: async () => Buffer.from(f) };

const env = useTestApp();
let report: Awaited<ReturnType<typeof buildReport>>;
let editor: { id: string; email: string };
const tokens: Record<"editor" | "editorRead" | "contributor", string> = { editor: "", editorRead: "", contributor: "" };

const call = (token: string, method: "GET" | "POST" | "PUT", url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  env.app.inject({ method, url, headers: { authorization: `Bearer ${token}`, ...(payload === undefined ? {} : { "content-type": "application/json" }), ...headers }, ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }) });
type Details = { errors: number; warnings: number; findings: z.output<typeof api.FindingOut>[]; current: z.output<typeof api.StaleSectionDetails>["current"]; scope: string };
const errorOf = (res: { body: string }) => (JSON.parse(res.body) as { error: { code: string; fields?: Record<string, string>; details?: Details } }).error;

beforeAll(async () => {
  const { db } = env.database;
  report = await buildReport(db);
  editor = await buildUser(db, { role: "editor" });
  const contributor = await buildUser(db, { role: "contributor" });
  const token = async (userId: string, scopes: TokenScope[]) => (await createToken(db, { ...SYSTEM_ACTOR, userId }, "script", scopes)).token;
  tokens.editor = await token(editor.id, ["read", "edit", "publish"]);
  tokens.editorRead = await token(editor.id, ["read"]);
  tokens.contributor = await token(contributor.id, ["read", "comment"]);
});

describe("the editorial API", () => {
  it("saves a section only against the revision it read: 428 without If-Match, 409 with the current text when stale", async () => {
    const draftRes = await call(tokens.editor, "GET", `/api/v1/reports/${report.report.slug}/draft`);
    expect(draftRes.statusCode, draftRes.body).toBe(200);
    const draft = documented<typeof api.DraftOut>("getDraft", draftRes);
    expect(draft.primaryLanguage).toBe("en");
    const section = draft.chapters[0]!.sections[0]!;
    const en = section.texts.find((t) => t.language === "en")!;
    const fr = section.texts.find((t) => t.language === "fr");
    expect(en.revisionId).toEqual(expect.any(Number));
    expect(fr).toMatchObject({ revisionId: null, state: "missing" });
    const url = `/api/v1/reports/${report.report.slug}/sections/${section.id}/en`;
    const text = { heading: "What it is", body: "Distributed ledgers keep one record among many parties." };

    // No base named: refused before anything is written.
    const blind = await call(tokens.editor, "PUT", url, text);
    expect([blind.statusCode, errorOf(blind).code]).toEqual([428, "PRECONDITION_REQUIRED"]);

    // Based on the current revision (as an ETag): a new revision, its id as the next ETag.
    const saved = await call(tokens.editor, "PUT", url, text, { "if-match": `"${en.revisionId}"` });
    expect(saved.statusCode, saved.body).toBe(201);
    const first = documented<typeof api.SectionSavedOut>("saveSection", saved);
    expect(first).toMatchObject({ sectionId: section.id, language: "en", created: true, heading: "What it is" });
    expect(first.revisionId).toBeGreaterThan(en.revisionId!);
    expect(saved.headers.etag).toBe(`"${first.revisionId}"`);

    // The same text again, the base given bare: nothing new, 200.
    const unchanged = await call(tokens.editor, "PUT", url, text, { "if-match": String(first.revisionId) });
    expect(unchanged.statusCode).toBe(200);
    expect(documented<typeof api.SectionSavedOut>("saveSection", unchanged)).toMatchObject({ revisionId: first.revisionId, created: false });

    // Based on the old revision: 409, with the text saved meanwhile to merge with.
    const stale = await call(tokens.editor, "PUT", url, { heading: "Mine", body: "Overwrite?" }, { "if-match": `"${en.revisionId}"` });
    expect(stale.statusCode).toBe(409);
    expect(ajv.compile({ $ref: "api#/components/schemas/Error" })(JSON.parse(stale.body))).toBe(true);
    expect(errorOf(stale)).toMatchObject({ code: "STALE_REVISION", details: { current: { revisionId: first.revisionId, heading: "What it is", body: text.body } } });

    // A language's first text: If-None-Match: *, and once it exists that no longer fits.
    const frUrl = `/api/v1/reports/${report.report.slug}/sections/${section.id}/fr`;
    const frText = { heading: "De quoi s'agit-il", body: "Des registres distribués.", summary: "Première traduction" };
    const created = await call(tokens.editor, "PUT", frUrl, frText, { "if-none-match": "*" });
    expect(created.statusCode, created.body).toBe(201);
    const again = await call(tokens.editor, "PUT", frUrl, frText, { "if-none-match": "*" });
    expect(errorOf(again)).toMatchObject({ code: "STALE_REVISION", details: { current: { revisionId: JSON.parse(created.body).revisionId } } });
    const after = documented<typeof api.DraftOut>("getDraft", await call(tokens.editor, "GET", `/api/v1/reports/${report.report.slug}/draft`));
    expect(after.chapters[0]!.sections[0]!.texts.find((t) => t.language === "fr")).toMatchObject({ revisionId: JSON.parse(created.body).revisionId, state: "upToDate" });

    // Bad input: a malformed If-Match, a section of another report, text the editor's form refuses.
    expect(errorOf(await call(tokens.editor, "PUT", url, text, { "if-match": '"abc"' })).code).toBe("VALIDATION_FAILED");
    expect((await call(tokens.editor, "PUT", `/api/v1/reports/disruptive-technologies/sections/${section.id}/en`, text, { "if-match": String(first.revisionId) })).statusCode).toBe(404);
    const conflict = await call(tokens.editor, "PUT", url, { heading: "x", body: "<<<<<<< theirs\nA\n=======\nB\n>>>>>>> end" }, { "if-match": String(first.revisionId) });
    expect([conflict.statusCode, errorOf(conflict).fields?.body]).toEqual([400, "field.conflictMarkers"]);
  });

  it("reads a section's current text with its revision as ETag, and saves it back with that ETag", async () => {
    const { db } = env.database;
    const own = await buildReport(db);
    const section = own.chapters[0]!.sections[0]!;
    const url = (lang: string) => `/api/v1/reports/${own.report.slug}/sections/${section.id}/${lang}`;

    const read = await call(tokens.editor, "GET", url("en"));
    expect(read.statusCode, read.body).toBe(200);
    const text = documented<typeof api.SectionTextOut>("getSection", read);
    expect(text).toEqual({ sectionId: section.id, language: "en", revisionId: section.texts.en!.revisionId, heading: section.texts.en!.heading, body: section.texts.en!.body, sourceRevisionId: null, state: "primary" });
    expect(read.headers.etag).toBe(`"${text.revisionId}"`);

    // The script edits the body it read and saves it with the ETag it got.
    const saved = await call(tokens.editor, "PUT", url("en"), { heading: text.heading, body: `${text.body}\n\nOne more paragraph.` }, { "if-match": read.headers.etag as string });
    expect(saved.statusCode, saved.body).toBe(201);
    const reread = await call(tokens.editor, "GET", url("en"));
    expect(reread.headers.etag).toBe(saved.headers.etag);
    expect(documented<typeof api.SectionTextOut>("getSection", reread).body).toBe(`${text.body}\n\nOne more paragraph.`);
    // Its own ETag names the revision, not the answer: no 304 on it.
    expect((await call(tokens.editor, "GET", url("en"), undefined, { "if-none-match": saved.headers.etag as string })).statusCode).toBe(200);

    // A language with no text yet: 404; once translated, its source and state.
    expect(errorOf(await call(tokens.editor, "GET", url("fr"))).code).toBe("NOT_FOUND");
    expect((await call(tokens.editor, "PUT", url("fr"), { heading: "Titre", body: "Texte." }, { "if-none-match": "*" })).statusCode).toBe(201);
    const fr = documented<typeof api.SectionTextOut>("getSection", await call(tokens.editor, "GET", url("fr")));
    expect(fr).toMatchObject({ language: "fr", heading: "Titre", body: "Texte.", sourceRevisionId: JSON.parse(saved.body).revisionId, state: "upToDate" });

    // Another report's address, a read-only token, a contributor: refused.
    expect((await call(tokens.editor, "GET", `/api/v1/reports/${report.report.slug}/sections/${section.id}/en`)).statusCode).toBe(404);
    expect(errorOf(await call(tokens.editorRead, "GET", url("en"))).code).toBe("TOKEN_SCOPE");
    expect(errorOf(await call(tokens.contributor, "GET", url("en"))).code).toBe("TOKEN_SCOPE");
  });

  it("refuses what a token's scopes or its owner's role do not cover", async () => {
    const { db } = env.database;
    const slug = report.report.slug;
    // A read-only token of an editor: 403 TOKEN_SCOPE, naming the scope it lacks.
    const section = report.chapters[0]!.sections[1]!;
    const readOnly = await call(tokens.editorRead, "PUT", `/api/v1/reports/${slug}/sections/${section.id}/en`, { heading: "x", body: "y" }, { "if-match": '"1"' });
    expect([readOnly.statusCode, errorOf(readOnly).code, errorOf(readOnly).details]).toEqual([403, "TOKEN_SCOPE", { scope: "edit" }]);
    for (const [method, path] of [["GET", "draft"], ["POST", "editions/x/publish"], ["POST", "editions"]] as const) {
      expect(errorOf(await call(tokens.editorRead, method, `/api/v1/reports/${slug}/${path}`, method === "POST" ? {} : undefined)).code, path).toBe("TOKEN_SCOPE");
    }
    // Reads with a token need "read"; the same token reads the public API.
    expect((await call(tokens.editorRead, "GET", `/api/v1/reports/${slug}`)).statusCode).toBe(200);
    // A contributor's token has no edit scope, and a contributor could not give it one.
    expect(errorOf(await call(tokens.contributor, "GET", `/api/v1/reports/${slug}/draft`)).code).toBe("TOKEN_SCOPE");
    const contributor = await buildUser(db, { role: "contributor" });
    for (const scopes of [["edit"], ["read", "publish"]] as TokenScope[][]) {
      const refused = await createToken(db, { ...SYSTEM_ACTOR, userId: contributor.id }, "too much", scopes).catch((e: unknown) => e);
      expect(isAppError(refused) && [refused.code, refused.fields]).toEqual(["VALIDATION_FAILED", { scopes: "field.tokenScopeBeyondRole" }]);
    }
    // An editor's token kept after the editor became a contributor does no more than a contributor.
    const demoted = await buildUser(db, { role: "editor" });
    const kept = (await createToken(db, { ...SYSTEM_ACTOR, userId: demoted.id }, "kept", ["read", "edit"])).token;
    expect((await call(kept, "GET", `/api/v1/reports/${slug}/draft`)).statusCode).toBe(200);
    await db.update(users).set({ role: "contributor" }).where(eq(users.id, demoted.id));
    const forbidden = await call(kept, "GET", `/api/v1/reports/${slug}/draft`);
    expect([forbidden.statusCode, errorOf(forbidden).code]).toEqual([403, "FORBIDDEN"]);
    // A browser session is not a token.
    expect((await env.app.inject({ method: "GET", url: `/api/v1/reports/${slug}/draft` })).statusCode).toBe(401);
  });

  it("offers on the account page only the scopes the role allows, and lists each token's scopes", async () => {
    const { app, database } = env;
    const contributor = await buildUser(database.db, { role: "contributor" });
    const browser = await new Browser(app).signInAs(database, contributor.email);
    const page = (await browser.get("/account")).body;
    const offered = [...page.matchAll(/name="scopes" value="(\w+)"( checked)?/g)].map((m) => [m[1], Boolean(m[2])]);
    expect(offered).toEqual([["read", true], ["comment", false]]);
    // Asked anyway, the publish scope is refused with the field named.
    const refused = await browser.submit("/account", "/account/tokens", { tokenName: "sneaky", scopes: ["read", "publish"] });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("a token cannot do more than you");
    expect(refused.body).toMatch(/name="scopes" value="read" checked/);
    const none = await browser.submit("/account", "/account/tokens", { tokenName: "nothing" });
    expect(none.statusCode).toBe(400);
    const made = await browser.submit("/account", "/account/tokens", { tokenName: "reader", scopes: ["read", "comment"] });
    expect(made.statusCode).toBe(200);
    expect(made.body).toMatch(/<td>reader<\/td>\s*<td>Read, Comment in review rounds<\/td>/);
    const editorBrowser = await new Browser(app).signInAs(database, editor.email);
    expect([...(await editorBrowser.get("/account")).body.matchAll(/name="scopes" value="(\w+)"/g)].map((m) => m[1])).toEqual(["read", "comment", "edit", "publish"]);
  });

  it("freezes, checks, publishes (refused on errors, warnings acknowledged with a note) and withdraws editions through jobs", async () => {
    const { db } = env.database;
    const slug = report.report.slug;
    const draft = documented<typeof api.DraftOut>("getDraft", await call(tokens.editor, "GET", `/api/v1/reports/${slug}/draft`));
    // Every section gets words, one of them a figure that does not exist.
    const sections = draft.chapters.flatMap((c: { sections: unknown[] }) => c.sections) as { id: string; texts: { language: string; revisionId: number | null; heading: string | null }[] }[];
    const save = async (s: (typeof sections)[number], body: string) => {
      const base = s.texts.find((t) => t.language === "en")!;
      const res = await call(tokens.editor, "PUT", `/api/v1/reports/${slug}/sections/${s.id}/en`, { heading: base.heading || "Section", body }, base.revisionId ? { "if-match": `"${base.revisionId}"` } : { "if-none-match": "*" });
      expect([200, 201], res.body).toContain(res.statusCode);
      base.revisionId = JSON.parse(res.body).revisionId;
    };
    for (const [i, s] of sections.entries()) await save(s, i === 1 ? "Adoption grew.\n\n::figure{ref=does-not-exist}" : `Text of section ${i + 1}.`);

    const frozen = await call(tokens.editor, "POST", `/api/v1/reports/${slug}/editions`, { label: "2031", title: "Study Report 2031", editionDate: "2031-06-30" });
    expect(frozen.statusCode, frozen.body).toBe(201);
    expect(documented<typeof api.ManagedEditionOut>("freezeEdition", frozen)).toMatchObject({ label: "2031", status: "draft", url: expect.stringMatching(/^\/editor\/editions\//) });
    const taken = await call(tokens.editor, "POST", `/api/v1/reports/${slug}/editions`, { label: "2031", title: "Again", editionDate: "2031-06-30" });
    expect([taken.statusCode, errorOf(taken).code]).toEqual([409, "EDITION_LABEL_TAKEN"]);
    const edition = `/api/v1/reports/${slug}/editions/2031`;

    // The findings, in French when asked: the broken reference is an error that blocks publishing.
    const findings = documented<typeof api.FindingsOut>("checkEdition", await call(tokens.editor, "GET", `${edition}/findings`, undefined, { "accept-language": "fr" }));
    expect(findings.errors).toBeGreaterThan(0);
    const broken = findings.findings.find((f) => f.code === "unresolvedRef");
    expect(broken).toMatchObject({ severity: "error", where: { sectionId: sections[1]!.id, language: "en", ref: "figure:does-not-exist" }, fix: `/editor/sections/${sections[1]!.id}/en` });
    expect(broken!.message).not.toBe("unresolvedRef");
    const blocked = await call(tokens.editor, "POST", `${edition}/publish`, { acknowledge: { note: "Known gaps." } });
    expect([blocked.statusCode, errorOf(blocked).code]).toEqual([409, "PUBLISH_BLOCKED"]);
    expect(errorOf(blocked).details!.errors).toBe(findings.errors);
    expect(errorOf(blocked).details!.findings.map((f) => f.code)).toContain("unresolvedRef");
    expect((await getEditionByLabel(db, report.report.id, "2031"))!.status).toBe("draft");

    // Fixed in the draft and the edition refreshed: only warnings are left (sections in draft, no translations).
    await save(sections[1]!, "Adoption grew.");
    const refreshed = await call(tokens.editor, "POST", `${edition}/refresh`);
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    expect(documented<typeof api.ManagedEditionOut>("refreshEdition", refreshed).contentHash).not.toBe(JSON.parse(frozen.body).contentHash);
    const left = documented<typeof api.FindingsOut>("checkEdition", await call(tokens.editor, "GET", `${edition}/findings`));
    expect(left.errors, JSON.stringify(left.findings.filter((f) => f.severity === "error"))).toBe(0);
    expect(left.warnings).toBeGreaterThan(0);
    expect(left.findings.map((f) => f.code)).toEqual(expect.arrayContaining(["sectionDraft", "translationMissing"]));

    // Warnings without a note: refused with the findings; with a blank one too.
    for (const payload of [undefined, {}, { acknowledge: null }, { acknowledge: { note: "  " } }]) {
      const res = await call(tokens.editor, "POST", `${edition}/publish`, payload);
      expect([res.statusCode, errorOf(res).code], JSON.stringify(payload)).toEqual([409, "WARNINGS_NOT_ACKNOWLEDGED"]);
      expect(errorOf(res).details!.warnings).toBe(left.warnings);
    }
    // Publishing takes the publish scope, not edit alone.
    const editOnly = (await createToken(db, { ...SYSTEM_ACTOR, userId: editor.id }, "edit only", ["read", "edit"])).token;
    expect(errorOf(await call(editOnly, "POST", `${edition}/publish`, { acknowledge: { note: "x" } })).code).toBe("TOKEN_SCOPE");

    // With a note: 202 and a job to poll, which publishes the edition with its acknowledgement.
    const accepted = await call(tokens.editor, "POST", `${edition}/publish`, { acknowledge: { note: "Translations follow in the autumn." } });
    expect(accepted.statusCode, accepted.body).toBe(202);
    const { job } = documented<typeof api.JobAcceptedOut>("publishEdition", accepted);
    expect(job).toMatchObject({ status: "queued", url: `/jobs/${job.id}`, poll: `/api/v1/jobs/${job.id}` });
    expect(accepted.headers.location).toBe(`/api/v1/jobs/${job.id}`);
    expect(documented<typeof api.JobOut>("getJob", await call(tokens.editor, "GET", `/api/v1/jobs/${job.id}`))).toMatchObject({ id: job.id, kind: "publish", status: "queued" });
    // Another person's job does not exist for them.
    expect((await call(tokens.contributor, "GET", `/api/v1/jobs/${job.id}`)).statusCode).toBe(404);
    await runPendingJobs(db, { formats: quick });
    expect(documented<typeof api.JobOut>("getJob", await call(tokens.editor, "GET", `/api/v1/jobs/${job.id}`))).toMatchObject({ status: "done", progress: 100, error: null });
    const published = (await getEditionByLabel(db, report.report.id, "2031"))!;
    expect(published.status).toBe("published");
    expect(published.acknowledgement).toMatchObject({ note: "Translations follow in the autumn.", warnings: left.warnings, by: editor.id });
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.entityId, published.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["edition.freeze", "edition.refresh", "edition.published"]));
    expect(audit.find((a) => a.action === "edition.published")!.actorId).toBe(editor.id);
    expect((await env.app.inject({ method: "GET", url: `/api/v1/reports/${slug}/editions/2031` })).statusCode).toBe(200);

    // A published edition is not refreshed; withdrawing needs a reason, then goes through a job too.
    expect(errorOf(await call(tokens.editor, "POST", `${edition}/refresh`)).code).toBe("EDITION_IMMUTABLE");
    expect(errorOf(await call(tokens.editor, "POST", `${edition}/publish`, { acknowledge: { note: "again" } })).code).toBe("EDITION_STATUS");
    expect((await call(tokens.editor, "POST", `${edition}/withdraw`, {})).statusCode).toBe(400);
    expect(errorOf(await call(tokens.editor, "POST", `${edition}/withdraw`, { reason: " " })).fields).toEqual({ reason: "field.required" });
    const withdrawal = await call(tokens.editor, "POST", `${edition}/withdraw`, { reason: "A figure was wrong." });
    expect(withdrawal.statusCode, withdrawal.body).toBe(202);
    const withdrawJob = documented<typeof api.JobAcceptedOut>("withdrawEdition", withdrawal).job;
    await runPendingJobs(db, { formats: quick });
    expect(documented<typeof api.JobOut>("getJob", await call(tokens.editor, "GET", `/api/v1/jobs/${withdrawJob.id}`)).status).toBe("done");
    expect((await getEditionByLabel(db, report.report.id, "2031"))!).toMatchObject({ status: "withdrawn", withdrawnReason: "A figure was wrong." });
  });

  it("lets a token made with exactly edit,publish follow its own work: edit and publish include read", async () => {
    const { db } = env.database;
    const own = await buildReport(db);
    const slug = own.report.slug;
    const script = (await createToken(db, { ...SYSTEM_ACTOR, userId: editor.id }, "nightly", ["edit", "publish"])).token;
    expect(documented<typeof api.MeOut>("getMe", await call(script, "GET", "/api/v1/me"))).toMatchObject({ email: editor.email });
    const draft = documented<typeof api.DraftOut>("getDraft", await call(script, "GET", `/api/v1/reports/${slug}/draft`));
    for (const [i, s] of draft.chapters.flatMap((c) => c.sections).entries()) {
      const base = s.texts.find((t) => t.language === "en")!;
      const saved = await call(script, "PUT", `/api/v1/reports/${slug}/sections/${s.id}/en`, { heading: base.heading || "Section", body: `Text of section ${i + 1}.` }, base.revisionId ? { "if-match": `"${base.revisionId}"` } : { "if-none-match": "*" });
      expect([200, 201], saved.body).toContain(saved.statusCode);
    }
    const frozen = await call(script, "POST", `/api/v1/reports/${slug}/editions`, { label: "2032", title: "Study Report 2032", editionDate: "2032-06-30" });
    expect(frozen.statusCode, frozen.body).toBe(201);
    const edition = `/api/v1/reports/${slug}/editions/2032`;

    // Checking needs read: included in edit and publish.
    const checked = await call(script, "GET", `${edition}/findings`);
    expect(checked.statusCode, checked.body).toBe(200);
    const findings = documented<typeof api.FindingsOut>("checkEdition", checked);
    expect(findings.errors, JSON.stringify(findings.findings.filter((f) => f.severity === "error"))).toBe(0);

    const accepted = await call(script, "POST", `${edition}/publish`, { acknowledge: { note: "Translations follow." } });
    expect(accepted.statusCode, accepted.body).toBe(202);
    const { job } = documented<typeof api.JobAcceptedOut>("publishEdition", accepted);
    // Polling the job needs read too.
    const polled = await call(script, "GET", `/api/v1/jobs/${job.id}`);
    expect(polled.statusCode, polled.body).toBe(200);
    expect(documented<typeof api.JobOut>("getJob", polled)).toMatchObject({ id: job.id, kind: "publish" });
    await runPendingJobs(db, { formats: quick });
    expect(documented<typeof api.JobOut>("getJob", await call(script, "GET", `/api/v1/jobs/${job.id}`))).toMatchObject({ status: "done", error: null });
    // And the edition it published, as readers get it.
    expect((await call(script, "GET", `/api/v1/reports/${slug}/editions/2032`)).statusCode).toBe(200);

    // Comment does not include read: such a token still cannot poll, and is told which scope it lacks.
    const commentOnly = (await createToken(db, { ...SYSTEM_ACTOR, userId: editor.id }, "comments", ["comment"])).token;
    const refused = await call(commentOnly, "GET", `/api/v1/jobs/${job.id}`);
    expect([refused.statusCode, errorOf(refused).code, errorOf(refused).details]).toEqual([403, "TOKEN_SCOPE", { scope: "read" }]);

    // The reference says so beside each operation.
    const docs = (await env.app.inject({ url: "/api/docs" })).body;
    const operation = (id: string) => docs.slice(docs.indexOf(`id="${id}"`), docs.indexOf("</article>", docs.indexOf(`id="${id}"`)));
    expect(operation("getJob")).toContain("Token with the read scope, or edit or publish, which include it");
    expect(operation("publishEdition")).toContain("Token with the publish scope<");
  });
});
