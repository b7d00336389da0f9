import { createHash } from "node:crypto";
import type { RecommendationSource, ResolvedRecommendation, ResolvedReference } from "#src/content/html.ts";
import type { Db } from "#src/db/client.ts";
import type { EventKind, OutcomeKind, RecommendationStatus } from "#src/domain/events.ts";
import { localized, type Language } from "#src/domain/languages.ts";
import type { EvidenceInspection } from "#src/domain/reports.ts";
import { findRecommendationCandidates, recommendationsBySlugs, sourcesOfRecommendations } from "#src/features/events/repository.ts";
import { canonicalJson } from "#src/lib/canonical-json.ts";

// Recommendations as evidence (`::recommendation{ref=…}`): one entry of the report's evidence registry.

type Texts = Partial<Record<Language, string>>;

/** An outcome a recommendation came from, with what a link to its event needs. */
export type PinnedSource = {
  outcomeId: string;
  kind: OutcomeKind;
  texts: Texts;
  /** Who produced it, as written ("Break-out group B"), and the part of the event it came from. */
  by: string;
  part: string | null;
  event: { report: string; slug: string; title: string; kind: EventKind; startsOn: string; endsOn: string };
};

/**
 * A recommendation as an edition pins it: its words in every language it has, its status, its
 * number (its order of first appearance in the edition's text, from 1) and the outcomes it came
 * from. Editions pinned before numbers and sources were kept have none (number and status null).
 */
export type PinnedRecommendation = {
  id: string;
  slug: string;
  texts: Texts;
  retired: boolean;
  status: RecommendationStatus | null;
  number: number | null;
  sources: PinnedSource[];
};

/** The sources of some recommendations, by recommendation id, oldest event first. */
async function sourcesOf(db: Db, ids: string[]): Promise<Map<string, PinnedSource[]>> {
  const byRecommendation = new Map<string, PinnedSource[]>();
  for (const row of await sourcesOfRecommendations(db, ids)) {
    const list = byRecommendation.get(row.recommendationId) ?? [];
    list.push({ outcomeId: row.outcome.id, kind: row.outcome.kind, texts: row.outcome.texts, by: row.outcome.producedBy, part: row.part, event: { report: row.report, ...row.event } });
    byRecommendation.set(row.recommendationId, list);
  }
  return byRecommendation;
}

const eventDate = (day: string, lang: Language) => new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));

/** A recommendation as a text shows it in one language: its words, number, status and sources (linked to their events' public pages). */
export function shownRecommendation(r: Pick<PinnedRecommendation, "texts" | "retired" | "status" | "number" | "sources">, lang: Language, primary: Language): ResolvedRecommendation {
  const sources: RecommendationSource[] = r.sources.map((s) => ({
    event: s.event.title,
    href: `/reports/${s.event.report}/events/${s.event.slug}#outcome-${s.outcomeId}`,
    date: eventDate(s.event.startsOn, lang),
    by: s.by || s.part || "",
    outcome: localized(s.texts, lang, primary),
  }));
  return { text: localized(r.texts, lang, primary), retired: r.retired, number: r.number, status: r.status, sources };
}

export const recommendationEvidence = {
  kind: "recommendation" as const,

  /** The living draft shows a recommendation as the register has it now, whatever its status, with no number. */
  async resolveLive(db: Db, slugs: string[], lang: Language) {
    const rows = await recommendationsBySlugs(db, slugs);
    const sources = await sourcesOf(
      db,
      rows.map((r) => r.id),
    );
    return (ref: string): ResolvedReference | undefined => {
      const r = rows.find((x) => x.slug === ref);
      return r && { title: r.slug, recommendation: shownRecommendation({ texts: r.texts, retired: r.status === "retired", status: r.status, number: null, sources: sources.get(r.id) ?? [] }, lang, "en") };
    };
  },

  /**
   * The adopted (endorsed) recommendations the texts place, as they are now: numbered in the order
   * the slugs come in (their first appearance in the text). A placed recommendation that is proposed
   * or retired is not pinned, so the edition shows it as unresolved.
   */
  async pin(db: Db, _report: { id: string }, slugs: string[]): Promise<PinnedRecommendation[]> {
    const order = new Map(slugs.map((slug, i) => [slug, i]));
    const adopted = (await recommendationsBySlugs(db, slugs)).filter((r) => r.status === "endorsed").sort((a, b) => order.get(a.slug)! - order.get(b.slug)!);
    const sources = await sourcesOf(
      db,
      adopted.map((r) => r.id),
    );
    return adopted.map((r, i) => ({ id: r.id, slug: r.slug, texts: r.texts, retired: false, status: r.status, number: i + 1, sources: sources.get(r.id) ?? [] }));
  },

  toItem: (r: PinnedRecommendation, index: number) => ({
    ref: r.id,
    // The recommendation's own version (words, status, sources); its number is its place in this edition.
    version: createHash("sha256").update(canonicalJson([r.texts, r.retired, r.status, r.sources])).digest("hex").slice(0, 16),
    position: index,
    payload: { slug: r.slug, texts: r.texts, retired: r.retired, status: r.status, number: r.number, sources: r.sources },
  }),

  fromItem: (item: { ref: string; payload: Record<string, unknown> }): PinnedRecommendation => {
    const p = item.payload as Partial<Omit<PinnedRecommendation, "id">> & Pick<PinnedRecommendation, "slug" | "texts" | "retired">;
    return { id: item.ref, slug: p.slug, texts: p.texts, retired: p.retired, status: p.status ?? null, number: p.number ?? null, sources: p.sources ?? [] };
  },

  /** A report's recommendations a writer may place, for the editor's picker: by slug or by the words typed; only an adopted one passes the checks. */
  async candidates(db: Db, report: { id: string }, query: { words: string[]; ref?: string | undefined; limit: number; lang: Language; primary: Language }) {
    const rows = await findRecommendationCandidates(db, report.id, query);
    return rows.map((r) => ({
      ref: r.slug,
      title: localized(r.texts, query.lang, query.primary),
      technology: r.technologies.map((names) => localized(names, query.lang, query.primary)).join(", ") || null,
      context: r.themes.join(", ") || null,
      status: r.status,
      usable: r.status === "endorsed",
    }));
  },

  /** What keeps each placed recommendation from going out: unknown, not adopted yet (proposed), or retired. */
  async inspect(db: Db, slugs: string[], _languages: Language[]): Promise<Map<string, EvidenceInspection>> {
    const rows = await recommendationsBySlugs(db, slugs);
    return new Map(
      slugs.map((slug): [string, EvidenceInspection] => {
        const r = rows.find((x) => x.slug === slug);
        if (!r) return [slug, { problems: [{ problem: "unknown" }] }];
        return [slug, { problems: r.status === "endorsed" ? [] : [{ problem: r.status, state: r.status }], href: `/editor/recommendations/${r.id}` }];
      }),
    );
  },
};
