import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "#src/db/client.ts";
import { MARK_END, MARK_START } from "#src/features/case-studies/library.ts";
import type { Language } from "#src/domain/languages.ts";

// One search over what a person may read: sections of published editions (or, for the
// secretariat, of the living draft), published case studies, events with their outcomes, and
// (for the secretariat) the recommendation register. Every language's configuration strips
// accents, so "donnees" finds "données"; the query is read in all three, so a word finds its stems.

export const SEARCH_KINDS = ["section", "case-study", "event", "survey-question", "recommendation"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export type SearchQuery = {
  q: string;
  /** The reader's language: which pages of an edition to search. */
  lang: Language;
  kinds: SearchKind[];
  technology?: string | undefined;
  region?: string | undefined;
  /** An edition label; "latest" (each report's newest published edition); "all"; "draft" (secretariat only). */
  edition: string;
  /** The secretariat may search the living draft and the register. */
  secretariat: boolean;
  limit: number;
  offset: number;
};

export type SearchHit = { kind: SearchKind; title: string; snippet: string; url: string; rank: number; context: string | null };

const tsQuery = (q: string) => sql`(websearch_to_tsquery('lr_english', ${q}) || websearch_to_tsquery('lr_french', ${q}) || websearch_to_tsquery('lr_spanish', ${q}))`;
const configOf = (column: SQL) => sql`(case ${column} when 'fr' then 'lr_french' when 'es' then 'lr_spanish' else 'lr_english' end)::regconfig`;
const headline = (config: SQL, text: SQL, q: string) => sql`ts_headline(${config}, ${text}, ${tsQuery(q)}, ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter= … `})`;
/** A multilingual text (jsonb en/fr/es) as one document, each language under its own configuration. */
const textsDocument = (column: SQL) =>
  sql`(to_tsvector('lr_english', coalesce(${column}->>'en', '')) || to_tsvector('lr_french', coalesce(${column}->>'fr', '')) || to_tsvector('lr_spanish', coalesce(${column}->>'es', '')))`;
const textIn = (column: SQL, lang: Language) => sql`coalesce(nullif(${column}->>${lang}, ''), ${column}->>'en', '')`;

function editionSections(query: SearchQuery): SQL | undefined {
  if (query.region) return undefined; // sections belong to no region
  const edition =
    query.edition === "all"
      ? sql`true`
      : query.edition === "latest"
        ? sql`ed.id in (select distinct on (report_id) id from editions where status = 'published' order by report_id, edition_date desc, published_at desc)`
        : sql`ed.label = ${query.edition}`;
  return sql`
    select 'section' as kind, e.title, ${headline(configOf(sql`e.text_language`), sql`e.body`, query.q)} as snippet, e.url,
      ts_rank(e.document, ${tsQuery(query.q)}) as rank, ed.label as context
    from search_entries e join editions ed on ed.id = e.edition_id
    where ed.status = 'published' and e.language = ${query.lang} and ${edition} and e.document @@ ${tsQuery(query.q)}
      ${query.technology ? sql`and ${query.technology} = any(e.technologies)` : sql``}`;
}

function draftSections(query: SearchQuery): SQL | undefined {
  if (query.region) return undefined;
  const document = sql`to_tsvector(${configOf(sql`h.language`)}, r.heading || ' ' || r.body)`;
  return sql`
    select 'section' as kind, r.heading as title, ${headline(configOf(sql`h.language`), sql`r.body`, query.q)} as snippet,
      '/draft/' || rep.slug || '/' || h.language || '/' || c.slug || '#' || s.slug as url,
      ts_rank(${document}, ${tsQuery(query.q)}) as rank, 'draft' as context
    from section_heads h
      join section_revisions r on r.id = h.revision_id
      join sections s on s.id = h.section_id and s.removed_at is null
      join chapters c on c.id = s.chapter_id and c.removed_at is null
      join reports rep on rep.id = c.report_id
      left join technologies t on t.id = c.technology_id
    where h.language = ${query.lang} and ${document} @@ ${tsQuery(query.q)}
      ${query.technology ? sql`and t.slug = ${query.technology}` : sql``}`;
}

function caseStudies(query: SearchQuery): SQL {
  return sql`
    select 'case-study' as kind, cs.title, ${headline(configOf(sql`cs.language`), sql`cs.summary`, query.q)} as snippet, '/case-studies/' || cs.slug as url,
      ts_rank(cs.search, ${tsQuery(query.q)}) as rank, o.name as context
    from case_studies cs join organizations o on o.id = cs.organization_id
    where cs.state = 'published' and cs.search @@ ${tsQuery(query.q)}
      ${query.region ? sql`and o.region_code = ${query.region}` : sql``}
      ${query.technology ? sql`and exists (select 1 from case_study_technologies ct join technologies t on t.id = ct.technology_id where ct.case_study_id = cs.id and t.slug = ${query.technology})` : sql``}`;
}

function events(query: SearchQuery): SQL {
  const outcomes = sql`(select coalesce(string_agg(coalesce(x.texts->>'en', '') || ' ' || coalesce(x.texts->>'fr', '') || ' ' || coalesce(x.texts->>'es', ''), ' '), '') from outcomes x where x.event_id = ev.id)`;
  const doc = sql`(setweight(to_tsvector('lr_english', ev.title), 'A') || to_tsvector('lr_english', ev.summary || ' ' || ev.organizers || ' ' || coalesce(ev.place, '')) || to_tsvector('lr_english', ${outcomes}) || to_tsvector('lr_french', ${outcomes}) || to_tsvector('lr_spanish', ${outcomes}))`;
  return sql`
    select 'event' as kind, ev.title, ${headline(sql`'lr_english'::regconfig`, sql`ev.summary || ' ' || ${outcomes}`, query.q)} as snippet,
      '/reports/' || rep.slug || '/events/' || ev.slug as url, ts_rank(${doc}, ${tsQuery(query.q)}) as rank, ev.starts_on::text as context
    from events ev join reports rep on rep.id = ev.report_id
    where ${doc} @@ ${tsQuery(query.q)}
      ${query.region ? sql`and ev.region_code = ${query.region}` : sql``}
      ${query.technology ? sql`and exists (select 1 from outcomes x where x.event_id = ev.id and x.technology_slugs ? ${query.technology})` : sql``}`;
}

function recommendations(query: SearchQuery): SQL | undefined {
  if (query.region) return undefined;
  const document = textsDocument(sql`rec.texts`);
  return sql`
    select 'recommendation' as kind, rec.slug as title, ${headline(configOf(sql`${query.lang}`), textIn(sql`rec.texts`, query.lang), query.q)} as snippet,
      '/editor/recommendations/' || rec.id as url, ts_rank(${document}, ${tsQuery(query.q)}) as rank, rec.status as context
    from recommendations rec
    where ${document} @@ ${tsQuery(query.q)}
      ${query.technology ? sql`and exists (select 1 from recommendation_technologies rt join technologies t on t.id = rt.technology_id where rt.recommendation_id = rec.id and t.slug = ${query.technology})` : sql``}`;
}

function surveyQuestions(query: SearchQuery): SQL | undefined {
  if (query.region || query.technology) return undefined; // a question belongs to no region, and the filter means evidence about one technology
  const document = textsDocument(sql`q.value->'text'`);
  return sql`
    select 'survey-question' as kind, ${textIn(sql`q.value->'text'`, query.lang)} as title, ${headline(configOf(sql`${query.lang}`), textIn(sql`q.value->'text'`, query.lang), query.q)} as snippet,
      '/surveys/' || sv.slug || '/results#q-' || (q.value->>'id') as url, ts_rank(${document}, ${tsQuery(query.q)}) as rank, ${textIn(sql`sv.titles`, query.lang)} as context
    from surveys sv
      join survey_versions v on v.id = sv.current_version_id
      cross join lateral jsonb_array_elements(v.definition->'sections') sec
      cross join lateral jsonb_array_elements(sec.value->'questions') q
    where sv.status <> 'draft' and ${document} @@ ${tsQuery(query.q)}`;
}

/** The hits of one query, best first, with how many there are in all and per kind. */
export async function search(db: Db, query: SearchQuery): Promise<{ hits: SearchHit[]; total: number; byKind: Record<SearchKind, number> }> {
  const byKind = Object.fromEntries(SEARCH_KINDS.map((k) => [k, 0])) as Record<SearchKind, number>;
  if (!query.q.trim()) return { hits: [], total: 0, byKind };
  const wanted = (kind: SearchKind) => !query.kinds.length || query.kinds.includes(kind);
  const parts: SQL[] = [];
  if (wanted("section")) {
    const part = query.edition === "draft" && query.secretariat ? draftSections(query) : editionSections(query);
    if (part) parts.push(part);
  }
  if (wanted("case-study")) parts.push(caseStudies(query));
  if (wanted("event")) parts.push(events(query));
  if (wanted("survey-question")) {
    const part = surveyQuestions(query);
    if (part) parts.push(part);
  }
  if (wanted("recommendation") && query.secretariat) {
    const part = recommendations(query);
    if (part) parts.push(part);
  }
  if (!parts.length) return { hits: [], total: 0, byKind };
  const union = sql.join(parts.map((p) => sql`(${p})`), sql` union all `);
  const [hits, counts] = await Promise.all([
    queryRows<SearchHit>(db, sql`select kind, title, snippet, url, rank::float8 as rank, context from (${union}) hits order by rank desc, title limit ${query.limit} offset ${query.offset}`),
    queryRows<{ kind: SearchKind; n: number }>(db, sql`select kind, count(*)::int as n from (${union}) hits group by kind`),
  ]);
  for (const c of counts) byKind[c.kind] = c.n;
  return { hits, total: counts.reduce((sum, c) => sum + c.n, 0), byKind };
}

/** The labels of published editions, newest first: the choices of the edition filter. */
export async function publishedEditionLabels(db: Db): Promise<string[]> {
  const rows = await queryRows<{ label: string }>(db, sql`select distinct label, max(edition_date) as d from editions where status = 'published' group by label order by d desc`);
  return rows.map((r) => r.label);
}
