import type { FastifyInstance } from "fastify";
import { findReferences } from "#src/features/reports/references.ts";
import { ReferenceQuery } from "#src/features/reports/schemas.ts";
import { parseInput } from "#src/lib/validation.ts";
import { reportSlugOf } from "#src/web/params.ts";

const editor = { config: { policy: "editor" as const } };

/** What the section editor's pickers list: evidence and sections a writer may place in a report's texts (JSON). */
export async function referenceRoutes(app: FastifyInstance) {
  const { db } = app.database;

  app.get("/editor/reports/:report/references", editor, async (request, reply) => {
    const slug = reportSlugOf(request);
    const query = parseInput(ReferenceQuery, request.query);
    const items = await findReferences(db, slug, query, request.t);
    return reply.header("cache-control", "no-store").send({ items });
  });
}
