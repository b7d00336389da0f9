import type { FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { organizationOf } from "#src/features/case-studies/repository.ts";
import { listPendingImports } from "#src/features/case-studies/imports-repository.ts";
import { MemberHomePage } from "#src/features/home/member-views.tsx";
import { memberWork } from "#src/features/home/work.ts";
import type { AppError } from "#src/lib/errors.ts";
import { pageContext, type Page } from "#src/web/render.ts";

/**
 * "My work" (/member): what a member has to do, gathered from the features that give them some
 * (home/work.ts). The Word import form is on this page, so a refused import shows it again with the error.
 */
export async function memberHomePage(request: FastifyRequest, reply: FastifyReply, error?: AppError): Promise<Page> {
  const { db } = request.server.database;
  const user = request.user!;
  const orgId = user.organizationId;
  const [work, org] = await Promise.all([memberWork(db, user, request.lang), orgId ? organizationOf(db, orgId) : Promise.resolve(undefined)]);
  return h(MemberHomePage, {
    ctx: pageContext(request, reply),
    work,
    organization: org?.org.name ?? null,
    uploadLimitMb: request.server.config.uploadLimitMb,
    pendingImports: await listPendingImports(db, user.id),
    error,
  });
}
