import { and, count, eq, isNull, sql } from "drizzle-orm";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type Database } from "#src/db/client.ts";
import { auditEvents } from "#src/db/schema/audit.ts";
import { users } from "#src/db/schema/members.ts";
import { sessions } from "#src/db/schema/sessions.ts";
import { accountTokens, mailOutbox } from "#src/db/schema/notifications.ts";
import { RESET_TTL_MS } from "#src/domain/notifications.ts";
import { deliverPendingMail, mailSettings } from "#src/features/mail/sender.ts";
import { hashToken } from "#src/lib/tokens.ts";
import { RESET_LIMITS } from "#src/features/members/reset-limits.ts";
import { updateUser } from "#src/features/members/service.ts";
import { Browser, testApp } from "#test/helpers/app.ts";
import { openTestDatabase } from "#test/helpers/db.ts";
import { buildUser, TEST_PASSWORD } from "#test/helpers/factories.ts";
import { startSmtpServer, type TestSmtpServer } from "#test/setup/smtp.ts";

let database: Database;
let app: FastifyInstance;
let smtp: TestSmtpServer;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
  smtp = await startSmtpServer();
});

afterAll(async () => {
  await app.close();
  await smtp.close();
  await database.close();
});

const deliver = () => deliverPendingMail(database.db, { ...mailSettings(app.config), smtpUrl: smtp.url });

const cookie = (res: LightMyRequestResponse, name: string) => (res.cookies as { name: string; value: string }[]).find((c) => c.name === name)?.value;

let clients = 0;
/** Asks for a reset link as a browser would, from its own client address (the per-client limit is tested apart). */
async function askReset(email: string, remoteAddress = `10.0.${Math.floor(++clients / 250)}.${clients % 250}`) {
  const form = await app.inject({ method: "GET", url: "/password/forgot", remoteAddress, headers: { accept: "text/html" } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
  const jar = (form.cookies as { name: string; value: string }[]).map((c) => `${c.name}=${c.value}`).join("; ");
  return app.inject({
    method: "POST",
    url: "/password/forgot",
    remoteAddress,
    headers: { accept: "text/html", cookie: jar, "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams({ _csrf: csrf, email }).toString(),
  });
}

const outboxFor = async (address: string) => (await database.db.select({ n: count() }).from(mailOutbox).where(eq(mailOutbox.recipient, address)))[0]!.n;

/** Asks for a link for the address, delivers it, and answers the mailed link's path. */
async function mailedLink(address: string) {
  const before = smtp.received.length;
  expect((await askReset(address)).statusCode).toBe(200);
  await deliver();
  const mail = await smtp.waitFor((m) => m.to.includes(address) && smtp.received.indexOf(m) >= before);
  const link = mail.links.find((l) => new URL(l).pathname.startsWith("/password/reset/"));
  expect(link).toBeDefined();
  return { mail, path: new URL(link!).pathname };
}

const choose = (browser: Browser, path: string, password = "a brand new password") => browser.submit(path, path, { password, passwordConfirm: password });

describe("asking for a reset link", () => {
  it("answers a known and an unknown address alike, and mails only the known one", async () => {
    const known = await buildUser(database.db, { email: "known@example.org" });
    const [beforeKnown, beforeUnknown] = [await outboxFor("known@example.org"), await outboxFor("unknown@example.org")];
    const a = await askReset("known@example.org");
    const b = await askReset("unknown@example.org");
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(a.statusCode);
    expect(a.body).toContain("If an account exists for known@example.org, a link to choose a new password is on its way.");
    expect(b.body.replaceAll("unknown@example.org", "ADDRESS")).toBe(a.body.replaceAll("known@example.org", "ADDRESS"));
    expect(Object.keys(b.headers).sort()).toEqual(Object.keys(a.headers).sort());

    expect(await outboxFor("known@example.org")).toBe(beforeKnown + 1);
    expect(await outboxFor("unknown@example.org")).toBe(beforeUnknown);
    const before = smtp.received.length;
    await deliver();
    expect(smtp.received.slice(before).map((m) => m.to)).toEqual([["known@example.org"]]);

    const [token] = await database.db.select().from(accountTokens).where(eq(accountTokens.userId, known.id));
    expect(token!.purpose).toBe("reset");
    expect(Math.abs(token!.expiresAt.getTime() - token!.createdAt.getTime() - RESET_TTL_MS)).toBeLessThan(5_000);
    const requests = await database.db.select().from(auditEvents).where(eq(auditEvents.action, "password.reset.request"));
    expect(requests.find((r) => r.entityId === known.id)?.data).toEqual({});
    expect(requests.find((r) => r.entityId === null)?.data).toEqual({ email: "unknown@example.org" });
  });

  it("mails nothing for a deactivated account or one still invited, with the same answer", async () => {
    const gone = await buildUser(database.db, { email: "gone@example.org" });
    await database.db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, gone.id));
    await database.db.insert(users).values({ name: "Still Invited", email: "invited@example.org", role: "contributor", language: "en", passwordHash: null });
    for (const address of ["gone@example.org", "invited@example.org"]) {
      const res = await askReset(address);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`If an account exists for ${address}`);
      expect(await outboxFor(address)).toBe(0);
    }
  });

  it("refuses a malformed address on the form itself", async () => {
    const res = await askReset("not an address");
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="e-email"');
  });
});

describe("the reset link", () => {
  it("sets a new password once, in the person's language, ends their other sessions and signs them in", async () => {
    const user = await buildUser(database.db, { email: "reset.me@example.org", name: "Renée" });
    await updateUser(database.db, { userId: null, ip: null, requestId: null }, user.id, { name: user.name, email: user.email, organizationId: null, role: user.role, language: "fr" });
    const elsewhere = await new Browser(app).signInAs(database, user.email);
    const { mail, path } = await mailedLink("reset.me@example.org");
    expect(mail.subject).toBe("Choisissez un nouveau mot de passe pour Living Report");
    expect(mail.text).toContain("Bonjour Renée,");
    expect(mail.text).toContain("expire dans une heure");

    // Only the hash of the mailed token is stored, and the token is nowhere in the database.
    const raw = path.slice("/password/reset/".length);
    const [stored] = await database.db.select().from(accountTokens).where(eq(accountTokens.userId, user.id));
    expect(stored!.tokenHash).toBe(hashToken(raw));
    for (const table of ["mail_outbox", "account_tokens", "audit_events"]) {
      const [hit] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from ${sql.identifier(table)} x where x::text like ${`%${raw}%`}`);
      expect(hit!.n, table).toBe(0);
    }
    // A second request, still open: the reset revokes it.
    await askReset("reset.me@example.org");

    const browser = new Browser(app);
    const page = await browser.get(path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="fr"');
    expect(page.body).toContain("Choisir un nouveau mot de passe");
    expect(cookie(page, "lr_lang")).toBe("fr");
    expect(page.headers["referrer-policy"]).toBe("no-referrer");
    const short = await choose(browser, path, "short");
    expect(short.statusCode).toBe(400);
    const res = await choose(browser, path);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/member");
    expect(cookie(res, "lr_lang")).toBe("fr");
    expect((await browser.get("/member")).statusCode).toBe(200);

    expect((await elsewhere.get("/account")).statusCode).toBe(303);
    expect(await database.db.select({ n: count() }).from(sessions).where(eq(sessions.userId, user.id))).toEqual([{ n: 1 }]);
    const open = await database.db.select().from(accountTokens).where(and(eq(accountTokens.userId, user.id), isNull(accountTokens.usedAt), isNull(accountTokens.revokedAt)));
    expect(open).toHaveLength(0);
    expect((await new Browser(app).get(path)).statusCode).toBe(410);
    const oldPassword = await new Browser(app).submit("/sign-in", "/sign-in", { email: user.email, password: TEST_PASSWORD });
    expect(oldPassword.statusCode).toBe(401);
    const newPassword = await new Browser(app).submit("/sign-in", "/sign-in", { email: user.email, password: "a brand new password" });
    expect(newPassword.statusCode).toBe(303);
    const audit = await database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, user.id), eq(auditEvents.action, "password.reset")));
    expect(audit).toHaveLength(1);
  });

  it("expires after one hour", async () => {
    const user = await buildUser(database.db, { email: "late@example.org" });
    const { path } = await mailedLink("late@example.org");
    await database.db.update(accountTokens).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(accountTokens.userId, user.id));
    const res = await new Browser(app).get(path);
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain("This link is no longer valid");
    const post = await new Browser(app).submit("/sign-in", path, { password: "a brand new password", passwordConfirm: "a brand new password" });
    expect(post.statusCode).toBe(410);
    const [after] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(after!.passwordHash).toBe(user.passwordHash);
  });
});

describe("limits", () => {
  it("mails an address at most three times an hour, with the same answer after", async () => {
    await buildUser(database.db, { email: "busy@example.org" });
    const answers = [];
    for (let i = 0; i < RESET_LIMITS.perAddress + 2; i++) answers.push(await askReset("Busy@Example.org"));
    expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 200));
    expect(new Set(answers.map((a) => a.body.replace(/name="_csrf" value="[^"]+"/g, ""))).size).toBe(1);
    expect(await outboxFor("busy@example.org")).toBe(RESET_LIMITS.perAddress);
  });

  it("tells a client past its share to wait", async () => {
    const client = "192.0.2.77";
    for (let i = 0; i < RESET_LIMITS.perClient; i++) expect((await askReset(`nobody-${i}@example.org`, client)).statusCode).toBe(200);
    const refused = await askReset("nobody-else@example.org", client);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect((await askReset("nobody-else@example.org")).statusCode).toBe(200);
  });
});

describe("the preferred language", () => {
  it("applies from sign-in on; the account page saves a person's choice, the language switch only sets the cookie", async () => {
    const user = await buildUser(database.db, { email: "lang@example.org" });
    await database.db.update(users).set({ language: "es" }).where(eq(users.id, user.id));
    const browser = new Browser(app);
    const res = await browser.submit("/sign-in", "/sign-in", { email: user.email, password: TEST_PASSWORD });
    expect(res.statusCode).toBe(303);
    expect(cookie(res, "lr_lang")).toBe("es");
    const account = await browser.get("/account");
    expect(account.body).toContain('<html lang="es"');
    expect(account.body).toContain('<span lang="es">Español</span>');

    // The switch is a link any site can make a browser follow: it sets the cookie and writes nothing.
    const switched = await browser.get("/language/fr?next=/account");
    expect(switched.statusCode).toBe(303);
    expect(cookie(switched, "lr_lang")).toBe("fr");
    expect((await database.db.select().from(users).where(eq(users.id, user.id)))[0]!.language).toBe("es");
    const languageChanges = () => database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, user.id), eq(auditEvents.action, "user.language")));
    expect(await languageChanges()).toHaveLength(0);

    // Saving needs the form's token.
    const forged = await browser.post("/account/language", { language: "fr" });
    expect(forged.statusCode).toBe(403);
    expect(await browser.post("/account/language", { language: "de" }).then((r) => r.statusCode)).toBe(403);

    const saved = await browser.submit("/account", "/account/language", { language: "fr" });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe("/account");
    expect(cookie(saved, "lr_lang")).toBe("fr");
    const [after] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(after!.language).toBe("fr");
    const page = (await browser.get("/account")).body;
    expect(page).toContain('<span lang="fr">Français</span>');
    expect(page).toContain("Langue enregistrée");
    expect(await languageChanges()).toHaveLength(1);
    expect((await browser.submit("/account", "/account/language", { language: "de" })).statusCode).toBe(400);

    // An anonymous reader's switch only sets the cookie.
    const reader = await new Browser(app).get("/language/es?next=/");
    expect(reader.statusCode).toBe(303);
    expect(cookie(reader, "lr_lang")).toBe("es");
  });
});
