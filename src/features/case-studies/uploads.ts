import { fileTypeFromBuffer } from "file-type";
import { unzipSync } from "fflate";
import { appError } from "#src/lib/errors.ts";

// What a member may upload, decided by the bytes and never by the file's name.

/** Attachments: documents and pictures a browser shows safely. SVG is refused (it can carry script). */
export const ATTACHMENT_TYPES = ["application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp"] as const;
export const IMAGE_TYPES: readonly string[] = ["image/png", "image/jpeg", "image/gif", "image/webp"];
export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Limits on what a .docx may unpack to: a Word file is a zip, and a zip can be a bomb. */
export const ARCHIVE_LIMITS = { entries: 2_000, totalBytes: 150 * 1024 * 1024, ratio: 200 };

/** The media type the content shows, or undefined when it is none we know. */
export async function sniff(data: Uint8Array): Promise<string | undefined> {
  return (await fileTypeFromBuffer(data))?.mime;
}

/** Checks an attachment's content; answers its real media type or refuses it. */
export async function checkAttachment(data: Uint8Array): Promise<string> {
  const type = await sniff(data);
  if (!type || !(ATTACHMENT_TYPES as readonly string[]).includes(type)) throw appError("FILE_TYPE_NOT_ALLOWED");
  return type;
}

/**
 * Checks that bytes are a Word document that unpacks within limits: how many entries, how many
 * bytes in all, and how much each entry expands. Declared sizes are checked before an entry is
 * inflated, and the inflated sizes are checked again (a zip's headers can lie).
 */
export async function checkDocx(data: Uint8Array): Promise<void> {
  const unpacked = checkZip(data);
  if ((await sniff(data).catch(() => undefined)) !== DOCX_TYPE || !unpacked["word/document.xml"]) throw appError("FILE_TYPE_NOT_ALLOWED");
}

/** Unpacks a zip (a .docx, an .xlsx) within ARCHIVE_LIMITS, or refuses it; answers its entries. */
export function checkZip(data: Uint8Array): Record<string, Uint8Array> {
  // A zip's limits are checked before anything (even type detection) inflates an entry.
  const isZip = data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
  if (!isZip) throw appError("FILE_TYPE_NOT_ALLOWED");
  let entries = 0;
  let declared = 0;
  let unpacked: Record<string, Uint8Array>;
  try {
    unpacked = unzipSync(data, {
      filter: (file) => {
        entries += 1;
        declared += file.originalSize;
        const expands = file.size > 0 ? file.originalSize / file.size : file.originalSize > 0 ? Infinity : 1;
        if (entries > ARCHIVE_LIMITS.entries || declared > ARCHIVE_LIMITS.totalBytes || (file.originalSize > 1_000_000 && expands > ARCHIVE_LIMITS.ratio)) {
          throw appError("UNSAFE_ARCHIVE");
        }
        return true;
      },
    });
  } catch (e) {
    if (e instanceof Error && e.name === "AppError") throw e;
    throw appError("DOCUMENT_UNREADABLE");
  }
  const total = Object.values(unpacked).reduce((sum, bytes) => sum + bytes.length, 0);
  if (total > ARCHIVE_LIMITS.totalBytes) throw appError("UNSAFE_ARCHIVE");
  return unpacked;
}

/** A file name safe to show and to send back in Content-Disposition. */
export function cleanFilename(name: string | undefined, fallback: string): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  const clean = base.normalize("NFC").replace(/[\p{Cc}"<>|*?:]/gu, "").trim().slice(0, 150);
  return clean || fallback;
}
