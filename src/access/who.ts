// Who asks: what the rules need to know about a person. Anyone signed in (a Caller, the request's
// user) fits; null is an anonymous reader.

import type { Caller } from "#src/domain/actors.ts";
import { roleAtLeast } from "#src/domain/members.ts";
import type { ErrorCode } from "#src/lib/errors.ts";

export type Who = Pick<Caller, "role" | "organizationId">;

/** The secretariat runs the report: editors and administrators. */
export const isSecretariat = (who: Who | null): boolean => who !== null && roleAtLeast(who.role, "editor");

/** Whether `who` belongs to the organization (a person without one belongs to none). */
export const isMemberOf = (who: Who | null, organizationId: string | null): boolean => who?.organizationId != null && who.organizationId === organizationId;

/**
 * One rule: null when allowed, else the refusal the app answers with. The refusal is the error
 * the code always gave (404 where existence is hidden, 403, or the state that stands in the way).
 */
export type Rule<R> = (who: Who | null, resource: R) => ErrorCode | null;
