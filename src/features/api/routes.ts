import { createHash } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { h } from "preact";
import { ENDPOINTS } from "#src/features/api/endpoints.ts";
import { buildOpenApi } from "#src/features/api/openapi.ts";
import { API_VERSION } from "#src/features/api/version.ts";
import { ApiDocsPage } from "#src/features/api/views.tsx";
import { appError } from "#src/lib/errors.ts";
import { parseInput } from "#src/lib/validation.ts";
import { pageContext, sendPage } from "#src/web/render.ts";

/** The API under /api/v1: each endpoint validated by its schemas, answered as JSON with an ETag. */
export async function apiRoutes(app: FastifyInstance) {
  const { db } = app.database;
  const document = buildOpenApi(API_VERSION);
  const publications = app.publicationCache;

  for (const e of ENDPOINTS) {
    const url = e.path.replace(/\{(\w+)\}/g, ":$1");
    app.route({
      method: e.method.toUpperCase(),
      url,
      // Write endpoints take a personal token, never a browser session.
      config: { policy: e.auth ? "token" : "public" },
      handler: async (request, reply) => {
        const params = e.params ? parseInput(e.params, request.params) : {};
        const query = e.query ? parseInput(e.query, request.query ?? {}) : {};
        if (e.body && !/^application\/json\b/i.test(request.headers["content-type"] ?? "")) throw appError("UNSUPPORTED_MEDIA_TYPE");
        const body = e.body ? parseInput(e.body, request.body ?? {}) : undefined;
        const data = await e.handler({ db, params, query, body, request, publications });
        const json = JSON.stringify(data);
        reply.type("application/json; charset=utf-8");
        if (e.method === "get") {
          const etag = `"${createHash("sha256").update(json).digest("base64url").slice(0, 27)}"`;
          reply.header("etag", etag).header("cache-control", e.auth || request.user ? "private, no-cache" : "public, max-age=60").header("vary", "authorization, accept-language");
          if (request.headers["if-none-match"] === etag) return reply.status(304).send();
        }
        return reply.status(e.status ?? 200).send(json);
      },
    });
  }

  app.get("/api/v1/openapi.json", { config: { policy: "public" } }, async (_request, reply) => reply.type("application/json; charset=utf-8").send(document));
  app.get("/api/docs", { config: { policy: "public" } }, async (request, reply) => sendPage(reply, h(ApiDocsPage, { ctx: pageContext(request, reply), document })));
}
