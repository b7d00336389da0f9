import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { transaction, type Db } from "#src/db/client.ts";
import { users } from "#src/db/schema/members.ts";
import { mailOutbox, notifications } from "#src/db/schema/notifications.ts";
import { reviewRounds } from "#src/db/schema/reviews.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { deliverPendingMail } from "#src/features/mail/sender.ts";
import { queueReviewOpenings, queueReviewReminders } from "#src/features/reviews/reminders.ts";
import * as reviews from "#src/features/reviews/service.ts";
import { useTestApp } from "#test/helpers/app.ts";
import { buildOrganization, buildReport, buildUser } from "#test/helpers/factories.ts";
import { startSmtpServer, type TestSmtpServer } from "#test/setup/smtp.ts";

const env = useTestApp();
let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.close();
});

const deliver = (db: Db) => deliverPendingMail(db, { smtpUrl: smtp.url, mailFrom: "Living report <no-reply@example.org>", publicUrl: "https://report.example.org", sessionSecret: "test-secret-that-is-long-enough-for-hmac-0123456789" });

const DAY = 24 * 3600 * 1000;
const dayAfter = (from: Date, days: number) => new Date(from.getTime() + days * DAY).toISOString().slice(0, 10);
const today = () => new Date().toISOString().slice(0, 10);

async function setting() {
  const db = env.database.db;
  const draft = await buildReport(db);
  const section = draft.chapters[0]!.sections[0]!;
  const [a, b, c] = [await buildOrganization(db), await buildOrganization(db), await buildOrganization(db)];
  const member = async (organizationId: string) => {
    const user = await buildUser(db, { role: "contributor", organizationId });
    return { user, caller: { ...SYSTEM_ACTOR, userId: user.id, role: "contributor" as const, organizationId } };
  };
  const people = { a1: await member(a.id), a2: await member(a.id), b1: await member(b.id), c1: await member(c.id) };
  const editorUser = await buildUser(db, { role: "editor" });
  const editor = { ...SYSTEM_ACTOR, userId: editorUser.id, role: "editor" as const, organizationId: null };
  return { db, draft, section, a, b, c, people, editor };
}

const toldAbout = async (db: Db, eventKey: string) => (await db.select().from(notifications).where(eq(notifications.eventKey, eventKey))).map((r) => r.userId).sort();
const mailsAbout = async (db: Db, eventKey: string) => (await db.select().from(mailOutbox).where(eq(mailOutbox.eventKey, `notification:${eventKey}`))).map((r) => r.recipient).sort();
const ids = (...people: { user: { id: string } }[]) => people.map((p) => p.user.id).sort();

describe("review round notices", () => {
  it("tell the invited organizations when a round opens, and those invited later, once each", async () => {
    const { db, draft, a, b, c, people, editor } = await setting();
    const closesOn = dayAfter(new Date(), 14);
    const round = await reviews.openRound(db, editor, draft.report.id, { title: "Spring review", editionId: null, opensOn: today(), closesOn, visibility: "secretariat", instructions: "", organizationIds: [a.id, b.id] });
    const key = `round:${round.id}:opened`;
    expect(await toldAbout(db, key)).toEqual(ids(people.a1, people.a2, people.b1));
    const [row] = await db.select().from(notifications).where(eq(notifications.eventKey, key)).limit(1);
    expect(row).toMatchObject({ kind: "review_opened", messageKey: "notify.review.opened", params: { round: "Spring review", date: closesOn }, href: `/reviews/${round.id}` });

    // b leaves the round, c joins: c is told; b, invited again later, is not told twice.
    await reviews.updateInvitations(db, editor, round.id, [a.id, c.id]);
    expect(await toldAbout(db, key)).toEqual(ids(people.a1, people.a2, people.b1, people.c1));
    await reviews.updateInvitations(db, editor, round.id, [a.id, b.id, c.id]);
    expect(await toldAbout(db, key)).toEqual(ids(people.a1, people.a2, people.b1, people.c1));
    expect((await mailsAbout(db, key)).length).toBe(4);

    // A refused change (an unknown organization) tells nobody.
    const stranger = "00000000-0000-4000-8000-000000000000";
    await expect(reviews.updateInvitations(db, editor, round.id, [stranger])).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    // A round whose transaction fails after it opened leaves no notice and no mail.
    let lost = "";
    await expect(
      transaction(db, async (tx) => {
        lost = (await reviews.openRound(tx, editor, draft.report.id, { title: "Lost review", editionId: null, opensOn: today(), closesOn, visibility: "secretariat", instructions: "", organizationIds: [a.id] })).id;
        throw new Error("refused after the opening");
      }),
    ).rejects.toThrow("refused after the opening");
    expect(await toldAbout(db, `round:${lost}:opened`)).toEqual([]);
    expect(await mailsAbout(db, `round:${lost}:opened`)).toEqual([]);
  });

  it("tell of a round opening on a later day on that day, not when it is created or joined", async () => {
    const { db, draft, section, a, b, c, people, editor } = await setting();
    const opensOn = dayAfter(new Date(), 3);
    const round = await reviews.openRound(db, editor, draft.report.id, { title: "Summer review", editionId: null, opensOn, closesOn: dayAfter(new Date(), 20), visibility: "secretariat", instructions: "", organizationIds: [a.id] });
    const key = `round:${round.id}:opened`;
    // Comments are refused until the opening day, so nobody is told yet, nor an organization invited meanwhile.
    await expect(reviews.addComment(db, people.a1.caller, round.id, { sectionId: section.id, parentId: null, quote: null, body: "Too early." })).rejects.toMatchObject({ code: "ROUND_NOT_OPEN" });
    await reviews.updateInvitations(db, editor, round.id, [a.id, b.id]);
    expect(await toldAbout(db, key)).toEqual([]);
    await queueReviewOpenings(db, new Date());
    await queueReviewOpenings(db, new Date(Date.now() + 2 * DAY));
    expect(await toldAbout(db, key)).toEqual([]);

    // On the opening day the schedule tells every invited organization, once however often it runs.
    const openingDay = new Date(`${opensOn}T06:00:00Z`);
    await queueReviewOpenings(db, openingDay);
    await queueReviewOpenings(db, new Date(openingDay.getTime() + 3600 * 1000));
    expect(await toldAbout(db, key)).toEqual(ids(people.a1, people.a2, people.b1));
    expect((await mailsAbout(db, key)).length).toBe(3);
    // c, invited once the round is open, is told at once; a closed round tells nobody more.
    await db.update(reviewRounds).set({ opensOn: today() }).where(eq(reviewRounds.id, round.id));
    await reviews.updateInvitations(db, editor, round.id, [a.id, b.id, c.id]);
    expect(await toldAbout(db, key)).toEqual(ids(people.a1, people.a2, people.b1, people.c1));
    const late = await buildUser(db, { role: "contributor", organizationId: c.id });
    await reviews.closeRound(db, editor, round.id, true);
    await queueReviewOpenings(db, openingDay);
    expect(await toldAbout(db, key)).not.toContain(late.id);
  });

  it("remind every invited organization once per closing day, only in the days before it", async () => {
    const { db, draft, section, a, b, people, editor } = await setting();
    const now = new Date(Date.now() + 400 * DAY);
    const round = await reviews.openRound(db, editor, draft.report.id, { title: "Autumn review", editionId: null, opensOn: today(), closesOn: dayAfter(now, 5), visibility: "secretariat", instructions: "", organizationIds: [a.id, b.id] });
    // a has commented: it is reminded all the same (one comment is not a finished reading).
    await reviews.addComment(db, people.a1.caller, round.id, { sectionId: section.id, parentId: null, quote: null, body: "Name the kinds of ledger." });
    const prefix = `round:${round.id}:reminder:`;
    const reminded = async () => (await db.select().from(notifications).where(like(notifications.eventKey, `${prefix}%`))).map((r) => `${r.eventKey!.slice(prefix.length)} ${r.userId}`).sort();

    await queueReviewReminders(db, now);
    expect(await reminded()).toEqual([]);
    const due = dayAfter(now, 5);
    const soon = new Date(now.getTime() + 2 * DAY);
    await queueReviewReminders(db, soon);
    await queueReviewReminders(db, new Date(soon.getTime() + 3600 * 1000));
    expect(await reminded()).toEqual(ids(people.a1, people.a2, people.b1).map((id) => `${due} ${id}`).sort());
    const [row] = await db.select().from(notifications).where(eq(notifications.eventKey, `${prefix}${due}`)).limit(1);
    expect(row).toMatchObject({ kind: "review_reminder", messageKey: "notify.review.reminder", params: { round: "Autumn review", date: due } });
    expect((await db.select().from(mailOutbox).where(like(mailOutbox.eventKey, `notification:${prefix}%`))).length).toBe(3);

    // Past its closing day, or closed, a round reminds nobody.
    await db.update(reviewRounds).set({ closesOn: dayAfter(now, 7) }).where(eq(reviewRounds.id, round.id));
    await queueReviewReminders(db, new Date(now.getTime() + 8 * DAY));
    await reviews.closeRound(db, editor, round.id, true);
    await queueReviewReminders(db, new Date(now.getTime() + 5 * DAY));
    expect(await reminded()).toHaveLength(3);
  });

  it("tell a comment's author of its disposition, once per disposition, in their language", async () => {
    const { db, draft, section, a, people, editor } = await setting();
    await db.update(users).set({ language: "fr" }).where(eq(users.id, people.a1.user.id));
    const round = await reviews.openRound(db, editor, draft.report.id, { title: "Relecture de printemps", editionId: null, opensOn: today(), closesOn: dayAfter(new Date(), 7), visibility: "secretariat", instructions: "", organizationIds: [a.id] });
    const comment = await reviews.addComment(db, people.a1.caller, round.id, { sectionId: section.id, parentId: null, quote: null, body: "Name the kinds of ledger." });
    const reply = await reviews.addComment(db, people.a2.caller, round.id, { sectionId: section.id, parentId: comment.id, quote: null, body: "We agree." });

    // A refused disposition (no reason given) tells nobody.
    await expect(reviews.dispose(db, editor, comment.id, { disposition: "not_accepted", reason: null, appliedRevisionId: null })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(reviews.dispose(db, editor, reply.id, { disposition: "noted", reason: null, appliedRevisionId: null })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    const disposed = async () => (await db.select().from(notifications).where(like(notifications.eventKey, `comment:%`))).filter((r) => r.eventKey!.startsWith(`comment:${comment.id}:`) || r.eventKey!.startsWith(`comment:${reply.id}:`));
    expect(await disposed()).toEqual([]);

    await reviews.dispose(db, editor, comment.id, { disposition: "partly_accepted", reason: "Two of them.", appliedRevisionId: null });
    await reviews.dispose(db, editor, comment.id, { disposition: "partly_accepted", reason: "Two of them, named.", appliedRevisionId: null });
    const told = await disposed();
    expect(told.map((r) => [r.userId, r.kind, r.eventKey, r.href])).toEqual([[people.a1.user.id, "comment_disposed", `comment:${comment.id}:disposition:partly_accepted`, `/reviews/${round.id}#comment-${comment.id}`]]);
    expect(told[0]!.params).toEqual({ round: "Relecture de printemps", disposition: "partly_accepted" });

    // A changed disposition is news again.
    await reviews.dispose(db, editor, comment.id, { disposition: "accepted", reason: null, appliedRevisionId: null });
    expect((await disposed()).map((r) => r.eventKey).sort()).toEqual([`comment:${comment.id}:disposition:accepted`, `comment:${comment.id}:disposition:partly_accepted`]);

    await deliver(db);
    const mail = await smtp.waitFor((m) => m.to.includes(people.a1.user.email.toLowerCase()) && m.subject.includes("accepté en partie"));
    expect(mail.subject).toMatch(/^Votre commentaire dans la consultation «\s?Relecture de printemps\s?» a été accepté en partie\.$/u);
    expect(mail.links).toContain(`https://report.example.org/reviews/${round.id}#comment-${comment.id}`);
  });

  it("tell a proposal's author of the decision, once", async () => {
    const { db, draft, people, editor } = await setting();
    const proposal = await reviews.propose(db, people.a1.caller, draft.report.id, { title: "Quantum-safe signatures", rationale: "Signatures must outlive new computers.", technologySlugs: [] });
    const key = `proposal:${proposal.id}:decided`;
    await reviews.decide(db, editor, proposal.id, { status: "declined", note: null, makeChapter: false });
    await expect(reviews.decide(db, editor, proposal.id, { status: "accepted", note: null, makeChapter: false })).rejects.toMatchObject({ code: "PROPOSAL_DECIDED" });
    expect(await toldAbout(db, key)).toEqual(ids(people.a1));
    const [row] = await db.select().from(notifications).where(eq(notifications.eventKey, key));
    expect(row).toMatchObject({ kind: "proposal_decided", messageKey: "notify.proposal.decided", params: { title: "Quantum-safe signatures", decision: "declined" }, href: `/reports/${draft.report.slug}/proposals#proposal-${proposal.id}` });
    expect(await mailsAbout(db, key)).toEqual([people.a1.user.email.toLowerCase()]);
  });
});
