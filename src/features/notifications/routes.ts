import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import * as repo from "#src/features/notifications/repository.ts";
import * as service from "#src/features/notifications/service.ts";
import { NotificationCentrePage, NotificationPreferencesPage, UnsubscribePage } from "#src/features/notifications/views.tsx";
import { appError, isAppError } from "#src/lib/errors.ts";
import { actorOf, safeNext, setFlash } from "#src/web/context.ts";
import { formBody, submitForm } from "#src/web/forms.ts";
import { pageContext, sendPage } from "#src/web/render.ts";

const contributor = { config: { policy: "contributor" as const } };

/** A page number from the query: a positive integer, else the first page. */
const pageOf = (query: unknown) => {
  const raw = (query as { page?: unknown } | undefined)?.page;
  const n = typeof raw === "string" && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return Math.max(1, n);
};

/** The notification centre, its links, the choice of mail per kind, and unsubscribe links. */
export async function notificationRoutes(app: FastifyInstance) {
  const { db } = app.database;
  const secret = app.config.sessionSecret;

  app.get("/notifications", contributor, async (request, reply) => {
    const userId = request.user!.id;
    const { total, unread } = await repo.countNotifications(db, userId);
    const pages = Math.max(1, Math.ceil(total / service.PAGE_SIZE));
    const page = Math.min(pageOf(request.query), pages);
    const rows = await repo.listNotifications(db, userId, { limit: service.PAGE_SIZE, offset: (page - 1) * service.PAGE_SIZE });
    return sendPage(reply, h(NotificationCentrePage, { ctx: pageContext(request, reply), rows, unread, page, pages }));
  });

  app.post("/notifications/read", contributor, async (request, reply) => {
    await service.markAllRead(db, request.user!.id);
    const next = formBody(request.body).next;
    setFlash(reply, "notifications.allRead");
    return reply.redirect(next === undefined ? "/notifications" : safeNext(next), 303);
  });

  // Marks it read and follows it; another person's notification is not found.
  app.get("/notifications/:id", contributor, async (request, reply) => {
    const raw = (request.params as { id: string }).id;
    if (!/^\d{1,15}$/.test(raw)) throw appError("NOT_FOUND");
    const href = await service.openNotification(db, request.user!.id, Number(raw));
    return reply.redirect(safeNext(href), 303);
  });

  const preferencesPage = async (request: FastifyRequest, reply: FastifyReply, error?: Parameters<typeof NotificationPreferencesPage>[0]["error"]) =>
    h(NotificationPreferencesPage, { ctx: pageContext(request, reply), modes: await repo.preferencesOf(db, request.user!.id), error });

  app.get("/account/notifications", contributor, async (request, reply) => sendPage(reply, await preferencesPage(request, reply)));

  app.post("/account/notifications", contributor, (request, reply) =>
    submitForm(
      reply,
      async () => {
        const choices = service.parsePreferences(formBody(request.body));
        await service.savePreferences(db, actorOf(request), request.user!.id, choices);
        setFlash(reply, "notifications.preferences.saved");
        return reply.redirect("/account/notifications", 303);
      },
      (error) => preferencesPage(request, reply, error),
    ),
  );

  // Unsubscribe links: the token is signed, so they need no session. The page only shows what the
  // link ends; the POST ends it, and is also what mail programs send for a one-click unsubscribe
  // (RFC 8058: List-Unsubscribe-Post), without a session or a CSRF token.
  const unsubscribePage = async (request: FastifyRequest, reply: FastifyReply, act: boolean) => {
    const token = (request.params as { token: string }).token;
    reply.header("cache-control", "no-store").header("referrer-policy", "no-referrer");
    try {
      const target = act ? await service.unsubscribe(db, actorOf(request), secret, token) : await service.unsubscription(db, secret, token);
      return sendPage(reply, h(UnsubscribePage, { ctx: pageContext(request, reply), target, token, ended: act }));
    } catch (e) {
      if (isAppError(e) && e.code === "NOT_FOUND") return sendPage(reply, h(UnsubscribePage, { ctx: pageContext(request, reply), target: undefined, token }), 404);
      throw e;
    }
  };

  app.get("/unsubscribe/:token", { config: { policy: "public" } }, (request, reply) => unsubscribePage(request, reply, false));
  app.post("/unsubscribe/:token", { config: { policy: "public", csrf: false } }, (request, reply) => unsubscribePage(request, reply, true));
}
