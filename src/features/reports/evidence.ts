import type { Resolver } from "#src/content/html.ts";
import type { Reference } from "#src/content/directives.ts";
import { referencesOf } from "#src/content/render.ts";
import type { Db } from "#src/db/client.ts";
import type { Language } from "#src/domain/languages.ts";
import { liveResolver } from "#src/features/reports/evidence-kinds.ts";

// How the living draft shows the evidence its texts embed: as it is now, each kind the way its
// entry in evidence-kinds.ts says. (Editions resolve the same directives from what they pinned;
// see editions/render.ts.)

/**
 * A resolver for some texts: a case study by its title, linked to its public page once published
 * (else to the members' page); a figure drawn live from the survey's public results; unknown
 * references flagged; a recommendation with its words from the register.
 */
export async function draftResolver(db: Db, bodies: string[], lang: Language = "en"): Promise<Resolver> {
  // One text at a time: each large one is a task on the worker pool, whose queue is short.
  const refs: Reference[] = [];
  for (const body of bodies) refs.push(...(await referencesOf(body)));
  return liveResolver(db, refs, lang);
}
