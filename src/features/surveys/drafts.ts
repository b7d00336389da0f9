import { announceChange } from "#src/db/changes.ts";
import { transaction, type Db } from "#src/db/client.ts";
import type { Caller } from "#src/domain/actors.ts";
import { flatten, readAnswers, type Flat, type Problem } from "#src/features/surveys/answers.ts";
import * as repo from "#src/features/surveys/repository.ts";
import { saveResponse } from "#src/features/surveys/service.ts";
import { appError, isAppError, type AppError } from "#src/lib/errors.ts";

// Saving as the member goes. The page's script saves in the background only the answers changed
// in its tab (`changed`), merged into the stored draft under the response's lock, so two tabs
// never undo each other; a plain form post (no script) sends the whole form and saves it all.

/** Which answer keys a post names as changed; undefined when the post is the whole form. */
export function changedKeys(body: Record<string, unknown>): string[] | undefined {
  if (body.partial !== "1") return undefined;
  const raw = body.changed;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter((k): k is string => typeof k === "string" && k !== "");
}

/**
 * The answers after a post: the whole post, or, when it names the keys it changed, the stored
 * answers with those keys as posted (a changed key posted without a value is cleared: a box unticked).
 */
export function mergeFlat(stored: Record<string, string | string[]>, posted: Flat, changed: string[] | undefined): Flat {
  if (!changed) return { ...posted };
  const merged: Flat = { ...stored };
  for (const key of changed) {
    if (posted[key] === undefined) delete merged[key];
    else merged[key] = posted[key];
  }
  return merged;
}

/**
 * Saves an organization's answers as a draft, or submits them (`submit`: required answers checked,
 * as `saveResponse`). A draft never checks required answers, and a value that cannot be read (not
 * a number, not an option) keeps the stored one and comes back as a problem while the rest is
 * saved. A submit refused for its answers (`refused`) still saves them as a draft, so that nothing
 * typed is lost. Refused outright, like any save, once the survey is closed or the answers submitted.
 */
export function saveAnswers(db: Db, caller: Caller, surveyId: string, organizationId: string, posted: Flat, options: { submit: boolean; changed?: string[] | undefined }) {
  return transaction(db, async (tx) => {
    const survey = await repo.shareSurvey(tx, surveyId);
    if (!survey) throw appError("NOT_FOUND");
    const existing = await repo.lockResponse(tx, surveyId, organizationId);
    // A submitted response moves the survey's results (and the figures drawn from them).
    if (options.submit) await announceChange(tx, "surveys");
    const version = (await repo.getVersion(tx, existing?.versionId ?? survey.currentVersionId!))!;
    const stored = flatten(version.definition, existing?.answers ?? {});
    const merged = mergeFlat(stored, posted, options.changed);
    let refused: AppError | undefined;
    if (options.submit) {
      try {
        return { response: await saveResponse(tx, caller, surveyId, organizationId, merged, true), problems: [] as Problem[], definition: version.definition, refused };
      } catch (e) {
        if (!isAppError(e) || e.code !== "VALIDATION_FAILED") throw e;
        refused = e;
      }
    }
    const problems = readAnswers(version.definition, merged, { submit: false }).problems;
    for (const p of problems) {
      if (stored[p.key] === undefined) delete merged[p.key];
      else merged[p.key] = stored[p.key];
    }
    const response = await saveResponse(tx, caller, surveyId, organizationId, merged, false);
    return { response, problems, definition: version.definition, refused };
  });
}
