// The import review form: what the member decided (title, technologies, stage, period, where each
// passage goes) read from the posted fields, and the form's values drawn from a preview.

import { PASSAGE_TARGETS, type PassageTarget, type PreviewChoices, type WordPreview } from "#src/domain/case-study-imports.ts";
import { STAGES, type Stage } from "#src/domain/case-studies.ts";
import { appError, type FieldErrors } from "#src/lib/errors.ts";
import { formList } from "#src/lib/validation.ts";
import type { FormValues } from "#src/web/components.tsx";

/** The form field that moves passage n. */
export const targetField = (n: number) => `target-${n}`;

const isTarget = (v: unknown): v is PassageTarget => typeof v === "string" && (PASSAGE_TARGETS as readonly string[]).includes(v);

/**
 * Targets that only suggest the choices above the passages (ticks, stage, years) and are never
 * copied: the member sets those choices themselves, so a passage is not moved into them.
 */
const SUGGESTING: readonly PassageTarget[] = ["technologies", "stage", "period"];

/** Where a passage may be moved: every field it can be copied into, "unplaced", and where the import put it. */
export function movesFor(passage: { target: PassageTarget }): PassageTarget[] {
  return PASSAGE_TARGETS.filter((target) => !SUGGESTING.includes(target) || target === passage.target);
}
const mayMove = (passage: { target: PassageTarget }, v: unknown): v is PassageTarget => isTarget(v) && movesFor(passage).includes(v);
const isStage = (v: string): v is Stage => (STAGES as readonly string[]).includes(v);
const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");

/** The review form's values as the preview proposes them, before the member changes anything. */
export function reviewValues(preview: WordPreview): FormValues {
  return {
    title: preview.title,
    technologies: preview.technologies,
    stage: preview.stage ?? "",
    periodStart: preview.periodStart ?? "",
    periodEnd: preview.periodEnd ?? "",
    ...Object.fromEntries(preview.passages.map((p) => [targetField(p.n), p.target])),
  };
}

/** Where a passage goes on the form as it stands: the member's choice when it is a valid one, else the preview's. */
export function targetOf(values: FormValues, passage: { n: number; target: PassageTarget }): PassageTarget {
  const chosen = values[targetField(passage.n)];
  return mayMove(passage, chosen) ? chosen : passage.target;
}

function year(v: unknown, field: string, errors: FieldErrors): number | null {
  const s = text(v);
  if (!s) return null;
  const n = /^\d{4}$/.test(s) ? Number(s) : NaN;
  if (!(n >= 1950 && n <= 2100)) errors[field] = "field.year";
  return n;
}

/**
 * The member's choices from the posted review form, checked: a passage target out of its list (movesFor), a
 * technology that is not offered (`technologies`: the active slugs), a stage out of STAGES or a year
 * out of range is refused (VALIDATION_FAILED, by field), so that nothing is written.
 */
export function choicesFrom(body: Record<string, unknown>, preview: WordPreview, technologies: readonly string[]): PreviewChoices {
  const errors: FieldErrors = {};
  const title = text(body.title).replace(/\s+/g, " ");
  if (!title) errors.title = "field.required";
  else if (title.length > 300) errors.title = "field.tooLong";
  const chosen = formList(body.technologies).map(String);
  if (chosen.some((slug) => !technologies.includes(slug)) || chosen.length > 20) errors.technologies = "field.invalid";
  const stage = text(body.stage);
  if (stage && !isStage(stage)) errors.stage = "field.invalid";
  const periodStart = year(body.periodStart, "periodStart", errors);
  const periodEnd = year(body.periodEnd, "periodEnd", errors);
  if (!errors.periodStart && !errors.periodEnd && periodStart !== null && periodEnd !== null && periodEnd < periodStart) errors.periodEnd = "field.periodOrder";
  const targets: Record<number, PassageTarget> = {};
  for (const passage of preview.passages) {
    const value = body[targetField(passage.n)];
    if (value === undefined) continue;
    if (mayMove(passage, value)) targets[passage.n] = value;
    else errors[targetField(passage.n)] = "field.invalid";
  }
  if (Object.keys(errors).length) throw appError("VALIDATION_FAILED", errors);
  return { title, targets, technologies: [...new Set(chosen)], stage: stage && isStage(stage) ? stage : null, periodStart, periodEnd };
}
