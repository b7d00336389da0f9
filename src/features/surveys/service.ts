import { announceChange } from "#src/db/changes.ts";
import { transaction, type Db } from "#src/db/client.ts";
import { isUniqueViolation } from "#src/db/errors.ts";
import { recordAudit } from "#src/features/audit/repository.ts";
import { type Actor } from "#src/domain/actors.ts";
import type { Caller } from "#src/domain/actors.ts";
import { listActiveTechnologies } from "#src/features/catalog/repository.ts";
import { listOrganizations } from "#src/features/members/repository.ts";
import { notifyOrganizations } from "#src/features/notifications/notify.ts";
import { readAnswers, type Flat, type Problem } from "#src/features/surveys/answers.ts";
import { BREAKDOWN_OF, resolveSteps } from "#src/features/surveys/figure-steps.ts";
import { FigureSelection, FigureWords, type NewFigure } from "#src/features/surveys/schemas.ts";
import { slugify } from "#src/domain/reports.ts";
import { fieldErrors } from "#src/lib/validation.ts";
import { adoptionTemplate, blankTemplate } from "#src/features/surveys/templates.ts";
import type { Definition, SurveyStatus } from "#src/domain/surveys.ts";
import * as repo from "#src/features/surveys/repository.ts";
import { authorize } from "#src/access/index.ts";
import { appError } from "#src/lib/errors.ts";

// Rules of surveys: versions of the question set, invitations, one response per organization
// (locked once submitted), and imports that write everything or nothing.

/** `closesOn`: the day answers are due (null: none; left out on a change: kept as it is). */
export type SurveyInput = { slug: string; title: string; year: number; kind: string; intro: string | null; minGroup: number; closesOn?: string | null; definition: Definition };

export function createSurvey(db: Db, actor: Actor, input: SurveyInput) {
  return transaction(db, async (tx) => {
    await announceChange(tx, "surveys");
    const survey = await repo.insertSurvey(tx, { slug: input.slug, titles: { en: input.title }, year: input.year, kind: input.kind, intro: input.intro ? { en: input.intro } : {}, minGroup: input.minGroup, closesOn: input.closesOn ?? null });
    const version = await repo.insertVersion(tx, survey.id, input.definition);
    await recordAudit(tx, actor, { action: "survey.create", entityType: "survey", entityId: survey.id, data: { name: input.title } });
    return repo.updateSurvey(tx, survey.id, { currentVersionId: version.id });
  }).catch((e: unknown) => {
    if (isUniqueViolation(e)) throw appError("SLUG_TAKEN", { slug: "error.SLUG_TAKEN" });
    throw e;
  });
}

/** Starts a survey from a template: the adoption one asks about every technology of the catalog. */
export async function startSurvey(db: Db, actor: Actor, input: { slug: string; title: string; year: number; template: "adoption" | "blank" }) {
  // A new survey asks about the catalog as it is now: no retired technology.
  const technologies = (await listActiveTechnologies(db)).map((x) => x.slug);
  const definition = input.template === "adoption" && technologies.length ? adoptionTemplate(technologies) : blankTemplate();
  return createSurvey(db, actor, { slug: input.slug, title: input.title, year: input.year, kind: input.template === "adoption" ? "technology-adoption" : "general", intro: null, minGroup: 5, definition });
}

/**
 * Changes a survey. A changed question set replaces the current version while nobody has answered
 * it, and otherwise becomes a new version (answers keep the version they answered).
 */
export function updateSurvey(db: Db, actor: Actor, id: string, input: Omit<SurveyInput, "slug">) {
  return transaction(db, async (tx) => {
    await announceChange(tx, "surveys");
    const survey = await repo.lockSurvey(tx, id);
    if (!survey) throw appError("NOT_FOUND");
    const current = survey.currentVersionId ? await repo.getVersion(tx, survey.currentVersionId) : undefined;
    let versionId = survey.currentVersionId;
    let newVersion = false;
    if (!current || JSON.stringify(current.definition) !== JSON.stringify(input.definition)) {
      if (current && (await repo.responsesToVersion(tx, current.id)) === 0) await repo.replaceDefinition(tx, current.id, input.definition);
      else {
        versionId = (await repo.insertVersion(tx, id, input.definition)).id;
        newVersion = true;
      }
    }
    const updated = await repo.updateSurvey(tx, id, { titles: { ...survey.titles, en: input.title }, year: input.year, kind: input.kind, intro: input.intro ? { ...survey.intro, en: input.intro } : {}, minGroup: input.minGroup, ...(input.closesOn !== undefined ? { closesOn: input.closesOn } : {}), currentVersionId: versionId });
    await recordAudit(tx, actor, { action: "survey.update", entityType: "survey", entityId: id, data: { name: input.title, newVersion } });
    return updated;
  });
}

const NEXT: Record<SurveyStatus, SurveyStatus[]> = { draft: ["open"], open: ["closed"], closed: ["open"] };

export function setSurveyStatus(db: Db, actor: Actor, id: string, to: SurveyStatus) {
  return transaction(db, async (tx) => {
    await announceChange(tx, "surveys");
    const survey = await repo.lockSurvey(tx, id);
    if (!survey) throw appError("NOT_FOUND");
    if (!NEXT[survey.status].includes(to)) throw appError("SURVEY_STATE");
    await recordAudit(tx, actor, { action: `survey.${to}`, entityType: "survey", entityId: id, data: { name: survey.titles.en } });
    const updated = await repo.updateSurvey(tx, id, { status: to });
    const invited = (await repo.invitedOrganizations(tx, id)).map((o) => o.id);
    // Opened again after closing: the invitation's key is the same, so nobody is invited twice.
    await notifyOrganizations(tx, invited, to === "open" ? invitationNotice(survey) : closedNotice(survey), { exceptUserId: actor.userId });
    return updated;
  });
}

/** What invited organizations are told when a survey opens, or when they are invited to an open one (one key: told once). */
const invitationNotice = (survey: repo.SurveyRow) =>
  ({ kind: "survey_invitation", eventKey: `survey:${survey.id}:invitation`, messageKey: "notify.survey.invitation", params: { survey: survey.titles }, href: `/member/surveys/${survey.id}` }) as const;

const closedNotice = (survey: repo.SurveyRow) =>
  ({ kind: "survey_closed", eventKey: `survey:${survey.id}:closed`, messageKey: "notify.survey.closed", params: { survey: survey.titles }, href: `/member/surveys/${survey.id}` }) as const;

/** Invites organizations to a survey; those already invited stay invited. */
export const inviteOrganizations = (db: Db, actor: Actor, id: string, organizationIds: string[]) => changeInvitations(db, actor, id, organizationIds, { uninviteOthers: false });

/**
 * Sets who is invited to a survey: the organizations listed are, the others no longer are, except
 * those that have answered (a response keeps its invitation).
 */
export const setInvitations = (db: Db, actor: Actor, id: string, organizationIds: string[]) => changeInvitations(db, actor, id, organizationIds, { uninviteOthers: true });

function changeInvitations(db: Db, actor: Actor, id: string, organizationIds: string[], options: { uninviteOthers: boolean }) {
  return transaction(db, async (tx) => {
    await announceChange(tx, "surveys");
    const survey = await repo.lockSurvey(tx, id);
    if (!survey) throw appError("NOT_FOUND");
    const before = new Set((await repo.invitedOrganizations(tx, id)).map((o) => o.id));
    await repo.invite(tx, id, organizationIds);
    // Organizations invited to a survey already open are told now; the others when it opens.
    const added = [...new Set(organizationIds)].filter((o) => !before.has(o));
    if (survey.status === "open" && added.length) await notifyOrganizations(tx, added, invitationNotice(survey), { exceptUserId: actor.userId });
    if (options.uninviteOthers) {
      for (const { id: organizationId } of await repo.invitedOrganizations(tx, id)) {
        if (!organizationIds.includes(organizationId) && !(await repo.getResponse(tx, id, organizationId))) await repo.uninvite(tx, id, organizationId);
      }
    }
    await recordAudit(tx, actor, { action: "survey.invite", entityType: "survey", entityId: id, data: { count: organizationIds.length } });
  });
}

/**
 * Adds a figure drawn from a survey's results. Its question must be in the survey's current
 * question set, and the chart one that can show it (with a technology of the matrix when the
 * chart shows one); errors name the guided form's fields.
 */
export function createFigure(db: Db, actor: Actor, surveyId: string, input: NewFigure) {
  return transaction(db, async (tx) => {
    await announceChange(tx, "surveys");
    const survey = await repo.getSurvey(tx, surveyId);
    if (!survey) throw appError("NOT_FOUND");
    const definition = (await repo.getVersion(tx, survey.currentVersionId!))!.definition;
    const steps = resolveSteps(definition, { question: input.question, breakdown: BREAKDOWN_OF[input.kind], chart: input.kind, technology: input.technology }, { defaults: false });
    if (!steps.query) throw appError("VALIDATION_FAILED", steps.errors);
    const figure = await repo.insertFigure(tx, { slug: input.slug, surveyId, query: steps.query, chart: input.kind, titles: { en: input.title }, captions: input.caption ? { en: input.caption } : {}, alts: { en: input.alt } });
    await recordAudit(tx, actor, { action: "figure.create", entityType: "figure", entityId: figure.id, data: { name: input.title } });
    return figure;
  }).catch((e: unknown) => {
    if (isUniqueViolation(e)) throw appError("SLUG_TAKEN", { slug: "error.SLUG_TAKEN" });
    throw e;
  });
}

/**
 * Creates a figure from the guided form: its selects and its words are checked together, so that
 * every problem shows at once beside its field; a blank reference is made from the title.
 */
export async function createFigureFromForm(db: Db, actor: Actor, surveyId: string, body: Record<string, unknown>) {
  const survey = await repo.getSurvey(db, surveyId);
  if (!survey) throw appError("NOT_FOUND");
  const definition = (await repo.getVersion(db, survey.currentVersionId!))!.definition;
  const selection = FigureSelection.parse(body);
  const steps = resolveSteps(definition, selection, { defaults: false });
  const words = FigureWords.safeParse(body);
  const errors = { ...steps.errors, ...(words.success ? {} : fieldErrors(words.error)) };
  if (!steps.query || !words.success || Object.keys(errors).length) throw appError("VALIDATION_FAILED", errors);
  const { slug, title, caption, alt } = words.data;
  return createFigure(db, actor, surveyId, { slug: slug ?? slugify(title), kind: steps.query.kind, question: steps.query.question, technology: "technology" in steps.query ? steps.query.technology : undefined, title, caption, alt });
}

/** Problems as form field errors: key → message key (the first problem of each field). */
export const fieldsOf = (problems: Problem[]) => Object.fromEntries(problems.map((p) => [p.key, `survey.problem.${p.code}`]));

/**
 * Saves an organization's answers; with `submit`, checks the required ones and locks the response.
 * Members answer for their own invited organization while the survey is open.
 */
export function saveResponse(db: Db, caller: Caller, surveyId: string, organizationId: string, flat: Flat, submit: boolean) {
  return transaction(db, async (tx) => {
    if (submit) await announceChange(tx, "surveys");
    const survey = await repo.shareSurvey(tx, surveyId);
    if (!survey) throw appError("NOT_FOUND");
    authorize(caller, "answer", { kind: "survey-response", organizationId, invited: await repo.isInvited(tx, surveyId, organizationId) });
    if (survey.status !== "open") throw appError("SURVEY_CLOSED");
    const existing = await repo.lockResponse(tx, surveyId, organizationId);
    if (existing?.status === "submitted") throw appError("RESPONSE_LOCKED");
    const version = (await repo.getVersion(tx, existing?.versionId ?? survey.currentVersionId!))!;
    const { answers, problems } = readAnswers(version.definition, flat, { submit });
    if (problems.length) throw appError("VALIDATION_FAILED", fieldsOf(problems));
    const response = await repo.upsertResponse(tx, { surveyId, organizationId, versionId: version.id, answers, status: submit ? "submitted" : "draft", source: "form", updatedBy: caller.userId, submittedAt: submit ? new Date() : null });
    await recordAudit(tx, caller, { action: submit ? "survey.response.submit" : "survey.response.save", entityType: "survey", entityId: surveyId, data: { organization: organizationId } });
    return response;
  });
}

/** Opens a submitted response again so that its organization can change it. */
export function reopenResponse(db: Db, actor: Actor, surveyId: string, organizationId: string) {
  return transaction(db, async (tx) => {
    await announceChange(tx, "surveys");
    const response = await repo.lockResponse(tx, surveyId, organizationId);
    if (!response) throw appError("NOT_FOUND");
    await repo.setResponseStatus(tx, response.id, "draft");
    await recordAudit(tx, actor, { action: "survey.response.reopen", entityType: "survey", entityId: surveyId, data: { organization: organizationId } });
  });
}

/** A table read from a spreadsheet: header names, and rows with where each cell came from. */
export type Table = { columns: string[]; rows: { line: number; cells: Record<string, string | number | undefined> }[]; cellRef: (line: number, column: string) => string };
export type ImportProblem = Problem & { cell: string; line: number };
export type ImportResult = { ok: true; imported: number; replaced: number } | { ok: false; problems: ImportProblem[] };

/**
 * Imports responses, one row per organization (column "organization": its short name, name or
 * id). Every problem of every row is reported with its cell, and then nothing is written; else
 * all rows are written, submitted, in one transaction (the organizations are invited).
 */
export async function importResponses(db: Db, actor: Actor, surveyId: string, table: Table, source: string): Promise<ImportResult> {
  const survey = await repo.getSurvey(db, surveyId);
  if (!survey) throw appError("NOT_FOUND");
  const version = (await repo.getVersion(db, survey.currentVersionId!))!;
  const organizations = await listOrganizations(db, {});
  const find = (v: string) => {
    const key = v.trim().toLowerCase();
    return organizations.find((o) => o.id === v.trim() || o.shortName?.toLowerCase() === key || o.name.toLowerCase() === key);
  };
  const problems: ImportProblem[] = [];
  const rows: { organizationId: string; answers: ReturnType<typeof readAnswers>["answers"] }[] = [];
  const seen = new Map<string, number>();
  if (!table.columns.includes("organization")) problems.push({ key: "organization", code: "required", cell: "A1", line: 1 });
  for (const row of table.rows) {
    const { organization, ...cells } = row.cells;
    const org = organization === undefined || String(organization).trim() === "" ? undefined : find(String(organization));
    if (!org) problems.push({ key: "organization", code: organization ? "notAnOption" : "required", ...(organization ? { value: String(organization) } : {}), cell: table.cellRef(row.line, "organization"), line: row.line });
    else if (seen.has(org.id)) problems.push({ key: "organization", code: "notAnOption", value: `${String(organization)} (line ${seen.get(org.id)})`, cell: table.cellRef(row.line, "organization"), line: row.line });
    const { answers, problems: own } = readAnswers(version.definition, cells, { submit: true, strictColumns: true });
    problems.push(...own.map((p) => ({ ...p, cell: table.cellRef(row.line, p.key), line: row.line })));
    if (org) {
      seen.set(org.id, row.line);
      rows.push({ organizationId: org.id, answers });
    }
  }
  if (problems.length) return { ok: false, problems };
  return transaction(db, async (tx) => {
    await announceChange(tx, "surveys");
    let replaced = 0;
    await repo.invite(tx, surveyId, rows.map((r) => r.organizationId));
    for (const row of rows) {
      if (await repo.lockResponse(tx, surveyId, row.organizationId)) replaced += 1;
      await repo.upsertResponse(tx, { surveyId, organizationId: row.organizationId, versionId: version.id, answers: row.answers, status: "submitted", source, updatedBy: actor.userId, submittedAt: new Date() });
    }
    await recordAudit(tx, actor, { action: "survey.import", entityType: "survey", entityId: surveyId, data: { name: source, rows: rows.length, replaced } });
    return { ok: true as const, imported: rows.length, replaced };
  });
}
