import type { FastifyInstance, FastifyRequest } from "fastify";
import { normalizeIP } from "@fastify/rate-limit";
import { normalizeEmail } from "#src/lib/email.ts";
import { retryLater } from "#src/lib/errors.ts";
import { formBody } from "#src/web/forms.ts";

// Subscription requests per quarter of an hour. Each may send a mail to an address nobody has
// confirmed yet, so they are counted per client (a script walking through addresses stops) and
// per address (nobody fills a stranger's mailbox from many machines); the service adds its own
// bound on confirmation mails per subscription and day.
export const SUBSCRIBE_LIMITS = { window: 15 * 60 * 1000, perAddress: 5, perClient: 20 } as const;

/** Addresses remembered at most, the least recently asked for forgotten first. */
const ADDRESSES_KEPT = 5000;

/** Requests per address in a fixed window from the first one, in memory. */
class AddressRequests {
  readonly #requests = new Map<string, { count: number; since: number }>();

  /** Counts a request; answers the seconds to wait when the address has had its share, else null. */
  take(address: string, now = Date.now()): number | null {
    const kept = this.#requests.get(address);
    const entry = kept && kept.since + SUBSCRIBE_LIMITS.window > now ? kept : { count: 0, since: now };
    entry.count++;
    this.#requests.delete(address);
    this.#requests.set(address, entry);
    if (this.#requests.size > ADDRESSES_KEPT) this.#requests.delete(this.#requests.keys().next().value!);
    return entry.count > SUBSCRIBE_LIMITS.perAddress ? Math.max(1, Math.ceil((entry.since + SUBSCRIBE_LIMITS.window - now) / 1000)) : null;
  }
}

const addressOf = (request: FastifyRequest) => {
  const email = formBody(request.body).email;
  return normalizeEmail(typeof email === "string" ? email : "").slice(0, 255);
};

/** A preHandler that refuses a subscription request (429, Retry-After) once its client or its address has had its share. */
export function subscribeLimiter(app: FastifyInstance) {
  const perClient = app.createRateLimit({ max: SUBSCRIBE_LIMITS.perClient, timeWindow: SUBSCRIBE_LIMITS.window, keyGenerator: (r) => normalizeIP(r.ip) });
  const perAddress = new AddressRequests();
  return async (request: FastifyRequest) => {
    const client = await perClient(request);
    if (!client.isAllowed && client.isExceeded) throw retryLater("RATE_LIMITED", client.ttlInSeconds);
    const wait = perAddress.take(addressOf(request));
    if (wait !== null) throw retryLater("RATE_LIMITED", wait);
  };
}
