import type { ResolvedReference } from "#src/content/html.ts";
import type { Db } from "#src/db/client.ts";
import type { Language } from "#src/domain/languages.ts";
import type { EvidenceInspection } from "#src/domain/reports.ts";
import { caseStudiesBySlug, caseStudiesToPin, type PinnedCaseStudy } from "#src/features/case-studies/read.ts";
import { findCandidates, versionsByIds, type VersionRow } from "#src/features/case-studies/repository.ts";
import { localized } from "#src/domain/languages.ts";

// Case studies as evidence (`:case-study[…]{ref=…}`, and the report's annex): one entry of the
// report's evidence registry.

export const caseStudyEvidence = {
  kind: "case-study" as const,

  /** The living draft links a case study by its title: to its public page once published, else to the members' page. */
  async resolveLive(db: Db, slugs: string[], _lang: Language) {
    const found = await caseStudiesBySlug(db, slugs);
    return (ref: string): ResolvedReference | undefined => {
      const cs = found.get(ref);
      return cs && { title: cs.title, href: cs.state === "published" ? `/case-studies/${cs.slug}` : `/member/case-studies/${cs.id}` };
    };
  },

  /** The annex and the other published case studies the texts refer to, each at its current version. */
  pin: (db: Db, report: { id: string }, slugs: string[]): Promise<PinnedCaseStudy[]> => caseStudiesToPin(db, report.id, slugs),

  // The annex comes first, in its order; referenced case studies after it.
  toItem: (cs: PinnedCaseStudy, index: number) => ({
    ref: cs.id,
    version: String(cs.versionId),
    position: cs.annexed ? index : 1_000_000 + index,
    payload: { slug: cs.slug, title: cs.title, organization: cs.organization, annexed: cs.annexed },
  }),

  fromItem: (item: { ref: string; version: string; payload: Record<string, unknown> }): PinnedCaseStudy => {
    const p = item.payload as { slug: string; title: string; organization: string; annexed: boolean };
    return { id: item.ref, slug: p.slug, title: p.title, organization: p.organization, annexed: p.annexed, versionId: Number(item.version) };
  },

  /** What keeps each placed case study from going out: unknown, or not published (its state says where it stands). */
  async inspect(db: Db, slugs: string[], _languages: Language[]): Promise<Map<string, EvidenceInspection>> {
    const found = await caseStudiesBySlug(db, slugs);
    return new Map(
      slugs.map((slug): [string, EvidenceInspection] => {
        const cs = found.get(slug);
        if (!cs) return [slug, { problems: [{ problem: "unknown" }] }];
        return [slug, { problems: cs.state === "published" ? [] : [{ problem: "unpublished", state: cs.state }], href: `/member/case-studies/${cs.id}` }];
      }),
    );
  },

  /** Case studies a writer may place, for the editor's picker: by slug or by the words typed; only a published one passes the checks. */
  async candidates(db: Db, _report: { id: string }, query: { words: string[]; ref?: string | undefined; limit: number; lang: Language; primary: Language }) {
    const rows = await findCandidates(db, query);
    return rows.map((cs) => ({
      ref: cs.slug,
      title: cs.title,
      technology: cs.technologies.map((names) => localized(names, query.lang, query.primary)).join(", ") || null,
      context: cs.organization,
      status: cs.state,
      usable: cs.state === "published",
    }));
  },

  /** The pinned versions of the annexed case studies, by id: what an annex shows. */
  async annexVersions(db: Db, pinned: PinnedCaseStudy[]): Promise<Map<number, VersionRow>> {
    const versions = await versionsByIds(db, pinned.filter((c) => c.annexed).map((c) => c.versionId));
    return new Map(versions.map((v) => [v.id, v]));
  },
};
