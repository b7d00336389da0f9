import type { FastifyInstance, FastifyRequest } from "fastify";
import { refuseOverLimit, takeHit } from "#src/db/rate-limits.ts";
import { addressKey, clientKey } from "#src/lib/address-limits.ts";

// Password reset requests. Per address, 3 an hour: enough to ask again when a message is slow,
// too few to fill someone's mailbox; past it the answer stays the same and nothing is mailed, so
// the limit tells nothing about the address. Per client, 10 a quarter of an hour: a script walking
// through addresses is told to wait (429, Retry-After). Both are counted (in the database, shared
// by every instance) before any other database work.
export const RESET_LIMITS = { addressWindow: 3600 * 1000, perAddress: 3, clientWindow: 15 * 60 * 1000, perClient: 10 } as const;

/**
 * `check`, a preHandler refusing a client past its share (429, Retry-After); `addressAllowed`,
 * which counts a request for the (normalized) address and says whether to mail it.
 */
export function resetLimiter(app: FastifyInstance) {
  const { db } = app.database;
  const { sessionSecret } = app.config;
  return {
    check: (request: FastifyRequest) => refuseOverLimit(db, `reset/client/${clientKey(request.ip)}`, { window: RESET_LIMITS.clientWindow, max: RESET_LIMITS.perClient }),
    addressAllowed: async (address: string) => (await takeHit(db, `reset/address/${addressKey(sessionSecret, address)}`, { window: RESET_LIMITS.addressWindow, max: RESET_LIMITS.perAddress })) === null,
  };
}
