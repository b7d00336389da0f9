import { describe, expect, it } from "vitest";
import { runLoad } from "#e2e/helpers/load.ts";
import { engines } from "#e2e/helpers/server.ts";

// The short load run (the full one, 200 readers and 10 editors for 60 s, is `node bench/load.mjs`):
// readers and editors at once against the real server, on each engine. Zero errors, and every
// acknowledged edit is in the history afterwards; a visitor who connects during the load is
// answered while it runs (not only once it stops). Timings are printed, never asserted.

const SECONDS = Number(process.env.LOAD_SECONDS ?? 5);

describe.each(engines())("under load on %s", (engine) => {
  it("serves readers and editors at once without an error, and loses no acknowledged edit", { timeout: 180_000 + SECONDS * 1000 }, async () => {
    const result = await runLoad({ engine, seconds: SECONDS, readers: Number(process.env.LOAD_READERS ?? 40), editors: Number(process.env.LOAD_EDITORS ?? 4) });
    console.log(`${engine}: ${result.requests} requests, ${result.rps}/s, ${result.acknowledged} edits acknowledged, ${result.newcomers.answeredDuringLoad}/${result.newcomers.arrived} new visitors answered during the load\n${result.routes.map((r) => `  ${r.route.padEnd(24)} n=${r.requests} p50=${r.p50} ms p99=${r.p99} ms errors=${r.errors}`).join("\n")}`);
    expect(result.errors).toEqual([]);
    expect(result.lost).toBe(0);
    expect(result.acknowledged).toBeGreaterThan(0);
    for (const r of result.routes) expect(r.requests, r.route).toBeGreaterThan(0);
    expect(result.routes.map((r) => r.route)).toContain("editor: save section");
    expect(result.newcomers.arrived).toBeGreaterThan(0);
    expect(result.newcomers.answeredDuringLoad).toBeGreaterThan(0);
  });
});
