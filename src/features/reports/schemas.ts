import { z } from "zod";
import { checkMarkdown } from "#src/content/limits.ts";
import { LANGUAGES } from "#src/domain/languages.ts";
import { PLACEABLE_KINDS } from "#src/domain/references.ts";
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


/**
 * What the editor's pickers ask for: a kind; the words typed, or one reference (a slug; for a
 * section, a link as a text writes it); how many at most; titles in which language; and for
 * section links, the chapter being written, so that a link within it is written `#slug`.
 */
export const ReferenceQuery = z.object({
  kind: z.enum(PLACEABLE_KINDS, { error: "field.invalid" }),
  q: z.string({ error: "field.invalid" }).max(200, { error: "field.tooLong" }).default(""),
  ref: z.string({ error: "field.invalid" }).min(1, { error: "field.invalid" }).max(300, { error: "field.tooLong" }).optional(),
  limit: z.coerce.number({ error: "field.invalid" }).int({ error: "field.invalid" }).min(1, { error: "field.invalid" }).max(50, { error: "field.invalid" }).default(20),
  lang: z.enum(LANGUAGES, { error: "field.invalid" }).optional(),
  chapter: z.string({ error: "field.invalid" }).regex(/^[a-z0-9][a-z0-9-]{0,119}$/, { error: "field.invalid" }).optional(),
});

/** The fields named `<prefix><id>` of a form (choice-0, edit-heading...), by id; a repeated field counts once. */
const fieldsNamed = (raw: Record<string, unknown>, prefix: string) =>
  Object.fromEntries(
    Object.entries(raw)
      .filter(([k]) => k.startsWith(prefix) && /^(heading|\d{1,5})$/.test(k.slice(prefix.length)))
      .map(([k, v]) => [k.slice(prefix.length), Array.isArray(v) ? v[0] : v]),
  );

/**
 * A conflict's resolution: the writer's text as first submitted (hidden fields), the two revisions
 * it was merged with, and per passage a choice (`choice-<id>`) and the text of its edit box (`edit-<id>`).
 */
export const ConflictResolveInput = z.preprocess(
  (v) => (v && typeof v === "object" ? { ...v, choices: fieldsNamed(v as Record<string, unknown>, "choice-"), edits: fieldsNamed(v as Record<string, unknown>, "edit-") } : v),
  z.object({
    heading: SectionSaveInput.shape.heading,
    body: SectionSaveInput.shape.body,
    summary: SectionSaveInput.shape.summary,
    baseRevisionId: SectionSaveInput.shape.baseRevisionId,
    theirsRevisionId: z.coerce.number({ error: "field.invalid" }).int().positive(),
    choices: z.record(z.string(), z.string({ error: "field.invalid" })),
    edits: z.record(z.string(), z.string({ error: "field.invalid" }).max(200_000, { error: "field.tooLong" }).transform((s) => s.replace(/\r\n?/g, "\n"))),
  }),
);
