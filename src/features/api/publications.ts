import { byteCache, jsonBytes, type ByteCache } from "#src/lib/memory-cache.ts";
import type { Publication } from "#src/publishing/publication.ts";

/** Published editions read for the API, one per edition and language, within a memory budget. */
export type PublicationCache = ByteCache<Publication>;

declare module "fastify" {
  interface FastifyInstance {
    /** Each app has its own; it is emptied when the app closes. */
    publicationCache: PublicationCache;
  }
}

export const publicationCache = (): PublicationCache => byteCache<Publication>({ maxBytes: 32 * 2 ** 20, sizeOf: jsonBytes });
