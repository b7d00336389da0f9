import type { FastifyInstance, FastifyRequest } from "fastify";
import { h } from "preact";
import { renderMarkdown } from "#src/content/render.ts";
import { cacheDrafts, loadDraft } from "#src/features/reports/draft.ts";
import { chooseText, readingLanguage } from "#src/domain/languages.ts";
import { reportSlugOf } from "#src/web/params.ts";
import * as catalog from "#src/features/catalog/repository.ts";
import { DraftChapterPage, DraftContentsPage, DraftReportsPage, StatusPage } from "#src/features/reports/views/draft.tsx";
import type { RenderedSection } from "#src/features/reports/views/sections.tsx";
import { cachedDraftResolver } from "#src/features/reports/draft-evidence.ts";
import { DraftLanguageParams, StatusQuery } from "#src/features/reports/schemas.ts";
import { appError } from "#src/lib/errors.ts";
import { translator } from "#src/i18n/i18n.ts";
import type { FindingsView } from "#src/web/findings.tsx";
import { pageContext, sendPage } from "#src/web/render.ts";
import type { Db } from "#src/db/client.ts";

// The living draft is for signed-in members only; readers see published editions.
const member = { config: { policy: "contributor" as const } };

/** The language in the URL; the whole page (not only the text) is then shown in it. */
const langOf = (request: FastifyRequest) => {
  const parsed = DraftLanguageParams.safeParse(request.params);
  if (!parsed.success) throw appError("NOT_FOUND");
  request.lang = parsed.data.lang;
  request.t = translator(parsed.data.lang);
  return parsed.data.lang;
};

export type DraftRoutesOptions = {
  /** The checks before publishing, on the living draft as it is now; the editions feature answers. */
  findingsOf: (db: Db, reportSlug: string) => Promise<FindingsView>;
};

/** Reading the living draft, and the editors' completeness dashboard (with the checks before publishing). */
export async function draftRoutes(app: FastifyInstance, { findingsOf }: DraftRoutesOptions) {
  const { db } = app.database;
  cacheDrafts(db, app.topicCache);

  app.get("/draft", member, async (request, reply) => sendPage(reply, h(DraftReportsPage, { ctx: pageContext(request, reply), reports: await catalog.listReports(db) })));

  app.get("/draft/:report", member, async (request, reply) => {
    const report = await catalog.getReportBySlug(db, reportSlugOf(request));
    if (!report) throw appError("NOT_FOUND");
    const lang = readingLanguage(report, request.lang);
    return reply.redirect(`/draft/${report.slug}/${lang}/`, 303);
  });

  app.get("/draft/:report/:lang/", member, async (request, reply) => {
    const draft = await loadDraft(db, reportSlugOf(request));
    const lang = langOf(request);
    if (!draft.report.languages.includes(lang)) throw appError("LANGUAGE_NOT_IN_REPORT");
    return sendPage(reply, h(DraftContentsPage, { ctx: pageContext(request, reply), draft, lang }));
  });

  app.get("/draft/:report/:lang/:chapter", member, async (request, reply) => {
    const draft = await loadDraft(db, reportSlugOf(request));
    const lang = langOf(request);
    if (!draft.report.languages.includes(lang)) throw appError("LANGUAGE_NOT_IN_REPORT");
    const slug = (request.params as { chapter: string }).chapter;
    const index = draft.chapters.findIndex((c) => c.slug === slug);
    const chapter = draft.chapters[index];
    if (!chapter) throw appError("NOT_FOUND");
    const chosen = chapter.sections.map((s) => ({ s, ...chooseText(s.texts[lang], s.texts[draft.primary], lang, draft.primary) }));
    const resolve = await cachedDraftResolver(db, app.topicCache, chosen.map((c) => c.text?.body ?? ""), lang);
    // One section at a time: each large one is a task on the worker pool, and cached once rendered.
    const sections: RenderedSection[] = [];
    for (const { s, text, lang: shown, fallback } of chosen) {
      const { html } = await renderMarkdown(text?.body ?? "", { lang, textLang: shown, idPrefix: s.slug, resolve });
      sections.push({ slug: s.slug, heading: text?.heading ?? s.slug, html, lang: shown, fallback });
    }
    return sendPage(reply, h(DraftChapterPage, { ctx: pageContext(request, reply), draft, chapter, lang, sections, index }));
  });

  app.get("/editor/reports/:report/status", { config: { policy: "editor" } }, async (request, reply) => {
    const draft = await loadDraft(db, reportSlugOf(request));
    const { since } = StatusQuery.parse(request.query ?? {});
    return sendPage(reply, h(StatusPage, { ctx: pageContext(request, reply), draft, since, findings: await findingsOf(db, draft.report.slug) }));
  });
}
