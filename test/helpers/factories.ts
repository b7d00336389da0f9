import { randomBytes } from "node:crypto";
import type { Db } from "#src/db/client.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import type { Role } from "#src/domain/members.ts";
import { createOrganization, createUser } from "#src/features/members/service.ts";
import type { OrganizationInput } from "#src/features/members/schemas.ts";

const unique = () => randomBytes(4).toString("hex");

export const TEST_PASSWORD = "correct horse battery";

/** Creates an organization through the service; every field can be overridden. */
export function buildOrganization(db: Db, overrides: Partial<OrganizationInput> = {}) {
  return createOrganization(db, SYSTEM_ACTOR, {
    name: `Customs Administration ${unique()}`,
    shortName: null,
    kind: "customs_administration",
    country: "PE",
    regionCode: "AMS",
    memberSince: null,
    memberUntil: null,
    ...overrides,
  });
}

/** Creates a user (password TEST_PASSWORD unless given) through the service. */
export function buildUser(db: Db, overrides: { role?: Role; email?: string; name?: string; organizationId?: string | null; password?: string } = {}) {
  const id = unique();
  return createUser(db, SYSTEM_ACTOR, {
    name: overrides.name ?? `Person ${id}`,
    email: overrides.email ?? `person-${id}@example.org`,
    organizationId: overrides.organizationId ?? null,
    role: overrides.role ?? "contributor",
    language: "en",
    password: overrides.password ?? TEST_PASSWORD,
  });
}

/** Creates a report (English primary, French and Spanish translations) with one technology chapter. */
export async function buildReport(db: Db) {
  const { createReport, addChapter } = await import("#src/features/reports/structure.ts");
  const { loadDraft } = await import("#src/features/reports/draft.ts");
  const report = await createReport(db, SYSTEM_ACTOR, { slug: `report-${unique()}`, title: "Study Report", primaryLanguage: "en", translations: ["fr", "es"] });
  await addChapter(db, SYSTEM_ACTOR, report.id, { title: "Blockchain", kind: "topic", technologyId: null, template: "technology" });
  return loadDraft(db, report.slug);
}

/** The technology with this slug, created (through the service) if the database lacks it. */
export async function ensureTechnology(db: Db, slug: string, nameEn: string, nameFr: string | null = null) {
  const { listTechnologies } = await import("#src/features/catalog/repository.ts");
  const existing = (await listTechnologies(db)).find((t) => t.slug === slug);
  if (existing) return existing;
  const { createTechnology } = await import("#src/features/catalog/technologies.ts");
  return createTechnology(db, SYSTEM_ACTOR, { slug, nameEn, nameFr, nameEs: null, descriptionEn: null });
}
