import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { appError } from "#src/lib/errors.ts";

/** The report's slug from the URL; anything that cannot be one is not found. */
export function reportSlugOf(request: FastifyRequest): string {
  const parsed = z.object({ report: z.string().regex(/^[a-z0-9-]{1,60}$/) }).safeParse(request.params);
  if (!parsed.success) throw appError("NOT_FOUND");
  return parsed.data.report;
}
