import { setImmediate as nextTurn } from "node:timers/promises";

// Long work on the event loop (checking, comparing or indexing a whole report) gives other
// requests their turn every few milliseconds, instead of after every step or not at all.

/**
 * A pause to call between steps of long work: it gives the event loop a turn once `sliceMs` of
 * work have passed since the last one, and otherwise returns at once. With a signal, it throws
 * the signal's reason once aborted, so the work stops at the next step.
 */
export function yieldEvery(sliceMs = 8, signal?: AbortSignal): () => Promise<void> {
  let since = performance.now();
  return async () => {
    signal?.throwIfAborted();
    if (performance.now() - since < sliceMs) return;
    await nextTurn();
    signal?.throwIfAborted();
    since = performance.now();
  };
}
