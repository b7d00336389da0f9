import { transaction, type Db } from "#src/db/client.ts";
import { isUniqueViolation } from "#src/db/errors.ts";
import { recordAudit } from "#src/features/audit/repository.ts";
import { type Actor } from "#src/domain/actors.ts";
import type { Caller } from "#src/domain/actors.ts";
import { listOrganizations } from "#src/features/members/repository.ts";
import { readAnswers, type Flat, type Problem } from "#src/features/surveys/answers.ts";
import type { Definition, SurveyStatus } from "#src/domain/surveys.ts";
import * as repo from "#src/features/surveys/repository.ts";
import { roleAtLeast } from "#src/domain/members.ts";
import { appError } from "#src/lib/errors.ts";

// Rules of surveys: versions of the question set, invitations, one response per organization
// (locked once submitted), and imports that write everything or nothing.

export type SurveyInput = { slug: string; title: string; year: number; kind: string; intro: string | null; minGroup: number; definition: Definition };

export function createSurvey(db: Db, actor: Actor, input: SurveyInput) {
  return transaction(db, async (tx) => {
    const survey = await repo.insertSurvey(tx, { slug: input.slug, titles: { en: input.title }, year: input.year, kind: input.kind, intro: input.intro ? { en: input.intro } : {}, minGroup: input.minGroup });
    const version = await repo.insertVersion(tx, survey.id, input.definition);
    await recordAudit(tx, actor, { action: "survey.create", entityType: "survey", entityId: survey.id, data: { name: input.title } });
    return repo.updateSurvey(tx, survey.id, { currentVersionId: version.id });
  }).catch((e: unknown) => {
    if (isUniqueViolation(e)) throw appError("SLUG_TAKEN", { slug: "error.SLUG_TAKEN" });
    throw e;
  });
}

/**
 * Changes a survey. A changed question set replaces the current version while nobody has answered
 * it, and otherwise becomes a new version (answers keep the version they answered).
 */
export function updateSurvey(db: Db, actor: Actor, id: string, input: Omit<SurveyInput, "slug">) {
  return transaction(db, async (tx) => {
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
    const updated = await repo.updateSurvey(tx, id, { titles: { ...survey.titles, en: input.title }, year: input.year, kind: input.kind, intro: input.intro ? { ...survey.intro, en: input.intro } : {}, minGroup: input.minGroup, currentVersionId: versionId });
    await recordAudit(tx, actor, { action: "survey.update", entityType: "survey", entityId: id, data: { name: input.title, newVersion } });
    return updated;
  });
}

const NEXT: Record<SurveyStatus, SurveyStatus[]> = { draft: ["open"], open: ["closed"], closed: ["open"] };

export function setSurveyStatus(db: Db, actor: Actor, id: string, to: SurveyStatus) {
  return transaction(db, async (tx) => {
    const survey = await repo.lockSurvey(tx, id);
    if (!survey) throw appError("NOT_FOUND");
    if (!NEXT[survey.status].includes(to)) throw appError("SURVEY_STATE");
    await recordAudit(tx, actor, { action: `survey.${to}`, entityType: "survey", entityId: id, data: { name: survey.titles.en } });
    return repo.updateSurvey(tx, id, { status: to });
  });
}

export function inviteOrganizations(db: Db, actor: Actor, id: string, organizationIds: string[]) {
  return transaction(db, async (tx) => {
    const survey = await repo.lockSurvey(tx, id);
    if (!survey) throw appError("NOT_FOUND");
    await repo.invite(tx, id, organizationIds);
    await recordAudit(tx, actor, { action: "survey.invite", entityType: "survey", entityId: id, data: { count: organizationIds.length } });
  });
}

/** Problems as form field errors: key → message key (the first problem of each field). */
export const fieldsOf = (problems: Problem[]) => Object.fromEntries(problems.map((p) => [p.key, `survey.problem.${p.code}`]));

/**
 * Saves an organization's answers; with `submit`, checks the required ones and locks the response.
 * Members answer for their own invited organization while the survey is open.
 */
export function saveResponse(db: Db, caller: Caller, surveyId: string, organizationId: string, flat: Flat, submit: boolean) {
  return transaction(db, async (tx) => {
    const survey = await repo.getSurvey(tx, surveyId);
    if (!survey) throw appError("NOT_FOUND");
    const editor = roleAtLeast(caller.role, "editor");
    if (!editor && caller.organizationId !== organizationId) throw appError("FORBIDDEN");
    if (!(await repo.isInvited(tx, surveyId, organizationId))) throw appError("NOT_INVITED");
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
