import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import type { Language } from "#src/domain/languages.ts";
import * as invitations from "#src/features/members/invitations.ts";
import * as reset from "#src/features/members/password-reset.ts";
import { resetLimiter } from "#src/features/members/reset-limits.ts";
import { ForgotPasswordInput, LinkPasswordInput } from "#src/features/members/schemas.ts";
import { ForgotPasswordPage, ForgotPasswordSentPage, InvitationPage, LinkInvalidPage, ResetPasswordPage } from "#src/features/members/views/account-links.tsx";
import { translator } from "#src/i18n/i18n.ts";
import { isAppError } from "#src/lib/errors.ts";
import { idFrom, parseInput } from "#src/lib/validation.ts";
import { actorOf, callerOf, setFlash, setLanguageCookie, setSessionCookie } from "#src/web/context.ts";
import { formBody, submitForm } from "#src/web/forms.ts";
import { pageContext, sendPage } from "#src/web/render.ts";

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

/** Invitations (accepting, resending, revoking) and password reset by mail. */
export async function accountRoutes(app: FastifyInstance) {
  const { db } = app.database;

  // Accepting an invitation: the page and the form speak the invited person's language.

  app.get("/invitation/:token", pub, async (request, reply) => {
    const token = tokenOf(request);
    const person = token && (await invitations.findInvitation(db, token));
    if (!person) return linkInvalid(request, reply);
    speak(request, reply, person.language);
    return sendPage(privatePage(reply), h(InvitationPage, { ctx: pageContext(request, reply), person, action: request.url }));
  });

  app.post("/invitation/:token", pub, async (request, reply) => {
    const token = tokenOf(request);
    const person = token && (await invitations.findInvitation(db, token));
    if (!token || !person) return linkInvalid(request, reply);
    speak(request, reply, person.language);
    const body = formBody(request.body);
    return submitForm(
      privatePage(reply),
      async () => {
        const { password } = parseInput(LinkPasswordInput, body);
        const accepted = await invitations.acceptInvitation(db, actorOf(request), token, { password, userAgent: request.headers["user-agent"] ?? null });
        if (!accepted) return linkInvalid(request, reply);
        setSessionCookie(reply, accepted.token);
        setLanguageCookie(reply, accepted.user.language);
        setFlash(reply, "invitation.accepted", { name: accepted.user.name });
        return reply.redirect("/member", 303);
      },
      (error) => h(InvitationPage, { ctx: pageContext(request, reply), person, action: request.url, error }),
    );
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
      if (limits.addressAllowed(email)) await reset.requestPasswordReset(db, actorOf(request), email);
      return sendPage(reply.header("cache-control", "no-store"), h(ForgotPasswordSentPage, { ctx: pageContext(request, reply), email }));
    } catch (e) {
      if (isAppError(e) && e.status === 400) return sendPage(reply, h(ForgotPasswordPage, { ctx: pageContext(request, reply), values: body, error: e }), 400);
      throw e;
    }
  });

  app.get("/password/reset/:token", pub, async (request, reply) => {
    const token = tokenOf(request);
    const person = token && (await reset.findReset(db, token));
    if (!person) return linkInvalid(request, reply);
    speak(request, reply, person.language);
    return sendPage(privatePage(reply), h(ResetPasswordPage, { ctx: pageContext(request, reply), person, action: request.url }));
  });

  app.post("/password/reset/:token", pub, async (request, reply) => {
    const token = tokenOf(request);
    const person = token && (await reset.findReset(db, token));
    if (!token || !person) return linkInvalid(request, reply);
    speak(request, reply, person.language);
    const body = formBody(request.body);
    return submitForm(
      privatePage(reply),
      async () => {
        const { password } = parseInput(LinkPasswordInput, body);
        const done = await reset.resetPassword(db, actorOf(request), token, { password, userAgent: request.headers["user-agent"] ?? null });
        if (!done) return linkInvalid(request, reply);
        setSessionCookie(reply, done.token);
        setLanguageCookie(reply, done.user.language);
        setFlash(reply, "passwordReset.done");
        return reply.redirect("/member", 303);
      },
      (error) => h(ResetPasswordPage, { ctx: pageContext(request, reply), person, action: request.url, error }),
    );
  });
}
