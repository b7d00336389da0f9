import { createHash, randomBytes } from "node:crypto";
import { announceChange } from "#src/db/changes.ts";
import { transaction, type Db } from "#src/db/client.ts";
import { isUniqueViolation } from "#src/db/errors.ts";
import { recordAudit } from "#src/features/audit/repository.ts";
import type { Actor, Caller } from "#src/domain/actors.ts";
import { missingForSubmission, needsMessage, type CaseStudyFields, type CaseStudyState, type RetireReason } from "#src/domain/case-studies.ts";
import * as repo from "#src/features/case-studies/repository.ts";
import { authorize, moveAction } from "#src/access/index.ts";
import { slugify } from "#src/domain/reports.ts";
import { listActiveTechnologies } from "#src/features/catalog/repository.ts";
import { notifyOrganizations } from "#src/features/notifications/notify.ts";
import { appError } from "#src/lib/errors.ts";

// Commands of case studies: the moves between states, versions kept on every save, the
// organization told of every move (who may do which is src/access's). Each command is one
// transaction with its audit event.

// The year a case study is filed under: when the project started, else when it was written.
const yearOf = (fields: CaseStudyFields, submittedAt: Date | null) => fields.periodStart ?? (submittedAt ?? new Date()).getUTCFullYear();

/**
 * Writes a new version and brings the case study's list columns, technologies and search up to
 * date. A retired technology is refused unless the case study already has it (a stale form, or a
 * crafted post, cannot add one).
 */
async function writeVersion(tx: Db, caller: Caller, cs: repo.CaseStudyRow, fields: CaseStudyFields, note: string) {
  const existing = ((await repo.technologiesOf(tx, [cs.id])).get(cs.id) ?? []).map((t) => t.slug);
  const known = new Map((await listActiveTechnologies(tx, existing)).map((t) => [t.slug, t.id]));
  const ids = fields.technologies.map((slug) => known.get(slug));
  if (ids.some((id) => !id)) throw appError("VALIDATION_FAILED", { technologies: "field.invalid" });
  const version = await repo.insertVersion(tx, { caseStudyId: cs.id, fields, note, authorId: caller.userId });
  const updated = await repo.updateCaseStudy(tx, cs.id, {
    title: fields.title,
    summary: fields.summary,
    stage: fields.stage,
    year: yearOf(fields, cs.submittedAt),
    language: fields.language,
    currentVersionId: version.id,
  });
  await repo.setTechnologies(tx, cs.id, ids as string[]);
  await repo.refreshSearch(tx, cs.id, fields);
  return { caseStudy: updated, version };
}

async function freeSlug(tx: Db, title: string) {
  const base = slugify(title);
  const taken = new Set(await repo.slugsLike(tx, base));
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/** Starts a case study (a draft) for an organization: a contributor's own, or any for an editor. */
export async function createCaseStudy(db: Db, caller: Caller, input: { organizationId: string | null; fields: CaseStudyFields; note?: string; slug?: string }) {
  const organizationId = input.organizationId ?? caller.organizationId;
  if (!organizationId) throw appError("NO_ORGANIZATION");
  authorize(caller, "contribute", { kind: "organization", id: organizationId });
  return transaction(db, async (tx) => {
    const org = await repo.organizationOf(tx, organizationId);
    if (!org) throw appError("VALIDATION_FAILED", { organizationId: "field.unknownOrganization" });
    const values = { organizationId, title: input.fields.title, language: input.fields.language, createdBy: caller.userId };
    let cs: repo.CaseStudyRow;
    try {
      // A savepoint, so that losing a race for the slug can be retried in the same transaction.
      cs = await transaction(tx, async (sp) => repo.insertCaseStudy(sp, { ...values, slug: await freeSlug(sp, input.slug ?? input.fields.title) }));
    } catch (e) {
      if (!isUniqueViolation(e, "case_studies_slug_key")) throw e;
      cs = await repo.insertCaseStudy(tx, { ...values, slug: `${slugify(input.fields.title).slice(0, 50)}-${randomBytes(3).toString("hex")}` });
    }
    const { caseStudy } = await writeVersion(tx, caller, cs, input.fields, input.note ?? "draft");
    await repo.insertEvent(tx, { caseStudyId: cs.id, fromState: null, toState: "draft", actorId: caller.userId });
    await recordAudit(tx, caller, { action: "case-study.create", entityType: "case-study", entityId: cs.id, data: { name: input.fields.title, organization: org.org.name } });
    return caseStudy;
  });
}

/**
 * Saves new content as a new version. `baseVersionId` is the version the form was opened on:
 * when someone saved in between, the save is refused (409) rather than silently overwriting.
 */
export function saveCaseStudy(db: Db, caller: Caller, id: string, fields: CaseStudyFields, baseVersionId: number | null) {
  return transaction(db, async (tx) => {
    const cs = await repo.lockCaseStudy(tx, id);
    if (!cs) throw appError("NOT_FOUND");
    authorize(caller, "edit", { kind: "case-study", caseStudy: cs });
    if (baseVersionId !== null && cs.currentVersionId !== baseVersionId) throw appError("STALE_VERSION");
    const note = cs.state === "draft" || cs.state === "changes_requested" ? "draft" : "edit";
    const { caseStudy, version } = await writeVersion(tx, caller, cs, fields, note);
    // A published case study's new words show in the library and search at once.
    if (cs.state === "published") await announceChange(tx, "case-studies");
    await recordAudit(tx, caller, { action: "case-study.save", entityType: "case-study", entityId: id, data: { name: fields.title, version: version.number } });
    return caseStudy;
  });
}

export type MoveInput = { from: CaseStudyState; to: CaseStudyState; message: string | null; reason: RetireReason | null; supersededBy: string | null };

export type FormSave = { id: string | null; organizationId: string | null; fields: CaseStudyFields; baseVersionId: number | null; submit: boolean };

/**
 * What the case-study form does: saves a new draft or a new version, and with "save and submit"
 * also submits it, all in one transaction (a refused submission keeps nothing).
 */
export function saveFromForm(db: Db, caller: Caller, input: FormSave) {
  return transaction(db, async (tx) => {
    const cs = input.id
      ? await saveCaseStudy(tx, caller, input.id, input.fields, input.baseVersionId)
      : await createCaseStudy(tx, caller, { organizationId: input.organizationId, fields: input.fields });
    if (!input.submit) return { caseStudy: cs, submitted: false };
    const moved = await moveCaseStudy(tx, caller, cs.id, { from: cs.state, to: "submitted", message: null, reason: null, supersededBy: null });
    return { caseStudy: moved, submitted: true };
  });
}

/** Moves a case study between states, if the caller may make that move from the state they saw. */
export function moveCaseStudy(db: Db, caller: Caller, id: string, input: MoveInput) {
  return transaction(db, async (tx) => {
    const cs = await repo.lockCaseStudy(tx, id);
    if (!cs) throw appError("NOT_FOUND");
    const resource = { kind: "case-study", caseStudy: cs } as const;
    authorize(caller, "view", resource);
    if (cs.state !== input.from) throw appError("CASE_STUDY_STATE");
    const action = moveAction(cs.state, input.to);
    if (!action) throw appError("CASE_STUDY_STATE");
    authorize(caller, action, resource);
    if (needsMessage(input.to) && !input.message) throw appError("VALIDATION_FAILED", { message: "field.required" });

    const changes: Partial<repo.CaseStudyRow> = { state: input.to, stateMessage: input.message };
    if (input.to === "submitted") {
      const current = cs.currentVersionId ? await repo.getVersion(tx, cs.currentVersionId) : undefined;
      const missing = current ? missingForSubmission(current.fields) : { title: "field.required" };
      if (Object.keys(missing).length) throw appError("VALIDATION_FAILED", missing);
      changes.submittedAt = cs.submittedAt ?? new Date();
      changes.submittedVersionId = cs.submittedVersionId ?? cs.currentVersionId;
    }
    if (input.to === "published") changes.publishedAt = cs.publishedAt ?? new Date();
    if (input.to === "retired") {
      if (!input.reason) throw appError("VALIDATION_FAILED", { reason: "field.required" });
      changes.retiredReason = input.reason;
      if (input.reason === "superseded") {
        const by = input.supersededBy ? await repo.getCaseStudyBySlug(tx, input.supersededBy) : undefined;
        if (!by || by.id === cs.id) throw appError("VALIDATION_FAILED", { supersededBy: "field.unknownCaseStudy" });
        changes.supersededById = by.id;
      }
    }
    const updated = await repo.updateCaseStudy(tx, id, changes);
    const eventId = await repo.insertEvent(tx, { caseStudyId: id, fromState: cs.state, toState: input.to, message: input.message, actorId: caller.userId });
    // Into or out of the library: readers' cached lists and searches are stale.
    if (cs.state === "published" || input.to === "published") await announceChange(tx, "case-studies");
    // Keyed by the move itself, so a second move to the same state tells the organization again (no move leads back to draft).
    await notifyOrganizations(tx, [cs.organizationId], { kind: "case_study_moderated", eventKey: `case-study:${id}:${input.to}:${eventId}`, messageKey: `notify.caseStudy.${input.to as Exclude<CaseStudyState, "draft">}`, params: { title: cs.title }, href: `/member/case-studies/${id}` }, { exceptUserId: caller.userId });
    await recordAudit(tx, caller, { action: `case-study.${input.to}`, entityType: "case-study", entityId: id, data: { name: cs.title, from: cs.state, reason: input.reason } });
    return updated;
  });
}

export type Upload = { filename: string; mediaType: string; data: Buffer };

/** Keeps a file with a case study: an attachment, or the Word original it was made from. */
export function addFile(db: Db, caller: Caller, id: string, kind: "original" | "attachment", file: Upload) {
  return transaction(db, async (tx) => {
    const cs = await repo.lockCaseStudy(tx, id);
    if (!cs) throw appError("NOT_FOUND");
    authorize(caller, kind === "attachment" ? "edit" : "view", { kind: "case-study", caseStudy: cs });
    return storeFile(tx, caller, cs.id, kind, file);
  });
}

/** Stores a file inside the caller's transaction. */
export async function storeFile(tx: Db, caller: Caller, caseStudyId: string, kind: "original" | "attachment", file: Upload) {
  const sha256 = createHash("sha256").update(file.data).digest("hex");
  const row = await repo.insertFile(tx, { caseStudyId, kind, filename: file.filename, mediaType: file.mediaType, size: file.data.length, sha256, data: file.data, createdBy: caller.userId });
  await recordAudit(tx, caller, { action: `case-study.file.${kind}`, entityType: "case-study", entityId: caseStudyId, data: { name: file.filename, size: file.data.length, sha256 } });
  return row;
}

export function removeAttachment(db: Db, caller: Caller, id: string, fileId: string) {
  return transaction(db, async (tx) => {
    const cs = await repo.lockCaseStudy(tx, id);
    if (!cs) throw appError("NOT_FOUND");
    authorize(caller, "edit", { kind: "case-study", caseStudy: cs });
    const file = await repo.getFile(tx, fileId);
    if (!file || file.caseStudyId !== id || file.kind !== "attachment") throw appError("NOT_FOUND");
    await repo.removeFile(tx, fileId);
    await recordAudit(tx, caller, { action: "case-study.file.remove", entityType: "case-study", entityId: id, data: { name: file.filename } });
  });
}

/** Sets which published case studies the report's next edition annexes, in this order. */
export function setAnnex(db: Db, actor: Actor, reportId: string, caseStudyIds: string[]) {
  return transaction(db, async (tx) => {
    await repo.lockAnnex(tx, reportId);
    const ids = [...new Set(caseStudyIds)];
    for (const id of ids) {
      const cs = await repo.getCaseStudy(tx, id);
      if (!cs || cs.state !== "published") throw appError("VALIDATION_FAILED", { caseStudies: "field.notPublished" });
    }
    await repo.replaceAnnex(tx, reportId, ids);
    await announceChange(tx, "case-studies");
    await recordAudit(tx, actor, { action: "report.annex", entityType: "report", entityId: reportId, data: { count: ids.length } });
  });
}

/** Adds a published case study, named by its slug or its address, at the end of the report's annex. */
export function addToAnnex(db: Db, actor: Actor, reportId: string, slugOrUrl: string) {
  return transaction(db, async (tx) => {
    const cs = await repo.getCaseStudyBySlug(tx, slugOrUrl.replace(/^.*\/case-studies\//, "").replace(/[/#?].*$/, ""));
    if (!cs) throw appError("VALIDATION_FAILED", { slug: "field.unknownCaseStudy" });
    const current = (await repo.lockAnnex(tx, reportId)).map((r) => r.caseStudyId);
    await setAnnex(tx, actor, reportId, [...current, cs.id]);
  });
}
