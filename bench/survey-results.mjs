// Survey results and every figure for 186 organizations answering 60 questions (50 plain ones
// and a technology matrix of 10 technologies with two follow-ups), computed in memory as the
// results page does. Baseline in the same run: one pass that only reads every answer once
// (the least any computation over the answers must do).
import { register } from "tsx/esm/api";

register();

const { computeResults, radar } = await import("../src/features/surveys/results.ts");
const { datasetOf, renderSvg } = await import("../src/features/surveys/figures.ts");
const { DefinitionSchema } = await import("../src/domain/surveys.ts");
const { translator } = await import("../src/i18n/i18n.ts");

const ORGS = 186;
const TECHS = Array.from({ length: 10 }, (_, i) => `tech-${i + 1}`);
const options = (n) => Array.from({ length: n }, (_, i) => ({ value: `o${i}`, label: { en: `Option ${i}` } }));
const questions = [];
for (let i = 0; i < 50; i++) {
  const type = ["single", "multiple", "number", "scale", "short"][i % 5];
  const q = { id: `q${i}`, type, text: { en: `Question ${i}` }, required: false };
  if (type === "single" || type === "multiple") q.options = options(6);
  if (type === "number") Object.assign(q, { min: 0, max: 1000 });
  if (type === "scale") Object.assign(q, { min: 1, max: 5 });
  questions.push(q);
}
questions.push({ id: "adoption", type: "matrix", text: { en: "Adoption" }, required: false, technologies: TECHS, followUps: [{ id: "areas", text: { en: "Areas" }, options: options(6) }, { id: "challenges", text: { en: "Challenges" }, options: options(5) }] });
const definition = DefinitionSchema.parse({ sections: [{ id: "all", title: { en: "All" }, questions }] });

const STAGES = ["no_plans", "planning", "proof_of_concept", "pilot", "production"];
const REGIONS = ["AMS", "EUR", "AP", "ESA", "WCA", "MENA"];
const respondents = Array.from({ length: ORGS }, (_, r) => {
  const answers = {};
  for (const q of questions) {
    if (q.type === "single") answers[q.id] = `o${(r + q.id.length) % 6}`;
    else if (q.type === "multiple") answers[q.id] = [`o${r % 6}`, `o${(r + 2) % 6}`];
    else if (q.type === "number") answers[q.id] = (r * 7) % 1000;
    else if (q.type === "scale") answers[q.id] = 1 + (r % 5);
    else if (q.type === "short") answers[q.id] = `text ${r}`;
    else answers[q.id] = Object.fromEntries(TECHS.map((t, i) => [t, { stage: STAGES[(r + i) % 5], followUps: { areas: [`o${r % 6}`], challenges: [`o${i % 5}`] } }]));
  }
  return { organizationId: `org-${r}`, regionCode: REGIONS[r % 6], kind: r % 9 === 0 ? "private_sector" : "customs_administration", answers };
});
const invited = respondents.map((r) => ({ regionCode: r.regionCode, kind: r.kind }));
const t = translator("en");
const labels = { t, technology: (s) => s, region: (s) => s, option: (_q, v) => v };
const FIGURES = [{ kind: "stage-by-technology", question: "adoption" }, ...TECHS.map((technology) => ({ kind: "stage-by-region", question: "adoption", technology })), { kind: "adoption-heatmap", question: "adoption" }, { kind: "distribution", question: "q0" }, { kind: "radar", question: "adoption" }];

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(work, runs) {
  await work();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return median(times);
}

export async function run() {
  const baseline = await time(() => {
    let count = 0;
    for (const r of respondents) for (const v of Object.values(r.answers)) if (v !== undefined) count += 1;
    return count;
  }, 50);
  const results = await time(() => computeResults({ definition, respondents, invited, minGroup: 5, audience: "public" }), 30);
  const figures = await time(async () => {
    const res = computeResults({ definition, respondents, invited, minGroup: 5, audience: "public" });
    const matrix = res.questions.find((q) => q.id === "adoption");
    for (const query of FIGURES) await renderSvg(query, datasetOf(query, res, labels), t, query.kind === "radar" ? radar(matrix) : undefined, labels);
  }, 5);
  return [
    { benchmark: `survey results, ${ORGS} organizations × 60 questions (public, small groups hidden)`, value: `${results.toFixed(1)} ms`, baseline: `reading every answer once ${baseline.toFixed(2)} ms`, ratio: `${(results / baseline).toFixed(0)}×` },
    { benchmark: `the same results and all ${FIGURES.length} figures drawn as SVG (Vega-Lite, radar)`, value: `${figures.toFixed(0)} ms`, baseline: "", ratio: "" },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await run()) console.log(`| ${r.benchmark} | ${r.value} | ${r.baseline} | ${r.ratio} |`);
}
