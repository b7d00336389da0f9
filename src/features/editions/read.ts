import type { Db } from "#src/db/client.ts";
import { ANNEX_PATH, isPublic } from "#src/domain/editions.ts";
import { primaryOf, type Language } from "#src/domain/languages.ts";
import { getReport, type ReportRow } from "#src/features/catalog/repository.ts";
import { compareSnapshots, type CompareSide, type Comparison } from "#src/features/editions/compare.ts";
import { editionResolver } from "#src/features/editions/render.ts";
import { checkEdition } from "#src/features/editions/findings.ts";
import * as repo from "#src/features/editions/repository.ts";
import { loadSnapshot, revisionIds, snapshotOfDraft } from "#src/features/editions/snapshot.ts";
import { editionTexts } from "#src/features/editions/texts.ts";
import type { CompareChoice, VersionNames } from "#src/features/editions/views/compare.tsx";
import { editionUrls } from "#src/features/editions/views/public.tsx";
import { loadDraft } from "#src/features/reports/draft.ts";
import { draftResolver } from "#src/features/reports/evidence.ts";
import type { Translate } from "#src/i18n/i18n.ts";
import { appError } from "#src/lib/errors.ts";
import { getUser } from "#src/features/members/repository.ts";

// Loading what edition pages show, for the routes of editions and of publishing.

/** An edition with its report; not found if there is no such edition. */
export async function editionWithReport(db: Db, editionId: string) {
  const edition = await repo.getEdition(db, editionId);
  if (!edition) throw appError("NOT_FOUND");
  return { edition, report: (await getReport(db, edition.reportId))! };
}

/** What an edition's management page shows: the edition, its report and how many sections it pins. */
export async function editionManagement(db: Db, editionId: string) {
  const { edition, report } = await editionWithReport(db, editionId);
  const itemCount = (await repo.listItems(db, edition.id)).filter((i) => i.kind === "section").length;
  // Who acknowledged the warnings it was published with.
  const acknowledgedBy = edition.acknowledgement?.by ? ((await getUser(db, edition.acknowledgement.by))?.name ?? null) : null;
  // The checks before publishing, from what it pins now, while it may still go out.
  const findings = edition.status === "draft" || edition.status === "in_review" ? await checkEdition(db, edition.id) : undefined;
  return { report, edition, itemCount, acknowledgedBy, findings };
}

/**
 * What a comparison page shows: the two versions chosen, the choices, and how to compute the
 * comparison. `comparison` is undefined when either version is missing; its `key` is set when
 * both versions are published (or withdrawn) editions, which never change: whoever shows the
 * comparison may keep it under that key (both content hashes and the language are in it).
 */
export type ComparedVersions = {
  from: string | undefined;
  to: string | undefined;
  names: VersionNames;
  choices: CompareChoice[];
  comparison: { key: string | undefined; load: () => Promise<Comparison> } | undefined;
  /** A version asked for by name is not one of those offered. */
  missing: boolean;
};

/**
 * Two versions of a report compared in one language, each an edition's label among those given
 * or "draft" (the living draft, when withDraft). Without `to`, the living draft (when offered) or
 * the newest edition; without `from`, the published edition before `to`.
 */
export function compareVersions(
  db: Db,
  report: ReportRow,
  editions: repo.EditionRow[],
  wanted: { from?: string | undefined; to?: string | undefined },
  withDraft: boolean,
  lang: Language,
  t: Translate,
): ComparedVersions {
  const primary = primaryOf(report);
  const edition = (label: string | undefined) => editions.find((e) => e.label === label);
  const exists = (label: string | undefined) => label !== undefined && (label === "draft" ? withDraft : Boolean(edition(label)));
  const to = wanted.to ?? (withDraft ? "draft" : editions[0]?.label);
  // Editions are newest first: the previous one is the first published after `to` in the list.
  const after = to === "draft" ? editions : editions.slice(editions.findIndex((e) => e.label === to) + 1);
  const from = wanted.from ?? (after.find((e) => e.status === "published") ?? after.find((e) => isPublic(e.status)))?.label;
  const nameOf = (label: string | undefined) => (label === undefined ? "" : label === "draft" ? t("compare.draft") : t("compare.edition", { label }));
  const names = { from: nameOf(from), to: nameOf(to) };
  const choices: CompareChoice[] = [...editions.map((e) => ({ value: e.label, label: `${e.label} · ${editionTexts(e, primary, lang).title.text}` })), ...(withDraft ? [{ value: "draft", label: t("compare.draft") }] : [])];
  const missing = (wanted.from !== undefined && !exists(wanted.from)) || (wanted.to !== undefined && !exists(wanted.to));
  if (missing || !exists(from) || !exists(to)) return { from: exists(from) ? from : undefined, to: exists(to) ? to : undefined, names, choices, comparison: undefined, missing };

  const [x, y] = [edition(from), edition(to)];
  const frozen = x && y && isPublic(x.status) && isPublic(y.status) && x.contentHash && y.contentHash;
  const load = async () => {
    const [a, b] = await Promise.all([compareSide(db, report, from!, x, lang), compareSide(db, report, to!, y, lang)]);
    return compareSnapshots(a, b, lang, primary);
  };
  return { from, to, names, choices, comparison: { key: frozen ? `compare/${report.slug}/${x.label}/${x.contentHash}/${y.label}/${y.contentHash}/${lang}` : undefined, load }, missing };
}

/** One side of a comparison: an edition as it froze its texts and evidence, or the living draft as it is now. */
async function compareSide(db: Db, report: ReportRow, label: string, edition: repo.EditionRow | undefined, lang: Language): Promise<CompareSide> {
  if (!edition) {
    const draft = await loadDraft(db, report.slug);
    const texts = draft.chapters.flatMap((c) => c.sections.flatMap((s) => [s.texts[lang], s.texts[draft.primary]].filter((text) => text !== undefined)));
    return {
      snapshot: snapshotOfDraft(draft),
      revisions: new Map(texts.map((text) => [text.revisionId, text])),
      resolve: await draftResolver(
        db,
        texts.map((text) => text.body),
        lang,
      ),
      href: (chapter, section) => `/draft/${report.slug}/${lang}/${chapter}${section ? `#${section}` : ""}`,
    };
  }
  const snapshot = await loadSnapshot(db, edition.id);
  const rows = await repo.revisionsByIds(db, revisionIds(snapshot));
  const urls = editionUrls(report, { label });
  return {
    snapshot,
    revisions: new Map(rows.map((r) => [r.id, r])),
    resolve: editionResolver({ snapshot, report }, urls.chapter(lang, ANNEX_PATH), lang, `${urls.contents(lang)}figures`),
    href: (chapter, section) => `${urls.chapter(lang, chapter)}${section ? `#${section}` : ""}`,
  };
}
