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
