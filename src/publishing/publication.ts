import type { Root } from "mdast";
import { escapeMarkdown } from "#src/content/escape.ts";
import type { ResolvedRecommendation } from "#src/content/html.ts";
import { parseMarkdown } from "#src/content/parse.ts";
import type { Db } from "#src/db/client.ts";
import type { EditionContent } from "#src/features/editions/render.ts";
import { loadEditionContent } from "#src/features/editions/render.ts";
import * as editions from "#src/features/editions/repository.ts";
import type { Language } from "#src/domain/languages.ts";
import { loadDraft } from "#src/features/reports/draft.ts";
import { chooseText, localized, primaryOf } from "#src/domain/languages.ts";
import { getReportBySlug } from "#src/features/catalog/repository.ts";
import { appError } from "#src/lib/errors.ts";
import { period, TEXT_FIELDS, type CaseStudyFields } from "#src/domain/case-studies.ts";
import { ANNEX_PATH, type EditionDateStyle } from "#src/domain/editions.ts";
import { editionTexts } from "#src/features/editions/texts.ts";
import { annexVersions, pinEvidence, shownRecommendation, type CaseStudyVersion, type FrozenFigure, type PinnedEvidence } from "#src/features/reports/evidence-kinds.ts";
import { listTechnologies, type TechnologyRow } from "#src/features/catalog/repository.ts";
import { translator, type Translate } from "#src/i18n/i18n.ts";

// What every output format (PDF, DOCX, single-file HTML, open data) renders: a report's content
// in one language, from a published edition or from the living draft, already parsed.

export type PublicationSection = { heading: string; slug: string; markdown: string; tree: Root; lang: Language };
export type PublicationChapter = { title: string; slug: string; sections: PublicationSection[] };
/** A case study of the annex, as frozen (or, for the draft, as it is now). */
export type PublicationCaseStudy = { slug: string; organization: string; fields: CaseStudyFields; technologies: string[] };

export type Publication = {
  reportTitle: string;
  title: string;
  /** The edition's label, or undefined for the living draft. */
  edition: string | undefined;
  /** The edition's id (what an identifier that must outlive renames derives from), or undefined for the living draft. */
  editionId?: string;
  /** YYYY-MM-DD: the edition's date, or today for the draft. */
  date: string;
  lang: Language;
  draft: boolean;
  /** The edition's subtitle in this language (else the primary language's), if it has one. */
  subtitle: string | null;
  foreword: string | null;
  /** How this language writes the edition's date (Intl's dateStyle). */
  dateStyle: EditionDateStyle;
  /** The language of the title, subtitle or foreword where this language lacks its own words and shows the primary's. */
  textLangs: Partial<Record<"title" | "subtitle" | "foreword", Language>>;
  /** Chapters, ending with the case-study annex when there is one. */
  chapters: PublicationChapter[];
  caseStudies: PublicationCaseStudy[];
  /** The figures the text places, by reference, drawn in this language (frozen for an edition). */
  figures: Record<string, FrozenFigure>;
  /** The recommendations the text places, by reference, in this language (frozen for an edition). */
  recommendations: Record<string, PublicationRecommendation>;
};

/** A placed recommendation in this language: its words, number, status and sources (as frozen for an edition). */
export type PublicationRecommendation = ResolvedRecommendation;

const section = (slug: string, chosen: { text: { heading: string; body: string } | undefined; lang: Language }): PublicationSection => ({
  heading: chosen.text?.heading ?? slug,
  slug,
  markdown: chosen.text?.body ?? "",
  tree: parseMarkdown(chosen.text?.body ?? "", chosen.lang),
  lang: chosen.lang,
});

// Footnote labels are made unique per field, as the fields become one text.
const withNotesOf = (field: string, text: string) => text.replace(/\[\^([^\]\s]+)\]/g, `[^${field}-$1]`);

/** One case study as Markdown for the annex: its facts in a line, then each field under a bold title. */
export function caseStudyMarkdown(cs: PublicationCaseStudy, t: Translate): string {
  const f = cs.fields;
  const facts = [t("cs.credit", { organization: cs.organization }), cs.technologies.join(", "), f.stage ? t(`cs.stage.${f.stage}`) : "", period(f)].filter(Boolean);
  const parts = [`_${facts.map(escapeMarkdown).join(" · ")}_`];
  for (const name of TEXT_FIELDS) if (f[name].trim()) parts.push(`**${t(`cs.field.${name}`)}**`, withNotesOf(name, f[name]));
  if (f.links.length) parts.push(`**${t("cs.links")}**`, f.links.map((l) => `- <${l}>`).join("\n"));
  return parts.join("\n\n");
}

/** The annex as a last chapter, so every format shows it the way it shows chapters. */
function annexChapter(caseStudies: PublicationCaseStudy[], lang: Language): PublicationChapter[] {
  if (!caseStudies.length) return [];
  const t = translator(lang);
  return [
    {
      title: t("annex.chapterTitle"),
      slug: ANNEX_PATH,
      sections: caseStudies.map((cs) => {
        const markdown = caseStudyMarkdown(cs, t);
        return { heading: cs.fields.title, slug: cs.slug, markdown, tree: parseMarkdown(markdown, cs.fields.language), lang: cs.fields.language };
      }),
    },
  ];
}

const techNames = (slugs: string[], technologies: TechnologyRow[], lang: Language) =>
  slugs.map((slug) => technologies.find((x) => x.slug === slug)).filter((x): x is TechnologyRow => Boolean(x)).map((x) => x.names[lang] ?? x.names.en);

/** The evidence a publication shows in one language, from what an edition pinned (or what freezing the draft now would pin). */
function evidenceIn(evidence: PinnedEvidence, versions: Map<number, CaseStudyVersion>, technologies: TechnologyRow[], lang: Language, primary: Language) {
  const caseStudies: PublicationCaseStudy[] = evidence.caseStudies
    .filter((c) => c.annexed && versions.has(c.versionId))
    .map((c) => {
      const fields = versions.get(c.versionId)!.fields;
      return { slug: c.slug, organization: c.organization, fields, technologies: techNames(fields.technologies, technologies, lang) };
    });
  const figures: Record<string, FrozenFigure> = Object.fromEntries(evidence.figures.flatMap((f) => {
    const frozen = f.languages[lang] ?? Object.values(f.languages)[0];
    return frozen ? [[f.slug, frozen]] : [];
  }));
  const recommendations: Record<string, PublicationRecommendation> = Object.fromEntries(evidence.recommendations.map((r) => [r.slug, shownRecommendation(r, lang, primary)]));
  return { caseStudies, figures, recommendations };
}

function fromEdition(content: EditionContent, lang: Language): Publication {
  const { report, edition, snapshot, revisions } = content;
  const primary = primaryOf(report);
  const { caseStudies, figures, recommendations } = evidenceIn(snapshot, content.caseStudyVersions, content.technologies, lang, primary);
  const texts = editionTexts(edition, primary, lang);
  const fallbacks = Object.entries(texts).flatMap(([field, text]) => (text && text.lang !== lang ? [[field, text.lang]] : []));
  return {
    caseStudies,
    figures,
    recommendations,
    reportTitle: localized(report.titles, lang, primary),
    title: texts.title.text,
    subtitle: texts.subtitle?.text ?? null,
    edition: edition.label,
    editionId: edition.id,
    date: edition.editionDate,
    dateStyle: edition.dateStyles[lang] ?? "long",
    lang,
    draft: edition.status !== "published" && edition.status !== "withdrawn",
    foreword: texts.foreword?.text ?? null,
    textLangs: Object.fromEntries(fallbacks) as Publication["textLangs"],
    chapters: snapshot.chapters.map((c) => ({
      title: localized(c.titles, lang, primary),
      slug: c.slug,
      sections: c.sections.map((s) => section(s.slug, chooseText(revisions.get(s.revisions[lang] ?? -1), revisions.get(s.revisions[primary] ?? -1), lang, primary))),
    })).concat(annexChapter(caseStudies, lang)),
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
  // The draft's evidence as freezing it now would pin it, drawn in this language only.
  const evidence = await pinEvidence(db, draft, [lang]);
  const { caseStudies, figures, recommendations } = evidenceIn(evidence, await annexVersions(db, evidence.caseStudies), await listTechnologies(db), lang, primary);
  return {
    caseStudies,
    figures,
    recommendations,
    reportTitle: localized(report.titles, lang, primary),
    title: localized(report.titles, lang, primary),
    subtitle: null,
    edition: undefined,
    date: new Date().toISOString().slice(0, 10),
    dateStyle: "long",
    lang,
    draft: true,
    foreword: null,
    textLangs: report.titles[lang] ? {} : { title: primary },
    chapters: draft.chapters.map((c) => ({
      title: localized(c.titles, lang, primary),
      slug: c.slug,
      sections: c.sections.map((s) => section(s.slug, chooseText(s.texts[lang], s.texts[primary], lang, primary))),
    })).concat(annexChapter(caseStudies, lang)),
  };
}
