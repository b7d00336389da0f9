import type { FastifyInstance, FastifyRequest } from "fastify";
import { normalizeIP } from "@fastify/rate-limit";
import { normalizeEmail } from "#src/lib/email.ts";
import { retryLater } from "#src/lib/errors.ts";
import { formBody } from "#src/web/forms.ts";

// Sign-in tries per quarter of an hour. Per e-mail address, from wherever they come, counted since
// the address last signed in: enough for typing mistakes, too few for guessing (someone who tries
// an address ten times can keep its owner out for the rest of the quarter; guessing spread over
// many machines is worse), and never a limit on signing in rightly. Per client, every try: an
// office behind one address signs in comfortably, a script walking through addresses stops.
export const SIGN_IN_LIMITS = { window: 15 * 60 * 1000, perAddress: 10, perClient: 40 } as const;

/** Addresses remembered at most, the least recently tried forgotten first (as the client limit's store does). */
const ADDRESSES_KEPT = 5000;

/**
 * Tries per address in a fixed window from the first one, in memory. A try counts when it is made
 * (so tries sent at once are counted before any password is checked); a sign-in clears its address.
 */
class AddressTries {
  readonly #tries = new Map<string, { count: number; since: number }>();

  /** Counts a try; answers the seconds to wait when the address has had its share, else null. */
  take(address: string, now = Date.now()): number | null {
    const kept = this.#tries.get(address);
    const entry = kept && kept.since + SIGN_IN_LIMITS.window > now ? kept : { count: 0, since: now };
    entry.count++;
    this.#tries.delete(address);
    this.#tries.set(address, entry);
    if (this.#tries.size > ADDRESSES_KEPT) this.#tries.delete(this.#tries.keys().next().value!);
    return entry.count > SIGN_IN_LIMITS.perAddress ? Math.max(1, Math.ceil((entry.since + SIGN_IN_LIMITS.window - now) / 1000)) : null;
  }

  clear(address: string) {
    this.#tries.delete(address);
  }
}

/** The address a sign-in form names, in the form sign-in looks it up. */
const addressOf = (request: FastifyRequest) => {
  const email = formBody(request.body).email;
  return normalizeEmail(typeof email === "string" ? email : "").slice(0, 255);
};

/**
 * Sign-in's limits: `check`, a preHandler that counts a try against the client and against the
 * address and refuses it (429, Retry-After) once either has had its share, before any password
 * check; `signedIn`, called once the password was right, which clears the address's tries (the
 * client's stay counted).
 */
export function signInLimiter(app: FastifyInstance) {
  const perClient = app.createRateLimit({ max: SIGN_IN_LIMITS.perClient, timeWindow: SIGN_IN_LIMITS.window, keyGenerator: (r) => normalizeIP(r.ip) });
  const perAddress = new AddressTries();
  return {
    check: async (request: FastifyRequest) => {
      const client = await perClient(request);
      if (!client.isAllowed && client.isExceeded) throw retryLater("RATE_LIMITED", client.ttlInSeconds);
      const wait = perAddress.take(addressOf(request));
      if (wait !== null) throw retryLater("RATE_LIMITED", wait);
    },
    signedIn: (request: FastifyRequest) => perAddress.clear(addressOf(request)),
  };
}
