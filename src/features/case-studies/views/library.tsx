import { STAGES } from "#src/domain/case-studies.ts";
import { MARK_END, MARK_START, PAGE_SIZE, type LibraryResult } from "#src/features/case-studies/library.ts";
import type { CaseStudyRow, FileInfo, VersionRow } from "#src/features/case-studies/repository.ts";
import type { LibraryFilter } from "#src/features/case-studies/schemas.ts";
import { CaseStudyFacts, CaseStudyText, FileList, techName } from "#src/features/case-studies/views/parts.tsx";
import type { TechnologyRow } from "#src/features/catalog/repository.ts";
import { assetUrl } from "#src/web/assets.ts";
import { DateTime } from "#src/web/components.tsx";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

/** Text with ts_headline's markers turned into <mark>, everything else escaped by JSX. */
export function Highlighted({ text }: { text: string }) {
  const parts = text.split(MARK_START);
  return (
    <>
      {parts.map((part, i) => {
        if (i === 0) return part;
        const [marked = "", rest = ""] = part.split(MARK_END);
        return (
          <>
            <mark>{marked}</mark>
            {rest}
          </>
        );
      })}
    </>
  );
}

/** A highlighted passage, with an ellipsis where the summary goes on before or after it. */
function Snippet({ summary, snippet }: { summary: string; snippet: string }) {
  const plain = snippet.replaceAll(MARK_START, "").replaceAll(MARK_END, "").trim();
  return (
    <>
      {summary.trim().startsWith(plain) ? "" : "… "}
      <Highlighted text={snippet.trim()} />
      {summary.trim().endsWith(plain) ? "" : " …"}
    </>
  );
}

type LibraryProps = {
  ctx: PageContext;
  filter: LibraryFilter;
  result: LibraryResult;
  technologies: TechnologyRow[];
  regions: { code: string; names: Record<string, string | undefined> }[];
};

/** Query string of the filter with some changes (for sort, paging and "clear" links). */
function queryOf(filter: LibraryFilter, changes: Partial<LibraryFilter>): string {
  const merged = { ...filter, ...changes };
  const params = new URLSearchParams();
  if (merged.q) params.set("q", merged.q);
  for (const key of ["technology", "region", "stage", "kind", "year"] as const) for (const v of merged[key]) params.append(key, String(v));
  if (merged.sort !== (merged.q ? "relevance" : "recent")) params.set("sort", merged.sort);
  if (merged.page > 1) params.set("page", String(merged.page));
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** The public library: search, facets, sorted results, pages. Works without JavaScript. */
export function LibraryPage({ ctx, filter, result, technologies, regions }: LibraryProps) {
  const { t, lang } = ctx;
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const techLabel = (slug: string) => {
    const tech = technologies.find((x) => x.slug === slug);
    return tech ? techName(tech, lang) : slug;
  };
  const regionLabel = (code: string) => regions.find((r) => r.code === code)?.names[lang] ?? code;
  const facetBlock = (name: "technology" | "region" | "stage" | "kind" | "year", legend: string, label: (v: string) => string) => {
    const chosen = (filter[name] as (string | number)[]).map(String);
    const options = result.facets[name];
    // A chosen value with no results still shows, so it can be unticked.
    const values = [...options, ...chosen.filter((c) => !options.some((o) => o.value === c)).map((value) => ({ value, count: 0 }))];
    if (!values.length) return null;
    return (
      <fieldset>
        <legend>{legend}</legend>
        {values.map((o) => (
          <label class="check">
            <input type="checkbox" name={name} value={o.value} checked={chosen.includes(o.value)} /> {label(o.value)} <span class="count">{o.count}</span>
          </label>
        ))}
      </fieldset>
    );
  };
  // How many narrowings are on: the words, and each ticked value (shown on the phone's "Filter").
  const active = (filter.q ? 1 : 0) + (["technology", "region", "stage", "kind", "year"] as const).reduce((n, key) => n + filter[key].length, 0);
  return (
    <Layout ctx={ctx} title={t("library.title")} section="library" head={<script src={assetUrl("library.js")} defer />}>
      <h1>{t("library.title")}</h1>
      <p class="lead">{t("library.lead")}</p>
      <form method="get" action="/case-studies" role="search" class="library">
        {/* On a phone the facets fold behind "Filter" so that the results come first; on a wide screen they stay open beside them (app.css). */}
        <details class="library-filters">
          <summary>{t("shell.filter", { count: active })}</summary>
          <div class="facets">
            <div class="field">
              <label for="f-q">{t("library.search")}</label>
              <input id="f-q" name="q" type="search" class="input" value={filter.q} />
            </div>
            <button type="submit" class="button">
              {t("library.apply")}
            </button>
            {facetBlock("technology", t("cs.technologies"), techLabel)}
            {facetBlock("region", t("org.region"), regionLabel)}
            {facetBlock("stage", t("cs.stage"), (v) => (STAGES.includes(v as never) ? t(`cs.stage.${v as (typeof STAGES)[number]}`) : v))}
            {facetBlock("kind", t("org.kind"), (v) => t(`org.kind.${v}` as "org.kind.academia"))}
            {facetBlock("year", t("library.year"), (v) => v)}
            <button type="submit" class="button button-secondary">
              {t("library.apply")}
            </button>
            <a href="/case-studies">{t("library.clear")}</a>
          </div>
        </details>
        <div class="library-results">
          <div class="page-head">
            <p role="status">{t("library.count", { count: result.total })}</p>
            <div class="field">
              <label for="f-sort">{t("library.sort")}</label>
              <select id="f-sort" name="sort" class="input" data-sort>
                {(["recent", "relevance", "title", "year"] as const).map((s) => (
                  <option value={s} selected={filter.sort === s}>
                    {t(`library.sort.${s}`)}
                  </option>
                ))}
              </select>
              {/* Without a script, this applies the order; library.js applies it on change and hides this. */}
              <button type="submit" class="button button-secondary" data-sort-apply>
                {t("shell.sortApply")}
              </button>
            </div>
          </div>
          {result.hits.length === 0 ? (
            <p class="empty">{t("library.none")}</p>
          ) : (
            <ol class="results" start={(filter.page - 1) * PAGE_SIZE + 1}>
              {result.hits.map((hit) => (
                <li>
                  <h2>
                    <a href={`/case-studies/${hit.slug}`} hreflang={hit.language}>
                      {hit.title}
                    </a>
                  </h2>
                  <p class="muted small">
                    {hit.organization}
                    {hit.regionCode ? ` · ${regionLabel(hit.regionCode)}` : ""}
                    {hit.stage ? ` · ${t(`cs.stage.${hit.stage}`)}` : ""}
                    {hit.year ? ` · ${hit.year}` : ""}
                    {hit.publishedAt && (
                      <>
                        {" · "}
                        {t("cs.publishedOn")} <DateTime value={new Date(hit.publishedAt)} lang={lang} />
                      </>
                    )}
                  </p>
                  <p class="snippet" lang={hit.language}>
                    {hit.snippet ? <Snippet summary={hit.summary} snippet={hit.snippet} /> : hit.summary.length > 300 ? `${hit.summary.slice(0, 300)}…` : hit.summary}
                  </p>
                </li>
              ))}
            </ol>
          )}
          {pages > 1 && (
            <nav class="pager" aria-label={t("library.pages")}>
              {filter.page > 1 ? <a href={`/case-studies${queryOf(filter, { page: filter.page - 1 })}`}>{t("library.previous")}</a> : <span />}
              <span>{t("library.pageOf", { page: filter.page, pages })}</span>
              {filter.page < pages ? <a href={`/case-studies${queryOf(filter, { page: filter.page + 1 })}`}>{t("library.next")}</a> : <span />}
            </nav>
          )}
        </div>
      </form>
    </Layout>
  );
}

type PublicProps = {
  ctx: PageContext;
  caseStudy: CaseStudyRow;
  version: VersionRow;
  technologies: TechnologyRow[];
  organization: string;
  region: string | undefined;
  files: FileInfo[];
  versions: number;
  editions: { report: string; reportTitle: string; label: string; title: string }[];
  supersededBy: CaseStudyRow | undefined;
};

/** A published case study as readers see it, with where it was used and who sent it. */
export function PublicCaseStudyPage(props: PublicProps) {
  const { ctx, caseStudy: cs, version, files, editions } = props;
  const { t, lang } = ctx;
  const f = version.fields;
  return (
    <Layout ctx={ctx} title={cs.title} section="library">
      <p class="breadcrumb">
        <a href="/case-studies">{t("library.title")}</a>
      </p>
      <article>
        <h1 lang={f.language}>{cs.title}</h1>
        {cs.state === "retired" && (
          <p class="notice" role="note">
            {t("cs.publicRetired")}
            {props.supersededBy && props.supersededBy.state === "published" && (
              <>
                {" "}
                <a href={`/case-studies/${props.supersededBy.slug}`}>{props.supersededBy.title}</a>
              </>
            )}
          </p>
        )}
        <p class="muted">
          {t("cs.credit", { organization: props.organization })}
          {cs.publishedAt && (
            <>
              {" · "}
              {t("cs.publishedOn")} <DateTime value={cs.publishedAt} lang={lang} />
            </>
          )}
          {props.versions > 1 && ` · ${t("cs.versionN", { n: version.number })}`}
        </p>
        <CaseStudyFacts ctx={ctx} fields={f} technologies={props.technologies} organization={props.organization} region={props.region} />
        <CaseStudyText ctx={ctx} fields={f} idPrefix={`cs-${cs.slug}`} />
        {f.contact && (
          <section>
            <h2>{t("cs.contact")}</h2>
            <p class="pre-wrap">{f.contact}</p>
          </section>
        )}
        {files.length > 0 && (
          <section>
            <h2>{t("cs.files")}</h2>
            <FileList ctx={ctx} files={files} href={(file) => `/files/case-studies/${file.id}`} />
          </section>
        )}
        <section>
          <h2>{t("cs.inEditions")}</h2>
          {editions.length === 0 ? (
            <p class="muted">{t("cs.inNoEdition")}</p>
          ) : (
            <ul class="plain-list">
              {editions.map((e) => (
                <li>
                  <a href={`/reports/${e.report}/${e.label}#annex`}>
                    {e.reportTitle} — {e.title}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
        <p class="muted small">{t("cs.licenceLine", { organization: props.organization })}</p>
      </article>
    </Layout>
  );
}
