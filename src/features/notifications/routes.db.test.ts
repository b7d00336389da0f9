import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { transaction } from "#src/db/client.ts";
import { auditEvents } from "#src/db/schema/audit.ts";
import { notificationPreferences, notifications, subscriptions } from "#src/db/schema/notifications.ts";
import { deliverPendingMail, mailSettings } from "#src/features/mail/sender.ts";
import { signToken } from "#src/features/mail/signed.ts";
import { notifyUsers, type Notice } from "#src/features/notifications/notify.ts";
import { savePreferences } from "#src/features/notifications/service.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildReport, buildUser } from "#test/helpers/factories.ts";
import { startSmtpServer, type TestSmtpServer } from "#test/setup/smtp.ts";

const env = useTestApp();
let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
});

afterAll(async () => {
  await smtp.close();
});

let counter = 0;
const notice = (overrides: Partial<Notice> = {}): Notice => ({
  kind: "survey_closed",
  eventKey: `survey:routes-${++counter}:closed`,
  messageKey: "notify.survey.closed",
  params: { survey: { en: `Survey ${counter}`, fr: `Enquête ${counter}` } },
  href: `/member/surveys/${counter}`,
  ...overrides,
});

const tell = (userId: string, n: Notice) => transaction(env.app.database.db, (tx) => notifyUsers(tx, [userId], n));

async function signedIn() {
  const user = await buildUser(env.database.db);
  const browser = await new Browser(env.app).signInAs(env.database, user.email);
  return { user, browser };
}

const unreadOf = async (userId: string) =>
  (await env.database.db.select().from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))).length;

describe("the notification centre", () => {
  it("lists a person's notifications newest first in the reader's language, marks the unread ones, and pages by 50", async () => {
    const { user, browser } = await signedIn();
    // Listed, not mailed: the centre does not depend on mail.
    await savePreferences(env.database.db, SYSTEM_ACTOR, user.id, { survey_closed: "off", review_opened: "off" });
    const first = notice();
    await tell(user.id, first);
    for (let i = 0; i < 54; i++) await tell(user.id, notice());
    const newest = notice({ kind: "review_opened", messageKey: "notify.review.opened", params: { round: "Draft 2026", date: "2026-07-01" } });
    await tell(user.id, newest);

    const page = await browser.get("/notifications", { "accept-language": "fr" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("56 notifications non lues");
    const items = page.body.split('class="notification unread"').slice(1);
    expect(items).toHaveLength(50);
    expect(items[0]).toContain("Consultation ouverte");
    expect(items[0]).toContain("1 juillet 2026");
    expect(items[0]).toContain(">Nouveau<");
    expect(items[1]).toContain("Enquête 55");
    expect(page.body).toContain('href="/notifications?page=2"');
    // The header counts them too, with the count in words for screen readers.
    expect(page.body).toMatch(/<a href="\/notifications" class="nav-notifications" title="Notifications" aria-current="page"><svg class="nav-bell" aria-hidden="true"[^>]*>.*?<\/svg><span class="nav-notifications-label">Notifications<\/span><span class="count-badge"> 56<span class="visually-hidden"> 56 non lus<\/span>/);

    const second = await browser.get("/notifications?page=2", { "accept-language": "fr" });
    expect(second.body.split('class="notification unread"').slice(1)).toHaveLength(6);
    expect(second.body).toContain("Enquête 1");
    expect(second.body).toContain('href="/notifications"');
    // A page past the end shows the last one.
    expect((await browser.get("/notifications?page=99")).body).toContain(`Survey ${counter - 55}`);
  });

  it("follows a notification (marking it read), refuses another person's, and marks all read", async () => {
    const { user, browser } = await signedIn();
    const other = await signedIn();
    const mine = notice();
    await tell(user.id, mine);
    await tell(user.id, notice());
    await tell(other.user.id, notice());
    const [row] = await env.database.db.select().from(notifications).where(and(eq(notifications.userId, user.id), eq(notifications.eventKey, mine.eventKey)));
    const theirs = (await env.database.db.select().from(notifications).where(eq(notifications.userId, other.user.id)))[0]!;

    const opened = await browser.get(`/notifications/${row!.id}`);
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toBe(mine.href);
    expect(await unreadOf(user.id)).toBe(1);
    expect((await browser.get(`/notifications/${theirs.id}`)).statusCode).toBe(404);
    expect((await browser.get("/notifications/not-a-number")).statusCode).toBe(404);
    expect(await unreadOf(other.user.id)).toBe(1);

    const done = await browser.submit("/notifications", "/notifications/read", {});
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe("/notifications");
    expect(await unreadOf(user.id)).toBe(0);
    expect(await unreadOf(other.user.id)).toBe(1);
    const after = await browser.get("/notifications");
    expect(after.body).toContain("All your notifications are marked as read.");
    expect(after.body).not.toContain('class="notification unread"');
    expect(after.body).not.toContain('class="count-badge"');

    // From "My work", the same button comes back there.
    await tell(user.id, notice());
    expect((await browser.submit("/member", "/notifications/read", { next: "/member" })).headers.location).toBe("/member");
  });

  it("says so when there is nothing, and is for signed-in people only", async () => {
    const { browser } = await signedIn();
    expect((await browser.get("/notifications")).body).toContain("You have no notifications yet.");
    const anonymous = await new Browser(env.app).get("/notifications");
    expect([302, 303, 401]).toContain(anonymous.statusCode);
  });
});

describe("mail preferences", () => {
  it("round-trips every kind's choice, audits it, and refuses unknown kinds or modes whole", async () => {
    const { user, browser } = await signedIn();
    const form = await browser.get("/account/notifications");
    expect(form.statusCode).toBe(200);
    expect(form.body.match(/type="radio"/g)).toHaveLength(27);
    expect(form.body).toContain('<input type="radio" name="survey_closed" value="immediately" checked/');
    expect((await browser.get("/account")).body).toContain('href="/account/notifications"');

    const saved = await browser.submit("/account/notifications", "/account/notifications", { survey_closed: "off", review_opened: "digest", edition_published: "immediately" });
    expect(saved.statusCode).toBe(303);
    const again = await browser.get("/account/notifications");
    expect(again.body).toContain("Your notification e-mail choices are saved.");
    expect(again.body).toContain('<input type="radio" name="survey_closed" value="off" checked/');
    expect(again.body).toContain('<input type="radio" name="review_opened" value="digest" checked/');
    const rows = await env.database.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, user.id));
    expect(Object.fromEntries(rows.map((r) => [r.kind, r.mode]))).toEqual({ survey_closed: "off", review_opened: "digest" });
    const audit = await env.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, user.id), eq(auditEvents.action, "notifications.preferences")));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.data).toEqual({ survey_closed: "off", review_opened: "digest" });

    for (const fields of [{ survey_closed: "digest", no_such_kind: "off" }, { survey_closed: "digest", review_opened: "weekly" }] as Record<string, string>[]) {
      const refused = await browser.submit("/account/notifications", "/account/notifications", fields);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('class="error-summary');
    }
    const unchanged = await env.database.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, user.id));
    expect(Object.fromEntries(unchanged.map((r) => [r.kind, r.mode]))).toEqual({ survey_closed: "off", review_opened: "digest" });
  });
});

describe("unsubscribe links", () => {
  const oneClick = (path: string, headers: Record<string, string> = {}) =>
    env.app.inject({ method: "POST", url: path, headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, payload: "List-Unsubscribe=One-Click" });

  it("turns one kind off from the link a notification mail carries, in one click, with no session, once", async () => {
    const user = await buildUser(env.database.db);
    await tell(user.id, notice());
    await deliverPendingMail(env.database.db, { ...mailSettings(env.app.config), smtpUrl: smtp.url });
    const mail = await smtp.waitFor((m) => m.to.includes(user.email));
    const url = new URL(/^<([^>]+)>$/.exec(mail.headers["list-unsubscribe"]!)![1]!);
    expect(mail.text).toContain(url.href);

    // Looking at the link ends nothing.
    const page = await env.app.inject({ method: "GET", url: url.pathname });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("This link stops e-mails about: Survey closed.");
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(await env.database.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, user.id))).toHaveLength(0);

    for (let i = 0; i < 2; i++) {
      const res = await oneClick(url.pathname);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain("Done: you will receive no more of these e-mails.");
    }
    const rows = await env.database.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, user.id));
    expect(rows.map((r) => [r.kind, r.mode])).toEqual([["survey_closed", "off"]]);
    expect((await env.app.inject({ method: "GET", url: url.pathname })).body).toContain("These e-mails are already stopped.");
    // Turned off: the next one of that kind is listed but not mailed.
    const next = notice();
    await tell(user.id, next);
    const told = await env.database.db.select().from(notifications).where(eq(notifications.eventKey, next.eventKey));
    expect(told).toHaveLength(1);
    expect(await deliverPendingMail(env.database.db, { ...mailSettings(env.app.config), smtpUrl: smtp.url })).toMatchObject({ sent: 0 });
  });

  it("ends a reader's subscription", async () => {
    const report = await buildReport(env.database.db);
    const [sub] = await env.database.db
      .insert(subscriptions)
      .values({ reportId: report.report.id, email: "reader@example.org", language: "en", confirmedAt: new Date() })
      .returning();
    const path = `/unsubscribe/${signToken(env.app.config.sessionSecret, `subscription:${sub!.id}`)}`;
    expect((await env.app.inject({ method: "GET", url: path })).body).toContain("This link ends your subscription to new editions of “Study Report”.");
    expect((await oneClick(path)).statusCode).toBe(200);
    const [ended] = await env.database.db.select().from(subscriptions).where(eq(subscriptions.id, sub!.id));
    expect(ended!.endedAt).not.toBeNull();
    expect((await oneClick(path)).statusCode).toBe(200);
  });

  it("refuses forged, altered and empty links without changing anything", async () => {
    const user = await buildUser(env.database.db);
    const forged = signToken("another secret that is long enough to sign with", `user:${user.id}:survey_closed`);
    const genuine = signToken(env.app.config.sessionSecret, `user:${user.id}:survey_closed`);
    const altered = `${Buffer.from(`user:${user.id}:survey_reminder`).toString("base64url")}.${genuine.split(".")[1]}`;
    const unknownUser = signToken(env.app.config.sessionSecret, "user:00000000-0000-4000-8000-000000000000:survey_closed");
    const unknownKind = signToken(env.app.config.sessionSecret, `user:${user.id}:everything`);
    for (const token of [forged, altered, unknownUser, unknownKind, "nonsense"]) {
      const get = await env.app.inject({ method: "GET", url: `/unsubscribe/${token}` });
      expect(get.statusCode).toBe(404);
      expect(get.body).toContain("This unsubscribe link is not valid.");
      expect((await oneClick(`/unsubscribe/${token}`)).statusCode).toBe(404);
    }
    expect(await env.database.db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, user.id))).toHaveLength(0);
  });
});
