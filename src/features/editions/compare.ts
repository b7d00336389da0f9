import { diffArrays } from "diff";
import type { Resolver } from "#src/content/html.ts";
import { textBlocks, type TextBlock } from "#src/content/text-blocks.ts";
import type { Snapshot, SnapshotChapter, SnapshotSection } from "#src/features/editions/snapshot.ts";
import { chooseText, localized, type Language } from "#src/domain/languages.ts";
import { typeset } from "#src/i18n/typography.ts";
import { wordDiff, type DiffPart } from "#src/lib/merge.ts";
import { yieldEvery } from "#src/lib/turns.ts";

// Two versions of a report (editions, or an edition and the living draft) compared in one
// language, as readers see them. Chapters and sections are matched by identity, so a renamed
// chapter is renamed (not removed and added) and a section that changed place is moved; texts
// are compared as rendered words, block by block and then word by word, never as Markdown.

/** One side of a comparison: its tree, the texts it pins, how its evidence shows, where it is read. */
export type CompareSide = {
  snapshot: Snapshot;
  /** Section texts by revision id. */
  revisions: Map<number, { heading: string; body: string }>;
  /** How its evidence directives show (a figure's title, a recommendation's words). */
  resolve: Resolver;
  /** The address of a chapter (and a section's anchor in it) on this side, in the language compared. */
  href: (chapterSlug: string, sectionSlug?: string) => string;
};

export type ChapterPlace = { id: string; slug: string; title: string; number: number; href: string };
export type SectionPlace = { id: string; slug: string; heading: string; number: string; href: string; chapter: ChapterPlace; lang: Language };

/** A block of the compared text: the same on both sides, only on one, or changed (with its word diff). */
export type BlockChange = Omit<TextBlock, "text"> & { status: "same" | "added" | "removed" | "changed"; parts: DiffPart[] };

export type SectionChange = {
  id: string;
  from?: SectionPlace;
  to?: SectionPlace;
  status: "added" | "removed" | "kept";
  /** In another chapter, or in another order among the sections both sides share. */
  moved: boolean;
  /** Its heading reads differently. */
  renamed: boolean;
  /** Its text reads differently. */
  changed: boolean;
  headingDiff: DiffPart[];
  /** The text, block by block, when it changed. */
  blocks: BlockChange[];
};

export type ChapterChange = {
  id: string;
  from?: ChapterPlace;
  to?: ChapterPlace;
  status: "added" | "removed" | "kept";
  /** Its title reads differently in the language compared. */
  renamed: boolean;
  /** In another order among the chapters both sides share. */
  moved: boolean;
  /** Its sections that are not the same on both sides (added, removed, moved in, renamed or changed). */
  sections: SectionChange[];
};

export type CompareCounts = {
  chapters: { added: number; removed: number; renamed: number; moved: number; unchanged: number };
  sections: { added: number; removed: number; moved: number; renamed: number; changed: number; unchanged: number };
};

export type Comparison = { lang: Language; chapters: ChapterChange[]; counts: CompareCounts };

/**
 * The ids of `a` that keep their relative order in `b` (a longest common subsequence); the others
 * moved. Of two equally long answers, the one whose moved items went further: when one section
 * goes up two places, it is the one that moved, not the one it passed.
 */
function inOrder(a: string[], b: string[]): Set<string> {
  const shared = new Set(b);
  const x = a.filter((id) => shared.has(id));
  const present = new Set(x);
  const y = b.filter((id) => present.has(id));
  const keptBy = (p: string[], q: string[]) => {
    const kept = new Set<string>();
    for (const part of diffArrays(p, q)) if (!part.added && !part.removed) for (const id of part.value) kept.add(id);
    return kept;
  };
  const distance = (kept: Set<string>) => x.reduce((sum, id) => sum + (kept.has(id) ? 0 : Math.abs(a.indexOf(id) - b.indexOf(id))), 0);
  const forward = keptBy(x, y);
  const backward = keptBy([...x].reverse(), [...y].reverse());
  if (backward.size !== forward.size) return backward.size > forward.size ? backward : forward;
  return distance(backward) > distance(forward) ? backward : forward;
}

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
function similarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (!x.size && !y.size) return 1;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / (x.size + y.size - common);
}

const shapeOf = ({ text: _, ...shape }: TextBlock) => shape;
const keyOf = (b: TextBlock) => `${b.kind}|${b.level ?? ""}|${b.ordered ? 1 : 0}|${b.head ? 1 : 0}|${b.text}`;
const whole = (b: TextBlock, status: "same" | "added" | "removed"): BlockChange => ({ ...shapeOf(b), status, parts: [{ value: b.text, added: status === "added", removed: status === "removed" }] });

/**
 * Two texts' blocks compared: blocks equal on both sides are kept, then within each stretch
 * that differs, a removed block and an added one of the same kind that share enough words are
 * paired and diffed word by word; the rest are removed or added whole.
 */
export function diffBlocks(before: TextBlock[], after: TextBlock[]): BlockChange[] {
  const out: BlockChange[] = [];
  let removed: TextBlock[] = [];
  let added: TextBlock[] = [];
  const flush = () => {
    // Pairs in order on both sides: a removed block is paired with the first later added one that resembles it.
    let next = 0;
    for (const r of removed) {
      const single = removed.length === 1 && added.length === 1;
      const at = added.findIndex((a, i) => i >= next && a.kind === r.kind && (single || similarity(r.text, a.text) >= 0.3));
      if (at < 0) {
        out.push(whole(r, "removed"));
        continue;
      }
      for (const a of added.slice(next, at)) out.push(whole(a, "added"));
      const a = added[at]!;
      out.push({ ...shapeOf(a), status: "changed", parts: wordDiff(r.text, a.text) });
      next = at + 1;
    }
    for (const a of added.slice(next)) out.push(whole(a, "added"));
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  for (const part of diffArrays(before.map(keyOf), after.map(keyOf))) {
    const n = part.value.length;
    if (part.removed) removed.push(...before.slice(i, (i += n)));
    else if (part.added) added.push(...after.slice(j, (j += n)));
    else {
      flush();
      for (const b of after.slice(j, j + n)) out.push(whole(b, "same"));
      i += n;
      j += n;
    }
  }
  flush();
  return out;
}

type Located = { chapter: SnapshotChapter; chapterIndex: number; section: SnapshotSection; index: number };
const locate = (snapshot: Snapshot) => {
  const map = new Map<string, Located>();
  snapshot.chapters.forEach((chapter, chapterIndex) => chapter.sections.forEach((section, index) => map.set(section.id, { chapter, chapterIndex, section, index })));
  return map;
};

/**
 * What changed from one version of a report to another, in one language: chapters added,
 * removed, renamed or moved; sections added, removed, moved, renamed or changed, with their text
 * compared as readers see it. Texts are read one section at a time (large ones on the worker
 * pool), with a turn of the event loop between sections.
 */
export async function compareSnapshots(from: CompareSide, to: CompareSide, lang: Language, primary: Language): Promise<Comparison> {
  const chapterPlace = (side: CompareSide, c: SnapshotChapter, index: number): ChapterPlace => ({ id: c.id, slug: c.slug, title: localized(c.titles, lang, primary), number: index + 1, href: side.href(c.slug) });
  const textOf = (side: CompareSide, s: SnapshotSection) => {
    const chosen = chooseText(side.revisions.get(s.revisions[lang] ?? -1), side.revisions.get(s.revisions[primary] ?? -1), lang, primary);
    return { heading: typeset(chosen.text?.heading ?? s.slug, chosen.lang), body: chosen.text?.body ?? "", lang: chosen.lang };
  };
  const sectionPlace = (side: CompareSide, l: Located): SectionPlace => {
    const text = textOf(side, l.section);
    const chapter = chapterPlace(side, l.chapter, l.chapterIndex);
    return { id: l.section.id, slug: l.section.slug, heading: text.heading, number: `${chapter.number}.${l.index + 1}`, href: side.href(l.chapter.slug, l.section.slug), chapter, lang: text.lang };
  };

  const counts: CompareCounts = { chapters: { added: 0, removed: 0, renamed: 0, moved: 0, unchanged: 0 }, sections: { added: 0, removed: 0, moved: 0, renamed: 0, changed: 0, unchanged: 0 } };
  const a = locate(from.snapshot);
  const b = locate(to.snapshot);
  const fromChapters = new Map(from.snapshot.chapters.map((c, i) => [c.id, chapterPlace(from, c, i)]));
  const toChapters = new Map(to.snapshot.chapters.map((c, i) => [c.id, chapterPlace(to, c, i)]));
  const chaptersInOrder = inOrder([...fromChapters.keys()], [...toChapters.keys()]);

  const chapters = new Map<string, ChapterChange>();
  for (const [id, after] of toChapters) {
    const before = fromChapters.get(id);
    const change: ChapterChange = before
      ? { id, from: before, to: after, status: "kept", renamed: before.title !== after.title, moved: !chaptersInOrder.has(id), sections: [] }
      : { id, to: after, status: "added", renamed: false, moved: false, sections: [] };
    chapters.set(id, change);
  }
  for (const [id, before] of fromChapters) if (!toChapters.has(id)) chapters.set(id, { id, from: before, status: "removed", renamed: false, moved: false, sections: [] });
  for (const c of chapters.values()) {
    if (c.status !== "kept") counts.chapters[c.status]++;
    else if (!c.renamed && !c.moved) counts.chapters.unchanged++;
    if (c.renamed) counts.chapters.renamed++;
    if (c.moved) counts.chapters.moved++;
  }

  // Within a chapter both sides share, the order of the sections both keep there.
  const sectionsInOrder = new Set<string>();
  for (const chapter of to.snapshot.chapters) {
    const before = from.snapshot.chapters.find((c) => c.id === chapter.id);
    if (!before) continue;
    for (const id of inOrder(
      before.sections.map((s) => s.id),
      chapter.sections.map((s) => s.id),
    ))
      sectionsInOrder.add(id);
  }

  // Other requests get their turn while a long report is compared.
  const pause = yieldEvery(8);
  for (const [id, after] of b) {
    const before = a.get(id);
    const place = sectionPlace(to, after);
    if (!before) {
      chapters.get(after.chapter.id)!.sections.push({ id, to: place, status: "added", moved: false, renamed: false, changed: false, headingDiff: [], blocks: [] });
      counts.sections.added++;
      continue;
    }
    const was = sectionPlace(from, before);
    const moved = before.chapter.id !== after.chapter.id || !sectionsInOrder.has(id);
    const renamed = was.heading !== place.heading;
    const [old, now] = [textOf(from, before.section), textOf(to, after.section)];
    const blocks = diffBlocks(await textBlocks(old.body, { textLang: old.lang, resolve: from.resolve }), await textBlocks(now.body, { textLang: now.lang, resolve: to.resolve }));
    const changed = blocks.some((x) => x.status !== "same");
    if (moved) counts.sections.moved++;
    if (renamed) counts.sections.renamed++;
    if (changed) counts.sections.changed++;
    if (moved || renamed || changed) {
      chapters.get(after.chapter.id)!.sections.push({ id, from: was, to: place, status: "kept", moved, renamed, changed, headingDiff: renamed ? wordDiff(was.heading, place.heading) : [], blocks: changed ? blocks : [] });
    } else counts.sections.unchanged++;
    await pause();
  }
  for (const [id, before] of a) {
    if (b.has(id)) continue;
    // A removed section is shown where it was: in its chapter, if that chapter is still there.
    chapters.get(before.chapter.id)!.sections.push({ id, from: sectionPlace(from, before), status: "removed", moved: false, renamed: false, changed: false, headingDiff: [], blocks: [] });
    counts.sections.removed++;
  }
  // In each chapter, sections in their order (a removed one just before the place it had).
  const order = new Map<string, number>();
  for (const [id, l] of a) order.set(id, l.index - 0.5);
  for (const [id, l] of b) order.set(id, l.index);
  for (const c of chapters.values()) c.sections.sort((x, y) => order.get(x.id)! - order.get(y.id)!);

  const listed = [...chapters.values()].filter((c) => c.status !== "kept" || c.renamed || c.moved || c.sections.length > 0);
  return { lang, chapters: listed, counts };
}
