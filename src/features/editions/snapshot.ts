import { createHash } from "node:crypto";
import type { Db } from "#src/db/client.ts";
import type { ChapterKind, SectionStatus } from "#src/domain/reports.ts";
import type { PinnedKind } from "#src/domain/editions.ts";
import type { Draft } from "#src/features/reports/draft.ts";
import type { Language, LocalizedText } from "#src/domain/languages.ts";
import * as repo from "#src/features/editions/repository.ts";
import { evidenceOfItems, itemsOfEvidence, NO_EVIDENCE, type PinnedEvidence } from "#src/features/reports/evidence-kinds.ts";
import { canonicalJson } from "#src/lib/canonical-json.ts";

// An edition's content as a tree, whether it comes from pinned items or from the living draft:
// what rendering and comparison work on.

/** A pinned section: its revisions per language and its status when pinned (editions pinned before it was kept count as ready). */
export type SnapshotSection = { id: string; slug: string; status: SectionStatus; revisions: Partial<Record<Language, number>> };
export type SnapshotChapter = { id: string; slug: string; kind: ChapterKind; titles: LocalizedText; sections: SnapshotSection[] };
/** The tree, then the evidence it pins, kind by kind (see the evidence registry). */
export type Snapshot = { chapters: SnapshotChapter[] } & PinnedEvidence;

/** The living draft as a snapshot: what freezing pins. */
export function snapshotOfDraft(draft: Draft, evidence: PinnedEvidence = NO_EVIDENCE): Snapshot {
  return {
    ...evidence,
    chapters: draft.chapters.map((c) => ({
      id: c.id,
      slug: c.slug,
      kind: c.kind,
      titles: c.titles,
      sections: c.sections.map((s) => ({
        id: s.id,
        slug: s.slug,
        status: s.status,
        revisions: Object.fromEntries(Object.entries(s.texts).map(([lang, text]) => [lang, text.revisionId])),
      })),
    })),
  };
}

/** An edition's pinned item as stored. */
export type PinnedItem = { kind: PinnedKind; ref: string; version: string; position: number; payload: Record<string, unknown> };

/** A snapshot as pinned items: one per chapter, per section (the version is the primary revision), then the evidence, kind by kind. */
export function itemsOfSnapshot(snapshot: Snapshot, primary: Language): PinnedItem[] {
  const outline: PinnedItem[] = snapshot.chapters.flatMap((c, ci) => [
    { kind: "chapter" as const, ref: c.id, version: "1", position: ci, payload: { slug: c.slug, kind: c.kind, titles: c.titles } },
    ...c.sections.map((s, si) => ({
      kind: "section" as const,
      ref: s.id,
      version: String(s.revisions[primary] ?? 0),
      position: ci * 10_000 + si,
      payload: { chapterId: c.id, slug: s.slug, status: s.status, revisions: s.revisions },
    })),
  ]);
  return [...outline, ...itemsOfEvidence(snapshot)];
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
    const p = item.payload as { chapterId: string; slug: string; status?: SectionStatus; revisions: SnapshotSection["revisions"] };
    chapters.find((c) => c.id === p.chapterId)?.sections.push({ id: item.ref, slug: p.slug, status: p.status ?? "ready", revisions: p.revisions });
  }
  return { chapters, ...evidenceOfItems(items) };
}

/** Every revision id a snapshot uses, to load their texts in one query. */
export const revisionIds = (snapshot: Snapshot) => snapshot.chapters.flatMap((c) => c.sections.flatMap((s) => Object.values(s.revisions))).filter((id): id is number => typeof id === "number");

/** A stable SHA-256 of an edition's metadata and pinned items (in any order: as pinned, or as stored). */
export function contentHash(meta: Record<string, unknown>, items: ReturnType<typeof itemsOfSnapshot>): string {
  const byKey = [...items].sort((a, b) => (a.kind === b.kind ? (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0) : a.kind < b.kind ? -1 : 1));
  const canonical = canonicalJson({ meta, items: byKey.map((i) => [i.kind, i.ref, i.version, i.position, i.payload]) });
  return createHash("sha256").update(canonical).digest("hex");
}
