import { reportTitle } from "#src/domain/languages.ts";
import type { FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { listForOrganization, organizationOf } from "#src/features/case-studies/repository.ts";
import { listReports } from "#src/features/catalog/repository.ts";
import { MemberHomePage } from "#src/features/home/member-views.tsx";
import { listNotifications } from "#src/features/notifications/repository.ts";
import { openRoundsFor } from "#src/features/reviews/repository.ts";
import { surveysFor } from "#src/features/surveys/repository.ts";
import type { AppError } from "#src/lib/errors.ts";
import { pageContext, type Page } from "#src/web/render.ts";

/**
 * A member's work, gathered from the features that give them some: what the secretariat told them,
 * the surveys and review rounds their organization is invited to, and its case studies. The Word
 * import form is on this page, so a refused import shows it again with the error.
 */
export async function memberHomePage(request: FastifyRequest, reply: FastifyReply, error?: AppError): Promise<Page> {
  const { db } = request.server.database;
  const user = request.user!;
  const orgId = user.organizationId;
  const [surveys, rows, notifications, org, rounds, reports] = await Promise.all([
    orgId ? surveysFor(db, orgId) : Promise.resolve([]),
    orgId ? listForOrganization(db, orgId) : Promise.resolve([]),
    listNotifications(db, user.id),
    orgId ? organizationOf(db, orgId) : Promise.resolve(undefined),
    orgId ? openRoundsFor(db, orgId) : Promise.resolve([]),
    listReports(db),
  ]);
  return h(MemberHomePage, {
    ctx: pageContext(request, reply),
    surveys: surveys.map((s) => ({ id: s.survey.id, title: s.survey.titles[request.lang] || s.survey.titles.en, year: s.survey.year, status: s.status, open: s.survey.status === "open", closesOn: s.survey.closesOn })),
    rounds,
    reports: reports.map((r) => ({ slug: r.slug, title: reportTitle(r, request.lang) })),
    rows,
    notifications,
    organization: org?.org.name ?? null,
    uploadLimitMb: request.server.config.uploadLimitMb,
    error,
  });
}
