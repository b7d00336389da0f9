import { createHash } from "node:crypto";
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { renderHtml } from "#src/content/html.ts";
import { parseMarkdown } from "#src/content/parse.ts";
import type { Db } from "#src/db/client.ts";
import * as repo from "#src/features/editions/repository.ts";
import { loadSnapshot, revisionIds, type Snapshot } from "#src/features/editions/snapshot.ts";
import { ANNEX_PATH } from "#src/domain/editions.ts";
import { EditionAnnexPage, EditionChapterPage, EditionContentsPage, editionUrls } from "#src/features/editions/views/public.tsx";
import { annexVersions, shownRecommendation, type CaseStudyVersion } from "#src/features/reports/evidence-kinds.ts";
import type { Resolver } from "#src/content/html.ts";
import type { RenderedSection } from "#src/features/reports/views/sections.tsx";
import type { Language } from "#src/domain/languages.ts";
import { chooseText, primaryOf } from "#src/domain/languages.ts";
import { type RevisionRow } from "#src/features/reports/repository.ts";
import { listTechnologies, type ReportRow, type TechnologyRow } from "#src/features/catalog/repository.ts";
import { translator } from "#src/i18n/i18n.ts";
import type { PageContext } from "#src/web/render.ts";

/** Everything needed to render any page of one edition, loaded once. */
export type EditionContent = {
  report: ReportRow;
  edition: repo.EditionRow;
  snapshot: Snapshot;
  revisions: Map<number, RevisionRow>;
  /** The pinned versions of the annexed case studies. */
  caseStudyVersions: Map<number, CaseStudyVersion>;
  technologies: TechnologyRow[];
};

export async function loadEditionContent(db: Db, report: ReportRow, edition: repo.EditionRow): Promise<EditionContent> {
  const snapshot = await loadSnapshot(db, edition.id);
  const rows = await repo.revisionsByIds(db, revisionIds(snapshot));
  const caseStudyVersions = await annexVersions(db, snapshot.caseStudies);
  return { report, edition, snapshot, revisions: new Map(rows.map((r) => [r.id, r])), caseStudyVersions, technologies: await listTechnologies(db) };
}


/**
 * How an edition's sections resolve evidence: `:case-study[...]{ref=…}` to its annex entry, else
 * its public page; `::figure{ref=…}` to the figure as frozen, served from the edition;
 * `::recommendation{ref=…}` to its words, number, status and sources as frozen.
 */
export function editionResolver(content: Pick<EditionContent, "snapshot" | "report">, annexUrl: string, lang: Language, figureBase: string): Resolver {
  return (kind, ref) => {
    if (kind === "figure") {
      const f = content.snapshot.figures.find((x) => x.slug === ref);
      const frozen = f && (f.languages[lang] ?? Object.values(f.languages)[0]);
      if (!frozen) return "pending";
      return { title: frozen.title, figure: { src: `${figureBase}/${ref}.svg`, ...(frozen.narrowSvg ? { narrowSrc: `${figureBase}/${ref}.narrow.svg` } : {}), alt: frozen.alt, caption: frozen.caption, n: frozen.n, source: frozen.source, dataHref: `${figureBase}/${ref}.csv`, data: frozen.data } };
    }
    if (kind === "recommendation") {
      // Only adopted recommendations are pinned: any other placed one is unresolved (a finding that blocks publishing).
      const r = content.snapshot.recommendations.find((x) => x.slug === ref);
      return r && { title: r.slug, recommendation: shownRecommendation(r, lang, primaryOf(content.report)) };
    }
    if (kind !== "case-study") return "pending";
    const cs = content.snapshot.caseStudies.find((c) => c.slug === ref);
    if (!cs) return "pending";
    return { title: cs.title, href: cs.annexed ? `${annexUrl}#cs-${cs.slug}` : `/case-studies/${cs.slug}` };
  };
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
  const annexUrl = urls.chapter(lang, ANNEX_PATH);
  if (path === ANNEX_PATH && snapshot.caseStudies.some((c) => c.annexed) && !snapshot.chapters.some((c) => c.slug === ANNEX_PATH)) {
    const ctx = staticContext(lang, annexUrl);
    const entries = snapshot.caseStudies
      .filter((c) => c.annexed)
      .map((c) => ({ pinned: c, version: content.caseStudyVersions.get(c.versionId) }))
      .filter((e): e is { pinned: typeof e.pinned; version: CaseStudyVersion } => Boolean(e.version));
    return page(lang, path, `<!doctype html>${renderToString(h(EditionAnnexPage, { ctx, report, edition, snapshot, lang, publicUrl, entries, technologies: content.technologies }))}`);
  }
  const index = snapshot.chapters.findIndex((c) => c.slug === path);
  const chapter = snapshot.chapters[index];
  if (!chapter) return undefined;
  const t = translator(lang);
  const sections: RenderedSection[] = chapter.sections.map((s) => {
    const { text, lang: shown, fallback } = chooseText(revisions.get(s.revisions[lang] ?? -1), revisions.get(s.revisions[primary] ?? -1), lang, primary);
    return { slug: s.slug, heading: text?.heading ?? s.slug, html: renderHtml(parseMarkdown(text?.body ?? "", shown), { t, idPrefix: s.slug, resolve: editionResolver(content, annexUrl, lang, `${urls.contents(lang)}figures`), chromeLang: shown === lang ? undefined : lang }).html, lang: shown, fallback };
  });
  const ctx = staticContext(lang, urls.chapter(lang, chapter.slug));
  return page(lang, path, `<!doctype html>${renderToString(h(EditionChapterPage, { ctx, report, edition, snapshot, lang, publicUrl, chapter, index, sections }))}`);
}

/** Every page of an edition in every language: the contents, then each chapter. */
export function* renderAllPages(content: EditionContent, publicUrl: string): Generator<RenderedPage> {
  for (const lang of content.report.languages) {
    for (const path of ["", ...content.snapshot.chapters.map((c) => c.slug), ...(hasAnnex(content) ? [ANNEX_PATH] : [])]) {
      const rendered = renderEditionPage(content, lang, path, publicUrl);
      if (rendered) yield rendered;
    }
  }
}

/** How many pages renderAllPages will produce, for progress bars. */
export const pageCount = (content: EditionContent) => content.report.languages.length * (1 + content.snapshot.chapters.length + (hasAnnex(content) ? 1 : 0));

const hasAnnex = (content: EditionContent) => content.snapshot.caseStudies.some((c) => c.annexed);
