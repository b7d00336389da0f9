import { and, eq, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { transaction, type Database } from "#src/db/client.ts";
import { users } from "#src/db/schema/members.ts";
import { mailOutbox, notificationPreferences, notifications } from "#src/db/schema/notifications.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import type { Language } from "#src/domain/languages.ts";
import type { DeliveryMode, NotificationKind } from "#src/domain/notifications.ts";
import { deliverPendingMail, type MailSettings } from "#src/features/mail/sender.ts";
import { readSignedToken } from "#src/features/mail/signed.ts";
import { setUserActive } from "#src/features/members/service.ts";
import { queueDigests } from "#src/features/notifications/digest.ts";
import { notifyEveryone, notifyOrganizations, notifyUsers, type Notice } from "#src/features/notifications/notify.ts";
import { savePreferences, unsubscribe } from "#src/features/notifications/service.ts";
import { signToken } from "#src/features/mail/signed.ts";
import { openTestDatabase } from "#test/helpers/db.ts";
import { buildOrganization, buildUser } from "#test/helpers/factories.ts";
import { startSmtpServer, type TestSmtpServer } from "#test/setup/smtp.ts";

let database: Database;
let smtp: TestSmtpServer;
let settings: MailSettings;

beforeAll(async () => {
  database = await openTestDatabase();
  smtp = await startSmtpServer();
  settings = { smtpUrl: smtp.url, mailFrom: "Living report <no-reply@report.example.org>", publicUrl: "https://report.example.org", sessionSecret: "a session secret of at least thirty-two characters" };
});

afterAll(async () => {
  await smtp.close();
  await database.close();
});

let counter = 0;
const notice = (overrides: Partial<Notice> = {}): Notice => ({
  kind: "survey_invitation",
  eventKey: `survey:test-${++counter}:invitation`,
  messageKey: "notify.survey.invitation",
  params: { survey: { en: "Customs technology survey", fr: "Enquête sur les technologies douanières", es: "Encuesta sobre tecnologías aduaneras" } },
  href: "/member/surveys/1",
  ...overrides,
});

/** An organization with people in the given languages (and mail choices for one kind). */
async function organizationWith(people: { language?: Language; mode?: DeliveryMode; kind?: NotificationKind }[]) {
  const org = await buildOrganization(database.db);
  const made = [];
  for (const person of people) {
    const user = await buildUser(database.db, { organizationId: org.id });
    if (person.language) await database.db.update(users).set({ language: person.language }).where(eq(users.id, user.id));
    if (person.mode) await savePreferences(database.db, SYSTEM_ACTOR, user.id, { [person.kind ?? "survey_invitation"]: person.mode });
    made.push(user);
  }
  return { org, people: made };
}

const notificationsOf = (eventKey: string) => database.db.select().from(notifications).where(eq(notifications.eventKey, eventKey));
const outboxOf = (eventKey: string) => database.db.select().from(mailOutbox).where(eq(mailOutbox.eventKey, eventKey));

describe("notifyOrganizations", () => {
  it("tells every active person of the organizations but the one acting, once per event", async () => {
    const a = await organizationWith([{}, {}, {}]);
    const b = await organizationWith([{}]);
    const elsewhere = await organizationWith([{}]);
    const [actor, gone, stays] = a.people;
    await setUserActive(database.db, SYSTEM_ACTOR, gone!.id, false);
    const n = notice();
    await transaction(database.db, (tx) => notifyOrganizations(tx, [a.org.id, b.org.id], n, { exceptUserId: actor!.id }));
    const rows = await notificationsOf(n.eventKey);
    expect(rows.map((r) => r.userId).sort()).toEqual([stays!.id, b.people[0]!.id].sort());
    expect(rows.every((r) => r.kind === "survey_invitation" && r.href === n.href && r.readAt === null)).toBe(true);
    expect(rows.map((r) => r.userId)).not.toContain(elsewhere.people[0]!.id);
    expect((await outboxOf(`notification:${n.eventKey}`)).map((m) => m.userId).sort()).toEqual([stays!.id, b.people[0]!.id].sort());

    // The same event again (and through another entry point): nobody is told or mailed twice.
    await transaction(database.db, async (tx) => {
      await notifyOrganizations(tx, [a.org.id, b.org.id], n);
      await notifyUsers(tx, [stays!.id], n);
    });
    const again = await notificationsOf(n.eventKey);
    expect(again.map((r) => r.userId).sort()).toEqual([actor!.id, stays!.id, b.people[0]!.id].sort());
    expect(await outboxOf(`notification:${n.eventKey}`)).toHaveLength(3);
  });

  it("writes nothing when the transaction that caused it fails", async () => {
    const a = await organizationWith([{}]);
    const n = notice();
    await expect(
      transaction(database.db, async (tx) => {
        await notifyOrganizations(tx, [a.org.id], n);
        throw new Error("the change was refused");
      }),
    ).rejects.toThrow("refused");
    expect(await notificationsOf(n.eventKey)).toHaveLength(0);
    expect(await outboxOf(`notification:${n.eventKey}`)).toHaveLength(0);
  });
});

describe("mail by preference", () => {
  it("mails at once in the person's language, with List-Unsubscribe; digest waits; off sends nothing", async () => {
    const { org, people } = await organizationWith([{ language: "es" }, { language: "fr", mode: "digest" }, { mode: "off" }]);
    const [now, digest, off] = people;
    const n = notice({ params: { ...notice().params, date: "2026-06-12" }, messageKey: "notify.survey.reminder", kind: "survey_reminder" });
    await savePreferences(database.db, SYSTEM_ACTOR, digest!.id, { survey_reminder: "digest" });
    await savePreferences(database.db, SYSTEM_ACTOR, off!.id, { survey_reminder: "off" });
    await transaction(database.db, (tx) => notifyOrganizations(tx, [org.id], n));

    const rows = await notificationsOf(n.eventKey);
    const state = Object.fromEntries(rows.map((r) => [r.userId, r.mailState]));
    expect(state).toEqual({ [now!.id]: "none", [digest!.id]: "digest", [off!.id]: "none" });
    const queued = await outboxOf(`notification:${n.eventKey}`);
    expect(queued.map((m) => m.recipient)).toEqual([now!.email]);
    expect(queued[0]).toMatchObject({ language: "es", template: "notification", unsubscribe: `user:${now!.id}:survey_reminder` });

    await deliverPendingMail(database.db, settings);
    const mail = await smtp.waitFor((m) => m.to.includes(now!.email));
    expect(mail.subject).toBe("La encuesta «Encuesta sobre tecnologías aduaneras» se cierra el 12 de junio de 2026; su organización aún no ha enviado sus respuestas.");
    expect(mail.text).toContain("https://report.example.org/member/surveys/1");
    expect(mail.html).toContain("Abrir");
    const unsubscribe = /^<(https:\/\/report\.example\.org\/unsubscribe\/([^>]+))>$/.exec(mail.headers["list-unsubscribe"]!);
    expect(unsubscribe).not.toBeNull();
    expect(readSignedToken(settings.sessionSecret, unsubscribe![2]!)).toBe(`user:${now!.id}:survey_reminder`);
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(smtp.received.filter((m) => m.to.includes(digest!.email) || m.to.includes(off!.email))).toHaveLength(0);
  });

  it("queues one digest a day per person, in their language, listing every waiting notification", async () => {
    const { org, people } = await organizationWith([{ language: "fr", mode: "digest" }, { mode: "digest", kind: "review_opened" }]);
    const [french, other] = people;
    const first = notice();
    const second = notice({ kind: "review_opened", messageKey: "notify.review.opened", params: { round: "Draft 2026", date: "2026-07-01" }, href: "/reviews/9" });
    await transaction(database.db, async (tx) => {
      await notifyOrganizations(tx, [org.id], first);
      await notifyOrganizations(tx, [org.id], second);
    });
    // The French person chose a digest for invitations only: the round opening was mailed at once.
    expect((await outboxOf(`notification:${second.eventKey}`)).map((m) => m.recipient)).toEqual([french!.email]);
    expect((await outboxOf(`notification:${first.eventKey}`)).map((m) => m.recipient)).toEqual([other!.email]);

    // Before 06:00 UTC nothing goes out.
    expect(await queueDigests(database.db, new Date("2026-06-12T05:59:00Z"))).toBe(0);
    const morning = new Date("2026-06-12T06:05:00Z");
    await queueDigests(database.db, morning);
    const digests = await database.db.select().from(mailOutbox).where(inArray(mailOutbox.eventKey, [`digest:${french!.id}:2026-06-12`, `digest:${other!.id}:2026-06-12`]));
    expect(digests.map((d) => d.recipient).sort()).toEqual([french!.email, other!.email].sort());
    const mine = digests.find((d) => d.recipient === french!.email)!;
    expect(mine).toMatchObject({ language: "fr", template: "digest", unsubscribe: `digest:${french!.id}` });
    expect(mine.subject).toContain("1 notification");
    expect(mine.textBody).toContain("Enquête sur les technologies douanières");
    const pending = await database.db
      .select()
      .from(notifications)
      .where(and(inArray(notifications.userId, [french!.id, other!.id]), eq(notifications.mailState, "digest")));
    expect(pending).toHaveLength(0);

    // A later notification the same day waits for the next day's digest.
    const third = notice();
    await transaction(database.db, (tx) => notifyUsers(tx, [french!.id], third));
    await queueDigests(database.db, new Date("2026-06-12T18:00:00Z"));
    expect((await notificationsOf(third.eventKey))[0]!.mailState).toBe("digest");
    expect(await database.db.select().from(mailOutbox).where(eq(mailOutbox.eventKey, `digest:${french!.id}:2026-06-12`))).toHaveLength(1);
    await queueDigests(database.db, new Date("2026-06-13T06:00:00Z"));
    expect((await notificationsOf(third.eventKey))[0]!.mailState).toBe("digested");
    const next = await database.db.select().from(mailOutbox).where(eq(mailOutbox.eventKey, `digest:${french!.id}:2026-06-13`));
    expect(next).toHaveLength(1);

    await deliverPendingMail(database.db, settings);
    const received = await smtp.waitFor((m) => m.to.includes(french!.email) && m.subject.startsWith("Votre résumé"));
    expect(received.links).toContain("https://report.example.org/member/surveys/1");
    expect(received.headers["list-unsubscribe"]).toMatch(/^<https:\/\/report\.example\.org\/unsubscribe\//);
  });
});

describe("people who have not joined yet, and people who stop their digest", () => {
  it("lists a notice for an invited person without a password, but mails them nothing", async () => {
    const { org, people } = await organizationWith([{}, {}]);
    const [invited, joined] = people;
    await database.db.update(users).set({ passwordHash: null }).where(eq(users.id, invited!.id));
    const n = notice();
    await transaction(database.db, (tx) => notifyOrganizations(tx, [org.id], n));
    const rows = await notificationsOf(n.eventKey);
    expect(rows.map((r) => r.userId).sort()).toEqual([invited!.id, joined!.id].sort());
    expect(rows.find((r) => r.userId === invited!.id)!.mailState).toBe("none");
    expect((await outboxOf(`notification:${n.eventKey}`)).map((m) => m.recipient)).toEqual([joined!.email]);
  });

  it("sends no digest of what was waiting once the person unsubscribes from their digest", async () => {
    const { org, people } = await organizationWith([{ mode: "digest" }, { mode: "digest" }]);
    const [leaving, switching] = people;
    const n = notice();
    await transaction(database.db, (tx) => notifyOrganizations(tx, [org.id], n));
    expect((await notificationsOf(n.eventKey)).map((r) => r.mailState)).toEqual(["digest", "digest"]);

    // One clicks the digest's unsubscribe link; the other chooses immediate mail on the preferences form.
    await unsubscribe(database.db, SYSTEM_ACTOR, settings.sessionSecret, signToken(settings.sessionSecret, `digest:${leaving!.id}`));
    await savePreferences(database.db, SYSTEM_ACTOR, switching!.id, { survey_invitation: "immediately" });
    for (const row of await notificationsOf(n.eventKey)) expect(row.mailState).toBe("none");

    await queueDigests(database.db, new Date("2026-08-03T07:00:00Z"));
    const digests = await database.db.select().from(mailOutbox).where(inArray(mailOutbox.eventKey, [`digest:${leaving!.id}:2026-08-03`, `digest:${switching!.id}:2026-08-03`]));
    expect(digests).toHaveLength(0);
    // Still listed in their notification centre.
    expect(await notificationsOf(n.eventKey)).toHaveLength(2);
  });

  it("stops the waiting notices of one kind when its one-click link turns the kind off", async () => {
    const { org, people } = await organizationWith([{ mode: "digest" }]);
    const [person] = people;
    const n = notice();
    await transaction(database.db, (tx) => notifyOrganizations(tx, [org.id], n));
    await unsubscribe(database.db, SYSTEM_ACTOR, settings.sessionSecret, signToken(settings.sessionSecret, `user:${person!.id}:survey_invitation`));
    expect((await notificationsOf(n.eventKey))[0]!.mailState).toBe("none");
    await queueDigests(database.db, new Date("2026-08-04T07:00:00Z"));
    expect(await outboxOf(`digest:${person!.id}:2026-08-04`)).toHaveLength(0);
  });
});

describe("notifyEveryone", () => {
  it("tells every active person in one go, each mailed in their language", async () => {
    const { people } = await organizationWith([{ language: "fr" }, {}]);
    const loner = await buildUser(database.db);
    const n = notice({ kind: "edition_published", messageKey: "notify.edition.published", params: { report: { en: "Study report", fr: "Rapport d'étude" }, edition: "2026" }, href: "/reports/study/2026" });
    await transaction(database.db, (tx) => notifyEveryone(tx, n));
    const told = (await notificationsOf(n.eventKey)).map((r) => r.userId).sort();
    const active = await database.db.select({ id: users.id }).from(users).where(isNull(users.deactivatedAt));
    expect(told).toEqual(active.map((u) => u.id).sort());
    for (const id of [...people.map((p) => p.id), loner.id]) expect(told).toContain(id);
    const french = (await outboxOf(`notification:${n.eventKey}`)).find((m) => m.recipient === people[0]!.email)!;
    expect(french.subject).toContain("Rapport d'étude");
    expect(french.subject).toContain("2026");
  });
});

describe("preferences", () => {
  it("keeps one row per kind and audits changes only", async () => {
    const user = await buildUser(database.db);
    expect(await savePreferences(database.db, SYSTEM_ACTOR, user.id, { survey_closed: "off", review_opened: "immediately" })).toEqual(["survey_closed"]);
    expect(await savePreferences(database.db, SYSTEM_ACTOR, user.id, { survey_closed: "off" })).toEqual([]);
    expect(await savePreferences(database.db, SYSTEM_ACTOR, user.id, { survey_closed: "digest" })).toEqual(["survey_closed"]);
    const rows = await database.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, user.id));
    expect(rows.map((r) => [r.kind, r.mode])).toEqual([["survey_closed", "digest"]]);
  });
});
