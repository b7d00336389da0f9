import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, count, eq, sql } from "drizzle-orm";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invite } from "#src/cli/invite.ts";
import { CliError } from "#src/cli/errors.ts";
import { loadConfig } from "#src/config.ts";
import { queryRows, type Database } from "#src/db/client.ts";
import { auditEvents } from "#src/db/schema/audit.ts";
import { users } from "#src/db/schema/members.ts";
import { accountTokens, mailOutbox } from "#src/db/schema/notifications.ts";
import { INVITATION_TTL_MS } from "#src/domain/notifications.ts";
import { deliverPendingMail, mailSettings } from "#src/features/mail/sender.ts";
import { hashToken } from "#src/lib/tokens.ts";
import { Browser, testApp } from "#test/helpers/app.ts";
import { openTestDatabase } from "#test/helpers/db.ts";
import { buildOrganization, buildUser } from "#test/helpers/factories.ts";
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from "#test/setup/smtp.ts";

let database: Database;
let app: FastifyInstance;
let smtp: TestSmtpServer;
let admin: Browser;
let org: { id: string; name: string };

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
  smtp = await startSmtpServer();
  const user = await buildUser(database.db, { role: "admin", name: "Grace Secretariat" });
  admin = await new Browser(app).signInAs(database, user.email);
  org = await buildOrganization(database.db, { name: "Aduana de Atlántida", shortName: "ADA" });
});

afterAll(async () => {
  await app.close();
  await smtp.close();
  await database.close();
});

/** Sends what the outbox holds to the test SMTP server, as the server's sender would. */
const deliver = () => deliverPendingMail(database.db, { ...mailSettings(app.config), smtpUrl: smtp.url });

const mailTo = (address: string, after = 0) => smtp.waitFor((m) => m.to.includes(address) && smtp.received.indexOf(m) >= after);

/** The one-time link in a message, as a path on this site. */
const linkPath = (mail: ReceivedMail, prefix: string) => {
  const link = mail.links.find((l) => new URL(l).pathname.startsWith(prefix));
  expect(link, `a ${prefix} link in ${mail.text}`).toBeDefined();
  return new URL(link!).pathname;
};

const cookie = (res: LightMyRequestResponse, name: string) => (res.cookies as { name: string; value: string }[]).find((c) => c.name === name)?.value;

const inviteByForm = (fields: Record<string, string>) => admin.submit("/admin/users/new", "/admin/users", { role: "contributor", language: "en", organizationId: "", ...fields });

/** Invites through the admin form, delivers, and answers the user and the mailed link's path. */
async function invited(email: string, fields: Record<string, string> = {}) {
  const before = smtp.received.length;
  const res = await inviteByForm({ name: "Ana Delegada", email, ...fields });
  expect(res.statusCode).toBe(303);
  await deliver();
  const mail = await mailTo(email, before);
  const [user] = await database.db.select().from(users).where(eq(users.email, email));
  return { res, user: user!, mail, path: linkPath(mail, "/invitation/") };
}

const setPassword = (browser: Browser, path: string, password = "mi contraseña secreta", passwordConfirm = password) =>
  browser.submit(path, path, { password, passwordConfirm });

/** Posts a password to a link whose page has no form any more (a form token from another page). */
const postPassword = (browser: Browser, path: string, password = "a long enough password") => browser.submit("/sign-in", path, { password, passwordConfirm: password });

describe("inviting a person", () => {
  it("creates the account without a password, a 7-day link and its mail in the person's language, in one go", async () => {
    const started = Date.now();
    const { res, user, mail, path } = await invited("ana.delegada@example.org", { organizationId: org.id, language: "es" });
    expect(res.headers.location).toBe(`/admin/users/${user.id}`);
    expect(user).toMatchObject({ name: "Ana Delegada", role: "contributor", organizationId: org.id, language: "es", passwordHash: null });

    const [token] = await database.db.select().from(accountTokens).where(eq(accountTokens.userId, user.id));
    expect(token).toMatchObject({ purpose: "invitation", usedAt: null, revokedAt: null });
    expect(token!.createdBy).not.toBeNull();
    expect(token!.expiresAt.getTime() - started).toBeGreaterThan(INVITATION_TTL_MS - 60_000);
    expect(token!.expiresAt.getTime() - started).toBeLessThan(INVITATION_TTL_MS + 60_000);
    const [outbox] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.accountTokenId, token!.id));
    expect(outbox).toMatchObject({ eventKey: `invitation:${token!.id}`, template: "invitation", language: "es", recipient: "ana.delegada@example.org", status: "sent" });
    const [audit] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, user.id), eq(auditEvents.action, "user.invite")));
    expect(audit).toBeDefined();

    // In Spanish: who invites, to which organization and role, the button, the expiry.
    expect(mail.subject).toBe("Su invitación a Living Report");
    expect(mail.text).toContain("Hola, Ana Delegada:");
    expect(mail.text).toContain("Grace Secretariat le invita a unirse a Living Report como colaborador/a de Aduana de Atlántida.");
    expect(mail.text).toContain("Crear su contraseña");
    expect(mail.text).toContain("caduca el");
    expect(mail.html).toContain("Crear su contraseña");
    expect(mail.html).toContain('lang="es"');

    // Only the hash of the mailed token is stored; the token itself is nowhere in the database.
    const raw = path.slice("/invitation/".length);
    const [stored] = await database.db.select().from(accountTokens).where(eq(accountTokens.id, token!.id));
    expect(stored!.tokenHash).toBe(hashToken(raw));
    for (const table of ["mail_outbox", "account_tokens", "audit_events", "users", "sessions"]) {
      const [hit] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from ${sql.identifier(table)} x where x::text like ${`%${raw}%`}`);
      expect(hit!.n, table).toBe(0);
    }

    // Without a mail server, the administrator is told where the invitation waits.
    const page = await admin.get(res.headers.location as string);
    expect(page.body).toContain("The invitation to ana.delegada@example.org is kept in the outbox");
    expect(page.body).toContain('href="/admin/outbox"');
    expect(page.body).toContain("Pending, until");
    expect(page.body).toContain("Send a new invitation");
    expect(page.body).toContain("Revoke the invitation");
    const list = await admin.get("/admin/users?q=ana.delegada");
    expect(list.body).toMatch(/<span class="tag">Invited<\/span>/);
  });

  it("the link opens a welcome page in the person's language, sets the password once and signs them in", async () => {
    const { user, path } = await invited("beatriz@example.org", { name: "Beatriz", language: "es" });
    const browser = new Browser(app);
    const page = await browser.get(path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="es"');
    expect(page.body).toContain("Bienvenido/a, Beatriz");
    expect(cookie(page, "lr_lang")).toBe("es");
    expect(page.headers["cache-control"]).toBe("no-store");
    expect(page.headers["referrer-policy"]).toBe("no-referrer");

    const mismatch = await setPassword(browser, path, "mi contraseña secreta", "otra contraseña distinta");
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain("Las dos contraseñas no coinciden.");

    const res = await setPassword(browser, path);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/member");
    expect(cookie(res, "lr_session")).toBeTruthy();
    expect(cookie(res, "lr_lang")).toBe("es");
    const home = await browser.get("/member");
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<html lang="es"');
    const [after] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(after!.passwordHash).toMatch(/^\$argon2id\$/);
    expect(after!.lastSignInAt).not.toBeNull();

    // Single use: the same link no longer works, for anyone.
    const again = await new Browser(app).get(path);
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain("This link is no longer valid");
    expect(again.body).toContain('href="/password/forgot"');
    expect((await postPassword(browser, path)).statusCode).toBe(410);

    const signIn = await new Browser(app).submit("/sign-in", "/sign-in", { email: "beatriz@example.org", password: "mi contraseña secreta" });
    expect(signIn.statusCode).toBe(303);
    const adminPage = await admin.get(`/admin/users/${user.id}`);
    expect(adminPage.body).toContain("Accepted");
    expect(adminPage.body).not.toContain("Send a new invitation");
  });

  it("a new invitation replaces the earlier link; a revoked one stops working", async () => {
    const { user, path: first } = await invited("carla@example.org", { name: "Carla" });
    const before = smtp.received.length;
    const resent = await admin.submit(`/admin/users/${user.id}`, `/admin/users/${user.id}/invitation/resend`, {});
    expect(resent.statusCode).toBe(303);
    await deliver();
    const second = linkPath(await mailTo("carla@example.org", before), "/invitation/");
    expect(second).not.toBe(first);
    expect((await new Browser(app).get(first)).statusCode).toBe(410);
    expect((await new Browser(app).get(second)).statusCode).toBe(200);
    const mails = await database.db.select({ n: count() }).from(mailOutbox).where(eq(mailOutbox.recipient, "carla@example.org"));
    expect(mails[0]!.n).toBe(2);

    const revoked = await admin.submit(`/admin/users/${user.id}`, `/admin/users/${user.id}/invitation/revoke`, {});
    expect(revoked.statusCode).toBe(303);
    expect((await new Browser(app).get(second)).statusCode).toBe(410);
    const page = await admin.get(`/admin/users/${user.id}`);
    expect(page.body).toContain("The invitation to carla@example.org was revoked");
    expect(page.body).toContain("Revoked");
    expect(page.body).not.toContain("Revoke the invitation");
    // Nothing left to revoke: refused, and nothing written.
    const auditBefore = (await database.db.select({ n: count() }).from(auditEvents))[0]!.n;
    const twice = await admin.submit(`/admin/users/${user.id}`, `/admin/users/${user.id}/invitation/revoke`, {});
    expect(twice.statusCode).toBe(409);
    expect((await database.db.select({ n: count() }).from(auditEvents))[0]!.n).toBe(auditBefore);
    const actions = (await database.db.select().from(auditEvents).where(eq(auditEvents.entityId, user.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["user.invite", "user.invitation.resend", "user.invitation.revoke"]));
  });

  it("an expired link is refused, and the page says so", async () => {
    const { user, path } = await invited("dora@example.org", { name: "Dora" });
    await database.db.update(accountTokens).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(accountTokens.userId, user.id));
    expect((await new Browser(app).get(path)).statusCode).toBe(410);
    expect((await postPassword(new Browser(app), path)).statusCode).toBe(410);
    expect((await new Browser(app).get(`/invitation/${"x".repeat(43)}`)).statusCode).toBe(410);
    expect((await new Browser(app).get("/invitation/short")).statusCode).toBe(410);
    const page = await admin.get(`/admin/users/${user.id}`);
    expect(page.body).toContain("Expired on");
    expect(page.body).toContain("Send a new invitation");
  });

  it("a deactivated person cannot accept", async () => {
    const { user, path } = await invited("elena@example.org", { name: "Elena" });
    const browser = new Browser(app);
    expect((await browser.get(path)).statusCode).toBe(200);
    await admin.submit(`/admin/users/${user.id}`, `/admin/users/${user.id}/deactivate`, {});
    expect((await postPassword(browser, path)).statusCode).toBe(410);
    expect((await new Browser(app).get(path)).statusCode).toBe(410);
    const [after] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(after!.passwordHash).toBeNull();
  });

  it("refuses an address that already has an account, or a pending invitation, and writes nothing", async () => {
    const existing = await buildUser(database.db);
    const { user: pending } = await invited("flor@example.org", { name: "Flor" });
    const counts = async () => [
      (await database.db.select({ n: count() }).from(users))[0]!.n,
      (await database.db.select({ n: count() }).from(accountTokens))[0]!.n,
      (await database.db.select({ n: count() }).from(mailOutbox))[0]!.n,
    ];
    const before = await counts();
    const taken = await inviteByForm({ name: "Someone", email: existing.email.toUpperCase() });
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain("A user with this e-mail address already exists");
    expect(taken.body).toContain('value="Someone"');
    const again = await inviteByForm({ name: "Flor", email: pending.email });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain("This person is already invited.");
    expect(await counts()).toEqual(before);
  });

  it("the invitation form has no password field", async () => {
    const page = await admin.get("/admin/users/new");
    expect(page.body).toContain("Send invitation");
    expect(page.body).not.toContain('type="password"');
  });
});

describe("the invite command", () => {
  const configWith = (smtpUrl?: string) =>
    loadConfig({
      DATA_DIR: mkdtempSync(join(tmpdir(), "lr-invite-")),
      SESSION_SECRET: "test-secret-that-is-long-enough-for-hmac-0123456789",
      DEMO: "false",
      ...(smtpUrl ? { SMTP_URL: smtpUrl } : {}),
    });

  it("invites by organization code, delivers at once, and the link works", async () => {
    const before = smtp.received.length;
    const outcome = await invite(database.db, configWith(smtp.url), { email: "Gil@Example.org", name: "Gil Douanier", org: "ada", role: "editor", language: "fr" });
    expect(outcome).toEqual({ exitCode: 0, line: "Invitation sent to gil@example.org." });
    const mail = await mailTo("gil@example.org", before);
    expect(mail.subject).toBe("Votre invitation à Living Report");
    expect(mail.text).toContain("Le secrétariat vous invite à rejoindre Living Report en tant que rédacteur ou rédactrice pour Aduana de Atlántida.");
    const path = linkPath(mail, "/invitation/");
    const browser = new Browser(app);
    const page = await browser.get(path);
    expect(page.body).toContain("Bienvenue, Gil Douanier");
    expect((await setPassword(browser, path, "un mot de passe assez long")).statusCode).toBe(303);
    const [user] = await database.db.select().from(users).where(eq(users.email, "gil@example.org"));
    expect(user).toMatchObject({ role: "editor", organizationId: org.id, language: "fr" });
  });

  it("keeps the mail in the outbox without SMTP_URL, and says so", async () => {
    const outcome = await invite(database.db, configWith(), { email: "hugo@example.org", name: "Hugo", org: org.id, role: "contributor" });
    expect(outcome.exitCode).toBe(0);
    expect(outcome.line).toContain("kept in the outbox");
    const [row] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, "hugo@example.org"));
    expect(row!.status).toBe("held");
  });

  it("refuses a bad address or name with the problem of each option, as the web form does, and creates nothing", async () => {
    const refused = invite(database.db, configWith(smtp.url), { email: "not an address", name: "x".repeat(201), org: "ADA", role: "contributor" });
    await expect(refused).rejects.toBeInstanceOf(CliError);
    const message = await refused.catch((e: Error) => e.message);
    expect(message).toMatch(/^The invitation was refused:\n {2}--name: .+\n {2}--email: .+$/);
    expect(message).not.toMatch(/\bat \S+:\d+/);
    expect(await database.db.select().from(users).where(eq(users.name, "x".repeat(201)))).toHaveLength(0);
    await expect(invite(database.db, configWith(smtp.url), { email: "kim@example.org", name: "   ", org: "ADA", role: "contributor" })).rejects.toThrow(/--name: /);
  });

  it("refuses an unknown organization with the list of codes, and reports a refused mail with exit code 2", async () => {
    const unknown = invite(database.db, configWith(smtp.url), { email: "ines@example.org", name: "Ines", org: "nope", role: "contributor" });
    await expect(unknown).rejects.toBeInstanceOf(CliError);
    await expect(unknown).rejects.toThrow(/ADA +Aduana de Atlántida/);
    expect(await database.db.select().from(users).where(eq(users.email, "ines@example.org"))).toHaveLength(0);

    const refusing = await startSmtpServer({ reject: { code: 550, message: "mailbox unavailable" } });
    try {
      const outcome = await invite(database.db, configWith(refusing.url), { email: "jon@example.org", name: "Jon", org: "ADA", role: "contributor" });
      expect(outcome.exitCode).toBe(2);
      expect(outcome.line).toContain("mailbox unavailable");
    } finally {
      await refusing.close();
    }
  });
});
