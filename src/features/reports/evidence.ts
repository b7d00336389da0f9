import type { Resolver } from "#src/content/html.ts";
import type { Reference } from "#src/content/directives.ts";
import { referencesOf } from "#src/content/render.ts";
import type { Db } from "#src/db/client.ts";
import { caseStudiesBySlug } from "#src/features/case-studies/read.ts";
import type { Language } from "#src/domain/languages.ts";
import { recommendationsBySlugs } from "#src/features/events/repository.ts";
import { localized } from "#src/domain/languages.ts";
import { describeFigure } from "#src/features/surveys/read.ts";
import { figuresBySlugs } from "#src/features/surveys/repository.ts";

// How the living draft shows the evidence its texts embed: case studies and figures as they are
// now. (Editions resolve the same directives from what they pinned; see editions/render.ts.)

/**
 * A resolver for some texts: a case study by its title, linked to its public page once published
 * (else to the members' page); a figure drawn live from the survey's public results; unknown
 * references flagged; a recommendation with its words from the register.
 */
export async function draftResolver(db: Db, bodies: string[], lang: Language = "en"): Promise<Resolver> {
  // One text at a time: each large one is a task on the worker pool, whose queue is short.
  const refs: Reference[] = [];
  for (const body of bodies) refs.push(...(await referencesOf(body)));
  const slugsOf = (kind: string) => [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.ref))];
  const [caseStudies, figureRows, recommendations] = await Promise.all([caseStudiesBySlug(db, slugsOf("case-study")), figuresBySlugs(db, slugsOf("figure")), recommendationsBySlugs(db, slugsOf("recommendation"))]);
  const figures = new Map(await Promise.all(figureRows.map(async (f) => [f.slug, await describeFigure(db, f, lang)] as const)));
  return (kind, ref) => {
    if (kind === "case-study") {
      const cs = caseStudies.get(ref);
      return cs && { title: cs.title, href: cs.state === "published" ? `/case-studies/${cs.slug}` : `/member/case-studies/${cs.id}` };
    }
    if (kind === "figure") {
      const f = figures.get(ref);
      return f && { title: f.title, figure: { src: `/figures/${f.slug}.svg`, alt: f.alt, caption: f.caption, n: f.n, source: f.source, dataHref: `/figures/${f.slug}.csv` } };
    }
    const r = recommendations.find((x) => x.slug === ref);
    return r && { title: r.slug, recommendation: { text: localized(r.texts, lang, "en"), retired: r.status === "retired" } };
  };
}
