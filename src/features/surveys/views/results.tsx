import { ADOPTION_STAGES, questionsOf, textIn, type Definition, type Question } from "#src/domain/surveys.ts";
import { questionNumbers } from "#src/features/surveys/guide.ts";
import type { SurveyRow } from "#src/features/surveys/repository.ts";
import { choiceValues, type Group, type RateGroup, type Results } from "#src/features/surveys/results.ts";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

type Props = {
  ctx: PageContext;
  survey: SurveyRow;
  definition: Definition;
  results: Results;
  regionName: (code: string) => string;
  technologyName: (slug: string) => string;
  /** Where each question's chart is drawn: `<chartBase><question id>.svg`. */
  chartBase: string;
};

// Shares and numbers as the page's language writes them ("35 %" and "2,5" in French).
const percent = (lang: string) => new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 0 });
const decimal = (lang: string, digits: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: digits });

/** Results of a survey: response rates, then each question; small groups hidden for the public. */
export function ResultsPage({ ctx, survey, definition, results, regionName, technologyName, chartBase }: Props) {
  const { t, lang } = ctx;
  const share = percent(lang);
  const number = decimal(lang, 2);
  const mean = decimal(lang, 1);
  const pct = (part: number, whole: number) => (whole ? share.format(part / whole) : "—");
  const num = (n: number | null | undefined) => (n === null || n === undefined ? "—" : number.format(n));
  const title = survey.titles[lang] || survey.titles.en;
  const hiddenText = t("survey.smallGroup", { min: results.minGroup });
  const kindName = (k: string) => t(`org.kind.${k}` as "org.kind.academia");
  const rateTable = (caption: string, rows: RateGroup[], name: (g: string) => string) => (
    <div class="table-wrap results-wrap">
      <table class="data results-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("survey.group")}</th>
            <th scope="col" class="num">{t("survey.invitedCount")}</th>
            <th scope="col" class="num">{t("survey.respondedCount")}</th>
            <th scope="col" class="num">{t("survey.rateLabel")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{name(r.group)}</th>
              <td class="num">{r.invited}</td>
              {r.hidden ? <td class="num hidden-group" colSpan={2}>{hiddenText}</td> : (
                <>
                  <td class="num">{r.responded}</td>
                  <td class="num">{pct(r.responded, r.invited)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  const optionLabel = (q: Question, v: string) => {
    if (q.type === "single" || q.type === "multiple") return textIn(q.options.find((o) => o.value === v)?.label ?? { en: v }, lang);
    const end = q.type === "scale" ? (v === String(q.min) ? q.minLabel : v === String(q.max) ? q.maxLabel : undefined) : undefined;
    return end ? `${v} (${textIn(end, lang)})` : v;
  };
  // The chart of a question, drawn by the figure renderer; the table after it gives its numbers.
  const chart = (q: Question, alt: string) => (
    <figure class="figure results-chart">
      <img src={`${chartBase}${q.id}.svg`} alt={alt} loading="lazy" />
    </figure>
  );
  const crossTab = (q: Question, caption: string, groups: Group[], values: string[], name: (g: string) => string) => (
    <div class="table-wrap results-wrap">
      <table class="data results-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("survey.group")}</th>
            <th scope="col" class="num">n</th>
            {values.map((v) => (
              <th scope="col" class="num">
                {q.type === "matrix" ? t(`survey.stage.${v as "pilot"}`) : optionLabel(q, v)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr>
              <th scope="row">{name(g.group)}</th>
              <td class="num">{g.hidden ? "" : g.n}</td>
              {g.hidden ? (
                <td class="hidden-group" colSpan={values.length}>
                  {hiddenText}
                </td>
              ) : (
                values.map((v) => <td class="num">{g.counts[v] ?? 0}</td>)
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  const numbers = questionNumbers(definition);
  return (
    <Layout ctx={ctx} title={t("survey.resultsOf", { title })} section={results.audience === "editor" ? "editor" : "reports"}>
      <h1>{t("survey.resultsOf", { title })}</h1>
      <p class="lead">{t("survey.rateSummary", { responded: results.responded, invited: results.invited, rate: pct(results.responded, results.invited) })}</p>
      {results.audience === "editor" ? <p class="notice">{t("survey.editorView", { min: results.minGroup })}</p> : <p class="muted">{t("survey.publicView", { min: results.minGroup })}</p>}
      <div class="columns">
        {rateTable(t("survey.byRegion"), results.byRegion, regionName)}
        {rateTable(t("survey.byKind"), results.byKind, kindName)}
      </div>
      {questionsOf(definition).map((q) => {
        const r = results.questions.find((x) => x.id === q.id);
        if (!r) return null;
        return (
          <section class="panel" id={`q-${q.id}`}>
            <h2>
              {numbers.get(q.id)}. {textIn(q.text, lang)}
            </h2>
            <p class="muted small">{t("survey.answeredBy", { n: r.n })}</p>
            {r.type === "text" && <p class="muted">{t("survey.textNotShown")}</p>}
            {r.type === "number" && (r.hidden ? <p class="muted">{hiddenText}</p> : <p>{t("survey.numberStats", { mean: r.mean === null || r.mean === undefined ? "—" : mean.format(r.mean), median: num(r.median), min: num(r.min), max: num(r.max) })}</p>)}
            {r.type === "choice" &&
              (r.hidden ? (
                <p class="muted">{hiddenText}</p>
              ) : (
                <>
                  {r.n > 0 && chart(q, t("survey.chartAlt", { question: textIn(q.text, lang) }))}
                  {/* Answers in the order the question gives them (a scale from its lowest point), never by count. */}
                  <div class="table-wrap results-wrap">
                    <table class="data results-table">
                      <tbody>
                        {choiceValues(q, [r.counts]).map((v) => {
                          const c = r.counts[v] ?? 0;
                          return (
                            <tr>
                              <th scope="row">{optionLabel(q, v)}</th>
                              <td class="num">{c}</td>
                              <td>
                                <span class={`bar bar-${Math.round((c / Math.max(1, r.n)) * 12)}`} aria-hidden="true" /> {pct(c, r.n)}
                              </td>
                            </tr>
                          );
                        })}
                      </tbody>
                    </table>
                  </div>
                  <details>
                    <summary>{t("survey.crossTabs")}</summary>
                    {crossTab(q, t("survey.byRegion"), r.byRegion, choiceValues(q, [r.counts]), regionName)}
                    {crossTab(q, t("survey.byKind"), r.byKind, choiceValues(q, [r.counts]), kindName)}
                  </details>
                </>
              ))}
            {r.type === "matrix" && (
              <>
                {r.byTechnology.some((g) => !g.hidden && g.n > 0) && chart(q, t("survey.chartAltMatrix", { question: textIn(q.text, lang) }))}
                {crossTab(
                  q,
                  t("survey.stageByTechnology"),
                  r.byTechnology.map((g) => ({ ...g, group: g.technology })),
                  [...ADOPTION_STAGES],
                  technologyName,
                )}
                <details>
                  <summary>{t("survey.stageByTechnologyRegion")}</summary>
                  {q.type === "matrix" &&
                    q.technologies.map((tech) => crossTab(q, technologyName(tech), r.byTechnologyRegion.filter((g) => g.technology === tech), [...ADOPTION_STAGES], regionName))}
                </details>
              </>
            )}
          </section>
        );
      })}
    </Layout>
  );
}
