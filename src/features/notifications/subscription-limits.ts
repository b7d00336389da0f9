import type { FastifyInstance, FastifyRequest } from "fastify";
import { refuseOverLimit } from "#src/db/rate-limits.ts";
import { addressKey, clientKey, formAddress } from "#src/lib/address-limits.ts";

// Subscription requests per quarter of an hour. Each may send a mail to an address nobody has
// confirmed yet, so they are counted per client (a script walking through addresses stops) and
// per address (nobody fills a stranger's mailbox from many machines); the service adds its own
// bound on confirmation mails per subscription and day. Counted in the database, across instances.
export const SUBSCRIBE_LIMITS = { window: 15 * 60 * 1000, perAddress: 5, perClient: 20 } as const;

/** A preHandler that refuses a subscription request (429, Retry-After) once its client or its address has had its share. */
export function subscribeLimiter(app: FastifyInstance) {
  const { db } = app.database;
  const { sessionSecret } = app.config;
  return async (request: FastifyRequest) => {
    await refuseOverLimit(db, `subscribe/client/${clientKey(request.ip)}`, { window: SUBSCRIBE_LIMITS.window, max: SUBSCRIBE_LIMITS.perClient });
    await refuseOverLimit(db, `subscribe/address/${addressKey(sessionSecret, formAddress(request.body))}`, { window: SUBSCRIBE_LIMITS.window, max: SUBSCRIBE_LIMITS.perAddress });
  };
}
