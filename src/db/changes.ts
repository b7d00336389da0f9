import { sql, type SQL } from "drizzle-orm";

// What changed, said to every instance on the database. A write that makes cached pages or
// lookups stale announces its topic inside its own transaction (`announceChange(tx, ...)`):
// PostgreSQL delivers the NOTIFY to every listening connection once the transaction commits, and
// never if it rolls back, so no instance forgets too early (and re-caches the old state) or for
// nothing. This instance hears its own announcements at once, after the commit, through
// `transaction()` (see client.ts), without waiting for the round trip.

export const CHANGES_CHANNEL = "living_report_changes";

/** What a cache can depend on. Each is announced by the writes that change what it covers. */
export const CHANGE_TOPICS = [
  /** Editions created, published, withdrawn; their pages and texts; the current edition. */
  "editions",
  /** Case studies moved between states (published, withdrawn), saved while published, their annex. */
  "case-studies",
  /** Reports, technologies, regions and organizations: the frame every page hangs on. */
  "catalog",
  /** Surveys and their published results and figures. */
  "surveys",
  /** Events, outcomes and recommendations. */
  "events",
  /** The living draft's outline and texts. */
  "draft",
] as const;
export type ChangeTopic = (typeof CHANGE_TOPICS)[number];

/** A transaction (or the database) as far as announcing goes; client.ts's Db is one. */
type Db = { execute(query: SQL): Promise<unknown> };
/** An open database as far as listening goes; client.ts's Database is one (client.ts imports this file). */
type Listening = { listen(channel: string, onMessage: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>> };

const isTopic = (value: string): value is ChangeTopic => (CHANGE_TOPICS as readonly string[]).includes(value);

/** Topics announced inside a transaction that has not committed yet, by its `tx`. */
const pending = new WeakMap<object, Set<ChangeTopic>>();

/** Local listeners: every open app in this process (tests run several). */
const local = new Set<(topic: ChangeTopic) => void>();

/** In the caller's transaction: every instance hears `topic` once it commits. */
export async function announceChange(tx: Db, ...topics: ChangeTopic[]): Promise<void> {
  for (const topic of new Set(topics)) {
    await tx.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${topic})`);
    pending.get(tx)?.add(topic);
  }
}

/**
 * Called by `transaction()` around its work: collects the topics announced, and tells this process
 * once committed. A transaction inside another (a savepoint) adds to the enclosing one's topics: they
 * are told when the outermost commits, never when a savepoint is released.
 */
export async function withLocalAnnouncements<T>(outer: object, run: (collect: (tx: object) => void) => Promise<T>): Promise<T> {
  const enclosing = pending.get(outer);
  const topics = enclosing ?? new Set<ChangeTopic>();
  const result = await run((tx) => pending.set(tx, topics));
  if (!enclosing) for (const topic of topics) for (const listener of local) listener(topic);
  return result;
}

/**
 * Calls `onChange` with each topic announced from now on, by this process or any other instance
 * (a topic may arrive twice: once locally, once through the database). After a lost connection to
 * PostgreSQL comes back, every topic is called, since announcements may have been missed meanwhile.
 * Returns what stops it.
 */
export async function listenForChanges(database: Listening, onChange: (topic: ChangeTopic) => void): Promise<() => Promise<void>> {
  local.add(onChange);
  const everything = () => CHANGE_TOPICS.forEach(onChange);
  try {
    const stop = await database.listen(CHANGES_CHANNEL, (payload) => isTopic(payload) && onChange(payload), everything);
    return async () => {
      local.delete(onChange);
      await stop();
    };
  } catch (err) {
    local.delete(onChange);
    throw err;
  }
}
