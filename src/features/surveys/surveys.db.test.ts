import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import type { Caller } from "#src/domain/actors.ts";
import { freezeEdition, publishEdition } from "#src/features/editions/service.ts";
import { saveSection } from "#src/features/reports/revisions.ts";
import { loadDraft } from "#src/features/reports/draft.ts";
import { loadResults } from "#src/features/surveys/read.ts";
import * as repo from "#src/features/surveys/repository.ts";
import { createFigure, createSurvey, importResponses, inviteOrganizations, reopenResponse, saveResponse, setInvitations, setSurveyStatus, updateSurvey } from "#src/features/surveys/service.ts";
import { readTable } from "#src/features/surveys/spreadsheet.ts";
import { adoptionTemplate } from "#src/features/surveys/templates.ts";
import { isAppError } from "#src/lib/errors.ts";
import { Browser, useTestApp } from "#test/helpers/app.ts";
import { buildOrganization, buildReport, buildUser, ensureTechnology } from "#test/helpers/factories.ts";
import { handZip } from "#test/helpers/zips.ts";

const env = useTestApp();
const TECHS = ["blockchain", "drones"];

async function openSurvey(slug: string) {
  const db = env.database.db;
  for (const t of TECHS) await ensureTechnology(db, t, t);
  const survey = await createSurvey(db, SYSTEM_ACTOR, { slug, title: "Adoption survey", year: 2025, kind: "technology-adoption", intro: null, minGroup: 5, definition: adoptionTemplate(TECHS) });
  await setSurveyStatus(db, SYSTEM_ACTOR, survey.id, "open");
  return survey;
}

const caller = (user: { id: string; role: "contributor" | "editor" | "admin"; organizationId: string | null }): Caller => ({ ...SYSTEM_ACTOR, userId: user.id, role: user.role, organizationId: user.organizationId });

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("responses");
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const codeOf = (e: unknown) => (isAppError(e) ? e.code : String(e));

describe("surveys", () => {
  it("an organization saves, submits (required answers checked), is locked, and is reopened; a later change of questions is a new version", async () => {
    const db = env.database.db;
    const survey = await openSurvey("answering");
    const org = await buildOrganization(db, { regionCode: "AMS" });
    const member = await buildUser(db, { role: "contributor", organizationId: org.id });
    const outsider = await buildUser(db, { role: "contributor", organizationId: (await buildOrganization(db)).id });
    await inviteOrganizations(db, SYSTEM_ACTOR, survey.id, [org.id]);

    expect(codeOf(await saveResponse(db, caller(outsider), survey.id, outsider.organizationId!, {}, false).catch((e) => e))).toBe("NOT_INVITED");
    await saveResponse(db, caller(member), survey.id, org.id, { innovation_unit: "yes", innovation_staff: "12,5" }, false);
    const missing = await saveResponse(db, caller(member), survey.id, org.id, { innovation_unit: "yes" }, true).catch((e) => e);
    expect(isAppError(missing) && missing.fields).toEqual({ "adoption.blockchain.stage": "survey.problem.required" });
    // A conditional answer whose condition no longer holds is dropped.
    const saved = await saveResponse(db, caller(member), survey.id, org.id, { innovation_unit: "no", innovation_staff: "4", "adoption.blockchain.stage": "pilot", "adoption.blockchain.areas": ["origin", "aeo"] }, true);
    expect(saved.answers).toEqual({ innovation_unit: "no", adoption: { blockchain: { stage: "pilot", followUps: { areas: ["origin", "aeo"] } } } });
    expect(codeOf(await saveResponse(db, caller(member), survey.id, org.id, { innovation_unit: "yes" }, false).catch((e) => e))).toBe("RESPONSE_LOCKED");
    await reopenResponse(db, SYSTEM_ACTOR, survey.id, org.id);
    await saveResponse(db, caller(member), survey.id, org.id, { innovation_unit: "yes", innovation_staff: "3,5", "adoption.blockchain.stage": "pilot" }, true);
    expect((await repo.getResponse(db, survey.id, org.id))!.answers.innovation_staff).toBe(3.5);

    const before = (await repo.getSurvey(db, survey.id))!.currentVersionId;
    const changed = adoptionTemplate(TECHS);
    changed.sections[0]!.questions.push({ id: "budget", type: "number", required: false, text: { en: "Budget" } });
    const updated = await updateSurvey(db, SYSTEM_ACTOR, survey.id, { title: "Adoption survey", year: 2025, kind: "technology-adoption", intro: null, minGroup: 5, definition: changed });
    expect(updated.currentVersionId).not.toBe(before);
    expect((await repo.getResponse(db, survey.id, org.id))!.versionId).toBe(before);
  });

  it("the invitation list replaces the others, except organizations that have answered; adding invitations keeps the others", async () => {
    const db = env.database.db;
    const survey = await openSurvey("inviting");
    const [a, b, c] = [await buildOrganization(db), await buildOrganization(db), await buildOrganization(db)];
    const member = await buildUser(db, { role: "contributor", organizationId: a.id });
    const invited = async () => (await repo.invitedOrganizations(db, survey.id)).map((o) => o.id).sort();

    await setInvitations(db, SYSTEM_ACTOR, survey.id, [a.id, b.id]);
    expect(await invited()).toEqual([a.id, b.id].sort());
    await saveResponse(db, caller(member), survey.id, a.id, { innovation_unit: "yes" }, false);
    await setInvitations(db, SYSTEM_ACTOR, survey.id, [c.id]);
    expect(await invited()).toEqual([a.id, c.id].sort());
    await inviteOrganizations(db, SYSTEM_ACTOR, survey.id, [b.id]);
    expect(await invited()).toEqual([a.id, b.id, c.id].sort());
    expect(codeOf(await setInvitations(db, SYSTEM_ACTOR, "00000000-0000-4000-8000-000000000000", [a.id]).catch((e) => e))).toBe("NOT_FOUND");
  });

  it("a figure is checked against the survey's questions: a chart its question cannot feed, a missing technology, a taken slug", async () => {
    const db = env.database.db;
    const survey = await openSurvey("figure-checks");
    const figure = { slug: "checked-figure", kind: "stage-by-technology" as const, question: "adoption", technology: undefined, title: "Adoption", caption: null, alt: "Bars" };
    const fieldsOf = (e: unknown) => (isAppError(e) ? e.fields : e);
    // A choice question has no stage-by-technology chart; the matrix no distribution; a map needs a technology.
    expect(fieldsOf(await createFigure(db, SYSTEM_ACTOR, survey.id, { ...figure, question: "innovation_unit" }).catch((e) => e))).toEqual({ breakdown: "figure.error.breakdown" });
    expect(fieldsOf(await createFigure(db, SYSTEM_ACTOR, survey.id, { ...figure, kind: "distribution" }).catch((e) => e))).toEqual({ breakdown: "figure.error.breakdown" });
    expect(fieldsOf(await createFigure(db, SYSTEM_ACTOR, survey.id, { ...figure, question: "contact", kind: "distribution" }).catch((e) => e))).toEqual({ question: "figure.error.question" });
    expect(fieldsOf(await createFigure(db, SYSTEM_ACTOR, survey.id, { ...figure, kind: "world-map" }).catch((e) => e))).toEqual({ technology: "field.required" });
    expect(fieldsOf(await createFigure(db, SYSTEM_ACTOR, survey.id, { ...figure, kind: "world-map", technology: "teleportation" }).catch((e) => e))).toEqual({ technology: "figure.error.technology" });
    const created = await createFigure(db, SYSTEM_ACTOR, survey.id, { ...figure, kind: "stage-by-region", technology: "blockchain" });
    expect(created.query).toEqual({ kind: "stage-by-region", question: "adoption", technology: "blockchain" });
    expect(codeOf(await createFigure(db, SYSTEM_ACTOR, survey.id, { ...figure, question: "adoption" }).catch((e) => e))).toBe("SLUG_TAKEN");
    expect((await createFigure(db, SYSTEM_ACTOR, survey.id, { ...figure, slug: "unit-answers", kind: "distribution", question: "innovation_unit" })).chart).toBe("distribution");
  });

  it("imports 120 organizations from .xlsx (decimal comma) and a BOM CSV (semicolons); a bad cell imports nothing and is named", async () => {
    const db = env.database.db;
    const survey = await openSurvey("importing");
    const regions = ["AMS", "EUR", "AP", "ESA", "WCA", "MENA"];
    const orgs: Awaited<ReturnType<typeof buildOrganization>>[] = [];
    for (let i = 0; i < 120; i++) orgs.push(await buildOrganization(db, { name: `Imported administration ${i}`, shortName: `IMP${i}`, regionCode: regions[i % 6]! }));
    const header = ["organization", "innovation_unit", "innovation_staff", "priority", "adoption.blockchain.stage", "adoption.blockchain.areas", "adoption.drones.stage", "benefits"];
    const row = (i: number) => [`IMP${i}`, "yes", "2,5", 1 + (i % 5), ["no_plans", "planning", "proof_of_concept", "pilot", "production"][i % 5]!, "risk;origin", "pilot", "speed;fraud"];
    const book = await xlsx([header, ...Array.from({ length: 60 }, (_, i) => row(i))]);
    const first = await importResponses(db, SYSTEM_ACTOR, survey.id, await readTable(book), "import: a.xlsx");
    expect(first).toEqual({ ok: true, imported: 60, replaced: 0 });
    expect((await repo.getResponse(db, survey.id, orgs[0]!.id))!.answers.innovation_staff).toBe(2.5);

    // As a spreadsheet program writes it: cells holding the separator are quoted.
    const cell = (v: string | number) => (String(v).includes(";") ? `"${v}"` : String(v));
    const csv = `\ufeff${header.join(";")}\r\n${Array.from({ length: 60 }, (_, i) => row(i + 60).map(cell).join(";")).join("\r\n")}\r\n`;
    const second = await importResponses(db, SYSTEM_ACTOR, survey.id, await readTable(Buffer.from(csv, "utf8")), "import: b.csv");
    expect(second).toEqual({ ok: true, imported: 60, replaced: 0 });

    // One bad cell (row 4, column D: a scale out of range) and an unknown organization: nothing written.
    const bad = [header, row(0), row(1), [...row(2).slice(0, 3), 9, ...row(2).slice(4)], ["NOBODY", ...row(3).slice(1)]];
    const refused = await importResponses(db, SYSTEM_ACTOR, survey.id, await readTable(await xlsx(bad)), "import: bad.xlsx");
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.problems.map((p) => [p.cell, p.code])).toEqual([["D4", "outOfRange"], ["A5", "notAnOption"]]);
    }
    const total = (await repo.responsesWithOrganizations(db, survey.id)).length;
    expect(total).toBe(120);
    expect((await repo.getResponse(db, survey.id, orgs[0]!.id))!.source).toBe("import: a.xlsx");
  });

  it("refuses over HTTP a workbook whose zip headers understate a sheet, with the spreadsheet's message, importing nothing", async () => {
    const db = env.database.db;
    const survey = await openSurvey("lying-workbook");
    const org = await buildOrganization(db, { shortName: "LIE1" });
    const book = await xlsx([["organization", "innovation_unit", "adoption.blockchain.stage", "adoption.drones.stage"], ["LIE1", "yes", "pilot", "production"]]);
    // The sheet grows to 50 MiB of blanks inside its XML while every header keeps its real size.
    const parts = Object.entries(unzipSync(book)).map(([name, data]) => {
      if (name !== "xl/worksheets/sheet1.xml") return { name, data };
      const padded = new TextEncoder().encode(new TextDecoder().decode(data).replace("<sheetData>", `<sheetData>${" ".repeat(50 * 1024 * 1024)}`));
      return { name, data: padded, localSize: data.length, centralSize: data.length };
    });
    const lying = handZip(parts);
    expect(lying.length).toBeLessThan(1024 * 1024);
    const editor = await buildUser(db, { role: "editor" });
    const browser = await new Browser(env.app).signInAs(env.database, editor.email);
    const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    const refused = await browser.upload(`/editor/surveys/${survey.id}`, `/editor/surveys/${survey.id}/import`, "responses", { filename: "answers.xlsx", data: lying, type: XLSX });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("far more data than a spreadsheet would");
    expect(refused.body).not.toContain("Word");
    expect(await repo.getResponse(db, survey.id, org.id)).toBeFalsy();
    // The same workbook with honest headers imports.
    const honest = await browser.upload(`/editor/surveys/${survey.id}`, `/editor/surveys/${survey.id}/import`, "responses", { filename: "answers.xlsx", data: book, type: XLSX });
    expect(honest.statusCode).toBe(200);
    expect((await repo.getResponse(db, survey.id, org.id))!.answers.innovation_unit).toBe("yes");
  });

  it("hides small groups from the public results but not from editors", async () => {
    const db = env.database.db;
    const survey = await openSurvey("results");
    const big: Awaited<ReturnType<typeof buildOrganization>>[] = [];
    for (let i = 0; i < 6; i++) big.push(await buildOrganization(db, { regionCode: "EUR" }));
    const small = await buildOrganization(db, { regionCode: "WCA" });
    const table = { columns: ["organization", "innovation_unit", "adoption.blockchain.stage"], rows: [...big, small].map((o, i) => ({ line: i + 2, cells: { organization: o.id, innovation_unit: "yes", "adoption.blockchain.stage": o === small ? "production" : "pilot" } })), cellRef: () => "" };
    expect((await importResponses(db, SYSTEM_ACTOR, survey.id, table, "import: t")).ok).toBe(true);
    const pub = (await loadResults(db, (await repo.getSurvey(db, survey.id))!, "public")).results;
    const ed = (await loadResults(db, (await repo.getSurvey(db, survey.id))!, "editor")).results;
    const region = (r: typeof pub, code: string) => {
      const q = r.questions.find((x) => x.id === "adoption");
      return q?.type === "matrix" ? q.byTechnologyRegion.find((g) => g.technology === "blockchain" && g.group === code) : undefined;
    };
    expect(region(pub, "WCA")).toMatchObject({ hidden: true, counts: {} });
    expect(region(ed, "WCA")).toMatchObject({ hidden: false, counts: { production: 1 } });
    expect(region(pub, "EUR")).toMatchObject({ hidden: false, counts: { pilot: 6 } });
    const page = await env.app.inject({ url: `/surveys/results/results`, headers: { accept: "text/html" } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("fewer than 5: not shown");
    const editor = await buildUser(db, { role: "editor" });
    const browser = await new Browser(env.app).signInAs(env.database, editor.email);
    const editorPage = await browser.get(`/editor/surveys/${survey.id}/results`);
    expect(editorPage.body).not.toContain("fewer than 5: not shown");
  });

  it("a figure renders live in the draft as SVG, is frozen with its data in an edition, and later answers leave it unchanged", async () => {
    const db = env.database.db;
    const survey = await openSurvey("figures");
    const orgs: Awaited<ReturnType<typeof buildOrganization>>[] = [];
    for (let i = 0; i < 6; i++) orgs.push(await buildOrganization(db, { regionCode: "AP" }));
    const answer = (stage: string) => ({ columns: ["organization", "innovation_unit", "adoption.blockchain.stage"], rows: orgs.map((o, i) => ({ line: i + 2, cells: { organization: o.id, innovation_unit: "yes", "adoption.blockchain.stage": stage } })), cellRef: () => "" });
    expect((await importResponses(db, SYSTEM_ACTOR, survey.id, answer("pilot"), "import: t")).ok).toBe(true);
    const editor = await buildUser(db, { role: "editor" });
    const browser = await new Browser(env.app).signInAs(env.database, editor.email);
    const created = await browser.submit(`/editor/surveys/${survey.id}/figures/new`, `/editor/surveys/${survey.id}/figures/new`, {
      slug: "blockchain-stage",
      question: "adoption",
      breakdown: "technology",
      chart: "stage-by-technology",
      title: "Blockchain adoption",
      alt: "Bars: how far administrations have taken each technology",
    });
    expect(created.statusCode).toBe(303);

    const draft = await buildReport(db);
    const section = draft.chapters[0]!.sections[0]!;
    await saveSection(db, SYSTEM_ACTOR, { sectionId: section.id, language: "en", heading: "What it is", body: "Adoption so far:\n\n::figure{ref=blockchain-stage}", baseRevisionId: section.texts.en!.revisionId, summary: null });
    const live = await browser.get(`/draft/${draft.report.slug}/en/${draft.chapters[0]!.slug}`);
    expect(live.body).toContain('<img src="/figures/blockchain-stage.svg" alt="Bars: how far administrations have taken each technology"');
    expect(live.body).toContain("n = 6.");
    const svg = await browser.get("/figures/blockchain-stage.svg");
    expect(svg.headers["content-type"]).toContain("image/svg+xml");
    expect(svg.body).toMatch(/^<svg/);
    expect(svg.body).toContain("Pilot");

    const edition = await freezeEdition(db, SYSTEM_ACTOR, draft.report.id, { label: "2025", title: "Edition 2025", editionDate: "2025-06-30", foreword: null });
    await publishEdition(db, SYSTEM_ACTOR, edition.id, { to: "published", publicUrl: "http://localhost:3000" });
    const frozenUrl = `/reports/${draft.report.slug}/2025/en/figures/blockchain-stage`;
    const frozenSvg = (await env.app.inject({ url: `${frozenUrl}.svg` })).body;
    const frozenCsv = (await env.app.inject({ url: `${frozenUrl}.csv` })).body;
    expect(frozenCsv).toContain("technology,stage,organizations");
    expect(frozenCsv).toContain(",Pilot,6");
    const page = (await env.app.inject({ url: `/reports/${draft.report.slug}/2025/en/${draft.chapters[0]!.slug}` })).body;
    expect(page).toContain(`<img src="${frozenUrl}.svg"`);

    // Everyone now answers "production": the live figure changes, the published one does not.
    expect((await importResponses(db, SYSTEM_ACTOR, survey.id, answer("production"), "import: t2")).ok).toBe(true);
    expect((await browser.get("/figures/blockchain-stage.svg")).body).toContain("In production");
    expect((await env.app.inject({ url: `${frozenUrl}.svg` })).body).toBe(frozenSvg);
    expect((await env.app.inject({ url: `${frozenUrl}.csv` })).body).toBe(frozenCsv);
    const again = await loadDraft(db, draft.report.slug);
    expect(again.chapters[0]!.sections[0]!.texts.en!.body).toContain("::figure{ref=blockchain-stage}");
  });
});
