import { and, count, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#src/db/client.ts";
import { auditEvents } from "#src/db/schema/audit.ts";
import { users } from "#src/db/schema/members.ts";
import { sessions } from "#src/db/schema/sessions.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { changePassword, purgeExpiredSessions, resolveSession, setupFirstAdmin, signIn } from "#src/features/members/auth.ts";
import { setUserActive, updateUser } from "#src/features/members/service.ts";
import { Browser, testApp } from "#test/helpers/app.ts";
import { openTestDatabase } from "#test/helpers/db.ts";
import { buildUser, TEST_PASSWORD } from "#test/helpers/factories.ts";

let database: Database;
let app: FastifyInstance;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
});

afterAll(async () => {
  await app.close();
  await database.close();
});

const setupInput = (email: string) => ({ name: "First Admin", email, password: "first admin password", passwordConfirm: "first admin password", userAgent: null });

describe("first-run setup", () => {
  it("is open while no administrator exists, creates one, then closes", async () => {
    const browser = new Browser(app);
    expect((await browser.get("/setup")).statusCode).toBe(200);
    const res = await browser.submit("/setup", "/setup", { name: "Grace Secretariat", email: "grace@example.org", password: "a long admin password", passwordConfirm: "a long admin password" });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/admin");
    expect((await browser.get("/admin")).statusCode).toBe(200);
    expect((await browser.get("/setup")).statusCode).toBe(404);
    expect((await new Browser(app).get("/setup")).statusCode).toBe(404);
    const admins = await database.db.select({ n: count() }).from(users).where(eq(users.role, "admin"));
    expect(admins[0]!.n).toBe(1);
  });

  it("lets only one of two simultaneous setups through", async () => {
    const fresh = await openTestDatabase();
    try {
      const results = await Promise.allSettled([
        setupFirstAdmin(fresh.db, SYSTEM_ACTOR, setupInput("one@example.org")),
        setupFirstAdmin(fresh.db, SYSTEM_ACTOR, setupInput("two@example.org")),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(rejected.reason).toMatchObject({ code: "SETUP_ALREADY_DONE" });
      const admins = await fresh.db.select({ n: count() }).from(users);
      expect(admins[0]!.n).toBe(1);
    } finally {
      await fresh.close();
    }
  });
});

describe("sign-in", () => {
  it("signs in with the right password and records it", async () => {
    const user = await buildUser(database.db);
    const browser = new Browser(app);
    const res = await browser.submit("/sign-in", "/sign-in", { email: user.email.toUpperCase(), password: TEST_PASSWORD, next: "/account" });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/account");
    const cookie = res.cookies.find((c) => c.name === "lr_session")!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect((await browser.get("/account")).body).toContain(user.email);
    const events = await database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, user.id), eq(auditEvents.action, "session.create")));
    expect(events).toHaveLength(1);
  });

  it("refuses a wrong password, an unknown e-mail and a deactivated account alike", async () => {
    const user = await buildUser(database.db);
    const gone = await buildUser(database.db);
    await setUserActive(database.db, SYSTEM_ACTOR, gone.id, false);
    for (const [email, password] of [[user.email, "wrong password!"], ["nobody@example.org", TEST_PASSWORD], [gone.email, TEST_PASSWORD]] as const) {
      const res = await new Browser(app).submit("/sign-in", "/sign-in", { email, password });
      expect(res.statusCode).toBe(401);
      expect(res.body).toContain("The e-mail address or password is not correct");
      expect(res.cookies.find((c) => c.name === "lr_session")).toBeUndefined();
    }
  });

  it("never redirects off-site after sign-in", async () => {
    const user = await buildUser(database.db);
    for (const next of ["https://evil.example/", "//evil.example/", "/\\evil.example"]) {
      const res = await new Browser(app).submit("/sign-in", "/sign-in", { email: user.email, password: TEST_PASSWORD, next });
      // An unsafe page is no page asked for: the person's work.
      expect(res.headers.location).toBe("/member");
    }
  });

  it("limits repeated attempts for one address and e-mail", async () => {
    const user = await buildUser(database.db);
    const browser = new Browser(app);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await browser.submit("/sign-in", "/sign-in", { email: user.email, password: "wrong password!" })).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    // Another account from the same address is not locked out by it.
    const other = await buildUser(database.db);
    expect((await browser.submit("/sign-in", "/sign-in", { email: other.email, password: TEST_PASSWORD })).statusCode).toBe(303);
  });

  it("refuses an expired session and purges it", async () => {
    const user = await buildUser(database.db);
    const session = await signIn(database.db, SYSTEM_ACTOR, { email: user.email, password: TEST_PASSWORD, userAgent: null });
    expect(await resolveSession(database.db, session.token)).toBeDefined();
    await database.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.id, session.sessionId));
    expect(await resolveSession(database.db, session.token)).toBeUndefined();
    await purgeExpiredSessions(database.db);
    expect(await database.db.select().from(sessions).where(eq(sessions.id, session.sessionId))).toHaveLength(0);
  });

  it("signs out: the session is deleted and the cookie cleared", async () => {
    const user = await buildUser(database.db);
    const browser = await new Browser(app).signInAs(database, user.email);
    const res = await browser.submit("/account", "/sign-out", {});
    expect(res.statusCode).toBe(303);
    const left = await database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(left).toHaveLength(0);
    expect((await browser.get("/account")).statusCode).toBe(303);
  });
});

describe("administrators", () => {
  it("the last active administrator cannot be demoted or deactivated", async () => {
    const fresh = await openTestDatabase();
    try {
      const only = await buildUser(fresh.db, { role: "admin" });
      const demote = { name: only.name, email: only.email, organizationId: null, role: "editor" as const, language: "en" as const, password: undefined };
      await expect(updateUser(fresh.db, SYSTEM_ACTOR, only.id, demote)).rejects.toMatchObject({ code: "LAST_ADMIN" });
      await expect(setUserActive(fresh.db, SYSTEM_ACTOR, only.id, false)).rejects.toMatchObject({ code: "LAST_ADMIN" });
      // Two admins deactivating each other at once must leave one: the row locks serialise the
      // checks. Repeated, because an unlucky interleaving is what the lock is for.
      for (let round = 0; round < 10; round++) {
        const pair = [only.id, (await buildUser(fresh.db, { role: "admin" })).id];
        await setUserActive(fresh.db, SYSTEM_ACTOR, only.id, true);
        const results = await Promise.allSettled(pair.map((id) => setUserActive(fresh.db, SYSTEM_ACTOR, id, false)));
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
        const active = await fresh.db.select().from(users).where(eq(users.role, "admin"));
        expect(active.filter((u) => !u.deactivatedAt)).toHaveLength(1);
        // Leave no active admin but `only` for the next round.
        const survivor = active.find((u) => !u.deactivatedAt)!;
        if (survivor.id !== only.id) {
          await setUserActive(fresh.db, SYSTEM_ACTOR, only.id, true);
          await setUserActive(fresh.db, SYSTEM_ACTOR, survivor.id, false);
        }
      }
    } finally {
      await fresh.close();
    }
  });

  it("a session cookie is useless once the user's password is changed elsewhere", async () => {
    const user = await buildUser(database.db);
    const session = await signIn(database.db, SYSTEM_ACTOR, { email: user.email, password: TEST_PASSWORD, userAgent: null });
    const elsewhere = await signIn(database.db, SYSTEM_ACTOR, { email: user.email, password: TEST_PASSWORD, userAgent: null });
    await changePassword(database.db, { ...SYSTEM_ACTOR, userId: user.id }, { currentPassword: TEST_PASSWORD, password: "a brand new password", keepSessionId: elsewhere.sessionId });
    const left = await database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(left.map((s) => s.id)).not.toContain(session.sessionId);
    expect(left.map((s) => s.id)).toEqual([elsewhere.sessionId]);
  });

});
