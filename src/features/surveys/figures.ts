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
import { textWidth, wrapText } from "#src/features/surveys/chart-text.ts";
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

/**
 * Words for a figure drawn without a text alternative of its own: the chart, its title, the
 * groups it shows (the first few) and how many organizations it counts.
 */
export function defaultAlt(query: FigureQuery, title: string, data: Dataset, t: Translate): string {
  const groups = unique(data.rows.map((r) => String(r[0])));
  const shown = groups.slice(0, 6).join(", ");
  const items = groups.length > 6 ? t("chart.altMore", { items: shown, n: groups.length - 6 }) : shown;
  return t("chart.alt", { chart: t(`figure.kind.${query.kind}`), title, items: items || "—", n: data.n });
}

/** ISO 3166 numeric code of a country (what world-atlas uses as ids), e.g. "604" for PE. */
const numericCode = (alpha2: string) => countries.alpha2ToNumeric(alpha2) ?? "";

// Natural Earth's countries at 1:110m, as TopoJSON, shipped in the world-atlas package.
const WORLD = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("world-atlas/countries-110m.json"), "utf8")) as object;

const STAGE_COLOURS = ["#c4cad1", "#b7d3e8", "#7fb2d8", "#3f86bf", "#1b4f7a"];

const unique = <T>(xs: T[]) => [...new Set(xs)];

/** A figure is drawn twice: for pages and print (wide), and for narrow screens (about a phone's column). */
export type FigureVariant = "wide" | "narrow";

const FONT_SIZE = 12;
const LINE_HEIGHT = 14;
/**
 * Per variant: the width of the plot (wide) or of the whole drawing (narrow), and how wide the
 * labels of an axis or a legend may be before they wrap.
 */
const LAYOUT = { wide: { plot: 460, total: 760, label: 200, legend: 200 }, narrow: { plot: 0, total: 300, label: 110, legend: 130 } } as const;

/** Each label's lines once wrapped at a width; labels that fit stay one line. */
const wrapAll = (labels: string[], width: number) => new Map(unique(labels).map((l) => [l, wrapText(l, width, FONT_SIZE)] as const));
const mostLines = (lines: Map<string, string[]>) => Math.max(1, ...[...lines.values()].map((l) => l.length));
const widest = (lines: Map<string, string[]>) => Math.max(0, ...[...lines.values()].flat().map((l) => textWidth(l, FONT_SIZE)));

/** A Vega expression of a label: the label wrapped (an array draws as lines), or anything else per label. */
function perLabel(lines: Map<string, string[]>, value: (l: string[]) => unknown, otherwise: string): string {
  const wrapped = [...lines].filter(([, l]) => l.length > 1);
  return wrapped.reduceRight((rest, [label, l]) => `datum.label === ${JSON.stringify(label)} ? ${JSON.stringify(value(l))} : ${rest}`, otherwise);
}
/** Labels drawn as their lines, centred where one line would stand (Vega starts a text's lines there). */
const wrappedLabels = (lines: Map<string, string[]>) => ({
  labelExpr: perLabel(lines, (l) => l, "datum.label"),
  encoding: { labels: { dy: { value: { signal: perLabel(lines, (l) => (-(l.length - 1) * LINE_HEIGHT) / 2, "0") } } } },
});

/** The Vega-Lite spec of a figure's chart; `ordinal` says its answers are a scale (colours then go light to dark). */
export function specOf(query: FigureQuery, data: Dataset, t: Translate, ordinal = false, variant: FigureVariant = "wide"): TopLevelSpec {
  const narrow = variant === "narrow";
  const layout = LAYOUT[variant];
  const values = data.rows.map((r) => Object.fromEntries(data.columns.map((c, i) => [c, r[i]])));
  // Labels wrap, never truncate (labelLimit 0): they were broken into lines to fit.
  const config = { font: "'Source Sans 3', Helvetica, Arial, sans-serif", view: { stroke: null }, axis: { labelFontSize: FONT_SIZE, titleFontSize: FONT_SIZE, labelLimit: 0, labelLineHeight: LINE_HEIGHT }, legend: { labelFontSize: FONT_SIZE, labelLimit: 0, labelLineHeight: LINE_HEIGHT, titleLimit: 0 } } as const;
  const schema = "https://vega.github.io/schema/vega-lite/v6.json";
  const stages = ADOPTION_STAGES.map((s) => t(`survey.stage.${s}` as "survey.stage.pilot"));
  /** The categories down the side: their wrapped lines, the room each row needs and the plot's width beside them. */
  const side = (field: string) => {
    const lines = wrapAll(data.rows.map((r) => String(r[data.columns.indexOf(field)])), layout.label);
    const width = narrow ? Math.max(130, layout.total - widest(lines) - 34) : layout.plot;
    return { width, height: { step: Math.max(narrow ? 24 : 22, mostLines(lines) * LINE_HEIGHT + 8) }, axis: wrappedLabels(lines) };
  };
  /** A legend under the chart: its labels wrapped, in as many columns as fit. */
  const legendOf = (labels: string[]) => {
    const lines = wrapAll(labels, layout.legend);
    const entry = widest(lines) + 44;
    const columns = Math.max(1, Math.min(labels.length, Math.floor((narrow ? layout.total - 10 : layout.plot + 100) / entry), narrow ? 2 : 5));
    return { orient: "bottom" as const, columns, ...wrappedLabels(lines) };
  };
  const xTicks = { tickCount: narrow ? 4 : 5 };
  // Answers keep the order the rows give them (the question's), never an order by count.
  if (query.kind === "distribution") {
    const s = side("answer");
    return { $schema: schema, width: s.width, height: s.height, data: { values }, config, mark: { type: "bar", color: "#1b4f7a" }, encoding: { y: { field: "answer", type: "ordinal", sort: null, title: null, axis: s.axis }, x: { field: "organizations", type: "quantitative", title: t("figure.organizations"), axis: { tickMinStep: 1, ...xTicks } } } };
  }
  if (query.kind === "choice-by-region" || query.kind === "choice-by-kind") {
    const group = data.columns[0]!;
    const answers = unique(data.rows.map((r) => String(r[1])));
    const s = side(group);
    return {
      $schema: schema,
      width: s.width,
      height: s.height,
      data: { values },
      config,
      mark: "bar",
      encoding: {
        y: { field: group, type: "nominal", sort: null, title: null, axis: s.axis },
        x: { field: "organizations", type: "quantitative", stack: "normalize", title: t("figure.shareOfAnswers"), axis: { format: "%", ...xTicks } },
        color: { field: "answer", type: ordinal ? "ordinal" : "nominal", title: null, sort: answers, scale: ordinal ? { domain: answers, scheme: "blues" } : { domain: answers, scheme: "tableau10" }, legend: legendOf(answers) },
        order: { field: "answerOrder", type: "ordinal" },
      },
      transform: [{ calculate: `indexof(${JSON.stringify(answers)}, datum.answer)`, as: "answerOrder" }],
    };
  }
  if (query.kind === "adoption-heatmap") {
    // Wide: regions across, their names wrapped to their column. Narrow: regions down the side, technologies across, turned.
    const across = narrow ? "technology" : "region";
    const down = narrow ? "region" : "technology";
    const s = side(down);
    const acrossLabels = unique(data.rows.map((r) => String(r[data.columns.indexOf(across)])));
    const columnWidth = narrow ? 0 : Math.max(60, Math.floor(s.width / Math.max(1, acrossLabels.length)) - 8);
    const acrossLines = wrapAll(acrossLabels, narrow ? 190 : columnWidth);
    const step = Math.max(22, mostLines(acrossLines) * LINE_HEIGHT + 6);
    return {
      $schema: schema,
      width: narrow ? { step } : s.width,
      height: s.height,
      data: { values },
      config,
      mark: "rect",
      encoding: {
        x: { field: across, type: "nominal", title: null, axis: { labelAngle: narrow ? -90 : 0, ...(narrow ? wrappedLabels(acrossLines) : { labelExpr: perLabel(acrossLines, (l) => l, "datum.label") }), ...(narrow ? { labelAlign: "right", labelBaseline: "middle" } : { labelAlign: "center", labelBaseline: "top" }) } },
        y: { field: down, type: "nominal", title: null, axis: s.axis },
        color: { field: "share", type: "quantitative", title: t("figure.share"), scale: { scheme: "blues", domain: [0, 1] }, legend: { format: ".0%", ...(narrow ? { orient: "bottom", direction: "horizontal" } : {}) } },
      },
    };
  }
  if (query.kind === "world-map") {
    const legend = legendOf(stages);
    return {
      $schema: schema,
      width: narrow ? layout.total - 10 : 640,
      height: narrow ? 180 : 340,
      projection: { type: "equalEarth" },
      data: { values: WORLD, format: { type: "topojson", feature: "countries" } },
      config,
      layer: [
        { mark: { type: "geoshape", fill: "#f0f2f4", stroke: "#ffffff", strokeWidth: 0.4 } },
        {
          transform: [{ lookup: "id", from: { data: { values }, key: "code", fields: ["stage", "country"] } }, { filter: "datum.stage != null" }],
          mark: { type: "geoshape", stroke: "#ffffff", strokeWidth: 0.4 },
          encoding: { color: { field: "stage", type: "nominal", title: null, scale: { domain: stages, range: STAGE_COLOURS }, legend }, tooltip: [{ field: "country" }, { field: "stage" }] },
        },
      ],
    };
  }
  const category = query.kind === "stage-by-region" ? "region" : query.kind === "stage-by-kind" ? "kind" : "technology";
  const s = side(category);
  return {
    $schema: schema,
    width: s.width,
    height: s.height,
    data: { values },
    config,
    mark: "bar",
    encoding: {
      y: { field: category, type: "nominal", title: null, axis: s.axis },
      x: { field: "organizations", type: "quantitative", stack: "normalize", title: t("figure.shareOfRespondents"), axis: { format: "%", ...xTicks } },
      color: { field: "stage", type: "nominal", title: null, scale: { domain: stages, range: STAGE_COLOURS }, legend: legendOf(stages) },
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
export async function renderSvg(query: FigureQuery, data: Dataset, t: Translate, radarBlips?: RadarBlip[], labels?: Labels, variant: FigureVariant = "wide"): Promise<string> {
  if (query.kind === "radar") return radarSvg(radarBlips ?? [], t, labels, variant);
  if (!data.rows.length) return emptySvg(t("figure.noData"), variant);
  // Drawing is the costly part: it runs on the worker pool.
  return drawCached(specOf(query, data, t, labels?.choice?.(query.question)?.ordinal ?? false, variant));
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

function emptySvg(text: string, variant: FigureVariant) {
  const width = variant === "narrow" ? LAYOUT.narrow.total : 520;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="60" viewBox="0 0 ${width} 60"><text x="10" y="35" font-family="sans-serif" font-size="14" fill="#555">${escapeXml(text)}</text></svg>`;
}

/**
 * The technology radar: rings from "in production" (centre) to "watching"; a numbered dot per
 * technology in the ring its average stage puts it in, and a legend naming each with its movement.
 * Each ring's name sits at the top of the ring, where no dot goes: a ring's dots share the rest of
 * it evenly (the centre's, its lower half). The legend is beside the rings (wide) or under them
 * (narrow), its names wrapped, never cut.
 */
export function radarSvg(blips: RadarBlip[], t: Translate, labels?: Labels, variant: FigureVariant = "wide"): string {
  const narrow = variant === "narrow";
  const font = "'Source Sans 3', Helvetica, Arial, sans-serif";
  const size = narrow ? LAYOUT.narrow.total : 520;
  const c = size / 2;
  const outer = c - 16;
  const dotRadius = 11;
  const radius = (i: number) => ((i + 1) / RINGS.length) * outer;
  const fills = ["#1b4f7a", "#3f86bf", "#9cc3e2", "#e8eef4"];
  const ringName = (ring: (typeof RINGS)[number]) => t(`figure.ring.${ring}` as "figure.ring.production");
  const rings = RINGS.map((ring, i) => `<circle cx="${c}" cy="${c}" r="${radius(i).toFixed(1)}" fill="${fills[i]}" fill-opacity="0.22" stroke="#1b4f7a" stroke-opacity="0.35"/>`)
    .reverse()
    .concat(RINGS.map((ring, i) => `<text x="${c}" y="${(c - radius(i) + 15).toFixed(1)}" text-anchor="middle" font-size="12" fill="#1d2b36" font-family="${font}">${escapeXml(ringName(ring))}</text>`));
  const marks = { in: "▲", out: "▼", new: "★", same: "" } as const;
  const at = (ring: number, k: number, count: number) => {
    const band = outer / RINGS.length;
    // Crowded rings put every other dot a little further in and out.
    const inner = ring === 0 ? 0 : radius(ring - 1);
    const middle = ring === 0 ? band / 2 + (count > 1 ? 6 : 0) : (inner + radius(ring)) / 2;
    const r = count * 2 * dotRadius * 1.2 > Math.PI * middle ? middle + (k % 2 ? -1 : 1) * Math.min(band / 2 - dotRadius - 1, dotRadius) : middle;
    // Angles from the top, clockwise; the names of the ring and of the one inside it take the top,
    // half the wider's width plus a dot each side.
    const half = Math.max(...RINGS.slice(Math.max(0, ring - 1), ring + 1).map((x) => textWidth(ringName(x), 12))) / 2 + dotRadius + 4;
    const free = half >= r ? Math.PI / 2 : Math.asin(half / r);
    const phi = free + ((k + 0.5) / count) * (2 * Math.PI - 2 * free);
    return { x: c + r * Math.sin(phi), y: c - r * Math.cos(phi) };
  };
  const legendX = narrow ? 10 : size + 16;
  const legendWidth = narrow ? size - 20 : 760 - legendX - 8;
  let legendY = narrow ? size + 22 : 40;
  const dots = blips.map((b, i) => {
    const ring = RINGS.indexOf(b.ring);
    const same = blips.filter((x) => x.ring === b.ring);
    const { x, y } = at(ring, same.indexOf(b), same.length);
    const name = labels ? labels.technology(b.technology) : b.technology;
    const moved = b.movement === "same" ? "" : ` (${t(`figure.movement.${b.movement}` as "figure.movement.in")})`;
    const lines = wrapText(`${name}${marks[b.movement] ? ` ${marks[b.movement]}` : ""}`, legendWidth - 24, 13);
    const top = legendY;
    legendY += lines.length * 16 + 8;
    return {
      dot: `<g><title>${escapeXml(`${name}: ${ringName(b.ring)}${moved}, n = ${b.n}`)}</title><circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${dotRadius}" fill="#c25e00"/><text x="${x.toFixed(1)}" y="${(y + 4).toFixed(1)}" text-anchor="middle" font-size="11" font-weight="bold" fill="#fff" font-family="${font}">${i + 1}</text></g>`,
      legend: `<text x="${legendX}" y="${top}" font-size="13" fill="#111" font-family="${font}"><tspan font-weight="bold">${i + 1}</tspan>${lines.map((l, j) => (j === 0 ? `<tspan x="${legendX + 24}">${escapeXml(l)}</tspan>` : `<tspan x="${legendX + 24}" dy="16">${escapeXml(l)}</tspan>`)).join("")}</text>`,
    };
  });
  const width = narrow ? size : 760;
  const height = Math.ceil(narrow ? legendY : Math.max(size, legendY));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="#fff"/>${rings.join("")}${dots.map((d) => d.dot).join("")}${dots.map((d) => d.legend).join("")}</svg>`;
}
