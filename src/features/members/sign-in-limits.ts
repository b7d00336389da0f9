import type { FastifyInstance, FastifyRequest } from "fastify";
import { normalizeIP } from "@fastify/rate-limit";
import { normalizeEmail } from "#src/lib/email.ts";
import { retryLater } from "#src/lib/errors.ts";
import { formBody } from "#src/web/forms.ts";

// Sign-in tries per quarter of an hour. Per e-mail address, from wherever they come: enough for
// typing mistakes, too few for guessing (someone who tries an address ten times can keep its
// owner out for the rest of the quarter; guessing spread over many machines is worse). Per client:
// an office behind one address signs in comfortably, a script walking through addresses stops.
export const SIGN_IN_LIMITS = { window: 15 * 60 * 1000, perAddress: 10, perClient: 40 } as const;

/** The address a sign-in form names, in the form sign-in looks it up. */
const addressOf = (request: FastifyRequest) => {
  const email = formBody(request.body).email;
  return normalizeEmail(typeof email === "string" ? email : "").slice(0, 255);
};

/**
 * A preHandler that counts a sign-in try against the client and against the address, and
 * refuses it (429, Retry-After) once either has had its share; runs before any password check.
 */
export function signInLimiter(app: FastifyInstance) {
  const limits = [
    app.createRateLimit({ max: SIGN_IN_LIMITS.perClient, timeWindow: SIGN_IN_LIMITS.window, keyGenerator: (r) => normalizeIP(r.ip) }),
    app.createRateLimit({ max: SIGN_IN_LIMITS.perAddress, timeWindow: SIGN_IN_LIMITS.window, keyGenerator: addressOf }),
  ];
  return async (request: FastifyRequest) => {
    for (const limit of limits) {
      const result = await limit(request);
      if (!result.isAllowed && result.isExceeded) throw retryLater("RATE_LIMITED", result.ttlInSeconds);
    }
  };
}
