import { renderDocx } from "#src/publishing/docx.ts";
import { renderEpub } from "#src/publishing/epub.ts";
import { renderHtmlFile } from "#src/publishing/html-file.tsx";
import { renderOpenData } from "#src/publishing/open-data.ts";
import type { Publication } from "#src/publishing/publication.ts";

/** The formats built in JavaScript, on the thread that calls: the worker pool's export task. */
export const IN_PROCESS = { docx: renderDocx, html: renderHtmlFile, zip: renderOpenData, epub: renderEpub };
export type InProcessFormat = keyof typeof IN_PROCESS;

export const renderInProcess = async (format: InProcessFormat, publication: Publication): Promise<Uint8Array> => IN_PROCESS[format](publication);
