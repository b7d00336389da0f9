import { markdownProblem } from "#src/content/limits.ts";
import { transaction, type Db } from "#src/db/client.ts";
import type { ImportedFields, PreviewChoices, WordPreview } from "#src/domain/case-study-imports.ts";
import { emptyFields, TEXT_FIELDS, type CaseStudyFields } from "#src/domain/case-studies.ts";
import { type Caller } from "#src/domain/actors.ts";
import type { Language } from "#src/domain/languages.ts";
import { authorize } from "#src/access/index.ts";
import * as imports from "#src/features/case-studies/imports-repository.ts";
import type * as repo from "#src/features/case-studies/repository.ts";
import { CaseStudyInput } from "#src/features/case-studies/schemas.ts";
import { createCaseStudy, saveCaseStudy, storeFile } from "#src/features/case-studies/service.ts";
import { fieldsFromPreview, replaceImagePlaceholders, type ImportedImage, type TechnologyNames } from "#src/features/case-studies/word.ts";
import { listActiveTechnologies } from "#src/features/catalog/repository.ts";
import { DOCX_TYPE } from "#src/lib/file-checks.ts";
import { appError } from "#src/lib/errors.ts";
import { runInPool } from "#src/lib/pool.ts";
import { assertValidText } from "#src/lib/text.ts";

// A Word file becomes a case study in two steps: a preview, kept as a pending import that only its
// member sees and reviews (passages moved between fields, technologies ticked, stage fixed), then
// the draft, made in one transaction when they confirm. The command line does both at once.

type WordRead = { preview: WordPreview; images: ImportedImage[] };

/** The technologies an import may recognise: the active ones, with their names and aliases. */
async function technologyNames(db: Db): Promise<TechnologyNames[]> {
  return (await listActiveTechnologies(db)).map((t) => ({ slug: t.slug, names: t.names, aliases: t.aliases }));
}

/** importWord (word.ts) on the worker pool, within its time limit; pictures come back as Buffers. */
async function readInPool(db: Db, data: Buffer, language: Language): Promise<WordRead> {
  const read = await runInPool<WordRead>("word", { data, technologies: await technologyNames(db), language });
  return { ...read, images: read.images.map((image) => ({ ...image, data: Buffer.from(image.data) })) };
}

/** How many previews a member may keep waiting for review; the next upload is refused until one is confirmed or cancelled. */
export const MAX_PENDING_IMPORTS = 10;
/** The longest text a field takes (as on the case-study form) and the most web addresses. */
const MAX_FIELD_CHARS = 20_000;
const MAX_LINKS = 10;

/** The title a document without one gets: its file name, without the extension. */
export const titleFromFilename = (filename: string) => filename.replace(/\.docx$/i, "").trim();

/** The web addresses written in the passages going to Links (as the engine reads them, before it keeps ten). */
function linksWritten(preview: WordPreview, choices?: PreviewChoices): number {
  const text = preview.passages.filter((p) => (choices?.targets?.[p.n] ?? p.target) === "links").map((p) => p.markdown).join("\n");
  return new Set(text.match(/https?:\/\/[^\s<>)\]]+/g) ?? []).size;
}

// What a document says is refused on the same characters as what a form sends, and held to the
// same limits on how its Markdown is built. `by`: whom the refusal names — the whole document (the
// upload, the command line), or each field (the review screen, whose summary links to it). The
// limits on length wait for the review (`lengths: false`): moving passages can bring a field within them.
function checkedFields(preview: WordPreview, choices: PreviewChoices | undefined, by: "document" | "field", lengths = true): ImportedFields {
  assertValidText(preview);
  const fields = fieldsFromPreview(preview, choices);
  const errors: Record<string, string> = {};
  for (const field of [...TEXT_FIELDS, "partners", "contact"] as const) {
    const text = String(fields[field] ?? "");
    const problem = lengths && text.length > MAX_FIELD_CHARS ? "field.tooLong" : markdownProblem(text);
    if (problem) errors[by === "document" ? "document" : field] ??= problem;
  }
  if (lengths && linksWritten(preview, choices) > MAX_LINKS) errors[by === "document" ? "document" : "links"] ??= "field.tooMany";
  if (Object.keys(errors).length) throw appError("VALIDATION_FAILED", errors);
  return fields;
}

// Imported text goes through the same schema as the form; checkedFields refused any text over
// its limit, so nothing is cut here but a title, which the member saw and could shorten.
function fieldsFrom(imported: Partial<CaseStudyFields>, language: Language, filename: string): CaseStudyFields {
  const merged = { ...emptyFields(language), ...imported };
  const title = merged.title.replace(/\p{Cc}/gu, " ").trim() || titleFromFilename(filename);
  const candidate = { ...merged, title: title.slice(0, 300), consent: false };
  const parsed = CaseStudyInput.safeParse(candidate);
  return parsed.success ? parsed.data : { ...candidate, links: [], periodStart: null, periodEnd: null };
}

/**
 * The draft, inside the caller's transaction: the fields, the original file kept for good, and the
 * pictures the fields show stored as attachments (their placeholders replaced by their addresses).
 * Consent is never taken from a document: the contributor gives it on the form when submitting.
 */
async function createDraft(tx: Db, caller: Caller, input: { organizationId: string | null; filename: string; data: Buffer }, fields: CaseStudyFields, images: ImportedImage[]) {
  let caseStudy = await createCaseStudy(tx, caller, { organizationId: input.organizationId, fields, note: "import" });
  await storeFile(tx, caller, caseStudy.id, "original", { filename: input.filename, mediaType: DOCX_TYPE, data: input.data });
  const shown = images.filter((image) => TEXT_FIELDS.some((f) => fields[f].includes(image.placeholder)));
  if (shown.length) {
    const urls = new Map<string, string>();
    for (const [i, image] of shown.entries()) {
      const ext = image.mediaType.split("/")[1] ?? "img";
      const file = await storeFile(tx, caller, caseStudy.id, "attachment", { filename: `image-${i + 1}.${ext}`, mediaType: image.mediaType, data: image.data });
      urls.set(image.placeholder, `/files/case-studies/${file.id}`);
    }
    const withImages = { ...fields, ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, replaceImagePlaceholders(fields[f], urls)])) };
    caseStudy = await saveCaseStudy(tx, caller, caseStudy.id, withImages, caseStudy.currentVersionId);
  }
  return { caseStudy, images: shown.length };
}

/** The organization an import files its case study under, checked before any work is done. */
function assertMayImport(caller: Caller, organizationId: string | null) {
  const orgId = organizationId ?? caller.organizationId;
  if (!orgId) throw appError("NO_ORGANIZATION");
  authorize(caller, "contribute", { kind: "organization", id: orgId });
}

/** Which fields an import fills, in the review screen's order: what a command line reports. */
export function filledFields(fields: ImportedFields | CaseStudyFields): string[] {
  const filled: Record<string, boolean> = {
    title: Boolean(fields.title.trim()),
    technologies: fields.technologies.length > 0,
    stage: fields.stage !== null,
    period: fields.periodStart !== null || fields.periodEnd !== null,
    ...Object.fromEntries([...TEXT_FIELDS, "partners", "contact"].map((f) => [f, Boolean(String(fields[f as keyof ImportedFields]).trim())])),
    links: fields.links.length > 0,
  };
  return Object.entries(filled).filter(([, yes]) => yes).map(([name]) => name);
}

/** A preview whose document gave no title takes its file name's (never a word in one language). */
export const withTitle = (preview: WordPreview, filename: string): WordPreview => (preview.title.trim() ? preview : { ...preview, title: titleFromFilename(filename) });

/**
 * Reads a Word file without writing anything: the preview (passages and where they go) and the
 * fields it would make. The command line's --dry-run; previewImport and importCaseStudy build on it.
 */
export async function readWordFile(db: Db, data: Buffer, language: Language, filename: string): Promise<{ preview: WordPreview; fields: CaseStudyFields }> {
  const read = await readInPool(db, data, language);
  const preview = withTitle(read.preview, filename);
  const imported = checkedFields(preview, undefined, "document", false);
  return { preview, fields: fieldsFrom(imported, imported.language, filename) };
}

/**
 * Reads an uploaded Word file and keeps it as a pending import for its member's review: nothing
 * becomes a case study yet. Returns the pending import's id and what the review screen shows.
 */
export async function previewImport(db: Db, caller: Caller, input: { organizationId: string | null; filename: string; data: Buffer; language: Language }): Promise<{ id: string; preview: WordPreview }> {
  assertMayImport(caller, input.organizationId);
  if (!caller.userId) throw appError("FORBIDDEN");
  // Each preview keeps its file for a week: a member keeps a few at a time, not a store of them.
  if ((await imports.countPendingImports(db, caller.userId)) >= MAX_PENDING_IMPORTS) throw appError("VALIDATION_FAILED", { document: "import.tooManyPending" });
  const { preview } = await readWordFile(db, input.data, input.language, input.filename);
  const row = await imports.insertImport(db, { createdBy: caller.userId, organizationId: input.organizationId, filename: input.filename, data: input.data, language: input.language, preview });
  return { id: row.id, preview };
}

/** A pending import for its own member; anyone else is told there is none. */
export async function pendingImport(db: Db, caller: Caller, importId: string): Promise<imports.ImportRow> {
  const row = await imports.getImport(db, importId);
  if (!row || !caller.userId || row.createdBy !== caller.userId) throw appError("NOT_FOUND");
  return row;
}

/**
 * Makes the draft from a pending import with the member's choices, in one transaction that also
 * deletes the pending import: a second confirmation (a double click, the back button) finds none.
 */
export async function confirmImport(db: Db, caller: Caller, importId: string, choices: PreviewChoices): Promise<{ caseStudy: repo.CaseStudyRow }> {
  const pending = await pendingImport(db, caller, importId);
  assertMayImport(caller, pending.organizationId);
  const imported = checkedFields(pending.preview, choices, "field");
  // The pictures' bytes stay in the file: reading it again gives them under the same placeholders.
  const { images } = await readInPool(db, pending.data, pending.language as Language);
  const fields = fieldsFrom(imported, imported.language, pending.filename);
  return transaction(db, async (tx) => {
    if (!(await imports.lockImport(tx, importId))) throw appError("NOT_FOUND");
    const { caseStudy } = await createDraft(tx, caller, pending, fields, images);
    await imports.deleteImport(tx, importId);
    return { caseStudy };
  });
}

/** Forgets a pending import (its member changed their mind); nothing else was written. */
export async function cancelImport(db: Db, caller: Caller, importId: string): Promise<void> {
  await pendingImport(db, caller, importId);
  if (!(await imports.deleteImport(db, importId))) throw appError("NOT_FOUND");
}

export type ImportResult = { caseStudy: repo.CaseStudyRow; report: { filled: string[]; unplaced: number; otherHeadings: string[]; warnings: string[]; dropped: WordPreview["dropped"]; images: number } };

/**
 * Makes a draft case study from a Word document in one go, as the preview proposes it (the
 * command line, which has no review screen): the original file kept, the pictures as attachments.
 */
export async function importCaseStudy(db: Db, caller: Caller, input: { organizationId: string | null; filename: string; data: Buffer; language: Language }): Promise<ImportResult> {
  assertMayImport(caller, input.organizationId);
  const read = await readInPool(db, input.data, input.language);
  const { images } = read;
  const preview = withTitle(read.preview, input.filename);
  const imported = checkedFields(preview, undefined, "document");
  const fields = fieldsFrom(imported, imported.language, input.filename);
  return transaction(db, async (tx) => {
    const made = await createDraft(tx, caller, input, fields, images);
    const report = { filled: filledFields(fields), unplaced: preview.passages.filter((p) => p.target === "unplaced").length, otherHeadings: preview.otherHeadings, warnings: preview.warnings, dropped: preview.dropped, images: made.images };
    return { caseStudy: made.caseStudy, report };
  });
}
