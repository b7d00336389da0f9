import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import countries from "i18n-iso-countries";
import { LRUCache } from "lru-cache";
import type { TopLevelSpec } from "vega-lite";
import { z } from "zod";
import { ADOPTION_STAGES } from "#src/domain/surveys.ts";
import type { RadarBlip, Results } from "#src/features/surveys/results.ts";
import { RINGS } from "#src/features/surveys/results.ts";
import { drawSpec } from "#src/features/surveys/vega-svg.ts";
import type { Translate } from "#src/i18n/i18n.ts";

// A figure is a saved query over a survey's (public) results and a chart of it, rendered to SVG on
// the server by Vega-Lite: the same SVG for the web, and a CSV of the same rows for readers.

export const FigureQuery = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("stage-by-technology"), question: z.string() }),
  z.object({ kind: z.literal("stage-by-region"), question: z.string(), technology: z.string() }),
  z.object({ kind: z.literal("stage-by-kind"), question: z.string(), technology: z.string() }),
  z.object({ kind: z.literal("adoption-heatmap"), question: z.string() }),
  z.object({ kind: z.literal("distribution"), question: z.string() }),
  z.object({ kind: z.literal("choice-by-region"), question: z.string() }),
  z.object({ kind: z.literal("choice-by-kind"), question: z.string() }),
  z.object({ kind: z.literal("radar"), question: z.string() }),
  z.object({ kind: z.literal("world-map"), question: z.string(), technology: z.string() }),
]);
export type FigureQuery = z.output<typeof FigureQuery>;
export type FigureKind = FigureQuery["kind"];
/** Every chart a figure can be, in the order forms offer them. */
export const FIGURE_KINDS = ["distribution", "choice-by-region", "choice-by-kind", "stage-by-technology", "radar", "stage-by-region", "adoption-heatmap", "world-map", "stage-by-kind"] as const satisfies readonly FigureKind[];

export type Dataset = { columns: string[]; rows: (string | number)[][]; n: number };

type Labels = {
  technology: (slug: string) => string;
  region: (code: string) => string;
  country?: (code: string) => string;
  /** A kind of organization's name. */
  kind?: (kind: string) => string;
  option: (question: string, value: string) => string;
  /** A choice question's answers in the order it defines them, and whether they are ordered (a scale). */
  choice?: (question: string) => { values: string[]; ordinal: boolean } | undefined;
  t: Translate;
};

const matrixOf = (results: Results, id: string) => {
  const q = results.questions.find((x) => x.id === id);
  return q?.type === "matrix" ? q : undefined;
};

/** The defined answers first, in their order, then any other answered (never sorted by count). */
function orderedValues(defined: string[] | undefined, counts: Record<string, number>[]): string[] {
  const seen = new Set(defined ?? []);
  return [...(defined ?? []), ...counts.flatMap((c) => Object.keys(c)).filter((v) => !seen.has(v) && (seen.add(v), true))];
}

/** The rows a figure shows, from public results (small groups are already left out). */
export function datasetOf(query: FigureQuery, results: Results, labels: Labels): Dataset {
  const stage = (s: string) => labels.t(`survey.stage.${s}` as "survey.stage.pilot");
  if (query.kind === "distribution" || query.kind === "choice-by-region" || query.kind === "choice-by-kind") {
    const q = results.questions.find((x) => x.id === query.question);
    const group = query.kind === "choice-by-region" ? "region" : "kind";
    const columns = query.kind === "distribution" ? ["answer", "organizations"] : [group, "answer", "organizations"];
    if (q?.type !== "choice" || q.hidden || !Object.keys(q.counts).length) return { columns, rows: [], n: q?.n ?? 0 };
    const defined = labels.choice?.(q.id)?.values;
    if (query.kind === "distribution") return { columns, rows: orderedValues(defined, [q.counts]).map((v) => [labels.option(q.id, v), q.counts[v] ?? 0]), n: q.n };
    const groups = (query.kind === "choice-by-region" ? q.byRegion : q.byKind).filter((g) => !g.hidden && g.n > 0);
    const values = orderedValues(defined, groups.map((g) => g.counts));
    const name = query.kind === "choice-by-region" ? labels.region : (labels.kind ?? ((k: string) => k));
    return { columns, rows: groups.flatMap((g) => values.map((v) => [name(g.group), labels.option(q.id, v), g.counts[v] ?? 0])), n: groups.reduce((sum, g) => sum + g.n, 0) };
  }
  const m = matrixOf(results, query.question);
  if (!m) return { columns: [], rows: [], n: 0 };
  if (query.kind === "stage-by-technology" || query.kind === "radar")
    return {
      columns: ["technology", "stage", "organizations"],
      rows: m.byTechnology.filter((g) => !g.hidden).flatMap((g) => ADOPTION_STAGES.filter((s) => g.counts[s]).map((s) => [labels.technology(g.technology), stage(s), g.counts[s]!])),
      n: m.n,
    };
  if (query.kind === "world-map") {
    // Each country's most common stage, where enough of its organizations answered to show it.
    const groups = m.byTechnologyCountry.filter((g) => g.technology === query.technology && !g.hidden);
    return {
      columns: ["country", "code", "stage"],
      rows: groups.map((g) => {
        const top = ADOPTION_STAGES.reduce((best, s2) => ((g.counts[s2] ?? 0) > (g.counts[best] ?? 0) ? s2 : best), ADOPTION_STAGES[0]);
        return [labels.country ? labels.country(g.group) : g.group, numericCode(g.group), stage(top)];
      }),
      n: groups.reduce((sum, g) => sum + g.n, 0),
    };
  }
  if (query.kind === "stage-by-region" || query.kind === "stage-by-kind") {
    const byRegion = query.kind === "stage-by-region";
    const groups = (byRegion ? m.byTechnologyRegion : m.byTechnologyKind).filter((g) => g.technology === query.technology && !g.hidden);
    const name = byRegion ? labels.region : (labels.kind ?? ((k: string) => k));
    return {
      columns: [byRegion ? "region" : "kind", "stage", "organizations"],
      rows: groups.flatMap((g) => ADOPTION_STAGES.filter((s) => g.counts[s]).map((s) => [name(g.group), stage(s), g.counts[s]!])),
      n: groups.reduce((sum, g) => sum + g.n, 0),
    };
  }
  // Share of respondents at pilot or in production, technology × region.
  const groups = m.byTechnologyRegion.filter((g) => !g.hidden);
  return {
    columns: ["technology", "region", "share"],
    rows: groups.map((g) => [labels.technology(g.technology), labels.region(g.group), Math.round((((g.counts.pilot ?? 0) + (g.counts.production ?? 0)) / g.n) * 100) / 100]),
    n: m.n,
  };
}

/** ISO 3166 numeric code of a country (what world-atlas uses as ids), e.g. "604" for PE. */
const numericCode = (alpha2: string) => countries.alpha2ToNumeric(alpha2) ?? "";

// Natural Earth's countries at 1:110m, as TopoJSON, shipped in the world-atlas package.
const WORLD = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("world-atlas/countries-110m.json"), "utf8")) as object;

const STAGE_COLOURS = ["#c4cad1", "#b7d3e8", "#7fb2d8", "#3f86bf", "#1b4f7a"];

const unique = <T>(xs: T[]) => [...new Set(xs)];

/** The Vega-Lite spec of a figure's chart; `ordinal` says its answers are a scale (colours then go light to dark). */
export function specOf(query: FigureQuery, data: Dataset, t: Translate, ordinal = false): TopLevelSpec {
  const values = data.rows.map((r) => Object.fromEntries(data.columns.map((c, i) => [c, r[i]])));
  const base = { $schema: "https://vega.github.io/schema/vega-lite/v6.json", width: 520, data: { values }, config: { font: "Source Sans 3, Helvetica, Arial, sans-serif", view: { stroke: null }, axis: { labelFontSize: 12, titleFontSize: 12, labelLimit: 260 }, legend: { labelFontSize: 12, labelLimit: 200 } } } as const;
  const stages = ADOPTION_STAGES.map((s) => t(`survey.stage.${s}` as "survey.stage.pilot"));
  // Answers keep the order the rows give them (the question's), never an order by count.
  if (query.kind === "distribution")
    return { ...base, mark: { type: "bar", color: "#1b4f7a" }, encoding: { y: { field: "answer", type: "ordinal", sort: null, title: null }, x: { field: "organizations", type: "quantitative", title: t("figure.organizations"), axis: { tickMinStep: 1 } } } };
  if (query.kind === "choice-by-region" || query.kind === "choice-by-kind") {
    const group = data.columns[0]!;
    const answers = unique(data.rows.map((r) => String(r[1])));
    // Long answers take two columns of legend, so that the chart keeps its width.
    const columns = Math.max(...answers.map((a) => a.length)) > 16 ? 2 : Math.min(answers.length, 5);
    return {
      ...base,
      height: { step: 26 },
      mark: "bar",
      encoding: {
        y: { field: group, type: "nominal", sort: null, title: null, axis: { labelLimit: 360 } },
        x: { field: "organizations", type: "quantitative", stack: "normalize", title: t("figure.shareOfAnswers"), axis: { format: "%" } },
        color: { field: "answer", type: ordinal ? "ordinal" : "nominal", title: null, sort: answers, scale: ordinal ? { domain: answers, scheme: "blues" } : { domain: answers, scheme: "tableau10" }, legend: { orient: "bottom", columns, labelLimit: 360 } },
        order: { field: "answerOrder", type: "ordinal" },
      },
      transform: [{ calculate: `indexof(${JSON.stringify(answers)}, datum.answer)`, as: "answerOrder" }],
    };
  }
  if (query.kind === "adoption-heatmap")
    return {
      ...base,
      mark: "rect",
      encoding: {
        x: { field: "region", type: "nominal", title: null, axis: { labelAngle: -30 } },
        y: { field: "technology", type: "nominal", title: null },
        color: { field: "share", type: "quantitative", title: t("figure.share"), scale: { scheme: "blues", domain: [0, 1] }, legend: { format: ".0%" } },
      },
    };
  if (query.kind === "world-map") {
    const base = { $schema: "https://vega.github.io/schema/vega-lite/v6.json", width: 640, height: 340, projection: { type: "equalEarth" }, data: { values: WORLD, format: { type: "topojson", feature: "countries" } }, config: { font: "Source Sans 3, Helvetica, Arial, sans-serif", view: { stroke: null }, legend: { labelFontSize: 12 } } } as const;
    return {
      ...base,
      layer: [
        { mark: { type: "geoshape", fill: "#f0f2f4", stroke: "#ffffff", strokeWidth: 0.4 } },
        {
          transform: [{ lookup: "id", from: { data: { values }, key: "code", fields: ["stage", "country"] } }, { filter: "datum.stage != null" }],
          mark: { type: "geoshape", stroke: "#ffffff", strokeWidth: 0.4 },
          encoding: { color: { field: "stage", type: "nominal", title: null, scale: { domain: stages, range: STAGE_COLOURS }, legend: { orient: "bottom", columns: 5 } }, tooltip: [{ field: "country" }, { field: "stage" }] },
        },
      ],
    };
  }
  const category = query.kind === "stage-by-region" ? "region" : query.kind === "stage-by-kind" ? "kind" : "technology";
  return {
    ...base,
    mark: "bar",
    encoding: {
      y: { field: category, type: "nominal", title: null },
      x: { field: "organizations", type: "quantitative", stack: "normalize", title: t("figure.shareOfRespondents"), axis: { format: "%" } },
      color: { field: "stage", type: "nominal", title: null, scale: { domain: stages, range: STAGE_COLOURS }, legend: { orient: "bottom", columns: 5 } },
      order: { field: "stageOrder", type: "ordinal" },
    },
    transform: [{ calculate: `indexof(${JSON.stringify(stages)}, datum.stage)`, as: "stageOrder" }],
  };
}

// Drawings by their spec: the same chart asked again (a results page, a figure, its preview) is
// drawn once until its data changes; one drawing in flight per spec.
const drawn = new LRUCache<string, string>({ maxSize: 16 * 1024 * 1024, sizeCalculation: (svg, key) => 2 * (svg.length + key.length) });
const drawing = new Map<string, Promise<string>>();

async function drawCached(spec: TopLevelSpec): Promise<string> {
  const key = createHash("sha256").update(JSON.stringify(spec)).digest("base64url");
  const cached = drawn.get(key);
  if (cached) return cached;
  let pending = drawing.get(key);
  if (!pending) {
    pending = drawSpec(spec)
      .then((svg) => {
        drawn.set(key, svg);
        return svg;
      })
      .finally(() => drawing.delete(key));
    drawing.set(key, pending);
  }
  return pending;
}

/** Renders a figure's chart to SVG (no browser, no network, off the event loop). */
export async function renderSvg(query: FigureQuery, data: Dataset, t: Translate, radarBlips?: RadarBlip[], labels?: Labels): Promise<string> {
  if (query.kind === "radar") return radarSvg(radarBlips ?? [], t, labels);
  if (!data.rows.length) return emptySvg(t("figure.noData"));
  // Drawing is the costly part: it runs on the worker pool.
  return drawCached(specOf(query, data, t, labels?.choice?.(query.question)?.ordinal ?? false));
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

function emptySvg(text: string) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="520" height="60" viewBox="0 0 520 60"><text x="10" y="35" font-family="sans-serif" font-size="14" fill="#555">${escapeXml(text)}</text></svg>`;
}

/**
 * The technology radar: rings from "in production" (centre) to "watching"; a numbered dot per
 * technology in the ring its average stage puts it in, and a legend naming each with its movement.
 */
export function radarSvg(blips: RadarBlip[], t: Translate, labels?: Labels): string {
  const width = 760;
  const size = 520;
  const c = size / 2;
  const outer = c - 16;
  const radius = (i: number) => ((i + 1) / RINGS.length) * outer;
  const fills = ["#1b4f7a", "#3f86bf", "#9cc3e2", "#e8eef4"];
  const rings = RINGS.map((ring, i) => `<circle cx="${c}" cy="${c}" r="${radius(i).toFixed(1)}" fill="${fills[i]}" fill-opacity="0.22" stroke="#1b4f7a" stroke-opacity="0.35"/>`)
    .reverse()
    .concat(RINGS.map((ring, i) => `<text x="${c}" y="${(c - radius(i) + 15).toFixed(1)}" text-anchor="middle" font-size="12" fill="#1d2b36" font-family="sans-serif">${escapeXml(t(`figure.ring.${ring}` as "figure.ring.production"))}</text>`));
  const marks = { in: "▲", out: "▼", new: "★", same: "" } as const;
  // Technologies of one ring share it evenly, each ring turned a little so that labels do not stack.
  const dots = blips.map((b, i) => {
    const ring = RINGS.indexOf(b.ring);
    const same = blips.filter((x) => x.ring === b.ring);
    const k = same.indexOf(b);
    const inner = ring === 0 ? 0 : radius(ring - 1);
    const r = ring === 0 ? outer / RINGS.length / 2 + (same.length > 1 ? 8 : 0) : (inner + radius(ring)) / 2;
    const angle = (k / Math.max(1, same.length)) * 2 * Math.PI + 0.6 + ring * 0.9;
    const x = c + r * Math.cos(angle);
    const y = c + r * Math.sin(angle);
    const name = labels ? labels.technology(b.technology) : b.technology;
    const moved = b.movement === "same" ? "" : ` (${t(`figure.movement.${b.movement}` as "figure.movement.in")})`;
    return {
      dot: `<g><title>${escapeXml(`${name}: ${t(`figure.ring.${b.ring}` as "figure.ring.production")}${moved}, n = ${b.n}`)}</title><circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="11" fill="#c25e00"/><text x="${x.toFixed(1)}" y="${(y + 4).toFixed(1)}" text-anchor="middle" font-size="11" font-weight="bold" fill="#fff" font-family="sans-serif">${i + 1}</text></g>`,
      legend: `<text x="${size + 16}" y="${40 + i * 24}" font-size="13" fill="#111" font-family="sans-serif"><tspan font-weight="bold">${i + 1}</tspan> ${escapeXml(name.length > 30 ? `${name.slice(0, 29)}…` : name)}${marks[b.movement] ? ` ${marks[b.movement]}` : ""}</text>`,
    };
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${size}" viewBox="0 0 ${width} ${size}"><rect width="${width}" height="${size}" fill="#fff"/>${rings.join("")}${dots.map((d) => d.dot).join("")}${dots.map((d) => d.legend).join("")}</svg>`;
}
