import { z } from "zod";
import { ACKNOWLEDGEMENT_NOTE_MAX, WITHDRAW_REASON_MAX } from "#src/domain/editions.ts";
import { LANGUAGES } from "#src/domain/languages.ts";
import { FORMAT_NAMES } from "#src/publishing/formats.ts";
import { oneOf, optionalText, requiredText } from "#src/lib/validation.ts";

/** An export's URL: the report, the edition's label ("current", "draft"), the language and the format. */
export const ExportUrl = z.object({
  report: z.string().regex(/^[a-z0-9-]{1,60}$/),
  edition: z.string().regex(/^[a-z0-9-]{1,40}$/),
  lang: z.enum(LANGUAGES),
  format: z.enum(FORMAT_NAMES as [string, ...string[]]),
});

/**
 * Publishing from the edition's page: its label typed again, the note when there are warnings,
 * and the codes of the warnings the page showed (one hidden field, comma-separated; absent from
 * forms that showed none, so a warning found since asks again).
 */
export const PublishForm = z.object({
  confirm: optionalText(100),
  // One paragraph: line breaks typed in its box become spaces.
  note: z.preprocess((v) => (typeof v === "string" ? v.replace(/\s*[\r\n]+\s*/g, " ") : v), optionalText(ACKNOWLEDGEMENT_NOTE_MAX)),
  warnings: z.preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : []), z.array(z.string().regex(/^[A-Za-z]{1,60}$/, { error: "field.invalid" })).max(100)),
});

/** Withdrawing from the edition's page: its label typed again, and the reason shown to readers. */
export const WithdrawForm = z.object({ confirm: optionalText(100), reason: requiredText(WITHDRAW_REASON_MAX) });

/** The moves before publishing: to review and back (a simple button). */
export const ReviewMoveInput = z.object({ to: oneOf(["draft", "in_review"] as const) });
