import { runInPool, TIME_LIMITS_MS } from "#src/lib/pool.ts";
import type { InProcessFormat } from "#src/publishing/in-process.ts";
import { compilePdf } from "#src/publishing/pdf.ts";
import type { Publication } from "#src/publishing/publication.ts";
import { typstDocument } from "#src/publishing/typst/document.ts";

/** An output format: how it is named, served, and produced from a publication. */
export type Format = {
  extension: string;
  mediaType: string;
  /** A job gives up on a rendering after this long (the PDF compiler's process is killed). */
  timeoutMs: number;
  render(publication: Publication, options: { pdfa?: boolean; signal?: AbortSignal }): Promise<Buffer>;
};

/**
 * DOCX, the one-file HTML, the zip and the EPUB are built in JavaScript on the worker pool, so a large
 * edition never holds the server's event loop; a job that gives up stops the worker's task.
 */
const onPool =
  (format: InProcessFormat): Format["render"] =>
  async (publication, options) =>
    Buffer.from(await runInPool<Uint8Array>("export", { format, publication }, { signal: options.signal }));

/** The one registry of export formats; DOCX, single-file HTML, open data and EPUB plug in here. */
export const FORMATS = {
  pdf: {
    extension: "pdf",
    mediaType: "application/pdf",
    timeoutMs: 120_000,
    render: (publication, options) =>
      compilePdf(typstDocument(publication), {
        timestamp: Math.floor(Date.parse(`${publication.date}T00:00:00Z`) / 1000),
        pdfStandard: options.pdfa ? "a-2b" : undefined,
        signal: options.signal,
      }),
  },
  docx: {
    extension: "docx",
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    timeoutMs: TIME_LIMITS_MS.export,
    render: onPool("docx"),
  },
  html: {
    extension: "html",
    mediaType: "text/html; charset=utf-8",
    timeoutMs: TIME_LIMITS_MS.export,
    render: onPool("html"),
  },
  zip: {
    extension: "zip",
    mediaType: "application/zip",
    timeoutMs: TIME_LIMITS_MS.export,
    render: onPool("zip"),
  },
  epub: {
    extension: "epub",
    mediaType: "application/epub+zip",
    timeoutMs: TIME_LIMITS_MS.export,
    render: onPool("epub"),
  },
} satisfies Record<string, Format>;

export type FormatName = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];
export const isFormat = (name: string): name is FormatName => name in FORMATS;
