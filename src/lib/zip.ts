import { crc32, inflateRawSync } from "node:zlib";
import { zipSync } from "fflate";

// Unpacking a zip received from outside (a .docx, an .xlsx) without trusting its headers: the
// central directory is read first and its declared sizes are held to the limits before anything
// inflates; each entry is then inflated with a hard cap at the size it declares, so a header that
// understates a part stops the inflation there; an entry whose local header, data descriptor,
// real size or checksum disagrees with the directory is refused.

export type ZipLimits = {
  /** Most entries a zip may hold. */
  entries: number;
  /** Most bytes all entries together may unpack to. */
  totalBytes: number;
  /** Most an entry over a megabyte may expand (unpacked / packed). */
  ratio: number;
};

/** Why a zip was refused: it unpacks past the limits or its headers lie ("unsafe"), or it is broken. */
export class ZipRefused extends Error {
  constructor(readonly reason: "unsafe" | "unreadable") {
    super(`zip refused: ${reason}`);
    this.name = "ZipRefused";
  }
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const DESCRIPTOR = 0x08074b50;

type Entry = { name: string; nameBytes: Uint8Array; flags: number; method: number; crc: number; packed: number; size: number; offset: number };

const unsafe = () => new ZipRefused("unsafe");
const unreadable = () => new ZipRefused("unreadable");

function endRecord(view: DataView): number {
  // The end record is 22 bytes followed by a comment of at most 65,535 bytes.
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at -= 1) {
    if (view.getUint32(at, true) === END) return at;
  }
  throw unreadable();
}

function directory(data: Uint8Array, view: DataView, limits: ZipLimits): Entry[] {
  const end = endRecord(view);
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const start = view.getUint32(end + 16, true);
  // Several disks and ZIP64 (counts or offsets at their maximum) are nothing an office file needs.
  if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 8, true) !== count || count === 0xffff || start === 0xffffffff) throw unreadable();
  if (count > limits.entries) throw unsafe();
  if (start + size > end) throw unreadable();
  const entries: Entry[] = [];
  const names = new Set<string>();
  let declared = 0;
  for (let at = start, i = 0; i < count; i += 1) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL) throw unreadable();
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (next > end) throw unreadable();
    const nameBytes = data.subarray(at + 46, at + 46 + nameLength);
    const entry: Entry = {
      name: new TextDecoder().decode(nameBytes),
      nameBytes,
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      packed: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
    };
    // Encrypted entries, methods other than stored and deflate, ZIP64 sizes, a name given twice, and
    // `__proto__` (as a key of the parts it would replace their object's prototype).
    if (entry.flags & 1 || (entry.method !== 0 && entry.method !== 8) || entry.packed === 0xffffffff || entry.size === 0xffffffff || entry.offset === 0xffffffff || names.has(entry.name) || entry.name === "__proto__") throw unreadable();
    names.add(entry.name);
    declared += entry.size;
    const expands = entry.packed > 0 ? entry.size / entry.packed : Infinity;
    if (declared > limits.totalBytes || (entry.size > 1_000_000 && expands > limits.ratio)) throw unsafe();
    entries.push(entry);
    at = next;
  }
  return entries;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

/** Where an entry's packed bytes are, once its local header (and data descriptor) agree with the directory. */
function packedBytes(data: Uint8Array, view: DataView, entry: Entry, directoryStart: number): Uint8Array {
  const at = entry.offset;
  if (at + 30 > directoryStart || view.getUint32(at, true) !== LOCAL) throw unreadable();
  const flags = view.getUint16(at + 6, true);
  const nameLength = view.getUint16(at + 26, true);
  const start = at + 30 + nameLength + view.getUint16(at + 28, true);
  const stop = start + entry.packed;
  if (stop > directoryStart || view.getUint16(at + 8, true) !== entry.method || !sameBytes(data.subarray(at + 30, at + 30 + nameLength), entry.nameBytes)) throw unreadable();
  const local = { crc: view.getUint32(at + 14, true), packed: view.getUint32(at + 18, true), size: view.getUint32(at + 22, true) };
  const agrees = (h: { crc: number; packed: number; size: number }) => h.crc === entry.crc && h.packed === entry.packed && h.size === entry.size;
  if (flags & 8) {
    // Sizes follow the data in a descriptor (its signature optional); the local header may hold zeros.
    if ((local.packed !== 0 || local.size !== 0) && !agrees(local)) throw unsafe();
    const signed = stop + 4 <= directoryStart && view.getUint32(stop, true) === DESCRIPTOR ? 4 : 0;
    if (stop + signed + 12 > directoryStart) throw unreadable();
    const descriptor = { crc: view.getUint32(stop + signed, true), packed: view.getUint32(stop + signed + 4, true), size: view.getUint32(stop + signed + 8, true) };
    if (!agrees(descriptor)) throw unsafe();
  } else if (!agrees(local)) {
    throw unsafe();
  }
  return data.subarray(start, stop);
}

function inflate(packed: Uint8Array, entry: Entry): Uint8Array {
  if (entry.method === 0) {
    if (entry.packed !== entry.size) throw unsafe();
    return packed;
  }
  let bytes: Uint8Array;
  try {
    // The cap is the size the entry declares: inflation stops as soon as the real output passes it.
    bytes = inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.size) });
  } catch (e) {
    throw (e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? unsafe() : unreadable();
  }
  if (bytes.length !== entry.size) throw unsafe();
  return bytes;
}

/** The entries of a zip (folders left out), each checked as the header of this file says; or ZipRefused. */
export function unzipChecked(data: Uint8Array, limits: ZipLimits): Record<string, Uint8Array> {
  if (data.length < 22 || data[0] !== 0x50 || data[1] !== 0x4b || data[2] !== 0x03 || data[3] !== 0x04) throw unreadable();
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const entries = directory(data, view, limits);
  const directoryStart = view.getUint32(endRecord(view) + 16, true);
  const unpacked: Record<string, Uint8Array> = {};
  let total = 0;
  for (const entry of entries) {
    const bytes = inflate(packedBytes(data, view, entry, directoryStart), entry);
    total += bytes.length;
    if (total > limits.totalBytes) throw unsafe();
    if (crc32(bytes) !== entry.crc) throw unreadable();
    if (!(entry.name.endsWith("/") && bytes.length === 0)) unpacked[entry.name] = bytes;
  }
  return unpacked;
}

/** Checked entries as a zip again, stored without compression: all a reader then inflates is what was checked. */
export const repack = (entries: Record<string, Uint8Array>): Buffer => {
  const zip = zipSync(entries, { level: 0 });
  return Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
};
