import { Highlighted } from "#src/features/case-studies/views/library.tsx";
import type { TechnologyRow } from "#src/features/catalog/repository.ts";
import { SEARCH_KINDS, type SearchHit, type SearchKind } from "#src/features/search/search.ts";
import { SelectField } from "#src/web/components.tsx";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

export type SearchForm = { q: string; kind: SearchKind | ""; technology: string; region: string; edition: string; page: number };

type Props = {
  ctx: PageContext;
  form: SearchForm;
  result: { hits: SearchHit[]; total: number; byKind: Record<SearchKind, number> } | undefined;
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
          {result.hits.length === 0 ? (
            <p class="empty">{t("search.none")}</p>
          ) : (
            <ol class="search-results">
              {result.hits.map((h) => (
                <li>
                  <p class="small muted">
                    <span class="tag">{t(`search.kind.${h.kind}`)}</span> {h.context && (h.kind === "section" ? (h.context === "draft" ? t("rec.livingDraft") : t("rec.edition", { label: h.context })) : h.context)}
                  </p>
                  <h2>
                    <a href={h.url}>{h.title}</a>
                  </h2>
                  <p>
                    <Highlighted text={h.snippet} />
                  </p>
                </li>
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

