import { describe, expect, it } from "vitest";
import type { Definition, Question } from "#src/domain/surveys.ts";
import { applicableAnswers, applicableQuestions, progressOf, questionNumbers } from "#src/features/surveys/guide.ts";

const short = (id: string, showIf?: { question: string; equals: string }): Question => ({ id, type: "short", required: false, text: { en: id }, ...(showIf ? { showIf } : {}) });
const single = (id: string, showIf?: { question: string; equals: string }): Question => ({
  id,
  type: "single",
  required: false,
  text: { en: id },
  options: [
    { value: "yes", label: { en: "Yes" } },
    { value: "no", label: { en: "No" } },
  ],
  ...(showIf ? { showIf } : {}),
});

// a; b (yes/no); b1, b2 if b = yes; b3 if b1 = yes (chained); c, in another section; then 27 conditional ones after c.
const def: Definition = {
  sections: [
    { id: "one", title: { en: "One" }, questions: [short("a"), single("b"), single("b1", { question: "b", equals: "yes" }), short("b2", { question: "b", equals: "yes" }), short("b3", { question: "b1", equals: "yes" })] },
    { id: "two", title: { en: "Two" }, questions: [single("c"), ...Array.from({ length: 27 }, (_, i) => short(`c${i}`, { question: "c", equals: "yes" }))] },
  ],
};

describe("survey guidance", () => {
  it("numbers questions for everyone without gaps across sections, conditional ones with letters after the question before them", () => {
    const numbers = questionNumbers(def);
    expect(["a", "b", "b1", "b2", "b3", "c"].map((id) => numbers.get(id))).toEqual(["1", "2", "2a", "2b", "2c", "3"]);
    expect([numbers.get("c0"), numbers.get("c25"), numbers.get("c26")]).toEqual(["3a", "3z", "3aa"]);
  });

  it("applies a conditional question only when the answer it waits for is to a question that applies itself", () => {
    const ids = (answers: Parameters<typeof applicableQuestions>[1]) => applicableQuestions(def, answers).map((q) => q.id).filter((id) => !/^c\d/.test(id));
    expect(ids({})).toEqual(["a", "b", "c"]);
    expect(ids({ b: "yes", b1: "yes" })).toEqual(["a", "b", "b1", "b2", "b3", "c"]);
    // A draft keeps b1's "yes" after b changed to "no": b3 no longer applies either.
    expect(ids({ b: "no", b1: "yes", b3: "kept" })).toEqual(["a", "b", "c"]);
    expect(applicableAnswers(def, { a: "x", b: "no", b1: "yes", b3: "kept" })).toEqual({ a: "x", b: "no" });
  });

  it("counts progress over the questions that apply", () => {
    expect(progressOf(def, {})).toEqual({ answered: 0, total: 3 });
    expect(progressOf(def, { a: "x", b: "no", b1: "yes", b3: "kept" })).toEqual({ answered: 2, total: 3 });
    expect(progressOf(def, { a: "  ", b: "yes", b1: "yes", b3: "x" })).toEqual({ answered: 3, total: 6 });
  });
});
