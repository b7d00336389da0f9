import { eq, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "#src/db/client.ts";
import { users } from "#src/db/schema/members.ts";
import { mailOutbox, notifications, subscriptions } from "#src/db/schema/notifications.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { freezeEdition, publishEdition } from "#src/features/editions/service.ts";
import { deliverPendingMail } from "#src/features/mail/sender.ts";
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

const toldAbout = async (db: Db, eventKey: string) => (await db.select().from(notifications).where(eq(notifications.eventKey, eventKey))).map((r) => r.userId).sort();

describe("a published edition", () => {
  it("tells every active person once, mails the report's confirmed subscribers, and a withdrawal tells no one", async () => {
    const db = env.database.db;
    const draft = await buildReport(db);
    const org = await buildOrganization(db);
    const member = await buildUser(db, { role: "contributor", organizationId: org.id });
    const editor = await buildUser(db, { role: "editor" });
    const reader = await buildUser(db, { role: "contributor", organizationId: org.id });
    await db.update(users).set({ language: "es" }).where(eq(users.id, reader.id));
    const gone = await buildUser(db, { role: "contributor", organizationId: org.id });
    await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, gone.id));
    await db.insert(subscriptions).values([
      { reportId: draft.report.id, email: "lectrice@example.net", language: "fr", confirmedAt: new Date() },
      { reportId: draft.report.id, email: "unconfirmed@example.net", language: "en" },
      { reportId: draft.report.id, email: "ended@example.net", language: "en", confirmedAt: new Date(), endedAt: new Date() },
    ]);
    const everyone = (await db.select({ id: users.id }).from(users).where(isNull(users.deactivatedAt))).map((u) => u.id).sort();

    const edition = await freezeEdition(db, SYSTEM_ACTOR, draft.report.id, { label: "2031", title: "Study Report", editionDate: "2031-01-01", foreword: null });
    const key = `edition:${edition.id}:published`;
    expect(await toldAbout(db, key)).toEqual([]);
    await publishEdition(db, { ...SYSTEM_ACTOR, userId: editor.id }, edition.id, { to: "published", publicUrl: "http://localhost" });

    const told = await toldAbout(db, key);
    expect(told).toEqual(everyone);
    expect(told).toEqual(expect.arrayContaining([member.id, editor.id, reader.id]));
    expect(told).not.toContain(gone.id);
    const [row] = await db.select().from(notifications).where(eq(notifications.eventKey, key)).limit(1);
    expect(row).toMatchObject({ kind: "edition_published", messageKey: "notify.edition.published", params: { report: draft.report.titles, edition: "2031" }, href: `/reports/${draft.report.slug}/2031` });

    // People through their notification; readers through their subscription, the confirmed one only.
    const subscriberMail = await db.select().from(mailOutbox).where(eq(mailOutbox.eventKey, key));
    expect(subscriberMail.map((m) => m.recipient)).toEqual(["lectrice@example.net"]);
    expect((await db.select().from(mailOutbox).where(eq(mailOutbox.eventKey, `notification:${key}`))).map((m) => m.recipient)).toEqual(expect.arrayContaining([member.email.toLowerCase(), reader.email.toLowerCase()]));

    await deliver(db);
    const es = await smtp.waitFor((m) => m.to.includes(reader.email.toLowerCase()));
    expect(es.subject).toContain("Se ha publicado una nueva edición");
    expect(es.links).toContain(`https://report.example.org/reports/${draft.report.slug}/2031`);
    expect(es.headers["list-unsubscribe"]).toMatch(/^<https:\/\/report\.example\.org\/unsubscribe\/[^>]+>$/);
    await smtp.waitFor((m) => m.to.includes("lectrice@example.net"));

    const before = (await db.select().from(notifications)).length;
    const mailsBefore = (await db.select().from(mailOutbox)).length;
    await publishEdition(db, SYSTEM_ACTOR, edition.id, { to: "withdrawn", publicUrl: "http://localhost", reason: "Superseded by a corrected edition." });
    expect((await db.select().from(notifications)).length).toBe(before);
    expect((await db.select().from(mailOutbox)).length).toBe(mailsBefore);
    expect(await db.select().from(notifications).where(inArray(notifications.kind, ["edition_published"]))).toHaveLength(told.length);
  });
});
