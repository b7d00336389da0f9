import { sql, type SQL } from "drizzle-orm";
import type { ChangeTopic } from "#src/db/changes.ts";
import { queryRows, type Db } from "#src/db/client.ts";
import type { Stage } from "#src/domain/case-studies.ts";
import type { LibraryFilter } from "#src/features/case-studies/schemas.ts";
import type { TopicCache } from "#src/lib/topic-cache.ts";

// The public library of published case studies: full-text search over the three languages,
// facets counted with every other filter applied, and pages of results.

export const PAGE_SIZE = 20;

// Highlight markers ts_headline puts around matches; the page turns them into <mark>.
export const MARK_START = "\u0002";
export const MARK_END = "\u0003";

type Dimension = "technology" | "region" | "stage" | "kind" | "year";

const anyOf = (values: (string | number)[]) =>
  typeof values[0] === "number" ? sql`any(array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::int[])` : sql`any(array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[])`;

/** The search query in every language's configuration, so a word finds its stems in each. */
const tsQuery = (q: string) => sql`(websearch_to_tsquery('lr_english', ${q}) || websearch_to_tsquery('lr_french', ${q}) || websearch_to_tsquery('lr_spanish', ${q}))`;

/** Each filter the reader set, as a condition on a case study `cs` of organization `o`. */
function filters(filter: LibraryFilter): Partial<Record<Dimension, SQL>> {
  const found: Partial<Record<Dimension, SQL>> = {};
  if (filter.technology.length)
    // "in", not a correlated "exists": counted as a flag on every case study, it is one hashed lookup each.
    found.technology = sql`cs.id in (select ct.case_study_id from case_study_technologies ct join technologies t on t.id = ct.technology_id where t.slug = ${anyOf(filter.technology)})`;
  if (filter.region.length) found.region = sql`o.region_code = ${anyOf(filter.region)}`;
  if (filter.stage.length) found.stage = sql`cs.stage = ${anyOf(filter.stage)}`;
  if (filter.kind.length) found.kind = sql`o.kind = ${anyOf(filter.kind)}`;
  if (filter.year.length) found.year = sql`cs.year = ${anyOf(filter.year)}`;
  return found;
}

/** Published, and matching the words: what every count and page starts from. */
const base = (filter: LibraryFilter) => (filter.q ? sql`cs.state = 'published' and cs.search @@ ${tsQuery(filter.q)}` : sql`cs.state = 'published'`);

const FROM = sql`case_studies cs join organizations o on o.id = cs.organization_id`;

type Counts = { total: number; facets: LibraryResult["facets"] };

/**
 * The total and the five facets in one statement: the published case studies matching the words
 * are read once, each with whether it passes each filter; a facet then counts those passing every
 * filter but its own. (Six statements each reading every case study took most of a page's time.)
 */
async function countFacets(db: Db, filter: LibraryFilter): Promise<Counts> {
  const set = filters(filter);
  const dimensions = Object.keys(set) as Dimension[];
  const flags = dimensions.map((d) => sql`, ${set[d]} as ${sql.identifier(`${d}_ok`)}`);
  const passing = (except?: Dimension) => {
    const kept = dimensions.filter((d) => d !== except).map((d) => sql`m.${sql.identifier(`${d}_ok`)}`);
    return kept.length ? sql.join(kept, sql` and `) : sql`true`;
  };
  const rows = await queryRows<{ dimension: Dimension | "total"; value: string | null; count: number }>(
    db,
    sql`with m as materialized (select cs.id, cs.stage, cs.year, o.region_code, o.kind ${sql.join(flags, sql``)} from ${FROM} where ${base(filter)})
      select dimension, value, count from (
        select 'total' as dimension, null::text as value, count(*)::int as count, 0::bigint as position from m where ${passing()}
        union all
        select 'technology', t.slug, count(*)::int, row_number() over (order by count(*) desc, t.slug)
          from m join case_study_technologies ct on ct.case_study_id = m.id join technologies t on t.id = ct.technology_id where ${passing("technology")} group by t.slug
        union all
        select 'region', m.region_code, count(*)::int, row_number() over (order by m.region_code) from m where ${passing("region")} and m.region_code is not null group by m.region_code
        union all
        select 'stage', m.stage, count(*)::int, row_number() over () from m where ${passing("stage")} and m.stage is not null group by m.stage
        union all
        select 'kind', m.kind, count(*)::int, row_number() over (order by m.kind) from m where ${passing("kind")} group by m.kind
        union all
        select 'year', m.year::text, count(*)::int, row_number() over (order by m.year desc) from m where ${passing("year")} and m.year is not null group by m.year
      ) counted order by dimension, position`,
  );
  const facets: Counts["facets"] = { technology: [], region: [], stage: [], kind: [], year: [] };
  let total = 0;
  for (const row of rows) {
    if (row.dimension === "total") total = row.count;
    else facets[row.dimension].push({ value: String(row.value), count: row.count });
  }
  return { total, facets };
}

export type LibraryHit = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  snippet: string | null;
  stage: Stage | null;
  year: number | null;
  language: string;
  organization: string;
  regionCode: string | null;
  publishedAt: Date | string | null;
};

export type LibraryResult = {
  total: number;
  hits: LibraryHit[];
  facets: Record<Dimension, { value: string; count: number }[]>;
};

const ORDER: Record<LibraryFilter["sort"], SQL> = {
  relevance: sql`rank desc, cs.published_at desc`,
  recent: sql`cs.published_at desc, cs.title`,
  title: sql`lower(cs.title), cs.id`,
  year: sql`cs.year desc nulls last, cs.title`,
};

/** What the library shows depends on: a cached page or count is kept until one of them changes. */
export const LIBRARY_TOPICS = ["case-studies", "catalog"] as const satisfies readonly ChangeTopic[];

/** Where pages and counts are kept (app.topicCache); without one, every call asks the database. */
export type LibraryCache = Pick<TopicCache<ChangeTopic>, "get">;

/**
 * One page: the page's ids are chosen over narrow rows (so a deep page sorts ids, not summaries),
 * then read in full, with the snippet marked for these hits only.
 */
async function pageOf(db: Db, filter: LibraryFilter): Promise<LibraryHit[]> {
  const where = sql.join([base(filter), ...Object.values(filters(filter))], sql` and `);
  const rank = filter.q ? sql`ts_rank(cs.search, ${tsQuery(filter.q)})` : sql`0`;
  const snippet = filter.q
    ? sql`ts_headline((case cs.language when 'fr' then 'lr_french' when 'es' then 'lr_spanish' else 'lr_english' end)::regconfig, cs.summary, ${tsQuery(filter.q)}, ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=40, MinWords=20`})`
    : sql`null`;
  const sort = filter.sort === "relevance" && !filter.q ? "recent" : filter.sort;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select cs.id, cs.slug, cs.title, cs.summary, cs.stage, cs.year, cs.language, cs.published_at, o.name as organization, o.region_code, page.rank, ${snippet} as snippet
        from (select id, rank, row_number() over () as position from (
                select cs.id, ${rank} as rank from ${FROM} where ${where} order by ${ORDER[sort]} limit ${PAGE_SIZE} offset ${(filter.page - 1) * PAGE_SIZE}) chosen) page
          join case_studies cs on cs.id = page.id join organizations o on o.id = cs.organization_id
        order by page.position`,
  );
  return rows.map((r) => ({
    id: String(r.id),
    slug: String(r.slug),
    title: String(r.title),
    summary: String(r.summary),
    snippet: r.snippet == null ? null : String(r.snippet),
    stage: (r.stage as Stage | null) ?? null,
    year: r.year == null ? null : Number(r.year),
    language: String(r.language),
    organization: String(r.organization),
    regionCode: r.region_code == null ? null : String(r.region_code),
    publishedAt: (r.published_at as Date | string | null) ?? null,
  }));
}

/**
 * One page of published case studies matching the filter, with the facets around it. With a
 * cache, the counts are kept per filter (every page and order of one filter shares them) and
 * each page per filter, order and page number, until a case study or the catalog changes.
 */
export async function searchLibrary(db: Db, filter: LibraryFilter, cache?: LibraryCache): Promise<LibraryResult> {
  const sorted = <V>(values: V[]) => [...values].map(String).sort();
  const counted = JSON.stringify([filter.q, sorted(filter.technology), sorted(filter.region), sorted(filter.stage), sorted(filter.kind), sorted(filter.year)]);
  const paged = JSON.stringify([counted, filter.sort, filter.page]);
  const [counts, hits] = await Promise.all([
    cache ? cache.get(`library-counts:${counted}`, LIBRARY_TOPICS, () => countFacets(db, filter)) : countFacets(db, filter),
    cache ? cache.get(`library-page:${paged}`, LIBRARY_TOPICS, () => pageOf(db, filter)) : pageOf(db, filter),
  ]);
  return { total: counts.total, hits, facets: counts.facets };
}
