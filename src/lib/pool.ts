import { Piscina } from "piscina";
import { appError, retryLater, type ErrorCode, type FieldErrors } from "#src/lib/errors.ts";

// CPU-heavy work (Markdown of large texts, Word and spreadsheet files, charts) runs on worker
// threads, each task with a time limit: the event loop keeps answering everyone else, and a task
// over its limit has its thread terminated. Threads start on demand and stop when idle.

/**
 * The tasks the worker entry (src/worker.ts) knows, with the time each may take. The time counts
 * from the request, so it includes waiting in the queue and starting a thread (about 2 s when the
 * pool is idle): the limits on input (content/limits.ts) refuse hostile text first, and these are
 * the backstop, loose enough that a busy machine loading the demo stays within them.
 */
export const TIME_LIMITS_MS = { markdown: 20_000, references: 20_000, inspect: 20_000, blocks: 20_000, word: 30_000, spreadsheet: 30_000, vega: 10_000, export: 60_000, "review-docx": 30_000, "review-read": 30_000, "review-place": 30_000, suggest: 20_000 } as const;
export type TaskName = keyof typeof TIME_LIMITS_MS;

/** What the worker sends back: a value, or a catalogue error raised while working. */
export type TaskOutcome<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; fields: FieldErrors };

// From the bundle (dist/cli.mjs) the worker is its sibling dist/worker.mjs; from the sources it is
// src/worker.ts, behind a small entry that loads it through tsx.
const fromSources = import.meta.url.endsWith(".ts");
const WORKER = fromSources ? new URL("../worker-from-sources.mjs", import.meta.url) : new URL("./worker.mjs", import.meta.url);

let pool: Piscina | undefined;

function poolOf(): Piscina {
  pool ??= new Piscina({
    filename: WORKER.href,
    // Two cores: one thread for the work, one left to the server; a second only while one is busy.
    minThreads: 0,
    maxThreads: 2,
    idleTimeout: 30_000,
    maxQueue: 32,
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: 768 },
  });
  return pool;
}

/**
 * Runs a task on a worker thread. A catalogue error raised there is raised here; a task over its
 * time (or memory) limit is stopped and refused as TOO_COMPLEX; a full queue is UNAVAILABLE.
 */
export async function runInPool<T>(task: TaskName, input: unknown, options: { timeoutMs?: number; signal?: AbortSignal | undefined } = {}): Promise<T> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? TIME_LIMITS_MS[task]);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  let outcome: TaskOutcome<T>;
  try {
    outcome = (await poolOf().run({ task, input }, { signal })) as TaskOutcome<T>;
  } catch (e) {
    const error = e as { name?: string; code?: string; message?: string };
    if (error.name === "AbortError" || error.code === "ERR_WORKER_OUT_OF_MEMORY") throw appError("TOO_COMPLEX");
    if (/queue is at limit/i.test(error.message ?? "")) throw retryLater("UNAVAILABLE", 5);
    throw e;
  }
  if (!outcome.ok) throw appError(outcome.code, outcome.fields);
  return outcome.value;
}

/** Threads currently running (for tests and the benchmark). */
export const poolThreads = () => pool?.threads.length ?? 0;

/** Stops every thread; the next task starts a new pool. */
export async function closePool(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.destroy();
}
