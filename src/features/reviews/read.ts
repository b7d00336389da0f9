import type { Db } from "#src/db/client.ts";
import { loadEditionContent } from "#src/features/editions/render.ts";
import * as editionsRepo from "#src/features/editions/repository.ts";
import type { Language } from "#src/domain/languages.ts";
import { loadDraft } from "#src/features/reports/draft.ts";
import { chooseText, localized, primaryOf } from "#src/domain/languages.ts";
import { getReport } from "#src/features/catalog/repository.ts";
import type { RoundRow } from "#src/features/reviews/repository.ts";
import { appError } from "#src/lib/errors.ts";

// What a review round is about: the living draft as it is now, or the edition as frozen.

export type RoundSection = { id: string; number: string; heading: string; body: string; revisionId: number | null; lang: Language };
export type RoundChapter = { number: string; slug: string; title: string; sections: RoundSection[] };

export async function roundDocument(db: Db, round: Pick<RoundRow, "reportId" | "editionId">, lang: Language): Promise<RoundChapter[]> {
  const report = await getReport(db, round.reportId);
  if (!report) throw appError("NOT_FOUND");
  const primary = primaryOf(report);
  if (!round.editionId) {
    const draft = await loadDraft(db, report.slug);
    return draft.chapters.map((c, ci) => ({
      number: String(ci + 1),
      slug: c.slug,
      title: localized(c.titles, lang, primary),
      sections: c.sections.map((s, si) => {
        const shown = chooseText(s.texts[lang], s.texts[primary], lang, primary);
        return { id: s.id, number: `${ci + 1}.${si + 1}`, heading: shown.text?.heading ?? s.slug, body: shown.text?.body ?? "", revisionId: shown.text?.revisionId ?? null, lang: shown.lang };
      }),
    }));
  }
  const edition = await editionsRepo.getEdition(db, round.editionId);
  if (!edition) throw appError("NOT_FOUND");
  const content = await loadEditionContent(db, report, edition);
  return content.snapshot.chapters.map((c, ci) => ({
    number: String(ci + 1),
    slug: c.slug,
    title: localized(c.titles, lang, primary),
    sections: c.sections.map((s, si) => {
      const revisionId = s.revisions[lang] ?? s.revisions[primary] ?? null;
      const revision = revisionId ? content.revisions.get(revisionId) : undefined;
      return { id: s.id, number: `${ci + 1}.${si + 1}`, heading: revision?.heading ?? s.slug, body: revision?.body ?? "", revisionId, lang: (revision?.language as Language | undefined) ?? primary };
    }),
  }));
}
