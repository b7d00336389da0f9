import { appError } from "#src/lib/errors.ts";
import { repack, unzipChecked, ZipRefused } from "#src/lib/zip.ts";

// What a member may upload, decided by the bytes and never by the file's name.

/** Attachments: documents and pictures a browser shows safely. SVG is refused (it can carry script). */
export const ATTACHMENT_TYPES = ["application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp"] as const;
export const IMAGE_TYPES: readonly string[] = ["image/png", "image/jpeg", "image/gif", "image/webp"];
/** How many days an uploaded file waits for its uploader's confirmation (a case-study import, a review file) before the clean-up deletes it. */
export const KEEP_PENDING_DAYS = 7;
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Limits on what a .docx or .xlsx may unpack to: both are zips, and a zip can be a bomb. */
export const ARCHIVE_LIMITS = { entries: 2_000, totalBytes: 150 * 1024 * 1024, ratio: 200 };

/** The media type the content shows, or undefined when it is none we know. */
export async function sniff(data: Uint8Array): Promise<string | undefined> {
  const { fileTypeFromBuffer } = await import("file-type"); // loaded with the first upload
  return (await fileTypeFromBuffer(data))?.mime;
}

/** Checks an attachment's content; answers its real media type or refuses it. */
export async function checkAttachment(data: Uint8Array): Promise<string> {
  const type = await sniff(data);
  if (!type || !(ATTACHMENT_TYPES as readonly string[]).includes(type)) throw appError("FILE_TYPE_NOT_ALLOWED");
  return type;
}

/**
 * Checks that bytes are a Word document that unpacks within limits (see checkZip); answers the
 * checked parts packed again without compression, the only bytes a reader should be given.
 */
export async function checkDocx(data: Uint8Array): Promise<Buffer> {
  const unpacked = checkZip(data, "docx");
  const checked = repack(unpacked);
  if (!unpacked["word/document.xml"] || (await sniff(checked).catch(() => undefined)) !== DOCX_TYPE) throw appError("FILE_TYPE_NOT_ALLOWED");
  return checked;
}

const REFUSALS = {
  docx: { unsafe: "UNSAFE_ARCHIVE", unreadable: "DOCUMENT_UNREADABLE" },
  xlsx: { unsafe: "UNSAFE_SPREADSHEET", unreadable: "SPREADSHEET_UNREADABLE" },
} as const;

/**
 * Unpacks a zip (a .docx, an .xlsx) within ARCHIVE_LIMITS, or refuses it with the message for
 * that kind of file; answers its entries. No header is trusted: declared sizes are held to the
 * limits before anything (even type detection) inflates, and each part is inflated with a hard
 * cap at its declared size and refused when its real size differs (see lib/zip.ts).
 */
export function checkZip(data: Uint8Array, kind: "docx" | "xlsx"): Record<string, Uint8Array> {
  const isZip = data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
  if (!isZip) throw appError("FILE_TYPE_NOT_ALLOWED");
  try {
    return unzipChecked(data, ARCHIVE_LIMITS);
  } catch (e) {
    if (e instanceof ZipRefused) throw appError(REFUSALS[kind][e.reason]);
    throw e;
  }
}
