import { and, desc, eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "#src/db/client.ts";
import { editionItems, editions } from "#src/db/schema/editions.ts";
import { reports } from "#src/db/schema/reports.ts";
import * as repo from "#src/features/case-studies/repository.ts";
import type { CaseStudyView } from "#src/features/case-studies/views/case-study.tsx";
import { TEXT_FIELDS, type CaseStudyFields } from "#src/domain/case-studies.ts";
import type { Language } from "#src/domain/languages.ts";
import { localized, primaryOf } from "#src/domain/languages.ts";
import { appError } from "#src/lib/errors.ts";
import { wordDiff } from "#src/lib/merge.ts";

// Everything a case study's pages show, loaded in a few queries.

export async function loadCaseStudyView(db: Db, cs: repo.CaseStudyRow, lang: Language, options: { similar: boolean }): Promise<CaseStudyView> {
  const version = cs.currentVersionId ? await repo.getVersion(db, cs.currentVersionId) : undefined;
  if (!version) throw appError("NOT_FOUND");
  const [techs, org, files, events, versions, supersededBy] = await Promise.all([
    repo.technologiesOf(db, [cs.id]),
    repo.organizationOf(db, cs.organizationId),
    repo.listFiles(db, cs.id),
    repo.listEvents(db, cs.id),
    repo.listVersions(db, cs.id),
    cs.supersededById ? repo.getCaseStudy(db, cs.supersededById) : Promise.resolve(undefined),
  ]);
  const technologies = techs.get(cs.id) ?? [];
  const similar =
    options.similar && cs.state !== "retired"
      ? await repo.findSimilar(db, { excludeId: cs.id, title: cs.title, summary: cs.summary, organizationId: cs.organizationId, technologyIds: technologies.map((t) => t.id) })
      : [];
  return {
    caseStudy: cs,
    version,
    technologies,
    organization: org?.org.name ?? "",
    region: org?.region ? (org.region.names[lang] ?? org.region.names.en) : undefined,
    files,
    events,
    versions,
    similar,
    supersededBy,
  };
}

/** The fields compared, as text, in the order a page shows them. */
function comparableFields(f: CaseStudyFields): Record<string, string> {
  return {
    title: f.title,
    technologies: f.technologies.join(", "),
    stage: f.stage ?? "",
    period: [f.periodStart, f.periodEnd].filter(Boolean).join("–"),
    partners: f.partners,
    ...Object.fromEntries(TEXT_FIELDS.map((name) => [name, f[name]])),
    contact: f.contact,
    links: f.links.join("\n"),
  };
}

/** Two versions of a case study, field by field, word by word: by default as submitted and as it is now. */
export async function compareVersions(db: Db, cs: repo.CaseStudyRow, ids: { from?: number | undefined; to?: number | undefined }) {
  const fromId = ids.from || cs.submittedVersionId;
  const toId = ids.to || cs.currentVersionId;
  const [from, to] = await Promise.all([fromId ? repo.getVersion(db, fromId) : undefined, toId ? repo.getVersion(db, toId) : undefined]);
  if (!from || !to || from.caseStudyId !== cs.id || to.caseStudyId !== cs.id) throw appError("NOT_FOUND");
  const a = comparableFields(from.fields);
  const b = comparableFields(to.fields);
  return { from, to, diffs: Object.keys(a).map((field) => ({ field, parts: wordDiff(a[field] ?? "", b[field] ?? "") })) };
}

/** The published editions whose annex includes a case study. */
export async function editionsAnnexing(db: Db, caseStudyId: string, lang: Language) {
  const rows = await db
    .select({ report: reports, label: editions.label, titles: editions.titles })
    .from(editionItems)
    .innerJoin(editions, eq(editions.id, editionItems.editionId))
    .innerJoin(reports, eq(reports.id, editions.reportId))
    .where(and(eq(editionItems.kind, "case-study"), eq(editionItems.ref, caseStudyId), sql`(${editionItems.payload}->>'annexed')::boolean`, eq(editions.status, "published")))
    .orderBy(desc(editions.editionDate));
  return rows.map((r) => ({ report: r.report.slug, reportTitle: localized(r.report.titles, lang, primaryOf(r.report)), label: r.label, title: localized(r.titles, lang, primaryOf(r.report)) }));
}

/** Published case studies by slug, for resolving `:case-study[...]{ref=…}` in the living draft. */
export async function caseStudiesBySlug(db: Db, slugs: string[]) {
  if (!slugs.length) return new Map<string, { id: string; slug: string; title: string; state: string }>();
  const rows = await queryRows<{ id: string; slug: string; title: string; state: string }>(db, sql`select id, slug, title, state from case_studies where slug = any(array[${sql.join(slugs.map((s) => sql`${s}`), sql`, `)}]::text[])`);
  return new Map(rows.map((r) => [r.slug, r]));
}

/** A case study as an edition pins it: at which version, and whether the annex lists it. */
export type PinnedCaseStudy = { id: string; slug: string; title: string; organization: string; versionId: number; annexed: boolean };

/**
 * What an edition frozen now pins: the annex (published case studies, in order) and any other
 * published case study a section refers to, each at its current version.
 */
export async function caseStudiesToPin(db: Db, reportId: string, referencedSlugs: string[]): Promise<PinnedCaseStudy[]> {
  const annex = (await repo.listAnnex(db, reportId)).filter((r) => r.state === "published" && r.currentVersionId);
  const pinned: PinnedCaseStudy[] = annex.map((r) => ({ id: r.id, slug: r.slug, title: r.title, organization: r.organization, versionId: r.currentVersionId!, annexed: true }));
  const others = referencedSlugs.filter((slug) => !pinned.some((p) => p.slug === slug));
  for (const slug of others) {
    const cs = await repo.getCaseStudyBySlug(db, slug);
    if (!cs || cs.state !== "published" || !cs.currentVersionId) continue;
    const org = await repo.organizationOf(db, cs.organizationId);
    pinned.push({ id: cs.id, slug: cs.slug, title: cs.title, organization: org?.org.name ?? "", versionId: cs.currentVersionId, annexed: false });
  }
  return pinned;
}
