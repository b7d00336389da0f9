import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Config } from "#src/config.ts";
import type { Database } from "#src/db/client.ts";
import type { Actor, Caller } from "#src/domain/actors.ts";
import { SESSION_TTL_MS, type Role, type TokenScope } from "#src/domain/members.ts";
import type { Language } from "#src/domain/languages.ts";
import { isLanguage, isMessageKey, negotiateLanguage, translator, type MessageKey, type ParamsArg, type Translate } from "#src/i18n/i18n.ts";
import type { Params } from "#src/i18n/message.ts";

/** Who may use a route. Roles are cumulative (see roleAtLeast). */
/** Who may use a route: anyone, a signed-in role or above, or a program holding a personal API token. */
export type Policy = "public" | Role | "token";

export type CurrentUser = { id: string; name: string; email: string; role: Role; organizationId: string | null; unread: number };

declare module "fastify" {
  interface FastifyContextConfig {
    policy?: Policy;
    /**
     * false for a public POST that a signed link authorizes by itself and that programs send
     * without a page before it (a mail program's one-click unsubscribe, RFC 8058).
     */
    csrf?: false;
  }
  interface FastifyRequest {
    user: CurrentUser | null;
    sessionId: string | null;
    /** Signed in by a personal API token (Authorization: Bearer), not a browser session. */
    viaToken: boolean;
    /** What the token may do (read, comment, edit, publish); undefined for a browser session or no one. */
    tokenScopes: readonly TokenScope[] | undefined;
    lang: Language;
    t: Translate;
  }
  interface FastifyInstance {
    config: Config;
    database: Database;
  }
}

export const SESSION_COOKIE = "lr_session";
export const LANG_COOKIE = "lr_lang";
const FLASH_COOKIE = "lr_flash";

type IdentityUser = Omit<CurrentUser, "unread">;

/** How a request is tied to a person: the members feature answers for sessions and tokens. */
export type Identity = {
  bySession(db: Database["db"], token: string): Promise<{ user: IdentityUser; session: { id: string }; unread: number } | undefined>;
  byToken(db: Database["db"], token: string): Promise<{ user: IdentityUser; scopes: readonly TokenScope[] } | undefined>;
};

/** Loads the session and chooses the language before any route runs. */
export function registerRequestContext(app: FastifyInstance, identity: Identity) {
  app.decorateRequest("user", null);
  app.decorateRequest("sessionId", null);
  app.decorateRequest("viaToken", false);
  app.decorateRequest("tokenScopes", undefined);
  app.decorateRequest("lang", "en");
  app.decorateRequest("t", translator("en"));

  // Callback style, and no database work without a session cookie: published pages are served
  // to anonymous readers at a high rate, and every promise in this hook shows up in that rate.
  app.addHook("onRequest", (request, _reply, done) => {
    const chosen = request.cookies[LANG_COOKIE];
    request.lang = isLanguage(chosen) ? chosen : (negotiateLanguage(request.headers["accept-language"]) ?? "en");
    request.t = translator(request.lang);
    // Programs present a personal token instead of a session cookie (and need no CSRF token).
    // Only the API takes tokens: the site's pages and forms stay behind a session (and CSRF).
    const bearer = request.url.startsWith("/api/") ? /^Bearer (\S+)$/.exec(request.headers.authorization ?? "")?.[1] : undefined;
    if (bearer) {
      identity.byToken(app.database.db, bearer).then((found) => {
        if (found) {
          const { user, scopes } = found;
          request.user = { id: user.id, name: user.name, email: user.email, role: user.role, organizationId: user.organizationId, unread: 0 };
          request.viaToken = true;
          request.tokenScopes = scopes;
        }
        done();
      }, done);
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token || token.length >= 100) return done();
    identity.bySession(app.database.db, token).then((found) => {
      if (found) {
        const { user, session, unread } = found;
        request.user = { id: user.id, name: user.name, email: user.email, role: user.role, organizationId: user.organizationId, unread };
        request.sessionId = session.id;
      }
      done();
    }, done);
  });
}

/** The acting user, address and request id, for commands and their audit events. */
export const actorOf = (request: FastifyRequest): Actor => ({ userId: request.user?.id ?? null, ip: request.ip, requestId: request.id });

/** The signed-in caller, for rules that depend on role and organization (routes behind a role policy). */
export const callerOf = (request: FastifyRequest): Caller => ({ ...actorOf(request), role: request.user!.role, organizationId: request.user!.organizationId });

const cookieBase = (reply: FastifyReply) => ({
  path: "/",
  httpOnly: true,
  sameSite: "lax" as const,
  secure: reply.server.config.secureCookies,
});

export function setSessionCookie(reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, { ...cookieBase(reply), maxAge: SESSION_TTL_MS / 1000 });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, cookieBase(reply));
}

export function setLanguageCookie(reply: FastifyReply, lang: Language) {
  reply.setCookie(LANG_COOKIE, lang, { ...cookieBase(reply), maxAge: 365 * 24 * 3600 });
}

export type Flash = { key: MessageKey; params?: Params };

/** Leaves a one-time message for the next page (after a redirect). */
export function setFlash<K extends MessageKey>(reply: FastifyReply, key: K, ...[params]: ParamsArg<K>) {
  reply.setCookie(FLASH_COOKIE, JSON.stringify({ key, params }), { ...cookieBase(reply), signed: true, maxAge: 60 });
}

/** Reads and clears the one-time message, if a valid one is there. */
export function takeFlash(request: FastifyRequest, reply: FastifyReply): Flash | undefined {
  const raw = request.cookies[FLASH_COOKIE];
  if (!raw) return undefined;
  reply.clearCookie(FLASH_COOKIE, cookieBase(reply));
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return undefined;
  try {
    const flash = JSON.parse(unsigned.value) as Flash;
    return isMessageKey(flash.key) ? flash : undefined;
  } catch {
    return undefined;
  }
}

/** A path on this site to return to after sign-in or a language change; anything else becomes "/". */
export function safeNext(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//") || /[\\\u0000-\u001f]/.test(next)) return "/";
  return next.slice(0, 2000);
}
