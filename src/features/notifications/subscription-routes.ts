import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import { z } from "zod";
import { localized, primaryOf } from "#src/domain/languages.ts";
import { getReportBySlug } from "#src/features/catalog/repository.ts";
import { subscribeLimiter } from "#src/features/notifications/subscription-limits.ts";
import { confirmationOf, confirmSubscription, requestSubscription, SubscribeInput } from "#src/features/notifications/subscriptions.ts";
import { ConfirmSubscriptionPage, ExpiredConfirmationPage, SubscribePage, SubscriptionRequestedPage } from "#src/features/notifications/subscription-views.tsx";
import { appError } from "#src/lib/errors.ts";
import { parseInput } from "#src/lib/validation.ts";
import { actorOf, setFlash } from "#src/web/context.ts";
import { formBody, submitForm } from "#src/web/forms.ts";
import { pageContext, sendPage } from "#src/web/render.ts";

const pub = { config: { policy: "public" as const } };

const ReportParams = z.object({ report: z.string().regex(/^[a-z0-9-]{1,60}$/) });
const TokenParams = z.object({ token: z.string().min(1).max(512) });

/** Readers' subscriptions to a report's new editions: asking (double opt-in) and confirming. */
export async function subscriptionRoutes(app: FastifyInstance) {
  const { db } = app.database;
  const secret = app.config.sessionSecret;

  const reportOf = async (request: FastifyRequest) => {
    const parsed = ReportParams.safeParse(request.params);
    const report = parsed.success ? await getReportBySlug(db, parsed.data.report) : undefined;
    if (!report) throw appError("NOT_FOUND");
    return report;
  };
  const tokenOf = (request: FastifyRequest) => {
    const parsed = TokenParams.safeParse(request.params);
    if (!parsed.success) throw appError("NOT_FOUND");
    return parsed.data.token;
  };

  // The form on a page of its own: where edition pages link (they are stored without a form), and
  // an address that a static copy of the site drops, since only the application answers it.
  app.get("/reports/:report/subscribe", pub, async (request, reply) => {
    const report = await reportOf(request);
    return sendPage(reply, h(SubscribePage, { ctx: pageContext(request, reply), report }));
  });

  // The same answer whether the address is new, waiting for its confirmation or subscribed already.
  app.post("/reports/:report/subscribe", { ...pub, preHandler: subscribeLimiter(app) }, async (request, reply) => {
    const report = await reportOf(request);
    const body = formBody(request.body);
    return submitForm(
      reply,
      async () => {
        const { email } = parseInput(SubscribeInput, body);
        await requestSubscription(db, actorOf(request), secret, { report, email, language: request.lang });
        return sendPage(reply, h(SubscriptionRequestedPage, { ctx: pageContext(request, reply), report, email }));
      },
      (error) => h(SubscribePage, { ctx: pageContext(request, reply), report, values: body, error }),
    );
  });

  // Opening the link only shows a button: mail scanners follow links, and must not subscribe anyone.
  app.get("/subscriptions/confirm/:token", pub, async (request, reply) => {
    const token = tokenOf(request);
    const pending = await confirmationOf(db, secret, token);
    if (!pending) throw appError("NOT_FOUND");
    reply.header("cache-control", "no-store").header("referrer-policy", "no-referrer");
    if (pending.expired) return sendPage(reply, h(ExpiredConfirmationPage, { ctx: pageContext(request, reply), report: pending.report, email: pending.email }), 410);
    const page = h(ConfirmSubscriptionPage, { ctx: pageContext(request, reply), report: pending.report, email: pending.email, action: `/subscriptions/confirm/${token}` });
    return sendPage(reply, page);
  });

  app.post("/subscriptions/confirm/:token", pub, async (request, reply) => {
    const { report, email, expired } = await confirmSubscription(db, actorOf(request), secret, tokenOf(request));
    if (expired) return sendPage(reply.header("cache-control", "no-store"), h(ExpiredConfirmationPage, { ctx: pageContext(request, reply), report, email }), 410);
    setFlash(reply, "subscription.confirmed", { report: localized(report.titles, request.lang, primaryOf(report)) });
    return reply.redirect(`/reports/${report.slug}/`, 303);
  });
}
