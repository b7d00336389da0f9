import { createHash } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import { roleAtLeast, SCOPE_ROLE, scopesCovering } from "#src/domain/members.ts";
import { ENDPOINTS, type Endpoint, type HandlerInput } from "#src/features/api/endpoints.ts";
import { buildOpenApi } from "#src/features/api/openapi.ts";
import { API_VERSION } from "#src/features/api/version.ts";
import { ApiDocsPage } from "#src/features/api/views.tsx";
import { appError } from "#src/lib/errors.ts";
import { parseInput } from "#src/lib/validation.ts";
import { pageContext, sendPage } from "#src/web/render.ts";

/**
 * What a token may do here: the scope the operation needs, or one that includes it (edit and
 * publish include read; reads need "read" only when a token is sent), and for token operations an
 * owner whose role still holds it. The services' own rules (authorize) apply after this, as for anyone.
 */
function checkToken(e: Endpoint, request: FastifyRequest) {
  const scope = e.scope ?? "read";
  if (request.viaToken && !scopesCovering(scope).some((s) => request.tokenScopes?.includes(s))) throw appError("TOKEN_SCOPE", {}, { scope });
  if (e.auth && !roleAtLeast(request.user!.role, e.role ?? SCOPE_ROLE[scope])) throw appError("FORBIDDEN");
}

/** The API under /api/v1: each endpoint validated by its schemas, answered as JSON with an ETag. */
export async function apiRoutes(app: FastifyInstance) {
  const { db } = app.database;
  const document = buildOpenApi(API_VERSION);
  const publications = app.publicationCache;
  const publicUrl = app.config.publicUrl;

  for (const e of ENDPOINTS) {
    const url = e.path.replace(/\{(\w+)\}/g, ":$1");
    app.route({
      method: e.method.toUpperCase(),
      url,
      // Write endpoints take a personal token, never a browser session.
      config: { policy: e.auth ? "token" : "public" },
      handler: async (request, reply) => {
        checkToken(e, request);
        const params = e.params ? parseInput(e.params, request.params) : {};
        const query = e.query ? parseInput(e.query, request.query ?? {}) : {};
        // A body is JSON; an operation whose body fields are all optional may be called without one.
        if (e.body && request.body !== undefined && !/^application\/json\b/i.test(request.headers["content-type"] ?? "")) throw appError("UNSUPPORTED_MEDIA_TYPE");
        const body = e.body ? parseInput(e.body, request.body ?? {}) : undefined;
        const produce = async () => {
          const answer: HandlerInput<undefined, undefined, undefined>["answer"] = { headers: {} };
          const json = JSON.stringify(await e.handler({ db, params, query, body, request, publications, publicUrl, answer }));
          return { answer, json, digest: e.method === "get" ? `"${createHash("sha256").update(json).digest("base64url").slice(0, 27)}"` : "" };
        };
        // An answer the same for everyone is kept, with its digest, until what it shows changes.
        const { answer, json, digest } = e.keptUntil ? await app.topicCache.get(`api|${e.id}|${JSON.stringify(params)}|${JSON.stringify(query)}`, e.keptUntil, produce) : await produce();
        reply.type("application/json; charset=utf-8").headers(answer.headers);
        if (e.method === "get") {
          // An endpoint's own ETag names a revision (for If-Match on a save), not this very answer: no 304 on it.
          const own = answer.headers.etag;
          const etag = own ?? digest;
          reply.header("etag", etag).header("cache-control", e.auth || request.user ? "private, no-cache" : "public, max-age=60").header("vary", "authorization, accept-language");
          if (!own && request.headers["if-none-match"] === etag) return reply.status(304).send();
        } else {
          reply.header("cache-control", "no-store");
        }
        return reply.status(answer.status ?? e.status ?? 200).send(json);
      },
    });
  }

  app.get("/api/v1/openapi.json", { config: { policy: "public" } }, async (_request, reply) => reply.type("application/json; charset=utf-8").send(document));
  app.get("/api/docs", { config: { policy: "public" } }, async (request, reply) => sendPage(reply, h(ApiDocsPage, { ctx: pageContext(request, reply), document })));
}
