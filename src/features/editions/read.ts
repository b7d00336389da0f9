import type { Db } from "#src/db/client.ts";
import type { Language } from "#src/domain/languages.ts";
import { getReport, type ReportRow } from "#src/features/catalog/repository.ts";
import { compareSnapshots } from "#src/features/editions/compare.ts";
import * as repo from "#src/features/editions/repository.ts";
import { loadSnapshot, revisionIds, snapshotOfDraft, type Snapshot } from "#src/features/editions/snapshot.ts";
import { loadDraft } from "#src/features/reports/draft.ts";
import { appError } from "#src/lib/errors.ts";

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
  return { report, edition, itemCount };
}

/**
 * Two versions of a report compared, each an edition's label among those given or "draft" (the
 * living draft, when withDraft); undefined when either is not one of them.
 */
export async function compareVersions(db: Db, report: ReportRow, editions: repo.EditionRow[], labels: { from: string; to: string }, withDraft: boolean, lang: Language) {
  const snapshotOf = async (label: string): Promise<Snapshot | undefined> => {
    if (label === "draft") return withDraft ? snapshotOfDraft(await loadDraft(db, report.slug)) : undefined;
    const edition = editions.find((e) => e.label === label);
    return edition && loadSnapshot(db, edition.id);
  };
  const [a, b] = await Promise.all([snapshotOf(labels.from), snapshotOf(labels.to)]);
  if (!a || !b) return undefined;
  const rows = await repo.revisionsByIds(db, [...new Set([...revisionIds(a), ...revisionIds(b)])]);
  return compareSnapshots(a, b, new Map(rows.map((r) => [r.id, r])), lang);
}
