import { questionsOf, type Definition, type Question } from "#src/domain/surveys.ts";
import { FIGURE_KINDS, FigureQuery, type FigureKind } from "#src/features/surveys/figures.ts";
import type { FieldErrors } from "#src/lib/errors.ts";

// The guided figure form's steps: which questions can be drawn, how each can be broken down,
// which charts show a question with a breakdown, and whether a chart needs one technology. The
// page offers only these combinations, and saving checks the same rules.

export const BREAKDOWNS = ["none", "technology", "region", "kind"] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** What each chart breaks its question down by. */
export const BREAKDOWN_OF: Record<FigureKind, Breakdown> = {
  distribution: "none",
  "choice-by-region": "region",
  "choice-by-kind": "kind",
  "stage-by-technology": "technology",
  radar: "technology",
  "stage-by-region": "region",
  "adoption-heatmap": "region",
  "world-map": "region",
  "stage-by-kind": "kind",
};

/** Charts that show one technology of the matrix (the others show all of them). */
export const NEEDS_TECHNOLOGY: ReadonlySet<FigureKind> = new Set(["stage-by-region", "world-map", "stage-by-kind"]);

const isChoice = (q: Question) => q.type === "single" || q.type === "multiple" || q.type === "scale";
const CHOICE_CHARTS = new Set<FigureKind>(["distribution", "choice-by-region", "choice-by-kind"]);

/** The charts that can show a question, whatever the breakdown (none for numbers and texts). */
export const chartsOf = (q: Question): FigureKind[] => FIGURE_KINDS.filter((k) => (isChoice(q) ? CHOICE_CHARTS.has(k) : q.type === "matrix" && !CHOICE_CHARTS.has(k)));

/** The questions a figure can draw, in the survey's order. */
export const chartableQuestions = (definition: Definition): Question[] => questionsOf(definition).filter((q) => chartsOf(q).length > 0);

/** The breakdowns a question allows, in the order forms offer them. */
export const breakdownsOf = (q: Question): Breakdown[] => BREAKDOWNS.filter((b) => chartsOf(q).some((k) => BREAKDOWN_OF[k] === b));

/** The charts that show a question with a breakdown. */
export const chartsFor = (q: Question, breakdown: Breakdown): FigureKind[] => chartsOf(q).filter((k) => BREAKDOWN_OF[k] === breakdown);

/** What the form's selects say (from the address or the posted form); anything may be missing or wrong. */
export type Selection = { question?: string | undefined; breakdown?: string | undefined; chart?: string | undefined; technology?: string | undefined };

/** A selection checked against a survey's questions, with the options each step offers. */
export type Steps = {
  question?: Question;
  breakdown?: Breakdown;
  chart?: FigureKind;
  technology?: string;
  options: { questions: Question[]; breakdowns: Breakdown[]; charts: FigureKind[]; technologies: string[] };
  /** Field → message key, for each step whose value is not one the previous steps allow. */
  errors: FieldErrors;
  /** The figure's query, when every step holds. */
  query?: FigureQuery;
};

/**
 * Checks a selection step by step. A value that is not one of the step's options is an error on
 * that field (and the later steps wait for it). A missing value takes the step's first option
 * when `defaults` (a page being set up), and is required otherwise (a figure being saved).
 */
export function resolveSteps(definition: Definition, selection: Selection, { defaults }: { defaults: boolean }): Steps {
  const errors: FieldErrors = {};
  const questions = chartableQuestions(definition);
  const steps: Steps = { options: { questions, breakdowns: [], charts: [], technologies: [] }, errors };
  const pick = <T extends string>(field: string, given: string | undefined, options: readonly T[], invalid: string): T | undefined => {
    if (given) {
      if ((options as readonly string[]).includes(given)) return given as T;
      errors[field] = invalid;
      return undefined;
    }
    if (defaults && options.length) return options[0];
    errors[field] = options.length || !defaults ? "field.required" : invalid;
    return undefined;
  };
  const questionId = pick("question", selection.question, questions.map((q) => q.id), "figure.error.question");
  const question = questions.find((q) => q.id === questionId);
  if (!question) return steps;
  steps.question = question;
  steps.options.breakdowns = breakdownsOf(question);
  const breakdown = pick("breakdown", selection.breakdown, steps.options.breakdowns, "figure.error.breakdown");
  if (!breakdown) return steps;
  steps.breakdown = breakdown;
  steps.options.charts = chartsFor(question, breakdown);
  const chart = pick("chart", selection.chart, steps.options.charts, "figure.error.chart");
  if (!chart) return steps;
  steps.chart = chart;
  if (NEEDS_TECHNOLOGY.has(chart) && question.type === "matrix") {
    steps.options.technologies = question.technologies;
    const technology = pick("technology", selection.technology, question.technologies, "figure.error.technology");
    if (!technology) return steps;
    steps.technology = technology;
    steps.query = FigureQuery.parse({ kind: chart, question: question.id, technology });
    return steps;
  }
  steps.query = FigureQuery.parse({ kind: chart, question: question.id });
  return steps;
}

/** The address query of a selection that holds (what a reload or a shared link shows again). */
export function selectionQuery(steps: Steps): string {
  const params = new URLSearchParams();
  if (steps.question) params.set("question", steps.question.id);
  if (steps.breakdown) params.set("breakdown", steps.breakdown);
  if (steps.chart) params.set("chart", steps.chart);
  if (steps.technology) params.set("technology", steps.technology);
  return params.toString();
}
