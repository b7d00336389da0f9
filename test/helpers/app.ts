import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll } from "vitest";
import { buildApp, type AppOptions } from "#src/app.ts";
import { loadConfig } from "#src/config.ts";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "#src/db/client.ts";
import { loadDemoIfEmpty } from "#src/demo/load.ts";
import { createToken } from "#src/features/members/tokens.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { TOKEN_SCOPES } from "#src/domain/members.ts";
import { signIn } from "#src/features/members/auth.ts";
import { openTestDatabase } from "#test/helpers/db.ts";
import { TEST_PASSWORD } from "#test/helpers/factories.ts";

/** The app on a test database, driven with inject(); the test closes the database unless the app owns it. */
export function testApp(database: Database, options: Pick<AppOptions, "ownsDatabase" | "background"> = {}): Promise<FastifyInstance> {
  const config = loadConfig({
    DATA_DIR: mkdtempSync(join(tmpdir(), "lr-app-")),
    SESSION_SECRET: "test-secret-that-is-long-enough-for-hmac-0123456789",
    DEMO: "false",
  });
  return buildApp({ config, database, ...options });
}

/** A cookie jar for inject(): keeps what the server sets, sends it back. */
export class Browser {
  private cookies = new Map<string, string>();
  constructor(private app: FastifyInstance) {}

  get cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(res: LightMyRequestResponse) {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now());
      if (expired || c.value === "") this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  async get(url: string, headers: Record<string, string> = {}) {
    return this.keep(await this.app.inject({ method: "GET", url, headers: { accept: "text/html", cookie: this.cookieHeader, ...headers } }));
  }

  /** Loads `formPage`, takes its CSRF token, and posts the form to `url` like a browser would (or sends it with another unsafe method). */
  async submit(formPage: string, url: string, fields: Record<string, string | string[]>, method: "POST" | "PUT" | "PATCH" | "DELETE" = "POST") {
    const page = await this.get(formPage);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!token) throw new Error(`No CSRF token on ${formPage} (status ${page.statusCode})`);
    return this.post(url, { _csrf: token, ...fields }, method);
  }

  /** Posts a form as-is (no token added); a list value sends the field once per item (checkboxes). */
  async post(url: string, fields: Record<string, string | string[]>, method: "POST" | "PUT" | "PATCH" | "DELETE" = "POST") {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
    return this.keep(
      await this.app.inject({
        method,
        url,
        headers: { accept: "text/html", cookie: this.cookieHeader, "content-type": "application/x-www-form-urlencoded" },
        payload: body.toString(),
      }),
    );
  }

  /** Sends a file through an upload form (multipart), with the form page's CSRF token. */
  async upload(formPage: string, url: string, field: string, file: { filename: string; data: Uint8Array; type?: string }, fields: Record<string, string> = {}) {
    const page = await this.get(formPage);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!token) throw new Error(`No CSRF token on ${formPage} (status ${page.statusCode})`);
    const form = new FormData();
    form.append("_csrf", token);
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append(field, new Blob([new Uint8Array(file.data)], { type: file.type ?? "application/octet-stream" }), file.filename);
    return this.keep(await this.app.inject({ method: "POST", url, headers: { accept: "text/html", cookie: this.cookieHeader }, payload: form }));
  }

  /** Signs in as the given user (through the real session service) and keeps the cookie. */
  async signInAs(database: Database, email: string) {
    const session = await signIn(database.db, SYSTEM_ACTOR, { email, password: TEST_PASSWORD, userAgent: null });
    this.cookies.set("lr_session", session.token);
    return this;
  }
}

/**
 * A fresh database and the app on it for the test file, opened before its tests and closed
 * after them. Read `env.app` and `env.database` inside tests.
 */
export function useTestApp() {
  const env = {} as { database: Database; app: FastifyInstance };
  beforeAll(async () => {
    env.database = await openTestDatabase();
    env.app = await testApp(env.database);
  });
  afterAll(async () => {
    await env.app.close();
    await env.database.close();
  });
  return env;
}

/**
 * Loads the demo and signs its administrator in as a browser would (session and CSRF cookies,
 * the form's token) and as an API client would (a personal token named `tokenName`, with every scope).
 */
export async function demoAdmin(app: FastifyInstance, database: Database, tokenName: string) {
  const accounts = await loadDemoIfEmpty(database.db, "http://localhost");
  const admin = accounts!.find((a) => a.role === "admin")!;
  const session = await signIn(database.db, SYSTEM_ACTOR, { email: admin.email, password: admin.password, userAgent: null });
  let cookie = `lr_session=${session.token}`;
  const page = await app.inject({ method: "GET", url: "/account", headers: { cookie, accept: "text/html" } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  for (const c of page.cookies as { name: string; value: string }[]) cookie += `; ${c.name}=${c.value}`;
  const [user] = await queryRows<{ id: string }>(database.db, sql`select id from users where email = ${admin.email}`);
  const bearer = (await createToken(database.db, { ...SYSTEM_ACTOR, userId: user!.id }, tokenName, TOKEN_SCOPES)).token;
  return { cookie, csrf, bearer };
}
