import type { Root } from "mdast";
import { parseMarkdown } from "#src/content/parse.ts";
import type { Db } from "#src/db/client.ts";
import type { EditionContent } from "#src/features/editions/render.ts";
import { loadEditionContent } from "#src/features/editions/render.ts";
import * as editions from "#src/features/editions/repository.ts";
import type { Language } from "#src/features/members/domain.ts";
import { chooseText, loadDraft, localized, primaryOf } from "#src/features/reports/draft.ts";
import { getReportBySlug } from "#src/features/reports/repository.ts";
import { appError } from "#src/lib/errors.ts";

// What every output format (PDF, DOCX, single-file HTML, open data) renders: a report's content
// in one language, from a published edition or from the living draft, already parsed.

export type PublicationSection = { heading: string; slug: string; markdown: string; tree: Root; lang: Language };
export type PublicationChapter = { title: string; slug: string; sections: PublicationSection[] };
export type Publication = {
  reportTitle: string;
  title: string;
  /** The edition's label, or undefined for the living draft. */
  edition: string | undefined;
  /** YYYY-MM-DD: the edition's date, or today for the draft. */
  date: string;
  lang: Language;
  draft: boolean;
  foreword: string | null;
  chapters: PublicationChapter[];
};

const section = (slug: string, chosen: { text: { heading: string; body: string } | undefined; lang: Language }): PublicationSection => ({
  heading: chosen.text?.heading ?? slug,
  slug,
  markdown: chosen.text?.body ?? "",
  tree: parseMarkdown(chosen.text?.body ?? ""),
  lang: chosen.lang,
});

function fromEdition(content: EditionContent, lang: Language): Publication {
  const { report, edition, snapshot, revisions } = content;
  const primary = primaryOf(report);
  return {
    reportTitle: localized(report.titles, lang, primary),
    title: localized(edition.titles, lang, primary),
    edition: edition.label,
    date: edition.editionDate,
    lang,
    draft: edition.status !== "published" && edition.status !== "withdrawn",
    foreword: edition.foreword,
    chapters: snapshot.chapters.map((c) => ({
      title: localized(c.titles, lang, primary),
      slug: c.slug,
      sections: c.sections.map((s) => section(s.slug, chooseText(revisions.get(s.revisions[lang] ?? -1), revisions.get(s.revisions[primary] ?? -1), lang, primary))),
    })),
  };
}

/** A report's edition (by label), or its living draft ("draft"), as a publication in one language. */
export async function loadPublication(db: Db, reportSlug: string, editionLabel: string, lang: Language): Promise<Publication> {
  const report = await getReportBySlug(db, reportSlug);
  if (!report) throw appError("NOT_FOUND");
  if (!report.languages.includes(lang)) throw appError("LANGUAGE_NOT_IN_REPORT");
  const primary = primaryOf(report);
  if (editionLabel !== "draft") {
    const edition = await editions.getEditionByLabel(db, report.id, editionLabel);
    if (!edition) throw appError("NOT_FOUND");
    return fromEdition(await loadEditionContent(db, report, edition), lang);
  }
  const draft = await loadDraft(db, reportSlug);
  return {
    reportTitle: localized(report.titles, lang, primary),
    title: localized(report.titles, lang, primary),
    edition: undefined,
    date: new Date().toISOString().slice(0, 10),
    lang,
    draft: true,
    foreword: null,
    chapters: draft.chapters.map((c) => ({
      title: localized(c.titles, lang, primary),
      slug: c.slug,
      sections: c.sections.map((s) => section(s.slug, chooseText(s.texts[lang], s.texts[primary], lang, primary))),
    })),
  };
}
