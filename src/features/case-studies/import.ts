import { markdownProblem } from "#src/content/limits.ts";
import { transaction, type Db } from "#src/db/client.ts";
import { emptyFields, TEXT_FIELDS, type CaseStudyFields } from "#src/domain/case-studies.ts";
import * as repo from "#src/features/case-studies/repository.ts";
import { CaseStudyInput } from "#src/features/case-studies/schemas.ts";
import { createCaseStudy, saveCaseStudy, storeFile } from "#src/features/case-studies/service.ts";
import { type Caller } from "#src/domain/actors.ts";
import { DOCX_TYPE } from "#src/lib/file-checks.ts";
import { replaceImagePlaceholders, type WordImport } from "#src/features/case-studies/word.ts";
import type { Language } from "#src/domain/languages.ts";
import { listTechnologies } from "#src/features/catalog/repository.ts";
import { appError } from "#src/lib/errors.ts";
import { runInPool } from "#src/lib/pool.ts";
import { assertValidText } from "#src/lib/text.ts";

/** importWord (word.ts) on the worker pool, within its time limit; pictures come back as Buffers. */
async function importWordInPool(data: Buffer, technologies: { slug: string; names: Record<string, string | undefined> }[], language: Language): Promise<WordImport> {
  const imported = await runInPool<WordImport>("word", { data, technologies: technologies.map((t) => ({ slug: t.slug, names: t.names })), language });
  return { ...imported, images: imported.images.map((image) => ({ ...image, data: Buffer.from(image.data) })) };
}

export type ImportResult = { caseStudy: repo.CaseStudyRow; report: Omit<WordImport, "fields" | "images"> & { images: number } };

// Imported text goes through the same schema as the form, trimmed to its limits first.
function fieldsFrom(imported: Partial<CaseStudyFields>, language: Language): CaseStudyFields {
  const merged = { ...emptyFields(language), ...imported };
  const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n) : s);
  const candidate = {
    ...merged,
    title: clip(merged.title.replace(/\p{Cc}/gu, " "), 300),
    ...Object.fromEntries([...TEXT_FIELDS, "partners", "contact"].map((f) => [f, clip(String(merged[f as keyof CaseStudyFields] ?? ""), 20_000)])),
    consent: false,
  };
  const parsed = CaseStudyInput.safeParse(candidate);
  return parsed.success ? parsed.data : { ...candidate, links: [], periodStart: null, periodEnd: null };
}

/**
 * Makes a draft case study from a Word document: the fields it recognises, its pictures kept as
 * attachments (and shown where they were), and the original file kept for good. Consent is never
 * taken from a document: the contributor gives it on the form when submitting.
 */
export async function importCaseStudy(db: Db, caller: Caller, input: { organizationId: string | null; filename: string; data: Buffer; language: Language }): Promise<ImportResult> {
  const technologies = await listTechnologies(db);
  const imported = await importWordInPool(input.data, technologies, input.language);
  // What a document says is refused on the same characters as what a form sends.
  assertValidText(imported.fields);
  // ...and held to the same limits on how its Markdown is built.
  for (const field of [...TEXT_FIELDS, "partners", "contact"] as const) {
    const problem = markdownProblem(String(imported.fields[field] ?? ""));
    if (problem) throw appError("VALIDATION_FAILED", { document: problem });
  }
  const fields = fieldsFrom(imported.fields, imported.fields.language ?? input.language);
  return transaction(db, async (tx) => {
    let caseStudy = await createCaseStudy(tx, caller, { organizationId: input.organizationId, fields, note: "import" });
    await storeFile(tx, caller, caseStudy.id, "original", { filename: input.filename, mediaType: DOCX_TYPE, data: input.data });
    if (imported.images.length) {
      const urls = new Map<string, string>();
      for (const [i, image] of imported.images.entries()) {
        const ext = image.mediaType.split("/")[1] ?? "img";
        const file = await storeFile(tx, caller, caseStudy.id, "attachment", { filename: `image-${i + 1}.${ext}`, mediaType: image.mediaType, data: image.data });
        urls.set(image.placeholder, `/files/case-studies/${file.id}`);
      }
      const withImages = { ...fields, ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, replaceImagePlaceholders(fields[f], urls)])) };
      caseStudy = await saveCaseStudy(tx, caller, caseStudy.id, withImages, caseStudy.currentVersionId);
    }
    return { caseStudy, report: { recognised: imported.recognised, otherHeadings: imported.otherHeadings, warnings: imported.warnings, images: imported.images.length } };
  });
}
