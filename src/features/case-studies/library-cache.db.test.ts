import { describe, expect, it } from "vitest";
import type { ChangeTopic } from "#src/db/changes.ts";
import { SYSTEM_ACTOR, type Caller } from "#src/domain/actors.ts";
import { emptyFields } from "#src/domain/case-studies.ts";
import { searchLibrary } from "#src/features/case-studies/library.ts";
import { LibraryQuery } from "#src/features/case-studies/schemas.ts";
import { createCaseStudy, moveCaseStudy, saveCaseStudy, setAnnex } from "#src/features/case-studies/service.ts";
import { Generations, TopicCache } from "#src/lib/topic-cache.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildOrganization, buildReport, buildUser, ensureTechnology } from "#test/helpers/factories.ts";

// The library's and search's pages and counts are kept in app.topicCache: a moderation or a save
// that changes what readers see must show on the very next request, and nothing else may.

const env = useTestApp();

const callerFor = (user: { id: string; role: "contributor" | "editor" | "admin"; organizationId: string | null }): Caller => ({ ...SYSTEM_ACTOR, userId: user.id, role: user.role, organizationId: user.organizationId });

async function accepted(title: string) {
  const db = env.database.db;
  await ensureTechnology(db, "blockchain", "Blockchain");
  const org = await buildOrganization(db, { regionCode: "AMS", kind: "customs_administration" });
  const contributor = callerFor(await buildUser(db, { role: "contributor", organizationId: org.id }));
  const editor = callerFor(await buildUser(db, { role: "editor" }));
  const fields = { ...emptyFields("en"), title, technologies: ["blockchain"], stage: "pilot" as const, periodStart: 2019, summary: "Seals are tracked from the quay to the inland depot.", solution: "Readers at the gates.", consent: true };
  const cs = await createCaseStudy(db, contributor, { organizationId: null, fields });
  await moveCaseStudy(db, contributor, cs.id, { from: "draft", to: "submitted", message: null, reason: null, supersededBy: null });
  await moveCaseStudy(db, editor, cs.id, { from: "submitted", to: "accepted", message: null, reason: null, supersededBy: null });
  return { cs, fields, editor };
}

describe("the cached library and search", () => {
  it("show a case study on the next request once published, its new words once saved, and none of it once retired", async () => {
    const db = env.database.db;
    const { cs, fields, editor } = await accepted("Zanzibar seal tracking");
    const reader = new Browser(env.app);
    const library = async () => (await reader.get("/case-studies?q=zanzibar")).body;
    const searched = async () => (await reader.get("/search?q=zanzibar")).body;
    const inTechnology = async () => (await reader.get("/case-studies?technology=blockchain&region=AMS")).body;

    expect(await library()).not.toContain("Zanzibar seal tracking");
    expect(await searched()).not.toContain("Zanzibar seal tracking");
    expect(await inTechnology()).not.toContain("Zanzibar seal tracking");

    await moveCaseStudy(db, editor, cs.id, { from: "accepted", to: "published", message: null, reason: null, supersededBy: null });
    expect(await library()).toContain("Zanzibar seal tracking");
    expect(await searched()).toContain("Zanzibar seal tracking");
    expect(await inTechnology()).toContain("Zanzibar seal tracking");

    const saved = await saveCaseStudy(db, editor, cs.id, { ...fields, title: "Zanzibar electronic seals" }, null);
    expect(saved.title).toBe("Zanzibar electronic seals");
    expect(await library()).toContain("Zanzibar electronic seals");
    expect(await searched()).toContain("Zanzibar electronic seals");

    await moveCaseStudy(db, editor, cs.id, { from: "published", to: "retired", message: "Replaced by a national system.", reason: "withdrawn", supersededBy: null });
    expect(await library()).not.toContain("Zanzibar electronic seals");
    expect(await searched()).not.toContain("Zanzibar electronic seals");
    expect(await inTechnology()).not.toContain("Zanzibar electronic seals");
  });

  it("keeps counts and pages per filter until a case study changes, and loads one filter once for concurrent readers", async () => {
    const db = env.database.db;
    const { cs, editor } = await accepted("Quokka gate scanners");
    const generations = new Generations<ChangeTopic>();
    const cache = new TopicCache(generations, 2 ** 20);
    const filter = LibraryQuery.parse({ q: "quokka" });
    let loads = 0;
    const counting = { get: <V>(key: string, topics: readonly ChangeTopic[], load: () => Promise<V>) => cache.get(key, topics, () => (loads++, load())) };

    const before = await Promise.all([searchLibrary(db, filter, counting), searchLibrary(db, filter, counting)]);
    expect(before.map((r) => r.total)).toEqual([0, 0]);
    expect(loads).toBe(2); // the counts and the page, once for both readers
    await moveCaseStudy(db, editor, cs.id, { from: "accepted", to: "published", message: null, reason: null, supersededBy: null });
    // Unannounced (this cache's generations did not move): the kept result, not a new query.
    expect((await searchLibrary(db, filter, counting)).total).toBe(0);
    expect(loads).toBe(2);

    generations.bump("case-studies");
    const after = await searchLibrary(db, filter, counting);
    expect(after.total).toBe(1);
    expect(after.hits.map((h) => h.id)).toEqual([cs.id]);
    expect(after.facets.technology).toEqual([{ value: "blockchain", count: 1 }]);
    // The next page of the same filter shares its counts; only the page is read.
    expect((await searchLibrary(db, LibraryQuery.parse({ q: "quokka", page: "2" }), counting)).hits).toEqual([]);
    expect(loads).toBe(5);
  });

  it("announces a change of a report's annex", async () => {
    const db = env.database.db;
    const { cs, editor } = await accepted("Wombat annex study");
    await moveCaseStudy(db, editor, cs.id, { from: "accepted", to: "published", message: null, reason: null, supersededBy: null });
    const draft = await buildReport(db);
    const before = env.app.changes.of("case-studies");
    await setAnnex(db, SYSTEM_ACTOR, draft.report.id, [cs.id]);
    expect(env.app.changes.of("case-studies")).toBeGreaterThan(before);
  });
});
