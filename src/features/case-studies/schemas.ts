import { z } from "zod";
import { checkMarkdown } from "#src/content/limits.ts";
import { RETIRE_REASONS, STAGES, type CaseStudyFields } from "#src/domain/case-studies.ts";
import { LANGUAGES } from "#src/domain/languages.ts";
import { formList, oneOf, optionalText, optionalUuid, requiredText } from "#src/lib/validation.ts";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** Long prose: a case study's problem or results can run to a few pages. */
const prose = () =>
  z.preprocess(
    (v) => (v === undefined || v === null ? "" : typeof v === "string" ? v.replace(/\r\n?/g, "\n").trim() : v),
    z
      .string({ error: "field.invalid" })
      .max(20_000, { error: "field.tooLong" })
      .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f]*$/, { error: "field.invalid" })
      .superRefine(checkMarkdown),
  );

const year = () =>
  z.preprocess((v) => blank(v) ?? null, z.coerce.number({ error: "field.year" }).int({ error: "field.year" }).min(1950, { error: "field.year" }).max(2100, { error: "field.year" }).nullable());

const links = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/\s*\n\s*/).map((l) => l.trim()).filter(Boolean) : formList(v)),
  z.array(z.url({ protocol: /^https?$/, error: "field.links" }).max(500, { error: "field.tooLong" }), { error: "field.links" }).max(10, { error: "field.tooMany" }),
);

/**
 * A case study's fields as a form or an import sends them. Saving a draft needs only a title; what
 * submitting needs more is checked by missingForSubmission.
 */
export const CaseStudyInput = z
  .object({
    title: requiredText(300),
    language: oneOf(LANGUAGES),
    technologies: z.preprocess(formList, z.array(z.string().regex(/^[a-z0-9-]{1,60}$/, { error: "field.invalid" }), { error: "field.invalid" }).max(20)),
    stage: z.preprocess((v) => blank(v) ?? null, z.enum(STAGES, { error: "field.invalid" }).nullable()),
    periodStart: year(),
    periodEnd: year(),
    partners: prose(),
    summary: prose(),
    problem: prose(),
    solution: prose(),
    results: prose(),
    lessons: prose(),
    contact: prose(),
    links,
    consent: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  })
  .refine((f) => f.periodStart === null || f.periodEnd === null || f.periodEnd >= f.periodStart, { path: ["periodEnd"], error: "field.periodOrder" })
  .transform((f): CaseStudyFields => ({ ...f, technologies: [...new Set(f.technologies)] }));

export const NewCaseStudyInput = z.object({ organizationId: optionalUuid() });

export const MoveInput = z.object({
  /** The state the page showed: a move from a state that has since changed is refused. */
  from: oneOf(["draft", "submitted", "in_review", "changes_requested", "accepted", "published", "retired"] as const),
  to: oneOf(["submitted", "in_review", "changes_requested", "accepted", "published", "retired"] as const),
  message: optionalText(4000),
  reason: z.preprocess((v) => blank(v) ?? null, z.enum(RETIRE_REASONS, { error: "field.invalid" }).nullable()),
  supersededBy: z.preprocess((v) => blank(typeof v === "string" ? v.trim() : v) ?? null, z.string().max(120).nullable()),
});

export const AnnexInput = z.object({
  caseStudies: z.preprocess(formList, z.array(z.uuid({ error: "field.invalid" })).max(500, { error: "field.tooMany" })),
});

export const AnnexAddInput = z.object({ slug: requiredText(120) });

export const LibraryQuery = z.object({
  q: z.preprocess((v) => (typeof v === "string" ? v.trim().slice(0, 200) : ""), z.string()),
  technology: z.preprocess(formList, z.array(z.string().max(60)).max(20)).catch([]),
  region: z.preprocess(formList, z.array(z.string().max(20)).max(20)).catch([]),
  stage: z.preprocess(formList, z.array(z.enum(STAGES))).catch([]),
  kind: z.preprocess(formList, z.array(z.string().max(40)).max(10)).catch([]),
  year: z.preprocess(formList, z.array(z.coerce.number().int().min(1950).max(2100)).max(20)).catch([]),
  sort: z.enum(["relevance", "recent", "title", "year"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
})
  // With words to search for, the best matches come first unless the reader chose otherwise.
  .transform((f) => ({ ...f, sort: f.sort ?? (f.q ? ("relevance" as const) : ("recent" as const)) }));
export type LibraryFilter = z.output<typeof LibraryQuery>;

/** The version a form was opened on; anything unreadable means "none given" (no staleness check). */
export const BaseVersion = z.coerce.number().int().optional().catch(undefined);

export const TemplateQuery = z.object({ lang: z.string().optional() });

/** Two versions to compare; either may be left out (the submitted and the current one by default). */
export const CompareQuery = z.object({ from: z.coerce.number().int().optional(), to: z.coerce.number().int().optional() });

export const FileParams = z.object({ file: z.uuid() });

export const SlugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,120}$/) });
