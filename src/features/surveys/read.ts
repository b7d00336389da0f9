import type { Db } from "#src/db/client.ts";
import type { Language } from "#src/domain/languages.ts";
import { listTechnologies } from "#src/features/catalog/repository.ts";
import { questionsOf, textIn, type Definition } from "#src/domain/surveys.ts";
import { datasetOf, FigureQuery, renderSvg, type Dataset } from "#src/features/surveys/figures.ts";
import * as repo from "#src/features/surveys/repository.ts";
import { computeResults, radar, type Audience, type Results } from "#src/features/surveys/results.ts";
import { translator } from "#src/i18n/i18n.ts";
import { countryName } from "#src/i18n/countries.ts";

// Loading what survey pages and figures show: results for an audience, and figures rendered.

/** A survey's results for an audience, from its submitted responses. */
export async function loadResults(db: Db, survey: repo.SurveyRow, audience: Audience): Promise<{ results: Results; definition: Definition }> {
  const [version, rows, invited] = await Promise.all([repo.getVersion(db, survey.currentVersionId!), repo.responsesWithOrganizations(db, survey.id), repo.invitedOrganizations(db, survey.id)]);
  const definition = version!.definition;
  const respondents = rows.filter((r) => r.response.status === "submitted").map((r) => ({ organizationId: r.organization.id, regionCode: r.organization.regionCode, kind: r.organization.kind, country: r.organization.country, answers: r.response.answers }));
  return { results: computeResults({ definition, respondents, invited, minGroup: survey.minGroup, audience }), definition };
}

/** Names for the values figures show, in a language. */
export async function figureLabels(db: Db, definition: Definition, lang: Language) {
  const [technologies, regions] = await Promise.all([listTechnologies(db), repo.listRegionNames(db)]);
  const t = translator(lang);
  return {
    t,
    technology: (slug: string) => {
      const tech = technologies.find((x) => x.slug === slug);
      return tech ? (tech.names[lang] ?? tech.names.en) : slug;
    },
    country: (code: string) => countryName(code, lang),
    region: (code: string) => regions.find((r) => r.code === code)?.names[lang] ?? (code === "none" ? t("survey.noRegion") : code),
    option: (question: string, value: string) => {
      const q = questionsOf(definition).find((x) => x.id === question);
      const option = q && (q.type === "single" || q.type === "multiple") ? q.options.find((o) => o.value === value) : undefined;
      return option ? textIn(option.label, lang) : value;
    },
  };
}

export type FigureDescription = { slug: string; title: string; caption: string; alt: string; source: string; n: number; data: Dataset };
export type RenderedFigure = FigureDescription & { svg: string };

/** A figure as it is now: its query run over the survey's public results, in a language; drawn on demand. */
async function figureParts(db: Db, figure: repo.FigureRow, lang: Language) {
  const survey = (await repo.getSurvey(db, figure.surveyId))!;
  const query = FigureQuery.parse(figure.query);
  const { results, definition } = await loadResults(db, survey, "public");
  const labels = await figureLabels(db, definition, lang);
  const data = datasetOf(query, results, labels);
  const pick = (texts: Partial<Record<Language, string>>) => texts[lang] || texts.en || "";
  const description: FigureDescription = {
    slug: figure.slug,
    title: pick(figure.titles),
    caption: pick(figure.captions),
    alt: pick(figure.alts) || pick(figure.titles),
    source: figure.source ?? ((title) => (title.includes(String(survey.year)) ? title : `${title} (${survey.year})`))(survey.titles[lang] || survey.titles.en),
    n: data.n,
    data,
  };
  const draw = async () => {
    let blips;
    if (query.kind === "radar") {
      const matrix = results.questions.find((q) => q.id === query.question);
      const earlier = (await repo.listSurveys(db)).filter((s) => s.kind === survey.kind && s.year < survey.year && s.id !== survey.id && s.status !== "draft").sort((a, b) => b.year - a.year)[0];
      const before = earlier ? (await loadResults(db, earlier, "public")).results.questions.find((q) => q.id === query.question) : undefined;
      blips = matrix?.type === "matrix" ? radar(matrix, before?.type === "matrix" ? before : undefined) : [];
    }
    return renderSvg(query, data, labels.t, blips, labels);
  };
  return { description, draw };
}

/** A figure's texts and counts without drawing it, for pages that link to the drawing. */
export async function describeFigure(db: Db, figure: repo.FigureRow, lang: Language): Promise<FigureDescription> {
  return (await figureParts(db, figure, lang)).description;
}

/** A figure as it is now, drawn in a language. */
export async function renderFigure(db: Db, figure: repo.FigureRow, lang: Language): Promise<RenderedFigure> {
  const { description, draw } = await figureParts(db, figure, lang);
  return { ...description, svg: await draw() };
}
