import type { FastifyRequest, FastifySchema, FastifyTypeProvider, RawRequestDefaultExpression, RawServerDefault, RouteGenericInterface } from "fastify";
import type { z } from "zod";

// Fastify's type provider for our Zod schemas. Types only: Fastify is not given the schemas to
// compile; routes parse their input themselves (parseInput answers VALIDATION_FAILED naming every
// field, after the route's policy), so a request part is typed as what that parsing returns.

/** A validated part has its schema's output type; a reply must match its schema's input type. */
export interface ZodTypeProvider extends FastifyTypeProvider {
  validator: this["schema"] extends z.ZodType ? z.output<this["schema"]> : unknown;
  serializer: this["schema"] extends z.ZodType ? z.input<this["schema"]> : unknown;
}

/** A request whose params, querystring and body have the types the route's Zod schemas give them. */
export type ZodRequest<S extends FastifySchema> = FastifyRequest<RouteGenericInterface, RawServerDefault, RawRequestDefaultExpression, S, ZodTypeProvider>;

/** What may be sent for a response schema. */
export type ZodReply<S> = (ZodTypeProvider & { schema: S })["serializer"];
