import { z } from "zod";
import { DefinitionSchema, type Definition } from "#src/domain/surveys.ts";
import type { FigureKind } from "#src/features/surveys/figures.ts";
import type { Flat } from "#src/features/surveys/answers.ts";
import { formList, optionalDate, optionalText, requiredText } from "#src/lib/validation.ts";

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
  /** The day answers are due (blank: no closing date); reminders go out before it. */
  closesOn: optionalDate(),
  definition: z.string({ error: "field.required" }).max(500_000, { error: "field.tooLong" }),
});

export const StatusInput = z.object({ status: z.enum(["draft", "open", "closed"], { error: "field.invalid" }) });

export const InvitationsInput = z.object({ organizations: z.preprocess(formList, z.array(z.uuid({ error: "field.invalid" })).max(2000)) });

export const ReopenInput = z.object({ organizationId: z.uuid({ error: "field.invalid" }) });

// A selection value from an address or a form: one short string, or nothing (a repeated or odd
// parameter is read as nothing rather than refused: the steps then say what to choose).
const selected = z.preprocess((v) => (typeof v === "string" && v.trim() ? v.trim() : undefined), z.string().max(100).optional()).catch(undefined);

/** The guided figure form's selects, as its address carries them (`?survey=…&question=…&breakdown=…&chart=…&technology=…`). */
export const FigureSelection = z.object({ survey: selected, question: selected, breakdown: selected, chart: selected, technology: selected });
export type FigureSelection = z.output<typeof FigureSelection>;

/** The figure's words, posted with its selection; a blank reference is made from the title. */
export const FigureWords = z.object({
  slug: z.preprocess((v) => (typeof v === "string" && v.trim() ? v : undefined), slug.optional()),
  title: requiredText(300),
  caption: optionalText(1000),
  alt: requiredText(1000),
});

/** A figure to create: its survey's question, the chart (and its technology) and its words. */
export type NewFigure = { slug: string; kind: FigureKind; question: string; technology?: string | undefined; title: string; caption: string | null; alt: string };

export const SlugParams = z.object({ slug });

/** A question's chart on a results page: `<question id>.svg`. */
export const ChartFile = z.object({ file: z.string().regex(/^[a-z][a-z0-9_]{0,39}\.svg$/) }).transform(({ file }) => ({ question: file.slice(0, -4) }));

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
