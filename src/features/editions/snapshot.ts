import { createHash } from "node:crypto";
import type { Db } from "#src/db/client.ts";
import type { ChapterKind } from "#src/domain/reports.ts";
import type { PinnedKind } from "#src/domain/editions.ts";
import type { Draft } from "#src/features/reports/draft.ts";
import type { Language, LocalizedText } from "#src/domain/languages.ts";
import * as repo from "#src/features/editions/repository.ts";
import { canonicalJson } from "#src/lib/canonical-json.ts";

// An edition's content as a tree, whether it comes from pinned items or from the living draft:
// what rendering and comparison work on.

export type SnapshotSection = { id: string; slug: string; revisions: Partial<Record<Language, number>> };
export type SnapshotChapter = { id: string; slug: string; kind: ChapterKind; titles: LocalizedText; sections: SnapshotSection[] };
/** A case study an edition pins: annexed, or only referenced from a section. */
export type SnapshotCaseStudy = { id: string; slug: string; title: string; organization: string; versionId: number; annexed: boolean };
/** A figure as frozen: per language its words, its SVG and the rows it was drawn from. */
export type FrozenFigure = { title: string; caption: string; alt: string; source: string; n: number; svg: string; data: { columns: string[]; rows: (string | number)[][]; n: number } };
export type SnapshotFigure = { id: string; slug: string; languages: Partial<Record<Language, FrozenFigure>> };
/** A recommendation as frozen: its words in every language it has, and whether it was retired. */
export type SnapshotRecommendation = { id: string; slug: string; texts: Partial<Record<Language, string>>; retired: boolean };
export type Snapshot = { chapters: SnapshotChapter[]; caseStudies: SnapshotCaseStudy[]; figures: SnapshotFigure[]; recommendations: SnapshotRecommendation[] };

/** The living draft as a snapshot: what freezing pins. */
export function snapshotOfDraft(draft: Draft, caseStudies: SnapshotCaseStudy[] = [], figures: SnapshotFigure[] = [], recommendations: SnapshotRecommendation[] = []): Snapshot {
  return {
    caseStudies,
    figures,
    recommendations,
    chapters: draft.chapters.map((c) => ({
      id: c.id,
      slug: c.slug,
      kind: c.kind,
      titles: c.titles,
      sections: c.sections.map((s) => ({
        id: s.id,
        slug: s.slug,
        revisions: Object.fromEntries(Object.entries(s.texts).map(([lang, text]) => [lang, text.revisionId])),
      })),
    })),
  };
}

/** An edition's pinned item as stored. */
export type PinnedItem = { kind: PinnedKind; ref: string; version: string; position: number; payload: Record<string, unknown> };

/** A snapshot as pinned items: one per chapter, per section (the version is the primary revision), per case study, figure and recommendation. */
export function itemsOfSnapshot(snapshot: Snapshot, primary: Language): PinnedItem[] {
  const outline: PinnedItem[] = snapshot.chapters.flatMap((c, ci) => [
    { kind: "chapter" as const, ref: c.id, version: "1", position: ci, payload: { slug: c.slug, kind: c.kind, titles: c.titles } },
    ...c.sections.map((s, si) => ({
      kind: "section" as const,
      ref: s.id,
      version: String(s.revisions[primary] ?? 0),
      position: ci * 10_000 + si,
      payload: { chapterId: c.id, slug: s.slug, revisions: s.revisions },
    })),
  ]);
  const evidence: PinnedItem[] = snapshot.caseStudies.map((cs, i) => ({
    kind: "case-study",
    ref: cs.id,
    version: String(cs.versionId),
    position: cs.annexed ? i : 1_000_000 + i,
    payload: { slug: cs.slug, title: cs.title, organization: cs.organization, annexed: cs.annexed },
  }));
  const figures: PinnedItem[] = snapshot.figures.map((f, i) => ({
    kind: "figure",
    ref: f.id,
    // The figure's version is a hash of what it shows, so an unchanged figure keeps its version.
    version: createHash("sha256").update(canonicalJson(f.languages)).digest("hex").slice(0, 16),
    position: i,
    payload: { slug: f.slug, languages: f.languages },
  }));
  const recommendations: PinnedItem[] = snapshot.recommendations.map((r, i) => ({
    kind: "recommendation",
    ref: r.id,
    version: createHash("sha256").update(canonicalJson([r.texts, r.retired])).digest("hex").slice(0, 16),
    position: i,
    payload: { slug: r.slug, texts: r.texts, retired: r.retired },
  }));
  return [...outline, ...evidence, ...figures, ...recommendations];
}

/** Rebuilds the tree from an edition's pinned items. */
export async function loadSnapshot(db: Db, editionId: string): Promise<Snapshot> {
  const items = await repo.listItems(db, editionId);
  const chapters = items
    .filter((i) => i.kind === "chapter")
    .sort((a, b) => a.position - b.position)
    .map((i) => {
      const p = i.payload as { slug: string; kind: ChapterKind; titles: LocalizedText };
      return { id: i.ref, slug: p.slug, kind: p.kind, titles: p.titles, sections: [] as SnapshotSection[] };
    });
  for (const item of items.filter((i) => i.kind === "section").sort((a, b) => a.position - b.position)) {
    const p = item.payload as { chapterId: string; slug: string; revisions: SnapshotSection["revisions"] };
    chapters.find((c) => c.id === p.chapterId)?.sections.push({ id: item.ref, slug: p.slug, revisions: p.revisions });
  }
  const caseStudies = items
    .filter((i) => i.kind === "case-study")
    .sort((a, b) => a.position - b.position)
    .map((i) => {
      const p = i.payload as { slug: string; title: string; organization: string; annexed: boolean };
      return { id: i.ref, slug: p.slug, title: p.title, organization: p.organization, annexed: p.annexed, versionId: Number(i.version) };
    });
  const figures = items
    .filter((i) => i.kind === "figure")
    .sort((a, b) => a.position - b.position)
    .map((i) => {
      const p = i.payload as { slug: string; languages: SnapshotFigure["languages"] };
      return { id: i.ref, slug: p.slug, languages: p.languages };
    });
  const recommendations = items
    .filter((i) => i.kind === "recommendation")
    .sort((a, b) => a.position - b.position)
    .map((i) => {
      const p = i.payload as { slug: string; texts: SnapshotRecommendation["texts"]; retired: boolean };
      return { id: i.ref, slug: p.slug, texts: p.texts, retired: p.retired };
    });
  return { chapters, caseStudies, figures, recommendations };
}

/** Every revision id a snapshot uses, to load their texts in one query. */
export const revisionIds = (snapshot: Snapshot) => snapshot.chapters.flatMap((c) => c.sections.flatMap((s) => Object.values(s.revisions))).filter((id): id is number => typeof id === "number");

/** A stable SHA-256 of an edition's metadata and pinned items. */
export function contentHash(meta: Record<string, unknown>, items: ReturnType<typeof itemsOfSnapshot>): string {
  const canonical = canonicalJson({ meta, items: items.map((i) => [i.kind, i.ref, i.version, i.position, i.payload]) });
  return createHash("sha256").update(canonical).digest("hex");
}
