import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h, type VNode } from "preact";
import type { Language } from "#src/domain/languages.ts";
import { landingFor, type Role } from "#src/domain/members.ts";
import * as invitations from "#src/features/members/invitations.ts";
import * as reset from "#src/features/members/password-reset.ts";
import { resetLimiter } from "#src/features/members/reset-limits.ts";
import { ForgotPasswordInput, LinkPasswordInput } from "#src/features/members/schemas.ts";
import { ForgotPasswordPage, ForgotPasswordSentPage, InvitationPage, LinkInvalidPage, ResetPasswordPage, type Person } from "#src/features/members/views/account-links.tsx";
import { translator, type MessageKey } from "#src/i18n/i18n.ts";
import { isAppError, type AppError } from "#src/lib/errors.ts";
import { idFrom, parseInput } from "#src/lib/validation.ts";
import { actorOf, callerOf, setFlash, setLanguageCookie, setSessionCookie } from "#src/web/context.ts";
import { formBody, submitForm } from "#src/web/forms.ts";
import { pageContext, sendPage, type PageContext } from "#src/web/render.ts";

const pub = { config: { policy: "public" as const } };
const admin = { config: { policy: "admin" as const } };

/** What a one-time token looks like (32 random bytes, base64url); anything else is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{32,64}$/;

const tokenOf = (request: FastifyRequest) => {
  const { token } = request.params as { token?: unknown };
  return typeof token === "string" && TOKEN.test(token) ? token : undefined;
};

/** A page that carries a one-time link in its address: never cached, never sent on as a referrer. */
const privatePage = (reply: FastifyReply) => reply.header("cache-control", "no-store").header("referrer-policy", "no-referrer");

/** From here on the request speaks the person's language, and so will their next pages. */
function speak(request: FastifyRequest, reply: FastifyReply, lang: Language) {
  request.lang = lang;
  request.t = translator(lang);
  setLanguageCookie(reply, lang);
}

const linkInvalid = (request: FastifyRequest, reply: FastifyReply) => sendPage(privatePage(reply), h(LinkInvalidPage, { ctx: pageContext(request, reply) }), 410);

type LinkPerson = Person & { language: Language };
type LinkPageProps = { ctx: PageContext; person: Person; action: string; error?: AppError | undefined };

/**
 * A one-time link that sets a password (an invitation, a reset): the page in the person's language,
 * and the form that sets the password, signs them in and lands them on their work. A link that is
 * unknown, used, revoked or expired gets the same 410 page, before and after the form.
 */
function linkPasswordRoutes(
  app: FastifyInstance,
  path: string,
  link: {
    find: (token: string) => Promise<LinkPerson | undefined | null>;
    apply: (request: FastifyRequest, token: string, password: string) => Promise<{ token: string; user: { name: string; language: Language; role: Role } } | undefined | null>;
    page: (props: LinkPageProps) => VNode;
    flash: (user: { name: string }) => [MessageKey, Record<string, string>?];
  },
) {
  const personOf = async (request: FastifyRequest, reply: FastifyReply) => {
    const token = tokenOf(request);
    const person = token && (await link.find(token));
    if (!token || !person) return undefined;
    speak(request, reply, person.language);
    return { token, person };
  };

  app.get(path, pub, async (request, reply) => {
    const found = await personOf(request, reply);
    if (!found) return linkInvalid(request, reply);
    return sendPage(privatePage(reply), h(link.page, { ctx: pageContext(request, reply), person: found.person, action: request.url }));
  });

  app.post(path, pub, async (request, reply) => {
    const found = await personOf(request, reply);
    if (!found) return linkInvalid(request, reply);
    const body = formBody(request.body);
    return submitForm(
      privatePage(reply),
      async () => {
        const { password } = parseInput(LinkPasswordInput, body);
        const done = await link.apply(request, found.token, password);
        if (!done) return linkInvalid(request, reply);
        setSessionCookie(reply, done.token);
        setLanguageCookie(reply, done.user.language);
        const [key, params] = link.flash(done.user);
        setFlash(reply, key, params);
        return reply.redirect(landingFor(done.user), 303);
      },
      (error) => h(link.page, { ctx: pageContext(request, reply), person: found.person, action: request.url, error }),
    );
  });
}

/** Invitations (accepting, resending, revoking) and password reset by mail. */
export async function accountRoutes(app: FastifyInstance) {
  const { db } = app.database;

  // Accepting an invitation: the page and the form speak the invited person's language.
  linkPasswordRoutes(app, "/invitation/:token", {
    find: (token) => invitations.findInvitation(db, token),
    apply: (request, token, password) => invitations.acceptInvitation(db, actorOf(request), token, { password, userAgent: request.headers["user-agent"] ?? null }),
    page: InvitationPage,
    flash: (user) => ["invitation.accepted", { name: user.name }],
  });

  // Administrators: a new link (the earlier ones stop working), or none.

  app.post("/admin/users/:id/invitation/resend", admin, async (request, reply) => {
    const { user } = await invitations.resendInvitation(db, callerOf(request), idFrom(request.params));
    setFlash(reply, request.server.config.smtpUrl ? "invitation.resent" : "invitation.held", { email: user.email });
    return reply.redirect(`/admin/users/${user.id}`, 303);
  });

  app.post("/admin/users/:id/invitation/revoke", admin, async (request, reply) => {
    const user = await invitations.revokeInvitation(db, callerOf(request), idFrom(request.params));
    setFlash(reply, "invitation.revoked", { email: user.email });
    return reply.redirect(`/admin/users/${user.id}`, 303);
  });

  // An administrator mails a person a reset link (nobody types a password for someone else).
  app.post("/admin/users/:id/reset-link", admin, async (request, reply) => {
    const { user } = await reset.sendResetLink(db, callerOf(request), idFrom(request.params));
    setFlash(reply, request.server.config.smtpUrl ? "user.resetLink.sent" : "user.resetLink.held", { email: user.email });
    return reply.redirect(`/admin/users/${user.id}`, 303);
  });

  // Password reset: the same answer whether or not the address has an account.

  app.get("/password/forgot", pub, (request, reply) => sendPage(reply, h(ForgotPasswordPage, { ctx: pageContext(request, reply) })));

  const limits = resetLimiter(app);
  app.post("/password/forgot", { ...pub, preHandler: limits.check }, async (request, reply) => {
    const body = formBody(request.body);
    try {
      const { email } = parseInput(ForgotPasswordInput, body);
      // Past the address's share, nothing is mailed and the answer stays the same.
      if (await limits.addressAllowed(email)) await reset.requestPasswordReset(db, actorOf(request), email);
      return sendPage(reply.header("cache-control", "no-store"), h(ForgotPasswordSentPage, { ctx: pageContext(request, reply), email }));
    } catch (e) {
      if (isAppError(e) && e.status === 400) return sendPage(reply, h(ForgotPasswordPage, { ctx: pageContext(request, reply), values: body, error: e }), 400);
      throw e;
    }
  });

  linkPasswordRoutes(app, "/password/reset/:token", {
    find: (token) => reset.findReset(db, token),
    apply: (request, token, password) => reset.resetPassword(db, actorOf(request), token, { password, userAgent: request.headers["user-agent"] ?? null }),
    page: ResetPasswordPage,
    flash: () => ["passwordReset.done"],
  });
}
