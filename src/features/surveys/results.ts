import { ADOPTION_STAGES, questionsOf, type AdoptionStage, type Answers, type Definition, type MatrixAnswer, type Question } from "#src/domain/surveys.ts";

// Results of a survey, computed from its submitted responses in memory (186 organizations ×
// 60 questions is a few milliseconds). Public results hide every group of fewer organizations
// than the survey's threshold, and never show text answers or any single organization's answers.

export type Respondent = { organizationId: string; regionCode: string | null; kind: string; country?: string | null; answers: Answers };
export type Audience = "public" | "editor";

export type Group = { group: string; n: number; hidden: boolean; counts: Record<string, number> };
export type RateGroup = { group: string; invited: number; responded: number; hidden: boolean };

export type QuestionResult =
  | { id: string; type: "choice"; n: number; hidden: boolean; counts: Record<string, number>; byRegion: Group[]; byKind: Group[] }
  | { id: string; type: "number"; n: number; hidden: boolean; mean: number | null; median: number | null; min: number | null; max: number | null }
  | { id: string; type: "text"; n: number }
  | { id: string; type: "matrix"; n: number; hidden: boolean; byTechnology: (Group & { technology: string })[]; byTechnologyRegion: (Group & { technology: string })[]; byTechnologyKind: (Group & { technology: string })[]; byTechnologyCountry: (Group & { technology: string })[]; followUps: { technology: string; followUp: string; n: number; counts: Record<string, number> }[] };

export type Results = {
  invited: number;
  responded: number;
  minGroup: number;
  audience: Audience;
  byRegion: RateGroup[];
  byKind: RateGroup[];
  questions: QuestionResult[];
};

const NO_REGION = "none";

/**
 * The answers a choice question can have, in the order it defines them (a scale from its lowest
 * to its highest point), then any other value found in `counts` (an option of an earlier version
 * of the questions): what tables and charts follow, never the order of the counts.
 */
export function choiceValues(q: Question, counts: Record<string, number>[] = []): string[] {
  // A scale's every point, when it has a reasonable number of them; else the points answered, in order.
  const points = q.type === "scale" && q.max - q.min < 20 ? Array.from({ length: q.max - q.min + 1 }, (_, i) => String(q.min + i)) : [];
  const defined = q.type === "single" || q.type === "multiple" ? q.options.map((o) => o.value) : points;
  const seen = new Set(defined);
  const others = counts.flatMap((c) => Object.keys(c)).filter((v) => !seen.has(v) && (seen.add(v), true));
  if (q.type === "scale") others.sort((a, b) => Number(a) - Number(b));
  return [...defined, ...others];
}
const groupKey = (r: { regionCode: string | null }) => r.regionCode ?? NO_REGION;

function tally(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

function groupsOf<T>(items: T[], key: (t: T) => string, values: (t: T) => string[], minGroup: number, audience: Audience): Group[] {
  const byGroup = new Map<string, T[]>();
  for (const item of items) byGroup.set(key(item), [...(byGroup.get(key(item)) ?? []), item]);
  return [...byGroup.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, members]) => {
      const hidden = audience === "public" && members.length < minGroup;
      return { group, n: members.length, hidden, counts: hidden ? {} : tally(members.flatMap(values)) };
    });
}

const median = (xs: number[]) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Computes a survey's results for an audience. */
export function computeResults(input: { definition: Definition; respondents: Respondent[]; invited: { regionCode: string | null; kind: string }[]; minGroup: number; audience: Audience }): Results {
  const { definition, respondents, invited, minGroup, audience } = input;
  const rate = (key: (x: { regionCode: string | null; kind: string }) => string): RateGroup[] => {
    const groups = new Set([...invited.map(key), ...respondents.map(key)]);
    return [...groups].sort().map((group) => {
      const inv = invited.filter((x) => key(x) === group).length;
      const resp = respondents.filter((x) => key(x) === group).length;
      return { group, invited: inv, responded: resp, hidden: audience === "public" && resp > 0 && resp < minGroup };
    });
  };
  const questions = questionsOf(definition).map((q): QuestionResult => {
    const answered = respondents.filter((r) => r.answers[q.id] !== undefined);
    const n = answered.length;
    const hidden = audience === "public" && n < minGroup;
    switch (q.type) {
      case "single":
      case "multiple":
      case "scale": {
        const values = (r: Respondent) => {
          const a = r.answers[q.id];
          return Array.isArray(a) ? a : [String(a)];
        };
        return {
          id: q.id,
          type: "choice",
          n,
          hidden,
          counts: hidden ? {} : tally(answered.flatMap(values)),
          byRegion: groupsOf(answered, groupKey, values, minGroup, audience),
          byKind: groupsOf(answered, (r) => r.kind, values, minGroup, audience),
        };
      }
      case "number": {
        const xs = answered.map((r) => Number(r.answers[q.id]));
        return hidden
          ? { id: q.id, type: "number", n, hidden, mean: null, median: null, min: null, max: null }
          : { id: q.id, type: "number", n, hidden, mean: xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null, median: median(xs), min: xs.length ? Math.min(...xs) : null, max: xs.length ? Math.max(...xs) : null };
      }
      case "short":
      case "long":
        return { id: q.id, type: "text", n };
      case "matrix": {
        const rows = answered.flatMap((r) => Object.entries(r.answers[q.id] as MatrixAnswer).map(([technology, a]) => ({ ...r, technology, stage: a.stage, followUps: a.followUps })));
        const byTechnology = q.technologies.map((technology) => {
          const these = rows.filter((row) => row.technology === technology && row.stage);
          const techHidden = audience === "public" && these.length < minGroup;
          return { technology, group: technology, n: these.length, hidden: techHidden, counts: techHidden ? {} : tally(these.map((row) => row.stage as string)) };
        });
        const byTechnologyRegion = q.technologies.flatMap((technology) =>
          groupsOf(rows.filter((row) => row.technology === technology && row.stage), groupKey, (row) => [row.stage as string], minGroup, audience).map((g) => ({ ...g, technology })),
        );
        const byTechnologyKind = q.technologies.flatMap((technology) =>
          groupsOf(rows.filter((row) => row.technology === technology && row.stage), (row) => row.kind, (row) => [row.stage as string], minGroup, audience).map((g) => ({ ...g, technology })),
        );
        // By country too: public results show a country only when enough of its organizations answered.
        const byTechnologyCountry = q.technologies.flatMap((technology) =>
          groupsOf(rows.filter((row) => row.technology === technology && row.stage && row.country), (row) => row.country!, (row) => [row.stage as string], minGroup, audience).map((g) => ({ ...g, technology })),
        );
        const followUps = q.technologies.flatMap((technology) =>
          q.followUps.map((f) => {
            const these = rows.filter((row) => row.technology === technology && row.followUps[f.id]);
            const fHidden = audience === "public" && these.length < minGroup;
            return { technology, followUp: f.id, n: these.length, counts: fHidden ? {} : tally(these.flatMap((row) => row.followUps[f.id] ?? [])) };
          }),
        );
        return { id: q.id, type: "matrix", n, hidden, byTechnology, byTechnologyRegion, byTechnologyKind, byTechnologyCountry, followUps };
      }
    }
  });
  return { invited: invited.length, responded: respondents.length, minGroup, audience, byRegion: rate(groupKey), byKind: rate((x) => x.kind), questions };
}

// The technology radar: each technology placed in a ring by how far respondents have taken it.

export const RINGS = ["production", "piloting", "exploring", "watching"] as const;
export type Ring = (typeof RINGS)[number];
export type RadarBlip = { technology: string; score: number; ring: Ring; n: number; movement: "in" | "out" | "new" | "same" };

const STAGE_SCORE: Record<AdoptionStage, number> = { no_plans: 0, planning: 1, proof_of_concept: 2, pilot: 3, production: 4 };

/** A technology's ring from its average stage (0 no plans … 4 in production). */
export function ringOf(score: number): Ring {
  return score >= 2.5 ? "production" : score >= 1.75 ? "piloting" : score >= 1 ? "exploring" : "watching";
}

/** Places the matrix's technologies on the radar, with their movement since an earlier result. */
export function radar(matrix: Extract<QuestionResult, { type: "matrix" }>, previous?: Extract<QuestionResult, { type: "matrix" }>): RadarBlip[] {
  const scoreOf = (m: Extract<QuestionResult, { type: "matrix" }>, technology: string) => {
    const row = m.byTechnology.find((t) => t.technology === technology);
    if (!row || row.hidden || !row.n) return undefined;
    const total = ADOPTION_STAGES.reduce((sum, s) => sum + (row.counts[s] ?? 0) * STAGE_SCORE[s], 0);
    return { score: total / row.n, n: row.n };
  };
  return matrix.byTechnology.flatMap((row) => {
    const now = scoreOf(matrix, row.technology);
    if (!now) return [];
    const before = previous ? scoreOf(previous, row.technology) : undefined;
    const ring = ringOf(now.score);
    const movement = !previous ? "same" : !before ? "new" : RINGS.indexOf(ring) < RINGS.indexOf(ringOf(before.score)) ? "in" : RINGS.indexOf(ring) > RINGS.indexOf(ringOf(before.score)) ? "out" : "same";
    return [{ technology: row.technology, score: now.score, ring, n: now.n, movement }];
  });
}
