import { z } from "zod";
import { EDITION_STATUSES, LABEL_PATTERN } from "#src/domain/editions.ts";
import { LANGUAGES } from "#src/domain/languages.ts";
import { oneOf, optionalText, requiredText } from "#src/lib/validation.ts";

// Words that already mean something in edition URLs.
const RESERVED = ["current", "compare", "draft", "feed"];

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
  editionDate: z.iso.date({ error: "field.date" }),
  foreword: optionalText(2000),
});

export const StatusChangeInput = z.object({ to: oneOf(EDITION_STATUSES), reason: optionalText(500) });

/** The parts of a public edition URL; anything else is not found. */
export const EditionParams = z.object({
  report: z.string().regex(/^[a-z0-9-]{1,60}$/),
  edition: z.string().regex(/^[a-z0-9-]{1,40}$/).optional(),
  lang: z.enum(LANGUAGES).optional(),
  chapter: z.string().regex(/^[a-z0-9-]{1,80}$/).optional(),
});

/** Which two versions to compare: edition labels, or "draft". */
export const CompareQuery = z.object({ from: z.string().max(40).optional(), to: z.string().max(40).optional() });

