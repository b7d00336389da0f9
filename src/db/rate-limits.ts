import { sql } from "drizzle-orm";
import { queryRows, type Db } from "#src/db/client.ts";
import { retryLater } from "#src/lib/errors.ts";

// Counters of tries (signing in, asking for a reset link, subscribing) kept in the database, so
// that every instance behind a load balancer counts against the same share: a client or an
// address that spreads its tries over the instances is stopped as if there were one. Each hit is
// one statement (the row is locked by the upsert, so hits arriving together on several instances
// are each counted); rows whose window is over count from zero again and are purged by the schedule.

/** At most `max` hits per key in a fixed window of `window` ms that starts with the key's first hit. */
export type RateLimit = { window: number; max: number };

/** Counts a hit on `key`; answers the seconds to wait when the key is past its share, else null. */
export async function takeHit(db: Db, key: string, limit: RateLimit): Promise<number | null> {
  const [row] = await queryRows<{ hits: number; wait: number }>(
    db,
    sql`insert into rate_limits (key, hits, resets_at)
        values (${key}, 1, now() + ${Math.round(limit.window)}::int * interval '1 millisecond')
        on conflict (key) do update set
          hits = case when rate_limits.resets_at <= now() then 1 else rate_limits.hits + 1 end,
          resets_at = case when rate_limits.resets_at <= now() then excluded.resets_at else rate_limits.resets_at end
        returning hits, extract(epoch from resets_at - now())::float8 as wait`,
  );
  return row!.hits > limit.max ? Math.max(1, Math.ceil(row!.wait)) : null;
}

/** Counts a hit on `key` and refuses it (429 RATE_LIMITED, Retry-After) once the key is past its share. */
export async function refuseOverLimit(db: Db, key: string, limit: RateLimit): Promise<void> {
  const wait = await takeHit(db, key, limit);
  if (wait !== null) throw retryLater("RATE_LIMITED", wait);
}

/** Forgets a key's hits (a sign-in that succeeded clears its address's failed tries). */
export async function clearHits(db: Db, key: string): Promise<void> {
  await db.execute(sql`delete from rate_limits where key = ${key}`);
}

/** Deletes the counters whose window is over (they would count from zero anyway); on the 5-minute schedule. */
export async function purgeExpiredHits(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`with gone as (delete from rate_limits where resets_at <= now() returning 1) select count(*)::int as n from gone`);
  return row!.n;
}
