import { z } from "zod";
import { EDITION_DATE_STYLES, LABEL_PATTERN } from "#src/domain/editions.ts";
import { LANGUAGES } from "#src/domain/languages.ts";
import { oneOf, optionalText, requiredText } from "#src/lib/validation.ts";

// Words that already mean something in edition URLs.
const RESERVED = ["current", "compare", "draft", "feed"];

/** A foreword is one paragraph: line breaks typed in its box become spaces. */
const oneParagraph = (max: number) => z.preprocess((v) => (typeof v === "string" ? v.replace(/\s*[\r\n]+\s*/g, " ") : v), optionalText(max));

export const FreezeInput = z.object({
  label: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
    z
      .string({ error: "field.required" })
      .min(1, { error: "field.required" })
      .regex(LABEL_PATTERN, { error: "field.slug" })
      .refine((v) => !RESERVED.includes(v), { error: "field.invalid" }),
  ),
  title: requiredText(300),
  subtitle: optionalText(300),
  editionDate: z.iso.date({ error: "field.date" }),
  foreword: oneParagraph(2000),
});

/** An edition's title, subtitle, foreword and date style in one language. */
export const EditionTextsInput = z.object({
  title: requiredText(300),
  subtitle: optionalText(300),
  foreword: oneParagraph(2000),
  dateStyle: z.preprocess((v) => (v === undefined || v === "" ? "long" : v), oneOf(EDITION_DATE_STYLES)),
});

/** The edition and language an edition-texts form posts to. */
export const EditionTextsParams = z.object({ id: z.uuid(), lang: z.enum(LANGUAGES) });

/** The parts of a public edition URL; anything else is not found. */
export const EditionParams = z.object({
  report: z.string().regex(/^[a-z0-9-]{1,60}$/),
  edition: z.string().regex(/^[a-z0-9-]{1,40}$/).optional(),
  lang: z.enum(LANGUAGES).optional(),
  chapter: z.string().regex(/^[a-z0-9-]{1,80}$/).optional(),
});

/** Which two versions to compare (edition labels, or "draft") and in which language (another is ignored). */
export const CompareQuery = z.object({ from: z.string().max(40).optional(), to: z.string().max(40).optional(), lang: z.enum(LANGUAGES).optional().catch(undefined) });

