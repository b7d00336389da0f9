import type { FastifyReply, FastifyRequest } from "fastify";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import type { Language } from "#src/domain/languages.ts";
import { takeFlash, type CurrentUser, type Flash } from "#src/web/context.ts";
import type { Translate } from "#src/i18n/i18n.ts";
import type { NavReport } from "#src/web/navigation.ts";

/** A rendered page element, whatever its props. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Page = VNode<any>;

/** What every server-rendered page knows about its request. */
export type PageContext = {
  t: Translate;
  lang: Language;
  user: CurrentUser | null;
  /** The anti-forgery token every form on the page carries. */
  csrf: string;
  /** The path and query of this page, for the language switcher and sign-in returns. */
  path: string;
  flash: Flash | undefined;
  /** The reports the secretariat's menu lists (editors' pages only). */
  navReports?: NavReport[] | undefined;
};

/** Builds the page context: language, user, a CSRF token bound to the session, the pending flash. */
export function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  return {
    t: request.t,
    lang: request.lang,
    user: request.user,
    csrf: reply.generateCsrf({ userInfo: request.sessionId ?? "anonymous" }),
    path: request.url,
    flash: takeFlash(request, reply),
    navReports: request.navReports ?? undefined,
  };
}

/** Sends a page: HTML5 doctype, UTF-8, never cached by shared caches (it may show who is signed in). */
export function sendPage(reply: FastifyReply, page: Page, status = 200) {
  return reply
    .status(status)
    .type("text/html; charset=utf-8")
    .header("cache-control", reply.getHeader("cache-control") ?? "private, no-cache")
    .send(`<!doctype html>${renderToString(page)}`);
}
