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
