import { inspectText, type TextInspection } from "#src/content/inspect.ts";
import type { Reference } from "#src/content/directives.ts";
import type { Db } from "#src/db/client.ts";
import { ANNEX_PATH, type Finding, type FindingSeverity } from "#src/domain/editions.ts";
import { localized, primaryOf, type Language, type LocalizedText } from "#src/domain/languages.ts";
import type { EvidenceInspection, EvidenceProblem, ReferenceKind, SectionStatus } from "#src/domain/reports.ts";
import { getReport, type ReportRow } from "#src/features/catalog/repository.ts";
import * as repo from "#src/features/editions/repository.ts";
import { loadSnapshot, revisionIds } from "#src/features/editions/snapshot.ts";
import { editionTextState, missingEditionTexts, missingTextsKey } from "#src/features/editions/texts.ts";
import { loadDraft, translationState, type SectionText } from "#src/features/reports/draft.ts";
import { inspectEvidence, type PinnedEvidence } from "#src/features/reports/evidence-kinds.ts";
import { appError } from "#src/lib/errors.ts";
import { yieldEvery } from "#src/lib/turns.ts";

// The checks before an edition goes out. One function per subject (an edition as frozen, the
// living draft as it is now), each answering every finding with its severity, where it is and
// where to fix it. Errors block publishing; warnings need an acknowledgement with a note.
//
// Both subjects are read into the same shape (chapters, sections, their texts per language) and
// go through the same checks; an edition adds what it pinned (the evidence as readers get it) and
// its own words per language. Evidence is asked about through the evidence registry. Every text
// is read once per content (content/inspect.ts keeps the answer by its bytes), large ones on the
// worker pool, and the event loop gets a turn between texts.

export type Findings = { findings: Finding[]; errors: number; warnings: number };

export const countFindings = (findings: Finding[]): Findings => ({
  findings,
  errors: findings.filter((f) => f.severity === "error").length,
  warnings: findings.filter((f) => f.severity === "warning").length,
});

/** The codes of the warnings found, each once and sorted: what an acknowledgement names. */
export const warningCodes = ({ findings }: Findings): string[] => [...new Set(findings.filter((f) => f.severity === "warning").map((f) => f.code))].sort();

type CheckedSection = { id: string; slug: string; status: SectionStatus; texts: Partial<Record<Language, SectionText>> };
type CheckedChapter = { id: string; slug: string; titles: LocalizedText; sections: readonly CheckedSection[] };
type Subject = {
  report: ReportRow;
  primary: Language;
  chapters: readonly CheckedChapter[];
  /** For an edition: the row and what it pinned. */
  edition?: { row: repo.EditionRow; pinned: PinnedEvidence };
  /** Only this section's findings (the section editor's). */
  only?: string;
};

/** The findings of an edition, from what it pinned. */
export async function checkEdition(db: Db, editionId: string): Promise<Findings> {
  const row = await repo.getEdition(db, editionId);
  if (!row) throw appError("NOT_FOUND");
  const report = (await getReport(db, row.reportId))!;
  const snapshot = await loadSnapshot(db, row.id);
  const revisions = new Map((await repo.revisionsByIds(db, revisionIds(snapshot))).map((r) => [r.id, r]));
  const chapters = snapshot.chapters.map((c) => ({
    id: c.id,
    slug: c.slug,
    titles: c.titles,
    sections: c.sections.map((s) => {
      const texts: CheckedSection["texts"] = {};
      for (const [lang, id] of Object.entries(s.revisions) as [Language, number][]) {
        const r = revisions.get(id);
        if (r) texts[lang] = { revisionId: r.id, heading: r.heading, body: r.body, sourceRevisionId: r.sourceRevisionId, updatedAt: r.createdAt };
      }
      return { id: s.id, slug: s.slug, status: s.status, texts };
    }),
  }));
  const { chapters: _, ...pinned } = snapshot;
  return check(db, { report, primary: primaryOf(report), chapters, edition: { row, pinned } });
}

/** The findings of a report's living draft, as it is now. */
export async function checkDraft(db: Db, reportSlug: string): Promise<Findings> {
  const draft = await loadDraft(db, reportSlug);
  return check(db, { report: draft.report, primary: draft.primary, chapters: draft.chapters });
}

/** The findings of one section of the living draft (only its own texts and evidence are read). */
export async function checkSection(db: Db, reportSlug: string, sectionId: string): Promise<Findings> {
  const draft = await loadDraft(db, reportSlug);
  return check(db, { report: draft.report, primary: draft.primary, chapters: draft.chapters, only: sectionId });
}

// Where each check sends the editor to fix it.
const sectionEditor = (sectionId: string, lang: Language) => `/editor/sections/${sectionId}/${lang}`;
/** The outline at the chapter; with a language, its rename form is set to that language (never the interface's). */
const chapterEditor = (report: ReportRow, chapterId: string, lang?: Language) => `/editor/reports/${report.slug}${lang ? `?lang=${lang}` : ""}#ch-${chapterId}`;

/** Where one placed piece of evidence is: the section and the languages whose texts place it. */
type Placement = { chapter: CheckedChapter; section: CheckedSection; languages: Language[] };

async function check(db: Db, subject: Subject): Promise<Findings> {
  const { report, primary, chapters } = subject;
  const languages = report.languages;
  const translations = languages.filter((l) => l !== primary);
  const findings: Finding[] = [];
  const headingOf = (s: CheckedSection) => s.texts[primary]?.heading.trim() || s.slug;
  const at = (chapter: CheckedChapter, section?: CheckedSection, language?: Language, ref?: string) => ({
    where: {
      chapterId: chapter.id,
      chapterSlug: chapter.slug,
      ...(section ? { sectionId: section.id, sectionSlug: section.slug } : {}),
      ...(language ? { language } : {}),
      ...(ref ? { ref } : {}),
    },
    // The location in words, for lists (messages leave them out).
    names: { chapter: localized(chapter.titles, primary, primary), ...(section ? { section: headingOf(section) } : {}) },
  });
  const add = (severity: FindingSeverity, code: string, place: ReturnType<typeof at>, fix: string, params: Finding["params"] = {}) =>
    findings.push({ code, severity, where: place.where, params: { ...place.names, ...params }, fix });

  const pause = yieldEvery(8);
  const placements = new Map<string, { reference: Reference; places: Placement[] }>();

  for (const chapter of chapters) {
    if (subject.only && !chapter.sections.some((s) => s.id === subject.only)) continue;
    if (!chapter.sections.length) add("warning", "chapterEmpty", at(chapter), chapterEditor(report, chapter.id));
    for (const lang of translations) if (!chapter.titles[lang]?.trim()) add("warning", "chapterTitleMissing", at(chapter, undefined, lang), chapterEditor(report, chapter.id, lang));
    const headings = new Map<string, CheckedSection>();
    for (const section of chapter.sections) {
      const source = section.texts[primary];
      const empty = !source?.body.trim();
      if (empty) add("error", "sectionEmpty", at(chapter, section, primary), sectionEditor(section.id, primary));
      if (section.status === "draft") add("warning", "sectionDraft", at(chapter, section), sectionEditor(section.id, primary));
      const heading = source?.heading.trim().toLowerCase();
      const same = heading ? headings.get(heading) : undefined;
      if (same) add("warning", "duplicateHeading", at(chapter, section, primary), sectionEditor(section.id, primary), { heading: source!.heading.trim() });
      else if (heading) headings.set(heading, section);
      if (subject.only && section.id !== subject.only) continue;
      // A translation of nothing is not yet missing.
      if (!empty) {
        for (const lang of translations) {
          const state = translationState(section, primary, lang);
          if (state !== "upToDate") add("warning", state === "missing" ? "translationMissing" : "translationOutOfDate", at(chapter, section, lang), sectionEditor(section.id, lang));
        }
      }
      for (const lang of languages) {
        const text = section.texts[lang];
        if (!text?.body.trim()) continue;
        checkText(await inspectText(text.body, lang), chapter, section, lang);
        await pause();
      }
    }
  }

  function checkText(found: TextInspection, chapter: CheckedChapter, section: CheckedSection, lang: Language) {
    const place = at(chapter, section, lang);
    const fix = sectionEditor(section.id, lang);
    for (const reference of found.references) {
      const key = `${reference.kind}:${reference.ref}`;
      const entry = placements.get(key) ?? { reference, places: [] };
      const here = entry.places.find((p) => p.section.id === section.id);
      if (here) here.languages.push(lang);
      else entry.places.push({ chapter, section, languages: [lang] });
      placements.set(key, entry);
    }
    for (const d of found.badDirectives) add("error", d.known ? "invalidDirective" : "unknownDirective", place, fix, { name: d.name });
    for (const url of found.links) {
      const verdict = sectionLink(url, subject, chapter);
      if (verdict && verdict.code) add(verdict.code === "draftLink" ? "warning" : "error", verdict.code, place, fix, { target: url, ...(verdict.chapter ? { elsewhere: verdict.chapter } : {}) });
    }
    // A few per text say enough; the editor's preview shows the rest.
    for (const run of found.longRuns.slice(0, 3)) add("warning", "longRun", place, fix, { run: [...run].length > 32 ? `${[...run].slice(0, 30).join("")}…` : run, length: [...run].length });
  }

  // Evidence: what the registry says of each piece as it is now, and for an edition what it pinned.
  const pinned = subject.edition?.pinned;
  // A figure an edition froze with rows is decided by what it froze: drawing its survey's results again is left out.
  const frozenWithRows = (r: Reference) => r.kind === "figure" && pinned?.figures.some((f) => f.slug === r.ref && Object.values(f.languages).some((l) => l.data.rows.length));
  const inspections = await inspectEvidence(
    db,
    [...placements.values()].map((p) => p.reference).filter((r) => !frozenWithRows(r)),
    languages,
  );
  const altReported = new Set<string>();
  for (const { reference, places } of placements.values()) {
    const { kind, ref } = reference;
    const inspection: EvidenceInspection = inspections.get(kind)?.get(ref) ?? { problems: frozenWithRows(reference) ? [] : [{ problem: "unknown" }] };
    const key = `${kind}:${ref}`;
    const problems = pinned ? pinnedProblems(kind, ref, pinned, inspection, languages) : inspection.problems;
    for (const { chapter, section, languages: placedIn } of places) {
      for (const p of problems) {
        if (p.problem === "noAlt") continue;
        if (p.problem === "unknown" || p.problem === "unpinned") {
          // The text is what must change (or the edition refreshed): one finding per language that places it.
          for (const lang of placedIn)
            add("error", p.problem === "unknown" ? "unresolvedRef" : "refNotPinned", at(chapter, section, lang, key), p.problem === "unknown" ? sectionEditor(section.id, lang) : `/editor/editions/${subject.edition!.row.id}`, { kind, ref, directive: directiveOf(reference) });
          continue;
        }
        add("error", EVIDENCE_CODES[p.problem], at(chapter, section, undefined, key), inspection.href ?? sectionEditor(section.id, primary), { kind, ref, state: p.state ?? "" });
      }
    }
    // Alt text belongs to the figure: said once per language, where it is first placed.
    const first = places[0]!;
    for (const p of problems) {
      if (p.problem !== "noAlt" || !p.language || altReported.has(`${key}:${p.language}`)) continue;
      altReported.add(`${key}:${p.language}`);
      add("warning", "figureNoAlt", at(first.chapter, first.section, p.language, key), inspection.href ?? sectionEditor(first.section.id, p.language), { ref });
    }
  }

  // The edition's own words per language.
  if (subject.edition) {
    const { row } = subject.edition;
    for (const lang of translations) {
      const state = editionTextState(row, primary, lang);
      if (state !== "upToDate") {
        // A missing translation names which of the title, subtitle and foreword it lacks.
        const params: Finding["params"] = state === "missing" ? { fields: missingTextsKey(missingEditionTexts(row, primary, lang)) } : {};
        findings.push({ code: state === "missing" ? "editionTextMissing" : "editionTextOutOfDate", severity: "warning", where: { language: lang }, params, fix: `/editor/editions/${row.id}#texts-${lang}` });
      }
    }
  }
  return countFindings(subject.only ? findings.filter((f) => f.where.sectionId === subject.only) : findings);
}

/** A reference as an author writes it. */
const directiveOf = ({ kind, ref }: Reference) => (kind === "case-study" ? `:case-study[…]{ref=${ref}}` : `::${kind}{ref=${ref}}`);

const EVIDENCE_CODES = {
  unpublished: "caseStudyUnpublished",
  suppressed: "figureSuppressed",
  empty: "figureEmpty",
  proposed: "recommendationProposed",
  retired: "recommendationRetired",
} as const;

type Problem = Omit<EvidenceProblem, "problem"> & { problem: EvidenceProblem["problem"] | "unpinned" };

/**
 * An edition's evidence as readers get it: a reference it did not pin resolves to nothing (the
 * registry tells why: unknown, not published, not adopted; else the edition needs refreshing); a
 * pinned figure shows the rows and alt text it froze. The state of case studies and
 * recommendations is the registry's, as it is now.
 */
function pinnedProblems(kind: ReferenceKind, ref: string, pinned: PinnedEvidence, inspection: EvidenceInspection, languages: Language[]): Problem[] {
  const live = inspection.problems;
  if (kind === "figure") {
    const figure = pinned.figures.find((f) => f.slug === ref);
    if (!figure) return live.some((p) => p.problem === "unknown") ? live : [{ problem: "unpinned" }];
    const problems: Problem[] = [];
    const frozen = Object.values(figure.languages);
    if (frozen.length && frozen.every((f) => !f.data.rows.length)) {
      const said = live.find((p) => p.problem === "suppressed" || p.problem === "empty");
      problems.push({ problem: said?.problem ?? (frozen.some((f) => f.data.n > 0) ? "suppressed" : "empty") });
    }
    for (const lang of languages) {
      const f = figure.languages[lang];
      // A figure frozen without alt text of its own carries its title instead, or the English one.
      const english = lang !== "en" ? figure.languages.en?.alt : undefined;
      if (!f || !f.alt.trim() || f.alt === f.title || f.alt === english) problems.push({ problem: "noAlt", language: lang });
    }
    return problems;
  }
  const found = kind === "case-study" ? pinned.caseStudies.some((c) => c.slug === ref) : pinned.recommendations.some((r) => r.slug === ref);
  if (found) return live.filter((p) => p.problem !== "unknown");
  return live.length ? live : [{ problem: "unpinned" }];
}

/**
 * Whether a link names a section (or chapter) of the subject: `#section` (in the same chapter),
 * `chapter` or `chapter#section`, and the same as an edition's or the draft's address. Undefined
 * for links that are not of these forms (other sites, other pages); a code for a broken one.
 */
function sectionLink(url: string, subject: Subject, chapter: CheckedChapter): { code?: "brokenLink" | "linkOtherChapter" | "draftLink"; chapter?: string } | undefined {
  const { report, chapters, edition } = subject;
  let target = url.trim();
  // An address of this report on any host is read as its path.
  const absolute = /^https?:\/\/[^/]+(\/.*)?$/i.exec(target);
  if (absolute) {
    const path = absolute[1] ?? "";
    if (!path.startsWith(`/reports/${report.slug}/`) && !path.startsWith(`/draft/${report.slug}/`)) return undefined;
    target = path;
  }
  const [path = "", ...rest] = target.split("#");
  let fragment: string | undefined = rest.join("#");
  try {
    fragment = fragment ? decodeURIComponent(fragment) : undefined;
  } catch {
    return { code: "brokenLink" };
  }
  const find = (slug: string) => (slug === ANNEX_PATH ? { id: "", slug, titles: { en: slug }, sections: [] } : chapters.find((c) => c.slug === slug));
  const inChapter = (c: CheckedChapter, slug: string | undefined) => !slug || c.sections.some((s) => s.slug === slug || `h-${s.slug}` === slug);
  if (!path) {
    if (!fragment) return undefined;
    if (inChapter(chapter, fragment)) return {};
    const other = chapters.find((c) => c !== chapter && inChapter(c, fragment));
    return other ? { code: "linkOtherChapter", chapter: `${other.slug}#${fragment}` } : { code: "brokenLink" };
  }
  const checkIn = (chapterSlug: string | undefined, lang: string | undefined): { code?: "brokenLink" } => {
    if (lang !== undefined && !(report.languages as string[]).includes(lang)) return { code: "brokenLink" };
    if (!chapterSlug) return fragment ? { code: "brokenLink" } : {};
    const c = find(chapterSlug);
    return c && inChapter(c, fragment) ? {} : { code: "brokenLink" };
  };
  // Relative: `chapter` or `chapter#section`, as the chapter pages of an edition or the draft link them.
  if (/^[a-z0-9][a-z0-9-]*$/.test(path)) return checkIn(path, undefined);
  const draft = new RegExp(`^/draft/${report.slug}/([^/]+)/([^/]*)$`).exec(path);
  if (draft) {
    const verdict = checkIn(draft[2] || undefined, draft[1]);
    // The draft is for members: an edition's readers could not follow the link.
    return verdict.code ? verdict : { code: "draftLink" };
  }
  const published = new RegExp(`^/reports/${report.slug}/([^/]+)/([^/]+)/([^/]*)$`).exec(path);
  // Other editions are what they are; only this edition's own addresses are checked.
  if (published && edition && published[1] === edition.row.label) return checkIn(published[3] || undefined, published[2]);
  return undefined;
}
