// Database errors seen through any driver: Drizzle wraps the driver's error in `cause`.

type PgError = { code?: string; constraint?: string; message?: string; cause?: unknown };

function findPgError(e: unknown): PgError | undefined {
  for (let cur = e, depth = 0; cur && typeof cur === "object" && depth < 5; depth++) {
    const err = cur as PgError;
    if (typeof err.code === "string" && /^[0-9A-Z]{5}$/.test(err.code)) return err;
    cur = err.cause;
  }
  return undefined;
}

/** True when e is a unique violation, of the named constraint or index if given. */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const err = findPgError(e);
  if (err?.code !== "23505") return false;
  return !constraint || err.constraint === constraint || (err.message ?? "").includes(constraint);
}

/** A query that waited too long for its turn (PGlite's queue) and was never run. */
export class DatabaseBusyError extends Error {
  constructor(waitedMs: number) {
    super(`The database did not take the query within ${waitedMs} ms`);
    this.name = "DatabaseBusyError";
  }
}

/**
 * True when the database gave up on a query: PostgreSQL's statement or idle-in-transaction timeout,
 * the pool's wait for a connection, or PGlite's queue wait.
 */
export function isDatabaseTimeout(e: unknown): boolean {
  for (let cur = e, depth = 0; cur && typeof cur === "object" && depth < 5; depth++) {
    if (cur instanceof DatabaseBusyError) return true;
    const err = cur as PgError;
    if (err.code === "57014" || err.code === "25P03" || err.message === "timeout exceeded when trying to connect") return true;
    cur = err.cause;
  }
  return false;
}
