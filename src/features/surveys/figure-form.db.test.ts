import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { breakdownsOf, chartableQuestions, chartsFor, NEEDS_TECHNOLOGY } from "#src/features/surveys/figure-steps.ts";
import * as repo from "#src/features/surveys/repository.ts";
import { createSurvey, importResponses, setSurveyStatus } from "#src/features/surveys/service.ts";
import { adoptionTemplate } from "#src/features/surveys/templates.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildOrganization, buildUser, ensureTechnology } from "#test/helpers/factories.ts";

// The guided figure form over HTTP: each step offers only what the question allows, a wrong
// combination is refused beside its field, every valid combination draws a preview, a save that
// fails comes back at an address that survives a reload, and results pages chart every question
// with its answers in the question's order.

const env = useTestApp();
const TECHS = ["blockchain", "drones"];

/** The values of a select of the page, in order. */
function optionsOf(html: string, name: string): string[] {
  const select = new RegExp(`<select id="f-${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1];
  return select ? [...select.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]!).filter(Boolean) : [];
}
const selectedOf = (html: string, name: string) => new RegExp(`<select id="f-${name}"[^>]*>[\\s\\S]*?<option value="([^"]*)" selected`).exec(html)?.[1];
const decode = (html: string) => html.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'");

describe("the guided figure form", () => {
  let surveyId = "";
  let otherId = "";
  let browser: Browser;
  let regionNames: Map<string, string>;
  const page = (query = "") => browser.get(`/editor/surveys/${surveyId}/figures/new${query}`);

  beforeAll(async () => {
    const db = env.database.db;
    for (const t of TECHS) await ensureTechnology(db, t, t === "drones" ? "Drones" : "Blockchain");
    const survey = await createSurvey(db, SYSTEM_ACTOR, { slug: "guided", title: "Guided survey 2025", year: 2025, kind: "technology-adoption", intro: null, minGroup: 5, definition: adoptionTemplate(TECHS) });
    await setSurveyStatus(db, SYSTEM_ACTOR, survey.id, "open");
    surveyId = survey.id;
    otherId = (await createSurvey(db, SYSTEM_ACTOR, { slug: "guided-other", title: "Another survey", year: 2024, kind: "general", intro: null, minGroup: 5, definition: adoptionTemplate(TECHS) })).id;
    // Six in Europe (administrations), six in Asia-Pacific (private sector), one alone in West and Central Africa.
    const orgs = [
      ...(await Promise.all(Array.from({ length: 6 }, () => buildOrganization(db, { regionCode: "EUR", country: "FR" })))),
      ...(await Promise.all(Array.from({ length: 6 }, () => buildOrganization(db, { regionCode: "AP", country: "JP", kind: "private_sector" })))),
      await buildOrganization(db, { regionCode: "WCA", country: "SN" }),
    ];
    // Most answer the highest priority: a chart sorted by count would put 5 first.
    const cells = (i: number) => ({ innovation_unit: i % 3 ? "yes" : "planned", priority: i < 9 ? 5 : i < 11 ? 1 : 3, "adoption.blockchain.stage": i % 2 ? "pilot" : "planning", "adoption.drones.stage": "production", benefits: i % 2 ? "speed;fraud" : "none" });
    const table = { columns: ["organization", "innovation_unit", "priority", "adoption.blockchain.stage", "adoption.drones.stage", "benefits"], rows: orgs.map((o, i) => ({ line: i + 2, cells: { organization: o.id, ...cells(i) } })), cellRef: () => "" };
    expect((await importResponses(db, SYSTEM_ACTOR, survey.id, table, "import: guided")).ok).toBe(true);
    regionNames = new Map((await repo.listRegionNames(db)).map((r) => [r.code, r.names.en]));
    const editor = await buildUser(db, { role: "editor" });
    browser = await new Browser(env.app).signInAs(env.database, editor.email);
  });

  it("offers the survey's drawable questions by their words, then only the breakdowns and charts each allows", async () => {
    const first = await page();
    expect(first.statusCode).toBe(200);
    expect(optionsOf(first.body, "survey").sort()).toEqual([surveyId, otherId].sort());
    // Numbers and free texts cannot be drawn; questions are named by their words, not their ids.
    expect(optionsOf(first.body, "question")).toEqual(["innovation_unit", "priority", "adoption", "benefits"]);
    expect(first.body).toContain(">Does your administration have a unit in charge of innovation?</option>");
    expect(first.body).toContain('<optgroup label="Technologies">');
    // Nothing chosen yet: each step takes its first option, and the preview is drawn.
    expect(selectedOf(first.body, "question")).toBe("innovation_unit");
    expect(optionsOf(first.body, "breakdown")).toEqual(["none", "region", "kind"]);
    expect(optionsOf(first.body, "chart")).toEqual(["distribution"]);
    expect(first.body).not.toContain('id="f-technology"');
    expect(decode(first.body)).toContain(`src="/editor/surveys/${surveyId}/figures/preview.svg?question=innovation_unit&breakdown=none&chart=distribution"`);
    expect(decode(first.body)).toContain(`data-page="/editor/surveys/${surveyId}/figures/new?question=innovation_unit&breakdown=none&chart=distribution"`);

    const matrix = await page("?question=adoption");
    expect(optionsOf(matrix.body, "breakdown")).toEqual(["technology", "region", "kind"]);
    expect(optionsOf(matrix.body, "chart")).toEqual(["stage-by-technology", "radar"]);
    const byRegion = await page("?question=adoption&breakdown=region");
    expect(optionsOf(byRegion.body, "chart")).toEqual(["stage-by-region", "adoption-heatmap", "world-map"]);
    expect(optionsOf(byRegion.body, "technology")).toEqual(TECHS);
    expect(optionsOf((await page("?question=adoption&breakdown=region&chart=adoption-heatmap")).body, "technology")).toEqual([]);
    expect(optionsOf((await page("?question=priority&breakdown=kind")).body, "chart")).toEqual(["choice-by-kind"]);

    // The address is the state: the same query shows the same step and preview again.
    const url = "?question=adoption&breakdown=region&chart=world-map&technology=drones";
    const [once, again] = [await page(url), await page(url)];
    expect(selectedOf(once.body, "chart")).toBe("world-map");
    expect(selectedOf(once.body, "technology")).toBe("drones");
    expect(decode(once.body)).toContain(`preview.svg${url}"`);
    expect(again.body.replace(/value="[^"]{20,}"/g, "")).toBe(once.body.replace(/value="[^"]{20,}"/g, ""));

    // Choosing another survey leads to its own form; "New figure" from elsewhere to the latest survey's.
    const moved = await page(`?survey=${otherId}&question=adoption`);
    expect(moved.statusCode).toBe(303);
    expect(moved.headers.location).toBe(`/editor/surveys/${otherId}/figures/new`);
    const anywhere = await browser.get(`/editor/figures/new?survey=${surveyId}`);
    expect(anywhere.headers.location).toBe(`/editor/surveys/${surveyId}/figures/new`);
    // The survey page links to it.
    expect((await browser.get(`/editor/surveys/${surveyId}`)).body).toContain(`href="/editor/surveys/${surveyId}/figures/new"`);
  });

  it("refuses a combination the question does not allow with 400 and the error beside its field", async () => {
    const cases: [string, string, string][] = [
      ["?question=innovation_unit&breakdown=technology", "breakdown", "This question cannot be broken down this way"],
      ["?question=innovation_staff", "question", "that can be drawn"],
      ["?question=nothing_like_it", "question", "that can be drawn"],
      ["?question=adoption&breakdown=region&chart=distribution", "chart", "This chart cannot show this question with this breakdown"],
      ["?question=priority&breakdown=none&chart=choice-by-region", "chart", "This chart cannot show this question with this breakdown"],
      ["?question=adoption&breakdown=region&chart=world-map&technology=teleportation", "technology", "Choose one of the technologies of this question."],
      ["?survey=00000000-0000-4000-8000-000000000000", "survey", "Choose one of the surveys."],
    ];
    for (const [query, field, message] of cases) {
      const res = await page(query);
      expect(res.statusCode, query).toBe(400);
      expect(res.body, query).toMatch(new RegExp(`<p class="error-message" id="e-${field}">[^<]*${message}`));
      expect(res.body, query).toMatch(new RegExp(`<select id="f-${field}"[^>]*aria-describedby="[^"]*e-${field}"[^>]*aria-invalid="true"`));
      // And in the summary at the top of the form, linking to the field.
      expect(res.body, query).toContain(`<a href="#f-${field}">`);
    }
    // The preview of a combination that does not hold is refused too.
    const svg = await browser.get(`/editor/surveys/${surveyId}/figures/preview.svg?question=innovation_unit&breakdown=technology&chart=stage-by-technology`);
    expect(svg.statusCode).toBe(400);
    expect((await browser.get(`/editor/surveys/${surveyId}/figures/preview.svg?question=adoption&breakdown=region&chart=world-map`)).statusCode).toBe(400);
  });

  it("draws a preview for every chart each question allows, as the figure will be (small groups left out)", async () => {
    const definition = (await repo.getVersion(env.database.db, (await repo.getSurvey(env.database.db, surveyId))!.currentVersionId!))!.definition;
    let drawn = 0;
    for (const q of chartableQuestions(definition)) {
      for (const breakdown of breakdownsOf(q)) {
        for (const chart of chartsFor(q, breakdown)) {
          const query = `question=${q.id}&breakdown=${breakdown}&chart=${chart}${NEEDS_TECHNOLOGY.has(chart) ? "&technology=blockchain" : ""}`;
          const res = await browser.get(`/editor/surveys/${surveyId}/figures/preview.svg?${query}`);
          expect(res.statusCode, query).toBe(200);
          expect(res.headers["content-type"], query).toContain("image/svg+xml");
          expect(res.headers["content-security-policy"], query).toContain("default-src 'none'");
          expect(res.body, query).toMatch(/^<svg/);
          expect(res.body, query).not.toMatch(/<script|href="http/);
          expect(res.body, query).not.toContain("Not enough answers");
          drawn += 1;
        }
      }
    }
    expect(drawn).toBe(15);
    // The page shows the rows drawn: Europe and Asia-Pacific, never the lone organization of West and Central Africa.
    const shown = await page("?question=priority&breakdown=region&chart=choice-by-region");
    const table = /<table class="data">([\s\S]*?)<\/table>/.exec(shown.body)?.[1] ?? "";
    expect(table).toContain(regionNames.get("EUR")!);
    expect(table).toContain(regionNames.get("AP")!);
    expect(table).not.toContain(regionNames.get("WCA")!);
  });

  it("keeps a failed save at an address that survives a reload, with every problem beside its field; a save names the figure and its reference", async () => {
    const form = `/editor/surveys/${surveyId}/figures/new?question=priority&breakdown=region&chart=choice-by-region`;
    const selection = { question: "priority", breakdown: "region", chart: "choice-by-region" };
    const failed = await browser.submit(form, form, { ...selection, title: "", caption: "Synthetic answers", alt: "", slug: "" });
    expect(failed.statusCode).toBe(400);
    expect(failed.body).toMatch(/<p class="error-message" id="e-title">This field is required\./);
    expect(failed.body).toMatch(/<p class="error-message" id="e-alt">This field is required\./);
    expect(failed.body).toContain('<div class="error-summary" role="alert" tabindex="-1">');
    expect(failed.body).toContain('<a href="#f-alt">Text alternative: This field is required.</a>');
    expect(failed.body).toContain('value="Synthetic answers"');
    // The form posts to the page's own address (GET shows the same step), and lands on its problems.
    expect(decode(failed.body)).toContain(`action="${form}#figure-details"`);
    expect(selectedOf(failed.body, "chart")).toBe("choice-by-region");
    expect((await browser.get(form)).statusCode).toBe(200);

    // The selects are checked with the words: a chart the question cannot have is named too.
    const wrong = await browser.submit(form, form, { question: "priority", breakdown: "technology", chart: "radar", title: "Priority", alt: "Bars", slug: "" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('id="e-breakdown"');

    // A blank reference is made from the title.
    const saved = await browser.submit(form, form, { ...selection, title: "Priority of new technologies, by région", caption: "", alt: "Stacked bars, one per region, from low to high priority.", slug: "" });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/editor/surveys/${surveyId}#main`);
    const figure = await repo.getFigureBySlug(env.database.db, "priority-of-new-technologies-by-region");
    expect(figure).toMatchObject({ surveyId, chart: "choice-by-region", query: { kind: "choice-by-region", question: "priority" }, alts: { en: "Stacked bars, one per region, from low to high priority." } });
    const surveyPage = await browser.get(`/editor/surveys/${surveyId}`);
    expect(surveyPage.body).toContain("The figure “Priority of new technologies, by région” was saved. To place it in a section, write ::figure{ref=priority-of-new-technologies-by-region}.");
    expect(surveyPage.body).toContain('id="figure-priority-of-new-technologies-by-region"');
    const live = await browser.get("/figures/priority-of-new-technologies-by-region.svg");
    expect(live.statusCode).toBe(200);
    expect(live.body).toMatch(/^<svg/);

    // A reference already used is refused beside its field.
    const taken = await browser.submit(form, form, { ...selection, title: "Again", alt: "Bars", slug: "priority-of-new-technologies-by-region" });
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain('id="e-slug"');
    // A map needs its technology.
    const map = "/editor/surveys/" + surveyId + "/figures/new?question=adoption&breakdown=region&chart=world-map&technology=drones";
    const mapped = await browser.submit(map, map, { question: "adoption", breakdown: "region", chart: "world-map", technology: "drones", title: "Drones on the map", alt: "A world map", slug: "drones-map" });
    expect(mapped.statusCode).toBe(303);
    expect((await repo.getFigureBySlug(env.database.db, "drones-map"))!.query).toEqual({ kind: "world-map", question: "adoption", technology: "drones" });
  });

  it("charts every drawable question of the results pages, with answers in the question's order, never by count", async () => {
    const editorPage = await browser.get(`/editor/surveys/${surveyId}/results`);
    expect(editorPage.statusCode).toBe(200);
    for (const q of ["innovation_unit", "priority", "adoption", "benefits"]) expect(editorPage.body).toContain(`<img src="/editor/surveys/${surveyId}/results/${q}.svg" alt="`);
    expect(editorPage.body).not.toContain(`/results/contact.svg`);
    // The priority table runs from 1 (low) to 5 (high), though most answered 5.
    const priority = /<section class="panel" id="q-priority">([\s\S]*?)<\/section>/.exec(editorPage.body)?.[1] ?? "";
    const rows = [...priority.matchAll(/<th scope="row">([^<]*)<\/th>/g)].map((m) => m[1]).slice(0, 5);
    expect(rows).toEqual(["1 (low)", "2", "3", "4", "5 (high)"]);
    const benefits = /<section class="panel" id="q-benefits">([\s\S]*?)<\/section>/.exec(editorPage.body)?.[1] ?? "";
    expect([...benefits.matchAll(/<th scope="row">([^<]*)<\/th>/g)].map((m) => m[1]).slice(0, 5)).toEqual(["Better risk management", "Fraud detected", "Faster clearance", "Better compliance", "None yet"]);

    const chart = await browser.get(`/editor/surveys/${surveyId}/results/priority.svg`);
    expect(chart.statusCode).toBe(200);
    expect(chart.headers["content-type"]).toContain("image/svg+xml");
    // The bars' labels are drawn in the scale's order, from its lowest point.
    expect(chart.body.indexOf("1 (low)")).toBeGreaterThan(0);
    expect(chart.body.indexOf("1 (low)")).toBeLessThan(chart.body.indexOf("5 (high)"));

    // Readers: the same charts from the public results.
    const reader = await env.app.inject({ url: "/surveys/guided/results", headers: { accept: "text/html" } });
    expect(reader.body).toContain('<img src="/surveys/guided/results/priority.svg"');
    const publicChart = await env.app.inject({ url: "/surveys/guided/results/adoption.svg" });
    expect(publicChart.statusCode).toBe(200);
    expect(publicChart.body).toMatch(/^<svg/);
    expect((await env.app.inject({ url: "/surveys/guided/results/contact.svg" })).statusCode).toBe(404);
    expect((await env.app.inject({ url: "/surveys/guided/results/nothing.svg" })).statusCode).toBe(404);
    expect((await env.app.inject({ url: "/surveys/guided-other/results/priority.svg" })).statusCode).toBe(404);
  });
});
