import type { FastifyInstance, FastifyRequest } from "fastify";
import { clearHits, refuseOverLimit } from "#src/db/rate-limits.ts";
import { addressKey, clientKey, formAddress } from "#src/lib/address-limits.ts";

// Sign-in tries per quarter of an hour. Per e-mail address, from wherever they come, counted since
// the address last signed in: enough for typing mistakes, too few for guessing (someone who tries
// an address ten times can keep its owner out for the rest of the quarter; guessing spread over
// many machines is worse), and never a limit on signing in rightly. Per client, every try: an
// office behind one address signs in comfortably, a script walking through addresses stops.
// Counted in the database, so the limits hold across every instance.
export const SIGN_IN_LIMITS = { window: 15 * 60 * 1000, perAddress: 10, perClient: 40 } as const;

/** The counter of the address a sign-in form names, in the form sign-in looks it up. */
const addressCounter = (secret: string, request: FastifyRequest) => `sign-in/address/${addressKey(secret, formAddress(request.body))}`;

/**
 * Sign-in's limits: `check`, a preHandler that counts a try against the client and against the
 * address and refuses it (429, Retry-After) once either has had its share, before any password
 * check; `signedIn`, called once the password was right, which clears the address's tries (the
 * client's stay counted).
 */
export function signInLimiter(app: FastifyInstance) {
  const { db } = app.database;
  const { sessionSecret } = app.config;
  return {
    // A try counts when it is made (so tries sent at once are counted before any password is checked).
    check: async (request: FastifyRequest) => {
      await refuseOverLimit(db, `sign-in/client/${clientKey(request.ip)}`, { window: SIGN_IN_LIMITS.window, max: SIGN_IN_LIMITS.perClient });
      await refuseOverLimit(db, addressCounter(sessionSecret, request), { window: SIGN_IN_LIMITS.window, max: SIGN_IN_LIMITS.perAddress });
    },
    signedIn: (request: FastifyRequest) => clearHits(db, addressCounter(sessionSecret, request)),
  };
}
