import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { ChangeTopic } from "#src/db/changes.ts";
import type { Db } from "#src/db/client.ts";
import { can, isSecretariat } from "#src/access/index.ts";
import { isPublic } from "#src/domain/editions.ts";
import { readingLanguage, type Language } from "#src/domain/languages.ts";
import type { Role, TokenScope } from "#src/domain/members.ts";
import * as present from "#src/features/api/presenters.ts";
import type { PublicEdition, PublishedCaseStudy } from "#src/features/api/presenters.ts";
import type { PublicationCache } from "#src/features/api/publications.ts";
import * as api from "#src/features/api/schemas.ts";
import { PAGE_SIZE, searchLibrary } from "#src/features/case-studies/library.ts";
import * as caseStudies from "#src/features/case-studies/repository.ts";
import { LibraryQuery } from "#src/features/case-studies/schemas.ts";
import { getReportBySlug, listReports } from "#src/features/catalog/repository.ts";
import { checkEdition } from "#src/features/editions/findings.ts";
import { getEdition, getEditionByLabel, listEditions, type EditionRow } from "#src/features/editions/repository.ts";
import { FreezeInput } from "#src/features/editions/schemas.ts";
import { freezeEdition, refreshEdition } from "#src/features/editions/service.ts";
import * as events from "#src/features/events/repository.ts";
import { loadDraft, loadSectionText } from "#src/features/reports/draft.ts";
import { saveSection, StaleRevisionError } from "#src/features/reports/revisions.ts";
import { SectionSaveInput } from "#src/features/reports/schemas.ts";
import { addComment } from "#src/features/reviews/service.ts";
import { search } from "#src/features/search/search.ts";
import { appError } from "#src/lib/errors.ts";
import { parseInput } from "#src/lib/validation.ts";
import { getJob } from "#src/publishing/jobs.ts";
import { loadPublication } from "#src/publishing/publication.ts";
import { startPublish, startWithdraw } from "#src/publishing/service.ts";
import { actorOf, callerOf } from "#src/web/context.ts";
import { findingMessage } from "#src/web/findings.tsx";
import type { ZodReply, ZodRequest } from "#src/web/zod-provider.ts";

// The API's operations: each with its schemas (for validation and for openapi.json) and a handler
// that fetches what it answers and hands it to a presenter. Readers' operations show what the
// public site shows, nothing more.

type Part = z.ZodObject | undefined;
type Parsed<P extends Part, Q extends Part, B extends Part> = ZodRequest<{ params: P; querystring: Q; body: B }>;

/** A success status an endpoint may answer with. */
export type SuccessStatus = 200 | 201 | 202;
/** The error statuses the OpenAPI document describes. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 415 | 422 | 428;

/** What a handler is given: the request's parts as its endpoint's schemas parse them, and the app's database and cache. */
export type HandlerInput<P extends Part, Q extends Part, B extends Part> = {
  db: Db;
  params: Parsed<P, Q, B>["params"];
  query: Parsed<P, Q, B>["query"];
  body: Parsed<P, Q, B>["body"];
  request: FastifyRequest;
  publications: PublicationCache;
  /** The site's public address, for pages rendered by a publish. */
  publicUrl: string;
  /** How the answer goes out, when the handler decides: another success status, response headers (ETag, Location). */
  answer: { status?: SuccessStatus; headers: Record<string, string> };
};

export type Endpoint<P extends Part = Part, Q extends Part = Part, B extends Part = Part, R extends z.ZodType = z.ZodType> = {
  id: string;
  method: "get" | "post" | "put";
  path: string;
  summary: string;
  /** More than the summary says: preconditions, what the errors carry. */
  description?: string;
  tag: "Reports" | "Case studies" | "Events" | "Search" | "Account" | "Reviews" | "Living draft" | "Editions" | "Jobs";
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  status?: SuccessStatus;
  /** Other success answers, with the same body (a save that changed nothing answers 200, not 201). */
  alsoAnswers?: { status: SuccessStatus; description: string }[];
  /** Request headers the operation reads, for the documentation. */
  headers?: { name: string; description: string }[];
  /** Response headers of the success answer, for the documentation. */
  responseHeaders?: Record<string, string>;
  /** Needs a personal token (Authorization: Bearer …). */
  auth?: boolean;
  /**
   * The token scope the operation needs; "read" when unset (edit and publish include it, see
   * SCOPE_INCLUDES). Public reads ask for it only when a token is sent. The owner's role must
   * hold the scope too (`role`, else the scope's SCOPE_ROLE), so a token kept after its owner
   * lost a role does no more than the owner now may.
   */
  scope?: TokenScope;
  /** The least role of the token's owner, when more than the scope's own. */
  role?: Role;
  /** Refusals worth naming, by status: what they mean here (the usual ones are documented anyway). */
  errors?: Partial<Record<ErrorStatus, string>>;
  /**
   * A public read whose answer is the same for every caller and depends only on what these topics
   * cover: the answer is kept (JSON and ETag) until one of them changes.
   */
  keptUntil?: readonly ChangeTopic[];
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

/** An edition of a report in any status, for the secretariat's operations. */
async function managedEdition(db: Db, params: { report: string; edition: string }) {
  const report = await publicReport(db, params.report);
  const edition = await getEditionByLabel(db, report.id, params.edition);
  if (!edition) throw appError("NOT_FOUND");
  return { report, edition };
}

/**
 * The revision a save is based on: If-Match names it as an ETag ("123", W/"123") or bare (123);
 * If-None-Match: * says the language has no text yet. Neither is 428: a save never overwrites blind.
 */
function baseRevisionOf(request: FastifyRequest): number | null {
  const ifMatch = request.headers["if-match"];
  if (ifMatch === undefined) {
    if (request.headers["if-none-match"]?.trim() === "*") return null;
    throw appError("PRECONDITION_REQUIRED");
  }
  const match = /^\s*(?:W\/)?("?)([1-9]\d{0,14})\1\s*$/.exec(ifMatch);
  if (!match) throw appError("VALIDATION_FAILED", { "If-Match": "field.invalid" });
  return Number(match[2]);
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
    // The whole edition as JSON, its digest for the ETag: kept, as every reader of the API asks for it.
    keptUntil: ["editions", "catalog"],
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
    scope: "comment",
    handler: async ({ db, params, body, request }) => present.commentOut(await addComment(db, callerOf(request), params.round, body)),
  }),
  endpoint({
    id: "getDraft",
    method: "get",
    path: "/api/v1/reports/{report}/draft",
    summary: "The living draft: chapters and sections with their ids, and each language's current revision",
    description: "Send a section's revisionId in If-Match to saveSection. Translations say whether they follow the primary text.",
    tag: "Living draft",
    auth: true,
    scope: "edit",
    params: api.ReportParams,
    response: api.DraftOut,
    handler: async ({ db, params }) => present.draftOut(await loadDraft(db, params.report)),
  }),
  endpoint({
    id: "getSection",
    method: "get",
    path: "/api/v1/reports/{report}/sections/{section}/{lang}",
    summary: "A section's current text in one language, to edit and save back",
    description: 'The ETag ("123") is the revision: send it in If-Match to saveSection. 404 when the language has no text yet (save its first text with If-None-Match: *).',
    tag: "Living draft",
    auth: true,
    scope: "edit",
    params: api.SectionTextParams,
    response: api.SectionTextOut,
    responseHeaders: { ETag: "The current revision, for saveSection's If-Match" },
    errors: { 404: "NOT_FOUND: no such live section in the report, or no text in this language yet" },
    handler: async ({ db, params, answer }) => {
      const { revision, state } = await loadSectionText(db, params.report, params.section, params.lang);
      answer.headers.etag = `"${revision.id}"`;
      return present.sectionTextOut(revision, state);
    },
  }),
  endpoint({
    id: "saveSection",
    method: "put",
    path: "/api/v1/reports/{report}/sections/{section}/{lang}",
    summary: "Save a section's text in one language as a new revision, based on the revision named in If-Match",
    description:
      'If-Match names the revision the text was based on ("123", as getDraft or the last save gave it); If-None-Match: * saves a language\'s first text. When someone saved meanwhile, 409 STALE_REVISION carries their text in error.details.current: merge and save again with its revisionId.',
    tag: "Living draft",
    auth: true,
    scope: "edit",
    params: api.SectionTextParams,
    body: api.SectionIn,
    headers: [
      { name: "If-Match", description: 'The base revision, e.g. "123" (required unless If-None-Match: *)' },
      { name: "If-None-Match", description: "* for a language's first text (no revision yet)" },
    ],
    response: api.SectionSavedOut,
    status: 201,
    alsoAnswers: [{ status: 200, description: "The text was the current one already: no new revision" }],
    responseHeaders: { ETag: "The current revision, for the next If-Match" },
    errors: { 409: "STALE_REVISION: someone saved since the base revision; error.details.current holds their text", 428: "PRECONDITION_REQUIRED: neither If-Match nor If-None-Match: *" },
    handler: async ({ db, params, body, request, answer }) => {
      const base = baseRevisionOf(request);
      // The same rules as the section editor's form (line endings, Markdown limits, control characters).
      const input = parseInput(SectionSaveInput, { heading: body.heading, body: body.body, summary: body.summary ?? "", baseRevisionId: base ?? "" });
      try {
        // The service finds the section (live, in a language of its report) and refuses one of another report.
        const saved = await saveSection(db, actorOf(request), { sectionId: params.section, reportSlug: params.report, language: params.lang, heading: input.heading, body: input.body, baseRevisionId: input.baseRevisionId, summary: input.summary });
        answer.status = saved.created ? 201 : 200;
        answer.headers.etag = `"${saved.revision.id}"`;
        return present.sectionSavedOut(saved.revision, saved.created);
      } catch (e) {
        if (e instanceof StaleRevisionError) throw appError("STALE_REVISION", {}, present.staleSectionOut(e.current));
        throw e;
      }
    },
  }),
  endpoint({
    id: "freezeEdition",
    method: "post",
    path: "/api/v1/reports/{report}/editions",
    summary: "Freeze the living draft into a new edition (status draft)",
    tag: "Editions",
    auth: true,
    scope: "edit",
    params: api.ReportParams,
    body: api.FreezeIn,
    response: api.ManagedEditionOut,
    status: 201,
    errors: { 409: "EDITION_LABEL_TAKEN" },
    handler: async ({ db, params, body, request }) => {
      const report = await publicReport(db, params.report);
      const edition = await freezeEdition(db, actorOf(request), report.id, parseInput(FreezeInput, body));
      return present.managedEditionOut(report, edition);
    },
  }),
  endpoint({
    id: "refreshEdition",
    method: "post",
    path: "/api/v1/reports/{report}/editions/{edition}/refresh",
    summary: "Re-pin an unpublished edition to the living draft as it is now",
    tag: "Editions",
    auth: true,
    scope: "edit",
    params: api.ManagedEditionParams,
    response: api.ManagedEditionOut,
    errors: { 409: "EDITION_IMMUTABLE: the edition is published or withdrawn" },
    handler: async ({ db, params, request }) => {
      const { report, edition } = await managedEdition(db, params);
      await refreshEdition(db, actorOf(request), edition.id);
      return present.managedEditionOut(report, (await getEdition(db, edition.id))!);
    },
  }),
  endpoint({
    id: "checkEdition",
    method: "get",
    path: "/api/v1/reports/{report}/editions/{edition}/findings",
    summary: "The checks before publishing: errors (which block it) and warnings (which need acknowledge.note)",
    description: "Messages are in the language of Accept-Language (en, fr, es; English by default). Refresh the edition after fixing the draft.",
    tag: "Editions",
    auth: true,
    scope: "read",
    role: "editor",
    params: api.ManagedEditionParams,
    response: api.FindingsOut,
    handler: async ({ db, params, request }) => {
      const { edition } = await managedEdition(db, params);
      return present.findingsOut(await checkEdition(db, edition.id), (f) => findingMessage(request.t, f));
    },
  }),
  endpoint({
    id: "publishEdition",
    method: "post",
    path: "/api/v1/reports/{report}/editions/{edition}/publish",
    summary: "Publish an edition: its pages are rendered by a job; poll the job until it is done",
    description: "Refused while the edition has errors. With warnings, acknowledge them with a note; the note is kept on the edition and in the audit log.",
    tag: "Editions",
    auth: true,
    scope: "publish",
    params: api.ManagedEditionParams,
    body: api.PublishIn,
    response: api.JobAcceptedOut,
    status: 202,
    responseHeaders: { Location: "getJob's URL for the job" },
    errors: { 409: "PUBLISH_BLOCKED (errors remain) or WARNINGS_NOT_ACKNOWLEDGED (no acknowledge.note); error.details holds the findings. EDITION_STATUS: it cannot be published from its status" },
    handler: async ({ db, params, body, request, publicUrl, answer }) => {
      const { edition } = await managedEdition(db, params);
      const job = await startPublish(db, callerOf(request), edition.id, { acknowledgement: body.acknowledge ?? null }, publicUrl);
      answer.headers.location = `/api/v1/jobs/${job.id}`;
      return present.jobAcceptedOut(job);
    },
  }),
  endpoint({
    id: "withdrawEdition",
    method: "post",
    path: "/api/v1/reports/{report}/editions/{edition}/withdraw",
    summary: "Withdraw a published edition, with the reason readers will see; its pages are rendered again by a job",
    tag: "Editions",
    auth: true,
    scope: "publish",
    params: api.ManagedEditionParams,
    body: api.WithdrawIn,
    response: api.JobAcceptedOut,
    status: 202,
    responseHeaders: { Location: "getJob's URL for the job" },
    errors: { 409: "EDITION_STATUS: only a published edition can be withdrawn" },
    handler: async ({ db, params, body, request, publicUrl, answer }) => {
      const { edition } = await managedEdition(db, params);
      const job = await startWithdraw(db, callerOf(request), edition.id, { reason: body.reason }, publicUrl);
      answer.headers.location = `/api/v1/jobs/${job.id}`;
      return present.jobAcceptedOut(job);
    },
  }),
  endpoint({
    id: "getJob",
    method: "get",
    path: "/api/v1/jobs/{id}",
    summary: "A background job (a publish, an export): its status and progress, to poll until done or failed",
    tag: "Jobs",
    auth: true,
    params: api.JobParams,
    response: api.JobOut,
    handler: async ({ db, params, request }) => {
      const job = await getJob(db, params.id);
      // One's own jobs; the secretariat sees every job. Others' jobs do not exist for the caller.
      if (!job || (job.createdBy !== request.user!.id && !isSecretariat(request.user))) throw appError("NOT_FOUND");
      return present.jobOut(job);
    },
  }),
];
