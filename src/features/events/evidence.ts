import { createHash } from "node:crypto";
import type { ResolvedReference } from "#src/content/html.ts";
import type { Db } from "#src/db/client.ts";
import { localized, type Language } from "#src/domain/languages.ts";
import { recommendationsBySlugs } from "#src/features/events/repository.ts";
import { canonicalJson } from "#src/lib/canonical-json.ts";

// Recommendations as evidence (`::recommendation{ref=…}`): one entry of the report's evidence registry.

/** A recommendation as an edition pins it: its words in every language it has, and whether it was retired. */
export type PinnedRecommendation = { id: string; slug: string; texts: Partial<Record<Language, string>>; retired: boolean };

export const recommendationEvidence = {
  kind: "recommendation" as const,

  /** The living draft shows a recommendation with its words from the register as they are now. */
  async resolveLive(db: Db, slugs: string[], lang: Language) {
    const rows = await recommendationsBySlugs(db, slugs);
    return (ref: string): ResolvedReference | undefined => {
      const r = rows.find((x) => x.slug === ref);
      return r && { title: r.slug, recommendation: { text: localized(r.texts, lang, "en"), retired: r.status === "retired" } };
    };
  },

  /** The recommendations the texts place, as they are now, in the order of their slugs. */
  async pin(db: Db, _report: { id: string }, slugs: string[]): Promise<PinnedRecommendation[]> {
    return (await recommendationsBySlugs(db, slugs))
      .sort((a, b) => a.slug.localeCompare(b.slug))
      .map((r) => ({ id: r.id, slug: r.slug, texts: r.texts, retired: r.status === "retired" }));
  },

  toItem: (r: PinnedRecommendation, index: number) => ({
    ref: r.id,
    version: createHash("sha256").update(canonicalJson([r.texts, r.retired])).digest("hex").slice(0, 16),
    position: index,
    payload: { slug: r.slug, texts: r.texts, retired: r.retired },
  }),

  fromItem: (item: { ref: string; payload: Record<string, unknown> }): PinnedRecommendation => {
    const p = item.payload as { slug: string; texts: PinnedRecommendation["texts"]; retired: boolean };
    return { id: item.ref, slug: p.slug, texts: p.texts, retired: p.retired };
  },
};
