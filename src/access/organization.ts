// Organizations: who may contribute evidence in an organization's name.

import { isSecretariat, type Rule } from "#src/access/who.ts";

export type OrganizationResource = { kind: "organization"; id: string };

export const organizationRules = {
  /** Start a case study for it: its own members, or the secretariat for any organization. */
  contribute: (who, { id }) => {
    if (isSecretariat(who)) return null;
    if (!who?.organizationId) return "NO_ORGANIZATION";
    return id === who.organizationId ? null : "FORBIDDEN";
  },
} satisfies Record<string, Rule<OrganizationResource>>;
