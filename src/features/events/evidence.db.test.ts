import { describe, expect, it } from "vitest";
import { renderHtml } from "#src/content/html.ts";
import { parseMarkdown } from "#src/content/parse.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { getReportBySlug } from "#src/features/catalog/repository.ts";
import * as editionsRepo from "#src/features/editions/repository.ts";
import { loadEditionContent, renderEditionPage } from "#src/features/editions/render.ts";
import { freezeEdition } from "#src/features/editions/service.ts";
import { loadSnapshot } from "#src/features/editions/snapshot.ts";
import * as events from "#src/features/events/service.ts";
import { draftResolver } from "#src/features/reports/evidence.ts";
import { saveSection } from "#src/features/reports/revisions.ts";
import { translator } from "#src/i18n/i18n.ts";
import { loadPublication } from "#src/publishing/publication.ts";
import { useTestApp } from "#test/helpers/app.ts";
import { buildReport } from "#test/helpers/factories.ts";

const env = useTestApp();

describe("recommendations in editions", () => {
  it("freezes adopted recommendations only, numbered in the order of the text, with the events and outcomes they came from", async () => {
    const db = env.database.db;
    const draft = await buildReport(db);
    const report = draft.report;
    const [first, second] = draft.chapters[0]!.sections;

    // Two events, the later one recorded first, with outcomes in English (one also in French).
    const workshop = await events.createEvent(db, SYSTEM_ACTOR, report.id, { slug: "rw-2021", kind: "regional_workshop", title: "Regional workshop <2021>", startsOn: "2021-03-16", endsOn: "2021-03-17", place: null, online: true, regionCode: null, organizers: "", summary: "" });
    const session = await events.createEvent(db, SYSTEM_ACTOR, report.id, { slug: "ptc-2017", kind: "committee_session", title: "Committee session, 2017", startsOn: "2017-10-16", endsOn: "2017-10-19", place: "Brussels", online: false, regionCode: null, organizers: "", summary: "" });
    const group = await events.addPart(db, SYSTEM_ACTOR, session.id, { kind: "breakout_group", title: "Break-out group A" });
    const late = await events.addOutcome(db, SYSTEM_ACTOR, workshop.id, { kind: "recommendation", partId: null, producedBy: "", technologySlugs: [], texts: { en: "Trial at one crossing point first." } });
    const early = await events.addOutcome(db, SYSTEM_ACTOR, session.id, { kind: "recommendation", partId: group.id, producedBy: "Break-out group A", technologySlugs: [], texts: { en: "Pilot before any roll-out.", fr: "Un pilote avant tout déploiement." } });
    const other = await events.addOutcome(db, SYSTEM_ACTOR, session.id, { kind: "recommendation", partId: null, producedBy: "the Committee", technologySlugs: [], texts: { en: "Agree on standards." } });

    const rec = (slug: string, status: "proposed" | "endorsed", outcomeIds: string[]) =>
      events.createRecommendation(db, SYSTEM_ACTOR, report.id, { slug, texts: { en: `Words of ${slug}.`, fr: `Mots de ${slug}.` }, status, statusNote: null, themes: [], technologyIds: [], outcomeIds });
    const pilots = await rec("ev-pilots", "endorsed", [late.id, early.id]);
    const standards = await rec("ev-standards", "endorsed", [other.id]);
    await rec("ev-proposed", "proposed", []);

    // The text places "pilots" first (also in French), then "proposed"; the next section "standards", then "pilots" again.
    const place = async (section: typeof first, lang: "en" | "fr", body: string) =>
      saveSection(db, SYSTEM_ACTOR, { sectionId: section!.id, language: lang, heading: `Section ${lang}`, body, baseRevisionId: section!.texts[lang]?.revisionId ?? null, summary: null });
    await place(first, "en", "Advice.\n\n::recommendation{ref=ev-pilots}\n\n::recommendation{ref=ev-proposed}");
    await place(first, "fr", "Conseil.\n\n::recommendation{ref=ev-standards}\n\n::recommendation{ref=ev-pilots}");
    await place(second, "en", "More.\n\n::recommendation{ref=ev-standards}\n\n::recommendation{ref=ev-pilots}");

    const edition = await freezeEdition(db, SYSTEM_ACTOR, report.id, { label: "2040", title: "Study", editionDate: "2040-01-01", foreword: null });
    const pinned = (await loadSnapshot(db, edition.id)).recommendations;
    // The proposed one is not frozen; the primary text's order numbers the others (the French order does not).
    expect(pinned.map((r) => [r.slug, r.number, r.status])).toEqual([
      ["ev-pilots", 1, "endorsed"],
      ["ev-standards", 2, "endorsed"],
    ]);
    expect(pinned[0]!.id).toBe(pilots.id);
    expect(pinned[1]!.id).toBe(standards.id);
    // Sources: oldest event first, with what a link and a citation need.
    expect(pinned[0]!.sources).toEqual([
      { outcomeId: early.id, kind: "recommendation", texts: { en: "Pilot before any roll-out.", fr: "Un pilote avant tout déploiement." }, by: "Break-out group A", part: "Break-out group A", event: { report: report.slug, slug: "ptc-2017", title: "Committee session, 2017", kind: "committee_session", startsOn: "2017-10-16", endsOn: "2017-10-19" } },
      { outcomeId: late.id, kind: "recommendation", texts: { en: "Trial at one crossing point first." }, by: "", part: null, event: { report: report.slug, slug: "rw-2021", title: "Regional workshop <2021>", kind: "regional_workshop", startsOn: "2021-03-16", endsOn: "2021-03-17" } },
    ]);

    // Later changes to the register do not reach the frozen edition.
    await events.updateRecommendation(db, SYSTEM_ACTOR, pilots.id, { texts: { en: "Changed." }, status: "retired", statusNote: null, themes: [], technologyIds: [] });
    expect((await loadSnapshot(db, edition.id)).recommendations[0]).toMatchObject({ texts: { en: "Words of ev-pilots." }, status: "endorsed" });

    // The edition's chapter page: number, status and where it came from, linked to the events' public pages.
    const row = (await editionsRepo.getEditionByLabel(db, report.id, "2040"))!;
    const content = await loadEditionContent(db, (await getReportBySlug(db, report.slug))!, row);
    const chapter = draft.chapters[0]!.slug;
    const en = renderEditionPage(content, "en", chapter, "http://localhost")!.html;
    expect(en).toContain("<strong>Recommendation 1</strong>");
    expect(en).toContain("<strong>Recommendation 2</strong>");
    expect(en).toContain('<span class="tag tag-ok">Adopted</span>');
    expect(en).toContain("Where it came from");
    expect(en).toContain(`<a href="/reports/${report.slug}/events/ptc-2017#outcome-${early.id}">Committee session, 2017</a>, October 16, 2017 — Break-out group A: “Pilot before any roll-out.”`);
    expect(en).toContain(`<a href="/reports/${report.slug}/events/rw-2021#outcome-${late.id}">Regional workshop &#x3C;2021></a>`);
    // The proposed one is unresolved: a visible warning, never its words (the findings block publishing on it).
    expect(en).not.toContain("Words of ev-proposed.");
    expect(en).toContain('<span class="content-warning">⚠ No recommendation is known as “ev-proposed”.</span>');
    expect(en).toContain('<ul class="rec-sources">');
    expect(en).not.toContain("Shown here once");
    const fr = renderEditionPage(content, "fr", chapter, "http://localhost")!.html;
    expect(fr).toContain("Recommandation 1");
    expect(fr).toContain("Adoptée");
    expect(fr).toContain("D'où elle vient");
    expect(fr).toContain("Break-out group A\u202f: «\u202fUn pilote avant tout déploiement.\u202f»");
    expect(fr).toContain("16 octobre 2017");

    // The public event page holds the anchor the link points at.
    const eventPage = await env.app.inject({ url: `/reports/${report.slug}/events/ptc-2017` });
    expect(eventPage.statusCode).toBe(200);
    expect(eventPage.body).toContain(`id="outcome-${early.id}"`);

    // PDF, DOCX and HTML files get the same as text, from the publication.
    const publication = await loadPublication(db, report.slug, "2040", "en");
    expect(publication.recommendations["ev-pilots"]).toMatchObject({ text: "Words of ev-pilots.", number: 1, status: "endorsed" });
    expect(publication.recommendations["ev-pilots"]!.sources!.map((s) => [s.event, s.date, s.by, s.outcome])).toEqual([
      ["Committee session, 2017", "October 16, 2017", "Break-out group A", "Pilot before any roll-out."],
      ["Regional workshop <2021>", "March 16, 2021", "", "Trial at one crossing point first."],
    ]);
    expect(publication.recommendations["ev-proposed"]).toBeUndefined();
  });

  it("shows the living draft's recommendations as the register has them now, proposed ones flagged, without a number", async () => {
    const db = env.database.db;
    const draft = await buildReport(db);
    const workshop = await events.createEvent(db, SYSTEM_ACTOR, draft.report.id, { slug: "rw-live", kind: "webinar", title: "Webinar", startsOn: "2024-05-02", endsOn: "2024-05-02", place: null, online: true, regionCode: null, organizers: "", summary: "" });
    const outcome = await events.addOutcome(db, SYSTEM_ACTOR, workshop.id, { kind: "recommendation", partId: null, producedBy: "Panel", technologySlugs: [], texts: { en: "Share what worked." } });
    await events.createRecommendation(db, SYSTEM_ACTOR, draft.report.id, { slug: "live-share", texts: { en: "Share experience." }, status: "proposed", statusNote: null, themes: [], technologyIds: [], outcomeIds: [outcome.id] });
    const body = "::recommendation{ref=live-share}";
    const { html, warnings } = renderHtml(parseMarkdown(body), { t: translator("en"), idPrefix: "s", resolve: await draftResolver(db, [body], "en") });
    expect(warnings).toEqual([]);
    expect(html).toContain("<strong>Recommendation</strong>");
    expect(html).toContain('<span class="tag tag-draft">Proposed</span>');
    expect(html).toContain("Not adopted yet");
    expect(html).toContain(`<a href="/reports/${draft.report.slug}/events/rw-live#outcome-${outcome.id}">Webinar</a>, May 2, 2024 — Panel: “Share what worked.”`);
  });
});
