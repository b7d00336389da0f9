import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { freezeEdition, publishEdition } from "#src/features/editions/service.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildReport } from "#test/helpers/factories.ts";

const env = useTestApp();

// The front page keeps the reports and their editions until a report or an edition changes.
describe("the front page", () => {
  it("lists a report on the next request once its first edition is published", async () => {
    const db = env.database.db;
    const draft = await buildReport(db);
    const reader = new Browser(env.app);
    const before = await reader.get("/");
    expect(before.statusCode).toBe(200);
    expect(before.body).not.toContain(`/reports/${draft.report.slug}/`);
    expect((await reader.get("/")).body).not.toContain(`/reports/${draft.report.slug}/`); // from the cache

    const edition = await freezeEdition(db, SYSTEM_ACTOR, draft.report.id, { label: "2031", title: "Front page study 2031", editionDate: "2031-06-30", foreword: null });
    await publishEdition(db, SYSTEM_ACTOR, edition.id, { to: "published", publicUrl: "http://localhost:3000" });
    const after = await reader.get("/");
    expect(after.body).toContain(`/reports/${draft.report.slug}/`);
    expect(after.body).toContain("Front page study 2031");
  });
});
