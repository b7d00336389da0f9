// Who acts: a person (or the system) behind a command, and what they are allowed as.

import type { Role } from "#src/domain/members.ts";

/** Who acts, from where: passed explicitly to every command that writes. */
export type Actor = { userId: string | null; ip: string | null; requestId: string | null };

export const SYSTEM_ACTOR: Actor = { userId: null, ip: null, requestId: null };

/** Who acts: the actor for the audit trail plus what the rules need to know about them. */
export type Caller = Actor & { role: Role; organizationId: string | null };
