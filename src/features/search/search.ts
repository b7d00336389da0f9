import { sql, type SQL } from "drizzle-orm";
import type { ChangeTopic } from "#src/db/changes.ts";
import { queryRows, type Db } from "#src/db/client.ts";
import { MARK_END, MARK_START } from "#src/features/case-studies/library.ts";
import type { Language } from "#src/domain/languages.ts";
import type { TopicCache } from "#src/lib/topic-cache.ts";

// One search over what a person may read: chapters and sections of published editions (or, for
// the secretariat, sections of the living draft), published case studies, events with their
// outcomes, and (for the secretariat) the recommendation register. Every language's configuration
// strips accents, so "donnees" finds "données"; the query is read in all three, so a word finds
// its stems, and its longer words also as prefixes; mistyped names are found by their trigrams.

export const SEARCH_KINDS = ["chapter", "section", "case-study", "event", "survey-question", "recommendation"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export type SearchQuery = {
  q: string;
  /** The reader's language: which pages of an edition to search (beside every text in its own language). */
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

export type SearchHit = {
  kind: SearchKind;
  title: string;
  snippet: string;
  url: string;
  rank: number;
  /** The edition's label ("draft" for the living draft), an organization, a date, a status. */
  context: string | null;
  /** The language of the hit's words, where known. */
  language: Language | null;
  /** For chapters and sections: the report's title and (for a section) its chapter's, in the page's language. */
  report: string | null;
  chapter: string | null;
  /** The language of the page the hit leads to (the trail's words are in it), where it is not the reader's. */
  pageLanguage: Language | null;
  /** Found by a close spelling (trigrams) rather than by its words. */
  close: boolean;
};

export type SearchResult = { hits: SearchHit[]; total: number; byKind: Record<SearchKind, number>; close: boolean };

/** How close a mistyped query must come to a name (pg_trgm word_similarity, 0 to 1). */
const CLOSE_ENOUGH = 0.5;
/** Below this many hits by words, close spellings are looked for too. */
const FEW = 3;

/** The query's words: letters and digits only, so nothing typed is ever read as tsquery syntax. */
export function queryWords(q: string): string[] {
  return (q.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12).map((w) => w.slice(0, 100));
}

/**
 * The query with each word of three letters or more read as a prefix ("blockch" finds
 * "blockchain"), as to_tsquery text built from letters and digits only; none when the query uses
 * websearch syntax (quotes, a minus, "or"), which the words then say exactly.
 */
export function prefixQueryText(q: string): string | null {
  if (/["]|(^|\s)-\S|(^|\s)or(\s|$)/i.test(q)) return null;
  const words = queryWords(q);
  if (!words.some((w) => w.length >= 3)) return null;
  return words.map((w) => (w.length >= 3 ? `'${w}':*` : `'${w}'`)).join(" & ");
}

/** The query read in all three languages, its longer words as prefixes. */
const tsQuery = (q: string) => {
  const prefixes = prefixQueryText(q);
  const words = sql`websearch_to_tsquery('lr_english', ${q}) || websearch_to_tsquery('lr_french', ${q}) || websearch_to_tsquery('lr_spanish', ${q})`;
  // The prefixes find all the words find (and more): one or the other, for a simpler query.
  return prefixes === null ? sql`(${words})` : sql`(to_tsquery('lr_english', ${prefixes}) || to_tsquery('lr_french', ${prefixes}) || to_tsquery('lr_spanish', ${prefixes}))`;
};
const configOf = (column: SQL) => sql`(case ${column} when 'fr' then 'lr_french' when 'es' then 'lr_spanish' else 'lr_english' end)::regconfig`;
const headline = (config: SQL, text: SQL, q: string) => sql`ts_headline(${config}, ${text}, ${tsQuery(q)}, ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter= … `})`;
/** What a hit's snippet is cut from: marked (ts_headline, the slow part) only for the hits of the page shown. */
const snippetOf = (config: SQL, text: SQL) => sql`${config} as snippet_config, ${text} as snippet_text`;
/** A multilingual text (jsonb en/fr/es) as one document, each language under its own configuration. */
const textsDocument = (column: SQL) =>
  sql`(to_tsvector('lr_english', coalesce(${column}->>'en', '')) || to_tsvector('lr_french', coalesce(${column}->>'fr', '')) || to_tsvector('lr_spanish', coalesce(${column}->>'es', '')))`;
const textIn = (column: SQL, lang: Language) => sql`coalesce(nullif(${column}->>${lang}, ''), ${column}->>'en', '')`;
const languageOf = (column: SQL, lang: Language) => sql`(case when nullif(${column}->>${lang}, '') is not null then ${lang}::text else 'en' end)`;
/** The query's words without their accents, for the trigram index of titles written with them. */
const withoutAccents = (q: string) => queryWords(q.normalize("NFD").replace(/\p{M}/gu, "")).join(" ");
/** How close the query comes to a name, accents and case aside. */
const closeness = (q: string, names: SQL) => sql`word_similarity(unaccent(lower(${q})), unaccent(lower(${names})))`;

/** A part of the search matches by its words, or (when they find few) by close spelling. */
type Mode = "words" | "close";
const NO_TRAIL = sql`null::text as language, null::text as report, null::text as chapter, null::text as page_language`;

/**
 * The chapters and sections of published editions: on the reader's language's pages, and every
 * text on the pages of its own language ("cadena de bloques" finds the Spanish text from the
 * English interface). The same chapter or section found on several pages is one hit, on the
 * reader's language's page when it is found there. A chapter whose title, technology or alias
 * the query names comes before its sections.
 */
function editionEntries(query: SearchQuery, kinds: ("chapter" | "section")[], mode: Mode): SQL | undefined {
  if (query.region || !kinds.length) return undefined; // chapters and sections belong to no region
  const edition =
    query.edition === "all"
      ? sql`true`
      : query.edition === "latest"
        ? sql`ed.id in (select distinct on (report_id) id from editions where status = 'published' order by report_id, edition_date desc, published_at desc)`
        : sql`ed.label = ${query.edition}`;
  const tsq = tsQuery(query.q);
  const match = mode === "words" ? sql`e.document @@ ${tsq}` : sql`${closeness(query.q, sql`e.terms`)} >= ${CLOSE_ENOUGH}`;
  const score =
    mode === "words"
      ? sql`ts_rank(e.document, ${tsq}) + (case when e.kind = 'chapter' and ts_filter(e.document, '{a}') @@ ${tsq} then 1 else 0 end)`
      : sql`${closeness(query.q, sql`e.terms`)} + (case when e.kind = 'chapter' then 0.1 else 0 end)`;
  return sql`
    select e.kind, e.title, ${snippetOf(configOf(sql`e.text_language`), sql`e.body`)}, e.url, e.score as rank, e.label as context,
      e.text_language as language, nullif(e.report_title, '') as report, nullif(e.chapter_title, '') as chapter, e.language as page_language
    from (
      select distinct on (e.edition_id, e.item_id) e.kind, e.title, e.body, e.url, e.language, e.text_language, e.report_title, e.chapter_title, ed.label, ${score} as score
      from search_entries e join editions ed on ed.id = e.edition_id
      where ed.status = 'published' and (e.language = ${query.lang} or e.language = e.text_language) and ${edition}
        and e.kind in (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)}) and ${match}
        ${query.technology ? sql`and ${query.technology} = any(e.technologies)` : sql``}
      order by e.edition_id, e.item_id, (e.language = ${query.lang}) desc, score desc
    ) e`;
}

function draftSections(query: SearchQuery): SQL | undefined {
  if (query.region) return undefined;
  const document = sql`to_tsvector(${configOf(sql`h.language`)}, r.heading || ' ' || r.body)`;
  return sql`
    select 'section' as kind, r.heading as title, ${snippetOf(configOf(sql`h.language`), sql`r.body`)},
      '/draft/' || rep.slug || '/' || h.language || '/' || c.slug || '#' || s.slug as url,
      ts_rank(${document}, ${tsQuery(query.q)}) as rank, 'draft' as context,
      h.language as language, ${textIn(sql`rep.titles`, query.lang)} as report, ${textIn(sql`c.titles`, query.lang)} as chapter, null::text as page_language
    from section_heads h
      join section_revisions r on r.id = h.revision_id
      join sections s on s.id = h.section_id and s.removed_at is null
      join chapters c on c.id = s.chapter_id and c.removed_at is null
      join reports rep on rep.id = c.report_id
      left join technologies t on t.id = c.technology_id
    where h.language = ${query.lang} and ${document} @@ ${tsQuery(query.q)}
      ${query.technology ? sql`and t.slug = ${query.technology}` : sql``}`;
}

function caseStudies(query: SearchQuery, mode: Mode): SQL {
  const tsq = tsQuery(query.q);
  // Close spellings through the titles' trigram index (<%: pg_trgm's word_similarity_threshold, 0.6).
  const match = mode === "words" ? sql`cs.search @@ ${tsq}` : sql`${withoutAccents(query.q)} <% cs.title`;
  const rank = mode === "words" ? sql`ts_rank(cs.search, ${tsq})` : closeness(query.q, sql`cs.title`);
  return sql`
    select 'case-study' as kind, cs.title, ${snippetOf(configOf(sql`cs.language`), sql`cs.summary`)}, '/case-studies/' || cs.slug as url,
      ${rank} as rank, o.name as context, cs.language as language, null::text as report, null::text as chapter, null::text as page_language
    from case_studies cs join organizations o on o.id = cs.organization_id
    where cs.state = 'published' and ${match}
      ${query.region ? sql`and o.region_code = ${query.region}` : sql``}
      ${query.technology ? sql`and exists (select 1 from case_study_technologies ct join technologies t on t.id = ct.technology_id where ct.case_study_id = cs.id and t.slug = ${query.technology})` : sql``}`;
}

function events(query: SearchQuery): SQL {
  const outcomes = sql`(select coalesce(string_agg(coalesce(x.texts->>'en', '') || ' ' || coalesce(x.texts->>'fr', '') || ' ' || coalesce(x.texts->>'es', ''), ' '), '') from outcomes x where x.event_id = ev.id)`;
  const doc = sql`(setweight(to_tsvector('lr_english', ev.title), 'A') || to_tsvector('lr_english', ev.summary || ' ' || ev.organizers || ' ' || coalesce(ev.place, '')) || to_tsvector('lr_english', ${outcomes}) || to_tsvector('lr_french', ${outcomes}) || to_tsvector('lr_spanish', ${outcomes}))`;
  return sql`
    select 'event' as kind, ev.title, ${snippetOf(sql`'lr_english'::regconfig`, sql`ev.summary || ' ' || ${outcomes}`)},
      '/reports/' || rep.slug || '/events/' || ev.slug as url, ts_rank(${doc}, ${tsQuery(query.q)}) as rank, ev.starts_on::text as context, ${NO_TRAIL}
    from events ev join reports rep on rep.id = ev.report_id
    where ${doc} @@ ${tsQuery(query.q)}
      ${query.region ? sql`and ev.region_code = ${query.region}` : sql``}
      ${query.technology ? sql`and exists (select 1 from outcomes x where x.event_id = ev.id and x.technology_slugs ? ${query.technology})` : sql``}`;
}

function recommendations(query: SearchQuery): SQL | undefined {
  if (query.region) return undefined;
  const document = textsDocument(sql`rec.texts`);
  return sql`
    select 'recommendation' as kind, rec.slug as title, ${snippetOf(configOf(languageOf(sql`rec.texts`, query.lang)), textIn(sql`rec.texts`, query.lang))},
      '/editor/recommendations/' || rec.id as url, ts_rank(${document}, ${tsQuery(query.q)}) as rank, rec.status as context,
      ${languageOf(sql`rec.texts`, query.lang)} as language, null::text as report, null::text as chapter, null::text as page_language
    from recommendations rec
    where ${document} @@ ${tsQuery(query.q)}
      ${query.technology ? sql`and exists (select 1 from recommendation_technologies rt join technologies t on t.id = rt.technology_id where rt.recommendation_id = rec.id and t.slug = ${query.technology})` : sql``}`;
}

function surveyQuestions(query: SearchQuery): SQL | undefined {
  if (query.region || query.technology) return undefined; // a question belongs to no region, and the filter means evidence about one technology
  const document = textsDocument(sql`q.value->'text'`);
  return sql`
    select 'survey-question' as kind, ${textIn(sql`q.value->'text'`, query.lang)} as title, ${snippetOf(configOf(languageOf(sql`q.value->'text'`, query.lang)), textIn(sql`q.value->'text'`, query.lang))},
      '/surveys/' || sv.slug || '/results#q-' || (q.value->>'id') as url, ts_rank(${document}, ${tsQuery(query.q)}) as rank, ${textIn(sql`sv.titles`, query.lang)} as context,
      ${languageOf(sql`q.value->'text'`, query.lang)} as language, null::text as report, null::text as chapter, null::text as page_language
    from surveys sv
      join survey_versions v on v.id = sv.current_version_id
      cross join lateral jsonb_array_elements(v.definition->'sections') sec
      cross join lateral jsonb_array_elements(sec.value->'questions') q
    where sv.status <> 'draft' and ${document} @@ ${tsQuery(query.q)}`;
}

/** The parts a query runs over, by words or by close spelling (chapters, headings and case-study titles only). */
function parts(query: SearchQuery, mode: Mode): SQL[] {
  const wanted = (kind: SearchKind) => !query.kinds.length || query.kinds.includes(kind);
  const found: (SQL | undefined)[] = [];
  if (query.edition === "draft" && query.secretariat) {
    if (mode === "words" && wanted("section")) found.push(draftSections(query));
  } else {
    found.push(editionEntries(query, (["chapter", "section"] as const).filter(wanted), mode));
  }
  if (wanted("case-study")) found.push(caseStudies(query, mode));
  if (mode === "words") {
    if (wanted("event")) found.push(events(query));
    if (wanted("survey-question")) found.push(surveyQuestions(query));
    if (wanted("recommendation") && query.secretariat) found.push(recommendations(query));
  }
  return found.filter((p): p is SQL => p !== undefined);
}

const hitColumns = (q: string) => sql`kind, title, ${headline(sql`snippet_config`, sql`snippet_text`, q)} as snippet, url, rank::float8 as rank, context, language, report, chapter, page_language as "pageLanguage"`;
/** One page of the hits, best first, their snippets marked. */
const pageOf = (q: string, union: SQL, limit: number, offset: number) =>
  sql`select ${hitColumns(q)} from (select * from (${union}) hits order by rank desc, title limit ${limit} offset ${offset}) hits order by rank desc, title`;

type Row = Omit<SearchHit, "close"> & { n: number | null };

/**
 * One page of the hits and how many there are of each kind, in one statement: the matches are
 * found once (they were found twice, for the page and for the counts, when that was the slow part).
 * Rows with a count are the counts; the others are the page's hits, best first.
 */
const pageAndCounts = (q: string, union: SQL, limit: number, offset: number) =>
  sql`with hits as materialized (${union})
    select kind, title, snippet, url, rank, context, language, report, chapter, "pageLanguage", n from (
      select ${hitColumns(q)}, null::int as n, row_number() over (order by rank desc, title) as position
        from (select * from hits order by rank desc, title limit ${limit} offset ${offset}) page
      union all
      select kind, null, null, null, null, null, null, null, null, null, count(*)::int, 0 from hits group by kind
    ) found order by n nulls first, position`;

/** What search results depend on: a cached result is kept until one of them changes. */
export function searchTopics(query: SearchQuery): ChangeTopic[] {
  const topics: ChangeTopic[] = ["editions", "case-studies", "catalog", "events", "surveys"];
  return query.edition === "draft" && query.secretariat ? [...topics, "draft"] : topics;
}

/** Where results are kept (app.topicCache); without one, every call asks the database. */
export type SearchCache = Pick<TopicCache<ChangeTopic>, "get">;

/**
 * The hits of one query, best first, with how many there are in all and per kind. When its
 * words find fewer than three things, names spelled closely to the query (chapter titles,
 * technologies and their aliases, headings, case-study titles) follow them ("blokchain"). With a
 * cache, the result is kept per query (the reader's language and role included) until something
 * it searches changes.
 */
export function search(db: Db, query: SearchQuery, cache?: SearchCache): Promise<SearchResult> {
  if (!cache) return searchNow(db, query);
  const key = JSON.stringify([query.q, query.lang, [...query.kinds].sort(), query.technology ?? null, query.region ?? null, query.edition, query.secretariat, query.limit, query.offset]);
  return cache.get(`search:${key}`, searchTopics(query), () => searchNow(db, query));
}

async function searchNow(db: Db, query: SearchQuery): Promise<SearchResult> {
  const byKind = Object.fromEntries(SEARCH_KINDS.map((k) => [k, 0])) as Record<SearchKind, number>;
  if (!queryWords(query.q).length) return { hits: [], total: 0, byKind, close: false };
  const exact = parts(query, "words");
  if (!exact.length) return { hits: [], total: 0, byKind, close: false };
  const union = sql.join(exact.map((p) => sql`(${p})`), sql` union all `);
  const rows = await queryRows<Row>(db, pageAndCounts(query.q, union, query.limit, query.offset));
  const hits: SearchHit[] = [];
  let total = 0;
  for (const { n, ...hit } of rows) {
    if (n === null) hits.push({ ...hit, close: false });
    else {
      byKind[hit.kind] = n;
      total += n;
    }
  }
  let close = false;
  if (total < FEW && query.offset === 0) {
    const near = parts(query, "close");
    if (near.length) {
      const seen = new Set(hits.map((h) => h.url));
      const rows = await queryRows<Omit<SearchHit, "close">>(db, pageOf(query.q, sql.join(near.map((p) => sql`(${p})`), sql` union all `), query.limit, 0));
      for (const row of rows) {
        if (seen.has(row.url)) continue;
        seen.add(row.url);
        byKind[row.kind] += 1;
        total += 1;
        close = true;
        if (hits.length < query.limit) hits.push({ ...row, close: true });
      }
    }
  }
  return { hits, total, byKind, close };
}

/** The labels of published editions, newest first: the choices of the edition filter. */
export async function publishedEditionLabels(db: Db): Promise<string[]> {
  const rows = await queryRows<{ label: string }>(db, sql`select distinct label, max(edition_date) as d from editions where status = 'published' group by label order by d desc`);
  return rows.map((r) => r.label);
}
