import { z } from "zod";
import { DefinitionSchema, type Definition } from "#src/domain/surveys.ts";
import type { Flat } from "#src/features/surveys/answers.ts";
import { formList, optionalText, requiredText } from "#src/lib/validation.ts";

// What the survey forms and addresses accept.

const slug = z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.string({ error: "field.required" }).regex(/^[a-z0-9][a-z0-9-]{0,59}$/, { error: "field.slug" }));
const year = z.coerce.number({ error: "field.year" }).int({ error: "field.year" }).min(1990, { error: "field.year" }).max(2100, { error: "field.year" });

export const NewSurveyInput = z.object({ title: requiredText(300), slug: slug, year, template: z.enum(["adoption", "blank"]).catch("adoption") });

export const SurveySettingsInput = z.object({
  title: requiredText(300),
  year,
  kind: z.preprocess((v) => (typeof v === "string" && v.trim() ? v.trim().toLowerCase() : "general"), z.string().regex(/^[a-z0-9-]{1,40}$/, { error: "field.slug" })),
  intro: optionalText(4000),
  minGroup: z.coerce.number({ error: "field.invalid" }).int().min(1, { error: "field.invalid" }).max(100, { error: "field.invalid" }),
  definition: z.string({ error: "field.required" }).max(500_000, { error: "field.tooLong" }),
});

export const StatusInput = z.object({ status: z.enum(["draft", "open", "closed"], { error: "field.invalid" }) });

export const InvitationsInput = z.object({ organizations: z.preprocess(formList, z.array(z.uuid({ error: "field.invalid" })).max(2000)) });

export const ReopenInput = z.object({ organizationId: z.uuid({ error: "field.invalid" }) });

export const FIGURE_KINDS = ["stage-by-technology", "stage-by-region", "adoption-heatmap", "distribution", "radar", "world-map"] as const;

/** The new-figure form (its fields are prefixed: it shares the survey page with other forms). */
export const FigureInput = z
  .object({
    figureSlug: slug,
    figureKind: z.enum(FIGURE_KINDS, { error: "field.invalid" }),
    figureQuestion: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { error: "field.invalid" }),
    figureTechnology: z.preprocess((v) => (typeof v === "string" && v.trim() ? v.trim() : undefined), z.string().regex(/^[a-z0-9-]{1,60}$/, { error: "field.invalid" }).optional()),
    figureTitle: requiredText(300),
    figureCaption: optionalText(1000),
    figureAlt: requiredText(1000),
  })
  .transform((f) => ({ slug: f.figureSlug, kind: f.figureKind, question: f.figureQuestion, technology: f.figureTechnology, title: f.figureTitle, caption: f.figureCaption, alt: f.figureAlt }));
export type NewFigure = z.output<typeof FigureInput>;

export const SlugParams = z.object({ slug });

/** A live figure's address: its slug and the format asked for. */
/** A question set from the JSON an editor typed: the definition, or every problem with its path. */
export function parseDefinition(text: string): { definition?: Definition; problems: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { problems: [`JSON: ${(e as Error).message}`] };
  }
  const parsed = DefinitionSchema.safeParse(raw);
  if (parsed.success) return { definition: parsed.data, problems: [] };
  return { problems: parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`) };
}

/** The answer form's fields "q.<key>" as flat answers. */
export const flatFromForm = (body: Record<string, unknown>): Flat =>
  Object.fromEntries(Object.entries(body).filter(([k]) => k.startsWith("q.")).map(([k, v]) => [k.slice(2), Array.isArray(v) ? v.map(String) : typeof v === "string" ? v : undefined]));
