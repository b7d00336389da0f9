import { z } from "zod";
import { SEARCH_KINDS } from "#src/features/search/search.ts";

const text = (max: number) => z.preprocess((v) => (typeof v === "string" ? v.trim().slice(0, max) : ""), z.string());

/** The search page's parameters; a bad one falls back to its default rather than failing. */
export const SearchParams = z.object({
  q: text(200),
  kind: z.enum(SEARCH_KINDS).or(z.literal("")).catch(""),
  technology: z.string().regex(/^[a-z0-9-]{1,60}$/).or(z.literal("")).catch(""),
  region: z.string().regex(/^[A-Z]{2,5}$/).or(z.literal("")).catch(""),
  edition: z.string().regex(/^(latest|all|draft|[a-z0-9][a-z0-9-]{0,39})$/).catch("latest"),
  page: z.coerce.number().int().min(1).max(500).catch(1),
});
