import { LogController, type FastifyBaseLogger, type FastifyReply, type FastifyRequest } from "fastify";
import type { StoredPages } from "#src/web/stored-pages.ts";

// One-time links (an invitation, a password reset, an unsubscribe or a confirmation link) carry
// their secret in the path. A log line is read by more people than the mailbox it went to, so
// every line the server writes has that segment replaced: the request line, the error lines (an
// error's message or stack may quote the URL) and any message text.

/** The paths whose last segment is a secret, up to the segment. */
const SECRET_PATHS = /(\/(?:invitation|password\/reset|unsubscribe|subscriptions\/confirm)\/)[^/?#\s"'\\<>]+/g;

/** A log line (or any text) with the secret segment of one-time links replaced by "…". */
export const maskOneTimeLinks = (line: string): string => line.replace(SECRET_PATHS, "$1…");

/**
 * The logger configuration with the masking applied to every line it writes (the request's
 * child loggers share it); false stays false.
 */
export function maskedLogger(logger: boolean | object): false | object {
  if (logger === false) return false;
  const options = logger === true ? {} : (logger as { hooks?: object });
  return { ...options, hooks: { ...options.hooks, streamWrite: maskOneTimeLinks } };
}

/**
 * One line per request, when it is answered: method, address, status, milliseconds, with the
 * request's id (reqId) as every line of that request carries it. Fastify's own two lines (the
 * request, then the response, each with headers and addresses: about 436 bytes) cost a quarter of
 * the throughput of a page held in memory. A 5xx is logged at error level, so it is written
 * whatever the level; the error itself is logged by the error handler (web/errors.tsx).
 */
export class RequestLog extends LogController {
  override incomingRequest() {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    const line = { method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 };
    if (error || reply.statusCode >= 500) reply.log.error(error ? { ...line, err: error } : line, "request failed");
    else reply.log.info(line, "request");
  }
}

const SUMMARY_EVERY_MS = 60_000;

/**
 * The pages answered from memory in front of Fastify (web/stored-pages.ts) are not logged one by
 * one: a line every minute counts them (200s, 304s, bytes), when there were any. They are always
 * 200 or 304: anything else goes through Fastify and its line above. Returns what stops it.
 */
export function summarizeStoredPages(log: FastifyBaseLogger, stored: StoredPages, everyMs = SUMMARY_EVERY_MS): () => void {
  const timer = setInterval(() => {
    const { ok, notModified, bytes } = stored.takeSummary();
    if (ok + notModified > 0) log.info({ storedPages: { ok, notModified, bytes, seconds: everyMs / 1000 } }, "stored pages answered from memory");
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
