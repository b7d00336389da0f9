import { describe, expect, it } from "vitest";
import type { WordPreview } from "#src/domain/case-study-imports.ts";
import { choicesFrom, movesFor, reviewValues, targetOf } from "#src/features/case-studies/import-choices.ts";
import { isAppError } from "#src/lib/errors.ts";

const preview: WordPreview = {
  title: "Gate cameras",
  titleFrom: "title",
  language: "en",
  passages: [
    { n: 1, markdown: "A note for the workshop.", heading: null, target: "unplaced", reason: "none" },
    { n: 2, markdown: "Cameras read plates.", heading: "Summary", target: "summary", reason: "heading" },
  ],
  technologies: ["ai"],
  stage: "pilot",
  periodStart: 2020,
  periodEnd: null,
  otherHeadings: [],
  dropped: [],
  warnings: [],
  images: [],
};

const refusal = (body: Record<string, unknown>) => {
  try {
    choicesFrom(body, preview, ["ai", "drones"]);
  } catch (e) {
    if (isAppError(e)) return e.fields;
  }
  throw new Error("not refused");
};

describe("the import review form", () => {
  it("proposes the preview's choices, and reads the member's back", () => {
    const values = reviewValues(preview);
    expect(values).toMatchObject({ title: "Gate cameras", technologies: ["ai"], stage: "pilot", periodStart: 2020, periodEnd: "", "target-1": "unplaced", "target-2": "summary" });
    const choices = choicesFrom({ ...values, "target-1": "lessons", technologies: ["drones", "drones"], periodStart: "2020", stage: "" }, preview, ["ai", "drones"]);
    expect(choices).toEqual({ title: "Gate cameras", targets: { 1: "lessons", 2: "summary" }, technologies: ["drones"], stage: null, periodStart: 2020, periodEnd: null });
    expect(targetOf({ "target-1": "results" }, preview.passages[0]!)).toBe("results");
    expect(targetOf({ "target-1": "nowhere" }, preview.passages[0]!)).toBe("unplaced");
  });

  it("refuses, by field, a target, technology, stage or year that is not offered", () => {
    expect(refusal({ title: " ", "target-2": "appendix", technologies: "big-data", stage: "concept", periodStart: "1800", periodEnd: "20x1" })).toEqual({
      title: "field.required",
      "target-2": "field.invalid",
      technologies: "field.invalid",
      stage: "field.invalid",
      periodStart: "field.year",
      periodEnd: "field.year",
    });
    expect(refusal({ title: "Gate cameras", periodStart: "2022", periodEnd: "2020" })).toEqual({ periodEnd: "field.periodOrder" });
  });

  it("moves a passage into the fields it can be copied to, never into technologies, stage or period, which the member sets", () => {
    const summary = preview.passages[1]!;
    expect(movesFor(summary)).toEqual(["summary", "problem", "solution", "results", "lessons", "partners", "contact", "links", "unplaced"]);
    // A passage the import read to suggest the stage may stay there, or go to a field.
    expect(movesFor({ target: "stage" })).toContain("stage");
    expect(movesFor({ target: "stage" })).not.toContain("technologies");
    expect(targetOf({ "target-2": "stage" }, summary)).toBe("summary");
    expect(refusal({ title: "Gate cameras", "target-2": "technologies", "target-1": "period" })).toEqual({ "target-2": "field.invalid", "target-1": "field.invalid" });
  });
});
