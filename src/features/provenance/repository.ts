import { and, asc, desc, eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "#src/db/client.ts";
import { editionItems, editions } from "#src/db/schema/editions.ts";
import { chapters, sectionReferences, sections } from "#src/db/schema/reports.ts";

// The links provenance follows, read straight from their tables: the references the current texts
// place and the items editions pinned.

export type PlacedKind = "case-study" | "figure" | "recommendation";
export type Ref = { sectionId: string; kind: PlacedKind; ref: string };

/** The evidence the current texts of some sections place, once per section. */
export const referencesOf = (db: Db, sectionIds: string[]) =>
  sectionIds.length
    ? queryRows<Ref>(db, sql`select distinct section_id as "sectionId", kind, ref from section_references where section_id in (${sql.join(sectionIds.map((id) => sql`${id}::uuid`), sql`, `)})`)
    : Promise.resolve([] as Ref[]);

/** Where a piece of evidence stands in the living draft: sections whose current text places it. */
export function sectionsReferencing(db: Db, kind: PlacedKind, ref: string) {
  return db
    .select({
      sectionId: sections.id,
      sectionSlug: sections.slug,
      heading: sql<string | null>`(select r.heading from section_heads h join section_revisions r on r.id = h.revision_id where h.section_id = ${sections.id} order by h.language = ${sectionReferences.language} desc limit 1)`,
      chapterSlug: chapters.slug,
      chapterTitles: chapters.titles,
      reportId: chapters.reportId,
      language: sectionReferences.language,
    })
    .from(sectionReferences)
    .innerJoin(sections, eq(sections.id, sectionReferences.sectionId))
    .innerJoin(chapters, eq(chapters.id, sections.chapterId))
    .where(and(eq(sectionReferences.kind, kind), eq(sectionReferences.ref, ref), sql`${sections.removedAt} is null`, sql`${chapters.removedAt} is null`))
    .orderBy(asc(chapters.position), asc(sections.position));
}

/** Editions that pinned an item (any status), newest first. */
export function editionsPinning(db: Db, kind: PlacedKind, ref: string) {
  return db
    .select({ id: editions.id, label: editions.label, status: editions.status, editionDate: editions.editionDate })
    .from(editionItems)
    .innerJoin(editions, eq(editions.id, editionItems.editionId))
    .where(and(eq(editionItems.kind, kind), eq(editionItems.ref, ref)))
    .orderBy(desc(editions.editionDate));
}
