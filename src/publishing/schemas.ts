import { z } from "zod";
import { LANGUAGES } from "#src/domain/languages.ts";
import { FORMAT_NAMES } from "#src/publishing/formats.ts";

/** An export's URL: the report, the edition's label ("current", "draft"), the language and the format. */
export const ExportUrl = z.object({
  report: z.string().regex(/^[a-z0-9-]{1,60}$/),
  edition: z.string().regex(/^[a-z0-9-]{1,40}$/),
  lang: z.enum(LANGUAGES),
  format: z.enum(FORMAT_NAMES as [string, ...string[]]),
});
