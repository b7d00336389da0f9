import { describe, expect, it } from "vitest";
import { textWidth, wrapText } from "#src/features/surveys/chart-text.ts";
import { radarSvg, specOf, type Dataset, type FigureQuery } from "#src/features/surveys/figures.ts";
import type { RadarBlip } from "#src/features/surveys/results.ts";
import { svgOfSpec } from "#src/features/surveys/vega-svg.ts";
import { translator } from "#src/i18n/i18n.ts";

// Charts as readers get them: labels wrapped (never cut with "…"), a narrow drawing about a phone's
// column wide with text that stays 12 px, and a radar whose names leave room for its dots.

const REGIONS = {
  en: ["East and Southern Africa", "Europe", "Far East, South and South East Asia, Australasia and the Pacific Islands", "North of Africa, Near and Middle East", "South America, North America, Central America and the Caribbean", "West and Central Africa"],
  fr: ["Afrique orientale et australe", "Europe", "Extrême-Orient, Asie du Sud et du Sud-Est, Australasie et îles du Pacifique", "Afrique du Nord, Proche et Moyen-Orient", "Amérique du Sud, Amérique du Nord, Amérique centrale et Caraïbes", "Afrique occidentale et centrale"],
};
const TECHNOLOGIES = ["Blockchain and distributed ledgers", "Internet of Things", "Big data, analytics and artificial intelligence", "Virtual, augmented and mixed reality"];
const ANSWERS = ["Lack of a legal framework for electronic documents and signatures", "Cost", "Skills and training of the staff of the administration"];

const stageRows = (groups: string[], stages: string[]) => groups.flatMap((g, i) => stages.map((s, j) => [g, s, ((i + 2) * (j + 3)) % 7 + 1]));

/** The words of every text element of an SVG, lines joined. */
const words = (svg: string) =>
  [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)]
    .map((m) => m[1]!.replace(/<tspan[^>]*>/g, " ").replace(/<\/tspan>/g, ""))
    .join(" ")
    .replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)))
    .replace(/&amp;/g, "&")
    .split(/\s+/);
const widthOf = (svg: string) => Number(/^<svg[^>]* width="([\d.]+)"/.exec(svg)![1]);

describe("chart labels", () => {
  it("wrap at spaces and hyphens into even lines no wider than asked, a long word kept whole", () => {
    const lines = wrapText(REGIONS.en[2]!, 200, 12);
    expect(lines.join(" ")).toBe(REGIONS.en[2]);
    expect(lines.length).toBe(3);
    for (const line of lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(200);
    expect(wrapText("Extrême-Orient", 40, 12)).toEqual(["Extrême-", "Orient"]);
    expect(wrapText("Supercalifragilistic", 20, 12)).toEqual(["Supercalifragilistic"]);
  });

  for (const lang of ["en", "fr"] as const) {
    const t = translator(lang);
    const stages = ["no_plans", "planning", "proof_of_concept", "pilot", "production"].map((s) => t(`survey.stage.${s}` as "survey.stage.pilot"));
    const cases: [FigureQuery, Dataset, string[]][] = [
      [{ kind: "stage-by-region", question: "adoption", technology: "blockchain" }, { columns: ["region", "stage", "organizations"], rows: stageRows(REGIONS[lang], stages), n: 90 }, [...REGIONS[lang], ...stages]],
      [{ kind: "stage-by-technology", question: "adoption" }, { columns: ["technology", "stage", "organizations"], rows: stageRows(TECHNOLOGIES, stages), n: 90 }, TECHNOLOGIES],
      [{ kind: "choice-by-region", question: "barriers" }, { columns: ["region", "answer", "organizations"], rows: REGIONS[lang].flatMap((r) => ANSWERS.map((a, i) => [r, a, i + 1])), n: 40 }, [...REGIONS[lang], ...ANSWERS]],
      [{ kind: "distribution", question: "barriers" }, { columns: ["answer", "organizations"], rows: ANSWERS.map((a, i) => [a, i + 2]), n: 9 }, ANSWERS],
      [{ kind: "adoption-heatmap", question: "adoption" }, { columns: ["technology", "region", "share"], rows: TECHNOLOGIES.flatMap((x, i) => REGIONS[lang].map((r, j) => [x, r, ((i + j) % 5) / 5])), n: 90 }, [...TECHNOLOGIES, ...REGIONS[lang]]],
    ];
    for (const [query, data, labels] of cases)
      it(`${query.kind} (${lang}): no label cut, every word drawn, wide and narrow`, async () => {
        for (const variant of ["wide", "narrow"] as const) {
          const svg = await svgOfSpec(specOf(query, data, t, false, variant));
          expect(svg).not.toContain("…");
          // A label's lines follow each other (broken at a space or after a hyphen).
          const drawn = words(svg).join("");
          for (const label of labels) expect(drawn, `${variant}: ${label}`).toContain(label.replace(/\s+/g, ""));
          expect(svg).not.toMatch(/font-size="(?:[0-9]|10)px"/);
          // Bar charts drawn for narrow screens fit a phone's column (so they are never scaled down).
          if (variant === "narrow" && query.kind !== "adoption-heatmap") expect(widthOf(svg)).toBeLessThanOrEqual(320);
        }
      });
  }
});

describe("the radar", () => {
  const t = translator("en");
  const rings = ["production", "piloting", "exploring", "watching"] as const;
  const blips: RadarBlip[] = Array.from({ length: 12 }, (_, i) => ({ technology: i === 3 ? "Big data, analytics and artificial intelligence of the future" : `Technology ${i + 1}`, score: 1, ring: rings[i % 4]!, n: 10, movement: "same" }));

  for (const variant of ["wide", "narrow"] as const)
    it(`keeps its ring names clear of the dots and wraps long names (${variant})`, () => {
      const svg = radarSvg(blips, t, undefined, variant);
      expect(svg).not.toContain("…");
      const dots = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="11"/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
      expect(dots).toHaveLength(12);
      const names = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" text-anchor="middle" font-size="12"[^>]*>([^<]+)<\/text>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), width: textWidth(m[3]!, 12) }));
      expect(names).toHaveLength(4);
      for (const name of names)
        for (const dot of dots) {
          // The name's box (12 px text above its baseline) and the dot's box (radius 11) do not meet.
          const apart = dot.x + 11 < name.x - name.width / 2 || dot.x - 11 > name.x + name.width / 2 || dot.y + 11 < name.y - 12 || dot.y - 11 > name.y + 3;
          expect(apart, `${JSON.stringify(name)} ${JSON.stringify(dot)}`).toBe(true);
        }
      // Dots do not overlap each other.
      for (const [i, a] of dots.entries()) for (const b of dots.slice(i + 1)) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(20);
      expect(words(svg)).toEqual(expect.arrayContaining(["Big", "data,", "analytics", "future"]));
      if (variant === "narrow") expect(widthOf(svg)).toBeLessThanOrEqual(320);
    });
});
