import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { Db } from "#src/db/client.ts";
import { can, isSecretariat } from "#src/access/index.ts";
import { isPublic } from "#src/domain/editions.ts";
import { readingLanguage, type Language } from "#src/domain/languages.ts";
import * as present from "#src/features/api/presenters.ts";
import type { PublicEdition, PublishedCaseStudy } from "#src/features/api/presenters.ts";
import type { PublicationCache } from "#src/features/api/publications.ts";
import * as api from "#src/features/api/schemas.ts";
import { PAGE_SIZE, searchLibrary } from "#src/features/case-studies/library.ts";
import * as caseStudies from "#src/features/case-studies/repository.ts";
import { LibraryQuery } from "#src/features/case-studies/schemas.ts";
import { getReportBySlug, listReports } from "#src/features/catalog/repository.ts";
import { getEditionByLabel, listEditions, type EditionRow } from "#src/features/editions/repository.ts";
import * as events from "#src/features/events/repository.ts";
import { addComment } from "#src/features/reviews/service.ts";
import { search } from "#src/features/search/search.ts";
import { appError } from "#src/lib/errors.ts";
import { loadPublication } from "#src/publishing/publication.ts";
import { callerOf } from "#src/web/context.ts";
import type { ZodReply, ZodRequest } from "#src/web/zod-provider.ts";

// The API's operations: each with its schemas (for validation and for openapi.json) and a handler
// that fetches what it answers and hands it to a presenter. Readers' operations show what the
// public site shows, nothing more.

type Part = z.ZodObject | undefined;
type Parsed<P extends Part, Q extends Part, B extends Part> = ZodRequest<{ params: P; querystring: Q; body: B }>;

/** What a handler is given: the request's parts as its endpoint's schemas parse them, and the app's database and cache. */
export type HandlerInput<P extends Part, Q extends Part, B extends Part> = {
  db: Db;
  params: Parsed<P, Q, B>["params"];
  query: Parsed<P, Q, B>["query"];
  body: Parsed<P, Q, B>["body"];
  request: FastifyRequest;
  publications: PublicationCache;
};

export type Endpoint<P extends Part = Part, Q extends Part = Part, B extends Part = Part, R extends z.ZodType = z.ZodType> = {
  id: string;
  method: "get" | "post";
  path: string;
  summary: string;
  tag: "Reports" | "Case studies" | "Events" | "Search" | "Account" | "Reviews";
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  status?: 200 | 201;
  /** Needs a personal token (Authorization: Bearer …). */
  auth?: boolean;
  // A method, so that an endpoint with narrower inputs still counts as an Endpoint in the list.
  handler(input: HandlerInput<P, Q, B>): Promise<ZodReply<R>>;
};

/** Declares an endpoint, its handler's inputs and answer typed by its schemas. */
const endpoint = <P extends Part = undefined, Q extends Part = undefined, B extends Part = undefined, R extends z.ZodType = z.ZodType>(e: Endpoint<P, Q, B, R>) => e;

const PAGE = 20;
const pageOf = <T>(items: T[], page: number, total: number, pageSize = PAGE) => present.pageOf(items, page, total, pageSize);

async function publicReport(db: Db, slug: string) {
  const report = await getReportBySlug(db, slug);
  if (!report) throw appError("NOT_FOUND");
  return report;
}

const isPublicEdition = (e: EditionRow | undefined): e is PublicEdition => e !== undefined && isPublic(e.status);

/** A report's published and withdrawn editions: what readers see of it. */
const publicEditions = async (db: Db, reportId: string) => (await listEditions(db, reportId)).filter(isPublicEdition);

/** A published (or withdrawn) edition in one language, as the site shows it. */
async function publicEdition(db: Db, publications: PublicationCache, params: { report: string; edition: string }, lang: Language) {
  const report = await publicReport(db, params.report);
  const edition = await getEditionByLabel(db, report.id, params.edition);
  if (!isPublicEdition(edition)) throw appError("NOT_FOUND");
  const shown = readingLanguage(report, lang);
  // A published edition never changes (its content hash and status say so): read it once per language.
  const key = `${report.slug}/${edition.label}/${shown}/${edition.status}/${edition.contentHash}`;
  let publication = publications.get(key);
  if (!publication) {
    publication = await loadPublication(db, report.slug, edition.label, shown);
    publications.set(key, publication);
  }
  return { report, edition, lang: shown, publication };
}

/** A case study readers may see: published (or retired since), with a current version. */
const isPublishedCaseStudy = (cs: caseStudies.CaseStudyRow | undefined): cs is PublishedCaseStudy & { currentVersionId: number } =>
  Boolean(cs && can(null, "read", { kind: "case-study", caseStudy: cs }) && cs.currentVersionId);

export const ENDPOINTS: Endpoint[] = [
  endpoint({
    id: "listReports",
    method: "get",
    path: "/api/v1/reports",
    summary: "Reports, with their published editions",
    tag: "Reports",
    query: api.LangQuery.extend(api.Paging.shape),
    response: api.page(api.ReportOut),
    handler: async ({ db, query }) => {
      const reports = await listReports(db);
      const items = await Promise.all(reports.map(async (r) => present.reportOut(r, await publicEditions(db, r.id), query.lang)));
      return pageOf(items.slice((query.page - 1) * PAGE, query.page * PAGE), query.page, items.length);
    },
  }),
  endpoint({
    id: "getReport",
    method: "get",
    path: "/api/v1/reports/{report}",
    summary: "One report and its published editions",
    tag: "Reports",
    params: api.ReportParams,
    query: api.LangQuery,
    response: api.ReportOut,
    handler: async ({ db, params, query }) => {
      const report = await publicReport(db, params.report);
      return present.reportOut(report, await publicEditions(db, report.id), query.lang);
    },
  }),
  endpoint({
    id: "getEdition",
    method: "get",
    path: "/api/v1/reports/{report}/editions/{edition}",
    summary: "A published edition: chapters and sections with their Markdown, in one language",
    tag: "Reports",
    params: api.EditionParams,
    query: api.LangQuery,
    response: api.EditionOut,
    handler: async ({ db, params, query, publications }) => {
      const { report, edition, lang, publication } = await publicEdition(db, publications, params, query.lang);
      return present.editionOut(report, edition, lang, publication);
    },
  }),
  endpoint({
    id: "getEditionFigure",
    method: "get",
    path: "/api/v1/reports/{report}/editions/{edition}/figures/{ref}",
    summary: "A figure as the edition froze it, with the rows it was drawn from",
    tag: "Reports",
    params: api.FigureParams,
    query: api.LangQuery,
    response: api.FigureOut,
    handler: async ({ db, params, query, publications }) => {
      const { report, edition, lang, publication } = await publicEdition(db, publications, params, query.lang);
      const figure = publication.figures[params.ref];
      if (!figure) throw appError("NOT_FOUND");
      return present.figureOut(report, edition, lang, params.ref, figure);
    },
  }),
  endpoint({
    id: "listEditionRecommendations",
    method: "get",
    path: "/api/v1/reports/{report}/editions/{edition}/recommendations",
    summary: "The recommendations an edition places, with the sections that place them",
    tag: "Reports",
    params: api.EditionParams,
    query: api.LangQuery,
    response: z.object({ items: z.array(api.RecommendationOut) }),
    handler: async ({ db, params, query, publications }) => {
      const { publication } = await publicEdition(db, publications, params, query.lang);
      return { items: present.recommendationsOut(publication) };
    },
  }),
  endpoint({
    id: "listEvents",
    method: "get",
    path: "/api/v1/reports/{report}/events",
    summary: "The meetings that fed a report, oldest first, with their outcomes",
    tag: "Events",
    params: api.ReportParams,
    query: api.LangQuery.extend(api.Paging.shape),
    response: api.page(api.EventOut),
    handler: async ({ db, params, query }) => {
      const report = await publicReport(db, params.report);
      const all = await events.listEvents(db, report.id);
      const shown = all.slice((query.page - 1) * PAGE, query.page * PAGE);
      const items = await Promise.all(
        shown.map(async (e) => {
          const [parts, documents, outcomes] = await Promise.all([events.listParts(db, e.id), events.listDocuments(db, e.id), events.listOutcomes(db, e.id)]);
          return present.eventOut(report, e, { parts, documents, outcomes }, query.lang);
        }),
      );
      return pageOf(items, query.page, all.length);
    },
  }),
  endpoint({
    id: "listCaseStudies",
    method: "get",
    path: "/api/v1/case-studies",
    summary: "Published case studies, searched and filtered as in the library",
    tag: "Case studies",
    query: api.CaseStudyQuery,
    response: api.page(api.CaseStudySummary),
    handler: async ({ db, query }) => {
      const filter = LibraryQuery.parse({ q: query.q, technology: query.technology, region: query.region, stage: query.stage, page: query.page });
      const result = await searchLibrary(db, filter);
      return pageOf(result.hits.map(present.caseStudySummaryOut), query.page, result.total, PAGE_SIZE);
    },
  }),
  endpoint({
    id: "getCaseStudy",
    method: "get",
    path: "/api/v1/case-studies/{slug}",
    summary: "One published case study",
    tag: "Case studies",
    params: api.SlugParams,
    response: api.CaseStudyOut,
    handler: async ({ db, params }) => {
      const cs = await caseStudies.getCaseStudyBySlug(db, params.slug);
      if (!isPublishedCaseStudy(cs)) throw appError("NOT_FOUND");
      const [version, org] = await Promise.all([caseStudies.getVersion(db, cs.currentVersionId), caseStudies.organizationOf(db, cs.organizationId)]);
      return present.caseStudyOut(cs, version!.fields, org?.org);
    },
  }),
  endpoint({
    id: "search",
    method: "get",
    path: "/api/v1/search",
    summary: "One search over published editions, case studies and events (and, for the secretariat, the draft and the register)",
    tag: "Search",
    query: api.SearchQueryIn,
    response: api.page(api.SearchHitOut),
    handler: async ({ db, query, request }) => {
      const secretariat = isSecretariat(request.user);
      const result = await search(db, { q: query.q, lang: query.lang, kinds: query.kind ? [query.kind] : [], technology: query.technology, region: query.region, edition: query.edition, secretariat, limit: PAGE, offset: (query.page - 1) * PAGE });
      return pageOf(result.hits.map(present.searchHitOut), query.page, result.total);
    },
  }),
  endpoint({
    id: "getMe",
    method: "get",
    path: "/api/v1/me",
    summary: "Who the token belongs to",
    tag: "Account",
    auth: true,
    response: api.MeOut,
    handler: async ({ request }) => present.meOut(request.user!),
  }),
  endpoint({
    id: "addReviewComment",
    method: "post",
    path: "/api/v1/reviews/{round}/comments",
    summary: "Comment on a section in a review round your organization is invited to (or reply to a comment)",
    tag: "Reviews",
    auth: true,
    params: api.RoundParams,
    body: api.CommentIn,
    response: api.CommentOut,
    status: 201,
    handler: async ({ db, params, body, request }) => present.commentOut(await addComment(db, callerOf(request), params.round, body)),
  }),
];
