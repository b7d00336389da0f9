import { z } from "zod";
import { LANGUAGES } from "#src/domain/languages.ts";
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
      requestId: z.string().optional(),
    }),
  });

export const ReportParams = z.object({ report: slug.describe("The report's short name") });
export const EditionParams = ReportParams.extend({ edition: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/).describe("The edition's label, e.g. 2022") });
export const FigureParams = EditionParams.extend({ ref: slug.describe("The figure's reference") });
export const SlugParams = z.object({ slug: slug });
export const LangQuery = z.object({ lang });

const EditionSummary = z.object({ label: z.string(), date: z.string().describe("YYYY-MM-DD"), status: z.enum(["published", "withdrawn"]), url: z.string() });

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

export const EditionOut = z.object({
  report: z.string(),
  label: z.string(),
  title: z.string(),
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

export const SearchHitOut = z.object({ kind: z.enum(SEARCH_KINDS), title: z.string(), snippet: z.string().describe("Matches between « and »"), url: z.string(), context: z.string().nullable() });

export const MeOut = z.object({ name: z.string(), email: z.string(), role: z.string(), organizationId: z.string().nullable() });

export const RoundParams = z.object({ round: z.uuid().describe("The review round's id") });
export const CommentIn = z.object({
  sectionId: z.uuid(),
  parentId: z.uuid().nullable().default(null).describe("Reply to this comment"),
  quote: z.string().max(2000).nullable().default(null).describe("The passage commented on, kept as sent"),
  body: z.string().trim().min(1).max(8000),
});
export const CommentOut = z.object({ id: z.uuid(), roundId: z.uuid(), sectionId: z.uuid(), parentId: z.uuid().nullable(), quote: z.string().nullable(), body: z.string(), createdAt: z.string() });
