import { referencesOf } from "#src/content/render.ts";
import type { Reference } from "#src/content/directives.ts";
import { announceChange } from "#src/db/changes.ts";
import { transaction, type Db } from "#src/db/client.ts";
import { recordAudit } from "#src/features/audit/repository.ts";
import { type Actor } from "#src/domain/actors.ts";
import type { Language } from "#src/domain/languages.ts";
import { primaryOf } from "#src/domain/languages.ts";
import { CONFLICT_MARKER } from "#src/lib/merge.ts";
import * as repo from "#src/features/reports/repository.ts";
import { AppError, appError } from "#src/lib/errors.ts";

/** A save refused because the section moved on since the editor opened it; carries the current text. */
export class StaleRevisionError extends AppError {
  constructor(readonly current: repo.RevisionRow | undefined) {
    super("STALE_REVISION");
  }
}

export type SaveInput = {
  sectionId: string;
  /** The report the section must belong to, when the address names it too (else not found). */
  reportSlug?: string;
  language: Language;
  heading: string;
  body: string;
  /** The revision the editor started from; null for a section's first text in this language. */
  baseRevisionId: number | null;
  summary: string | null;
};

/** The section, checked to be live and kept in the language. */
export async function editableSection(db: Db, sectionId: string, language: Language) {
  const found = await repo.getSection(db, sectionId);
  if (!found || found.section.removedAt || found.chapter.removedAt) throw appError("NOT_FOUND");
  if (!found.report.languages.includes(language)) throw appError("LANGUAGE_NOT_IN_REPORT");
  return found;
}

/**
 * Saves a section's text as a new immutable revision, if and only if nobody saved since the
 * revision it was based on (compare-and-set on the head). Unchanged text makes no revision.
 * A translation records the primary revision it was made from.
 */
export async function saveSection(db: Db, actor: Actor, input: SaveInput): Promise<{ revision: repo.RevisionRow; created: boolean }> {
  if (CONFLICT_MARKER.test(input.body)) throw appError("VALIDATION_FAILED", { body: "field.conflictMarkers" });
  const { report } = await editableSection(db, input.sectionId, input.language);
  if (input.reportSlug !== undefined && report.slug !== input.reportSlug) throw appError("NOT_FOUND");
  const primary = primaryOf(report);
  const references = await referencesOf(input.body);
  try {
    return await transaction(db, (tx) => writeRevision(tx, actor, input, primary, references));
  } catch (e) {
    // The transaction is gone; read the winner's text for the conflict view.
    if (e instanceof StaleRevisionError && !e.current) throw new StaleRevisionError(await repo.getHead(db, input.sectionId, input.language));
    throw e;
  }
}

/**
 * saveSection inside a transaction the caller holds (a command that saves a text and records
 * something else with it), with the text's references read beforehand (`referencesOf(input.body)`,
 * outside the transaction). A stale base throws StaleRevisionError, with the current head when known.
 */
export async function saveSectionIn(tx: Db, actor: Actor, input: SaveInput, references: Reference[]): Promise<{ revision: repo.RevisionRow; created: boolean }> {
  if (CONFLICT_MARKER.test(input.body)) throw appError("VALIDATION_FAILED", { body: "field.conflictMarkers" });
  const { report } = await editableSection(tx, input.sectionId, input.language);
  if (input.reportSlug !== undefined && report.slug !== input.reportSlug) throw appError("NOT_FOUND");
  return writeRevision(tx, actor, input, primaryOf(report), references);
}

async function writeRevision(tx: Db, actor: Actor, input: SaveInput, primary: Language, references: Reference[]): Promise<{ revision: repo.RevisionRow; created: boolean }> {
  const head = await repo.getHead(tx, input.sectionId, input.language);
  if ((head?.id ?? null) !== input.baseRevisionId) throw new StaleRevisionError(head);
  if (head && head.heading === input.heading && head.body === input.body) return { revision: head, created: false };
  const source = input.language === primary ? undefined : await repo.getHead(tx, input.sectionId, primary);
  const revision = await repo.insertRevision(tx, {
    sectionId: input.sectionId,
    language: input.language,
    heading: input.heading,
    body: input.body,
    baseRevisionId: input.baseRevisionId,
    sourceRevisionId: source?.id ?? null,
    summary: input.summary,
    authorId: actor.userId,
  });
  if (!(await repo.advanceHead(tx, input.sectionId, input.language, input.baseRevisionId, revision.id))) throw new StaleRevisionError(undefined);
  await repo.replaceReferences(tx, input.sectionId, input.language, references);
  await announceChange(tx, "draft");
  await recordAudit(tx, actor, {
    action: "section.save",
    entityType: "section",
    entityId: input.sectionId,
    data: { language: input.language, revision: revision.id, base: input.baseRevisionId, heading: input.heading },
  });
  return { revision, created: true };
}
