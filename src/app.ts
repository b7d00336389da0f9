import { randomUUID } from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import cookie from "@fastify/cookie";
import csrf from "@fastify/csrf-protection";
import type { Config } from "#src/config.ts";
import type { Database } from "#src/db/client.ts";
import { editionEditorRoutes } from "#src/features/editions/editor-routes.ts";
import { checkDraft, checkSection } from "#src/features/editions/findings.ts";
import { publicEditionRoutes } from "#src/features/editions/public-routes.ts";
import { homeRoutes } from "#src/features/home/routes.ts";
import { memberHomePage } from "#src/features/home/member.ts";
import { memberHomeRoutes } from "#src/features/home/member-routes.ts";
import { publishingRoutes } from "#src/publishing/routes.ts";
import { adminRoutes } from "#src/features/members/admin-routes.ts";
import { memberRoutes } from "#src/features/members/routes.ts";
import { accountRoutes } from "#src/features/members/account-routes.ts";
import { resolveSession } from "#src/features/members/auth.ts";
import { userOfToken } from "#src/features/members/tokens.ts";
import { draftRoutes } from "#src/features/reports/draft-routes.ts";
import { editorRoutes } from "#src/features/reports/editor-routes.ts";
import { sectionRoutes } from "#src/features/reports/section-routes.ts";
import { referenceRoutes } from "#src/features/reports/reference-routes.ts";
import { registerAssets } from "#src/web/assets.ts";
import { registerRequestContext } from "#src/web/context.ts";
import { maskedLogger, RequestLog, summarizeStoredPages } from "#src/web/request-log.ts";
import { registerSecurityHeaders } from "#src/web/security-headers.ts";
import { serverWithStoredPages, StoredPages } from "#src/web/stored-pages.ts";
import { registerTextInput } from "#src/web/text-input.ts";
import { multipartField, registerUploads } from "#src/web/uploads.ts";
import { caseStudyRoutes } from "#src/features/case-studies/routes.ts";
import { surveyRoutes } from "#src/features/surveys/routes.ts";
import { eventRoutes } from "#src/features/events/routes.ts";
import { reviewRoutes } from "#src/features/reviews/routes.ts";
import { reflectedIn, sectionProvenance } from "#src/features/provenance/provenance.ts";
import { provenanceRoutes } from "#src/features/provenance/routes.ts";
import { searchRoutes } from "#src/features/search/routes.ts";
import { mailRoutes } from "#src/features/mail/routes.ts";
import { subscriptionRoutes } from "#src/features/notifications/subscription-routes.ts";
import { notificationRoutes } from "#src/features/notifications/routes.ts";
import { apiRoutes } from "#src/features/api/routes.ts";
import { registerErrorHandlers, sendFrameworkError } from "#src/web/errors.tsx";
import { registerPolicies } from "#src/web/policy.ts";
import { registerNavigation } from "#src/web/navigation.ts";
import { listReports } from "#src/features/catalog/repository.ts";
import { backgroundPlugin, cachesPlugin, changesPlugin, databasePlugin, workerPoolPlugin } from "#src/plugins.ts";

export type AppOptions = {
  config: Config;
  database: Database;
  /** The app closes the database when it closes (the server); a test closes its own. */
  ownsDatabase?: boolean;
  /** Runs export jobs and purges expired sessions while the app is up (the server; tests run jobs themselves). */
  background?: boolean;
  /** A pino logger configuration, or false for none (tests). */
  logger?: boolean | object;
};

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

// Fastify refuses a bare hop count (it cannot tell the proxy from a client that reached the
// server directly), so the count becomes a function of the hop; addresses pass through as a list.
const trustProxy = (trust: Config["trustProxy"]) => (typeof trust === "number" ? (_address: string, hop: number) => hop < trust : trust && [...trust]);

/** Builds the application with its plugins in order; never listens. */
export async function buildApp({ config, database, ownsDatabase = false, background = false, logger = false }: AppOptions): Promise<FastifyInstance> {
  // Published pages and frozen figures, answered from memory in front of Fastify (the edition routes fill it).
  const storedPages = new StoredPages(32 * 2 ** 20);
  const app = Fastify({
    logger: maskedLogger(logger),
    logController: new RequestLog(),
    serverFactory: serverWithStoredPages(storedPages),
    genReqId: () => randomUUID(),
    trustProxy: trustProxy(config.trustProxy),
    bodyLimit: 1024 * 1024,
    // Signed links (unsubscribing, confirming a subscription) carry their payload and signature in one path segment.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 300 },
    frameworkErrors: sendFrameworkError,
  });
  app.decorate("config", config);
  app.decorate("storedPages", storedPages);
  const stopSummary = summarizeStoredPages(app.log, storedPages);
  app.addHook("onClose", async () => stopSummary());
  // Fastify answers 503 on keep-alive connections still open while it closes; the stored pages step aside for it.
  app.addHook("preClose", async () => storedPages.close());
  // Closed in the reverse order (see plugins.ts): background work, caches and threads, then the database.
  await app.register(databasePlugin, { database, owned: ownsDatabase });
  await app.register(changesPlugin);
  await app.register(workerPoolPlugin);
  await app.register(cachesPlugin);
  if (background) await app.register(backgroundPlugin);

  registerErrorHandlers(app);

  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "upgrade-insecure-requests": config.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: config.secureCookies,
  });
  await app.register(cookie, { secret: config.sessionSecret });
  await registerTextInput(app);
  await registerUploads(app, config.uploadLimitMb);
  await app.register(csrf, {
    cookieKey: "lr_csrf",
    cookieOpts: { path: "/", httpOnly: true, sameSite: "lax", secure: config.secureCookies, signed: true },
    getUserInfo: (request) => request.sessionId ?? "anonymous",
    csrfOpts: { hmacKey: config.sessionSecret },
    // Forms send the token as a field (also inside multipart uploads), scripts as a header.
    getToken: (request) => {
      const header = request.headers["x-csrf-token"] ?? request.headers["csrf-token"];
      return multipartField(request.body, "_csrf") ?? (typeof header === "string" ? header : undefined) ?? "";
    },
  });

  // Order matters: cookies are parsed, then the session is loaded, then the route's policy is checked.
  registerRequestContext(app, { bySession: resolveSession, byToken: userOfToken });
  registerPolicies(app);
  registerNavigation(app, listReports);
  // Every state-changing request carries the form's token (or an X-CSRF-Token header).
  app.addHook("preHandler", (request, reply, done) => {
    // A bearer token is not sent by browsers on their own, so it cannot be forged across sites.
    // A route may do without (config.csrf false) when a signed link in its address is its proof.
    if (UNSAFE.has(request.method) && !request.viaToken && request.routeOptions.config.csrf !== false) return app.csrfProtection(request, reply, done);
    done();
  });

  await registerAssets(app);
  await app.register(homeRoutes);
  await app.register(memberHomeRoutes);
  await app.register(memberRoutes);
  await app.register(adminRoutes);
  await app.register(mailRoutes);
  await app.register(accountRoutes);
  await app.register(editorRoutes);
  await app.register(sectionRoutes, { provenanceOf: sectionProvenance, findingsOf: checkSection });
  await app.register(referenceRoutes);
  await app.register(draftRoutes, { findingsOf: checkDraft });
  await app.register(publicEditionRoutes);
  await app.register(editionEditorRoutes);
  await app.register(publishingRoutes);
  await app.register(caseStudyRoutes, { memberHome: memberHomePage });
  await app.register(surveyRoutes);
  await app.register(eventRoutes, { reflectedIn });
  await app.register(reviewRoutes);
  await app.register(provenanceRoutes);
  await app.register(searchRoutes);
  await app.register(notificationRoutes);
  await app.register(subscriptionRoutes);
  await app.register(apiRoutes);
  return app;
}
