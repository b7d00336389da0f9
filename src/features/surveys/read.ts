import type { Db } from "#src/db/client.ts";
import type { Language } from "#src/domain/languages.ts";
import { listTechnologies } from "#src/features/catalog/repository.ts";
import { questionsOf, textIn, type Definition, type Question } from "#src/domain/surveys.ts";
import { datasetOf, defaultAlt, FigureQuery, renderSvg, type Dataset, type FigureVariant } from "#src/features/surveys/figures.ts";
import * as repo from "#src/features/surveys/repository.ts";
import { choiceValues, computeResults, radar, type Audience, type Results } from "#src/features/surveys/results.ts";
import { isMessageKey, translator } from "#src/i18n/i18n.ts";
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
    kind: (kind: string) => (isMessageKey(`org.kind.${kind}`) ? t(`org.kind.${kind}` as "org.kind.academia") : kind),
    option: (question: string, value: string) => {
      const q = questionsOf(definition).find((x) => x.id === question);
      // A scale's ends carry their words: "1 (low)", "5 (high)".
      if (q?.type === "scale") {
        const end = value === String(q.min) ? q.minLabel : value === String(q.max) ? q.maxLabel : undefined;
        return end ? `${value} (${textIn(end, lang)})` : value;
      }
      const option = q && (q.type === "single" || q.type === "multiple") ? q.options.find((o) => o.value === value) : undefined;
      return option ? textIn(option.label, lang) : value;
    },
    choice: (question: string) => {
      const q = questionsOf(definition).find((x) => x.id === question);
      return q && (q.type === "single" || q.type === "multiple" || q.type === "scale") ? { values: choiceValues(q), ordinal: q.type === "scale" } : undefined;
    },
  };
}

export type FigureLabels = Awaited<ReturnType<typeof figureLabels>>;

/** The technology radar's dots for a matrix question: where each technology stands, and how it moved since the survey of the same kind before. */
async function radarBlips(db: Db, survey: repo.SurveyRow, question: string, results: Results) {
  const matrix = results.questions.find((q) => q.id === question);
  const earlier = (await repo.listSurveys(db)).filter((s) => s.kind === survey.kind && s.year < survey.year && s.id !== survey.id && s.status !== "draft").sort((a, b) => b.year - a.year)[0];
  const before = earlier ? (await loadResults(db, earlier, results.audience)).results.questions.find((q) => q.id === question) : undefined;
  return matrix?.type === "matrix" ? radar(matrix, before?.type === "matrix" ? before : undefined) : [];
}

/** Draws a query over results already loaded: the chart of a figure, of a preview, of a results page. */
export async function drawQuery(db: Db, survey: repo.SurveyRow, query: FigureQuery, results: Results, labels: FigureLabels, data = datasetOf(query, results, labels), variant: FigureVariant = "wide"): Promise<string> {
  const blips = query.kind === "radar" ? await radarBlips(db, survey, query.question, results) : undefined;
  return renderSvg(query, data, labels.t, blips, labels, variant);
}

/** A query not saved yet, over the survey's public results (what the figure will show), in a language. */
export async function previewQuery(db: Db, survey: repo.SurveyRow, query: FigureQuery, lang: Language) {
  const { results, definition } = await loadResults(db, survey, "public");
  const labels = await figureLabels(db, definition, lang);
  const data = datasetOf(query, results, labels);
  return { data, results, labels, draw: () => drawQuery(db, survey, query, results, labels, data) };
}

/** The chart a results page shows for a question (its answers, or the stage of each technology); none for numbers and texts. */
export function resultsQuery(question: Question): FigureQuery | undefined {
  if (question.type === "single" || question.type === "multiple" || question.type === "scale") return { kind: "distribution", question: question.id };
  if (question.type === "matrix") return { kind: "stage-by-technology", question: question.id };
  return undefined;
}

/** A question's chart on a results page, for its audience, in a language; undefined when the question has none. */
export async function resultsChart(db: Db, survey: repo.SurveyRow, audience: Audience, questionId: string, lang: Language): Promise<string | undefined> {
  const { results, definition } = await loadResults(db, survey, audience);
  const question = questionsOf(definition).find((q) => q.id === questionId);
  const query = question && resultsQuery(question);
  if (!query) return undefined;
  return drawQuery(db, survey, query, results, await figureLabels(db, definition, lang));
}

export type FigureDescription = { slug: string; title: string; caption: string; alt: string; source: string; n: number; data: Dataset };
/** A figure drawn: `svg` for pages and print, `narrowSvg` for narrow screens. */
export type RenderedFigure = FigureDescription & { svg: string; narrowSvg: string };

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
    // Without words of its own, the figure is described from what it draws.
    alt: pick(figure.alts) || defaultAlt(query, pick(figure.titles), data, labels.t),
    source: figure.source ?? ((title) => (title.includes(String(survey.year)) ? title : `${title} (${survey.year})`))(survey.titles[lang] || survey.titles.en),
    n: data.n,
    data,
  };
  const draw = (variant: FigureVariant = "wide") => drawQuery(db, survey, query, results, labels, data, variant);
  return { description, draw };
}

/** A figure's texts and counts without drawing it, for pages that link to the drawing. */
export async function describeFigure(db: Db, figure: repo.FigureRow, lang: Language): Promise<FigureDescription> {
  return (await figureParts(db, figure, lang)).description;
}

/** A figure as it is now, drawn in a language. */
export async function renderFigure(db: Db, figure: repo.FigureRow, lang: Language): Promise<RenderedFigure> {
  const { description, draw } = await figureParts(db, figure, lang);
  return { ...description, svg: await draw("wide"), narrowSvg: await draw("narrow") };
}

/** A figure as it is now, drawn in a language for pages and print (wide) or for narrow screens. */
export async function drawFigure(db: Db, figure: repo.FigureRow, lang: Language, variant: FigureVariant): Promise<string> {
  return (await figureParts(db, figure, lang)).draw(variant);
}
