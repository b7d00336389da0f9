import { describe, expect, it } from "vitest";
import { DefinitionSchema } from "#src/domain/surveys.ts";
import { datasetOf, renderSvg, specOf } from "#src/features/surveys/figures.ts";
import { choiceValues, computeResults, radar, type Respondent } from "#src/features/surveys/results.ts";
import { adoptionTemplate } from "#src/features/surveys/templates.ts";
import { translator } from "#src/i18n/i18n.ts";

const definition = DefinitionSchema.parse(adoptionTemplate(["blockchain", "drones"]));
const t = translator("en");
const labels = { t, technology: (s: string) => s, region: (s: string) => s, country: (s: string) => s, option: (_q: string, v: string) => v };
const respondent = (i: number, country: string, region: string, blockchain: string, drones = "no_plans"): Respondent => ({
  organizationId: `o${i}`,
  regionCode: region,
  kind: "customs_administration",
  country,
  answers: { innovation_unit: "yes", adoption: { blockchain: { stage: blockchain as "pilot", followUps: {} }, drones: { stage: drones as "pilot", followUps: {} } } },
});

describe("survey results and figures", () => {
  // Six from Peru at pilot, one from Kenya in production.
  const respondents = [...Array.from({ length: 6 }, (_, i) => respondent(i, "PE", "AMS", "pilot", "planning")), respondent(9, "KE", "ESA", "production")];
  const invited = respondents.map((r) => ({ regionCode: r.regionCode, kind: r.kind }));

  it("never lets a public figure show a group, region or country of fewer organizations than the threshold", async () => {
    const pub = computeResults({ definition, respondents, invited, minGroup: 5, audience: "public" });
    const map = datasetOf({ kind: "world-map", question: "adoption", technology: "blockchain" }, pub, labels);
    expect(map.rows).toEqual([["PE", "604", "Pilot"]]);
    const byRegion = datasetOf({ kind: "stage-by-region", question: "adoption", technology: "blockchain" }, pub, labels);
    expect(byRegion.rows).toEqual([["AMS", "Pilot", 6]]);
    const editor = computeResults({ definition, respondents, invited, minGroup: 5, audience: "editor" });
    expect(datasetOf({ kind: "world-map", question: "adoption", technology: "blockchain" }, editor, labels).rows).toEqual([["KE", "404", "In production"], ["PE", "604", "Pilot"]]);
    const svg = await renderSvg({ kind: "world-map", question: "adoption", technology: "blockchain" }, map, t);
    expect(svg).toMatch(/^<svg/);
    expect(svg).not.toMatch(/<script|href="http/);
  });

  it("places technologies on the radar by their average stage and says how they moved", () => {
    const now = computeResults({ definition, respondents, invited, minGroup: 5, audience: "public" });
    const before = computeResults({ definition, respondents: respondents.map((r) => respondent(Number(r.organizationId.slice(1)), "PE", "AMS", "planning", "proof_of_concept")), invited, minGroup: 5, audience: "public" });
    const matrix = (r: typeof now) => r.questions.find((q) => q.type === "matrix") as Extract<(typeof now)["questions"][number], { type: "matrix" }>;
    const blips = radar(matrix(now), matrix(before));
    expect(blips.find((b) => b.technology === "blockchain")).toMatchObject({ ring: "production", movement: "in" });
    expect(blips.find((b) => b.technology === "drones")).toMatchObject({ ring: "watching", movement: "out" });
    expect(radar(matrix(now)).every((b) => b.movement === "same")).toBe(true);
  });
  it("keeps a choice's answers in the question's order (a scale from its lowest point), never by count, and hides small groups", () => {
    const scale = definition.sections.flatMap((x) => x.questions).find((q) => q.id === "priority")!;
    const unit = definition.sections.flatMap((x) => x.questions).find((q) => q.id === "innovation_unit")!;
    expect(choiceValues(scale)).toEqual(["1", "2", "3", "4", "5"]);
    expect(choiceValues(unit, [{ no: 9, maybe: 1, yes: 3 }])).toEqual(["yes", "no", "planned", "maybe"]);
    // Nine answer 5, two answer 1, one answers 3; one of them alone in its region and kind.
    const answers = [...Array.from({ length: 9 }, () => 5), 1, 1, 3];
    const many = answers.map((priority, i) => ({ ...respondent(i, "FR", "EUR", "pilot"), answers: { priority, innovation_unit: i % 2 ? "no" : "yes" } }));
    const lone = { ...respondent(99, "SN", "WCA", "pilot"), kind: "academia", answers: { priority: 2, innovation_unit: "planned" } };
    const pub = computeResults({ definition, respondents: [...many, lone], invited: [], minGroup: 5, audience: "public" });
    const choice = { ...labels, choice: (q: string) => (q === "priority" ? { values: choiceValues(scale), ordinal: true } : q === "innovation_unit" ? { values: choiceValues(unit), ordinal: false } : undefined) };
    const distribution = datasetOf({ kind: "distribution", question: "priority" }, pub, choice);
    expect(distribution.rows).toEqual([["1", 2], ["2", 1], ["3", 1], ["4", 0], ["5", 9]]);
    expect(specOf({ kind: "distribution", question: "priority" }, distribution, t, true)).toMatchObject({ encoding: { y: { sort: null } } });
    const byRegion = datasetOf({ kind: "choice-by-region", question: "innovation_unit" }, pub, choice);
    expect(byRegion.columns).toEqual(["region", "answer", "organizations"]);
    expect(byRegion.rows).toEqual([["EUR", "yes", 6], ["EUR", "no", 6], ["EUR", "planned", 0]]);
    const byKind = datasetOf({ kind: "choice-by-kind", question: "priority" }, pub, choice);
    expect(byKind.rows.map((r) => r[0])).toEqual(Array(5).fill("customs_administration"));
    expect(byKind.n).toBe(12);
    // The stacked bars keep the answers' order in their colours and stacking.
    const spec = specOf({ kind: "choice-by-region", question: "innovation_unit" }, byRegion, t) as { encoding: { color: { sort: string[] } } };
    expect(spec.encoding.color.sort).toEqual(["yes", "no", "planned"]);
  });

  it("breaks a technology's stages down by kind of organization, small kinds hidden", () => {
    const mixed = [...respondents, ...Array.from({ length: 5 }, (_, i) => ({ ...respondent(20 + i, "JP", "AP", "production"), kind: "private_sector" })), { ...respondent(30, "JP", "AP", "pilot"), kind: "academia" }];
    const pub = computeResults({ definition, respondents: mixed, invited: [], minGroup: 5, audience: "public" });
    const data = datasetOf({ kind: "stage-by-kind", question: "adoption", technology: "blockchain" }, pub, { ...labels, kind: (k: string) => k.toUpperCase() });
    expect(data.columns).toEqual(["kind", "stage", "organizations"]);
    expect(data.rows).toEqual([["CUSTOMS_ADMINISTRATION", "Pilot", 6], ["CUSTOMS_ADMINISTRATION", "In production", 1], ["PRIVATE_SECTOR", "In production", 5]]);
  });
});
