import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { sql, type SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import pg from "pg";
import { withLocalAnnouncements } from "#src/db/changes.ts";
import { DatabaseBusyError } from "#src/db/errors.ts";

/** The query interface every repository takes; a transaction's `tx` is one too. */
export type Db = PgDatabase<PgQueryResultHKT>;

export type Engine = "pglite" | "postgres";

/** An open database: the Drizzle handle plus what the app needs to run and stop it. */
export type Database = {
  readonly db: Db;
  readonly engine: Engine;
  /** Throws when the database cannot answer a trivial query. */
  ping(): Promise<void>;
  /**
   * Hears `NOTIFY channel` from every connection to the database (this process's and other
   * instances'), each payload once its transaction has committed. On PostgreSQL one connection
   * outside the pool listens, and comes back after losing its server (`onReconnect` then says that
   * notifications may have been missed). Returns what stops listening.
   */
  listen(channel: string, onMessage: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

/**
 * How long one query may hold the database. PostgreSQL cancels a statement after
 * `statementTimeoutMs` and ends a session left idle inside a transaction sooner; a request that
 * waits longer than `waitLimitMs` for a pooled connection, or for its turn in PGlite's queue, gives
 * up. Each of these reaches the client as a 503 (UNAVAILABLE) instead of a hang. Only the server
 * sets them (SERVER_LIMITS): the CLI's migrations, backups and restores may take as long as they need.
 */
export type Limits = { statementTimeoutMs?: number; idleInTransactionMs?: number; waitLimitMs?: number };
export const SERVER_LIMITS: Required<Limits> = { statementTimeoutMs: 30_000, idleInTransactionMs: 120_000, waitLimitMs: 30_000 };

/** Opens PostgreSQL when a URL is given, otherwise PGlite with its files under dataDir/pglite. */
export async function openDatabase(options: { databaseUrl?: string | undefined; dataDir: string; limits?: Limits }): Promise<Database> {
  if (options.databaseUrl) return fromPool(createPool(options.databaseUrl, options.limits));
  const dir = join(options.dataDir, "pglite");
  mkdirSync(dir, { recursive: true });
  return fromPglite(await createPglite({ dataDir: dir }), options.limits);
}

/** A node-postgres pool of ten connections, each with the statement limits set at connection. */
export function createPool(connectionString: string, limits: Limits = {}): pg.Pool {
  const { statementTimeoutMs, idleInTransactionMs, waitLimitMs } = limits;
  return new pg.Pool({
    connectionString,
    max: 10,
    statement_timeout: statementTimeoutMs,
    idle_in_transaction_session_timeout: idleInTransactionMs,
    connectionTimeoutMillis: waitLimitMs,
  });
}

/**
 * PGlite's PostgreSQL zeroes its whole buffer pool at start: initdb's 128 MB of shared_buffers was
 * most of the server's memory at rest. 32 MB holds the demo's data several times over; pages
 * beyond it come from the operating system's file cache (see bench/RESULTS.md, start-up and memory).
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"];

/** A PGlite instance with the extensions our migrations use (trigram similarity, unaccent). */
export const createPglite = (options: PGliteOptions = {}) => PGlite.create({ startParams: PGLITE_START_PARAMS, ...options, extensions: { pg_trgm, unaccent } });

/**
 * PGlite runs each query synchronously in this process and hands its lock from one waiting query
 * to the next without returning to the event loop. Under a steady stream of requests the loop then
 * rarely polls, and Node (libuv 1.46+) leaves new connections waiting in the accept queue until the
 * stream stops: a visitor who was not already connected waited for the whole of a 20 s load run.
 * So queries (and transactions) wait in our own queue, first come first served as in PGlite's, and
 * the event loop turns before the next one runs once BUSY_MS have gone by without a turn (turning
 * before every query halved the throughput; see bench/RESULTS.md).
 *
 * A query or transaction that has waited `waitLimitMs` without its turn is dropped from the queue
 * (it never runs) and rejects with DatabaseBusyError. That is all the limit covers: PGlite runs
 * each statement synchronously in WebAssembly, so a statement that has started cannot be stopped,
 * and a transaction whose own code never finishes keeps the queue until it does; only those
 * waiting behind it are answered.
 */
const BUSY_MS = 10;

function turnEventLoopBetweenQueries(client: PGlite, waitLimitMs: number | undefined): PGlite {
  let turned = performance.now();
  const turn = async () => {
    if (performance.now() - turned < BUSY_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    turned = performance.now();
  };
  let queue: Promise<unknown> = Promise.resolve();
  const target = client as unknown as Record<"query" | "exec" | "transaction", (...args: unknown[]) => Promise<unknown>>;
  for (const name of ["query", "exec", "transaction"] as const) {
    const original = target[name].bind(client);
    target[name] = (...args: unknown[]) => {
      if (waitLimitMs === undefined) {
        const run = queue.then(turn).then(() => original(...args));
        queue = run.catch(() => undefined);
        return run;
      }
      let expired = false;
      let timer: NodeJS.Timeout | undefined;
      const tooLate = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          expired = true;
          reject(new DatabaseBusyError(waitLimitMs));
        }, waitLimitMs);
      });
      const run = queue.then(turn).then(() => {
        clearTimeout(timer);
        return expired ? undefined : original(...args);
      });
      queue = run.catch(() => undefined);
      return Promise.race([run, tooLate]);
    };
  }
  return client;
}

/** Wraps an existing PGlite instance (tests load one from a migrated template). */
export function fromPglite(client: PGlite, limits: Limits = {}): Database {
  const db = drizzlePglite({ client: turnEventLoopBetweenQueries(client, limits.waitLimitMs) }) as unknown as Db;
  return {
    db,
    engine: "pglite",
    ping: async () => void (await db.execute(sql`select 1`)),
    listen: async (channel, onMessage) => {
      const unlisten = await client.listen(channel, onMessage);
      return async () => {
        if (!client.closed) await unlisten();
      };
    },
    close: () => client.close(),
  };
}

/** Wraps a node-postgres pool. */
export function fromPool(pool: pg.Pool): Database {
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on("error", () => {});
  const db = drizzlePostgres({ client: pool }) as unknown as Db;
  return {
    db,
    engine: "postgres",
    ping: async () => void (await db.execute(sql`select 1`)),
    listen: (channel, onMessage, onReconnect) => listenOnPostgres(pool.options.connectionString, channel, onMessage, onReconnect),
    close: () => pool.end(),
  };
}

const RELISTEN_MS = [100, 500, 1000, 2000, 5000];
/** How often the listening connection is asked whether it still hears, and how long it may take to answer. */
const LISTEN_PING_MS = 30_000;
const LISTEN_PING_TIMEOUT_MS = 5_000;

/**
 * One connection that LISTENs on a channel, opened again (with backoff) whenever it is lost. A
 * connection can also die without a word (a proxy's idle timeout, a failover): it is asked
 * `select 1` every 30 s, and one that does not answer in 5 s is dropped and replaced, with
 * `onReconnect` saying that notifications may have been missed meanwhile.
 */
async function listenOnPostgres(connectionString: string | undefined, channel: string, onMessage: (payload: string) => void, onReconnect?: () => void) {
  let stopped = false;
  let client: pg.Client | undefined;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  const retry = () => {
    timer = setTimeout(() => void reconnect(), RELISTEN_MS[Math.min(failures++, RELISTEN_MS.length - 1)]);
  };
  /** The connection in use is gone or deaf: forget it (closing it in the background) and open another. */
  const lost = (which: pg.Client) => {
    if (stopped || client !== which) return;
    client = undefined;
    void which.end().catch(() => undefined);
    retry();
  };
  const connect = async (first: boolean): Promise<void> => {
    const next = new pg.Client({ connectionString, keepAlive: true, query_timeout: LISTEN_PING_TIMEOUT_MS });
    next.on("notification", (message) => {
      if (message.channel === channel) onMessage(message.payload ?? "");
    });
    // An error on a lost connection must not crash the process; it is replaced.
    next.on("error", () => lost(next));
    next.on("end", () => lost(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (err) {
      void next.end().catch(() => undefined);
      throw err;
    }
    client = next;
    failures = 0;
    if (!first) onReconnect?.();
  };
  const reconnect = async () => {
    if (stopped) return;
    try {
      await connect(false);
    } catch {
      retry();
    }
  };
  const ping = setInterval(() => {
    const current = client;
    current?.query("select 1").catch(() => lost(current));
  }, LISTEN_PING_MS);
  ping.unref();
  try {
    await connect(true);
  } catch (err) {
    clearInterval(ping);
    throw err;
  }
  return async () => {
    stopped = true;
    clearInterval(ping);
    clearTimeout(timer);
    const last = client;
    client = undefined;
    await last?.end().catch(() => undefined);
  };
}

/** Runs the given SQL-level callback in one transaction; the only way services should open one. */
export function transaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  // Changes it announces (db/changes.ts) reach this process's caches right after the commit.
  return withLocalAnnouncements(db, (collect) =>
    db.transaction((tx) => {
      collect(tx);
      return work(tx);
    }),
  );
}

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (result as { rows: T[] }).rows;
}
