import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "#src/app.ts";
import { loadConfig } from "#src/config.ts";
import { transaction, type Database } from "#src/db/client.ts";
import { auditEvents } from "#src/db/schema/audit.ts";
import { accountTokens, mailOutbox } from "#src/db/schema/notifications.ts";
import { enqueueMail } from "#src/features/mail/outbox.ts";
import { deliverPendingMail, mailSettings } from "#src/features/mail/sender.ts";
import { hashToken } from "#src/lib/tokens.ts";
import { Browser, testApp } from "#test/helpers/app.ts";
import { openTestDatabase } from "#test/helpers/db.ts";
import { buildUser } from "#test/helpers/factories.ts";
import { startSmtpServer, type TestSmtpServer } from "#test/setup/smtp.ts";

let database: Database;
let app: FastifyInstance;
let smtpApp: FastifyInstance;
let smtp: TestSmtpServer;
let admin: Browser;
let adminOverSmtp: Browser;
let member: Browser;
let invitedId: string;

const SECRET = "test-secret-that-is-long-enough-for-hmac-0123456789";

async function enqueueInvitation(email: string) {
  const [token] = await database.db
    .insert(accountTokens)
    .values({ userId: invitedId, purpose: "invitation", tokenHash: `unsent ${email}`, expiresAt: new Date(Date.now() + 3600_000) })
    .returning();
  const eventKey = `invitation:${token!.id}`;
  await transaction(database.db, (tx) =>
    enqueueMail(tx, {
      eventKey,
      to: email,
      userId: invitedId,
      language: "fr",
      template: "invitation",
      accountTokenId: token!.id,
      content: { subject: "Invitation <à> rejoindre", blocks: [{ kind: "action", text: "Choisir un mot de passe", href: "%%LINK%%" }] },
    }),
  );
  const [row] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.eventKey, eventKey));
  return { row: row!, tokenId: token!.id };
}

beforeAll(async () => {
  database = await openTestDatabase();
  smtp = await startSmtpServer();
  app = await testApp(database);
  const config = loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), "lr-app-")), SESSION_SECRET: SECRET, DEMO: "false", SMTP_URL: `smtp://user:secret@127.0.0.1:${smtp.port}` });
  smtpApp = await buildApp({ config, database });
  const adminUser = await buildUser(database.db, { role: "admin" });
  const memberUser = await buildUser(database.db, { role: "contributor" });
  invitedId = (await buildUser(database.db, { email: "invited@example.org" })).id;
  admin = await new Browser(app).signInAs(database, adminUser.email);
  adminOverSmtp = await new Browser(smtpApp).signInAs(database, adminUser.email);
  member = await new Browser(app).signInAs(database, memberUser.email);
});

afterAll(async () => {
  await smtpApp.close();
  await app.close();
  await smtp.close();
  await database.close();
});

describe("the outbox page", () => {
  it("is for administrators only", async () => {
    expect((await member.get("/admin/outbox")).statusCode).toBe(403);
    expect((await new Browser(app).get("/admin/outbox")).statusCode).not.toBe(200);
  });

  it("lists held messages with their state, and says that nothing is sent without SMTP_URL", async () => {
    const { row } = await enqueueInvitation("list@example.org");
    await deliverPendingMail(database.db, mailSettings(app.config));
    const page = await admin.get("/admin/outbox");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("SMTP_URL is not set");
    expect(page.body).toContain("list@example.org");
    expect(page.body).toContain("Invitation &lt;à> rejoindre");
    expect(page.body).toContain(`/admin/outbox/${row.id}`);
    expect(page.body).toContain("Kept here");

    const held = await admin.get("/admin/outbox?status=held");
    expect(held.body).toContain("list@example.org");
    expect((await admin.get("/admin/outbox?status=sent")).body).not.toContain("list@example.org");
    expect((await admin.get("/admin/outbox?status=nonsense&page=-3")).statusCode).toBe(200);

    const home = await admin.get("/admin");
    expect(home.body).toContain('href="/admin/outbox"');
  });

  it("names the SMTP server without its password when one is configured", async () => {
    const page = await adminOverSmtp.get("/admin/outbox");
    expect(page.body).toContain(`smtp://127.0.0.1:${smtp.port}`);
    expect(page.body).not.toContain("secret@");
  });

  it("shows a message's parts as text, never its HTML as markup, and no usable link", async () => {
    const { row } = await enqueueInvitation("detail@example.org");
    const page = await admin.get(`/admin/outbox/${row.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("%%LINK%%");
    expect(page.body).toContain("&lt;html lang=&quot;fr&quot;>");
    expect(page.body).not.toContain('<html lang="fr">');
    expect((await admin.get("/admin/outbox/00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
  });
});

describe("what administrators do with a message", () => {
  it("refuses to send while no SMTP server is configured", async () => {
    const { row } = await enqueueInvitation("nosmtp@example.org");
    await deliverPendingMail(database.db, mailSettings(app.config));
    const res = await admin.submit(`/admin/outbox/${row.id}`, `/admin/outbox/${row.id}/send`, {});
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain("SMTP_URL");
    expect((await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, row.id)))[0]!.status).toBe("held");
  });

  it("makes a held invitation's link once, storing only its hash, with an audit entry", async () => {
    const { row, tokenId } = await enqueueInvitation("handover@example.org");
    await deliverPendingMail(database.db, mailSettings(app.config));
    const res = await admin.submit(`/admin/outbox/${row.id}`, `/admin/outbox/${row.id}/link`, {});
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    const link = /value="(http:\/\/localhost:3000\/invitation\/[A-Za-z0-9_-]{43})"/.exec(res.body)?.[1];
    expect(link).toBeDefined();
    const [token] = await database.db.select().from(accountTokens).where(eq(accountTokens.id, tokenId));
    expect(token!.tokenHash).toBe(hashToken(link!.split("/").pop()!));
    const audits = await database.db.select().from(auditEvents).where(and(eq(auditEvents.action, "mail.link"), eq(auditEvents.entityId, row.id)));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0]!.data)).not.toContain(link!.split("/").pop()!);
    // Shown once: the message's page does not show it again.
    expect((await admin.get(`/admin/outbox/${row.id}`)).body).not.toContain(link!);

    // A revoked invitation has no link to make.
    await database.db.update(accountTokens).set({ revokedAt: new Date() }).where(eq(accountTokens.id, tokenId));
    const refused = await admin.submit(`/admin/outbox/${row.id}`, `/admin/outbox/${row.id}/link`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain("revoked");
  });

  it("sends every held message at once when an SMTP server is configured, audited, and refuses without one", async () => {
    const first = await enqueueInvitation("held-one@example.org");
    const second = await enqueueInvitation("held-two@example.org");
    await deliverPendingMail(database.db, mailSettings(app.config));
    expect((await admin.get("/admin/outbox")).body).not.toContain('action="/admin/outbox/send-held"');
    const refused = await admin.submit("/admin/outbox", "/admin/outbox/send-held", {});
    expect(refused.statusCode).toBe(409);
    expect((await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, first.row.id)))[0]!.status).toBe("held");

    const page = await adminOverSmtp.get("/admin/outbox");
    expect(page.body).toContain('action="/admin/outbox/send-held"');
    const res = await adminOverSmtp.submit("/admin/outbox", "/admin/outbox/send-held", {});
    expect(res.statusCode).toBe(303);
    for (const { row } of [first, second]) {
      expect((await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, row.id)))[0]).toMatchObject({ status: "queued", attempts: 0 });
    }
    const audits = await database.db.select().from(auditEvents).where(eq(auditEvents.action, "mail.send_held"));
    expect(audits).toHaveLength(1);
    expect((audits[0]!.data as { count: number }).count).toBeGreaterThanOrEqual(2);
    await deliverPendingMail(database.db, mailSettings(smtpApp.config));
    await smtp.waitFor((m) => m.to.includes("held-two@example.org"));
  });

  it("lists cancelled messages under their own state, with the reason in words", async () => {
    const { row, tokenId } = await enqueueInvitation("cancelled@example.org");
    await database.db.update(accountTokens).set({ revokedAt: new Date() }).where(eq(accountTokens.id, tokenId));
    await deliverPendingMail(database.db, mailSettings(smtpApp.config));
    expect((await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, row.id)))[0]).toMatchObject({ status: "cancelled", lastError: "LINK_INVALID" });
    const page = await admin.get("/admin/outbox?status=cancelled");
    expect(page.body).toContain("cancelled@example.org");
    expect(page.body).toContain("Cancelled");
    expect(page.body).toContain("Not sent: its one-time link was used, revoked or had expired");
    expect(page.body).not.toContain("LINK_INVALID");
    expect(page.body).toContain("deleted after 90 days");
    // Never sent, nor sent again by hand.
    expect((await adminOverSmtp.submit(`/admin/outbox/${row.id}`, `/admin/outbox/${row.id}/send`, {})).statusCode).toBe(409);
  });

  it("sends a held message once an SMTP server is configured, with a fresh link", async () => {
    const { row } = await enqueueInvitation("later@example.org");
    await deliverPendingMail(database.db, mailSettings(app.config));
    const res = await adminOverSmtp.submit(`/admin/outbox/${row.id}`, `/admin/outbox/${row.id}/send`, {});
    expect(res.statusCode).toBe(303);
    expect((await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, row.id)))[0]).toMatchObject({ status: "queued", attempts: 0 });
    await deliverPendingMail(database.db, mailSettings(smtpApp.config));
    const received = await smtp.waitFor((m) => m.to.includes("later@example.org"));
    expect(received.links.some((l) => l.startsWith("http://localhost:3000/invitation/"))).toBe(true);
    expect(await database.db.select().from(auditEvents).where(and(eq(auditEvents.action, "mail.send"), eq(auditEvents.entityId, row.id)))).toHaveLength(1);
    // A sent message is not sent again by hand.
    const again = await adminOverSmtp.submit(`/admin/outbox/${row.id}`, `/admin/outbox/${row.id}/send`, {});
    expect(again.statusCode).toBe(409);
  });
});
