import { transaction, type Db } from "#src/db/client.ts";
import { textBlocks } from "#src/content/text-blocks.ts";
import { ANNEX_PATH } from "#src/domain/editions.ts";
import { chooseText, localized, primaryOf, type Language } from "#src/domain/languages.ts";
import { getReport, type TechnologyRow } from "#src/features/catalog/repository.ts";
import { editionResolver, loadEditionContent, type EditionContent } from "#src/features/editions/render.ts";
import * as repo from "#src/features/editions/repository.ts";
import { editionTexts } from "#src/features/editions/texts.ts";
import { editionUrls } from "#src/features/editions/views/public.tsx";
import { indexEntries, unindexedEditions, type SearchEntry } from "#src/features/search/index.ts";
import { yieldEvery } from "#src/lib/turns.ts";

// What readers find of a published edition: each chapter (its title, its technology's names and
// aliases in every language, its headings) and each section, in each language it is read in, as
// the words readers see (the same reading as compare: evidence shown as the edition froze it, a
// figure's title and caption, a recommendation's words). Each text is read once per content and
// kept by its bytes, large ones on the worker pool; the event loop gets a turn every few
// milliseconds, so a publish job running in the server holds no request back.

/** A technology's names and aliases in every language, one per line: what a chapter about it is also found by. */
export function technologyKeywords(tech: Pick<TechnologyRow, "names" | "aliases"> | undefined): string {
  if (!tech) return "";
  const words = [...Object.values(tech.names), ...Object.values(tech.aliases ?? {}).flat()].filter((w): w is string => Boolean(w?.trim()));
  return [...new Set(words)].join("\n");
}

/**
 * An edition's search entries: each chapter, then each of its sections, in each language it is
 * read in. chapterTechnologies gives each chapter's technology slug. With a signal, it stops at
 * the next text once aborted (the server is closing).
 */
export async function searchEntriesOf(content: EditionContent, chapterTechnologies: Map<string, string | null>, options: { signal?: AbortSignal | undefined } = {}): Promise<SearchEntry[]> {
  const { report, edition, snapshot, revisions } = content;
  const primary = primaryOf(report);
  const urls = editionUrls(report, edition);
  const pause = yieldEvery(8, options.signal);
  const entries: SearchEntry[] = [];
  for (const lang of report.languages) {
    const resolve = editionResolver(content, urls.chapter(lang, ANNEX_PATH), lang, `${urls.contents(lang)}figures`);
    const reportTitle = editionTexts(edition, primary, lang).title.text;
    for (const chapter of snapshot.chapters) {
      const tech = chapterTechnologies.get(chapter.id);
      const chapterTitle = localized(chapter.titles, lang, primary);
      const chapterUrl = urls.chapter(lang, chapter.slug);
      const sections: SearchEntry[] = [];
      for (const s of chapter.sections) {
        const chosen = chooseText(revisions.get(s.revisions[lang] ?? -1), revisions.get(s.revisions[primary] ?? -1), lang, primary);
        if (!chosen.text) continue;
        // The words as typed (no typography): what readers type into the search box.
        const blocks = await textBlocks(chosen.text.body, { resolve });
        sections.push({
          kind: "section",
          itemId: s.id,
          language: lang,
          textLanguage: chosen.lang,
          title: chosen.text.heading,
          body: blocks.map((b) => b.text).join("\n"),
          url: `${chapterUrl}#${s.slug}`,
          reportTitle,
          chapterTitle,
          keywords: "",
          technologies: tech ? [tech] : [],
        });
        await pause();
      }
      const titleLang = chapter.titles[lang] !== undefined ? lang : chapter.titles[primary] !== undefined ? primary : ((Object.keys(chapter.titles)[0] as Language | undefined) ?? primary);
      entries.push({
        kind: "chapter",
        itemId: chapter.id,
        language: lang,
        textLanguage: titleLang,
        title: chapterTitle,
        body: sections.map((e) => e.title).join(" · "),
        url: chapterUrl,
        reportTitle,
        chapterTitle: "",
        keywords: technologyKeywords(content.technologies.find((t) => t.slug === tech)),
        technologies: tech ? [tech] : [],
      });
      entries.push(...sections);
    }
  }
  return entries;
}

/** A published edition's search entries, computed before the transaction that publishes it writes them. */
export async function editionSearchEntries(db: Db, content: EditionContent, options: { signal?: AbortSignal | undefined } = {}): Promise<SearchEntry[]> {
  return searchEntriesOf(content, await repo.chapterTechnologies(db, content.report.id), options);
}

/** Indexes published editions that have no search entries yet (editions published before search existed). */
export async function indexMissingEditions(db: Db): Promise<number> {
  const missing = await unindexedEditions(db);
  for (const id of missing) {
    const edition = (await repo.getEdition(db, id))!;
    // Read outside the transaction, written in one short one (as publishing does).
    const entries = await editionSearchEntries(db, await loadEditionContent(db, (await getReport(db, edition.reportId))!, edition));
    await transaction(db, async (tx) => {
      // Unless it was withdrawn or changed meanwhile.
      const locked = await repo.lockEdition(tx, id);
      if (locked?.status === "published" && locked.contentHash === edition.contentHash) await indexEntries(tx, id, entries);
    });
  }
  return missing.length;
}
