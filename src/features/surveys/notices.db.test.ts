import { and, eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { transaction, type Db } from "#src/db/client.ts";
import { users } from "#src/db/schema/members.ts";
import { mailOutbox, notifications } from "#src/db/schema/notifications.ts";
import { surveys } from "#src/db/schema/surveys.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import type { Language } from "#src/domain/languages.ts";
import { deliverPendingMail } from "#src/features/mail/sender.ts";
import { queueSurveyReminders } from "#src/features/surveys/reminders.ts";
import { createSurvey, inviteOrganizations, saveResponse, setInvitations, setSurveyStatus } from "#src/features/surveys/service.ts";
import { adoptionTemplate } from "#src/features/surveys/templates.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildOrganization, buildUser } from "#test/helpers/factories.ts";
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

let n = 0;
async function setting(options: { open?: boolean } = {}) {
  const db = env.database.db;
  n += 1;
  const survey = await createSurvey(db, SYSTEM_ACTOR, { slug: `notices-${n}`, title: `Adoption survey ${n}`, year: 2030, kind: "technology-adoption", intro: null, minGroup: 5, definition: adoptionTemplate(["blockchain"]) });
  await db.update(surveys).set({ titles: { en: `Adoption survey ${n}`, fr: `Enquête sur l'adoption ${n}`, es: `Encuesta de adopción ${n}` } }).where(eq(surveys.id, survey.id));
  const person = async (organizationId: string, language: Language = "en") => {
    const user = await buildUser(db, { role: "contributor", organizationId });
    await db.update(users).set({ language }).where(eq(users.id, user.id));
    return user;
  };
  const a = await buildOrganization(db);
  const b = await buildOrganization(db);
  const outsider = await buildOrganization(db);
  const people = { a1: await person(a.id, "fr"), a2: await person(a.id), b1: await person(b.id, "es"), outsider: await person(outsider.id) };
  const gone = await person(a.id);
  await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, gone.id));
  const editor = await buildUser(db, { role: "editor", organizationId: a.id });
  await inviteOrganizations(db, SYSTEM_ACTOR, survey.id, [a.id, b.id]);
  const actor = { ...SYSTEM_ACTOR, userId: editor.id };
  if (options.open) await setSurveyStatus(db, actor, survey.id, "open");
  return { db, survey, a, b, outsider, people, gone, editor, actor };
}

const toldAbout = async (db: Db, eventKey: string) => (await db.select().from(notifications).where(eq(notifications.eventKey, eventKey))).map((r) => r.userId).sort();
const mailsAbout = async (db: Db, eventKey: string) => (await db.select().from(mailOutbox).where(eq(mailOutbox.eventKey, `notification:${eventKey}`))).map((r) => r.recipient).sort();
const ids = (...people: { id: string }[]) => people.map((p) => p.id).sort();
const addresses = (...people: { email: string }[]) => people.map((p) => p.email.toLowerCase()).sort();

describe("survey notices", () => {
  it("invite the invited organizations' active people once when the survey opens, and tell them when it closes", async () => {
    const { db, survey, people, actor } = await setting();
    const key = `survey:${survey.id}:invitation`;
    // Invited while a draft: nobody hears of it yet.
    expect(await toldAbout(db, key)).toEqual([]);

    await setSurveyStatus(db, actor, survey.id, "open");
    // The editor who opened it is of an invited organization, and is not told; nor the deactivated person, nor outsiders.
    expect(await toldAbout(db, key)).toEqual(ids(people.a1, people.a2, people.b1));
    expect(await mailsAbout(db, key)).toEqual(addresses(people.a1, people.a2, people.b1));
    const [row] = await db.select().from(notifications).where(and(eq(notifications.eventKey, key), eq(notifications.userId, people.a1.id)));
    expect(row).toMatchObject({ kind: "survey_invitation", messageKey: "notify.survey.invitation", href: `/member/surveys/${survey.id}` });

    await setSurveyStatus(db, actor, survey.id, "closed");
    expect(await toldAbout(db, `survey:${survey.id}:closed`)).toEqual(ids(people.a1, people.a2, people.b1));

    // Opened again: nobody is invited a second time.
    await setSurveyStatus(db, actor, survey.id, "open");
    expect(await toldAbout(db, key)).toEqual(ids(people.a1, people.a2, people.b1));
    expect(await mailsAbout(db, key)).toEqual(addresses(people.a1, people.a2, people.b1));
  });

  it("invite organizations added to an open survey, and only them", async () => {
    const { db, survey, a, b, outsider, people, actor } = await setting({ open: true });
    const key = `survey:${survey.id}:invitation`;
    expect(await toldAbout(db, key)).toEqual(ids(people.a1, people.a2, people.b1));
    // A newcomer in an invited organization is not told when the others are invited again.
    const newcomer = await buildUser(db, { role: "contributor", organizationId: a.id });
    await setInvitations(db, actor, survey.id, [a.id, b.id, outsider.id]);
    expect(await toldAbout(db, key)).toEqual(ids(people.a1, people.a2, people.b1, people.outsider));
    expect(await toldAbout(db, key)).not.toContain(newcomer.id);
    await inviteOrganizations(db, actor, survey.id, [outsider.id]);
    expect(await mailsAbout(db, key)).toEqual(addresses(people.a1, people.a2, people.b1, people.outsider));
  });

  it("write nothing when the change does not happen", async () => {
    const { db, survey, people, actor } = await setting();
    const key = `survey:${survey.id}:invitation`;
    // The opening is written, then the transaction around it fails: its notices go with it.
    await expect(
      transaction(db, async (tx) => {
        await setSurveyStatus(tx, actor, survey.id, "open");
        expect(await toldAbout(tx, key)).toEqual(ids(people.a1, people.a2, people.b1));
        throw new Error("refused after the opening");
      }),
    ).rejects.toThrow("refused after the opening");
    expect(await toldAbout(db, key)).toEqual([]);
    expect(await mailsAbout(db, key)).toEqual([]);
    // A refused move (a draft cannot close) tells nobody.
    await expect(setSurveyStatus(db, actor, survey.id, "closed")).rejects.toMatchObject({ code: "SURVEY_STATE" });
    expect(await toldAbout(db, `survey:${survey.id}:closed`)).toEqual([]);
  });

  it("mail each person in their own language", async () => {
    const { db, survey, people, actor } = await setting();
    await setSurveyStatus(db, actor, survey.id, "open");
    await deliver(db);
    const fr = await smtp.waitFor((m) => m.to.includes(people.a1.email.toLowerCase()) && m.subject.includes(`Enquête sur l'adoption ${n}`));
    expect(fr.subject).toContain("Votre organisation est invitée");
    expect(fr.links).toContain(`https://report.example.org/member/surveys/${survey.id}`);
    expect(fr.headers["list-unsubscribe"]).toMatch(/^<https:\/\/report\.example\.org\/unsubscribe\/[^>]+>$/);
    const es = await smtp.waitFor((m) => m.to.includes(people.b1.email.toLowerCase()) && m.subject.includes(`Encuesta de adopción ${n}`));
    expect(es.text).toContain("Su organización está invitada");
    const en = await smtp.waitFor((m) => m.to.includes(people.a2.email.toLowerCase()) && m.subject.includes(`Adoption survey ${n}`));
    expect(en.subject).toContain("Your organization is invited");
  });

  it("remind those who have not submitted, once per closing day, only in the days before it", async () => {
    const { db, survey, a, b, people, editor, actor } = await setting({ open: true });
    const now = new Date("2031-03-10T08:00:00Z");
    const prefix = `survey:${survey.id}:reminder:`;
    const reminded = async () => (await db.select().from(notifications).where(like(notifications.eventKey, `${prefix}%`))).map((r) => `${r.eventKey!.slice(prefix.length)} ${r.userId}`).sort();

    // No closing date, or one too far ahead: no reminder.
    await queueSurveyReminders(db, now);
    await db.update(surveys).set({ closesOn: dayAfter(now, 4) }).where(eq(surveys.id, survey.id));
    await queueSurveyReminders(db, now);
    expect(await reminded()).toEqual([]);

    // Organization b has submitted; a has only saved a draft.
    const caller = (user: { id: string }, organizationId: string) => ({ ...SYSTEM_ACTOR, userId: user.id, role: "contributor" as const, organizationId });
    await saveResponse(db, caller(people.a2, a.id), survey.id, a.id, { innovation_unit: "yes" }, false);
    await saveResponse(db, caller(people.b1, b.id), survey.id, b.id, { innovation_unit: "no", "adoption.blockchain.stage": "pilot" }, true);

    const closes = dayAfter(now, 3);
    await db.update(surveys).set({ closesOn: closes }).where(eq(surveys.id, survey.id));
    await queueSurveyReminders(db, now);
    await queueSurveyReminders(db, new Date(now.getTime() + 3600 * 1000));
    // Everyone of organization a, the editor who belongs to it included (a reminder is nobody's own doing).
    const remindedPeople = ids(people.a1, people.a2, editor);
    expect(await reminded()).toEqual(remindedPeople.map((id) => `${closes} ${id}`).sort());
    const [row] = await db.select().from(notifications).where(eq(notifications.eventKey, `${prefix}${closes}`)).limit(1);
    expect(row!.params).toEqual({ survey: { en: `Adoption survey ${n}`, fr: `Enquête sur l'adoption ${n}`, es: `Encuesta de adopción ${n}` }, date: closes });

    // A new closing day reminds again; a day passed, or a closed survey, reminds nobody.
    const later = dayAfter(now, 5);
    await db.update(surveys).set({ closesOn: later }).where(eq(surveys.id, survey.id));
    await queueSurveyReminders(db, new Date(now.getTime() + 3 * DAY));
    expect(await reminded()).toHaveLength(6);
    await queueSurveyReminders(db, new Date(now.getTime() + 6 * DAY));
    await setSurveyStatus(db, actor, survey.id, "closed");
    await queueSurveyReminders(db, new Date(now.getTime() + 4 * DAY));
    expect(await reminded()).toEqual([...remindedPeople.map((id) => `${closes} ${id}`), ...remindedPeople.map((id) => `${later} ${id}`)].sort());
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(mailOutbox).where(like(mailOutbox.eventKey, `notification:${prefix}%`))).toEqual([{ n: 6 }]);
  });
});

describe("a survey's closing date", () => {
  it("is set in the survey's settings, checked, and shown to the members answering it", async () => {
    const { db, survey, people } = await setting({ open: true });
    const editor = await new Browser(env.app).signInAs(env.database, (await buildUser(db, { role: "editor" })).email);
    const page = `/editor/surveys/${survey.id}`;
    const settings = (closesOn: string) => ({ title: `Adoption survey ${n}`, year: "2030", kind: "technology-adoption", intro: "", minGroup: "5", closesOn, definition: JSON.stringify(adoptionTemplate(["blockchain"])) });

    const refused = await editor.submit(page, page, settings("31/12/2030"));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("Enter a date as YYYY-MM-DD.");
    expect((await db.select().from(surveys).where(eq(surveys.id, survey.id)))[0]!.closesOn).toBeNull();

    expect((await editor.submit(page, page, settings("2030-12-31"))).statusCode).toBe(303);
    expect((await db.select().from(surveys).where(eq(surveys.id, survey.id)))[0]!.closesOn).toBe("2030-12-31");
    expect((await editor.get(page)).body).toMatch(/name="closesOn"[^>]*value="2030-12-31"|value="2030-12-31"[^>]*name="closesOn"/);

    const member = await new Browser(env.app).signInAs(env.database, people.a2.email);
    expect((await member.get(`/member/surveys/${survey.id}`)).body).toContain("Answers are due by December 31, 2030.");
    expect((await member.get("/member")).body).toContain("<time datetime=\"2030-12-31T00:00:00.000Z\">Dec 31, 2030</time>");

    // Left blank: no closing date.
    expect((await editor.submit(page, page, settings(""))).statusCode).toBe(303);
    expect((await db.select().from(surveys).where(eq(surveys.id, survey.id)))[0]!.closesOn).toBeNull();
    expect((await member.get(`/member/surveys/${survey.id}`)).body).not.toContain("Answers are due");
  });
});
