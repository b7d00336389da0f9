import type { FastifyInstance } from "fastify";
import { h } from "preact";
import { SECRETARIAT_WORK } from "#src/domain/members.ts";
import { memberHomePage } from "#src/features/home/member.ts";
import { secretariatWork } from "#src/features/home/work.ts";
import { WorkPage } from "#src/features/home/work-views.tsx";
import { pageContext, sendPage } from "#src/web/render.ts";

const contributor = { config: { policy: "contributor" as const } };
const editor = { config: { policy: "editor" as const } };

/** "My work": a member's (their work across case studies, surveys and reviews), and the secretariat's. */
export async function memberHomeRoutes(app: FastifyInstance) {
  app.get("/member", contributor, async (request, reply) => sendPage(reply, await memberHomePage(request, reply)));
  app.get(SECRETARIAT_WORK, editor, async (request, reply) => sendPage(reply, h(WorkPage, { ctx: pageContext(request, reply), work: await secretariatWork(app.database.db, request.user!) })));
}
