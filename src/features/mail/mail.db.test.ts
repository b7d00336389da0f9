import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { transaction, type Database } from "#src/db/client.ts";
import { accountTokens, mailOutbox } from "#src/db/schema/notifications.ts";
import { enqueueMail, type OutgoingMail } from "#src/features/mail/outbox.ts";
import { purgeOutbox } from "#src/features/mail/repository.ts";
import { deliverPendingMail, MAIL_ERRORS, type MailSettings } from "#src/features/mail/sender.ts";
import { hashToken } from "#src/lib/tokens.ts";
import { readSignedToken } from "#src/features/mail/signed.ts";
import { openTestDatabase } from "#test/helpers/db.ts";
import { users } from "#src/db/schema/members.ts";
import { buildUser } from "#test/helpers/factories.ts";
import { startSmtpServer, type TestSmtpServer } from "#test/setup/smtp.ts";

let database: Database;
let smtp: TestSmtpServer;
let userId: string;

const settings: MailSettings = {
  smtpUrl: undefined,
  mailFrom: "Living report <no-reply@report.example.org>",
  publicUrl: "https://report.example.org",
  sessionSecret: "a session secret of at least thirty-two characters",
};

let counter = 0;
const mailTo = (to: string, overrides: Partial<OutgoingMail> = {}): OutgoingMail => ({
  eventKey: `test:${++counter}`,
  to,
  language: "en",
  template: "notification",
  content: {
    subject: "Your case study was accepted",
    blocks: [
      { kind: "paragraph", text: "The secretariat accepted <Rural clinics & solar>." },
      { kind: "action", text: "Open it", href: "/member/case-studies/1" },
    ],
  },
  ...overrides,
});

const enqueue = (mail: OutgoingMail) => transaction(database.db, (tx) => enqueueMail(tx, mail));
const rowOf = async (eventKey: string) => (await database.db.select().from(mailOutbox).where(eq(mailOutbox.eventKey, eventKey)))[0]!;

beforeAll(async () => {
  database = await openTestDatabase();
  smtp = await startSmtpServer();
  userId = (await buildUser(database.db, { email: "invited@example.org" })).id;
});

afterAll(async () => {
  await smtp.close();
  await database.close();
});

// Each test starts with nothing due, so one test's messages are not sent by another's delivery.
beforeEach(async () => {
  await database.db.update(mailOutbox).set({ status: "sent" }).where(sql`${mailOutbox.status} in ('queued', 'sending')`);
});

describe("the outbox", () => {
  it("keeps one message per event and address, whatever the address's case", async () => {
    const mail = mailTo("Someone@Example.org");
    expect(await enqueue(mail)).toBe(true);
    expect(await enqueue({ ...mail, to: "someone@example.org " })).toBe(false);
    const rows = await database.db.select().from(mailOutbox).where(eq(mailOutbox.eventKey, mail.eventKey));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ recipient: "someone@example.org", status: "queued", attempts: 0 });
    expect(rows[0]!.messageId).toMatch(/^<[0-9a-f-]{36}@%%HOST%%>$/);
  });

  it("writes nothing when the caller's transaction rolls back", async () => {
    const mail = mailTo("rolled@example.org");
    await expect(
      transaction(database.db, async (tx) => {
        await enqueueMail(tx, mail);
        throw new Error("the event failed");
      }),
    ).rejects.toThrow("the event failed");
    expect(await database.db.select().from(mailOutbox).where(eq(mailOutbox.eventKey, mail.eventKey))).toHaveLength(0);
  });
});

describe("delivery over SMTP", () => {
  it("sends the text and HTML parts with the sender, Message-ID and unsubscribe headers", async () => {
    const mail = mailTo("reader@example.org", { unsubscribe: `user:${userId}:case_study_moderated`, userId });
    await enqueue(mail);
    const row = await rowOf(mail.eventKey);
    expect(await deliverPendingMail(database.db, { ...settings, smtpUrl: smtp.url })).toEqual({ sent: 1, held: 0, failed: 0 });

    const received = await smtp.waitFor((m) => m.to.includes("reader@example.org"));
    expect(received.subject).toBe("Your case study was accepted");
    expect(received.from).toBe("no-reply@report.example.org");
    expect(received.headers.from).toContain("Living report");
    expect(received.messageId).toBe(row.messageId.replace("%%HOST%%", "report.example.org"));
    expect(received.text).toContain("The secretariat accepted <Rural clinics & solar>.");
    expect(received.text).toContain("https://report.example.org/member/case-studies/1");
    expect(received.html).toContain("The secretariat accepted &lt;Rural clinics &amp; solar&gt;.");
    expect(received.html).toContain('href="https://report.example.org/member/case-studies/1"');
    expect(received.html).toContain('<html lang="en">');

    const unsubscribe = /^<(https:\/\/report\.example\.org\/unsubscribe\/([^>]+))>$/.exec(received.headers["list-unsubscribe"] ?? "");
    expect(unsubscribe).not.toBeNull();
    expect(readSignedToken(settings.sessionSecret, unsubscribe![2]!)).toBe(`user:${userId}:case_study_moderated`);
    expect(received.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(received.links).toContain(unsubscribe![1]);
    expect(received.html).toContain(`href="${unsubscribe![1]}"`);
    expect(received.text).not.toContain("%%");
    expect(received.html).not.toContain("%%");

    const sent = await rowOf(mail.eventKey);
    expect(sent).toMatchObject({ status: "sent", attempts: 1, lastError: null, leaseUntil: null });
    expect(sent.sentAt).toBeInstanceOf(Date);
  });

  it("makes the one-time link at send time and stores only its hash", async () => {
    const [token] = await database.db
      .insert(accountTokens)
      .values({ userId, purpose: "invitation", tokenHash: "not yet sent", expiresAt: new Date(Date.now() + 3600_000) })
      .returning();
    const mail = mailTo("invited@example.org", {
      accountTokenId: token!.id,
      template: "invitation",
      content: { subject: "You are invited", blocks: [{ kind: "action", text: "Set your password", href: "%%LINK%%" }] },
    });
    await enqueue(mail);
    expect((await rowOf(mail.eventKey)).textBody).toContain("%%LINK%%");
    await deliverPendingMail(database.db, { ...settings, smtpUrl: smtp.url });

    const received = await smtp.waitFor((m) => m.subject === "You are invited");
    const link = received.links.find((l) => l.includes("/invitation/"));
    expect(link).toMatch(/^https:\/\/report\.example\.org\/invitation\/[A-Za-z0-9_-]{43}$/);
    expect(received.html).toContain(`href="${link}"`);
    const [stored] = await database.db.select().from(accountTokens).where(eq(accountTokens.id, token!.id));
    expect(stored!.tokenHash).toBe(hashToken(link!.split("/").pop()!));
    // The outbox itself never holds the link.
    const row = await rowOf(mail.eventKey);
    expect(row.textBody).not.toContain(link);
    expect(row.htmlBody).not.toContain(link);
  });

  it("cancels a message whose one-time link was revoked before it went out", async () => {
    const [token] = await database.db
      .insert(accountTokens)
      .values({ userId, purpose: "reset", tokenHash: "revoked one", expiresAt: new Date(Date.now() + 3600_000), revokedAt: new Date() })
      .returning();
    const mail = mailTo("invited@example.org", { accountTokenId: token!.id, template: "reset" });
    await enqueue(mail);
    expect(await deliverPendingMail(database.db, { ...settings, smtpUrl: smtp.url })).toEqual({ sent: 0, held: 0, failed: 0 });
    expect(await rowOf(mail.eventKey)).toMatchObject({ status: "cancelled", attempts: 1, lastError: MAIL_ERRORS.linkInvalid });
  });

  it("gives a message sent again after a crash the same link as its first copy, and that link works", async () => {
    const [token] = await database.db
      .insert(accountTokens)
      .values({ userId, purpose: "reset", tokenHash: "not yet sent", expiresAt: new Date(Date.now() + 3600_000) })
      .returning();
    const mail = mailTo("twice@example.org", {
      accountTokenId: token!.id,
      template: "reset",
      content: { subject: "Reset twice", blocks: [{ kind: "action", text: "Choose a password", href: "%%LINK%%" }] },
    });
    await enqueue(mail);
    await deliverPendingMail(database.db, { ...settings, smtpUrl: smtp.url });
    const first = await smtp.waitFor((m) => m.subject === "Reset twice");
    // The sender died after the SMTP server took the message, before it recorded "sent": its lease expires.
    await database.db.update(mailOutbox).set({ status: "sending", sentAt: null, leaseUntil: new Date(Date.now() - 1000) }).where(eq(mailOutbox.eventKey, mail.eventKey));
    expect((await deliverPendingMail(database.db, { ...settings, smtpUrl: smtp.url })).sent).toBe(1);
    await smtp.waitFor(() => smtp.received.filter((m) => m.subject === "Reset twice").length === 2);
    const [, second] = smtp.received.filter((m) => m.subject === "Reset twice");
    const linkOf = (m: typeof first) => m.links.find((l) => l.includes("/password/reset/"))!;
    expect(linkOf(second!)).toBe(linkOf(first));
    expect(second!.messageId).toBe(first.messageId);
    const [stored] = await database.db.select().from(accountTokens).where(eq(accountTokens.id, token!.id));
    expect(stored!.tokenHash).toBe(hashToken(linkOf(first).split("/").pop()!));
  });

  it("cancels, without sending, a message whose recipient was deactivated before it went out", async () => {
    const leaving = await buildUser(database.db, { email: "leaving@example.org" });
    const mail = mailTo("leaving@example.org", { userId: leaving.id });
    await enqueue(mail);
    await database.db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, leaving.id));
    expect(await deliverPendingMail(database.db, { ...settings, smtpUrl: smtp.url })).toEqual({ sent: 0, held: 0, failed: 0 });
    expect(await rowOf(mail.eventKey)).toMatchObject({ status: "cancelled", lastError: MAIL_ERRORS.userDeactivated, sentAt: null });
    expect(smtp.received.some((m) => m.to.includes("leaving@example.org"))).toBe(false);
  });

  it("renews its lease while a slow SMTP server keeps it waiting, so no other sender takes the message", async () => {
    const slow = await startSmtpServer({ hangOnData: true });
    const stopping = new AbortController();
    const mail = mailTo("slow@example.org");
    await enqueue(mail);
    const sending = deliverPendingMail(database.db, { ...settings, smtpUrl: slow.url }, { leaseMs: 600, signal: stopping.signal, backoffMs: () => 60_000 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const row = await rowOf(mail.eventKey);
      expect(row).toMatchObject({ status: "sending", attempts: 1 });
      expect(row.leaseUntil!.getTime()).toBeGreaterThan(Date.now());
      // A second sender finds nothing to take.
      expect(await deliverPendingMail(database.db, { ...settings, smtpUrl: smtp.url })).toEqual({ sent: 0, held: 0, failed: 0 });
      expect(smtp.received.some((m) => m.to.includes("slow@example.org"))).toBe(false);
    } finally {
      stopping.abort();
      await slow.close();
      await sending.catch(() => undefined);
    }
    expect((await rowOf(mail.eventKey)).attempts).toBe(1);
  });

  it("keeps mail in the outbox, with one log line each, when no SMTP server is configured", async () => {
    const mail = mailTo("kept@example.org");
    await enqueue(mail);
    const lines: string[] = [];
    expect(await deliverPendingMail(database.db, settings, { log: (line) => lines.push(line) })).toEqual({ sent: 0, held: 1, failed: 0 });
    expect(lines).toEqual(["mail kept in the outbox (no SMTP_URL): kept@example.org Your case study was accepted"]);
    expect(await rowOf(mail.eventKey)).toMatchObject({ status: "held", attempts: 0, sentAt: null });
    expect(smtp.received.some((m) => m.to.includes("kept@example.org"))).toBe(false);
  });

  it("takes a message back from a sender whose lease expired", async () => {
    const mail = mailTo("orphan@example.org");
    await enqueue(mail);
    await database.db
      .update(mailOutbox)
      .set({ status: "sending", attempts: 1, leaseUntil: new Date(Date.now() - 1000) })
      .where(eq(mailOutbox.eventKey, mail.eventKey));
    expect((await deliverPendingMail(database.db, { ...settings, smtpUrl: smtp.url })).sent).toBe(1);
    await smtp.waitFor((m) => m.to.includes("orphan@example.org"));
    expect(await rowOf(mail.eventKey)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("leaves a message another sender holds under a live lease", async () => {
    const mail = mailTo("held-elsewhere@example.org");
    await enqueue(mail);
    await database.db
      .update(mailOutbox)
      .set({ status: "sending", attempts: 1, leaseUntil: new Date(Date.now() + 60_000) })
      .where(eq(mailOutbox.eventKey, mail.eventKey));
    expect((await deliverPendingMail(database.db, { ...settings, smtpUrl: smtp.url })).sent).toBe(0);
    expect(await rowOf(mail.eventKey)).toMatchObject({ status: "sending", attempts: 1 });
  });

  it("sends each message once when two senders run at the same time", async () => {
    const keys: string[] = [];
    for (let i = 0; i < 8; i++) {
      const mail = mailTo(`crowd${i}@example.org`);
      keys.push(mail.eventKey);
      await enqueue(mail);
    }
    const [a, b] = await Promise.all([
      deliverPendingMail(database.db, { ...settings, smtpUrl: smtp.url }),
      deliverPendingMail(database.db, { ...settings, smtpUrl: smtp.url }),
    ]);
    expect(a.sent + b.sent).toBe(8);
    for (let i = 0; i < 8; i++) {
      await smtp.waitFor((m) => m.to.includes(`crowd${i}@example.org`));
      expect(smtp.received.filter((m) => m.to.includes(`crowd${i}@example.org`))).toHaveLength(1);
    }
    for (const key of keys) expect(await rowOf(key)).toMatchObject({ status: "sent", attempts: 1 });
  });
});

describe("delivery failures", () => {
  it("fails a message at once when the SMTP server refuses it for good (5xx)", async () => {
    const refusing = await startSmtpServer({ reject: { code: 550, message: "No such mailbox" } });
    try {
      const mail = mailTo("nobody@example.org");
      await enqueue(mail);
      expect(await deliverPendingMail(database.db, { ...settings, smtpUrl: refusing.url })).toEqual({ sent: 0, held: 0, failed: 1 });
      const row = await rowOf(mail.eventKey);
      expect(row).toMatchObject({ status: "failed", attempts: 1 });
      expect(row.lastError).toMatch(/^SMTP_550: .*No such mailbox/);
    } finally {
      await refusing.close();
    }
  });

  it("tries again later after a temporary refusal (4xx), with a growing wait", async () => {
    const busy = await startSmtpServer({ reject: { code: 451, message: "Try again later" } });
    try {
      const mail = mailTo("later@example.org");
      await enqueue(mail);
      expect(await deliverPendingMail(database.db, { ...settings, smtpUrl: busy.url })).toEqual({ sent: 0, held: 0, failed: 0 });
      const row = await rowOf(mail.eventKey);
      expect(row).toMatchObject({ status: "queued", attempts: 1 });
      expect(row.lastError).toContain("Try again later");
      // The first wait is a minute: nothing is due before then.
      expect(row.runAfter.getTime() - Date.now()).toBeGreaterThan(50_000);
      expect(row.runAfter.getTime() - Date.now()).toBeLessThanOrEqual(61_000);
      expect(await deliverPendingMail(database.db, { ...settings, smtpUrl: busy.url })).toEqual({ sent: 0, held: 0, failed: 0 });
      expect((await rowOf(mail.eventKey)).attempts).toBe(1);
    } finally {
      await busy.close();
    }
  });

  it("fails a message after six attempts when the SMTP server cannot be reached", async () => {
    const gone = await startSmtpServer();
    const url = gone.url;
    await gone.close();
    const mail = mailTo("unreachable@example.org");
    await enqueue(mail);
    const waits: number[] = [];
    const result = await deliverPendingMail(database.db, { ...settings, smtpUrl: url }, { backoffMs: (attempt) => (waits.push(attempt), 0) });
    expect(result).toEqual({ sent: 0, held: 0, failed: 1 });
    expect(waits).toEqual([1, 2, 3, 4, 5]);
    const row = await rowOf(mail.eventKey);
    expect(row).toMatchObject({ status: "failed", attempts: 6 });
    expect(row.lastError).toMatch(/^NETWORK: .*ECONNREFUSED/);
  });
});

describe("the outbox's upkeep", () => {
  it("deletes sent and cancelled messages after 90 days and failed ones after 180, and keeps the rest", async () => {
    const now = new Date("2030-01-01T00:00:00Z");
    const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 3600_000);
    const cases = [
      { status: "sent", age: 91, kept: false },
      { status: "cancelled", age: 91, kept: false },
      { status: "sent", age: 89, kept: true },
      { status: "failed", age: 120, kept: true },
      { status: "failed", age: 181, kept: false },
      { status: "held", age: 400, kept: true },
    ] as const;
    const keys: string[] = [];
    for (const c of cases) {
      const mail = mailTo(`old-${c.status}-${c.age}@example.org`);
      keys.push(mail.eventKey);
      await enqueue(mail);
      await database.db.update(mailOutbox).set({ status: c.status, createdAt: daysAgo(c.age) }).where(eq(mailOutbox.eventKey, mail.eventKey));
    }
    expect(await purgeOutbox(database.db, now)).toBeGreaterThanOrEqual(3);
    for (const [i, c] of cases.entries()) {
      expect((await database.db.select().from(mailOutbox).where(eq(mailOutbox.eventKey, keys[i]!))).length, `${c.status} ${c.age}`).toBe(c.kept ? 1 : 0);
    }
  });
});
