import { and, count, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#src/db/client.ts";
import { auditEvents } from "#src/db/schema/audit.ts";
import { organizations, users } from "#src/db/schema/members.ts";
import { accountTokens, mailOutbox } from "#src/db/schema/notifications.ts";
import { deliverPendingMail, mailSettings } from "#src/features/mail/sender.ts";
import { Browser, testApp } from "#test/helpers/app.ts";
import { openTestDatabase } from "#test/helpers/db.ts";
import { buildOrganization, buildUser } from "#test/helpers/factories.ts";
import { startSmtpServer } from "#test/setup/smtp.ts";

let database: Database;
let app: FastifyInstance;
let admin: Browser;

const rows = async (table: typeof users | typeof organizations | typeof auditEvents) =>
  (await database.db.select({ n: count() }).from(table))[0]!.n;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
  const user = await buildUser(database.db, { role: "admin" });
  admin = await new Browser(app).signInAs(database, user.email);
});

afterAll(async () => {
  await app.close();
  await database.close();
});

describe("administration pages", () => {
  it("creates an organization from the form, with its audit event", async () => {
    const res = await admin.submit("/admin/organizations/new", "/admin/organizations", {
      name: "Customs of Atlantis",
      shortName: "CA",
      kind: "customs_administration",
      country: "PT",
      regionCode: "EUR",
      memberSince: "1999-01-01",
    });
    expect(res.statusCode).toBe(303);
    const [org] = await database.db.select().from(organizations).where(eq(organizations.name, "Customs of Atlantis"));
    expect(org).toMatchObject({ kind: "customs_administration", country: "PT", regionCode: "EUR", memberSince: "1999-01-01" });
    expect(res.headers.location).toBe(`/admin/organizations/${org!.id}`);
    const [audit] = await database.db.select().from(auditEvents).where(eq(auditEvents.entityId, org!.id));
    expect(audit).toMatchObject({ action: "organization.create", entityType: "organization" });
    const page = await admin.get(res.headers.location as string);
    expect(page.body).toContain("Organization “Customs of Atlantis” created.");
  });

  it("invites a contributor in an organization: the account has no password until they choose one", async () => {
    const org = await buildOrganization(database.db);
    const res = await admin.submit("/admin/users/new", "/admin/users", {
      name: "Ana Delegate",
      email: "Ana.Delegate@Example.org",
      organizationId: org.id,
      role: "contributor",
      language: "fr",
    });
    expect(res.statusCode).toBe(303);
    const [user] = await database.db.select().from(users).where(eq(users.email, "ana.delegate@example.org"));
    expect(user).toMatchObject({ name: "Ana Delegate", role: "contributor", organizationId: org.id, language: "fr", passwordHash: null });
    expect(res.headers.location).toBe(`/admin/users/${user!.id}`);
  });

  it("refuses a duplicate e-mail with 409, a readable message and no new row", async () => {
    const existing = await buildUser(database.db);
    const [usersBefore, auditBefore] = [await rows(users), await rows(auditEvents)];
    const res = await admin.submit("/admin/users/new", "/admin/users", {
      name: "Someone Else",
      email: existing.email.toUpperCase(),
      role: "contributor",
    });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain("A user with this e-mail address already exists");
    expect(res.body).toContain('value="Someone Else"');
    expect(await rows(users)).toBe(usersBefore);
    expect(await rows(auditEvents)).toBe(auditBefore);
  });

  it("refuses a duplicate organization name regardless of case", async () => {
    const org = await buildOrganization(database.db);
    const before = await rows(organizations);
    const res = await admin.submit("/admin/organizations/new", "/admin/organizations", { name: org.name.toLowerCase(), kind: "academia" });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain("An organization with this name already exists");
    expect(await rows(organizations)).toBe(before);
  });

  it("shows every invalid field next to its input and writes nothing", async () => {
    const before = await rows(organizations);
    const res = await admin.submit("/admin/organizations/new", "/admin/organizations", {
      name: "",
      kind: "pirates",
      country: "XX",
      memberSince: "2020-05-01",
      memberUntil: "2019-01-01",
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="e-name"');
    expect(res.body).toContain('id="e-kind"');
    expect(res.body).toContain("Choose a country or territory from the list.");
    expect(await rows(organizations)).toBe(before);
    const dates = await admin.submit("/admin/organizations/new", "/admin/organizations", {
      name: "Dates Customs",
      kind: "academia",
      memberSince: "2020-05-01",
      memberUntil: "2019-01-01",
    });
    expect(dates.statusCode).toBe(400);
    expect(dates.body).toContain("cannot be before");
  });

  it("refuses a form without a CSRF token and writes nothing", async () => {
    const before = await rows(organizations);
    const res = await admin.post("/admin/organizations", { name: "Forged Customs", kind: "academia" });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain("This form has expired or did not come from this site");
    const forged = await admin.post("/admin/organizations", { _csrf: "not-a-token", name: "Forged Customs", kind: "academia" });
    expect(forged.statusCode).toBe(403);
    expect(await rows(organizations)).toBe(before);
  });

  it("a token from another session does not work", async () => {
    const other = await buildUser(database.db, { role: "admin" });
    const otherBrowser = await new Browser(app).signInAs(database, other.email);
    const page = await otherBrowser.get("/admin/organizations/new");
    const stolen = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const res = await admin.post("/admin/organizations", { _csrf: stolen, name: "Cross Customs", kind: "academia" });
    expect(res.statusCode).toBe(403);
  });

  it("deactivating a user signs them out", async () => {
    const user = await buildUser(database.db);
    const theirBrowser = await new Browser(app).signInAs(database, user.email);
    expect((await theirBrowser.get("/account")).statusCode).toBe(200);
    const res = await admin.submit(`/admin/users/${user.id}`, `/admin/users/${user.id}/deactivate`, {});
    expect(res.statusCode).toBe(303);
    const after = await theirBrowser.get("/account");
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toBe("/sign-in?next=%2Faccount");
  });

  it("lists and filters organizations and users", async () => {
    // What the filters must keep and what they must leave out, all made here.
    await buildOrganization(database.db, { name: "Filterable Customs", regionCode: "WCA", country: "SN" });
    await buildOrganization(database.db, { name: "Filterable Elsewhere", regionCode: "EUR", country: "PT" });
    await buildOrganization(database.db, { name: "Unmatched Customs", regionCode: "WCA", country: "SN" });
    const all = await admin.get("/admin/organizations");
    for (const name of ["Filterable Customs", "Filterable Elsewhere", "Unmatched Customs"]) expect(all.body).toContain(name);
    const list = await admin.get("/admin/organizations?region=WCA&q=filterable");
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain("Filterable Customs");
    expect(list.body).not.toContain("Filterable Elsewhere");
    expect(list.body).not.toContain("Unmatched Customs");

    await buildUser(database.db, { role: "admin", name: "Listed Administrator" });
    await buildUser(database.db, { role: "contributor", name: "Listed Contributor" });
    const everyone = await admin.get("/admin/users");
    for (const name of ["Listed Administrator", "Listed Contributor"]) expect(everyone.body).toContain(name);
    const users = await admin.get("/admin/users?role=admin");
    expect(users.statusCode).toBe(200);
    expect(users.body).toContain("Listed Administrator");
    expect(users.body).not.toContain("Listed Contributor");
  });

  it("answers unknown ids with 404", async () => {
    expect((await admin.get("/admin/users/not-a-uuid")).statusCode).toBe(404);
    expect((await admin.get("/admin/organizations/00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
  });
});

describe("a person's password", () => {
  it("is never typed by an administrator: the edit form has no password field and ignores one", async () => {
    const user = await buildUser(database.db);
    const page = await admin.get(`/admin/users/${user.id}`);
    expect(page.body).not.toMatch(/type="password"/);
    expect(page.body).toContain("Send a password reset link");
    const [before] = await database.db.select().from(users).where(eq(users.id, user.id));
    const res = await admin.submit(`/admin/users/${user.id}`, `/admin/users/${user.id}`, { name: "Renamed Person", email: user.email, organizationId: "", role: "contributor", language: "en", password: "typed by someone else" });
    expect(res.statusCode).toBe(303);
    const [after] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(after).toMatchObject({ name: "Renamed Person", passwordHash: before!.passwordHash });
    const [audit] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, user.id), eq(auditEvents.action, "user.update")));
    expect(JSON.stringify(audit!.data)).not.toContain("typed by someone else");
  });

  it("can be reset by a mailed link the administrator sends, like the one the person can ask for", async () => {
    const smtp = await startSmtpServer();
    try {
      const user = await buildUser(database.db, { email: "forgetful@example.org" });
      const res = await admin.submit(`/admin/users/${user.id}`, `/admin/users/${user.id}/reset-link`, {});
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/admin/users/${user.id}`);
      const [token] = await database.db.select().from(accountTokens).where(eq(accountTokens.userId, user.id));
      expect(token).toMatchObject({ purpose: "reset", usedAt: null, revokedAt: null });
      const [queued] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.userId, user.id));
      expect(queued).toMatchObject({ eventKey: `reset:${token!.id}`, template: "reset", accountTokenId: token!.id, recipient: "forgetful@example.org" });
      const [audit] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, user.id), eq(auditEvents.action, "user.reset.send")));
      expect(audit).toBeDefined();
      // Without a mail server the message waits in the outbox, and the page says so.
      expect((await admin.get(`/admin/users/${user.id}`)).body).toContain("is kept in the outbox");

      await deliverPendingMail(database.db, { ...mailSettings(app.config), smtpUrl: smtp.url });
      const mail = await smtp.waitFor((m) => m.to.includes("forgetful@example.org"));
      const link = new URL(mail.links.find((l) => new URL(l).pathname.startsWith("/password/reset/"))!);
      const reset = await new Browser(app).get(link.pathname);
      expect(reset.statusCode).toBe(200);
    } finally {
      await smtp.close();
    }
  });

  it("offers no reset link to a person still invited, and refuses one", async () => {
    const invited = await admin.submit("/admin/users/new", "/admin/users", { name: "Not Yet", email: "not.yet@example.org", organizationId: "", role: "contributor", language: "en" });
    const id = (invited.headers.location as string).split("/").at(-1)!;
    expect((await admin.get(`/admin/users/${id}`)).body).not.toContain("Send a password reset link");
    const refused = await admin.submit(`/admin/users/${id}`, `/admin/users/${id}/reset-link`, {});
    expect(refused.statusCode).toBe(409);
    expect(await database.db.select().from(accountTokens).where(and(eq(accountTokens.userId, id), eq(accountTokens.purpose, "reset")))).toEqual([]);
  });
});
