// Exports: a file of an edition or of the draft, produced by a job, downloadable by whoever may read it.

import { livingDraftRules } from "#src/access/living-draft.ts";
import type { Rule } from "#src/access/who.ts";

/** What an export job records about its content: the living draft, or an edition members only may read yet. */
export type ExportResource = { kind: "export"; draft: boolean; membersOnly: boolean };

export const exportRules = {
  /** Starting it, watching its job and downloading its file: one rule for all three. */
  download: (who, { draft, membersOnly }) => {
    if (draft) return livingDraftRules.export(who, { kind: "living-draft" });
    return membersOnly && !who ? "UNAUTHENTICATED" : null;
  },
} satisfies Record<string, Rule<ExportResource>>;
