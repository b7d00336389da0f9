import type { FastifyInstance } from "fastify";
import { memberHomePage } from "#src/features/home/member.ts";
import { sendPage } from "#src/web/render.ts";

const contributor = { config: { policy: "contributor" as const } };

/** A member's home page: their work across case studies, surveys and reviews. */
export async function memberHomeRoutes(app: FastifyInstance) {
  app.get("/member", contributor, async (request, reply) => sendPage(reply, await memberHomePage(request, reply)));
}
