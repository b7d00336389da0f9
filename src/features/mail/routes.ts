import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { z } from "zod";
import { MAIL_STATUSES } from "#src/domain/notifications.ts";
import { countOutbox, getOutboxMessage, listOutbox } from "#src/features/mail/repository.ts";
import { fillPlaceholders, mailSettings } from "#src/features/mail/sender.ts";
import { makeLink, sendAgain, sendAllHeld } from "#src/features/mail/service.ts";
import { OutboxMessagePage, OutboxPage } from "#src/features/mail/views.tsx";
import { appError, isAppError, type AppError } from "#src/lib/errors.ts";
import { idFrom } from "#src/lib/validation.ts";
import { actorOf, setFlash } from "#src/web/context.ts";
import { pageContext, sendPage } from "#src/web/render.ts";

const admin = { config: { policy: "admin" as const } };
const PAGE_SIZE = 50;

const OutboxQuery = z.object({
  status: z.enum(MAIL_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

/** The outbox, for administrators: what the site wrote, whether it went out, and what to do when it did not. */
export async function mailRoutes(app: FastifyInstance) {
  const { db } = app.database;
  const settings = mailSettings(app.config);

  app.get("/admin/outbox", admin, async (request, reply) => {
    const parsed = OutboxQuery.safeParse(request.query);
    const filter = parsed.success ? parsed.data : { status: undefined, page: 1 };
    const [rows, counts] = await Promise.all([
      listOutbox(db, { status: filter.status, limit: PAGE_SIZE + 1, offset: (filter.page - 1) * PAGE_SIZE }),
      countOutbox(db),
    ]);
    const page = h(OutboxPage, {
      ctx: pageContext(request, reply),
      rows: rows.slice(0, PAGE_SIZE),
      counts,
      filter,
      hasNext: rows.length > PAGE_SIZE,
      smtpUrl: settings.smtpUrl,
    });
    return sendPage(reply, page);
  });

  // Every message kept for lack of an SMTP server goes out, now that one is configured.
  app.post("/admin/outbox/send-held", admin, async (request, reply) => {
    const count = await sendAllHeld(db, actorOf(request), settings);
    setFlash(reply, "mail.sendHeld.done", { count });
    return reply.redirect("/admin/outbox", 303);
  });

  // The message as it would go out, except its one-time link: that is made only when it is sent or asked for.
  const messagePage = async (request: FastifyRequest, reply: FastifyReply, extra: { link?: string; error?: AppError } = {}) => {
    const row = await getOutboxMessage(db, idFrom(request.params));
    if (!row) throw appError("NOT_FOUND");
    const ctx = pageContext(request, reply);
    const message = fillPlaceholders(row, settings, null);
    return sendPage(
      reply,
      h(OutboxMessagePage, { ctx, row, message, smtpUrl: settings.smtpUrl, mailFrom: settings.mailFrom, ...extra }),
      extra.error?.status ?? 200,
    );
  };

  app.get("/admin/outbox/:id", admin, (request, reply) => messagePage(request, reply));

  app.post("/admin/outbox/:id/send", admin, async (request, reply) => {
    const id = idFrom(request.params);
    try {
      await sendAgain(db, actorOf(request), settings, id);
    } catch (error) {
      if (isAppError(error) && error.status === 409) return messagePage(request, reply, { error });
      throw error;
    }
    setFlash(reply, "mail.send.done");
    return reply.redirect(`/admin/outbox/${id}`, 303);
  });

  // The link is shown on the answer itself, once: it is never stored, so no later page can show it.
  app.post("/admin/outbox/:id/link", admin, async (request, reply) => {
    const id = idFrom(request.params);
    try {
      const link = await makeLink(db, actorOf(request), settings, id);
      reply.header("cache-control", "no-store");
      return messagePage(request, reply, { link });
    } catch (error) {
      if (isAppError(error) && error.status === 409) return messagePage(request, reply, { error });
      throw error;
    }
  });
}
