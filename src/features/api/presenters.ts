import type { z } from "zod";
import { extractReferences } from "#src/content/directives.ts";
import type { CaseStudyFields } from "#src/domain/case-studies.ts";
import { localized, primaryOf, readingLanguage, type Language } from "#src/domain/languages.ts";
import type * as api from "#src/features/api/schemas.ts";
import { MARK_END, MARK_START, type LibraryHit } from "#src/features/case-studies/library.ts";
import type { CaseStudyRow } from "#src/features/case-studies/repository.ts";
import type { ReportRow } from "#src/features/catalog/repository.ts";
import type { EditionRow } from "#src/features/editions/repository.ts";
import { editionUrls } from "#src/features/editions/views/public.tsx";
import { editionTexts } from "#src/features/editions/texts.ts";
import type { DocumentInfo, EventRow, OutcomeRow, PartRow } from "#src/features/events/repository.ts";
import type { Findings } from "#src/features/editions/findings.ts";
import { translationState, type Draft } from "#src/features/reports/draft.ts";
import type { RevisionRow } from "#src/features/reports/repository.ts";
import type { CommentRow } from "#src/features/reviews/repository.ts";
import type { SearchHit } from "#src/features/search/search.ts";
import type { CurrentUser } from "#src/web/context.ts";
import type { ZodReply } from "#src/web/zod-provider.ts";
import type { Publication } from "#src/publishing/publication.ts";
import type { JobRow } from "#src/publishing/jobs.ts";

// The API's JSON, one function per resource: rows in, the documented shape out (each return type
// is its response schema's, so the compiler holds them to openapi.json). No database work here.

type Json<S extends z.ZodType> = ZodReply<S>;

/** A page of a list: its items, which page, its size, and how many items all pages hold. */
export const pageOf = <T>(items: T[], page: number, total: number, pageSize: number) => ({ items, page, pageSize, total });

/** Search marks its matches with private characters; the API shows them as « and ». */
const marks = (s: string) => s.replaceAll(MARK_START, "«").replaceAll(MARK_END, "»");

export type PublicEdition = EditionRow & { status: "published" | "withdrawn" };

export function reportOut(report: ReportRow, editions: PublicEdition[], lang: Language): Json<typeof api.ReportOut> {
  return {
    slug: report.slug,
    title: localized(report.titles, lang, primaryOf(report)),
    languages: report.languages,
    editions: [...editions]
      .sort((a, b) => b.editionDate.localeCompare(a.editionDate))
      .map((e) => ({ label: e.label, title: editionTexts(e, primaryOf(report), readingLanguage(report, lang)).title.text, date: e.editionDate, status: e.status, url: editionUrls(report, e).contents(readingLanguage(report, lang)) })),
  };
}

/** Sections are numbered as the site numbers them: chapter.section, from 1. */
export function editionOut(report: ReportRow, edition: PublicEdition, lang: Language, publication: Publication): Json<typeof api.EditionOut> {
  const urls = editionUrls(report, edition);
  return {
    report: report.slug,
    label: edition.label,
    title: publication.title,
    subtitle: publication.subtitle,
    foreword: publication.foreword,
    titles: edition.titles,
    subtitles: edition.subtitles,
    date: edition.editionDate,
    status: edition.status,
    language: lang,
    contentHash: edition.contentHash,
    chapters: publication.chapters.map((c, ci) => ({
      number: ci + 1,
      slug: c.slug,
      title: c.title,
      sections: c.sections.map((s, si) => ({ number: `${ci + 1}.${si + 1}`, slug: s.slug, heading: s.heading, language: s.lang, markdown: s.markdown, url: `${urls.chapter(lang, c.slug)}#${s.slug}` })),
    })),
  };
}

export function figureOut(report: ReportRow, edition: EditionRow, lang: Language, ref: string, figure: Publication["figures"][string]): Json<typeof api.FigureOut> {
  const f = figure;
  return { ref, title: f.title, caption: f.caption, alt: f.alt, source: f.source, n: f.n, svgUrl: `${editionUrls(report, edition).contents(lang)}figures/${ref}.svg`, data: { columns: f.data.columns, rows: f.data.rows } };
}

/** The recommendations an edition places, by reference, each with the numbers of the sections that place it. */
export function recommendationsOut(publication: Publication): Json<typeof api.RecommendationOut>[] {
  return Object.entries(publication.recommendations)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ref, r]) => ({
      ref,
      text: r.text,
      retired: r.retired,
      sections: publication.chapters.flatMap((c, ci) => c.sections.flatMap((s, si) => (extractReferences(s.tree).some((x) => x.kind === "recommendation" && x.ref === ref) ? [`${ci + 1}.${si + 1}`] : []))),
    }));
}

export type EventDetails = { parts: PartRow[]; documents: DocumentInfo[]; outcomes: OutcomeRow[] };

export function eventOut(report: ReportRow, e: EventRow, { parts, documents, outcomes }: EventDetails, lang: Language): Json<typeof api.EventOut> {
  return {
    slug: e.slug,
    kind: e.kind,
    title: e.title,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    place: e.place,
    online: e.online,
    region: e.regionCode,
    organizers: e.organizers,
    parts: parts.map((p) => ({ kind: p.kind, title: p.title })),
    documents: documents.map((d) => ({ code: d.code, title: d.title, url: d.fileName ? `/files/event-documents/${d.id}` : null })),
    outcomes: outcomes.map((o) => ({ kind: o.kind, part: parts.find((p) => p.id === o.partId)?.title ?? null, text: localized(o.texts, lang, primaryOf(report)), producedBy: o.producedBy, technologies: o.technologySlugs })),
    url: `/reports/${report.slug}/events/${e.slug}`,
  };
}

export function caseStudySummaryOut(h: LibraryHit): Json<typeof api.CaseStudySummary> {
  return { slug: h.slug, title: h.title, summary: h.summary, organization: h.organization, region: h.regionCode, stage: h.stage, year: h.year, language: h.language, url: `/case-studies/${h.slug}` };
}

export type PublishedCaseStudy = CaseStudyRow & { state: "published" | "retired" };

/** A case study as its current version tells it; the organization's name and region as they are now. */
export function caseStudyOut(cs: PublishedCaseStudy, f: CaseStudyFields, org: { name: string; regionCode: string | null } | undefined): Json<typeof api.CaseStudyOut> {
  return {
    slug: cs.slug,
    title: f.title,
    summary: f.summary,
    organization: org?.name ?? "",
    region: org?.regionCode ?? null,
    stage: f.stage,
    year: cs.year,
    language: f.language,
    url: `/case-studies/${cs.slug}`,
    technologies: f.technologies,
    periodStart: f.periodStart,
    periodEnd: f.periodEnd,
    partners: f.partners,
    problem: f.problem,
    solution: f.solution,
    results: f.results,
    lessons: f.lessons,
    links: f.links,
    state: cs.state,
  };
}

export function searchHitOut(h: SearchHit): Json<typeof api.SearchHitOut> {
  const trail = h.kind === "chapter" || h.kind === "section" ? [h.report, h.context, h.chapter].filter((x): x is string => Boolean(x)) : [];
  return { kind: h.kind, title: h.title, snippet: marks(h.snippet), url: h.url, context: h.context, language: h.language, trail, close: h.close };
}

export function meOut(user: Pick<CurrentUser, "name" | "email" | "role" | "organizationId">): Json<typeof api.MeOut> {
  return { name: user.name, email: user.email, role: user.role, organizationId: user.organizationId };
}

export function commentOut(comment: CommentRow): Json<typeof api.CommentOut> {
  return { id: comment.id, roundId: comment.roundId, sectionId: comment.sectionId, parentId: comment.parentId, quote: comment.quote, body: comment.body, createdAt: comment.createdAt.toISOString() };
}

/** The living draft as an editor's program needs it: ids, slugs and, per language, the revision to base a save on. */
export function draftOut(draft: Draft): Json<typeof api.DraftOut> {
  const { report, primary } = draft;
  const languages = [primary, ...report.languages.filter((l) => l !== primary)];
  return {
    report: report.slug,
    primaryLanguage: primary,
    languages,
    chapters: draft.chapters.map((c) => ({
      id: c.id,
      slug: c.slug,
      kind: c.kind,
      titles: c.titles,
      sections: c.sections.map((s) => ({
        id: s.id,
        slug: s.slug,
        status: s.status,
        texts: languages.map((language) => {
          const text = s.texts[language];
          return { language, revisionId: text?.revisionId ?? null, heading: text?.heading ?? null, state: language === primary ? (text ? "primary" : "missing") : translationState(s, primary, language) };
        }),
      })),
    })),
  };
}

/** A section's current text in one language, to edit from. */
export function sectionTextOut(revision: RevisionRow, state: Json<typeof api.SectionTextOut>["state"]): Json<typeof api.SectionTextOut> {
  return { sectionId: revision.sectionId, language: revision.language as Language, revisionId: revision.id, heading: revision.heading, body: revision.body, sourceRevisionId: revision.sourceRevisionId, state };
}

export function sectionSavedOut(revision: RevisionRow, created: boolean): Json<typeof api.SectionSavedOut> {
  return { sectionId: revision.sectionId, language: revision.language as Language, revisionId: revision.id, created, heading: revision.heading };
}

/** The text a stale save lost to, for the program to merge with its own. */
export function staleSectionOut(current: RevisionRow | undefined): Json<typeof api.StaleSectionDetails> {
  return { current: current ? { revisionId: current.id, heading: current.heading, body: current.body } : null };
}

export function managedEditionOut(report: ReportRow, e: EditionRow): Json<typeof api.ManagedEditionOut> {
  return {
    id: e.id,
    report: report.slug,
    label: e.label,
    title: localized(e.titles, primaryOf(report), primaryOf(report)),
    date: e.editionDate,
    status: e.status,
    contentHash: e.contentHash,
    frozenAt: e.frozenAt.toISOString(),
    publishedAt: e.publishedAt?.toISOString() ?? null,
    url: `/editor/editions/${e.id}`,
  };
}

/** Findings with their messages in the reader's language (`message` is given each finding's translated text). */
export function findingsOut(found: Findings, message: (finding: Findings["findings"][number]) => string): Json<typeof api.FindingsOut> {
  return {
    errors: found.errors,
    warnings: found.warnings,
    findings: found.findings.map((f) => ({ code: f.code, severity: f.severity, message: message(f), where: { ...f.where }, params: { ...f.params }, fix: f.fix })),
  };
}

export function jobOut(job: JobRow): Json<typeof api.JobOut> {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: job.progress,
    message: job.message,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    url: `/jobs/${job.id}`,
  };
}

/** A job just queued: where to watch it on the site and where a program polls it. */
export function jobAcceptedOut(job: JobRow): Json<typeof api.JobAcceptedOut> {
  return { job: { id: job.id, status: job.status, url: `/jobs/${job.id}`, poll: `/api/v1/jobs/${job.id}` } };
}
