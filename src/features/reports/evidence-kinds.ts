import { extractReferences, type Reference } from "#src/content/directives.ts";
import type { ResolvedReference, Resolver } from "#src/content/html.ts";
import { parseMarkdown } from "#src/content/parse.ts";
import type { Db } from "#src/db/client.ts";
import type { PinnedKind } from "#src/domain/editions.ts";
import type { Language } from "#src/domain/languages.ts";
import type { EvidenceInspection, ReferenceKind } from "#src/domain/reports.ts";
import { caseStudyEvidence } from "#src/features/case-studies/evidence.ts";
import type { PinnedCaseStudy } from "#src/features/case-studies/read.ts";
import type { VersionRow } from "#src/features/case-studies/repository.ts";
import { recommendationEvidence, type PinnedRecommendation } from "#src/features/events/evidence.ts";
import type { Draft } from "#src/features/reports/draft.ts";
import { figureEvidence, type PinnedFigure } from "#src/features/surveys/evidence.ts";

// The evidence a report's texts embed, one entry per kind, each written by the feature that owns
// the kind. The living draft, editions and exports reach evidence through this list only: a new
// kind of evidence is one more entry here (and its directive and pinned-item kind in domain/).

export type { PinnedCaseStudy, PinnedFigure, PinnedRecommendation };
/** How a pinned (or live) recommendation reads in one language: words, number, status, sources. */
export { shownRecommendation } from "#src/features/events/evidence.ts";
export type { FrozenFigure } from "#src/features/surveys/evidence.ts";
/** A case study's version, as an edition's annex shows it. */
export type CaseStudyVersion = VersionRow;

/** An edition's item as stored, without its kind. */
type StoredItem = { ref: string; version: string; position: number; payload: Record<string, unknown> };

/** What a picker asks for: one slug, or the words typed (every one must match); at most `limit`; titles in `lang`, else the primary language. */
export type CandidateQuery = { words: string[]; ref?: string | undefined; limit: number; lang: Language; primary: Language };
/**
 * A piece of evidence a writer may place, as a picker lists it: its title, technology and a word
 * of context (organization, survey, themes) in the language asked, its state in the feature's own
 * words, and whether placing it now would pass the checks before publishing.
 */
export type EvidenceCandidate = { ref: string; title: string; technology: string | null; context: string | null; status: string; usable: boolean };

/** What every kind of evidence does for the report. */
export type EvidenceKind<Pinned> = {
  /** The directive that places it in a text, and the kind of item an edition pins. */
  kind: ReferenceKind & PinnedKind;
  /** How the living draft shows the ones with these slugs, as they are now. */
  resolveLive(db: Db, slugs: string[], lang: Language): Promise<(ref: string) => ResolvedReference | undefined>;
  /** What an edition frozen now pins, given the slugs the texts refer to; drawn in the languages given. */
  pin(db: Db, report: { id: string }, slugs: string[], languages: Language[]): Promise<Pinned[]>;
  /** A pinned entry as an edition's stored item (its index among those of its kind), and back. */
  toItem(pinned: Pinned, index: number): StoredItem;
  fromItem(item: StoredItem): Pinned;
  /** What keeps the ones with these slugs from going out as they are now, in the languages given (the checks before publishing). */
  inspect(db: Db, slugs: string[], languages: Language[]): Promise<Map<string, EvidenceInspection>>;
  /** What a writer may place in the report's texts (the editor's picker): the one with a slug, or those matching the words. */
  candidates(db: Db, report: { id: string }, query: CandidateQuery): Promise<EvidenceCandidate[]>;
};

/** What an edition pins of each kind of evidence. */
export type PinnedEvidence = { caseStudies: PinnedCaseStudy[]; figures: PinnedFigure[]; recommendations: PinnedRecommendation[] };

/** The registry, in the order an edition stores its items (their order is part of its content hash). */
export const EVIDENCE_KINDS = {
  caseStudies: caseStudyEvidence,
  figures: figureEvidence,
  recommendations: recommendationEvidence,
} satisfies { [F in keyof PinnedEvidence]: EvidenceKind<PinnedEvidence[F][number]> };

type Field = keyof PinnedEvidence;
type AnyPinned = PinnedEvidence[Field][number];
const FIELDS = Object.keys(EVIDENCE_KINDS) as Field[];
// Every entry seen through the shared interface, so the loops below treat all kinds alike.
const entry = (field: Field) => EVIDENCE_KINDS[field] as EvidenceKind<AnyPinned>;

export const NO_EVIDENCE: PinnedEvidence = { caseStudies: [], figures: [], recommendations: [] };

/** The annexed case studies' pinned versions, by id: what an annex shows. */
export const annexVersions = (db: Db, pinned: PinnedCaseStudy[]) => EVIDENCE_KINDS.caseStudies.annexVersions(db, pinned);

const slugsOf = (refs: Reference[], kind: ReferenceKind) => [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.ref))];

/** The evidence a draft's texts refer to (and the annex) as it is now, drawn in the languages given: what freezing pins. */
export async function pinEvidence(db: Db, draft: Draft, languages: Language[]): Promise<PinnedEvidence> {
  // In the order of the text, the primary language's first: what numbers recommendations, and part of the content hash.
  const order = (lang: string) => (lang === draft.primary ? -1 : draft.report.languages.includes(lang as Language) ? draft.report.languages.indexOf(lang as Language) : Infinity);
  const inOrder = (texts: Draft["chapters"][number]["sections"][number]["texts"]) => Object.entries(texts).sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b)).map(([, text]) => text);
  const refs = draft.chapters.flatMap((c) => c.sections.flatMap((s) => inOrder(s.texts).flatMap((text) => (text ? extractReferences(parseMarkdown(text.body)) : []))));
  const pinned: Partial<Record<Field, AnyPinned[]>> = {};
  // One kind after the other: freezing runs in a transaction, whose queries take turns anyway.
  for (const field of FIELDS) pinned[field] = await entry(field).pin(db, draft.report, slugsOf(refs, entry(field).kind), languages);
  return pinned as PinnedEvidence;
}

/** Pinned evidence as an edition's items, kind after kind. */
export function itemsOfEvidence(evidence: PinnedEvidence): (StoredItem & { kind: PinnedKind })[] {
  return FIELDS.flatMap((field) => (evidence[field] as AnyPinned[]).map((pinned, i) => ({ kind: entry(field).kind, ...entry(field).toItem(pinned, i) })));
}

/** An edition's pinned evidence, read back from its items. */
export function evidenceOfItems(items: (StoredItem & { kind: string })[]): PinnedEvidence {
  const ofKind = (field: Field) =>
    items
      .filter((i) => i.kind === entry(field).kind)
      .sort((a, b) => a.position - b.position)
      .map((i) => entry(field).fromItem(i));
  return Object.fromEntries(FIELDS.map((field) => [field, ofKind(field)])) as PinnedEvidence;
}

/** What keeps the evidence some references point to from going out, kind by kind: per kind, per slug. */
export async function inspectEvidence(db: Db, refs: Reference[], languages: Language[]): Promise<Map<ReferenceKind, Map<string, EvidenceInspection>>> {
  const found = new Map<ReferenceKind, Map<string, EvidenceInspection>>();
  for (const field of FIELDS) found.set(entry(field).kind, await entry(field).inspect(db, slugsOf(refs, entry(field).kind), languages));
  return found;
}

/** The evidence of one kind a writer may place in a report's texts, as its feature finds it. */
export function evidenceCandidates(db: Db, report: { id: string }, kind: ReferenceKind, query: CandidateQuery): Promise<EvidenceCandidate[]> {
  const field = FIELDS.find((f) => entry(f).kind === kind)!;
  return entry(field).candidates(db, report, query);
}

/** How the living draft shows the evidence some references point to, as it is now; unknown ones resolve to undefined. */
export async function liveResolver(db: Db, refs: Reference[], lang: Language): Promise<Resolver> {
  const resolvers = new Map(await Promise.all(FIELDS.map(async (field) => [entry(field).kind, await entry(field).resolveLive(db, slugsOf(refs, entry(field).kind), lang)] as const)));
  return (kind, ref) => resolvers.get(kind)?.(ref);
}
