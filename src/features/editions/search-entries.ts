import { transaction, type Db } from "#src/db/client.ts";
import type { Directive } from "#src/content/directives.ts";
import { chooseText, primaryOf } from "#src/domain/languages.ts";
import { getReport } from "#src/features/catalog/repository.ts";
import { loadEditionContent, type EditionContent } from "#src/features/editions/render.ts";
import * as repo from "#src/features/editions/repository.ts";
import { editionUrls } from "#src/features/editions/views/public.tsx";
import { indexEntries, plainText, unindexedEditions, type SearchEntry } from "#src/features/search/index.ts";

// What readers find of a published edition: each section, in each language it is read in, as
// plain text with the words of the recommendations and figures it places.

/** An edition's search entries; chapterTechnologies gives each chapter's technology slug. */
export function searchEntriesOf(content: EditionContent, chapterTechnologies: Map<string, string | null>): SearchEntry[] {
  const { report, edition, snapshot, revisions } = content;
  const primary = primaryOf(report);
  const urls = editionUrls(report, edition);
  const entries: SearchEntry[] = [];
  for (const lang of report.languages) {
    const words = (d: Directive) => {
      const ref = d.attributes?.ref ?? "";
      if (d.name === "recommendation") {
        const r = snapshot.recommendations.find((x) => x.slug === ref);
        return r ? (r.texts[lang] ?? r.texts[primary] ?? "") : "";
      }
      if (d.name === "figure") {
        const f = snapshot.figures.find((x) => x.slug === ref);
        const frozen = f?.languages[lang] ?? (f ? Object.values(f.languages)[0] : undefined);
        return frozen ? `${frozen.title} ${frozen.caption}` : "";
      }
      return "";
    };
    for (const chapter of snapshot.chapters) {
      const tech = chapterTechnologies.get(chapter.id);
      for (const s of chapter.sections) {
        const chosen = chooseText(revisions.get(s.revisions[lang] ?? -1), revisions.get(s.revisions[primary] ?? -1), lang, primary);
        if (!chosen.text) continue;
        entries.push({
          language: lang,
          textLanguage: chosen.lang,
          title: chosen.text.heading,
          body: plainText(chosen.text.body, words),
          url: `${urls.chapter(lang, chapter.slug)}#${s.slug}`,
          technologies: tech ? [tech] : [],
        });
      }
    }
  }
  return entries;
}

/** A published edition's search entries, computed before the transaction that publishes it writes them. */
export async function editionSearchEntries(db: Db, content: EditionContent): Promise<SearchEntry[]> {
  return searchEntriesOf(content, await repo.chapterTechnologies(db, content.report.id));
}

/** Writes a published edition's search entries. */
export async function indexEdition(tx: Db, content: EditionContent): Promise<number> {
  return indexEntries(tx, content.edition.id, await editionSearchEntries(tx, content));
}

/** Indexes published editions that have no search entries yet (editions published before search existed). */
export async function indexMissingEditions(db: Db): Promise<number> {
  const missing = await unindexedEditions(db);
  for (const id of missing) {
    await transaction(db, async (tx) => {
      const edition = (await repo.getEdition(tx, id))!;
      await indexEdition(tx, await loadEditionContent(tx, (await getReport(tx, edition.reportId))!, edition));
    });
  }
  return missing.length;
}
