import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import type { Resolver } from "#src/content/html.ts";
import { compareSnapshots, diffBlocks, type CompareSide } from "#src/features/editions/compare.ts";
import type { Snapshot, SnapshotChapter } from "#src/features/editions/snapshot.ts";
import { ComparisonView } from "#src/features/editions/views/compare.tsx";
import { translator } from "#src/i18n/i18n.ts";
import { NO_EVIDENCE } from "#src/features/reports/evidence-kinds.ts";

// Two versions of a small report, built by hand: what a comparison finds between them.

type Texts = Record<string, { heading: string; body: string }>;

const chapter = (id: string, title: string, sections: string[]): SnapshotChapter => ({
  id,
  slug: id,
  kind: "topic",
  titles: { en: title },
  sections: sections.map((s) => ({ id: s, slug: s, status: "ready", revisions: { en: 0 } })),
});

/** A side whose every section's English text is `texts[section id]`, with revision ids numbered per side. */
function side(label: string, chapters: SnapshotChapter[], texts: Texts, resolve: Resolver = () => undefined): CompareSide {
  const revisions = new Map<number, { heading: string; body: string }>();
  let id = label === "2019" ? 1000 : 2000;
  for (const c of chapters)
    for (const s of c.sections) {
      s.revisions = { en: ++id };
      revisions.set(id, texts[s.id]!);
    }
  const snapshot: Snapshot = { ...NO_EVIDENCE, chapters };
  return { snapshot, revisions, resolve, href: (c, s) => `/reports/r/${label}/en/${c}${s ? `#${s}` : ""}` };
}

const text = (heading: string, body = `The text of ${heading}.`) => ({ heading, body });
const BEFORE: Texts = {
  why: text("Why this report"),
  living: text("A living document"),
  "ai-what": text("What it is", "Artificial intelligence here means systems that learn **patterns** from data.\n\n::figure{ref=adoption}\n\n| Use | Members |\n|---|---|\n| Risk | 9 |"),
  "ai-links": text("Links with other technologies"),
  "iot-what": text("What it is"),
  "drones-what": text("What it is"),
};
const AFTER: Texts = {
  ...BEFORE,
  "ai-what": text("What it is", "Big data and artificial intelligence here mean systems that learn **patterns** from large data sets.\n\n::figure{ref=adoption}\n\n| Use | Members |\n|---|---|\n| Risk | 12 |"),
  living: text("A document that lives", BEFORE.living!.body),
  "rec-what": text("What members recommend", "::recommendation{ref=start}"),
};
const figures: Resolver = (kind, ref) => (kind === "figure" && ref === "adoption" ? { title: "Adoption by technology", figure: { src: "", alt: "", caption: "", n: 1, source: "", dataHref: "" } } : undefined);

async function compareDemo() {
  const from = side("2019", [chapter("introduction", "Introduction", ["why", "living"]), chapter("ai", "Artificial intelligence", ["ai-what", "ai-links"]), chapter("iot", "Internet of Things", ["iot-what"]), chapter("drones", "Drones", ["drones-what"])], BEFORE, figures);
  const to = side(
    "2022",
    [
      chapter("introduction", "Introduction", ["living", "why"]),
      chapter("iot", "Internet of Things", ["iot-what", "ai-links"]),
      chapter("ai", "Big data, data analytics, AI and machine learning", ["ai-what"]),
      chapter("recommendations", "Recommendations", ["rec-what"]),
    ],
    AFTER,
    figures,
  );
  return compareSnapshots(from, to, "en", "en");
}

describe("comparing two versions of a report", () => {
  it("shows a renamed chapter as renamed and a chapter that changed place as moved, never as removed and added", async () => {
    const comparison = await compareDemo();
    const ai = comparison.chapters.find((c) => c.id === "ai")!;
    expect(ai).toMatchObject({ status: "kept", renamed: true, from: { title: "Artificial intelligence", number: 2 }, to: { title: "Big data, data analytics, AI and machine learning", number: 3 } });
    // Of "ai" and "iot", whose order swapped, one is the one that moved.
    expect(comparison.chapters.filter((c) => c.moved).map((c) => c.id)).toHaveLength(1);
    expect(comparison.chapters.find((c) => c.id === "recommendations")!.status).toBe("added");
    expect(comparison.chapters.find((c) => c.id === "drones")!.status).toBe("removed");
    expect(comparison.counts.chapters).toEqual({ added: 1, removed: 1, renamed: 1, moved: 1, unchanged: 2 });
  });

  it("shows a section in another chapter or another place as moved, with links to both places", async () => {
    const comparison = await compareDemo();
    const links = comparison.chapters.find((c) => c.id === "iot")!.sections.find((s) => s.id === "ai-links")!;
    expect(links).toMatchObject({ status: "kept", moved: true, changed: false, renamed: false });
    expect(links.from).toMatchObject({ number: "2.2", href: "/reports/r/2019/en/ai#ai-links", chapter: { title: "Artificial intelligence" } });
    expect(links.to).toMatchObject({ number: "2.2", href: "/reports/r/2022/en/iot#ai-links", chapter: { title: "Internet of Things" } });
    // Two sections that swapped places in their chapter: one moved, and the renamed one says so.
    const intro = comparison.chapters.find((c) => c.id === "introduction")!;
    expect(intro.sections.filter((s) => s.moved)).toHaveLength(1);
    const living = intro.sections.find((s) => s.id === "living")!;
    expect(living.renamed).toBe(true);
    expect(living.headingDiff.filter((p) => p.added).map((p) => p.value.trim())).toContain("that lives");
    expect(comparison.counts.sections).toMatchObject({ added: 1, removed: 1, moved: 2, renamed: 1, changed: 1, unchanged: 1 });
  });

  it("compares texts as readers see them: words marked, no Markdown or directive syntax anywhere", async () => {
    const comparison = await compareDemo();
    const what = comparison.chapters.find((c) => c.id === "ai")!.sections.find((s) => s.id === "ai-what")!;
    expect(what.changed).toBe(true);
    expect(what.blocks.map((b) => [b.kind, b.status])).toEqual([
      ["paragraph", "changed"],
      ["figure", "same"],
      ["row", "same"],
      ["row", "changed"],
    ]);
    const paragraph = what.blocks[0]!.parts;
    expect(paragraph.filter((p) => p.added).map((p) => p.value)).toEqual(["Big data and artificial", "mean", "large ", "sets"]);
    expect(paragraph.filter((p) => p.removed).map((p) => p.value)).toEqual(["Artificial", "means"]);
    const html = renderToString(h(ComparisonView, { t: translator("en"), comparison, names: { from: "the 2019 edition", to: "the 2022 edition" } }));
    for (const syntax of ["**", "::", "{ref=", "|---|", "| Risk"]) expect(html).not.toContain(syntax);
    expect(html).toContain("Renamed: “Artificial intelligence” → “Big data, data analytics, AI and machine learning”");
    expect(html).toMatch(/<span class="visually-hidden">Inserted: <\/span><ins>Big data and artificial<\/ins>/);
    expect(html).toMatch(/<td><span class="visually-hidden">Deleted: <\/span><del>9<\/del>/);
    expect(html).toContain('<a href="/reports/r/2019/en/ai#ai-what">Section 2.1 in the 2019 edition</a>');
    expect(html).toContain('<a href="/reports/r/2022/en/ai#ai-what">Section 3.1 in the 2022 edition</a>');
    expect(html).toContain("Adoption by technology");
  });

  it("lists nothing when nothing changed", async () => {
    const chapters = () => [chapter("introduction", "Introduction", ["why", "living"])];
    const comparison = await compareSnapshots(side("2019", chapters(), BEFORE), side("2022", chapters(), BEFORE), "en", "en");
    expect(comparison.chapters).toEqual([]);
    expect(comparison.counts.sections.unchanged).toBe(2);
  });
});

describe("a block-wise, then word-wise diff", () => {
  const p = (text: string) => ({ kind: "paragraph" as const, text });
  it("pairs a changed paragraph with its new version and keeps added and removed ones whole", () => {
    const result = diffBlocks([p("One two three."), p("A paragraph that goes away entirely."), p("Same.")], [p("One two three four."), p("Same."), p("Brand new words here.")]);
    expect(result.map((b) => b.status)).toEqual(["changed", "removed", "same", "added"]);
    expect(result[0]!.parts.filter((x) => x.added).map((x) => x.value)).toEqual(["four"]);
  });
});
