import { createHash } from "node:crypto";
import type { ResolvedReference } from "#src/content/html.ts";
import type { Db } from "#src/db/client.ts";
import { localized, type Language } from "#src/domain/languages.ts";
import type { EvidenceInspection, EvidenceProblem } from "#src/domain/reports.ts";
import { datasetOf, FigureQuery } from "#src/features/surveys/figures.ts";
import { describeFigure, figureLabels, loadResults, renderFigure } from "#src/features/surveys/read.ts";
import { figuresBySlugs, findFigureCandidates, getSurvey, type FigureRow } from "#src/features/surveys/repository.ts";
import type { Audience } from "#src/features/surveys/results.ts";
import { canonicalJson } from "#src/lib/canonical-json.ts";

// Figures as evidence (`::figure{ref=…}`): one entry of the report's evidence registry.

/**
 * A figure as frozen: per language its words, its SVG and the rows it was drawn from; `narrowSvg`
 * is its drawing for narrow screens (editions frozen before it existed have none: the SVG serves).
 */
export type FrozenFigure = { title: string; caption: string; alt: string; source: string; n: number; svg: string; narrowSvg?: string; data: { columns: string[]; rows: (string | number)[][]; n: number } };

/** The drawing a figure's file names: the narrow one when asked and frozen, else the wide one. */
export const frozenSvg = (figure: FrozenFigure, narrow: boolean) => (narrow && figure.narrowSvg) || figure.svg;
/** A figure as an edition pins it, drawn in every language of the report. */
export type PinnedFigure = { id: string; slug: string; languages: Partial<Record<Language, FrozenFigure>> };

/** How many rows figures show an audience now (0 when a query no longer reads); each survey's results computed once. */
function figureRows(db: Db) {
  const results = new Map<string, ReturnType<typeof resultsOf>>();
  const resultsOf = async (surveyId: string, audience: Audience) => {
    const survey = await getSurvey(db, surveyId);
    if (!survey?.currentVersionId) return undefined;
    const { results, definition } = await loadResults(db, survey, audience);
    return { results, labels: await figureLabels(db, definition, "en") };
  };
  return async (figure: FigureRow, audience: Audience): Promise<number> => {
    const query = FigureQuery.safeParse(figure.query);
    const key = `${figure.surveyId}:${audience}`;
    if (!results.has(key)) results.set(key, resultsOf(figure.surveyId, audience));
    const found = await results.get(key);
    return query.success && found ? datasetOf(query.data, found.results, found.labels).rows.length : 0;
  };
}

export const figureEvidence = {
  kind: "figure" as const,

  /** The living draft draws a figure live from the survey's public results, served by the figures' own routes. */
  async resolveLive(db: Db, slugs: string[], lang: Language) {
    const rows = await figuresBySlugs(db, slugs);
    const figures = new Map(await Promise.all(rows.map(async (f) => [f.slug, await describeFigure(db, f, lang)] as const)));
    return (ref: string): ResolvedReference | undefined => {
      const f = figures.get(ref);
      return f && { title: f.title, figure: { src: `/figures/${f.slug}.svg`, narrowSrc: `/figures/${f.slug}.narrow.svg`, alt: f.alt, caption: f.caption, n: f.n, source: f.source, dataHref: `/figures/${f.slug}.csv`, data: f.data } };
    };
  },

  /** Figures as they are now, drawn in each of the languages: what an edition freezes. */
  async pin(db: Db, _report: { id: string }, slugs: string[], languages: Language[]): Promise<PinnedFigure[]> {
    const pinned: PinnedFigure[] = [];
    for (const figure of await figuresBySlugs(db, slugs)) {
      const languagesOf: PinnedFigure["languages"] = {};
      for (const lang of languages) {
        const r = await renderFigure(db, figure, lang);
        languagesOf[lang] = { title: r.title, caption: r.caption, alt: r.alt, source: r.source, n: r.n, svg: r.svg, narrowSvg: r.narrowSvg, data: r.data };
      }
      pinned.push({ id: figure.id, slug: figure.slug, languages: languagesOf });
    }
    return pinned;
  },

  /**
   * What keeps each placed figure from going out: unknown; nothing to show, either because every
   * group is under the survey's public threshold (suppressed) or because no answer feeds it
   * (empty); and, per language, no alt text of its own (pages then fall back to its title).
   */
  async inspect(db: Db, slugs: string[], languages: Language[]): Promise<Map<string, EvidenceInspection>> {
    const found = new Map((await figuresBySlugs(db, slugs)).map((f) => [f.slug, f]));
    const inspections = new Map<string, EvidenceInspection>();
    const rowsFor = figureRows(db);
    for (const slug of slugs) {
      const figure = found.get(slug);
      if (!figure) {
        inspections.set(slug, { problems: [{ problem: "unknown" }] });
        continue;
      }
      const problems: EvidenceProblem[] = [];
      if (!(await rowsFor(figure, "public"))) problems.push({ problem: (await rowsFor(figure, "editor")) ? "suppressed" : "empty" });
      for (const lang of languages) if (!figure.alts[lang]?.trim()) problems.push({ problem: "noAlt", language: lang });
      inspections.set(slug, { problems, href: `/editor/surveys/${figure.surveyId}` });
    }
    return inspections;
  },

  /**
   * Figures a writer may place, for the editor's picker: by slug or by the words typed, with the
   * state of what they show now (ready, suppressed or empty); only a ready one passes the checks.
   */
  async candidates(db: Db, _report: { id: string }, query: { words: string[]; ref?: string | undefined; limit: number; lang: Language; primary: Language }) {
    const rowsFor = figureRows(db);
    const found = [];
    for (const f of await findFigureCandidates(db, query)) {
      const status = (await rowsFor(f, "public")) ? "ready" : (await rowsFor(f, "editor")) ? "suppressed" : "empty";
      found.push({
        ref: f.slug,
        title: localized(f.titles, query.lang, query.primary),
        technology: f.technology ? localized(f.technology, query.lang, query.primary) : null,
        context: localized(f.surveyTitles, query.lang, query.primary),
        status,
        usable: status === "ready",
      });
    }
    return found;
  },

  toItem: (f: PinnedFigure, index: number) => ({
    ref: f.id,
    // The figure's version is a hash of what it shows, so an unchanged figure keeps its version.
    version: createHash("sha256").update(canonicalJson(f.languages)).digest("hex").slice(0, 16),
    position: index,
    payload: { slug: f.slug, languages: f.languages },
  }),

  fromItem: (item: { ref: string; payload: Record<string, unknown> }): PinnedFigure => {
    const p = item.payload as { slug: string; languages: PinnedFigure["languages"] };
    return { id: item.ref, slug: p.slug, languages: p.languages };
  },
};
