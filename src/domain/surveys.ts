import { z } from "zod";
import type { Language } from "#src/domain/languages.ts";

// Vocabulary of surveys: question types, the stages of the technology matrix, and the shape of a
// questionnaire (its definition), which is data: sections of questions, versioned.

export const QUESTION_TYPES = ["single", "multiple", "number", "scale", "short", "long", "matrix"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** The stages of adoption the technology matrix asks about, from none to full use. */
export const ADOPTION_STAGES = ["no_plans", "planning", "proof_of_concept", "pilot", "production"] as const;
export type AdoptionStage = (typeof ADOPTION_STAGES)[number];

export const SURVEY_STATUSES = ["draft", "open", "closed"] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

export const RESPONSE_STATUSES = ["draft", "submitted"] as const;

/** Groups smaller than this are hidden from public results (editors see them). */
export const DEFAULT_MIN_GROUP = 5;

const Id = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { error: "ids are lower-case letters, digits and _, starting with a letter" });
const Text = z.object({ en: z.string().min(1).max(1000), fr: z.string().max(1000).optional(), es: z.string().max(1000).optional() });
const Option = z.object({ value: Id, label: Text });

const Base = {
  id: Id,
  text: Text,
  help: Text.optional(),
  required: z.boolean().default(false),
  /** Shown only when an earlier question has this answer (for a multiple choice: includes it). */
  showIf: z.object({ question: Id, equals: z.string().min(1) }).optional(),
};

export const QuestionSchema = z.discriminatedUnion("type", [
  z.object({ ...Base, type: z.literal("single"), options: z.array(Option).min(2).max(50) }),
  z.object({ ...Base, type: z.literal("multiple"), options: z.array(Option).min(2).max(50) }),
  z.object({ ...Base, type: z.literal("number"), min: z.number().optional(), max: z.number().optional(), unit: z.string().max(20).optional() }),
  z.object({ ...Base, type: z.literal("scale"), min: z.number().int().default(1), max: z.number().int().default(5), minLabel: Text.optional(), maxLabel: Text.optional() }),
  z.object({ ...Base, type: z.literal("short") }),
  z.object({ ...Base, type: z.literal("long") }),
  z.object({
    ...Base,
    type: z.literal("matrix"),
    /** Technology slugs, one row each. */
    technologies: z.array(z.string().regex(/^[a-z0-9-]{1,60}$/)).min(1).max(30),
    /** Asked for each technology past "no plans": areas of use, benefits, challenges... */
    followUps: z.array(z.object({ id: Id, text: Text, options: z.array(Option).min(2).max(30) })).max(5).default([]),
  }),
]);
export type Question = z.output<typeof QuestionSchema>;

export const DefinitionSchema = z
  .object({
    sections: z.array(z.object({ id: Id, title: Text, questions: z.array(QuestionSchema).min(1).max(100) })).min(1).max(30),
  })
  .superRefine((def, ctx) => {
    const seen = new Map<string, Question>();
    def.sections.forEach((section, si) =>
      section.questions.forEach((q, qi) => {
        const path = ["sections", si, "questions", qi];
        if (seen.has(q.id)) ctx.addIssue({ code: "custom", path: [...path, "id"], message: `the id "${q.id}" is used twice` });
        if (q.showIf) {
          const earlier = seen.get(q.showIf.question);
          if (!earlier) ctx.addIssue({ code: "custom", path: [...path, "showIf", "question"], message: `"${q.showIf.question}" is not an earlier question` });
          else if ((earlier.type === "single" || earlier.type === "multiple") && !earlier.options.some((o) => o.value === q.showIf!.equals))
            ctx.addIssue({ code: "custom", path: [...path, "showIf", "equals"], message: `"${q.showIf.equals}" is not an option of "${earlier.id}"` });
        }
        if (q.type === "scale" && q.max <= q.min) ctx.addIssue({ code: "custom", path: [...path, "max"], message: "max must be above min" });
        seen.set(q.id, q);
      }),
    );
  });
export type Definition = z.output<typeof DefinitionSchema>;

export const questionsOf = (def: Definition): Question[] => def.sections.flatMap((s) => s.questions);

/** One organization's answers: by question id; a matrix answer by technology. */
export type MatrixAnswer = Record<string, { stage: AdoptionStage | null; followUps: Record<string, string[]> }>;
export type Answer = string | string[] | number | MatrixAnswer;
export type Answers = Record<string, Answer>;

/** Whether a question applies, given the answers to earlier ones. */
export function isShown(q: Question, answers: Answers): boolean {
  if (!q.showIf) return true;
  const given = answers[q.showIf.question];
  return Array.isArray(given) ? given.includes(q.showIf.equals) : String(given ?? "") === q.showIf.equals;
}

export const textIn = (text: { en: string; fr?: string | undefined; es?: string | undefined }, lang: Language) => text[lang] || text.en;

/**
 * A figure's file in a URL (live or frozen): its slug, and its drawing (svg; `.narrow.svg` the one
 * drawn for narrow screens) or the rows it was drawn from (csv).
 */
export const FigureFile = z
  .object({ file: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}(\.narrow)?\.(svg|csv)$/).refine((file) => !file.endsWith(".narrow.csv")) })
  .transform(({ file }) => {
    const narrow = file.endsWith(".narrow.svg");
    const slug = file.slice(0, narrow ? -".narrow.svg".length : file.lastIndexOf("."));
    return { slug, type: file.slice(file.lastIndexOf(".") + 1) as "svg" | "csv", narrow };
  });
