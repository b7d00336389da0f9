import { ADOPTION_STAGES, isShown, questionsOf, type AdoptionStage, type Answers, type Definition, type MatrixAnswer, type Question } from "#src/domain/surveys.ts";

// Answers in and out of flat key → value form: what a web form posts (keys prefixed "q.") and
// what a spreadsheet row holds (one column per key). Keys: "<question>" for plain questions,
// "<question>.<technology>.stage" and "<question>.<technology>.<follow-up>" for the matrix.
// Lists (multiple choice) are arrays in forms and ";"- or ","-separated text in spreadsheets
// (option values never contain either).

export type Flat = Record<string, string | string[] | number | undefined>;

/** A problem with one value: its key (the column), a message key and its parameters. */
export type Problem = { key: string; code: "notAnOption" | "notANumber" | "outOfRange" | "required" | "tooLong" | "unknownColumn"; value?: string; min?: number; max?: number };

const MAX_TEXT = { short: 300, long: 10_000 } as const;

/** Every column a definition's answers fill, in order. */
export function columnsOf(def: Definition): string[] {
  return questionsOf(def).flatMap((q) =>
    q.type === "matrix" ? q.technologies.flatMap((tech) => [`${q.id}.${tech}.stage`, ...q.followUps.map((f) => `${q.id}.${tech}.${f.id}`)]) : [q.id],
  );
}

const listOf = (v: Flat[string]): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v.map((x) => String(x).trim()).filter(Boolean) : String(v).split(/\s*[;,]\s*/).map((x) => x.trim()).filter(Boolean);

const textOf = (v: Flat[string]): string => (v === undefined ? "" : Array.isArray(v) ? (v[0] ?? "") : String(v)).trim();

/** A number written either way: "3.5", "3,5", " 1 200 " (a decimal comma as in French). */
export function parseNumber(raw: string | number): number | undefined {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : undefined;
  const s = raw.replace(/[\s\u00a0\u202f]/g, "");
  if (!/^-?\d+([.,]\d+)?$/.test(s)) return undefined;
  return Number(s.replace(",", "."));
}

/**
 * Reads answers from flat values. With `submit`, required questions must be answered and answers
 * to questions hidden by an earlier answer are dropped; a draft keeps them, for when the earlier
 * answer changes back. Answers nothing plus the problems, or the answers.
 */
export function readAnswers(def: Definition, flat: Flat, options: { submit: boolean; strictColumns?: boolean }): { answers: Answers; problems: Problem[] } {
  const answers: Answers = {};
  const problems: Problem[] = [];
  const known = new Set(columnsOf(def));
  if (options.strictColumns) for (const key of Object.keys(flat)) if (!known.has(key) && flat[key] !== undefined && textOf(flat[key]) !== "") problems.push({ key, code: "unknownColumn" });

  for (const q of questionsOf(def)) {
    const answer = readOne(q, flat, problems);
    if (answer !== undefined) answers[q.id] = answer;
  }
  // Conditional questions: only those the earlier answers open.
  for (const q of questionsOf(def)) {
    if (!isShown(q, answers)) {
      if (options.submit) delete answers[q.id];
    } else if (options.submit && q.required && answers[q.id] === undefined) problems.push({ key: q.type === "matrix" ? `${q.id}.${q.technologies[0]}.stage` : q.id, code: "required" });
  }
  return { answers, problems };
}

function readOne(q: Question, flat: Flat, problems: Problem[]) {
  switch (q.type) {
    case "single": {
      const v = textOf(flat[q.id]);
      if (!v) return undefined;
      if (!q.options.some((o) => o.value === v)) return void problems.push({ key: q.id, code: "notAnOption", value: v });
      return v;
    }
    case "multiple": {
      const vs = [...new Set(listOf(flat[q.id]))];
      const bad = vs.find((v) => !q.options.some((o) => o.value === v));
      if (bad) return void problems.push({ key: q.id, code: "notAnOption", value: bad });
      return vs.length ? vs : undefined;
    }
    case "number":
    case "scale": {
      const raw = flat[q.id];
      if (raw === undefined || textOf(raw) === "") return undefined;
      const n = parseNumber(typeof raw === "number" ? raw : textOf(raw));
      if (n === undefined) return void problems.push({ key: q.id, code: "notANumber", value: textOf(raw) });
      const min = q.min;
      const max = q.max;
      if ((min !== undefined && n < min) || (max !== undefined && n > max) || (q.type === "scale" && !Number.isInteger(n))) return void problems.push({ key: q.id, code: "outOfRange", value: String(n), ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) });
      return n;
    }
    case "short":
    case "long": {
      const v = textOf(flat[q.id]).replace(/\r\n?/g, "\n");
      if (!v) return undefined;
      if (v.length > MAX_TEXT[q.type]) return void problems.push({ key: q.id, code: "tooLong" });
      return v;
    }
    case "matrix": {
      const matrix: MatrixAnswer = {};
      for (const tech of q.technologies) {
        const key = `${q.id}.${tech}.stage`;
        const stage = textOf(flat[key]);
        if (stage && !(ADOPTION_STAGES as readonly string[]).includes(stage)) {
          problems.push({ key, code: "notAnOption", value: stage });
          continue;
        }
        const followUps: Record<string, string[]> = {};
        for (const f of q.followUps) {
          const fkey = `${q.id}.${tech}.${f.id}`;
          const vs = [...new Set(listOf(flat[fkey]))];
          const bad = vs.find((v) => !f.options.some((o) => o.value === v));
          if (bad) problems.push({ key: fkey, code: "notAnOption", value: bad });
          else if (vs.length && stage && stage !== "no_plans") followUps[f.id] = vs;
        }
        if (stage) matrix[tech] = { stage: stage as AdoptionStage, followUps };
      }
      return Object.keys(matrix).length ? matrix : undefined;
    }
  }
}

/** Answers back to flat values (for forms to show, and for export rows: lists joined with ";"). */
export function flatten(def: Definition, answers: Answers, joinLists = false): Record<string, string | string[]> {
  const flat: Record<string, string | string[]> = {};
  const list = (vs: string[]) => (joinLists ? vs.join(";") : vs);
  for (const q of questionsOf(def)) {
    const a = answers[q.id];
    if (a === undefined) continue;
    if (q.type === "matrix") {
      const m = a as MatrixAnswer;
      for (const tech of q.technologies) {
        const row = m[tech];
        if (!row) continue;
        if (row.stage) flat[`${q.id}.${tech}.stage`] = row.stage;
        for (const [f, vs] of Object.entries(row.followUps)) flat[`${q.id}.${tech}.${f}`] = list(vs);
      }
    } else if (Array.isArray(a)) flat[q.id] = list(a);
    else flat[q.id] = String(a);
  }
  return flat;
}
