import { and, asc, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { queryRows, type Db } from "#src/db/client.ts";
import { caseStudies, caseStudyEvents, caseStudyFiles, caseStudyTechnologies, caseStudyVersions, reportAnnex } from "#src/db/schema/case-studies.ts";
import { notifications } from "#src/db/schema/notifications.ts";
import { organizations, regions, users } from "#src/db/schema/members.ts";
import { reports, technologies } from "#src/db/schema/reports.ts";
import { SEARCH_CONFIG, type CaseStudyFields, type CaseStudyState } from "#src/domain/case-studies.ts";
import type { LocalizedText } from "#src/domain/languages.ts";
import { containsWords } from "#src/db/words.ts";

export type CaseStudyRow = typeof caseStudies.$inferSelect;
export type VersionRow = typeof caseStudyVersions.$inferSelect;
export type FileRow = typeof caseStudyFiles.$inferSelect;
export type FileInfo = Omit<FileRow, "data">;

// Case studies

export async function insertCaseStudy(tx: Db, values: typeof caseStudies.$inferInsert): Promise<CaseStudyRow> {
  const [row] = await tx.insert(caseStudies).values(values).returning();
  return row!;
}

export async function getCaseStudy(db: Db, id: string): Promise<CaseStudyRow | undefined> {
  const [row] = await db.select().from(caseStudies).where(eq(caseStudies.id, id));
  return row;
}

export async function getCaseStudyBySlug(db: Db, slug: string): Promise<CaseStudyRow | undefined> {
  const [row] = await db.select().from(caseStudies).where(eq(caseStudies.slug, slug));
  return row;
}

/** Locks a case study for a state change or an edit (the second of two concurrent moves waits, then sees the first). */
export async function lockCaseStudy(tx: Db, id: string): Promise<CaseStudyRow | undefined> {
  const [row] = await tx.select().from(caseStudies).where(eq(caseStudies.id, id)).for("update");
  return row;
}

export async function updateCaseStudy(tx: Db, id: string, values: Partial<typeof caseStudies.$inferInsert>) {
  const [row] = await tx.update(caseStudies).set({ ...values, updatedAt: sql`now()` }).where(eq(caseStudies.id, id)).returning();
  return row!;
}

export async function slugsLike(db: Db, prefix: string): Promise<string[]> {
  const rows = await db.select({ slug: caseStudies.slug }).from(caseStudies).where(sql`${caseStudies.slug} like ${`${prefix}%`}`);
  return rows.map((r) => r.slug);
}

/** Rebuilds the search document from a version: title weighs most, then the summary, then the rest. */
export async function refreshSearch(tx: Db, id: string, fields: CaseStudyFields) {
  const config = SEARCH_CONFIG[fields.language];
  const rest = [fields.problem, fields.solution, fields.results, fields.lessons, fields.partners].join("\n");
  await tx.execute(sql`
    update case_studies set search =
      setweight(to_tsvector(${config}::regconfig, ${fields.title}), 'A') ||
      setweight(to_tsvector(${config}::regconfig, ${fields.summary}), 'B') ||
      setweight(to_tsvector(${config}::regconfig, ${rest}), 'C')
    where id = ${id}`);
}

export async function setTechnologies(tx: Db, id: string, technologyIds: string[]) {
  await tx.delete(caseStudyTechnologies).where(eq(caseStudyTechnologies.caseStudyId, id));
  if (technologyIds.length) await tx.insert(caseStudyTechnologies).values(technologyIds.map((technologyId) => ({ caseStudyId: id, technologyId })));
}

// Versions

export async function insertVersion(tx: Db, values: { caseStudyId: string; fields: CaseStudyFields; note: string; authorId: string | null }): Promise<VersionRow> {
  const [row] = await tx
    .insert(caseStudyVersions)
    .values({ ...values, number: sql`(select coalesce(max(number), 0) + 1 from case_study_versions where case_study_id = ${values.caseStudyId})` })
    .returning();
  return row!;
}

export async function getVersion(db: Db, id: number): Promise<VersionRow | undefined> {
  const [row] = await db.select().from(caseStudyVersions).where(eq(caseStudyVersions.id, id));
  return row;
}

export async function versionsByIds(db: Db, ids: number[]): Promise<VersionRow[]> {
  return ids.length ? db.select().from(caseStudyVersions).where(inArray(caseStudyVersions.id, ids)) : [];
}

export const listVersions = (db: Db, caseStudyId: string) =>
  db
    .select({ id: caseStudyVersions.id, number: caseStudyVersions.number, note: caseStudyVersions.note, createdAt: caseStudyVersions.createdAt, author: users.name })
    .from(caseStudyVersions)
    .leftJoin(users, eq(users.id, caseStudyVersions.authorId))
    .where(eq(caseStudyVersions.caseStudyId, caseStudyId))
    .orderBy(desc(caseStudyVersions.number));

// Moderation events and notifications

/** Records a move; returns the event's id. */
export async function insertEvent(tx: Db, values: typeof caseStudyEvents.$inferInsert): Promise<number> {
  const [row] = await tx.insert(caseStudyEvents).values(values).returning({ id: caseStudyEvents.id });
  return row!.id;
}

export const listEvents = (db: Db, caseStudyId: string) =>
  db
    .select({ id: caseStudyEvents.id, fromState: caseStudyEvents.fromState, toState: caseStudyEvents.toState, message: caseStudyEvents.message, createdAt: caseStudyEvents.createdAt, actor: users.name })
    .from(caseStudyEvents)
    .leftJoin(users, eq(users.id, caseStudyEvents.actorId))
    .where(eq(caseStudyEvents.caseStudyId, caseStudyId))
    .orderBy(desc(caseStudyEvents.id));

/**
 * Dates a case study's history as it happened, given when it reached each state (`draft`: when it
 * was written): its versions, its moves and their notifications, and its own creation, submission
 * and publication times. For history loaded after the fact (the demo's case studies, received and
 * published years before the demo is loaded); inside the transaction that made the moves.
 */
export async function dateHistory(tx: Db, id: string, reached: { draft: Date } & Partial<Record<CaseStudyState, Date>>) {
  for (const [state, at] of Object.entries(reached)) {
    await tx.update(caseStudyEvents).set({ createdAt: at }).where(and(eq(caseStudyEvents.caseStudyId, id), eq(caseStudyEvents.toState, state)));
    await tx.update(notifications).set({ createdAt: at }).where(and(eq(notifications.href, `/member/case-studies/${id}`), eq(notifications.messageKey, `notify.caseStudy.${state}`)));
  }
  await tx.update(caseStudyVersions).set({ createdAt: reached.draft }).where(eq(caseStudyVersions.caseStudyId, id));
  const last = new Date(Math.max(...Object.values(reached).map((d) => d.getTime())));
  await tx
    .update(caseStudies)
    .set({ createdAt: reached.draft, updatedAt: last, ...(reached.submitted ? { submittedAt: reached.submitted } : {}), ...(reached.published ? { publishedAt: reached.published } : {}) })
    .where(eq(caseStudies.id, id));
}

// Files

// Everything about a file but its bytes, for lists.
const fileInfo = {
    id: caseStudyFiles.id,
    caseStudyId: caseStudyFiles.caseStudyId,
    kind: caseStudyFiles.kind,
    filename: caseStudyFiles.filename,
    mediaType: caseStudyFiles.mediaType,
    size: caseStudyFiles.size,
    sha256: caseStudyFiles.sha256,
    removedAt: caseStudyFiles.removedAt,
    createdBy: caseStudyFiles.createdBy,
    createdAt: caseStudyFiles.createdAt,
};

export async function insertFile(tx: Db, values: typeof caseStudyFiles.$inferInsert): Promise<FileInfo> {
  const [row] = await tx.insert(caseStudyFiles).values(values).returning(fileInfo);
  return row!;
}

export async function getFile(db: Db, id: string): Promise<FileRow | undefined> {
  const [row] = await db.select().from(caseStudyFiles).where(eq(caseStudyFiles.id, id));
  return row;
}

export const listFiles = (db: Db, caseStudyId: string): Promise<FileInfo[]> =>
  db
    .select(fileInfo)
    .from(caseStudyFiles)
    .where(and(eq(caseStudyFiles.caseStudyId, caseStudyId), isNull(caseStudyFiles.removedAt)))
    .orderBy(asc(caseStudyFiles.createdAt));

export async function removeFile(tx: Db, id: string) {
  await tx.update(caseStudyFiles).set({ removedAt: sql`now()` }).where(and(eq(caseStudyFiles.id, id), eq(caseStudyFiles.kind, "attachment")));
}

// Lists for members and editors

const listColumns = {
  id: caseStudies.id,
  slug: caseStudies.slug,
  title: caseStudies.title,
  state: caseStudies.state,
  stage: caseStudies.stage,
  year: caseStudies.year,
  updatedAt: caseStudies.updatedAt,
  submittedAt: caseStudies.submittedAt,
  organization: organizations.name,
  organizationId: caseStudies.organizationId,
};
export type CaseStudyListRow = { id: string; slug: string; title: string; state: CaseStudyState; stage: string | null; year: number | null; updatedAt: Date; submittedAt: Date | null; organization: string; organizationId: string };

export const listForOrganization = (db: Db, organizationId: string): Promise<CaseStudyListRow[]> =>
  db.select(listColumns).from(caseStudies).innerJoin(organizations, eq(organizations.id, caseStudies.organizationId)).where(eq(caseStudies.organizationId, organizationId)).orderBy(desc(caseStudies.updatedAt));

/** Everything but drafts, optionally in some states, oldest submission first (the moderation queue). */
export const listForEditors = (db: Db, states: CaseStudyState[]): Promise<CaseStudyListRow[]> =>
  db
    .select(listColumns)
    .from(caseStudies)
    .innerJoin(organizations, eq(organizations.id, caseStudies.organizationId))
    .where(and(ne(caseStudies.state, "draft"), states.length ? inArray(caseStudies.state, states) : undefined))
    .orderBy(asc(caseStudies.submittedAt))
    .limit(500);

/** The secretariat's last message on each of an organization's case studies that has one (changes requested, retirement note): "My work" shows it. */
export async function stateMessagesFor(db: Db, organizationId: string): Promise<Map<string, string>> {
  const rows = await db.select({ id: caseStudies.id, message: caseStudies.stateMessage }).from(caseStudies).where(and(eq(caseStudies.organizationId, organizationId), sql`${caseStudies.stateMessage} is not null`));
  return new Map(rows.map((r) => [r.id, r.message!]));
}

export async function stateCounts(db: Db): Promise<Partial<Record<CaseStudyState, number>>> {
  const rows = await db.select({ state: caseStudies.state, n: sql<number>`count(*)::int` }).from(caseStudies).groupBy(caseStudies.state);
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

/** The technologies of some case studies, by case study. */
export async function technologiesOf(db: Db, ids: string[]) {
  if (!ids.length) return new Map<string, (typeof technologies.$inferSelect)[]>();
  const rows = await db
    .select({ caseStudyId: caseStudyTechnologies.caseStudyId, tech: technologies })
    .from(caseStudyTechnologies)
    .innerJoin(technologies, eq(technologies.id, caseStudyTechnologies.technologyId))
    .where(inArray(caseStudyTechnologies.caseStudyId, ids))
    .orderBy(asc(technologies.slug));
  const map = new Map<string, (typeof technologies.$inferSelect)[]>();
  for (const r of rows) map.set(r.caseStudyId, [...(map.get(r.caseStudyId) ?? []), r.tech]);
  return map;
}

export async function organizationOf(db: Db, id: string) {
  const [row] = await db
    .select({ org: organizations, region: regions })
    .from(organizations)
    .leftJoin(regions, eq(regions.code, organizations.regionCode))
    .where(eq(organizations.id, id));
  return row;
}

// Near duplicates

export type SimilarRow = { id: string; slug: string; title: string; state: CaseStudyState; organization: string; similarity: number; sameOrganization: boolean; sameTechnology: boolean };

/**
 * Existing case studies like the given title and summary (trigram similarity), ranked higher when
 * they come from the same organization or share a technology. Drafts and retired ones are left out.
 */
export async function findSimilar(db: Db, input: { excludeId: string | null; title: string; summary: string; organizationId: string; technologyIds: string[] }): Promise<SimilarRow[]> {
  const techs = input.technologyIds.length ? sql`array[${sql.join(input.technologyIds.map((t) => sql`${t}::uuid`), sql`, `)}]` : sql`array[]::uuid[]`;
  const rows = await queryRows<Record<string, unknown>>(db, sql`
    select cs.id, cs.slug, cs.title, cs.state, o.name as organization,
           greatest(similarity(cs.title, ${input.title}), similarity(cs.summary, ${input.summary})) as similarity,
           cs.organization_id = ${input.organizationId}::uuid as same_organization,
           exists (select 1 from case_study_technologies ct where ct.case_study_id = cs.id and ct.technology_id = any(${techs})) as same_technology
    from case_studies cs join organizations o on o.id = cs.organization_id
    where cs.state not in ('draft', 'retired')
      and cs.id is distinct from ${input.excludeId}::uuid
      and (cs.title % ${input.title} or similarity(cs.summary, ${input.summary}) > 0.3)
    order by greatest(similarity(cs.title, ${input.title}), similarity(cs.summary, ${input.summary}))
             + case when cs.organization_id = ${input.organizationId}::uuid then 0.15 else 0 end
             + case when exists (select 1 from case_study_technologies ct where ct.case_study_id = cs.id and ct.technology_id = any(${techs})) then 0.1 else 0 end desc
    limit 5`);
  return rows.map((r) => ({
    id: String(r.id),
    slug: String(r.slug),
    title: String(r.title),
    state: r.state as CaseStudyState,
    organization: String(r.organization),
    similarity: Number(r.similarity),
    sameOrganization: Boolean(r.same_organization),
    sameTechnology: Boolean(r.same_technology),
  }));
}

// The annex of a report's next edition

export const listAnnex = (db: Db, reportId: string) =>
  db
    .select({ ...listColumns, position: reportAnnex.position, currentVersionId: caseStudies.currentVersionId })
    .from(reportAnnex)
    .innerJoin(caseStudies, eq(caseStudies.id, reportAnnex.caseStudyId))
    .innerJoin(organizations, eq(organizations.id, caseStudies.organizationId))
    .where(eq(reportAnnex.reportId, reportId))
    .orderBy(asc(reportAnnex.position));

/** The report's annex, locked; the report row is locked first, so that two first additions to an empty annex take turns. */
export async function lockAnnex(tx: Db, reportId: string) {
  await tx.select({ id: reports.id }).from(reports).where(eq(reports.id, reportId)).for("update");
  return tx.select().from(reportAnnex).where(eq(reportAnnex.reportId, reportId)).orderBy(asc(reportAnnex.position)).for("update");
}

export async function replaceAnnex(tx: Db, reportId: string, caseStudyIds: string[]) {
  await tx.delete(reportAnnex).where(eq(reportAnnex.reportId, reportId));
  if (caseStudyIds.length) await tx.insert(reportAnnex).values(caseStudyIds.map((caseStudyId, position) => ({ reportId, caseStudyId, position })));
}

// Candidates for a report's texts (the editor's picker)

export type CaseStudyCandidateRow = { id: string; slug: string; title: string; state: CaseStudyState; organization: string; technologies: LocalizedText[] };

/**
 * Case studies a text may place: by slug (any state), or every word typed found in the title,
 * slug, organization or technologies (in any language); drafts stay with their organization.
 * Published ones first.
 */
export function findCandidates(db: Db, filter: { words: string[]; ref?: string | undefined; limit: number }): Promise<CaseStudyCandidateRow[]> {
  const techNames = sql`coalesce((select string_agg(n.value, ' ') from case_study_technologies ct join technologies t on t.id = ct.technology_id cross join jsonb_each_text(t.names) n where ct.case_study_id = cs.id), '')`;
  const haystack = sql`cs.title || ' ' || cs.slug || ' ' || o.name || ' ' || coalesce(o.short_name, '') || ' ' || ${techNames}`;
  const where = filter.ref !== undefined ? sql`cs.slug = ${filter.ref}` : sql`cs.state <> 'draft' and ${containsWords(haystack, filter.words) ?? sql`true`}`;
  return queryRows<CaseStudyCandidateRow>(
    db,
    sql`select cs.id, cs.slug, cs.title, cs.state, o.name as organization,
      coalesce((select json_agg(t.names order by t.slug) from case_study_technologies ct join technologies t on t.id = ct.technology_id where ct.case_study_id = cs.id), '[]') as technologies
    from case_studies cs join organizations o on o.id = cs.organization_id
    where ${where}
    order by (cs.state = 'published') desc, lower(cs.title), cs.slug
    limit ${filter.limit}`,
  );
}

