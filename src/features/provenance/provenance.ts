import type { Db } from "#src/db/client.ts";
import { localized, type Language } from "#src/domain/languages.ts";
import { caseStudiesBySlug } from "#src/features/case-studies/read.ts";
import * as events from "#src/features/events/repository.ts";
import { editionsPinning, referencesOf, sectionsReferencing, type Ref } from "#src/features/provenance/repository.ts";
import { loadDraft } from "#src/features/reports/draft.ts";
import { commentsOnSections } from "#src/features/reviews/repository.ts";
import { figuresBySlugs } from "#src/features/surveys/repository.ts";

// Where the words came from, and where the inputs went: the provenance of a section, and the
// traceability matrix of a report (inputs × chapters). Both read the references the current
// texts place (section_references), the sources of each recommendation, and review comments.

/** What fed one section: the evidence its text places, the outcomes behind its recommendations, the comments made on it. */
export async function sectionProvenance(db: Db, sectionId: string, lang: Language) {
  const refs = await referencesOf(db, [sectionId]);
  const slugs = (kind: Ref["kind"]) => [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.ref))];
  const [caseStudies, figures, recommendations, comments] = await Promise.all([caseStudiesBySlug(db, slugs("case-study")), figuresBySlugs(db, slugs("figure")), events.recommendationsBySlugs(db, slugs("recommendation")), commentsOnSections(db, [sectionId])]);
  const sourceIds = new Map(await Promise.all(recommendations.map(async (r) => [r.id, await events.sourceIdsOf(db, r.id)] as const)));
  const outcomes = await events.outcomesWithEvents(db, [...new Set([...sourceIds.values()].flat())]);
  return {
    caseStudies: [...caseStudies.values()],
    figures: figures.map((f) => ({ slug: f.slug, title: localized(f.titles, lang, "en") })),
    recommendations: recommendations.map((r) => ({ ...r, text: localized(r.texts, lang, "en"), sources: outcomes.filter((o) => sourceIds.get(r.id)?.includes(o.outcome.id)) })),
    outcomes,
    comments,
  };
}

/** Where a recommendation stands: sections of the living draft that place it, and editions that pinned it. */
export async function reflectedIn(db: Db, recommendation: { id: string; slug: string }) {
  const [sections, editions] = await Promise.all([sectionsReferencing(db, "recommendation", recommendation.slug), editionsPinning(db, "recommendation", recommendation.id)]);
  // One line per section, whatever the number of languages that place it.
  const seen = new Set<string>();
  return { sections: sections.filter((s) => !seen.has(s.sectionId) && seen.add(s.sectionId)), editions };
}

export const INPUT_KINDS = ["case-study", "figure", "recommendation", "outcome", "comment"] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

export type MatrixRow = { kind: InputKind; key: string; label: string; href: string | null; cells: Record<string, number>; total: number };
export type Matrix = { chapters: { id: string; number: string; title: string }[]; rows: MatrixRow[] };

/** Inputs × chapters of a report's living draft: each cell counts the chapter's sections an input fed. Rows of one kind only when `kind` is given. */
export async function traceability(db: Db, reportSlug: string, lang: Language, kind?: InputKind): Promise<Matrix> {
  const draft = await loadDraft(db, reportSlug);
  const chapterOf = new Map(draft.chapters.flatMap((c) => c.sections.map((s) => [s.id, c.id] as const)));
  const refs = await referencesOf(db, [...chapterOf.keys()]);
  const slugs = (kind: Ref["kind"]) => [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.ref))];
  const [caseStudies, figures, recommendations, comments] = await Promise.all([caseStudiesBySlug(db, slugs("case-study")), figuresBySlugs(db, slugs("figure")), events.recommendationsBySlugs(db, slugs("recommendation")), commentsOnSections(db, [...chapterOf.keys()])]);

  const rows = new Map<string, MatrixRow & { sections: Set<string> }>();
  const feed = (kind: InputKind, key: string, label: string, href: string | null, sectionId: string) => {
    const id = `${kind}:${key}`;
    const row = rows.get(id) ?? { kind, key, label, href, cells: {}, total: 0, sections: new Set<string>() };
    rows.set(id, row);
    if (row.sections.has(sectionId)) return;
    row.sections.add(sectionId);
    const chapterId = chapterOf.get(sectionId)!;
    row.cells[chapterId] = (row.cells[chapterId] ?? 0) + 1;
    row.total++;
  };
  const recBySlug = new Map(recommendations.map((r) => [r.slug, r]));
  const sourcesOf = new Map(await Promise.all(recommendations.map(async (r) => [r.id, await events.sourceIdsOf(db, r.id)] as const)));
  const outcomes = new Map((await events.outcomesWithEvents(db, [...new Set([...sourcesOf.values()].flat())])).map((o) => [o.outcome.id, o]));
  for (const r of refs) {
    if (r.kind === "case-study") {
      const cs = caseStudies.get(r.ref);
      feed("case-study", r.ref, cs?.title ?? r.ref, cs ? (cs.state === "published" ? `/case-studies/${cs.slug}` : `/member/case-studies/${cs.id}`) : null, r.sectionId);
    } else if (r.kind === "figure") {
      const f = figures.find((x) => x.slug === r.ref);
      feed("figure", r.ref, f ? localized(f.titles, lang, "en") : r.ref, f ? `/figures/${f.slug}.svg` : null, r.sectionId);
    } else {
      const rec = recBySlug.get(r.ref);
      feed("recommendation", r.ref, rec ? `${rec.slug}: ${localized(rec.texts, lang, "en")}` : r.ref, rec ? `/editor/recommendations/${rec.id}` : null, r.sectionId);
      for (const outcomeId of rec ? (sourcesOf.get(rec.id) ?? []) : []) {
        const o = outcomes.get(outcomeId);
        if (o) feed("outcome", outcomeId, `${o.event.title}: ${localized(o.outcome.texts, lang, "en")}`, `/editor/events/${o.event.id}#outcome-${outcomeId}`, r.sectionId);
      }
    }
  }
  for (const c of comments) feed("comment", c.id, `${c.organizationName ?? "—"} (${c.roundTitle}): ${c.body}`, `/editor/reviews/${c.roundId}#comment-${c.id}`, c.sectionId);

  const order = (k: InputKind) => INPUT_KINDS.indexOf(k);
  return {
    chapters: draft.chapters.map((c, i) => ({ id: c.id, number: String(i + 1), title: localized(c.titles, lang, draft.primary) })),
    rows: [...rows.values()]
      .filter((row) => !kind || row.kind === kind)
      .map(({ sections: _s, ...row }) => row)
      .sort((a, b) => order(a.kind) - order(b.kind) || a.label.localeCompare(b.label)),
  };
}

/** The matrix as a spreadsheet: one row per input, one column per chapter. */
export async function traceabilityXlsx(matrix: Matrix, labels: { kind: string; input: string; total: string; kinds: Record<InputKind, string> }): Promise<Buffer> {
  const { default: Excel } = await import("exceljs"); // loaded when needed: it takes 0.15 s
  const book = new Excel.Workbook();
  const sheet = book.addWorksheet("Traceability");
  sheet.addRow([labels.kind, labels.input, ...matrix.chapters.map((c) => `${c.number} ${c.title}`), labels.total]).font = { bold: true };
  for (const row of matrix.rows) sheet.addRow([labels.kinds[row.kind], row.label, ...matrix.chapters.map((c) => row.cells[c.id] ?? null), row.total]);
  sheet.views = [{ state: "frozen", xSplit: 2, ySplit: 1 }];
  sheet.getColumn(2).width = 60;
  return Buffer.from(await book.xlsx.writeBuffer());
}
