// Vocabulary of members: roles and kinds of organization.

export const ROLES = ["contributor", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Roles are cumulative: an editor may do what a contributor may, an admin what an editor may. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** The secretariat's work page: what editors and administrators have to do, gathered. */
export const SECRETARIAT_WORK = "/editor/work";

/** Where a person's work is ("My work" in the header, the landing after sign-in): the member's page, or the secretariat's work page for editors and administrators. */
export function landingFor(user: { role: Role }): string {
  return roleAtLeast(user.role, "editor") ? SECRETARIAT_WORK : "/member";
}

/** What a personal API token may do. Each scope also needs the owner's role: a token never does more than its owner. */
export const TOKEN_SCOPES = ["read", "comment", "edit", "publish"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
/** The least role each scope needs. */
export const SCOPE_ROLE: Record<TokenScope, Role> = { read: "contributor", comment: "contributor", edit: "editor", publish: "editor" };
/**
 * What each scope brings with it: a token that may edit or publish may also read (the findings it
 * checks, the jobs it started, the public API), so a script given only `edit,publish` can follow
 * its own work.
 */
export const SCOPE_INCLUDES: Record<TokenScope, readonly TokenScope[]> = { read: [], comment: [], edit: ["read"], publish: ["read"] };
/** The scopes that allow what `needed` allows: itself, and those that include it. */
export const scopesCovering = (needed: TokenScope): TokenScope[] => TOKEN_SCOPES.filter((s) => s === needed || SCOPE_INCLUDES[s].includes(needed));

export const ORGANIZATION_KINDS = [
  "customs_administration",
  "private_sector",
  "international_organization",
  "academia",
  "secretariat",
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
