import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "#src/db/client.ts";
import type { Stage } from "#src/domain/case-studies.ts";
import type { LibraryFilter } from "#src/features/case-studies/schemas.ts";

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

function conditions(filter: LibraryFilter, except?: Dimension): SQL {
  const parts: SQL[] = [sql`cs.state = 'published'`];
  if (filter.q) parts.push(sql`cs.search @@ ${tsQuery(filter.q)}`);
  if (filter.technology.length && except !== "technology")
    parts.push(sql`exists (select 1 from case_study_technologies ct join technologies t on t.id = ct.technology_id where ct.case_study_id = cs.id and t.slug = ${anyOf(filter.technology)})`);
  if (filter.region.length && except !== "region") parts.push(sql`o.region_code = ${anyOf(filter.region)}`);
  if (filter.stage.length && except !== "stage") parts.push(sql`cs.stage = ${anyOf(filter.stage)}`);
  if (filter.kind.length && except !== "kind") parts.push(sql`o.kind = ${anyOf(filter.kind)}`);
  if (filter.year.length && except !== "year") parts.push(sql`cs.year = ${anyOf(filter.year)}`);
  return sql.join(parts, sql` and `);
}

const FROM = sql`case_studies cs join organizations o on o.id = cs.organization_id`;

async function facet(db: Db, filter: LibraryFilter, dimension: Dimension): Promise<{ value: string; count: number }[]> {
  const where = conditions(filter, dimension);
  const query =
    dimension === "technology"
      ? sql`select t.slug as value, count(*)::int as count from ${FROM} join case_study_technologies ct on ct.case_study_id = cs.id join technologies t on t.id = ct.technology_id where ${where} group by t.slug order by count desc, value`
      : dimension === "region"
        ? sql`select o.region_code as value, count(*)::int as count from ${FROM} where ${where} and o.region_code is not null group by o.region_code order by value`
        : dimension === "stage"
          ? sql`select cs.stage as value, count(*)::int as count from ${FROM} where ${where} and cs.stage is not null group by cs.stage`
          : dimension === "kind"
            ? sql`select o.kind as value, count(*)::int as count from ${FROM} where ${where} group by o.kind order by value`
            : sql`select cs.year::text as value, count(*)::int as count from ${FROM} where ${where} and cs.year is not null group by cs.year order by cs.year desc`;
  return queryRows(db, query);
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

/** One page of published case studies matching the filter, with the facets around it. */
export async function searchLibrary(db: Db, filter: LibraryFilter): Promise<LibraryResult> {
  const where = conditions(filter);
  const rank = filter.q ? sql`ts_rank(cs.search, ${tsQuery(filter.q)})` : sql`0`;
  const snippet = filter.q
    ? sql`ts_headline((case cs.language when 'fr' then 'lr_french' when 'es' then 'lr_spanish' else 'lr_english' end)::regconfig, cs.summary, ${tsQuery(filter.q)}, ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=40, MinWords=20`})`
    : sql`null`;
  const sort = filter.sort === "relevance" && !filter.q ? "recent" : filter.sort;
  const [counted, hits, technology, region, stage, kind, year] = await Promise.all([
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from ${FROM} where ${where}`),
    queryRows<Record<string, unknown>>(
      db,
      sql`select cs.id, cs.slug, cs.title, cs.summary, cs.stage, cs.year, cs.language, cs.published_at, o.name as organization, o.region_code,
                 ${rank} as rank, ${snippet} as snippet
          from ${FROM} where ${where} order by ${ORDER[sort]} limit ${PAGE_SIZE} offset ${(filter.page - 1) * PAGE_SIZE}`,
    ),
    facet(db, filter, "technology"),
    facet(db, filter, "region"),
    facet(db, filter, "stage"),
    facet(db, filter, "kind"),
    facet(db, filter, "year"),
  ]);
  return {
    total: counted[0]?.total ?? 0,
    hits: hits.map((r) => ({
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
    })),
    facets: { technology, region, stage, kind, year },
  };
}
