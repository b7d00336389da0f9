import { createToken, listTokens, revokeToken } from "#src/features/members/tokens.ts";
import type { FastifyInstance } from "fastify";
import { h } from "preact";
import * as auth from "#src/features/members/auth.ts";
import { landingAfterSignIn } from "#src/features/members/landing.ts";
import { getOrganization, getUser } from "#src/features/members/repository.ts";
import { LanguageInput, PasswordChangeInput, SetupInput, SignInInput, TokenInput } from "#src/features/members/schemas.ts";
import { setPreferredLanguage } from "#src/features/members/service.ts";
import { signInLimiter } from "#src/features/members/sign-in-limits.ts";
import { AccountPage, SetupPage, SignInPage } from "#src/features/members/views/auth.tsx";
import { appError, isAppError } from "#src/lib/errors.ts";
import { idFrom, parseInput } from "#src/lib/validation.ts";
import { actorOf, clearSessionCookie, safeNext, setFlash, setLanguageCookie, setSessionCookie } from "#src/web/context.ts";
import { formBody, submitForm } from "#src/web/forms.ts";
import { pageContext, sendPage } from "#src/web/render.ts";

/** Sign-in, sign-out, first-run setup and the user's own account page. */
export async function memberRoutes(app: FastifyInstance) {
  const { db } = app.database;

  app.get("/sign-in", { config: { policy: "public" } }, (request, reply) => {
    const next = safeNext((request.query as { next?: unknown }).next);
    return sendPage(reply, h(SignInPage, { ctx: pageContext(request, reply), next }));
  });

  const limits = signInLimiter(app);
  app.post(
    "/sign-in",
    { config: { policy: "public" }, preHandler: limits.check },
    (request, reply) => {
      const body = formBody(request.body);
      const next = safeNext(body.next);
      return submitForm(
        reply,
        async () => {
          const input = parseInput(SignInInput, body);
          const session = await auth.signIn(db, actorOf(request), { ...input, userAgent: request.headers["user-agent"] ?? null });
          await limits.signedIn(request);
          setSessionCookie(reply, session.token);
          // The person's own language, from now on (pages and mail).
          setLanguageCookie(reply, session.user.language);
          // Asked for nothing but the public home: their work.
          return reply.redirect(landingAfterSignIn(session.user, next), 303);
        },
        (error) => h(SignInPage, { ctx: pageContext(request, reply), values: body, error, next }),
      );
    },
  );

  app.post("/sign-out", { config: { policy: "contributor" } }, async (request, reply) => {
    if (request.sessionId) await auth.signOut(db, actorOf(request), request.sessionId);
    clearSessionCookie(reply);
    setFlash(reply, "signOut.done");
    return reply.redirect("/", 303);
  });

  // The setup page exists only until the first administrator does.
  app.get("/setup", { config: { policy: "public" } }, async (request, reply) => {
    if (!(await auth.setupOpen(db))) throw appError("NOT_FOUND");
    return sendPage(reply, h(SetupPage, { ctx: pageContext(request, reply) }));
  });

  app.post("/setup", { config: { policy: "public" } }, async (request, reply) => {
    if (!(await auth.setupOpen(db))) throw appError("NOT_FOUND");
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const input = parseInput(SetupInput, body);
        const session = await auth.setupFirstAdmin(db, actorOf(request), { ...input, userAgent: request.headers["user-agent"] ?? null });
        setSessionCookie(reply, session.token);
        return reply.redirect("/admin", 303);
      },
      (error) => h(SetupPage, { ctx: pageContext(request, reply), values: body, error }),
    );
  });

  const accountPage = async (request: Parameters<typeof pageContext>[0], reply: Parameters<typeof pageContext>[1]) => {
    const orgId = request.user?.organizationId;
    const organizationName = orgId ? ((await getOrganization(db, orgId))?.name ?? null) : null;
    const language = (await getUser(db, request.user!.id))?.language ?? request.lang;
    return { ctx: pageContext(request, reply), organizationName, language, tokens: await listTokens(db, request.user!.id) };
  };

  app.get("/account", { config: { policy: "contributor" } }, async (request, reply) =>
    sendPage(reply, h(AccountPage, await accountPage(request, reply))),
  );

  app.post("/account/password", { config: { policy: "contributor" } }, async (request, reply) => {
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const input = parseInput(PasswordChangeInput, body);
        await auth.changePassword(db, { ...actorOf(request), userId: request.user!.id }, { ...input, keepSessionId: request.sessionId! });
        setFlash(reply, "account.passwordChanged");
        return reply.redirect("/account", 303);
      },
      async (error) => h(AccountPage, { ...(await accountPage(request, reply)), error }),
    );
  });

  // The person's own language: saved for their next sign-ins and their mail, and set for this browser.
  app.post("/account/language", { config: { policy: "contributor" } }, async (request, reply) => {
    const { language } = parseInput(LanguageInput, formBody(request.body));
    await setPreferredLanguage(db, { ...actorOf(request), userId: request.user!.id }, language);
    setLanguageCookie(reply, language);
    setFlash(reply, "account.languageSaved");
    return reply.redirect("/account", 303);
  });

  app.post("/account/tokens", { config: { policy: "contributor" } }, async (request, reply) => {
    const body = formBody(request.body);
    try {
      const { tokenName, scopes } = parseInput(TokenInput, body);
      const { token } = await createToken(db, { ...actorOf(request), userId: request.user!.id }, tokenName, scopes);
      // Shown once, on this page only: the server keeps just its hash.
      reply.header("cache-control", "no-store");
      return sendPage(reply, h(AccountPage, { ...(await accountPage(request, reply)), newToken: token }));
    } catch (e) {
      if (isAppError(e) && e.status === 400) return sendPage(reply, h(AccountPage, { ...(await accountPage(request, reply)), tokenError: e, tokenValues: body }), 400);
      throw e;
    }
  });

  app.post("/account/tokens/:id/revoke", { config: { policy: "contributor" } }, async (request, reply) => {
    await revokeToken(db, { ...actorOf(request), userId: request.user!.id }, idFrom(request.params));
    setFlash(reply, "token.revokedFlash");
    return reply.redirect("/account#tokens-h", 303);
  });
}
