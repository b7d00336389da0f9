import type { Snapshot } from "#src/features/editions/snapshot.ts";
import type { Language, LocalizedText } from "#src/domain/languages.ts";
import { wordDiff, type DiffPart } from "#src/lib/merge.ts";
import type { RevisionRow } from "#src/features/reports/repository.ts";

type Where = { chapter: LocalizedText; heading: string; slug: string };
export type Comparison = {
  chaptersAdded: LocalizedText[];
  chaptersRemoved: LocalizedText[];
  added: Where[];
  removed: Where[];
  moved: (Where & { from: LocalizedText })[];
  changed: (Where & { heading: string; headingDiff: DiffPart[]; bodyDiff: DiffPart[] })[];
};

type Located = { chapterId: string; chapterTitles: LocalizedText; index: number; slug: string; revision: number | undefined };

function locate(snapshot: Snapshot, lang: Language) {
  const map = new Map<string, Located>();
  for (const c of snapshot.chapters) c.sections.forEach((s, index) => map.set(s.id, { chapterId: c.id, chapterTitles: c.titles, index, slug: s.slug, revision: s.revisions[lang] }));
  return map;
}

/**
 * What changed between two snapshots of a report in one language: chapters and sections added
 * and removed, sections moved (to another chapter or another place) and sections whose text
 * changed, with a word diff of each.
 */
export function compareSnapshots(from: Snapshot, to: Snapshot, revisions: Map<number, RevisionRow>, lang: Language): Comparison {
  const a = locate(from, lang);
  const b = locate(to, lang);
  const text = (id: number | undefined) => (id === undefined ? undefined : revisions.get(id));
  const where = (l: Located): Where => ({ chapter: l.chapterTitles, heading: text(l.revision)?.heading ?? l.slug, slug: l.slug });
  const fromChapters = new Set(from.chapters.map((c) => c.id));
  const toChapters = new Set(to.chapters.map((c) => c.id));
  const result: Comparison = {
    chaptersAdded: to.chapters.filter((c) => !fromChapters.has(c.id)).map((c) => c.titles),
    chaptersRemoved: from.chapters.filter((c) => !toChapters.has(c.id)).map((c) => c.titles),
    added: [],
    removed: [],
    moved: [],
    changed: [],
  };
  for (const [id, before] of a) if (!b.has(id)) result.removed.push(where(before));
  for (const [id, after] of b) {
    const before = a.get(id);
    if (!before) {
      result.added.push(where(after));
      continue;
    }
    if (before.chapterId !== after.chapterId || before.index !== after.index) result.moved.push({ ...where(after), from: before.chapterTitles });
    if (before.revision !== after.revision) {
      const old = text(before.revision);
      const now = text(after.revision);
      result.changed.push({
        ...where(after),
        headingDiff: wordDiff(old?.heading ?? "", now?.heading ?? ""),
        bodyDiff: wordDiff(old?.body ?? "", now?.body ?? ""),
      });
    }
  }
  return result;
}
