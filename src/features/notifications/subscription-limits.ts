import type { FastifyInstance, FastifyRequest } from "fastify";
import { normalizeIP } from "@fastify/rate-limit";
import { AddressLimit, formAddress } from "#src/lib/address-limits.ts";
import { retryLater } from "#src/lib/errors.ts";

// Subscription requests per quarter of an hour. Each may send a mail to an address nobody has
// confirmed yet, so they are counted per client (a script walking through addresses stops) and
// per address (nobody fills a stranger's mailbox from many machines); the service adds its own
// bound on confirmation mails per subscription and day.
export const SUBSCRIBE_LIMITS = { window: 15 * 60 * 1000, perAddress: 5, perClient: 20 } as const;

/** A preHandler that refuses a subscription request (429, Retry-After) once its client or its address has had its share. */
export function subscribeLimiter(app: FastifyInstance) {
  const perClient = app.createRateLimit({ max: SUBSCRIBE_LIMITS.perClient, timeWindow: SUBSCRIBE_LIMITS.window, keyGenerator: (r) => normalizeIP(r.ip) });
  const perAddress = new AddressLimit(SUBSCRIBE_LIMITS.window, SUBSCRIBE_LIMITS.perAddress);
  return async (request: FastifyRequest) => {
    const client = await perClient(request);
    if (!client.isAllowed && client.isExceeded) throw retryLater("RATE_LIMITED", client.ttlInSeconds);
    const wait = perAddress.take(formAddress(request.body));
    if (wait !== null) throw retryLater("RATE_LIMITED", wait);
  };
}
