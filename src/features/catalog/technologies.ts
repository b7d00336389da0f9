import type { z } from "zod";
import { announceChange } from "#src/db/changes.ts";
import { transaction, type Db } from "#src/db/client.ts";
import { isUniqueViolation } from "#src/db/errors.ts";
import { recordAudit } from "#src/features/audit/repository.ts";
import { type Actor } from "#src/domain/actors.ts";
import type { TechnologyLinkKind } from "#src/domain/reports.ts";
import * as catalog from "#src/features/catalog/repository.ts";
import type { TechnologyInput } from "#src/features/catalog/schemas.ts";
import { appError } from "#src/lib/errors.ts";

type Aliases = "aliasesEn" | "aliasesFr" | "aliasesEs";
/** The form's fields; callers that know no aliases (imports, tests) may leave them out. */
type Input = Omit<z.output<typeof TechnologyInput>, Aliases> & Partial<Pick<z.output<typeof TechnologyInput>, Aliases>>;

const values = (input: Input) => ({
  slug: input.slug,
  names: { en: input.nameEn, ...(input.nameFr ? { fr: input.nameFr } : {}), ...(input.nameEs ? { es: input.nameEs } : {}) },
  descriptions: input.descriptionEn ? { en: input.descriptionEn } : {},
  ...(input.aliasesEn || input.aliasesFr || input.aliasesEs
    ? { aliases: { ...(input.aliasesEn?.length ? { en: input.aliasesEn } : {}), ...(input.aliasesFr?.length ? { fr: input.aliasesFr } : {}), ...(input.aliasesEs?.length ? { es: input.aliasesEs } : {}) } }
    : {}),
});

const slugTaken = (e: unknown): never => {
  if (isUniqueViolation(e)) throw appError("SLUG_TAKEN", { slug: "error.SLUG_TAKEN" });
  throw e;
};

/** Creates a technology (a topic chapters can cover). */
export function createTechnology(db: Db, actor: Actor, input: Input) {
  return transaction(db, async (tx) => {
    await announceChange(tx, "catalog");
    const tech = await catalog.insertTechnology(tx, values(input));
    await recordAudit(tx, actor, { action: "technology.create", entityType: "technology", entityId: tech.id, data: { name: input.nameEn } });
    return tech;
  }).catch(slugTaken);
}

/** Replaces a technology's slug, names and description. */
export function updateTechnology(db: Db, actor: Actor, id: string, input: Input) {
  return transaction(db, async (tx) => {
    await announceChange(tx, "catalog");
    const tech = await catalog.updateTechnology(tx, id, values(input));
    if (!tech) throw appError("NOT_FOUND");
    await recordAudit(tx, actor, { action: "technology.update", entityType: "technology", entityId: id, data: { name: input.nameEn } });
    return tech;
  }).catch(slugTaken);
}

/** Records or removes a relation between two technologies (interlinkage or lineage). */
export function setTechnologyLink(db: Db, actor: Actor, link: { fromId: string; toId: string; kind: TechnologyLinkKind }, present: boolean) {
  if (link.fromId === link.toId) throw appError("VALIDATION_FAILED", { toId: "field.sameTechnology" });
  return transaction(db, async (tx) => {
    await announceChange(tx, "catalog");
    if (!(await catalog.getTechnology(tx, link.fromId)) || !(await catalog.getTechnology(tx, link.toId))) throw appError("NOT_FOUND");
    if (present) await catalog.insertTechnologyLink(tx, link);
    else await catalog.deleteTechnologyLink(tx, link);
    await recordAudit(tx, actor, { action: present ? "technology.link" : "technology.unlink", entityType: "technology", entityId: link.fromId, data: { ...link } });
  });
}
