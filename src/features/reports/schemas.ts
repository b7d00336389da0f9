import { z } from "zod";
import { checkMarkdown } from "#src/content/limits.ts";
import { LANGUAGES } from "#src/domain/languages.ts";
import { CHAPTER_KINDS, SECTION_STATUSES, TEMPLATE_NAMES } from "#src/domain/reports.ts";
import { oneOf, optionalText, optionalUuid, requiredText, slugText } from "#src/lib/validation.ts";

const languageList = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(LANGUAGES, { error: "field.invalid" })));

export const ReportInput = z.object({ slug: slugText(), title: requiredText(300), primaryLanguage: oneOf(LANGUAGES), translations: languageList });

export const ChapterInput = z.object({
  title: requiredText(300),
  kind: oneOf(CHAPTER_KINDS),
  technologyId: optionalUuid(),
  template: oneOf(TEMPLATE_NAMES as [string, ...string[]]).transform((v) => v as (typeof TEMPLATE_NAMES)[number]),
});

export const RenameInput = z.object({ title: requiredText(300), language: z.enum(LANGUAGES, { error: "field.invalid" }).optional() });
export const SectionAddInput = z.object({ heading: requiredText(300) });
export const MoveInput = z.object({ direction: oneOf(["up", "down"] as const) });
export const MoveToInput = z.object({ chapterId: z.uuid({ error: "field.invalid" }) });
export const StatusInput = z.object({ status: oneOf(SECTION_STATUSES) });

// Bodies can be long: a chapter section of the 2022 edition runs to some 20,000 characters.
export const SectionSaveInput = z.object({
  heading: requiredText(300),
  body: z
    .string({ error: "field.invalid" })
    .max(200_000, { error: "field.tooLong" })
    .transform((s) => s.replace(/\r\n?/g, "\n"))
    .superRefine(checkMarkdown),
  baseRevisionId: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.coerce.number().int().positive().nullable()),
  summary: optionalText(300),
  intent: z.enum(["save", "preview"]).default("save"),
});

export const PreviewInput = z.object({ body: z.string().max(200_000, { error: "field.tooLong" }).superRefine(checkMarkdown), idPrefix: z.string().regex(/^[a-z0-9-]{1,80}$/).default("preview") });

/** A section in one language, from the URL; anything else names nothing. */
export const SectionParams = z.object({ id: z.uuid(), lang: z.enum(LANGUAGES) });

/** Two revisions to compare, and how. */
export const DiffQuery = z.object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive(), view: z.enum(["inline", "side"]).default("inline") });

/** The reading language in a draft URL. */
export const DraftLanguageParams = z.object({ lang: z.enum(LANGUAGES) });

/** The completeness dashboard's "changed since" date; an invalid one is no filter. */
export const StatusQuery = z.object({ since: z.iso.date().optional().catch(undefined) });
