import type { FastifyInstance, FastifyRequest } from "fastify";
import { normalizeIP } from "@fastify/rate-limit";
import { AddressLimit, formAddress } from "#src/lib/address-limits.ts";
import { retryLater } from "#src/lib/errors.ts";

// Sign-in tries per quarter of an hour. Per e-mail address, from wherever they come, counted since
// the address last signed in: enough for typing mistakes, too few for guessing (someone who tries
// an address ten times can keep its owner out for the rest of the quarter; guessing spread over
// many machines is worse), and never a limit on signing in rightly. Per client, every try: an
// office behind one address signs in comfortably, a script walking through addresses stops.
export const SIGN_IN_LIMITS = { window: 15 * 60 * 1000, perAddress: 10, perClient: 40 } as const;

/** The address a sign-in form names, in the form sign-in looks it up. */
const addressOf = (request: FastifyRequest) => formAddress(request.body);

/**
 * Sign-in's limits: `check`, a preHandler that counts a try against the client and against the
 * address and refuses it (429, Retry-After) once either has had its share, before any password
 * check; `signedIn`, called once the password was right, which clears the address's tries (the
 * client's stay counted).
 */
export function signInLimiter(app: FastifyInstance) {
  const perClient = app.createRateLimit({ max: SIGN_IN_LIMITS.perClient, timeWindow: SIGN_IN_LIMITS.window, keyGenerator: (r) => normalizeIP(r.ip) });
  // A try counts when it is made (so tries sent at once are counted before any password is
  // checked); a sign-in clears its address.
  const perAddress = new AddressLimit(SIGN_IN_LIMITS.window, SIGN_IN_LIMITS.perAddress);
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
