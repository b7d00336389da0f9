import { REF_PATTERN } from "#src/content/directives.ts";
import type { Db } from "#src/db/client.ts";
import { localized, primaryOf, type Language } from "#src/domain/languages.ts";
import type { ReferenceKind } from "#src/domain/reports.ts";
import { getReportBySlug } from "#src/features/catalog/repository.ts";
import { evidenceCandidates } from "#src/features/reports/evidence-kinds.ts";
import { findSectionCandidates } from "#src/features/reports/repository.ts";
import type { PlaceableKind, ReferenceItem } from "#src/domain/references.ts";
import type { Translate } from "#src/i18n/i18n.ts";
import { appError } from "#src/lib/errors.ts";

// What a writer can place in a section's text, as the editor's pickers list it: evidence of each
// kind (found by its feature, through the evidence registry) and the report's other sections.

export type { PlaceableKind, ReferenceItem };

export type ReferenceRequest = { kind: PlaceableKind; q: string; ref?: string | undefined; limit: number; lang?: Language | undefined; chapter?: string | undefined };

/** The words of a search box: split at white space, each once, at most 8 of at most 60 characters. */
export function searchWords(q: string): string[] {
  const words = q
    .normalize("NFC")
    .split(/\s+/u)
    .filter(Boolean)
    .map((w) => [...w].slice(0, 60).join(""));
  return [...new Set(words)].slice(0, 8);
}

/** A link to a section as a text writes it: `#slug` (in the chapter written), or `chapter#slug`; the fragment may name the heading (`h-slug`). */
export function parseSectionLink(ref: string): { chapter?: string; section: string } | undefined {
  const match = /^([a-z0-9][a-z0-9-]*)?#(?:h-)?([a-z0-9][a-z0-9-]*)$/.exec(ref.trim());
  if (!match?.[2]) return undefined;
  return match[1] ? { chapter: match[1], section: match[2] } : { section: match[2] };
}

/** The state labels of each kind, in the reader's language. */
function statusLabel(t: Translate, kind: PlaceableKind, status: string): string {
  switch (kind) {
    case "figure":
      return t(`picker.figureStatus.${status as "ready"}`);
    case "case-study":
      return t(`cs.state.${status as "published"}`);
    case "recommendation":
      return t(`rec.status.${status as "endorsed"}`);
    case "section":
      return t(`sectionStatus.${status as "draft"}`);
  }
}

/**
 * What the editor's picker lists for a report: the one item a reference names (or none), or those
 * matching the words typed, at most `limit`. Titles in the language asked (else the report's
 * primary language); states worded in the reader's language. An unknown report is not found.
 */
export async function findReferences(db: Db, reportSlug: string, request: ReferenceRequest, t: Translate): Promise<ReferenceItem[]> {
  const report = await getReportBySlug(db, reportSlug);
  if (!report) throw appError("NOT_FOUND");
  const primary = primaryOf(report);
  const lang = request.lang && report.languages.includes(request.lang) ? request.lang : primary;
  const words = searchWords(request.q);
  if (request.kind === "section") return sections(db, report.id, { ...request, words, lang, primary }, t);
  const kind: ReferenceKind = request.kind;
  // A reference that is not a slug names nothing.
  if (request.ref !== undefined && !REF_PATTERN.test(request.ref)) return [];
  const found = await evidenceCandidates(db, report, kind, { words, ref: request.ref, limit: request.limit, lang, primary });
  return found.map((c) => ({
    kind,
    ref: c.ref,
    title: c.title,
    technology: c.technology,
    context: c.context,
    status: c.status,
    statusLabel: statusLabel(t, kind, c.status),
    thumbnail: kind === "figure" ? `/figures/${c.ref}.svg` : null,
    href: null,
    usable: c.usable,
  }));
}

/**
 * The report's live sections, linked as a text in `chapter` writes them (`#slug` within it,
 * `chapter#slug` elsewhere). Looked up by a link, a `#slug` naming a section of another chapter
 * is found but not usable as written (the checks call it a link to another chapter).
 */
async function sections(db: Db, reportId: string, request: ReferenceRequest & { words: string[]; lang: Language; primary: Language }, t: Translate): Promise<ReferenceItem[]> {
  const at = request.ref === undefined ? undefined : parseSectionLink(request.ref);
  if (request.ref !== undefined && !at) return [];
  let rows = await findSectionCandidates(db, reportId, { words: request.words, at, limit: at ? 50 : request.limit });
  if (at) {
    // `#slug`: the section of that slug in the chapter written, else the first elsewhere.
    const here = rows.find((r) => r.chapterSlug === request.chapter);
    rows = here ? [here] : rows.slice(0, 1);
  }
  return rows.map((s) => {
    const inChapter = s.chapterSlug === request.chapter;
    return {
      kind: "section" as const,
      ref: `${s.chapterSlug}#${s.slug}`,
      title: s.headings[request.lang]?.trim() || s.headings[request.primary]?.trim() || s.slug,
      technology: s.technology ? localized(s.technology, request.lang, request.primary) : null,
      context: localized(s.chapterTitles, request.lang, request.primary),
      status: s.status,
      statusLabel: statusLabel(t, "section", s.status),
      thumbnail: null,
      href: inChapter ? `#${s.slug}` : `${s.chapterSlug}#${s.slug}`,
      usable: !(at && at.chapter === undefined && request.chapter !== undefined && !inChapter),
    };
  });
}
