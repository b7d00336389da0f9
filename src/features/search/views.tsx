import { Highlighted } from "#src/features/case-studies/views/library.tsx";
import type { TechnologyRow } from "#src/features/catalog/repository.ts";
import { SEARCH_KINDS, type SearchHit, type SearchKind, type SearchResult } from "#src/features/search/search.ts";
import type { Language } from "#src/domain/languages.ts";
import { LANGUAGE_NAMES } from "#src/i18n/i18n.ts";
import { SelectField } from "#src/web/components.tsx";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

export type SearchForm = { q: string; kind: SearchKind | ""; technology: string; region: string; edition: string; page: number };

type Props = {
  ctx: PageContext;
  form: SearchForm;
  result: SearchResult | undefined;
  technologies: TechnologyRow[];
  regions: { code: string; names: Record<string, string> }[];
  editions: string[];
  secretariat: boolean;
  pageSize: number;
};

/** One search box over editions, case studies, events (and, for the secretariat, the draft and the register). */
export function SearchPage({ ctx, form, result, technologies, regions, editions, secretariat, pageSize }: Props) {
  const { t, lang } = ctx;
  const link = (over: Partial<SearchForm>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...form, ...over })) if (v !== "" && v !== undefined && !(k === "page" && v === 1) && !(k === "edition" && v === "latest")) params.set(k, String(v));
    return `/search?${params.toString()}`;
  };
  const pages = result ? Math.ceil(result.total / pageSize) : 0;
  return (
    <Layout ctx={ctx} title={form.q ? t("search.titleFor", { q: form.q }) : t("search.title")} section="search">
      <h1>{t("search.title")}</h1>
      <form method="get" action="/search" role="search" class="filters">
        <div class="field field-grow">
          <label for="f-q">{t("search.query")}</label>
          <input id="f-q" name="q" type="search" class="input" value={form.q} maxLength={200} />
        </div>
        <SelectField t={t} name="kind" label={t("search.kind")} values={form} empty={t("common.all")} options={SEARCH_KINDS.filter((k) => secretariat || k !== "recommendation").map((k) => [k, t(`search.kind.${k}`)])} />
        <SelectField t={t} name="technology" label={t("rec.technology")} values={form} empty={t("common.all")} options={technologies.map((x) => [x.slug, x.names[lang] ?? x.names.en])} />
        <SelectField t={t} name="region" label={t("event.region")} values={form} empty={t("common.all")} options={regions.map((r) => [r.code, r.names[lang] ?? r.names.en ?? r.code])} />
        <SelectField
          t={t}
          name="edition"
          label={t("search.edition")}
          values={form}
          options={[["latest", t("search.edition.latest")], ["all", t("search.edition.all")], ...editions.map((e): [string, string] => [e, t("rec.edition", { label: e })]), ...(secretariat ? [["draft", t("rec.livingDraft")] as [string, string]] : [])]}
        />
        <div class="actions">
          <button class="button">{t("search.button")}</button>
        </div>
      </form>
      {result && (
        <>
          <p role="status">
            {t("search.count", { count: result.total })}
            {result.total > 0 && ` (${SEARCH_KINDS.filter((k) => result.byKind[k]).map((k) => `${t(`search.kind.${k}`)}: ${result.byKind[k]}`).join(", ")})`}
          </p>
          {result.close && <p class="hint">{t("search.close")}</p>}
          {result.hits.length === 0 ? (
            <p class="empty">{t("search.none")}</p>
          ) : (
            <ol class="search-results">
              {result.hits.map((h) => (
                <SearchHitItem ctx={ctx} hit={h} />
              ))}
            </ol>
          )}
          {pages > 1 && (
            <nav class="pager" aria-label={t("search.pages")}>
              {form.page > 1 && <a href={link({ page: form.page - 1 })}>← {t("search.previous")}</a>}
              <span>{t("search.pageOf", { page: form.page, pages })}</span>
              {form.page < pages && <a href={link({ page: form.page + 1 })}>{t("search.next")} →</a>}
            </nav>
          )}
        </>
      )}
    </Layout>
  );
}

/**
 * One hit: its kind and language, where it sits (report › edition › chapter for the report's
 * chapters and sections), its title as a link and its marked snippet, both marked with their
 * language when it is not the page's.
 */
function SearchHitItem({ ctx, hit }: { ctx: PageContext; hit: SearchHit }) {
  const { t, lang } = ctx;
  const inReport = hit.kind === "chapter" || hit.kind === "section";
  const edition = hit.context && inReport ? (hit.context === "draft" ? t("rec.livingDraft") : t("rec.edition", { label: hit.context })) : null;
  const other = hit.language && hit.language !== lang ? hit.language : undefined;
  // The report's and chapter's titles are in the page's language, the edition's label in the reader's.
  const pageLang = hit.pageLanguage && hit.pageLanguage !== lang ? hit.pageLanguage : undefined;
  const trail = inReport ? ([[hit.report, pageLang], [edition, undefined], [hit.chapter, pageLang]] as const).filter((x): x is readonly [string, Language | undefined] => Boolean(x[0])) : [];
  return (
    <li>
      <p class="small muted search-meta">
        <span class="tag">{t(`search.kind.${hit.kind}`)}</span>{" "}
        {hit.language && (
          <span class="tag tag-muted tag-language" title={t("search.language", { language: LANGUAGE_NAMES[hit.language] })}>
            <span class="visually-hidden">{t("search.language", { language: "" })}</span>
            <span lang={hit.language}>{LANGUAGE_NAMES[hit.language]}</span>
          </span>
        )}{" "}
        {hit.close && <span class="tag tag-muted">{t("search.closeTag")}</span>} {!inReport && hit.context}
      </p>
      {trail.length > 0 && (
        <p class="small search-trail">
          {trail.map(([part, partLang], i) => (
            <>
              {i > 0 && <span aria-hidden="true"> › </span>}
              <span lang={partLang}>{part}</span>
            </>
          ))}
        </p>
      )}
      <h2 lang={other}>
        <a href={hit.url}>{hit.title}</a>
      </h2>
      <p lang={other}>
        <Highlighted text={hit.snippet} />
      </p>
    </li>
  );
}
