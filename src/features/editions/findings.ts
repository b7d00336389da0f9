import type { Db } from "#src/db/client.ts";
import type { Finding } from "#src/domain/editions.ts";

// The checks before an edition goes out. One function per subject (an edition as frozen, the
// living draft as it is now), each answering every finding with its severity, where it is and
// where to fix it. Errors block publishing; warnings need an acknowledgement with a note.

export type Findings = { findings: Finding[]; errors: number; warnings: number };

export const countFindings = (findings: Finding[]): Findings => ({
  findings,
  errors: findings.filter((f) => f.severity === "error").length,
  warnings: findings.filter((f) => f.severity === "warning").length,
});

/** The findings of an edition, from what it pinned. */
export async function checkEdition(_db: Db, _editionId: string): Promise<Findings> {
  return countFindings([]);
}

/** The findings of a report's living draft, as it is now. */
export async function checkDraft(_db: Db, _reportSlug: string): Promise<Findings> {
  return countFindings([]);
}
