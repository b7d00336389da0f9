import { markdownProblem } from "#src/content/limits.ts";
import { renderMarkdown } from "#src/content/render.ts";
import type { Db } from "#src/db/client.ts";
import type { Actor } from "#src/domain/actors.ts";
import type { Language } from "#src/domain/languages.ts";
import { getUser } from "#src/features/members/repository.ts";
import { draftResolver } from "#src/features/reports/evidence.ts";
import * as repo from "#src/features/reports/repository.ts";
import { editableSection, saveSection, StaleRevisionError } from "#src/features/reports/revisions.ts";
import { appError, type FieldErrors } from "#src/lib/errors.ts";
import { CONFLICT_MARKER, mergeMarkdown, mergeValue, resolveMerge, type Resolution, type TextMerge, type ValueMerge } from "#src/lib/merge.ts";

// A save that came too late: someone saved the section since the writer opened it. Their text and
// the writer's are merged block by block (by sentence inside a paragraph both changed). What merges
// cleanly goes back to the editor to check and save; what both changed is shown side by side, and
// the writer chooses for each passage. The server always recomputes the merge from the revisions
// and the writer's text: only the texts typed in "edit" boxes come from the resolution form.

export const CONFLICT_CHOICES = ["mine", "theirs", "both", "edit"] as const;
export type ConflictChoice = (typeof CONFLICT_CHOICES)[number];

/** A passage both sides changed, with both versions as readers see them. "heading" is the section's heading. */
export type ConflictHunk = { id: string; base: string; theirs: string; yours: string; theirsHtml: string; yoursHtml: string };

/** A change taken without asking: from their text, yours, the same in both, or both combined. */
export type AutoMerged = { from: "theirs" | "yours" | "both" | "combined"; heading: boolean; text: string; base: string; html: string; baseHtml: string };

export type ConflictView = {
  report: Awaited<ReturnType<typeof editableSection>>["report"];
  chapter: repo.ChapterRow;
  section: repo.SectionRow;
  language: Language;
  theirs: repo.RevisionRow;
  theirAuthor: string | null;
  yours: { heading: string; body: string; summary: string | null };
  baseRevisionId: number | null;
  hunks: ConflictHunk[];
  /** The changes merged without asking (the first ones), and how many there are in all. */
  merged: AutoMerged[];
  mergedCount: number;
  /** What the form showed as chosen and typed (after a refused resolution). */
  choices: Record<string, string>;
  edits: Record<string, string>;
  errors?: FieldErrors | undefined;
};

/** What a stale save (or a resolution) leads to. */
export type ConflictOutcome =
  | { kind: "saved"; revision: repo.RevisionRow; created: boolean }
  /** Everything merged: back to the editor with the merged text, to check and save on their revision. */
  | { kind: "combined"; heading: string; body: string; summary: string | null; theirs: repo.RevisionRow; theirAuthor: string | null; merged: number }
  | { kind: "conflict"; status: 400 | 409; view: ConflictView };

type Yours = { heading: string; body: string; summary: string | null };
type Merges = { heading: ValueMerge; body: TextMerge };

/** The changes merged without asking that the page lists (it counts them all). */
const MAX_MERGED_SHOWN = 50;

const belongs = (r: repo.RevisionRow | undefined, sectionId: string, language: Language): r is repo.RevisionRow => r?.sectionId === sectionId && r.language === language;

function mergeAll(base: repo.RevisionRow | undefined, theirs: repo.RevisionRow, yours: Yours, language: Language): Merges {
  return { heading: mergeValue(base?.heading ?? "", theirs.heading, yours.heading), body: mergeMarkdown(base?.body ?? "", theirs.body, yours.body, language) };
}

async function authorOf(db: Db, revision: repo.RevisionRow) {
  return revision.authorId ? ((await getUser(db, revision.authorId))?.name ?? null) : null;
}

/** The page's view of a merge: each conflict rendered on both sides, each change merged without asking. */
async function conflictView(db: Db, pageLang: Language, ids: { sectionId: string; language: Language; baseRevisionId: number | null }, theirs: repo.RevisionRow, yours: Yours, merges: Merges) {
  const { report, chapter, section } = await editableSection(db, ids.sectionId, ids.language);
  const { heading, body } = merges;
  const shown = body.parts.filter((p) => p.kind === "merged").slice(0, MAX_MERGED_SHOWN);
  const texts = [...body.parts.flatMap((p) => (p.kind === "conflict" ? [p.theirs, p.yours] : [])), ...shown.flatMap((p) => [p.text, p.base])];
  const resolve = await draftResolver(db, texts, pageLang);
  const render = async (text: string, idPrefix: string) => (text.trim() ? (await renderMarkdown(text, { lang: pageLang, textLang: ids.language, idPrefix, resolve })).html : "");
  const hunks: ConflictHunk[] = [];
  const merged: AutoMerged[] = [];
  if (heading.conflict) hunks.push({ id: "heading", base: heading.base, theirs: heading.theirs, yours: heading.yours, theirsHtml: "", yoursHtml: "" });
  else if (heading.value !== theirs.heading || heading.value !== yours.heading) {
    merged.push({ from: heading.value === yours.heading ? "yours" : "theirs", heading: true, text: heading.value, base: "", html: "", baseHtml: "" });
  }
  for (const part of body.parts) {
    if (part.kind === "conflict") {
      const id = String(hunks.filter((h) => h.id !== "heading").length);
      hunks.push({ ...part, id, theirsHtml: await render(part.theirs, `c${id}-theirs`), yoursHtml: await render(part.yours, `c${id}-yours`) });
    } else if (part.kind === "merged" && merged.length < MAX_MERGED_SHOWN) {
      const n = merged.length;
      merged.push({ from: part.from, heading: false, text: part.text, base: part.base, html: await render(part.text, `m${n}`), baseHtml: part.text ? "" : await render(part.base, `m${n}-base`) });
    }
  }
  const mergedCount = body.parts.filter((p) => p.kind === "merged").length + merged.filter((m) => m.heading).length;
  const view: ConflictView = { report, chapter, section, language: ids.language, theirs, theirAuthor: await authorOf(db, theirs), yours, baseRevisionId: ids.baseRevisionId, hunks, merged, mergedCount, choices: {}, edits: {} };
  return view;
}

/**
 * After a stale save: the merge of their revision and the writer's text on the revision the writer
 * started from. Clean: the merged text for the editor (never saved here). Else: the conflict view.
 */
export async function mergeStaleSave(
  db: Db,
  pageLang: Language,
  input: { sectionId: string; language: Language; baseRevisionId: number | null; theirs: repo.RevisionRow; yours: Yours },
): Promise<Exclude<ConflictOutcome, { kind: "saved" }>> {
  const { sectionId, language, theirs, yours } = input;
  const found = input.baseRevisionId === null ? undefined : await repo.getRevision(db, input.baseRevisionId);
  // A base from elsewhere merges like no base at all: every passage of both texts is then compared.
  const base = belongs(found, sectionId, language) ? found : undefined;
  const merges = mergeAll(base, theirs, yours, language);
  if (!merges.heading.conflict && merges.body.text !== null) {
    const merged = merges.body.parts.filter((p) => p.kind === "merged").length + (merges.heading.value !== theirs.heading || merges.heading.value !== yours.heading ? 1 : 0);
    return { kind: "combined", heading: merges.heading.value, body: merges.body.text, summary: yours.summary, theirs, theirAuthor: await authorOf(db, theirs), merged };
  }
  return { kind: "conflict", status: 409, view: await conflictView(db, pageLang, { sectionId, language, baseRevisionId: base?.id ?? null }, theirs, yours, merges) };
}

export type ResolveInput = {
  sectionId: string;
  language: Language;
  /** The writer's text as they tried to save it, and the revision they had started from. */
  heading: string;
  body: string;
  summary: string | null;
  baseRevisionId: number | null;
  /** The revision that was saved meanwhile, which the conflict page showed. */
  theirsRevisionId: number;
  /** Per passage ("heading", "0", "1"...): the choice and, for "edit", the text typed. */
  choices: Record<string, string>;
  edits: Record<string, string>;
};

const isChoice = (v: string | undefined): v is ConflictChoice => (CONFLICT_CHOICES as readonly string[]).includes(v ?? "");

/**
 * Saves the writer's resolution: the merge is computed again, each conflict settled as chosen, and
 * the text saved on their revision. A choice missing or an edit box left empty sends the page back
 * (400, nothing saved); a revision saved meanwhile leads to a new merge, never an overwrite.
 */
export async function resolveConflict(db: Db, actor: Actor, pageLang: Language, input: ResolveInput): Promise<ConflictOutcome> {
  const { sectionId, language } = input;
  await editableSection(db, sectionId, language);
  const theirs = await repo.getRevision(db, input.theirsRevisionId);
  const found = input.baseRevisionId === null ? undefined : await repo.getRevision(db, input.baseRevisionId);
  if (!belongs(theirs, sectionId, language) || (input.baseRevisionId !== null && !belongs(found, sectionId, language))) throw appError("NOT_FOUND");
  const yours: Yours = { heading: input.heading, body: input.body, summary: input.summary };
  const merges = mergeAll(found, theirs, yours, language);

  const errors: FieldErrors = {};
  const chosen = (id: string): Resolution | undefined => {
    const choice = input.choices[id];
    if (!isChoice(choice) || (id === "heading" && choice === "both")) {
      errors[`choice-${id}`] = "field.conflictChoice";
      return undefined;
    }
    if (choice !== "edit") return { choice };
    const text = (input.edits[id] ?? "").trim();
    if (!text) errors[`edit-${id}`] = "field.conflictEdit";
    else if (CONFLICT_MARKER.test(text)) errors[`edit-${id}`] = "field.conflictMarkers";
    else if (id === "heading" && (text.length > 300 || /\p{Cc}/u.test(text))) errors[`edit-${id}`] = text.length > 300 ? "field.tooLong" : "field.invalid";
    return { choice: "edit", text };
  };
  let heading = merges.heading.conflict ? undefined : merges.heading.value;
  if (merges.heading.conflict) {
    const r = chosen("heading");
    if (r) heading = r.choice === "edit" ? r.text : r.choice === "theirs" ? merges.heading.theirs : merges.heading.yours;
  }
  const resolutions = merges.body.parts.flatMap((p, i, parts) => (p.kind === "conflict" ? [chosen(String(parts.slice(0, i).filter((q) => q.kind === "conflict").length))] : []));
  let body = "";
  if (!Object.keys(errors).length) {
    body = merges.body.text ?? resolveMerge(merges.body, resolutions as Resolution[]);
    const problem = body.length > 200_000 ? "field.tooLong" : markdownProblem(body);
    // Shown beside the first passage the writer typed, or else the first one chosen.
    const ids = [...(merges.heading.conflict ? ["heading"] : []), ...resolutions.map((_, i) => String(i))];
    const typed = ids.find((id) => input.choices[id] === "edit");
    if (problem) errors[typed ? `edit-${typed}` : `choice-${ids[0] ?? "heading"}`] = problem;
  }
  if (Object.keys(errors).length || heading === undefined) {
    const view = await conflictView(db, pageLang, input, theirs, yours, merges);
    return { kind: "conflict", status: 400, view: { ...view, choices: input.choices, edits: input.edits, errors } };
  }
  try {
    const saved = await saveSection(db, actor, { sectionId, language, heading, body, baseRevisionId: theirs.id, summary: input.summary });
    return { kind: "saved", ...saved };
  } catch (e) {
    // Yet another revision landed: merge the resolved text with it, on the revision it was resolved against.
    if (e instanceof StaleRevisionError && e.current) return mergeStaleSave(db, pageLang, { sectionId, language, baseRevisionId: theirs.id, theirs: e.current, yours: { heading, body, summary: input.summary } });
    throw e;
  }
}
