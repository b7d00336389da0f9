// Vocabulary of members: roles and kinds of organization.

export const ROLES = ["contributor", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Roles are cumulative: an editor may do what a contributor may, an admin what an editor may. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** What a personal API token may do. Each scope also needs the owner's role: a token never does more than its owner. */
export const TOKEN_SCOPES = ["read", "comment", "edit", "publish"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
/** The least role each scope needs. */
export const SCOPE_ROLE: Record<TokenScope, Role> = { read: "contributor", comment: "contributor", edit: "editor", publish: "editor" };

export const ORGANIZATION_KINDS = [
  "customs_administration",
  "private_sector",
  "international_organization",
  "academia",
  "secretariat",
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
