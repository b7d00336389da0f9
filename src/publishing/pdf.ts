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
};

/** Peak memory of the last PDF worker, in KiB (for the benchmarks). */
export let lastWorkerMaxRssKb = 0;

/** Compiles Typst source to PDF in a fresh child process; rejects with Typst's diagnostics. */
export function compilePdf(source: string, options: PdfOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [], { stdio: ["ignore", "ignore", "pipe", "ipc"], serialization: "advanced" });
    let stderr = "";
    child.stderr?.on("data", (d) => (stderr += String(d)));
    child.once("message", (message: { pdf?: string; error?: string; maxRssKb?: number }) => {
      lastWorkerMaxRssKb = message.maxRssKb ?? 0;
      if (message.pdf) resolve(Buffer.from(message.pdf, "base64"));
      else reject(new Error(`Typst could not compile the document: ${message.error}`));
    });
    child.once("exit", (code) => {
      if (code !== 0) reject(new Error(`The PDF worker stopped (code ${code}). ${stderr.slice(0, 2000)}`));
    });
    child.send({ source, fontFiles: FONT_FILES, pdfStandard: options.pdfStandard, timestamp: options.timestamp });
  });
}
