import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#src/db/client.ts";
import { roleAtLeast, ROLES, type Role } from "#src/domain/members.ts";
import type { Policy } from "#src/web/context.ts";
import { testApp, Browser } from "#test/helpers/app.ts";
import { openTestDatabase } from "#test/helpers/db.ts";
import { buildUser } from "#test/helpers/factories.ts";

// Walks the whole route table: every route declares a policy, and every role gets the answer
// that policy promises (refused roles: 401/403 or a redirect to sign-in; never a 5xx, never 2xx).

let database: Database;
let app: FastifyInstance;
const browsers = new Map<Role | "anonymous", Browser>();

beforeAll(async () => {
  database = await openTestDatabase();
  app = await testApp(database);
  await app.ready();
  browsers.set("anonymous", new Browser(app));
  for (const role of ROLES) {
    const user = await buildUser(database.db, { role });
    browsers.set(role, await new Browser(app).signInAs(database, user.email));
  }
  // A second admin, so that no request in the walk can hit the last-admin rule by accident.
  await buildUser(database.db, { role: "admin" });
});

afterAll(async () => {
  await app.close();
  await database.close();
});

// Browser sessions never satisfy "token" (API write endpoints); the API tests cover tokens.
const allowed = (policy: Policy, who: Role | "anonymous") => policy === "public" || (policy !== "token" && who !== "anonymous" && roleAtLeast(who, policy));
// Placeholder values for route parameters: syntactically plausible, pointing at nothing.
const fill = (url: string) =>
  url
    .replace(/:id/g, "00000000-0000-4000-8000-000000000000")
    .replace(/:lang/g, "fr")
    .replace(/:file/g, "app.css")
    .replace(/:report/g, "no-such-report")
    .replace(/:chapter/g, "no-such-chapter")
    .replace(/:edition/g, "no-such-edition")
    .replace(/:format/g, "pdf")
    .replace(/:slug/g, "no-such-case-study")
    .replace(/\*/g, "x");

describe("route policies", () => {
  it("every route declares a policy", () => {
    const routes = app.routeCatalog;
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) expect(["public", "token", ...ROLES]).toContain(route.policy);
  });

  it("a route without a policy stops the app from building", async () => {
    const { default: Fastify } = await import("fastify");
    const { registerPolicies } = await import("#src/web/policy.ts");
    const bare = Fastify();
    registerPolicies(bare);
    expect(() => bare.get("/oops", () => "x")).toThrow(/declares no policy/);
    await bare.close();
  });

  const cases = () =>
    app.routeCatalog
      .filter((r) => r.method !== "HEAD")
      // Signing out ends the session the other cases use, so it goes last.
      .sort((a, b) => Number(a.url === "/sign-out") - Number(b.url === "/sign-out"))
      .flatMap((route) => (["anonymous", ...ROLES] as const).map((who) => ({ ...route, who })));

  it("each role gets what each route's policy promises", async () => {
    const failures: string[] = [];
    for (const { method, url, policy, who } of cases()) {
      const browser = browsers.get(who)!;
      const target = fill(url);
      // Unsafe requests carry a valid token so that the policy, not CSRF, is what answers.
      const res = method === "GET" ? await browser.get(target) : await browser.submit("/sign-in", target, {}, method as "POST" | "PUT");
      const status = res.statusCode;
      const label = `${who} ${method} ${url} (${policy}) → ${status}`;
      if (status >= 500) failures.push(`${label}: server error`);
      else if (allowed(policy, who)) {
        if (status === 401 || status === 403) failures.push(`${label}: refused although allowed`);
      } else {
        const toSignIn = status === 303 && String(res.headers.location).startsWith("/sign-in");
        const refused = status === 401 || status === 403 || toSignIn;
        if (!refused) failures.push(`${label}: not refused`);
        if (who === "anonymous" && method === "GET" && !toSignIn && !url.startsWith("/api/")) failures.push(`${label}: pages send anonymous users to sign in`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("refused JSON clients get the error code, not a page", async () => {
    const res = await app.inject({ method: "GET", url: "/admin/users", headers: { accept: "application/json" } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    const contributor = await buildUser(database.db, { role: "contributor" });
    const browser = await new Browser(app).signInAs(database, contributor.email);
    const asContributor = await browser.get("/admin/users", { accept: "application/json" });
    expect(asContributor.statusCode).toBe(403);
    expect(asContributor.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
  });
});
