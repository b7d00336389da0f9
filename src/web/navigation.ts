import type { FastifyInstance } from "fastify";
import type { Db } from "#src/db/client.ts";
import type { LocalizedText } from "#src/domain/languages.ts";
import { roleAtLeast } from "#src/domain/members.ts";

// The secretariat's menu in the header lists each report's pages (outline, editions, events,
// reviews…). The web layer imports no feature, so app.ts hands down how to list the reports; the
// list is read for the secretariat's page requests only (a browser asking for HTML: a page, or a
// form post that may show its form again), never for readers, the API, JSON, images or scripts.

export type NavReport = { slug: string; titles: LocalizedText };

declare module "fastify" {
  interface FastifyRequest {
    /** The reports the header's menu lists (the secretariat's requests only; null otherwise). */
    navReports: NavReport[] | null;
  }
}

export function registerNavigation(app: FastifyInstance, listReports: (db: Db) => Promise<NavReport[]>) {
  app.decorateRequest("navReports", null);
  app.addHook("preHandler", async (request) => {
    if (!request.user || request.viaToken || !roleAtLeast(request.user.role, "editor") || request.url.startsWith("/assets/") || request.url.startsWith("/api/")) return;
    if ((request.method !== "GET" && request.method !== "POST") || !request.headers.accept?.includes("text/html")) return;
    request.navReports = (await listReports(app.database.db)).map((r) => ({ slug: r.slug, titles: r.titles }));
  });
}
