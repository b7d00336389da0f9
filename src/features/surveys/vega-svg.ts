import type { TopLevelSpec } from "vega-lite";
import { textWidth } from "#src/features/surveys/chart-text.ts";
import { runInPool } from "#src/lib/pool.ts";

// Vega and Vega-Lite take 0.35 s to load: a thread loads them for its first chart, not at start.
let drawing: Promise<{ vega: typeof import("vega"); compile: typeof import("vega-lite").compile; noNetwork: import("vega").Loader }> | undefined;
function loadVega() {
  drawing ??= Promise.all([import("vega"), import("vega-lite")]).then(([vega, { compile }]) => {
    // Vega may load data by URL; ours is always inline, and nothing may be fetched.
    const noNetwork = vega.loader({ mode: "file" });
    noNetwork.load = () => Promise.reject(new Error("figures load no external data"));
    // Without a canvas Vega guesses 0.8 em a character, far wider than real text: labels then get
    // room they do not need. It measures with our table instead (the same one labels are wrapped by).
    type TextItem = { fontSize?: number; fontWeight?: string | number };
    (vega as unknown as { textMetrics: { width: (item: TextItem, text?: string) => number } }).textMetrics.width = (item, text) =>
      textWidth(text == null ? "" : String(text).trim(), item.fontSize ?? 11, item.fontWeight === "bold" || Number(item.fontWeight) >= 600);
    return { vega, compile, noNetwork };
  });
  return drawing;
}

/** A Vega-Lite chart drawn as SVG, now, on this thread (the worker's task). */
export async function svgOfSpec(spec: TopLevelSpec): Promise<string> {
  const { vega, compile, noNetwork } = await loadVega();
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none", loader: noNetwork });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

/** A Vega-Lite chart drawn as SVG on the worker pool, within its time limit. */
export const drawSpec = (spec: TopLevelSpec) => runInPool<string>("vega", { spec });
