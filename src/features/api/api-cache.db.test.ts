import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { freezeEdition, publishEdition } from "#src/features/editions/service.ts";
import { useTestApp } from "#test/helpers/app.ts";
import { buildReport } from "#test/helpers/factories.ts";

const env = useTestApp();

// An edition's answer is kept with its ETag until an edition or the report changes.
describe("the API's edition", () => {
  it("answers a withdrawal on the next request, with a new ETag", async () => {
    const db = env.database.db;
    const draft = await buildReport(db);
    const edition = await freezeEdition(db, SYSTEM_ACTOR, draft.report.id, { label: "2032", title: "Kept edition 2032", editionDate: "2032-06-30", foreword: null });
    await publishEdition(db, SYSTEM_ACTOR, edition.id, { to: "published", publicUrl: "http://localhost:3000" });
    const url = `/api/v1/reports/${draft.report.slug}/editions/2032`;
    const first = await env.app.inject({ url });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: "published" });
    const again = await env.app.inject({ url, headers: { "if-none-match": String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);

    await publishEdition(db, SYSTEM_ACTOR, edition.id, { to: "withdrawn", publicUrl: "http://localhost:3000", reason: "Superseded by a correction." });
    const after = await env.app.inject({ url, headers: { "if-none-match": String(first.headers.etag) } });
    expect(after.statusCode).toBe(200);
    expect(after.json()).toMatchObject({ status: "withdrawn" });
    expect(after.headers.etag).not.toBe(first.headers.etag);
  });
});
