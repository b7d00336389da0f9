import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { reviewComments, reviewInvitations, reviewRounds } from "#src/db/schema/reviews.ts";
import { updateOrganization } from "#src/features/members/repository.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { freezeEdition, publishEdition } from "#src/features/editions/service.ts";
import { loadSnapshot } from "#src/features/editions/snapshot.ts";
import * as events from "#src/features/events/service.ts";
import { listRegister } from "#src/features/events/repository.ts";
import { reflectedIn, sectionProvenance, traceability } from "#src/features/provenance/provenance.ts";
import { saveSection } from "#src/features/reports/revisions.ts";
import { loadDraft } from "#src/features/reports/draft.ts";
import { strFromU8, unzipSync } from "fflate";
import { matrixDocx, matrixLines, matrixXlsx } from "#src/features/reviews/matrix.ts";
import { roundDocument } from "#src/features/reviews/read.ts";
import * as repo from "#src/features/reviews/repository.ts";
import * as reviews from "#src/features/reviews/service.ts";
import { translator } from "#src/i18n/i18n.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildOrganization, buildReport, buildUser } from "#test/helpers/factories.ts";
import { inDays, today } from "#test/helpers/dates.ts";
import { codeOf } from "#test/helpers/outcome.ts";

const env = useTestApp();

async function setting() {
  const db = env.database.db;
  const draft = await buildReport(db);
  const [section] = draft.chapters[0]!.sections;
  const a = await buildOrganization(db, { regionCode: "ESA" });
  const b = await buildOrganization(db, { regionCode: "AP" });
  const c = await buildOrganization(db, { regionCode: "EUR" });
  const as = async (organizationId: string) => {
    const user = await buildUser(db, { role: "contributor", organizationId });
    return { user, caller: { ...SYSTEM_ACTOR, userId: user.id, role: "contributor" as const, organizationId } };
  };
  const editor = await buildUser(db, { role: "editor" });
  return { db, draft, section: section!, a, b, c, memberA: await as(a.id), memberB: await as(b.id), memberC: await as(c.id), editor: { user: editor, caller: { ...SYSTEM_ACTOR, userId: editor.id, role: "editor" as const, organizationId: null } } };
}

describe("events and the recommendation register", () => {
  it("trace a recommendation from its outcomes to the section that places it and the edition that froze it, and back", async () => {
    const { db, draft, section } = await setting();
    const event = await events.createEvent(db, SYSTEM_ACTOR, draft.report.id, { slug: "rw-test", kind: "regional_workshop", title: "Regional workshop", startsOn: "2021-03-16", endsOn: "2021-03-17", place: null, online: true, regionCode: "AP", organizers: "Secretariat", summary: "" });
    const g1 = await events.addPart(db, SYSTEM_ACTOR, event.id, { kind: "breakout_group", title: "Group 1" });
    const g2 = await events.addPart(db, SYSTEM_ACTOR, event.id, { kind: "breakout_group", title: "Group 2" });
    const o1 = await events.addOutcome(db, SYSTEM_ACTOR, event.id, { kind: "recommendation", partId: g1.id, producedBy: "Group 1", technologySlugs: [], texts: { en: "Pilot first." } });
    const o2 = await events.addOutcome(db, SYSTEM_ACTOR, event.id, { kind: "recommendation", partId: g2.id, producedBy: "Group 2", technologySlugs: [], texts: { en: "Trial at one crossing first." } });
    const rec = await events.createRecommendation(db, SYSTEM_ACTOR, draft.report.id, { slug: "pilot-first", texts: { en: "Pilot first.", fr: "Commencer par un pilote." }, status: "proposed", statusNote: null, themes: ["strategy"], technologyIds: [], outcomeIds: [o1.id] });
    const other = await events.createRecommendation(db, SYSTEM_ACTOR, draft.report.id, { slug: "trial-first", texts: { en: "Trial first." }, status: "proposed", statusNote: null, themes: [], technologyIds: [], outcomeIds: [o2.id] });

    // A duplicate reference and an outcome naming another event's part are refused.
    expect(await codeOf(events.createRecommendation(db, SYSTEM_ACTOR, draft.report.id, { slug: "pilot-first", texts: { en: "x" }, status: "proposed", statusNote: null, themes: [], technologyIds: [], outcomeIds: [] }))).toBe("SLUG_TAKEN");
    const elsewhere = await events.createEvent(db, SYSTEM_ACTOR, draft.report.id, { slug: "other", kind: "webinar", title: "Other", startsOn: "2022-01-01", endsOn: "2022-01-01", place: null, online: true, regionCode: null, organizers: "", summary: "" });
    expect(await codeOf(events.addOutcome(db, SYSTEM_ACTOR, elsewhere.id, { kind: "insight", partId: g1.id, producedBy: "", technologySlugs: [], texts: { en: "x" } }))).toBe("VALIDATION_FAILED");
    expect(await codeOf(events.createEvent(db, SYSTEM_ACTOR, draft.report.id, { slug: "backwards", kind: "webinar", title: "B", startsOn: "2022-01-02", endsOn: "2022-01-01", place: null, online: true, regionCode: null, organizers: "", summary: "" }))).toBe("VALIDATION_FAILED");

    // Merging keeps every source and retires the other, pointing at the survivor.
    await events.mergeRecommendation(db, SYSTEM_ACTOR, rec.id, other.id);
    const register = await listRegister(db, draft.report.id);
    expect(register.find((r) => r.slug === "pilot-first")).toMatchObject({ sources: 2, status: "proposed" });
    expect(register.find((r) => r.slug === "trial-first")).toMatchObject({ status: "retired", mergedIntoId: rec.id });
    expect(await codeOf(events.mergeRecommendation(db, SYSTEM_ACTOR, rec.id, other.id))).toBe("RECOMMENDATION_RETIRED");

    // Placed in a section: the section's provenance names it and both outcomes behind it.
    const head = draft.chapters[0]!.sections[0]!.texts.en!;
    await saveSection(db, SYSTEM_ACTOR, { sectionId: section.id, language: "en", heading: head.heading, body: "Advice.\n\n::recommendation{ref=pilot-first}", baseRevisionId: head.revisionId, summary: null });
    const provenance = await sectionProvenance(db, section.id, "en");
    expect(provenance.recommendations.map((r) => r.slug)).toEqual(["pilot-first"]);
    expect(provenance.outcomes.map((o) => o.part?.title).sort()).toEqual(["Group 1", "Group 2"]);

    // Adopted, frozen and published: the edition pins its words, number, status and sources; later edits do not change them.
    await events.updateRecommendation(db, SYSTEM_ACTOR, rec.id, { texts: rec.texts, status: "endorsed", statusNote: null, themes: ["strategy"], technologyIds: [] });
    const edition = await freezeEdition(db, SYSTEM_ACTOR, draft.report.id, { label: "2030", title: "Study", editionDate: "2030-01-01", foreword: null });
    await publishEdition(db, SYSTEM_ACTOR, edition.id, { to: "published", publicUrl: "http://localhost" });
    await events.updateRecommendation(db, SYSTEM_ACTOR, rec.id, { texts: { en: "Pilot first, then scale." }, status: "endorsed", statusNote: null, themes: [], technologyIds: [] });
    const [pinned, ...more] = (await loadSnapshot(db, edition.id)).recommendations;
    expect(more).toEqual([]);
    expect(pinned).toMatchObject({ id: rec.id, slug: "pilot-first", texts: { en: "Pilot first.", fr: "Commencer par un pilote." }, retired: false, status: "endorsed", number: 1 });
    expect(pinned!.sources.map((x) => x.outcomeId).sort()).toEqual([o1.id, o2.id].sort());
    const reflected = await reflectedIn(db, rec);
    expect(reflected.sections.map((s) => s.sectionId)).toEqual([section.id]);
    expect(reflected.editions.map((e) => [e.label, e.status])).toEqual([["2030", "published"]]);
    expect((await listRegister(db, draft.report.id)).find((r) => r.slug === "pilot-first")?.editions).toEqual(["2030"]);

    // The traceability matrix: the recommendation and both outcomes feed chapter 1.
    const matrix = await traceability(db, draft.report.slug, "en");
    const chapterId = matrix.chapters[0]!.id;
    expect(matrix.rows.filter((r) => r.kind === "recommendation").map((r) => [r.key, r.cells[chapterId]])).toEqual([["pilot-first", 1]]);
    expect(matrix.rows.filter((r) => r.kind === "outcome")).toHaveLength(2);
  });
});

describe("event documents", () => {
  it("are kept by their code, with a checked file readers can download", async () => {
    const { db, draft, editor } = await setting();
    const event = await events.createEvent(db, SYSTEM_ACTOR, draft.report.id, { slug: "ptc-test", kind: "committee_session", title: "Committee session", startsOn: "2019-03-12", endsOn: "2019-03-15", place: "Brussels", online: false, regionCode: null, organizers: "", summary: "" });
    const asEditor = await new Browser(env.app).signInAs(env.database, editor.user.email);
    const page = `/editor/events/${event.id}`;
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const sent = await asEditor.upload(page, `${page}/documents`, "file", { filename: "PC0541 Annex E.pdf", data: pdf, type: "application/pdf" }, { docCode: "PC0541 Annex E", docTitle: "Case studies received" });
    expect(sent.statusCode).toBe(303);
    // An executable under a PDF name is refused and nothing is stored.
    const refused = await asEditor.upload(page, `${page}/documents`, "file", { filename: "minutes.pdf", data: Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"), type: "application/pdf" }, { docCode: "PC0542", docTitle: "Minutes" });
    expect(refused.statusCode).toBe(415);
    const missing = await asEditor.upload(page, `${page}/documents`, "file", { filename: "x.pdf", data: pdf }, { docCode: "", docTitle: "No code" });
    expect(missing.statusCode).toBe(400);
    const publicPage = await new Browser(env.app).get(`/reports/${draft.report.slug}/events/ptc-test`);
    expect(publicPage.body).toContain("PC0541 Annex E");
    expect(publicPage.body).not.toContain("PC0542");
    const href = /href="(\/files\/event-documents\/[0-9a-f-]+)"/.exec(publicPage.body)?.[1];
    const file = await new Browser(env.app).get(href!);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.rawPayload.equals(pdf)).toBe(true);
  });
});

describe("review rounds", () => {
  it("take comments from invited organizations only, hide them from each other, and close only once every comment has a disposition", async () => {
    const { db, draft, section, a, b, memberA, memberB, memberC, editor } = await setting();
    const round = await reviews.openRound(db, SYSTEM_ACTOR, draft.report.id, { title: "Spring review", editionId: null, opensOn: today(), closesOn: inDays(14), visibility: "secretariat", instructions: "", organizationIds: [a.id, b.id] });
    const passage = "a passage as it reads today";
    const first = await reviews.addComment(db, memberA.caller, round.id, { sectionId: section.id, parentId: null, quote: passage, body: "Please say more." });
    const second = await reviews.addComment(db, memberB.caller, round.id, { sectionId: section.id, parentId: null, quote: null, body: "Fine as it is." });
    await reviews.addComment(db, memberB.caller, round.id, { sectionId: section.id, parentId: first.id, quote: "ignored on replies", body: "We agree with this." });

    // Not invited: refused, and nothing written.
    expect(await codeOf(reviews.addComment(db, memberC.caller, round.id, { sectionId: section.id, parentId: null, quote: null, body: "Let me in." }))).toBe("NOT_INVITED");
    // A section of another report is refused.
    const elsewhere = await buildReport(db);
    expect(await codeOf(reviews.addComment(db, memberA.caller, round.id, { sectionId: elsewhere.chapters[0]!.sections[0]!.id, parentId: null, quote: null, body: "x" }))).toBe("VALIDATION_FAILED");
    expect((await db.select().from(reviewComments).where(eq(reviewComments.roundId, round.id))).length).toBe(3);

    // The quote is kept even when the text changes.
    const head = draft.chapters[0]!.sections[0]!.texts.en!;
    await saveSection(db, SYSTEM_ACTOR, { sectionId: section.id, language: "en", heading: head.heading, body: "Rewritten entirely.", baseRevisionId: head.revisionId, summary: null });
    expect((await repo.getComment(db, first.id))?.quote).toBe(passage);

    // Closing with open comments needs the editor to say so.
    expect(await codeOf(reviews.closeRound(db, editor.caller, round.id, false))).toBe("ROUND_HAS_OPEN_COMMENTS");
    expect(await codeOf(reviews.dispose(db, editor.caller, second.id, { disposition: "not_accepted", reason: null, appliedRevisionId: null }))).toBe("VALIDATION_FAILED");
    // The applying revision must be one of the section's own.
    const otherRevision = elsewhere.chapters[0]!.sections[0]!.texts.en!.revisionId;
    expect(await codeOf(reviews.dispose(db, editor.caller, first.id, { disposition: "accepted", reason: "Expanded.", appliedRevisionId: otherRevision }))).toBe("VALIDATION_FAILED");
    const applied = (await loadDraft(db, draft.report.slug)).chapters[0]!.sections[0]!.texts.en!.revisionId;
    await reviews.dispose(db, editor.caller, first.id, { disposition: "accepted", reason: "Expanded.", appliedRevisionId: applied });
    await reviews.dispose(db, editor.caller, second.id, { disposition: "noted", reason: null, appliedRevisionId: null });

    // The matrix has one row per comment (replies counted), with the quote and the disposition.
    const document = await roundDocument(db, round, "en");
    const lines = matrixLines(await repo.listComments(db, round.id), document, translator("en"));
    expect(lines.map((l) => [l.organization, l.quote, l.disposition, l.replies])).toEqual([
      [a.name, passage, "Accepted", 1],
      [b.name, "", "Noted", 0],
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await matrixXlsx(round, lines, translator("en"))) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(5).value).toBe(passage);
    const docx = unzipSync(new Uint8Array(await matrixDocx(round, lines, translator("fr"))));
    const xml = strFromU8(docx["word/document.xml"]!);
    for (const text of [passage, "Please say more.", "Fine as it is.", "Suite donnée"]) expect(xml).toContain(text);

    await reviews.closeRound(db, editor.caller, round.id, false);
    expect(await codeOf(reviews.addComment(db, memberA.caller, round.id, { sectionId: section.id, parentId: null, quote: null, body: "Too late." }))).toBe("ROUND_CLOSED");
    expect(await codeOf(reviews.closeRound(db, editor.caller, round.id, true))).toBe("ROUND_CLOSED");
  });

  it("shows a member only their own organization's comments until the round closes, over HTTP", async () => {
    const { db, draft, section, a, b, memberA, memberB, memberC, editor } = await setting();
    const round = await reviews.openRound(db, SYSTEM_ACTOR, draft.report.id, { title: "Private review", editionId: null, opensOn: today(), closesOn: inDays(7), visibility: "secretariat", instructions: "", organizationIds: [a.id, b.id] });
    const asA = await new Browser(env.app).signInAs(env.database, memberA.user.email);
    const asB = await new Browser(env.app).signInAs(env.database, memberB.user.email);
    const asC = await new Browser(env.app).signInAs(env.database, memberC.user.email);
    const asEditor = await new Browser(env.app).signInAs(env.database, editor.user.email);

    const sent = await asA.submit(`/reviews/${round.id}`, `/reviews/${round.id}/comments`, { sectionId: section.id, quote: "", body: "Comment from A." });
    expect(sent.statusCode).toBe(303);
    await asB.submit(`/reviews/${round.id}`, `/reviews/${round.id}/comments`, { sectionId: section.id, quote: "", body: "Comment from B." });
    // An empty comment is refused with the form shown again, and nothing is written.
    const empty = await asB.submit(`/reviews/${round.id}`, `/reviews/${round.id}/comments`, { sectionId: section.id, quote: "x", body: "   " });
    expect(empty.statusCode).toBe(400);

    expect((await asA.get(`/reviews/${round.id}`)).body).toContain("Comment from A.");
    expect((await asA.get(`/reviews/${round.id}`)).body).not.toContain("Comment from B.");
    expect((await asEditor.get(`/editor/reviews/${round.id}`)).body).toContain("Comment from B.");
    // Not invited: the round does not exist for them, and posting is forbidden.
    expect((await asC.get(`/reviews/${round.id}`)).statusCode).toBe(404);

    // Closed (the editor confirms despite open comments): everyone invited sees everything.
    await reviews.closeRound(db, editor.caller, round.id, true);
    expect((await asA.get(`/reviews/${round.id}`)).body).toContain("Comment from B.");
    expect((await repo.getRound(db, round.id))?.closedWithOpenComments).toBe(true);
    const all = await db.select().from(reviewComments).where(eq(reviewComments.roundId, round.id));
    expect(all.map((c) => c.body).sort()).toEqual(["Comment from A.", "Comment from B."]);
  });

  it("invite a whole region by its organizations' ids, and refuse unknown or inactive ids with nothing written, over HTTP", async () => {
    const { db, draft, a, b, editor } = await setting();
    const more = await buildOrganization(db, { regionCode: "ESA", country: "KE", shortName: "KRA-T" });
    const retired = await buildOrganization(db, { regionCode: "ESA" });
    await updateOrganization(db, retired.id, { deactivatedAt: new Date() });
    const esa = (await repo.invitableOrganizations(db)).filter((o) => o.regionCode === "ESA").map((o) => o.id);
    expect(esa).toEqual(expect.arrayContaining([a.id, more.id]));
    expect(esa).not.toContain(retired.id);
    expect(esa).not.toContain(b.id);
    const asEditor = await new Browser(env.app).signInAs(env.database, editor.user.email);
    const page = `/editor/reports/${draft.report.slug}/reviews`;
    const written = async () => [(await db.select({ n: count() }).from(reviewRounds))[0]!.n, (await db.select({ n: count() }).from(reviewInvitations))[0]!.n];
    const before = await written();
    const ticked = (html: string) => [...html.matchAll(/<input [^>]*name="organizationIds"[^>]*>/g)].filter((m) => / checked/.test(m[0])).map((m) => /value="([^"]+)"/.exec(m[0])![1]);

    // The picker lists every active organization once, grouped by region, searchable by country and short name.
    const form = await asEditor.get(page);
    expect(form.body).toContain('data-region="ESA"');
    expect(form.body).not.toContain(`value="${retired.id}"`);
    expect(form.body).toMatch(new RegExp(`data-search="[^"]*kra-t[^"]*kenya[^"]*"[^>]*>\\s*<label class="check"><input type="checkbox" name="organizationIds" value="${more.id}"`));

    // Without JavaScript, a region's button ticks all of it and keeps what was typed; nothing is written.
    const fields = { title: "Regional review", editionId: "", opensOn: today(), closesOn: inDays(10), visibility: "secretariat", instructions: "" };
    const region = await asEditor.submit(page, page, { ...fields, organizationIds: [b.id], selectRegion: "ESA" });
    expect(region.statusCode).toBe(200);
    expect(ticked(region.body).sort()).toEqual([...esa, b.id].sort());
    expect(region.body).toContain('value="Regional review"');
    expect(await written()).toEqual(before);
    // An unknown region (a stale page): the form again with the error and what was typed.
    const unknown = await asEditor.submit(page, page, { ...fields, organizationIds: [b.id], selectRegion: "XYZ" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('value="Regional review"');
    expect(ticked(unknown.body)).toEqual([b.id]);
    expect(await written()).toEqual(before);

    // An unknown id, a deactivated organization or something that is no id: 400, and nothing is written.
    for (const bad of [[...esa, randomUUID()], [...esa, retired.id], [...esa, "not-an-id"]]) {
      const refused = await asEditor.submit(page, page, { ...fields, organizationIds: bad });
      expect(refused.statusCode).toBe(400);
      expect(ticked(refused.body)).toEqual(expect.arrayContaining(esa));
    }
    expect((await asEditor.submit(page, page, { ...fields, organizationIds: [...esa, randomUUID()] })).body).toContain("An organization chosen is unknown or no longer active.");
    expect(await written()).toEqual(before);

    // The region's ids, sent as the picker sends them (a repeated id counts once): exactly that region is invited.
    const sent = await asEditor.submit(page, page, { ...fields, organizationIds: [...esa, esa[0]!] });
    expect(sent.statusCode).toBe(303);
    const roundId = String(sent.headers.location).split("/").pop()!;
    expect((await repo.invitedOrganizationIds(db, roundId)).sort()).toEqual([...esa].sort());
  });

  it("record a disposition with a revision chosen among the section's since the comment, refuse any other, and confirm what was recorded", async () => {
    const { db, draft, section, a, memberA, editor } = await setting();
    const round = await reviews.openRound(db, SYSTEM_ACTOR, draft.report.id, { title: "Disposition review", editionId: null, opensOn: today(), closesOn: inDays(7), visibility: "secretariat", instructions: "", organizationIds: [a.id] });
    const comment = await reviews.addComment(db, memberA.caller, round.id, { sectionId: section.id, parentId: null, quote: null, body: "Name the kinds of ledger." });
    const [first, second] = draft.chapters[0]!.sections;
    const commented = first!.texts.en!;
    const { revision: applied } = await saveSection(db, editor.caller, { sectionId: section.id, language: "en", heading: commented.heading, body: "Permissioned and public ledgers.", baseRevisionId: commented.revisionId, summary: "Named the ledgers" });
    const other = second!.texts.en!.revisionId;
    const asEditor = await new Browser(env.app).signInAs(env.database, editor.user.email);
    const page = `/editor/reviews/${round.id}`;

    // The list offers the section's revisions since the comment, newest first, with date, author, summary and "current".
    const options = (html: string) => [.../<select id="v-[^"]+" name="appliedRevisionId"[^>]*>([\s\S]*?)<\/select>/.exec(html)![1]!.matchAll(/<option value(?:="([^"]*)")?[^>]*>([^<]*)</g)].map((m) => [m[1] ?? "", m[2]]);
    const offered = options((await asEditor.get(page)).body);
    expect(offered.map(([value]) => value)).toEqual(["", String(applied.id)]);
    expect(offered[1]![1]).toMatch(new RegExp(`^\\w{3} \\d{1,2}, \\d{4}, .+ UTC · ${editor.user.name} · Named the ledgers \\(current\\)$`));

    const url = `/editor/review-comments/${comment.id}/disposition`;
    // Another section's revision, the revision the comment was made on, or a revision for a comment only noted: 400.
    const otherSection = await asEditor.submit(page, url, { disposition: "accepted", reason: "", appliedRevisionId: String(other) });
    expect(otherSection.statusCode).toBe(400);
    expect(otherSection.body).toContain("revisions saved since the comment.");
    expect((await asEditor.submit(page, url, { disposition: "accepted", reason: "", appliedRevisionId: String(commented.revisionId) })).statusCode).toBe(400);
    const noted = await asEditor.submit(page, url, { disposition: "noted", reason: "", appliedRevisionId: String(applied.id) });
    expect(noted.statusCode).toBe(400);
    expect(noted.body).toContain("Only an accepted or partly accepted comment is applied in a revision");
    expect(await codeOf(reviews.dispose(db, editor.caller, comment.id, { disposition: "accepted", reason: null, appliedRevisionId: 2 ** 40 }))).toBe("VALIDATION_FAILED");
    expect(await repo.getComment(db, comment.id)).toMatchObject({ disposition: null, appliedRevisionId: null });

    const recorded = await asEditor.submit(page, url, { disposition: "accepted", reason: "Both kinds named.", appliedRevisionId: String(applied.id) });
    expect(recorded.statusCode).toBe(303);
    expect(await repo.getComment(db, comment.id)).toMatchObject({ disposition: "accepted", appliedRevisionId: applied.id, reason: "Both kinds named." });
    const confirmed = await asEditor.get(page);
    expect(confirmed.body).toMatch(new RegExp(`role="status">Recorded for the comment from ${a.name}: Accepted, applied in the revision of [^<]+ UTC\\.<`));
    expect(options(confirmed.body).find(([value]) => value === String(applied.id))).toBeTruthy();
    expect(confirmed.body).toMatch(new RegExp(`<option value="${applied.id}" selected`));

    // A revision recorded before the rule allowed it stays offered and selected, and saving the disposition again keeps it.
    await repo.updateComment(db, comment.id, { appliedRevisionId: commented.revisionId });
    const kept = await asEditor.get(page);
    expect(options(kept.body).map(([value]) => value)).toEqual(["", String(applied.id), String(commented.revisionId)]);
    expect(kept.body).toMatch(new RegExp(`<option value="${commented.revisionId}" selected`));
    expect((await asEditor.submit(page, url, { disposition: "accepted", reason: "Kept.", appliedRevisionId: String(commented.revisionId) })).statusCode).toBe(303);
    expect(await repo.getComment(db, comment.id)).toMatchObject({ appliedRevisionId: commented.revisionId, reason: "Kept." });
  });

  it("lets members propose topics and endorse others' once, and an accepted proposal become a chapter", async () => {
    const { db, draft, memberA, memberB, editor } = await setting();
    const proposal = await reviews.propose(db, memberA.caller, draft.report.id, { title: "Quantum-safe signatures", rationale: "Signatures on trade documents must outlive new computers.", technologySlugs: [] });
    expect(await codeOf(reviews.endorse(db, memberA.caller, proposal.id))).toBe("OWN_PROPOSAL");
    expect(await reviews.endorse(db, memberB.caller, proposal.id)).toBe(true);
    expect(await reviews.endorse(db, memberB.caller, proposal.id)).toBe(false);
    expect((await repo.listProposals(db, draft.report.id, memberB.caller.organizationId))[0]).toMatchObject({ endorsements: 1, endorsedByMe: true });
    await reviews.decide(db, editor.caller, proposal.id, { status: "accepted", note: "For the next edition.", makeChapter: true });
    expect(await codeOf(reviews.decide(db, editor.caller, proposal.id, { status: "declined", note: null, makeChapter: false }))).toBe("PROPOSAL_DECIDED");
    const after = await loadDraft(db, draft.report.slug);
    expect(after.chapters.map((c) => c.titles.en)).toContain("Quantum-safe signatures");
  });
});
