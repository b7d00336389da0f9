import { fork } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "#src/lib/paths.ts";

const WORKER = join(PROJECT_ROOT, "src", "publishing", "typst-worker.mjs");
export const FONTS_DIR = join(PROJECT_ROOT, "fonts");
const FONT_FILES = readdirSync(FONTS_DIR)
  .filter((f) => f.endsWith(".ttf"))
  .map((f) => join(FONTS_DIR, f));

export type PdfOptions = {
  /** Seconds since the epoch written as the creation date: the edition's date, for reproducible files. */
  timestamp: number;
  /** E.g. "a-2b" for PDF/A-2b. */
  pdfStandard?: string | undefined;
  /** Aborting kills the compiler's process (SIGKILL): a timeout or a runner that lost its job. */
  signal?: AbortSignal | undefined;
};

/** Peak memory of the last PDF worker, in KiB (for the benchmarks). */
export let lastWorkerMaxRssKb = 0;

/**
 * Runs a script in a fresh child process, sends it one message and resolves with its first reply.
 * When the signal aborts, the child is killed with SIGKILL (a compiler stuck in native code
 * ignores anything gentler) and the promise rejects once the process is gone.
 */
export function runInChild<T>(script: string, message: unknown, signal?: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error(`The worker was not started: ${String(signal.reason)}`));
    const child = fork(script, [], { stdio: ["ignore", "ignore", "pipe", "ipc"], serialization: "advanced" });
    let stderr = "";
    let aborted = false;
    const onAbort = () => {
      aborted = true;
      child.kill("SIGKILL");
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    child.stderr?.on("data", (d) => (stderr += String(d)));
    child.once("message", (reply: T) => resolve(reply));
    child.once("exit", (code, killedBy) => {
      signal?.removeEventListener("abort", onAbort);
      if (aborted) reject(new Error(`The worker was stopped: ${String(signal?.reason)}`));
      else if (code !== 0) reject(new Error(`The worker stopped (${killedBy ?? `code ${code}`}). ${stderr.slice(0, 2000)}`));
    });
    child.send(message as object);
  });
}

/** Compiles Typst source to PDF in a fresh child process; rejects with Typst's diagnostics. */
export async function compilePdf(source: string, options: PdfOptions): Promise<Buffer> {
  const message = await runInChild<{ pdf?: string; error?: string; maxRssKb?: number }>(
    WORKER,
    { source, fontFiles: FONT_FILES, pdfStandard: options.pdfStandard, timestamp: options.timestamp },
    options.signal,
  );
  lastWorkerMaxRssKb = message.maxRssKb ?? 0;
  if (!message.pdf) throw new Error(`Typst could not compile the document: ${message.error}`);
  return Buffer.from(message.pdf, "base64");
}
