import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { h } from "preact";
import { isPublic } from "#src/domain/editions.ts";
import { atomFeed } from "#src/features/editions/feed.ts";
import type { EditionCache } from "#src/features/editions/page-cache.ts";
import { loadEditionContent, renderEditionPage } from "#src/features/editions/render.ts";
import { compareVersions } from "#src/features/editions/read.ts";
import * as repo from "#src/features/editions/repository.ts";
import { CompareQuery, EditionParams } from "#src/features/editions/schemas.ts";
import { FigureFile } from "#src/domain/surveys.ts";
import { loadSnapshot } from "#src/features/editions/snapshot.ts";
import { comparisonHtml, ComparePage } from "#src/features/editions/views/compare.tsx";
import { EditionListPage, editionUrls } from "#src/features/editions/views/public.tsx";
import { authorize, can } from "#src/access/index.ts";
import type { Language } from "#src/domain/languages.ts";
import { readingLanguage } from "#src/domain/languages.ts";
import { getReportBySlug, listReports, type ReportRow } from "#src/features/catalog/repository.ts";
import { frozenSvg } from "#src/features/surveys/evidence.ts";
import { DraftReportsPage } from "#src/features/reports/views/draft.tsx";
import { appError } from "#src/lib/errors.ts";
import { translator } from "#src/i18n/i18n.ts";
import { datasetCsv } from "#src/lib/csv.ts";
import { contentDisposition } from "#src/lib/filenames.ts";
import { pageContext, sendPage } from "#src/web/render.ts";
import { preferredEncoding } from "#src/web/assets.ts";
import type { CachedBody } from "#src/features/editions/page-cache.ts";

declare module "fastify" {
  interface FastifyInstance {
    editionCache: EditionCache;
  }
}

const pub = { config: { policy: "public" as const } };

/**
 * The address a route answers as it spells it (`/reports/:report/...` with its parameters filled):
 * every spelling of it (percent-encoded, without the trailing slash) is one stored page, kept once.
 */
const routeAddress = (request: FastifyRequest) => {
  const params = request.params as Record<string, string>;
  return request.routeOptions.url!.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
};

/** The public site: a report's editions, their pages in every language, comparison, feed. */
export async function publicEditionRoutes(app: FastifyInstance) {
  const { db } = app.database;
  const { publicUrl } = app.config;
  const cache = app.editionCache;
  const stored = app.storedPages;

  // Whatever an edition or the catalog changes (here or on another instance), lookups and the
  // pages answered in front of Fastify are forgotten; the pages themselves are keyed by status.
  const forget = () => {
    cache.forgetLookups();
    stored.forget();
  };
  const unsubscribe = [app.changes.on("editions", forget), app.changes.on("catalog", forget)];
  app.addHook("onClose", async () => unsubscribe.forEach((stop) => stop()));

  /**
   * Sends a page or figure of a public edition from memory (its headers set), in the encoding the
   * client prefers, or 304 for its etag. What was sent is the same for every visitor of that
   * address (the query plays no part): the stored pages answer it from then on, unless something
   * changed since `generation` was read, before any lookup, or the reply sets a cookie.
   */
  const sendKept = (request: FastifyRequest, reply: FastifyReply, page: CachedBody, generation: number) => {
    reply.header("vary", "accept-encoding");
    const headers = reply.getHeaders() as Record<string, string>;
    stored.offer(reply, routeAddress(request), { headers, etag: page.etag, body: page.body, compressed: page.compressed }, generation);
    if (page.etag && request.headers["if-none-match"] === page.etag) return reply.removeHeader("content-type").status(304).send();
    const encoding = preferredEncoding(request.headers["accept-encoding"]);
    const compressed = encoding && page.compressed[encoding];
    return compressed ? reply.header("content-encoding", encoding).send(compressed) : reply.send(page.body);
  };

  const params = (request: FastifyRequest) => {
    const parsed = EditionParams.safeParse(request.params);
    if (!parsed.success) throw appError("NOT_FOUND");
    return parsed.data;
  };
  const reportOf = async (slug: string): Promise<ReportRow> => {
    const report = await cache.lookup(`report/${slug}`, () => getReportBySlug(db, slug));
    if (!report) throw appError("NOT_FOUND");
    return report;
  };
  const visibleEditions = (report: ReportRow) => repo.listPublicEditions(db, report.id);

  app.get("/reports", pub, async (request, reply) => {
    const reports = [];
    for (const report of await listReports(db)) if ((await visibleEditions(report)).length) reports.push(report);
    return sendPage(reply, h(DraftReportsPage, { ctx: pageContext(request, reply), reports, base: "/reports", title: request.t("nav.reports") }));
  });

  app.get("/reports/:report/", pub, async (request, reply) => {
    const report = await reportOf(params(request).report);
    return sendPage(reply, h(EditionListPage, { ctx: pageContext(request, reply), report, editions: await visibleEditions(report) }));
  });

  app.get("/reports/:report/feed.xml", pub, async (request, reply) => {
    const report = await reportOf(params(request).report);
    const editions = (await visibleEditions(report)).filter((e) => e.publishedAt);
    return reply.type("application/atom+xml; charset=utf-8").header("cache-control", "public, max-age=300").send(atomFeed(report, editions, publicUrl));
  });

  // Two versions compared in one of the report's languages (every edition is read in all of
  // them): the page is shown in that language, and its language links keep the two versions.
  app.get("/reports/:report/compare", pub, async (request, reply) => {
    const report = await reportOf(params(request).report);
    const mayUseDraft = can(request.user, "compare", { kind: "living-draft" });
    const editions = mayUseDraft ? await repo.listEditions(db, report.id) : await visibleEditions(report);
    const query = CompareQuery.parse(request.query);
    const lang: Language = readingLanguage(report, query.lang ?? request.lang);
    request.lang = lang;
    request.t = translator(lang);
    const { comparison, ...compared } = compareVersions(db, report, editions, query, mayUseDraft, lang, request.t);
    // Rendered here; two editions that never change are compared once per language and kept.
    const render = async () => comparisonHtml(request.t, await comparison!.load(), compared.names);
    const body = comparison ? (comparison.key ? await cache.fragment(comparison.key, render) : await render()) : undefined;
    const address = (l: Language) => `/reports/${report.slug}/compare?${new URLSearchParams({ ...(compared.from ? { from: compared.from } : {}), ...(compared.to ? { to: compared.to } : {}), lang: l })}`;
    const languageLinks = Object.fromEntries(report.languages.map((l) => [l, address(l)]));
    const page = h(ComparePage, { ctx: pageContext(request, reply), report, lang, languageLinks, ...compared, body });
    return sendPage(reply, page, compared.missing ? 404 : 200);
  });

  app.get("/reports/:report/:edition", pub, async (request, reply) => {
    const p = params(request);
    const report = await reportOf(p.report);
    const lang = readingLanguage(report, request.lang);
    return reply.redirect(`/reports/${report.slug}/${p.edition}/${lang}/`, 303);
  });

  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    const generation = stored.generation;
    const p = params(request);
    const report = await reportOf(p.report);
    const lang = p.lang!;
    if (!report.languages.includes(lang)) throw appError("LANGUAGE_NOT_IN_REPORT");
    if (p.edition === "current") {
      // An alias, not a copy: citations should carry the edition's own address.
      const current = await cache.lookup(`current/${report.id}`, () => repo.getCurrentEdition(db, report.id));
      if (!current) throw appError("NOT_FOUND");
      const urls = editionUrls(report, current);
      return reply.header("cache-control", "public, max-age=60").redirect(p.chapter ? urls.chapter(lang, p.chapter) : urls.contents(lang), 302);
    }
    const edition = await cache.lookup(`edition/${report.id}/${p.edition}`, () => repo.getEditionByLabel(db, report.id, p.edition!));
    if (!edition) throw appError("NOT_FOUND");
    authorize(request.user, "read", { kind: "edition", edition });
    const path = p.chapter ?? "";
    if (isPublic(edition.status)) {
      const page = await cache.page(edition, lang, path, () => repo.getPage(db, edition.id, lang, path));
      if (!page) throw appError("NOT_FOUND");
      reply.header("etag", page.etag!).header("cache-control", "public, max-age=86400").type("text/html; charset=utf-8");
      return sendKept(request, reply, page, generation);
    }
    // Drafts and editions in review (members only) are rendered for each request.
    const rendered = renderEditionPage(await loadEditionContent(db, report, edition), lang, path, publicUrl);
    if (!rendered) throw appError("NOT_FOUND");
    return reply.type("text/html; charset=utf-8").header("cache-control", "private, no-cache").send(rendered.html);
  };

  // What these routes send from memory is handed to the stored pages once it is sent (see sendKept).
  const storedRoute = { ...pub, onSend: stored.keepSent };
  app.get("/reports/:report/:edition/:lang/", storedRoute, serve);
  app.get("/reports/:report/:edition/:lang/:chapter", storedRoute, serve);

  // A figure as the edition froze it: its SVG, or the rows it was drawn from as CSV.
  // A public edition's figures are drawn once and kept with its pages (the snapshot is read on a miss only).
  app.get("/reports/:report/:edition/:lang/figures/:file", storedRoute, async (request, reply) => {
    const generation = stored.generation;
    const { report: slug, edition: label, lang } = params(request);
    const file = FigureFile.safeParse(request.params);
    if (!file.success || !label || !lang) throw appError("NOT_FOUND");
    const { slug: figureSlug, type, narrow } = file.data;
    const report = await reportOf(slug);
    const edition = await cache.lookup(`edition/${report.id}/${label}`, () => repo.getEditionByLabel(db, report.id, label));
    if (!edition) throw appError("NOT_FOUND");
    authorize(request.user, "read", { kind: "edition", edition });
    const draw = async () => {
      const figure = (await loadSnapshot(db, edition.id)).figures.find((f) => f.slug === figureSlug);
      const frozen = figure && (figure.languages[lang] ?? Object.values(figure.languages)[0]);
      return frozen && (type === "csv" ? datasetCsv(frozen.data) : frozenSvg(frozen, narrow));
    };
    const kept = isPublic(edition.status) ? await cache.figure(edition, lang, `${figureSlug}.${narrow ? "narrow." : ""}${type}`, draw) : undefined;
    const body = isPublic(edition.status) ? kept?.body : await draw();
    if (body === undefined) throw appError("NOT_FOUND");
    reply.header("cache-control", kept ? "public, max-age=86400" : "private, no-cache");
    if (type === "csv") reply.type("text/csv; charset=utf-8").header("content-disposition", contentDisposition("attachment", `${figureSlug}.csv`));
    else reply.type("image/svg+xml").header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'");
    return kept ? sendKept(request, reply, kept, generation) : reply.send(body);
  });
}
