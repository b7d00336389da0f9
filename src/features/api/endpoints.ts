import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { extractReferences } from "#src/content/directives.ts";
import type { Db } from "#src/db/client.ts";
import * as api from "#src/features/api/schemas.ts";
import { MARK_END, MARK_START, PAGE_SIZE, searchLibrary } from "#src/features/case-studies/library.ts";
import * as caseStudies from "#src/features/case-studies/repository.ts";
import { LibraryQuery } from "#src/features/case-studies/schemas.ts";
import { getEditionByLabel, listEditions } from "#src/features/editions/repository.ts";
import { editionUrls } from "#src/features/editions/views/public.tsx";
import * as events from "#src/features/events/repository.ts";
import { roleAtLeast } from "#src/domain/members.ts";
import { type Language } from "#src/domain/languages.ts";
import { localized, primaryOf, readingLanguage } from "#src/domain/languages.ts";
import { getReportBySlug, listReports } from "#src/features/catalog/repository.ts";
import { addComment } from "#src/features/reviews/service.ts";
import { search } from "#src/features/search/search.ts";
import { appError } from "#src/lib/errors.ts";
import { byteCache, jsonBytes, type ByteCache } from "#src/lib/memory-cache.ts";
import { loadPublication, type Publication } from "#src/publishing/publication.ts";

// The API's operations: each with its schemas (for validation and for openapi.json) and a handler
// that answers plain data. Readers' operations show what the public site shows, nothing more.

export type Handler = (input: { db: Db; params: any; query: any; body: any; request: FastifyRequest; publications: PublicationCache }) => Promise<unknown>;
export type Endpoint = {
  id: string;
  method: "get" | "post";
  path: string;
  summary: string;
  tag: "Reports" | "Case studies" | "Events" | "Search" | "Account" | "Reviews";
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodObject;
  response: z.ZodType;
  status?: 200 | 201;
  /** Needs a personal token (Authorization: Bearer …). */
  auth?: boolean;
  handler: Handler;
};

const PAGE = 20;
const pageOf = <T>(items: T[], page: number, total: number, pageSize = PAGE) => ({ items, page, pageSize, total });
const marks = (s: string) => s.replaceAll(MARK_START, "«").replaceAll(MARK_END, "»");

async function publicReport(db: Db, slug: string) {
  const report = await getReportBySlug(db, slug);
  if (!report) throw appError("NOT_FOUND");
  return report;
}

/** Published editions read for the API, one per edition and language; each app has its own. */
export type PublicationCache = ByteCache<Publication>;
export const publicationCache = (): PublicationCache => byteCache<Publication>({ maxBytes: 32 * 2 ** 20, sizeOf: jsonBytes });

/** A published (or withdrawn) edition in one language, as the site shows it. */
async function publicEdition(db: Db, publications: PublicationCache, params: { report: string; edition: string }, lang: Language) {
  const report = await publicReport(db, params.report);
  const edition = await getEditionByLabel(db, report.id, params.edition);
  if (!edition || (edition.status !== "published" && edition.status !== "withdrawn")) throw appError("NOT_FOUND");
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

export const ENDPOINTS: Endpoint[] = [
  {
    id: "listReports",
    method: "get",
    path: "/api/v1/reports",
    summary: "Reports, with their published editions",
    tag: "Reports",
    query: api.LangQuery.extend(api.Paging.shape),
    response: api.page(api.ReportOut),
    handler: async ({ db, query }) => {
      const reports = await listReports(db);
      const items = await Promise.all(reports.map((r) => reportOut(db, r, query.lang)));
      return pageOf(items.slice((query.page - 1) * PAGE, query.page * PAGE), query.page, items.length);
    },
  },
  {
    id: "getReport",
    method: "get",
    path: "/api/v1/reports/{report}",
    summary: "One report and its published editions",
    tag: "Reports",
    params: api.ReportParams,
    query: api.LangQuery,
    response: api.ReportOut,
    handler: async ({ db, params, query }) => reportOut(db, await publicReport(db, params.report), query.lang),
  },
  {
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
      const urls = editionUrls(report, edition);
      return {
        report: report.slug,
        label: edition.label,
        title: publication.title,
        date: edition.editionDate,
        status: edition.status,
        language: lang,
        contentHash: edition.contentHash,
        chapters: publication.chapters.map((c, ci) => ({
          number: ci + 1,
          slug: c.slug,
          title: c.title,
          sections: c.sections.map((s, si) => ({ number: `${ci + 1}.${si + 1}`, slug: s.slug, heading: s.heading, language: s.lang, markdown: s.markdown, url: `${urls.chapter(lang, c.slug)}#${s.slug}` })),
        })),
      };
    },
  },
  {
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
      const f = publication.figures[params.ref];
      if (!f) throw appError("NOT_FOUND");
      return { ref: params.ref, title: f.title, caption: f.caption, alt: f.alt, source: f.source, n: f.n, svgUrl: `${editionUrls(report, edition).contents(lang)}figures/${params.ref}.svg`, data: { columns: f.data.columns, rows: f.data.rows } };
    },
  },
  {
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
      const items = Object.entries(publication.recommendations)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([ref, r]) => ({
          ref,
          text: r.text,
          retired: r.retired,
          sections: publication.chapters.flatMap((c, ci) => c.sections.flatMap((s, si) => (extractReferences(s.tree).some((x) => x.kind === "recommendation" && x.ref === ref) ? [`${ci + 1}.${si + 1}`] : []))),
        }));
      return { items };
    },
  },
  {
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
          return {
            slug: e.slug,
            kind: e.kind,
            title: e.title,
            startsOn: e.startsOn,
            endsOn: e.endsOn,
            place: e.place,
            online: e.online,
            region: e.regionCode,
            organizers: e.organizers,
            parts: parts.map((p) => ({ kind: p.kind, title: p.title })),
            documents: documents.map((d) => ({ code: d.code, title: d.title, url: d.fileName ? `/files/event-documents/${d.id}` : null })),
            outcomes: outcomes.map((o) => ({ kind: o.kind, part: parts.find((p) => p.id === o.partId)?.title ?? null, text: localized(o.texts, query.lang, primaryOf(report)), producedBy: o.producedBy, technologies: o.technologySlugs })),
            url: `/reports/${report.slug}/events/${e.slug}`,
          };
        }),
      );
      return pageOf(items, query.page, all.length);
    },
  },
  {
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
      return pageOf(
        result.hits.map((h) => ({ slug: h.slug, title: h.title, summary: h.summary, organization: h.organization, region: h.regionCode, stage: h.stage, year: h.year, language: h.language, url: `/case-studies/${h.slug}` })),
        query.page,
        result.total,
        PAGE_SIZE,
      );
    },
  },
  {
    id: "getCaseStudy",
    method: "get",
    path: "/api/v1/case-studies/{slug}",
    summary: "One published case study",
    tag: "Case studies",
    params: api.SlugParams,
    response: api.CaseStudyOut,
    handler: async ({ db, params }) => {
      const cs = await caseStudies.getCaseStudyBySlug(db, params.slug);
      if (!cs || !cs.publishedAt || (cs.state !== "published" && cs.state !== "retired") || !cs.currentVersionId) throw appError("NOT_FOUND");
      const [version, org] = await Promise.all([caseStudies.getVersion(db, cs.currentVersionId), caseStudies.organizationOf(db, cs.organizationId)]);
      const f = version!.fields;
      return {
        slug: cs.slug,
        title: f.title,
        summary: f.summary,
        organization: org?.org.name ?? "",
        region: org?.org.regionCode ?? null,
        stage: f.stage,
        year: cs.year,
        language: f.language,
        url: `/case-studies/${cs.slug}`,
        technologies: f.technologies,
        periodStart: f.periodStart,
        periodEnd: f.periodEnd,
        partners: f.partners,
        problem: f.problem,
        solution: f.solution,
        results: f.results,
        lessons: f.lessons,
        links: f.links,
        state: cs.state,
      };
    },
  },
  {
    id: "search",
    method: "get",
    path: "/api/v1/search",
    summary: "One search over published editions, case studies and events (and, for the secretariat, the draft and the register)",
    tag: "Search",
    query: api.SearchQueryIn,
    response: api.page(api.SearchHitOut),
    handler: async ({ db, query, request }) => {
      const secretariat = Boolean(request.user && roleAtLeast(request.user.role, "editor"));
      const result = await search(db, { q: query.q, lang: query.lang, kinds: query.kind ? [query.kind] : [], technology: query.technology, region: query.region, edition: query.edition, secretariat, limit: PAGE, offset: (query.page - 1) * PAGE });
      return pageOf(result.hits.map((h) => ({ kind: h.kind, title: h.title, snippet: marks(h.snippet), url: h.url, context: h.context })), query.page, result.total);
    },
  },
  {
    id: "getMe",
    method: "get",
    path: "/api/v1/me",
    summary: "Who the token belongs to",
    tag: "Account",
    auth: true,
    response: api.MeOut,
    handler: async ({ request }) => ({ name: request.user!.name, email: request.user!.email, role: request.user!.role, organizationId: request.user!.organizationId }),
  },
  {
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
    handler: async ({ db, params, body, request }) => {
      const user = request.user!;
      const comment = await addComment(db, { userId: user.id, ip: request.ip, requestId: request.id, role: user.role, organizationId: user.organizationId }, params.round, body);
      return { id: comment.id, roundId: comment.roundId, sectionId: comment.sectionId, parentId: comment.parentId, quote: comment.quote, body: comment.body, createdAt: comment.createdAt.toISOString() };
    },
  },
];

async function reportOut(db: Db, report: Awaited<ReturnType<typeof publicReport>>, lang: Language) {
  const editions = (await listEditions(db, report.id)).filter((e) => e.status === "published" || e.status === "withdrawn");
  return {
    slug: report.slug,
    title: localized(report.titles, lang, primaryOf(report)),
    languages: report.languages,
    editions: editions
      .sort((a, b) => b.editionDate.localeCompare(a.editionDate))
      .map((e) => ({ label: e.label, date: e.editionDate, status: e.status as "published" | "withdrawn", url: editionUrls(report, e).contents(readingLanguage(report, lang)) })),
  };
}
