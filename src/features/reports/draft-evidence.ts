import type { Reference } from "#src/content/directives.ts";
import type { ResolvedReference, Resolver } from "#src/content/html.ts";
import { referencesOf } from "#src/content/render.ts";
import type { ChangeTopic } from "#src/db/changes.ts";
import type { Db } from "#src/db/client.ts";
import type { Language } from "#src/domain/languages.ts";
import { liveResolver } from "#src/features/reports/evidence-kinds.ts";
import type { TopicCache } from "#src/lib/topic-cache.ts";

/**
 * How the living draft's pages show the evidence some texts embed, as draftResolver does, with
 * the figures kept in `cache`: a figure is drawn from its survey's results, which takes tens of
 * milliseconds, and changes only with the surveys (responses, figures) or the names it shows
 * (technologies, regions, organizations). Case studies and recommendations resolve as they are now.
 */
export async function cachedDraftResolver(db: Db, cache: TopicCache<ChangeTopic>, bodies: string[], lang: Language): Promise<Resolver> {
  const refs: Reference[] = [];
  for (const body of bodies) refs.push(...(await referencesOf(body)));
  const figures = [...new Set(refs.filter((r) => r.kind === "figure").map((r) => r.ref))].sort();
  const others = refs.filter((r) => r.kind !== "figure");
  const [live, drawn] = await Promise.all([
    others.length ? liveResolver(db, others, lang) : undefined,
    figures.length
      ? cache.get(`draft-figures|${lang}|${figures.join(",")}`, ["surveys", "catalog"], async () => {
          const resolve = await liveResolver(db, figures.map((ref) => ({ kind: "figure" as const, ref })), lang);
          return Object.fromEntries(figures.map((ref) => [ref, resolve("figure", ref) ?? null]));
        })
      : undefined,
  ]);
  return (kind, ref): ResolvedReference | undefined => (kind === "figure" ? (drawn?.[ref] ?? undefined) : live?.(kind, ref));
}
