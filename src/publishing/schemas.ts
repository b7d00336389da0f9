import { z } from "zod";
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

/** The longest note that explains the warnings an edition goes out with. */
export const NOTE_MAX = 2000;

/** Publishing from the edition's page: its label typed again, and the note when there are warnings. */
export const PublishForm = z.object({
  confirm: optionalText(100),
  // One paragraph: line breaks typed in its box become spaces.
  note: z.preprocess((v) => (typeof v === "string" ? v.replace(/\s*[\r\n]+\s*/g, " ") : v), optionalText(NOTE_MAX)),
});

/** Withdrawing from the edition's page: its label typed again, and the reason shown to readers. */
export const WithdrawForm = z.object({ confirm: optionalText(100), reason: requiredText(500) });

/** The moves before publishing: to review and back (a simple button). */
export const ReviewMoveInput = z.object({ to: oneOf(["draft", "in_review"] as const) });
