import type { FastifyInstance } from "fastify";
import { h } from "preact";
import { isSecretariat } from "#src/access/index.ts";
import { listRegions } from "#src/features/members/repository.ts";
import { listTechnologies } from "#src/features/catalog/repository.ts";
import { SearchParams } from "#src/features/search/schemas.ts";
import { publishedEditionLabels, search } from "#src/features/search/search.ts";
import { SearchPage } from "#src/features/search/views.tsx";
import { pageContext, sendPage } from "#src/web/render.ts";

const PAGE_SIZE = 20;

/** The site's search page; bad parameters fall back to their defaults rather than failing. */
export async function searchRoutes(app: FastifyInstance) {
  const { db } = app.database;
  app.get("/search", { config: { policy: "public" } }, async (request, reply) => {
    const form = SearchParams.parse(request.query ?? {});
    const secretariat = isSecretariat(request.user);
    const edition = form.edition === "draft" && !secretariat ? "latest" : form.edition;
    const result = form.q
      ? await search(db, { q: form.q, lang: request.lang, kinds: form.kind ? [form.kind] : [], technology: form.technology || undefined, region: form.region || undefined, edition, secretariat, limit: PAGE_SIZE, offset: (form.page - 1) * PAGE_SIZE }, app.topicCache)
      : undefined;
    // The filters' choices, kept until the catalog or the editions change (any instance's change: db/changes.ts).
    const [technologies, regions, editions] = await Promise.all([
      app.topicCache.get("listTechnologies", ["catalog"], async () => listTechnologies(db)),
      app.topicCache.get("listRegions", ["catalog"], async () => listRegions(db)),
      app.topicCache.get("publishedEditionLabels", ["editions"], () => publishedEditionLabels(db)),
    ]);
    return sendPage(reply, h(SearchPage, { ctx: pageContext(request, reply), form: { ...form, edition }, result, technologies, regions, editions, secretariat, pageSize: PAGE_SIZE }));
  });
}
