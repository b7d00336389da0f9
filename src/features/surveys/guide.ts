import { isShown, questionsOf, type Answer, type Answers, type Definition, type Question } from "#src/domain/surveys.ts";

// How the answer form guides a member: the number each question carries, which questions apply
// given the answers so far, and how many of those are answered. The form, its hints, its error
// summary and the results pages all read their numbers from here, so they always agree.

const letters = (k: number) => {
  let s = "";
  for (let x = k; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(97 + ((x - 1) % 26)) + s;
  return s;
};

/**
 * The number of each question, by id. Questions asked of everyone are numbered 1, 2, 3… with no
 * gap; a conditional question carries the number of the question before it and a letter ("2a",
 * "2b"), so no number moves when conditional questions appear or disappear.
 */
export function questionNumbers(def: Definition): Map<string, string> {
  const numbers = new Map<string, string>();
  let main = 0;
  let sub = 0;
  for (const q of questionsOf(def)) {
    if (q.showIf) sub += 1;
    else [main, sub] = [main + 1, 0];
    numbers.set(q.id, sub ? `${main}${letters(sub)}` : String(main));
  }
  return numbers;
}

/**
 * The questions that apply, in order: a conditional question applies when its condition holds on
 * the answer to a question that applies itself (a draft may keep answers to questions that no
 * longer apply; they open nothing).
 */
export function applicableQuestions(def: Definition, answers: Answers): Question[] {
  const open: Answers = {};
  const applicable: Question[] = [];
  for (const q of questionsOf(def)) {
    if (!isShown(q, open)) continue;
    applicable.push(q);
    if (answers[q.id] !== undefined) open[q.id] = answers[q.id]!;
  }
  return applicable;
}

const answered = (a: Answer | undefined) =>
  a === undefined ? false : typeof a === "number" ? true : typeof a === "string" ? a.trim() !== "" : Array.isArray(a) ? a.length > 0 : Object.values(a).some((row) => row.stage);

/** How far an organization is: answered questions among those that apply ("7 of 12"). */
export function progressOf(def: Definition, answers: Answers): { answered: number; total: number } {
  const applicable = applicableQuestions(def, answers);
  return { answered: applicable.filter((q) => answered(answers[q.id])).length, total: applicable.length };
}

/** Only the answers to questions that apply: what exports show of a draft that keeps others. */
export function applicableAnswers(def: Definition, answers: Answers): Answers {
  return Object.fromEntries(applicableQuestions(def, answers).filter((q) => answers[q.id] !== undefined).map((q) => [q.id, answers[q.id]!]));
}
