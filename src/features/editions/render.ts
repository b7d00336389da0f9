import { createHash } from "node:crypto";
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { renderHtml } from "#src/content/html.ts";
import { parseMarkdown } from "#src/content/parse.ts";
import type { Db } from "#src/db/client.ts";
import * as repo from "#src/features/editions/repository.ts";
import { loadSnapshot, revisionIds, type Snapshot } from "#src/features/editions/snapshot.ts";
import { EditionChapterPage, EditionContentsPage, editionUrls } from "#src/features/editions/views/public.tsx";
import type { RenderedSection } from "#src/features/reports/views/sections.tsx";
import type { Language } from "#src/features/members/domain.ts";
import { chooseText, primaryOf } from "#src/features/reports/draft.ts";
import type { ReportRow, RevisionRow } from "#src/features/reports/repository.ts";
import { translator } from "#src/web/i18n/i18n.ts";
import type { PageContext } from "#src/web/render.ts";

/** Everything needed to render any page of one edition, loaded once. */
export type EditionContent = { report: ReportRow; edition: repo.EditionRow; snapshot: Snapshot; revisions: Map<number, RevisionRow> };

export async function loadEditionContent(db: Db, report: ReportRow, edition: repo.EditionRow): Promise<EditionContent> {
  const snapshot = await loadSnapshot(db, edition.id);
  const rows = await repo.revisionsByIds(db, revisionIds(snapshot));
  return { report, edition, snapshot, revisions: new Map(rows.map((r) => [r.id, r])) };
}

// Published pages are the same for everyone: no user, no form, the page's own language.
const staticContext = (lang: Language, path: string): PageContext => ({ t: translator(lang), lang, user: null, csrf: "", path, flash: undefined });

export type RenderedPage = { language: Language; path: string; html: string; etag: string };

const page = (language: Language, path: string, html: string): RenderedPage => ({
  language,
  path,
  html,
  etag: `"${createHash("sha256").update(html).digest("base64url").slice(0, 32)}"`,
});

/** Renders one page of an edition: "" is the contents, otherwise a chapter slug. Undefined if there is no such chapter. */
export function renderEditionPage(content: EditionContent, lang: Language, path: string, publicUrl: string): RenderedPage | undefined {
  const { report, edition, snapshot, revisions } = content;
  const urls = editionUrls(report, edition);
  const primary = primaryOf(report);
  if (path === "") {
    const ctx = staticContext(lang, urls.contents(lang));
    return page(lang, path, `<!doctype html>${renderToString(h(EditionContentsPage, { ctx, report, edition, snapshot, lang, publicUrl }))}`);
  }
  const index = snapshot.chapters.findIndex((c) => c.slug === path);
  const chapter = snapshot.chapters[index];
  if (!chapter) return undefined;
  const t = translator(lang);
  const sections: RenderedSection[] = chapter.sections.map((s) => {
    const { text, lang: shown, fallback } = chooseText(revisions.get(s.revisions[lang] ?? -1), revisions.get(s.revisions[primary] ?? -1), lang, primary);
    return { slug: s.slug, heading: text?.heading ?? s.slug, html: renderHtml(parseMarkdown(text?.body ?? ""), { t, idPrefix: s.slug }).html, lang: shown, fallback };
  });
  const ctx = staticContext(lang, urls.chapter(lang, chapter.slug));
  return page(lang, path, `<!doctype html>${renderToString(h(EditionChapterPage, { ctx, report, edition, snapshot, lang, publicUrl, chapter, index, sections }))}`);
}

/** Every page of an edition in every language: the contents, then each chapter. */
export function* renderAllPages(content: EditionContent, publicUrl: string): Generator<RenderedPage> {
  for (const lang of content.report.languages) {
    for (const path of ["", ...content.snapshot.chapters.map((c) => c.slug)]) {
      const rendered = renderEditionPage(content, lang, path, publicUrl);
      if (rendered) yield rendered;
    }
  }
}

/** How many pages renderAllPages will produce, for progress bars. */
export const pageCount = (content: EditionContent) => content.report.languages.length * (1 + content.snapshot.chapters.length);
