import { z } from "zod";
import { ACKNOWLEDGEMENT_NOTE_MAX, EDITION_STATUSES, FINDING_SEVERITIES, LABEL_PATTERN, WITHDRAW_REASON_MAX } from "#src/domain/editions.ts";
import { LANGUAGES } from "#src/domain/languages.ts";
import { CHAPTER_KINDS, SECTION_STATUSES } from "#src/domain/reports.ts";
import { SEARCH_KINDS } from "#src/features/search/search.ts";

// The read and write API's shapes: one Zod schema per request part and per response, from which
// the handlers validate and the OpenAPI document is generated (openapi.json, checked by a test).

const lang = z.enum(LANGUAGES).default("en").describe("Language of the texts (en, fr, es); the report's primary language where a text is not translated");
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,119}$/);

export const Paging = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1).describe("Page number, from 1"),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), page: z.int(), pageSize: z.int(), total: z.int().describe("Items in all pages") });

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().describe("Stable error code, e.g. NOT_FOUND, VALIDATION_FAILED"),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional().describe("Invalid fields and why"),
      details: z
        .unknown()
        .optional()
        .describe("What a program needs to act on the refusal: the findings of a refused publish (PUBLISH_BLOCKED, WARNINGS_NOT_ACKNOWLEDGED), the current text after a stale save (STALE_REVISION), the scope a token lacks (TOKEN_SCOPE)"),
      requestId: z.string().optional(),
    }),
  });

export const ReportParams = z.object({ report: slug.describe("The report's short name") });
export const EditionParams = ReportParams.extend({ edition: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/).describe("The edition's label, e.g. 2022") });
export const FigureParams = EditionParams.extend({ ref: slug.describe("The figure's reference") });
export const SlugParams = z.object({ slug: slug });
export const LangQuery = z.object({ lang });

const EditionSummary = z.object({ label: z.string(), title: z.string().describe("In the language asked for, else the primary language's"), date: z.string().describe("YYYY-MM-DD"), status: z.enum(["published", "withdrawn"]), url: z.string() });

export const ReportOut = z.object({
  slug: z.string(),
  title: z.string(),
  languages: z.array(z.enum(LANGUAGES)),
  editions: z.array(EditionSummary).describe("Published and withdrawn editions, newest first"),
});

export const SectionOut = z.object({
  number: z.string().describe("e.g. 2.3"),
  slug: z.string(),
  heading: z.string(),
  language: z.enum(LANGUAGES).describe("The language of the text itself"),
  markdown: z.string().describe("GFM with directives such as ::figure{ref=…}"),
  url: z.string().describe("The section on the site, with its anchor"),
});

/** An edition's own words in each language it has them. */
const PerLanguage = z.partialRecord(z.enum(LANGUAGES), z.string());

export const EditionOut = z.object({
  report: z.string(),
  label: z.string(),
  title: z.string().describe("In this language, else the primary language's"),
  subtitle: z.string().nullable().describe("In this language, else the primary language's"),
  foreword: z.string().nullable().describe("In this language, else the primary language's"),
  titles: PerLanguage.describe("The edition's title in each language that has one"),
  subtitles: PerLanguage.describe("The edition's subtitle in each language that has one"),
  date: z.string(),
  status: z.enum(["published", "withdrawn"]),
  language: z.enum(LANGUAGES),
  contentHash: z.string().nullable(),
  chapters: z.array(z.object({ number: z.int(), slug: z.string(), title: z.string(), sections: z.array(SectionOut) })),
});

export const FigureOut = z.object({
  ref: z.string(),
  title: z.string(),
  caption: z.string(),
  alt: z.string(),
  source: z.string(),
  n: z.int().describe("Respondents the figure counts"),
  svgUrl: z.string(),
  data: z.object({ columns: z.array(z.string()), rows: z.array(z.array(z.union([z.string(), z.number()]))) }),
});

export const RecommendationOut = z.object({ ref: z.string(), text: z.string(), retired: z.boolean(), sections: z.array(z.string()).describe("Numbers of the sections that place it") });

export const CaseStudySummary = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  organization: z.string(),
  region: z.string().nullable(),
  stage: z.string().nullable(),
  year: z.int().nullable(),
  language: z.string(),
  url: z.string(),
});

export const CaseStudyQuery = Paging.extend({
  q: z.string().max(200).default("").describe("Words to find (accents optional)"),
  technology: z.string().max(60).optional(),
  region: z.string().max(20).optional(),
  stage: z.string().max(40).optional(),
});

export const CaseStudyOut = CaseStudySummary.extend({
  technologies: z.array(z.string()),
  periodStart: z.int().nullable(),
  periodEnd: z.int().nullable(),
  partners: z.string(),
  problem: z.string(),
  solution: z.string(),
  results: z.string(),
  lessons: z.string(),
  links: z.array(z.string()),
  state: z.enum(["published", "retired"]),
});

export const EventOut = z.object({
  slug: z.string(),
  kind: z.string(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  place: z.string().nullable(),
  online: z.boolean(),
  region: z.string().nullable(),
  organizers: z.string(),
  parts: z.array(z.object({ kind: z.string(), title: z.string() })),
  documents: z.array(z.object({ code: z.string(), title: z.string(), url: z.string().nullable() })),
  outcomes: z.array(z.object({ kind: z.string(), part: z.string().nullable(), text: z.string(), producedBy: z.string(), technologies: z.array(z.string()) })),
  url: z.string(),
});

export const SearchQueryIn = Paging.extend({
  q: z.string().min(1).max(200).describe("Words to find; \"quotes\" for a phrase, -word to exclude"),
  lang,
  kind: z.enum(SEARCH_KINDS).optional(),
  technology: z.string().max(60).optional(),
  region: z.string().max(20).optional(),
  edition: z.string().max(40).default("latest").describe('An edition label, "latest", "all", or (secretariat tokens) "draft"'),
});

export const SearchHitOut = z.object({
  kind: z.enum(SEARCH_KINDS),
  title: z.string(),
  snippet: z.string().describe("Matches between « and »"),
  url: z.string(),
  context: z.string().nullable(),
  language: z.enum(LANGUAGES).nullable().describe("The language of the hit's words, where known"),
  trail: z.array(z.string()).describe("For chapters and sections: the report's title, the edition's label and (for a section) the chapter's title"),
  close: z.boolean().describe("Found by a close spelling of a name rather than by its words"),
});

export const MeOut = z.object({ name: z.string(), email: z.string(), role: z.string(), organizationId: z.string().nullable() });

export const RoundParams = z.object({ round: z.uuid().describe("The review round's id") });
export const CommentIn = z.object({
  sectionId: z.uuid(),
  parentId: z.uuid().nullable().default(null).describe("Reply to this comment"),
  quote: z.string().max(2000).nullable().default(null).describe("The passage commented on, kept as sent"),
  body: z.string().trim().min(1).max(8000),
});
export const CommentOut = z.object({ id: z.uuid(), roundId: z.uuid(), sectionId: z.uuid(), parentId: z.uuid().nullable(), quote: z.string().nullable(), body: z.string(), createdAt: z.string() });

// The editorial API: the living draft, a section's text, editions from freezing to publishing.

const languageOf = z.enum(LANGUAGES);
const label = z.string().regex(LABEL_PATTERN);

export const DraftOut = z.object({
  report: z.string(),
  primaryLanguage: languageOf,
  languages: z.array(languageOf),
  chapters: z.array(
    z.object({
      id: z.uuid(),
      slug: z.string(),
      kind: z.enum(CHAPTER_KINDS),
      titles: z.record(z.string(), z.string()).describe("The chapter's title per language"),
      sections: z.array(
        z.object({
          id: z.uuid(),
          slug: z.string(),
          status: z.enum(SECTION_STATUSES),
          texts: z
            .array(
              z.object({
                language: languageOf,
                revisionId: z.int().nullable().describe("The current revision: send it in If-Match to save over it; null when the language has no text yet"),
                heading: z.string().nullable(),
                state: z.enum(["primary", "upToDate", "outOfDate", "missing"]).describe("The primary language's text, or a translation's state against it"),
              }),
            )
            .describe("One entry per report language, the primary first"),
        }),
      ),
    }),
  ),
});

export const SectionTextParams = ReportParams.extend({ section: z.uuid().describe("The section's id (from getDraft)"), lang: languageOf.describe("The language of the text") });
export const SectionIn = z.object({
  heading: z.string().max(300),
  body: z.string().max(200_000).describe("GFM with directives such as ::figure{ref=…}"),
  summary: z.string().max(300).nullable().default(null).describe("What changed, for the history"),
});
export const SectionTextOut = z.object({
  sectionId: z.uuid(),
  language: languageOf,
  revisionId: z.int().describe("The current revision; also the ETag, for saveSection's If-Match"),
  heading: z.string(),
  body: z.string().describe("GFM with directives such as ::figure{ref=…}"),
  sourceRevisionId: z.int().nullable().describe("For a translation: the primary language's revision it was made from"),
  state: z.enum(["primary", "upToDate", "outOfDate", "missing"]).describe("The primary language's text, or a translation's state against it (missing: saved empty)"),
});
export const SectionSavedOut = z.object({
  sectionId: z.uuid(),
  language: languageOf,
  revisionId: z.int().describe("The revision now current; also the ETag, for the next If-Match"),
  created: z.boolean().describe("false when the text was unchanged (no new revision)"),
  heading: z.string(),
});
export const StaleSectionDetails = z.object({
  current: z.object({ revisionId: z.int(), heading: z.string(), body: z.string() }).nullable().describe("The text saved meanwhile, to merge with yours"),
});

export const ManagedEditionParams = ReportParams.extend({ edition: label.describe("The edition's label, e.g. 2026") });
export const FreezeIn = z.object({
  label: label.describe("Used in URLs: lower-case letters, digits and hyphens, e.g. 2026"),
  title: z.string().max(300),
  subtitle: z.string().max(300).nullable().optional(),
  editionDate: z.iso.date().describe("YYYY-MM-DD"),
  foreword: z.string().max(2000).nullable().optional(),
});
export const ManagedEditionOut = z.object({
  id: z.uuid(),
  report: z.string(),
  label: z.string(),
  title: z.string().describe("In the report's primary language"),
  date: z.string().describe("YYYY-MM-DD"),
  status: z.enum(EDITION_STATUSES),
  contentHash: z.string().nullable(),
  frozenAt: z.string(),
  publishedAt: z.string().nullable(),
  url: z.string().describe("The edition's page for editors"),
});

export const FindingOut = z.object({
  code: z.string().describe("Which check, e.g. reference-unresolved"),
  severity: z.enum(FINDING_SEVERITIES).describe("Errors block publishing; warnings need acknowledge.note"),
  message: z.string().describe("In the language of Accept-Language (English by default)"),
  where: z.object({
    chapterId: z.string().optional(),
    chapterSlug: z.string().optional(),
    sectionId: z.string().optional(),
    sectionSlug: z.string().optional(),
    language: z.string().optional(),
    ref: z.string().optional(),
  }),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  fix: z.string().describe("The page where it is fixed"),
});
export const FindingsOut = z.object({ errors: z.int(), warnings: z.int(), findings: z.array(FindingOut) });

export const PublishIn = z.object({
  acknowledge: z
    .object({ note: z.string().max(ACKNOWLEDGEMENT_NOTE_MAX).describe("Why the edition goes out with its warnings; kept on the edition and in the audit log") })
    .nullable()
    .optional()
    .describe("Needed when the edition has warnings"),
});
export const WithdrawIn = z.object({ reason: z.string().max(WITHDRAW_REASON_MAX).describe("Shown to readers on every page of the edition") });

export const JobParams = z.object({ id: z.uuid().describe("The job's id") });
export const JobOut = z.object({
  id: z.uuid(),
  kind: z.string().describe("publish or export"),
  status: z.enum(["queued", "running", "done", "failed"]),
  progress: z.int().describe("0 to 100"),
  message: z.string().nullable(),
  error: z.string().nullable().describe("Why it failed (or why the last attempt did)"),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  url: z.string().describe("The job's page on the site"),
});
export const JobAcceptedOut = z.object({ job: JobOut.pick({ id: true, status: true, url: true }).extend({ poll: z.string().describe("getJob's URL for this job") }) });
