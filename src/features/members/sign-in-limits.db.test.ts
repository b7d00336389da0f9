import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "#src/app.ts";
import { loadConfig } from "#src/config.ts";
import type { Database } from "#src/db/client.ts";
import { passwordSlots } from "#src/features/members/passwords.ts";
import { SIGN_IN_LIMITS } from "#src/features/members/sign-in-limits.ts";
import { openTestDatabase } from "#test/helpers/db.ts";
import { buildUser, TEST_PASSWORD } from "#test/helpers/factories.ts";

// The limits are counted per client address, so every test speaks from addresses of its own
// (documentation ranges, RFC 5737) and none depends on what another test left in the counters.

let database: Database;
const apps: FastifyInstance[] = [];

async function appWith(env: Record<string, string> = {}) {
  const config = loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), "lr-limits-")), SESSION_SECRET: "test-secret-that-is-long-enough-for-hmac-0123456789", DEMO: "false", ...env });
  const app = await buildApp({ config, database });
  apps.push(app);
  return app;
}

beforeAll(async () => {
  database = await openTestDatabase();
});

afterAll(async () => {
  for (const app of apps) await app.close();
  await database.close();
});

/** Posts the sign-in form like a browser at `ip` would (a proxy may add X-Forwarded-For). */
async function signInForm(app: FastifyInstance) {
  const page = await app.inject({ method: "GET", url: "/sign-in", headers: { accept: "text/html" } });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  if (!token) throw new Error("no CSRF token on the sign-in page");
  const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  return (email: string, password: string, ip: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: "POST",
      url: "/sign-in",
      remoteAddress: ip,
      headers: { accept: "text/html", cookie, "content-type": "application/x-www-form-urlencoded", ...headers },
      payload: new URLSearchParams({ _csrf: token, email, password }).toString(),
    });
}

const unknown = (i: number) => `nobody-${i}-${Math.random().toString(36).slice(2)}@example.org`;

describe("sign-in limits", () => {
  it("counts every spelling of one address together, from any client", async () => {
    const post = await signInForm(await appWith());
    const user = await buildUser(database.db);
    const [local, domain] = user.email.split("@") as [string, string];
    const spellings = [
      ` ${user.email}`,
      `${user.email} `,
      `\t${user.email}`,
      user.email.toUpperCase(),
      `\u00a0${user.email}\u2003`,
      `\ufeff${user.email}\n`,
      `${local}\uff20${domain}`, // full-width @
      `${local.toUpperCase()}@${domain}\r`,
      `\u3000${user.email}`,
      `  ${user.email.toUpperCase()}\t`,
    ];
    expect(spellings).toHaveLength(SIGN_IN_LIMITS.perAddress);
    for (const [i, spelling] of spellings.entries()) {
      const res = await post(spelling, "wrong password!", `192.0.2.${i + 1}`);
      expect(res.statusCode, JSON.stringify(spelling)).toBe(401);
    }
    // The right password, from yet another client: the address has had its tries.
    const refused = await post(user.email, TEST_PASSWORD, "192.0.2.99");
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(SIGN_IN_LIMITS.window / 1000);
    expect(refused.body).toContain("Too many attempts");
    expect(refused.cookies.find((c) => c.name === "lr_session")).toBeUndefined();
    const inFrench = await post(` ${user.email}`, TEST_PASSWORD, "192.0.2.98", { "accept-language": "fr" });
    expect(inFrench.statusCode).toBe(429);
    expect(inFrench.body).toContain("Trop de tentatives");
  });

  it("never refuses signing in rightly, and a sign-in clears the address's failed tries", async () => {
    const post = await signInForm(await appWith());
    const user = await buildUser(database.db);
    // More right sign-ins than the address limit, each from a client of its own.
    for (let i = 1; i <= SIGN_IN_LIMITS.perAddress + 2; i++) {
      const res = await post(user.email, TEST_PASSWORD, `203.0.113.${i}`);
      expect(res.statusCode, `sign-in ${i}`).toBe(303);
    }
    // Mistakes up to one short of the limit, a right sign-in, then the address has its tries again.
    for (let i = 1; i < SIGN_IN_LIMITS.perAddress; i++) expect((await post(user.email, "wrong password!", `203.0.113.${100 + i}`)).statusCode).toBe(401);
    expect((await post(user.email, TEST_PASSWORD, "203.0.113.120")).statusCode).toBe(303);
    for (let i = 1; i <= SIGN_IN_LIMITS.perAddress; i++) expect((await post(user.email, "wrong password!", `203.0.113.${130 + i}`)).statusCode).toBe(401);
    // The limit on failures holds: after its share of them, even the right password waits.
    const refused = await post(user.email, TEST_PASSWORD, "203.0.113.150");
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("stops one client trying many addresses", async () => {
    const post = await signInForm(await appWith());
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await post(unknown(i), "wrong password!", "198.51.100.7")).statusCode);
    expect(statuses.slice(0, SIGN_IN_LIMITS.perClient)).toEqual(Array(SIGN_IN_LIMITS.perClient).fill(401));
    expect(statuses.slice(SIGN_IN_LIMITS.perClient)).toEqual(Array(60 - SIGN_IN_LIMITS.perClient).fill(429));
    // Another client is not held back by it.
    const user = await buildUser(database.db);
    expect((await post(user.email, TEST_PASSWORD, "198.51.100.8")).statusCode).toBe(303);
  });

  it("ignores X-Forwarded-For unless told to trust a proxy", async () => {
    const post = await signInForm(await appWith());
    const statuses: number[] = [];
    for (let i = 0; i <= SIGN_IN_LIMITS.perClient; i++) {
      statuses.push((await post(unknown(i), "wrong password!", "198.51.100.20", { "x-forwarded-for": `203.0.113.${i + 1}` })).statusCode);
    }
    expect(statuses.at(-2)).toBe(401);
    expect(statuses.at(-1)).toBe(429);
  });

  it("behind one proxy hop, counts the address the proxy saw, not what the client wrote", async () => {
    const post = await signInForm(await appWith({ TRUST_PROXY: "1" }));
    const statuses: number[] = [];
    for (let i = 0; i <= SIGN_IN_LIMITS.perClient; i++) {
      // The client sends a forged header; the proxy at 10.0.0.1 appends the address it saw.
      statuses.push((await post(unknown(i), "wrong password!", "10.0.0.1", { "x-forwarded-for": `203.0.113.${i + 1}, 198.51.100.30` })).statusCode);
    }
    expect(statuses.at(-2)).toBe(401);
    expect(statuses.at(-1)).toBe(429);
    // A different client behind the same proxy still gets its tries.
    expect((await post(unknown(99), "wrong password!", "10.0.0.1", { "x-forwarded-for": "198.51.100.31" })).statusCode).toBe(401);
  });

  it("with a list of proxies, believes only what those proxies add", async () => {
    const post = await signInForm(await appWith({ TRUST_PROXY: "10.0.0.1,192.168.0.0/16" }));
    const statuses: number[] = [];
    for (let i = 0; i <= SIGN_IN_LIMITS.perClient; i++) {
      // Half the tries through a listed proxy, half straight from the client (its header is not believed).
      const [ip, forwarded] = i % 2 ? ["192.168.4.4", `203.0.113.${i}, 198.51.100.40`] : ["198.51.100.40", `203.0.113.${i}`];
      statuses.push((await post(unknown(i), "wrong password!", ip, { "x-forwarded-for": forwarded })).statusCode);
    }
    expect(statuses.at(-2)).toBe(401);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe("e-mail addresses", () => {
  it("are stored and found in one form, whatever the spelling", async () => {
    const post = await signInForm(await appWith());
    const name = `mixed-${Math.random().toString(36).slice(2)}`;
    const user = await buildUser(database.db, { email: `\u00a0\uff2d${name}@Example.ORG ` }); // full-width M
    expect(user.email).toBe(`m${name}@example.org`);
    expect((await post(`M${name.toUpperCase()}@EXAMPLE.org\t`, TEST_PASSWORD, "198.51.100.60")).statusCode).toBe(303);
  });
});

describe("password hashing under a burst of sign-ins", () => {
  it("runs at most two verifications at once", async () => {
    const post = await signInForm(await appWith());
    const user = await buildUser(database.db);
    passwordSlots.resetPeak();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post(i % 2 ? unknown(i) : user.email, i === 0 ? TEST_PASSWORD : "wrong password!", `198.51.100.${100 + i}`)),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([303, ...Array(19).fill(401)]);
    expect(passwordSlots.peak).toBe(2);
  });

  it("answers 503 with Retry-After when the queue is full, and recovers", async () => {
    const post = await signInForm(await appWith());
    const user = await buildUser(database.db);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const hogs: Promise<void>[] = [];
    for (let i = 0; i < 34; i++) hogs.push(passwordSlots.run(() => held));
    expect(passwordSlots.waiting).toBe(32);
    const busy = await post(user.email, TEST_PASSWORD, "198.51.100.200");
    expect(busy.statusCode).toBe(503);
    expect(Number(busy.headers["retry-after"])).toBeGreaterThan(0);
    expect(busy.body).toContain("temporarily unavailable");
    release();
    await Promise.all(hogs);
    expect((await post(user.email, TEST_PASSWORD, "198.51.100.201")).statusCode).toBe(303);
  });
});
