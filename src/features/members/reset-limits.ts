import type { FastifyInstance, FastifyRequest } from "fastify";
import { normalizeIP } from "@fastify/rate-limit";
import { retryLater } from "#src/lib/errors.ts";

// Password reset requests. Per address, 3 an hour: enough to ask again when a message is slow,
// too few to fill someone's mailbox; past it the answer stays the same and nothing is mailed, so
// the limit tells nothing about the address. Per client, 10 a quarter of an hour: a script walking
// through addresses is told to wait (429, Retry-After). Both are counted before any database work.
export const RESET_LIMITS = { addressWindow: 3600 * 1000, perAddress: 3, clientWindow: 15 * 60 * 1000, perClient: 10 } as const;

/** Addresses remembered at most, the least recently asked forgotten first. */
const ADDRESSES_KEPT = 5000;

/** Requests per address in a fixed window from the first one, in memory. */
class AddressRequests {
  readonly #requests = new Map<string, { count: number; since: number }>();

  /** Counts a request; answers whether the address is still within its share. */
  take(address: string, now = Date.now()): boolean {
    const kept = this.#requests.get(address);
    const entry = kept && kept.since + RESET_LIMITS.addressWindow > now ? kept : { count: 0, since: now };
    entry.count++;
    this.#requests.delete(address);
    this.#requests.set(address, entry);
    if (this.#requests.size > ADDRESSES_KEPT) this.#requests.delete(this.#requests.keys().next().value!);
    return entry.count <= RESET_LIMITS.perAddress;
  }
}

/**
 * `check`, a preHandler refusing a client past its share (429, Retry-After); `addressAllowed`,
 * which counts a request for the (normalized) address and says whether to mail it.
 */
export function resetLimiter(app: FastifyInstance) {
  const perClient = app.createRateLimit({ max: RESET_LIMITS.perClient, timeWindow: RESET_LIMITS.clientWindow, keyGenerator: (r) => normalizeIP(r.ip) });
  const perAddress = new AddressRequests();
  return {
    check: async (request: FastifyRequest) => {
      const client = await perClient(request);
      if (!client.isAllowed && client.isExceeded) throw retryLater("RATE_LIMITED", client.ttlInSeconds);
    },
    addressAllowed: (address: string) => perAddress.take(address),
  };
}
