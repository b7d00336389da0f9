import { createHash } from "node:crypto";
import type { ResolvedReference } from "#src/content/html.ts";
import type { Db } from "#src/db/client.ts";
import type { Language } from "#src/domain/languages.ts";
import { describeFigure, renderFigure } from "#src/features/surveys/read.ts";
import { figuresBySlugs } from "#src/features/surveys/repository.ts";
import { canonicalJson } from "#src/lib/canonical-json.ts";

// Figures as evidence (`::figure{ref=…}`): one entry of the report's evidence registry.

/** A figure as frozen: per language its words, its SVG and the rows it was drawn from. */
export type FrozenFigure = { title: string; caption: string; alt: string; source: string; n: number; svg: string; data: { columns: string[]; rows: (string | number)[][]; n: number } };
/** A figure as an edition pins it, drawn in every language of the report. */
export type PinnedFigure = { id: string; slug: string; languages: Partial<Record<Language, FrozenFigure>> };

export const figureEvidence = {
  kind: "figure" as const,

  /** The living draft draws a figure live from the survey's public results, served by the figures' own routes. */
  async resolveLive(db: Db, slugs: string[], lang: Language) {
    const rows = await figuresBySlugs(db, slugs);
    const figures = new Map(await Promise.all(rows.map(async (f) => [f.slug, await describeFigure(db, f, lang)] as const)));
    return (ref: string): ResolvedReference | undefined => {
      const f = figures.get(ref);
      return f && { title: f.title, figure: { src: `/figures/${f.slug}.svg`, alt: f.alt, caption: f.caption, n: f.n, source: f.source, dataHref: `/figures/${f.slug}.csv` } };
    };
  },

  /** Figures as they are now, drawn in each of the languages: what an edition freezes. */
  async pin(db: Db, _report: { id: string }, slugs: string[], languages: Language[]): Promise<PinnedFigure[]> {
    const pinned: PinnedFigure[] = [];
    for (const figure of await figuresBySlugs(db, slugs)) {
      const languagesOf: PinnedFigure["languages"] = {};
      for (const lang of languages) {
        const r = await renderFigure(db, figure, lang);
        languagesOf[lang] = { title: r.title, caption: r.caption, alt: r.alt, source: r.source, n: r.n, svg: r.svg, data: r.data };
      }
      pinned.push({ id: figure.id, slug: figure.slug, languages: languagesOf });
    }
    return pinned;
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
