import type { FastifyInstance } from "fastify";
import { h } from "preact";
import { z } from "zod";
import { sql } from "drizzle-orm";
import { queryRows } from "#src/db/client.ts";
import { roleAtLeast } from "#src/domain/members.ts";
import { listRegions } from "#src/features/members/repository.ts";
import { listTechnologies } from "#src/features/catalog/repository.ts";
import { search, SEARCH_KINDS } from "#src/features/search/search.ts";
import { SearchPage } from "#src/features/search/views.tsx";
import { pageContext, sendPage } from "#src/web/render.ts";

const PAGE_SIZE = 20;
const text = (max: number) => z.preprocess((v) => (typeof v === "string" ? v.trim().slice(0, max) : ""), z.string());
const SearchParams = z.object({
  q: text(200),
  kind: z.enum(SEARCH_KINDS).or(z.literal("")).catch(""),
  technology: z.string().regex(/^[a-z0-9-]{1,60}$/).or(z.literal("")).catch(""),
  region: z.string().regex(/^[A-Z]{2,5}$/).or(z.literal("")).catch(""),
  edition: z.string().regex(/^(latest|all|draft|[a-z0-9][a-z0-9-]{0,39})$/).catch("latest"),
  page: z.coerce.number().int().min(1).max(500).catch(1),
});

/** The site's search page; bad parameters fall back to their defaults rather than failing. */
export async function searchRoutes(app: FastifyInstance) {
  const { db } = app.database;
  app.get("/search", { config: { policy: "public" } }, async (request, reply) => {
    const form = SearchParams.parse(request.query ?? {});
    const secretariat = Boolean(request.user && roleAtLeast(request.user.role, "editor"));
    const edition = form.edition === "draft" && !secretariat ? "latest" : form.edition;
    const result = form.q
      ? await search(db, { q: form.q, lang: request.lang, kinds: form.kind ? [form.kind] : [], technology: form.technology || undefined, region: form.region || undefined, edition, secretariat, limit: PAGE_SIZE, offset: (form.page - 1) * PAGE_SIZE })
      : undefined;
    const [technologies, regions, editions] = await Promise.all([
      listTechnologies(db),
      listRegions(db),
      queryRows<{ label: string }>(db, sql`select distinct label, max(edition_date) as d from editions where status = 'published' group by label order by d desc`),
    ]);
    return sendPage(reply, h(SearchPage, { ctx: pageContext(request, reply), form: { ...form, edition }, result, technologies, regions, editions: editions.map((e) => e.label), secretariat, pageSize: PAGE_SIZE }));
  });
}
