import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { saveSection } from "#src/features/reports/revisions.ts";
import * as reviews from "#src/features/reviews/service.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildOrganization, buildReport, buildUser } from "#test/helpers/factories.ts";

const env = useTestApp();

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe("a review round shows members the text as readers will see it", () => {
  it("drops the secretariat's warnings for a broken reference, which the editor's draft still shows", async () => {
    const db = env.database.db;
    const draft = await buildReport(db);
    const chapter = draft.chapters[0]!;
    const section = chapter.sections[0]!;
    const head = section.texts.en!;
    const body = "Adoption grew fast, as :figure[the adoption chart]{ref=no-such-figure} shows.\n\n::figure{ref=missing-figure}\n\nThe end of the section.";
    await saveSection(db, SYSTEM_ACTOR, { sectionId: section.id, language: "en", heading: head.heading, body, baseRevisionId: head.revisionId, summary: null });
    const org = await buildOrganization(db);
    const member = await buildUser(db, { role: "contributor", organizationId: org.id });
    const editor = await buildUser(db, { role: "editor" });
    const round = await reviews.openRound(db, SYSTEM_ACTOR, draft.report.id, { title: "Review of the draft", editionId: null, opensOn: inDays(-1), closesOn: inDays(7), visibility: "secretariat", instructions: "", organizationIds: [org.id] });

    const asMember = await (await new Browser(env.app).signInAs(env.database, member.email)).get(`/reviews/${round.id}`);
    expect(asMember.statusCode).toBe(200);
    expect(asMember.body).not.toContain("content-warning");
    expect(asMember.body).not.toContain("No figure is known");
    // The author's words stay in the sentence; the rest of the text is there.
    expect(asMember.body).toContain("Adoption grew fast, as the adoption chart shows.");
    expect(asMember.body).toContain("The end of the section.");

    const asEditor = await (await new Browser(env.app).signInAs(env.database, editor.email)).get(`/draft/${draft.report.slug}/en/${chapter.slug}`);
    expect(asEditor.statusCode).toBe(200);
    expect(asEditor.body).toContain('class="content-warning"');
    expect((asEditor.body.match(/class="content-warning"/g) ?? []).length).toBe(2);
  });
});
