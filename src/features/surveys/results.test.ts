import { describe, expect, it } from "vitest";
import { DefinitionSchema } from "#src/domain/surveys.ts";
import { datasetOf, renderSvg } from "#src/features/surveys/figures.ts";
import { computeResults, radar, type Respondent } from "#src/features/surveys/results.ts";
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
});
