import type { FastifyInstance, FastifyRequest } from "fastify";
import { normalizeIP } from "@fastify/rate-limit";
import { AddressLimit } from "#src/lib/address-limits.ts";
import { retryLater } from "#src/lib/errors.ts";

// Password reset requests. Per address, 3 an hour: enough to ask again when a message is slow,
// too few to fill someone's mailbox; past it the answer stays the same and nothing is mailed, so
// the limit tells nothing about the address. Per client, 10 a quarter of an hour: a script walking
// through addresses is told to wait (429, Retry-After). Both are counted before any database work.
export const RESET_LIMITS = { addressWindow: 3600 * 1000, perAddress: 3, clientWindow: 15 * 60 * 1000, perClient: 10 } as const;

/**
 * `check`, a preHandler refusing a client past its share (429, Retry-After); `addressAllowed`,
 * which counts a request for the (normalized) address and says whether to mail it.
 */
export function resetLimiter(app: FastifyInstance) {
  const perClient = app.createRateLimit({ max: RESET_LIMITS.perClient, timeWindow: RESET_LIMITS.clientWindow, keyGenerator: (r) => normalizeIP(r.ip) });
  const perAddress = new AddressLimit(RESET_LIMITS.addressWindow, RESET_LIMITS.perAddress);
  return {
    check: async (request: FastifyRequest) => {
      const client = await perClient(request);
      if (!client.isAllowed && client.isExceeded) throw retryLater("RATE_LIMITED", client.ttlInSeconds);
    },
    addressAllowed: (address: string) => perAddress.take(address) === null,
  };
}
