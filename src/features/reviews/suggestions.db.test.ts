import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { auditEvents } from "#src/db/schema/audit.ts";
import { notifications } from "#src/db/schema/notifications.ts";
import { sectionRevisions } from "#src/db/schema/reports.ts";
import { reviewComments } from "#src/db/schema/reviews.ts";
import { INLINE_MAX_CHARS } from "#src/content/render.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { getHead } from "#src/features/reports/repository.ts";
import { saveSection } from "#src/features/reports/revisions.ts";
import { matrixLines } from "#src/features/reviews/matrix.ts";
import { roundDocument } from "#src/features/reviews/read.ts";
import * as repo from "#src/features/reviews/repository.ts";
import * as reviews from "#src/features/reviews/service.ts";
import { acceptSuggestion, rejectSuggestion, shownSuggestions } from "#src/features/reviews/suggestion-service.ts";
import { translator } from "#src/i18n/i18n.ts";
import { isAppError } from "#src/lib/errors.ts";
import { poolThreads } from "#src/lib/pool.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { tableFingerprint } from "#test/helpers/db.ts";
import { buildOrganization, buildReport, buildUser } from "#test/helpers/factories.ts";

const env = useTestApp();

const refusal = async (work: Promise<unknown>) => {
  try {
    await work;
    return { code: "resolved" };
  } catch (e) {
    if (isAppError(e)) return { code: e.code, fields: e.fields };
    throw e;
  }
};
const unchanged = async () => JSON.stringify(await tableFingerprint(env.database.db, new Set(["sessions"])));

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

const BODY = "A distributed ledger keeps records in step without a central book-keeper. Each party holds a copy.\n\nFor border agencies the interest lies in **shared records**: certificates of origin, permits and licences.";

async function setting() {
  const db = env.database.db;
  const draft = await buildReport(db);
  const section = draft.chapters[0]!.sections[0]!;
  const base = section.texts.en!.revisionId;
  const { revision } = await saveSection(db, SYSTEM_ACTOR, { sectionId: section.id, language: "en", heading: "What it is", body: BODY, baseRevisionId: base, summary: null });
  const a = await buildOrganization(db, { name: `Customs of Aland ${Math.random().toString(36).slice(2, 7)}` });
  const b = await buildOrganization(db);
  const c = await buildOrganization(db);
  const member = async (organizationId: string) => {
    const user = await buildUser(db, { role: "contributor", organizationId });
    return { user, caller: { ...SYSTEM_ACTOR, userId: user.id, role: "contributor" as const, organizationId } };
  };
  const editorUser = await buildUser(db, { role: "editor", name: "Eda Editor" });
  const editor = { ...SYSTEM_ACTOR, userId: editorUser.id, role: "editor" as const, organizationId: null };
  const memberA = await member(a.id);
  const memberB = await member(b.id);
  const memberC = await member(c.id);
  const round = await reviews.openRound(db, editor, draft.report.id, { title: "Suggestions round", editionId: null, opensOn: inDays(-1), closesOn: inDays(10), visibility: "secretariat", instructions: "", organizationIds: [a.id, b.id] });
  return { db, draft, section, revision, a, b, memberA, memberB, memberC, editor, editorUser, round };
}

type Setting = Awaited<ReturnType<typeof setting>>;
const suggest = (s: Setting, change: "replace" | "insert" | "delete", quote: string, replacement = "", body = "") =>
  reviews.addComment(s.db, s.memberA.caller, s.round.id, { sectionId: s.section.id, parentId: null, quote, body, change, replacement });
const headBody = async (s: Setting) => (await getHead(s.db, s.section.id, "en"))!.body;

describe("suggested changes", () => {
  it("anchors a member's replacement, insertion and deletion in the revision read, and refuses a passage not there or there twice, writing nothing", async () => {
    const s = await setting();
    const replace = await suggest(s, "replace", "without a central  book-keeper", "with no central book-keeper", "Plainer.");
    expect(replace.suggestion).toMatchObject({ exact: "without a central book-keeper", replacement: "with no central book-keeper" });
    expect(replace.revisionId).toBe(s.revision.id);
    expect(BODY.slice(replace.suggestion!.start, replace.suggestion!.end)).toBe("without a central book-keeper");
    const insert = await suggest(s, "insert", "certificates of origin", " (paper or electronic)");
    expect(insert.suggestion).toMatchObject({ exact: "", replacement: " (paper or electronic)" });
    expect(insert.suggestion!.start).toBe(BODY.indexOf("certificates of origin") + "certificates of origin".length);
    expect(insert.body).toBe("");
    const del = await suggest(s, "delete", " and licences");
    expect(del.suggestion).toMatchObject({ replacement: "" });
    expect(del.suggestion!.exact).toContain("and licences");

    // Replies carry no suggestion, whatever the form sent.
    const reply = await reviews.addComment(s.db, s.memberB.caller, s.round.id, { sectionId: s.section.id, parentId: replace.id, quote: "Each party", body: "Agreed.", change: "replace", replacement: "x" });
    expect(reply.suggestion).toBeNull();

    const before = await unchanged();
    expect(await refusal(suggest(s, "replace", "a passage that is nowhere", "x"))).toEqual({ code: "VALIDATION_FAILED", fields: { quote: "suggestion.quoteMissing" } });
    expect(await refusal(suggest(s, "replace", "records", "entries"))).toEqual({ code: "VALIDATION_FAILED", fields: { quote: "suggestion.quoteAmbiguous" } });
    expect(await refusal(suggest(s, "replace", "Each party holds a copy", "  "))).toMatchObject({ code: "VALIDATION_FAILED", fields: { replacement: "field.required" } });
    expect(await refusal(reviews.addComment(s.db, s.memberA.caller, s.round.id, { sectionId: s.section.id, parentId: null, quote: null, body: " " }))).toMatchObject({ code: "VALIDATION_FAILED", fields: { body: "field.required" } });
    // A member of an organization not invited is refused.
    expect((await refusal(reviews.addComment(s.db, s.memberC.caller, s.round.id, { sectionId: s.section.id, parentId: null, quote: "Each party holds a copy", body: "", change: "delete" }))).code).toBe("NOT_INVITED");
    expect(await unchanged()).toBe(before);

    // The pages show each as it reads: the words around, what goes and what comes.
    const shown = await shownSuggestions(s.db, await repo.listComments(s.db, s.round.id));
    expect(shown.get(replace.id)).toMatchObject({ kind: "replace", removed: "without a central book-keeper", added: "with no central book-keeper", stale: false });
    expect(shown.get(replace.id)!.before).toMatch(/records in step $/);
    expect(shown.get(insert.id)).toMatchObject({ kind: "insert", removed: "", added: "(paper or electronic)" });
    expect(shown.get(del.id)).toMatchObject({ kind: "delete", added: "" });
    expect(shown.has(reply.id)).toBe(false);

    // The matrix words the proposed change in the comment column, and counts it as a comment.
    const lines = matrixLines(await repo.listComments(s.db, s.round.id), await roundDocument(s.db, s.round, "en"), translator("en"));
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => l.comment)).toEqual([
      "Replace “without a central  book-keeper” with “with no central book-keeper”\n\nPlainer.",
      "Insert “(paper or electronic)” after “certificates of origin”",
      "Delete “and licences”",
    ]);
  });

  it("accepts suggestions in turn as new revisions, stale ones found again by their words, and records each disposition with its revision", async () => {
    const s = await setting();
    const replace = await suggest(s, "replace", "without a central book-keeper", "with no central book-keeper");
    const insert = await suggest(s, "insert", "certificates of origin", " (paper or electronic)");

    const first = await acceptSuggestion(s.db, s.editor, replace.id);
    expect(first.revision.summary).toBe(`Suggested by ${s.a.name}, accepted by Eda Editor`);
    expect(first.revision.baseRevisionId).toBe(s.revision.id);
    expect(await headBody(s)).toBe(BODY.replace("without a central book-keeper", "with no central book-keeper"));
    expect(first.comment).toMatchObject({ disposition: "accepted", appliedRevisionId: first.revision.id, disposedBy: s.editorUser.id, reason: null });
    const told = await s.db.select().from(notifications).where(eq(notifications.eventKey, `comment:${replace.id}:disposition:accepted`));
    expect(told.map((n) => n.userId)).toEqual([s.memberA.user.id]);
    const audited = await s.db.select().from(auditEvents).where(and(eq(auditEvents.action, "review.accept-suggestion"), eq(auditEvents.entityId, s.round.id)));
    expect(audited).toHaveLength(1);

    // The insertion was made on the earlier revision, changed elsewhere: still found once with its context, so not stale.
    expect((await shownSuggestions(s.db, [insert])).get(insert.id)?.stale).toBe(false);
    const second = await acceptSuggestion(s.db, s.editor, insert.id);
    expect(second.revision.baseRevisionId).toBe(first.revision.id);
    expect(await headBody(s)).toBe(BODY.replace("without a central book-keeper", "with no central book-keeper").replace("certificates of origin", "certificates of origin (paper or electronic)"));
    expect(second.comment.appliedRevisionId).toBe(second.revision.id);

    // Once answered, it is not answered again by these buttons.
    expect(await refusal(acceptSuggestion(s.db, s.editor, replace.id))).toMatchObject({ code: "SUGGESTION_DISPOSED" });
  });

  it("refuses a suggestion whose passage is gone or now appears twice (409, nothing written), and lets the editor apply their own wording", async () => {
    const s = await setting();
    const gone = await suggest(s, "replace", "Each party holds a copy", "Every party holds a copy");
    const twice = await suggest(s, "replace", "interest lies in", "interest is in");
    const edited = await suggest(s, "replace", "without a central book-keeper", "with no book-keeper in the middle");

    const result = await acceptSuggestion(s.db, s.editor, edited.id, { replacement: "with no single book-keeper", reason: "Shorter." });
    expect(result.comment).toMatchObject({ disposition: "partly_accepted", reason: "Shorter.", appliedRevisionId: result.revision.id });
    expect(result.revision.summary).toBe(`Suggested by ${s.a.name}, accepted with changes by Eda Editor`);
    expect(await headBody(s)).toContain("keeps records in step with no single book-keeper.");

    // The secretariat rewrites the section: the first passage goes, the second is repeated with its context.
    const [first, second] = (await headBody(s)).split("\n\n");
    const shorter = first!.replace(" Each party holds a copy.", " Parties keep copies.");
    const rewritten = await saveSection(s.db, SYSTEM_ACTOR, { sectionId: s.section.id, language: "en", heading: "What it is", body: [shorter, second, shorter, second].join("\n\n"), baseRevisionId: result.revision.id, summary: null });

    // The page says which must be applied by hand.
    const shown = await shownSuggestions(s.db, [gone, twice]);
    expect([shown.get(gone.id)?.stale, shown.get(twice.id)?.stale]).toEqual([true, true]);
    const before = await unchanged();
    expect((await refusal(acceptSuggestion(s.db, s.editor, gone.id))).code).toBe("SUGGESTION_NOT_FOUND");
    expect((await refusal(acceptSuggestion(s.db, s.editor, twice.id))).code).toBe("SUGGESTION_AMBIGUOUS");
    expect(await unchanged()).toBe(before);
    // The normal disposition form still answers the ones that could not be applied.
    await reviews.dispose(s.db, s.editor, gone.id, { disposition: "accepted", reason: "Applied by hand.", appliedRevisionId: rewritten.revision.id });
    expect((await repo.getComment(s.db, gone.id))!.disposition).toBe("accepted");
  });

  it("rejects only with a reason, and refuses anything once the round is closed", async () => {
    const s = await setting();
    const one = await suggest(s, "delete", "Each party holds a copy.");
    const other = await suggest(s, "replace", "permits", "import permits");
    const before = await unchanged();
    expect(await refusal(rejectSuggestion(s.db, s.editor, one.id, { reason: " " }))).toMatchObject({ code: "VALIDATION_FAILED", fields: { reason: "field.reasonRequired" } });
    expect(await unchanged()).toBe(before);
    await rejectSuggestion(s.db, s.editor, one.id, { reason: "The copy is the point." });
    expect(await repo.getComment(s.db, one.id)).toMatchObject({ disposition: "not_accepted", reason: "The copy is the point.", appliedRevisionId: null });
    expect(await s.db.select().from(notifications).where(eq(notifications.eventKey, `comment:${one.id}:disposition:not_accepted`))).toHaveLength(1);

    await reviews.closeRound(s.db, s.editor, s.round.id, true);
    const closed = await unchanged();
    expect((await refusal(acceptSuggestion(s.db, s.editor, other.id))).code).toBe("ROUND_CLOSED");
    expect((await refusal(suggest(s, "delete", "permits"))).code).toBe("ROUND_CLOSED");
    expect(await unchanged()).toBe(closed);
  });

  it("refuses an accepted text the editor's save would refuse (400, nothing written)", async () => {
    const s = await setting();
    const one = await suggest(s, "replace", "without a central book-keeper", "with no central book-keeper");
    const before = await unchanged();
    const deep = `with no book-keeper\n\n${"> ".repeat(40)}nested far too deep`;
    expect(await refusal(acceptSuggestion(s.db, s.editor, one.id, { replacement: deep }))).toMatchObject({ code: "VALIDATION_FAILED", fields: { replacement: "field.markdownDepth" } });
    expect(await unchanged()).toBe(before);
  });

  it("never lets a reject overwrite an accept: sequential or concurrent, the first answer stays", async () => {
    const s = await setting();
    const one = await suggest(s, "replace", "without a central book-keeper", "with no central book-keeper");
    // The reject read the suggestion (no answer yet) just before an accept committed.
    const readBefore = await repo.getCommentView(s.db, one.id);
    await acceptSuggestion(s.db, s.editor, one.id);
    const spy = vi.spyOn(repo, "getCommentView").mockResolvedValueOnce(readBefore);
    try {
      expect(await refusal(rejectSuggestion(s.db, s.editor, one.id, { reason: "Too late." }))).toMatchObject({ code: "SUGGESTION_DISPOSED" });
    } finally {
      spy.mockRestore();
    }
    expect(await refusal(rejectSuggestion(s.db, s.editor, one.id, { reason: "Too late." }))).toMatchObject({ code: "SUGGESTION_DISPOSED" });
    expect(await repo.getComment(s.db, one.id)).toMatchObject({ disposition: "accepted" });

    const other = await suggest(s, "replace", "permits", "import permits");
    const results = await Promise.allSettled([acceptSuggestion(s.db, s.editor, other.id), rejectSuggestion(s.db, s.editor, other.id, { reason: "No." })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(lost?.reason).toMatchObject({ code: "SUGGESTION_DISPOSED" });
    const comment = (await repo.getComment(s.db, other.id))!;
    expect(comment.disposition).toBe(results[0].status === "fulfilled" ? "accepted" : "not_accepted");
    expect(comment.appliedRevisionId !== null).toBe(comment.disposition === "accepted");
  });

  it("joins an inserted word to the passage with a space, and takes a member's replacement as plain text", async () => {
    const s = await setting();
    const insert = await suggest(s, "insert", "certificates of origin", "issued online");
    const plain = await suggest(s, "replace", "Each party holds a copy", "Each party holds *one* copy [here](http://x)");
    expect(plain.suggestion!.replacement).toBe("Each party holds \\*one\\* copy \\[here\\](http://x)");
    await acceptSuggestion(s.db, s.editor, insert.id);
    await acceptSuggestion(s.db, s.editor, plain.id);
    expect(await headBody(s)).toContain("certificates of origin issued online, permits");
    expect(await headBody(s)).toContain("Each party holds \\*one\\* copy \\[here\\](http://x).");
  });

  it("works out a suggestion on a long section in the worker pool, the same as on a short one", async () => {
    const s = await setting();
    const head = (await getHead(s.db, s.section.id, "en"))!;
    const filler = "Words of a long section, written to be long enough for the worker pool. ".repeat(40);
    await saveSection(s.db, SYSTEM_ACTOR, { sectionId: s.section.id, language: "en", heading: head.heading, body: `${filler}\n\n${BODY}`, baseRevisionId: head.id, summary: null });
    expect(filler.length).toBeGreaterThan(INLINE_MAX_CHARS);
    const long = await suggest(s, "insert", "certificates of origin", "issued online");
    expect(long.suggestion).toMatchObject({ exact: "", replacement: " issued online", view: { added: "issued online" } });
    expect(poolThreads()).toBeGreaterThan(0);
  });

  it("lets exactly one of several concurrent accepts of the same suggestion win", async () => {
    const s = await setting();
    const one = await suggest(s, "replace", "without a central book-keeper", "with no central book-keeper");
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => acceptSuggestion(s.db, s.editor, one.id)));
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    for (const r of lost) expect(r.reason).toMatchObject({ code: "SUGGESTION_DISPOSED" });
    const revisions = await s.db.select().from(sectionRevisions).where(eq(sectionRevisions.sectionId, s.section.id));
    // The template's first text, the setting's, and the one accepted.
    expect(revisions).toHaveLength(3);
    expect((await s.db.select().from(reviewComments).where(eq(reviewComments.id, one.id)))[0]!.appliedRevisionId).toBe(revisions.at(-1)!.id);
  });

  it("works through the pages: a member suggests, the editor sees it inline, accepts one and is told to apply another by hand", async () => {
    const s = await setting();
    const asMember = await new Browser(env.app).signInAs(env.database, s.memberA.user.email);
    const page = `/reviews/${s.round.id}`;
    const form = await asMember.get(page);
    expect(form.body).toContain('name="change"');
    expect(form.body).toContain('name="replacement"');
    const missing = await asMember.submit(page, `${page}/comments`, { sectionId: s.section.id, quote: "nowhere in the text", change: "replace", replacement: "x", body: "", language: "en" });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain("This passage is not in the section’s text; copy it from the page.");
    const sent = await asMember.submit(page, `${page}/comments`, { sectionId: s.section.id, quote: "without a central book-keeper", change: "replace", replacement: "with no central book-keeper", body: "", language: "en" });
    expect(sent.statusCode).toBe(303);
    const [comment] = await repo.listComments(s.db, s.round.id);
    expect(comment!.suggestion?.replacement).toBe("with no central book-keeper");
    const other = await suggest(s, "delete", "Each party holds a copy.");

    const asEditor = await new Browser(env.app).signInAs(env.database, s.editorUser.email);
    const editorPage = `/editor/reviews/${s.round.id}`;
    const shown = await asEditor.get(editorPage);
    expect(shown.body).toMatch(/<del>.*without a central book-keeper.*<\/del>/s);
    expect(shown.body).toMatch(/<ins>.*with no central book-keeper.*<\/ins>/s);
    const accepted = await asEditor.submit(editorPage, `/editor/review-comments/${comment!.id}/accept`, {});
    expect(accepted.statusCode).toBe(303);
    expect(await headBody(s)).toContain("with no central book-keeper");
    // The other suggestion still applies to the new text: not flagged.
    expect((await asEditor.get(editorPage)).body).not.toContain("Apply by hand");
    // The text was then changed by hand so that the other passage is gone: 409 and the page says what to do.
    const head = (await getHead(s.db, s.section.id, "en"))!;
    await saveSection(s.db, SYSTEM_ACTOR, { sectionId: s.section.id, language: "en", heading: head.heading, body: head.body.replace(" Each party holds a copy.", " Parties hold copies."), baseRevisionId: head.id, summary: null });
    const stale = await asEditor.get(editorPage);
    expect(stale.body).toContain("Apply by hand");
    const refused = await asEditor.submit(editorPage, `/editor/review-comments/${other.id}/accept`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain("Apply this change by hand");
    const noReason = await asEditor.submit(editorPage, `/editor/review-comments/${other.id}/reject`, { reason: "" });
    expect(noReason.statusCode).toBe(400);
    // The member sees the fate of the suggestion.
    const fate = await asMember.get(page);
    expect(fate.body).toContain("Your suggestion: accepted");
  });
});
