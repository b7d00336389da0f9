import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { editionPages } from "#src/db/schema/editions.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { changeStatus, freezeEdition, refreshEdition, publishEdition } from "#src/features/editions/service.ts";
import { saveSection } from "#src/features/reports/revisions.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildReport, buildUser } from "#test/helpers/factories.ts";

const env = useTestApp();

const publicUrl = "http://localhost:3000";
const edit = async (draft: Awaited<ReturnType<typeof buildReport>>, body: string) => {
  const { loadDraft } = await import("#src/features/reports/draft.ts");
  const now = await loadDraft(env.database.db, draft.report.slug);
  const section = now.chapters[0]!.sections[0]!;
  return saveSection(env.database.db, SYSTEM_ACTOR, { sectionId: section.id, language: "en", heading: section.texts.en!.heading, body, baseRevisionId: section.texts.en!.revisionId, summary: null });
};

describe("editions", () => {
  it("publishes pages that later edits of the draft do not touch, byte for byte", async () => {
    const draft = await buildReport(env.database.db);
    await edit(draft, "The text as published.");
    const edition = await freezeEdition(env.database.db, SYSTEM_ACTOR, draft.report.id, { label: "2022", title: "Edition 2022", editionDate: "2022-06-30", foreword: null });
    expect(edition.contentHash).toMatch(/^[0-9a-f]{64}$/);
    await publishEdition(env.database.db, SYSTEM_ACTOR, edition.id, { to: "published", publicUrl });
    const url = `/reports/${draft.report.slug}/2022/en/blockchain`;
    const before = await env.app.inject({ url });
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain("The text as published.");
    await edit(draft, "A later edit in the living draft.");
    const after = await env.app.inject({ url });
    expect(after.body).toBe(before.body);
    expect(after.headers.etag).toBe(before.headers.etag);
    // The comparison with the draft shows the edit.
    const editor = await buildUser(env.database.db, { role: "editor" });
    const browser = await new Browser(env.app).signInAs(env.database, editor.email);
    const compare = await browser.get(`/reports/${draft.report.slug}/compare?from=2022&to=draft`);
    expect(compare.statusCode).toBe(200);
    expect(compare.body).toContain("1 section changed");
    expect(compare.body).toMatch(/<ins[^>]*>[^<]*later/);
    expect(compare.body).toMatch(/<del[^>]*>[^<]*published/);
  });

  it("answers a conditional request with 304 and caches for long", async () => {
    const draft = await buildReport(env.database.db);
    const edition = await freezeEdition(env.database.db, SYSTEM_ACTOR, draft.report.id, { label: "2019", title: "Edition 2019", editionDate: "2019-06-01", foreword: null });
    await publishEdition(env.database.db, SYSTEM_ACTOR, edition.id, { to: "published", publicUrl });
    const url = `/reports/${draft.report.slug}/2019/fr/`;
    const first = await env.app.inject({ url });
    expect(first.headers["cache-control"]).toBe("public, max-age=86400");
    const again = await env.app.inject({ url, headers: { "if-none-match": String(first.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    const current = await env.app.inject({ url: `/reports/${draft.report.slug}/current/fr/blockchain` });
    expect(current.statusCode).toBe(302);
    expect(current.headers.location).toBe(`/reports/${draft.report.slug}/2019/fr/blockchain`);
  });

  it("refuses unpublished editions to anonymous readers and keeps withdrawn ones readable", async () => {
    const draft = await buildReport(env.database.db);
    const edition = await freezeEdition(env.database.db, SYSTEM_ACTOR, draft.report.id, { label: "2025", title: "Edition 2025", editionDate: "2025-01-01", foreword: null });
    const url = `/reports/${draft.report.slug}/2025/en/`;
    expect((await env.app.inject({ url })).statusCode).toBe(303);
    await changeStatus(env.database.db, SYSTEM_ACTOR, edition.id, "in_review");
    expect((await env.app.inject({ url, headers: { accept: "application/json" } })).statusCode).toBe(401);
    const member = await buildUser(env.database.db);
    expect((await (await new Browser(env.app).signInAs(env.database, member.email)).get(url)).statusCode).toBe(200);
    await publishEdition(env.database.db, SYSTEM_ACTOR, edition.id, { to: "published", publicUrl });
    await expect(refreshEdition(env.database.db, SYSTEM_ACTOR, edition.id)).rejects.toMatchObject({ code: "EDITION_IMMUTABLE" });
    await expect(changeStatus(env.database.db, SYSTEM_ACTOR, edition.id, "draft")).rejects.toMatchObject({ code: "EDITION_STATUS" });
    await expect(publishEdition(env.database.db, SYSTEM_ACTOR, edition.id, { to: "withdrawn", publicUrl })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await publishEdition(env.database.db, SYSTEM_ACTOR, edition.id, { to: "withdrawn", publicUrl, reason: "Superseded by a corrected edition." });
    env.app.editionCache.forgetLookups();
    const withdrawn = await env.app.inject({ url });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.body).toContain("Superseded by a corrected edition.");
    const pages = await env.database.db.select().from(editionPages).where(eq(editionPages.editionId, edition.id));
    expect(pages).toHaveLength(draft.report.languages.length * (1 + draft.chapters.length));
  });

  it("lists editions with their label and each date once: edition date, then publication or withdrawal when another day", async () => {
    const { db } = env.database;
    const draft = await buildReport(db);
    const freeze = (label: string, editionDate: string) => freezeEdition(db, SYSTEM_ACTOR, draft.report.id, { label, title: `Study ${label}`, editionDate, foreword: null });
    const sameDay = await freeze("2019", "2019-06-28");
    await publishEdition(db, SYSTEM_ACTOR, sameDay.id, { to: "published", publicUrl, publishedAt: new Date("2019-06-28T12:00:00Z") });
    const later = await freeze("2020", "2020-03-01");
    await publishEdition(db, SYSTEM_ACTOR, later.id, { to: "published", publicUrl, publishedAt: new Date("2020-03-04T09:00:00Z") });
    const gone = await freeze("2021", "2021-05-10");
    await publishEdition(db, SYSTEM_ACTOR, gone.id, { to: "published", publicUrl, publishedAt: new Date("2021-05-10T09:00:00Z") });
    await publishEdition(db, SYSTEM_ACTOR, gone.id, { to: "withdrawn", publicUrl, reason: "Replaced." });
    const current = await freeze("2022", "2022-06-30");
    await publishEdition(db, SYSTEM_ACTOR, current.id, { to: "published", publicUrl, publishedAt: new Date("2022-06-30T12:00:00Z") });
    const withdrawnOn = new Date().toLocaleDateString("en", { dateStyle: "long", timeZone: "UTC" });

    /** Each card's words, tags left out. */
    const cards = async (lang: string) => {
      const page = await env.app.inject({ url: `/reports/${draft.report.slug}/`, headers: { "accept-language": lang } });
      expect(page.statusCode).toBe(200);
      return [...page.body.matchAll(/<li class="card">(.*?)<\/li>/gs)].map((m) => m[1]!.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim());
    };
    const en = await cards("en");
    expect(en).toHaveLength(4);
    expect(en[0]).toMatch(/^Study 2022 2022 edition Current edition Edition date June 30, 2022 English/);
    expect(en[1]).toMatch(new RegExp(`^Study 2021 2021 edition Withdrawn ${withdrawnOn} Edition date May 10, 2021 English`));
    expect(en[2]).toMatch(/^Study 2020 2020 edition Edition date March 1, 2020 · Published March 4, 2020 English/);
    expect(en[3]).toMatch(/^Study 2019 2019 edition Published Edition date June 28, 2019 English/);
    for (const card of en) expect(card.match(/June 28, 2019|June 30, 2022/g)?.length ?? 1).toBe(1);

    const fr = await cards("fr");
    expect(fr[0]).toContain("Édition 2022");
    expect(fr[0]).toMatch(/Date de l.édition\s*:\s*30 juin 2022/);
    expect(fr[2]).toMatch(/Publiée le 4 mars 2020/);
    expect((await cards("es"))[1]).toMatch(/Edición 2021 Retirada el /);
  });

  it("lists published editions in the Atom feed and refuses a duplicate label", async () => {
    const draft = await buildReport(env.database.db);
    const edition = await freezeEdition(env.database.db, SYSTEM_ACTOR, draft.report.id, { label: "2030", title: "Edition 2030", editionDate: "2030-01-01", foreword: null });
    await publishEdition(env.database.db, SYSTEM_ACTOR, edition.id, { to: "published", publicUrl });
    const feed = await env.app.inject({ url: `/reports/${draft.report.slug}/feed.xml` });
    expect(feed.headers["content-type"]).toContain("application/atom+xml");
    expect(feed.body).toContain(`<link rel="alternate" type="text/html" href="${publicUrl}/reports/${draft.report.slug}/2030/en/"/>`);
    await expect(freezeEdition(env.database.db, SYSTEM_ACTOR, draft.report.id, { label: "2030", title: "Again", editionDate: "2030-01-01", foreword: null })).rejects.toMatchObject({ code: "EDITION_LABEL_TAKEN" });
  });
});
