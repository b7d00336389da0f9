import type { FastifyInstance, FastifyRequest } from "fastify";
import { roleAtLeast } from "#src/domain/members.ts";
import { appError } from "#src/lib/errors.ts";
import type { Policy } from "#src/web/context.ts";

export type RouteEntry = { method: string; url: string; policy: Policy };

declare module "fastify" {
  interface FastifyInstance {
    /** Every route with its declared policy, for the policy tests and the docs. */
    routeCatalog: RouteEntry[];
  }
}

/**
 * Makes every route declare who may use it: a route without `config.policy` stops the app from
 * building, and each request is checked against its route's policy before anything else runs.
 * This is the outer wall, a role per route; what one may do with a given resource (whose case
 * study, which round, which comment) is decided inside, by src/access.
 */
export function registerPolicies(app: FastifyInstance) {
  app.decorate("routeCatalog", []);
  app.addHook("onRoute", (route) => {
    const policy = route.config?.policy;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!policy) throw new Error(`Route ${methods.join(",")} ${route.url} declares no policy (config.policy).`);
    for (const method of methods) app.routeCatalog.push({ method, url: route.url, policy });
  });
  app.addHook("onRequest", (request, _reply, done) => {
    try {
      enforce(request);
      done();
    } catch (e) {
      done(e as Error);
    }
  });
}

function enforce(request: FastifyRequest) {
  const policy = request.routeOptions.config.policy;
  // Unmatched requests reach the 404 handler, which has no policy and serves nothing.
  if (!policy || policy === "public") return;
  if (!request.user) throw appError("UNAUTHENTICATED");
  if (policy === "token") {
    if (!request.viaToken) throw appError("UNAUTHENTICATED");
    return;
  }
  if (!roleAtLeast(request.user.role, policy)) throw appError("FORBIDDEN");
}
