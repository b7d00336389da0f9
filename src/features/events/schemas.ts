import { z } from "zod";
import { EVENT_KINDS, EVENT_PART_KINDS, OUTCOME_KINDS, RECOMMENDATION_STATUSES, REF_SLUG } from "#src/domain/events.ts";
import { LANGUAGES, type Language } from "#src/domain/languages.ts";
import { appError } from "#src/lib/errors.ts";
import { formList, optionalText, requiredText } from "#src/lib/validation.ts";

// One schema per form of the events pages and the recommendation register.

const slug = z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.string({ error: "field.required" }).regex(REF_SLUG, { error: "field.slug" }));
const date = z.iso.date({ error: "field.date" });
const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

export const EventInput = z.object({
  kind: z.enum(EVENT_KINDS, { error: "field.invalid" }),
  title: requiredText(300),
  slug,
  startsOn: date,
  endsOn: date,
  place: optionalText(200),
  online: z.preprocess((v) => v === "1" || v === "on" || v === true, z.boolean()),
  regionCode: z.preprocess((v) => (v === "" ? null : v), z.string().regex(/^[A-Z0-9_-]{1,20}$/i, { error: "field.invalid" }).nullable().default(null)),
  organizers: optionalText(300).transform((v) => v ?? ""),
  summary: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(4000, { error: "field.tooLong" })),
});

export const PartInput = z.object({ partKind: z.enum(EVENT_PART_KINDS, { error: "field.invalid" }), partTitle: requiredText(300) });

export const DocumentInput = z.object({ docCode: requiredText(80), docTitle: requiredText(300) });

export const OutcomeInput = z.object({
  outcomeKind: z.enum(OUTCOME_KINDS, { error: "field.invalid" }),
  partId: z.preprocess((v) => (v === "" ? null : v), z.uuid({ error: "field.invalid" }).nullable().default(null)),
  producedBy: optionalText(300).transform((v) => v ?? ""),
  technologies: z.preprocess(formList, z.array(z.string().regex(/^[a-z0-9-]{1,60}$/, { error: "field.invalid" })).max(50)),
});

/** An outcome into the register: the slug of a new recommendation, or an existing one. */
export const OutcomeRecommendationInput = z.object({
  slug: z.preprocess(blankToUndefined, slug.optional()),
  recommendationId: z.preprocess(blankToUndefined, z.uuid({ error: "field.invalid" }).optional()),
});

export const RecommendationInput = z.object({
  status: z.enum(RECOMMENDATION_STATUSES, { error: "field.invalid" }).default("proposed"),
  statusNote: optionalText(500),
  themes: z.preprocess((v) => (typeof v === "string" ? v : ""), z.string().max(500, { error: "field.tooLong" })),
  technologies: z.preprocess(formList, z.array(z.uuid({ error: "field.invalid" })).max(50)),
});

export const NewRecommendationInput = RecommendationInput.extend({ slug });

export const MergeInput = z.object({ other: z.uuid({ error: "field.invalid" }) });

/** The register's filters from the query string; anything else than one text is no filter. */
const filterText = z.string().optional().catch(undefined);
export const RegisterQuery = z.object({ status: filterText, technology: filterText, theme: filterText });

/** The words of an outcome or a recommendation, one field per language (`text_en`...); blank ones are left out. */
export function textsFrom(body: Record<string, unknown>, prefix: string, max = 4000): Partial<Record<Language, string>> {
  const out: Partial<Record<Language, string>> = {};
  for (const l of LANGUAGES) {
    const v = body[`${prefix}_${l}`];
    if (typeof v === "string" && v.trim()) {
      if (v.length > max) throw appError("VALIDATION_FAILED", { [`${prefix}_${l}`]: "field.tooLong" });
      out[l] = v.trim();
    }
  }
  return out;
}
