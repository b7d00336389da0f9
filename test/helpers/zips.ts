import { crc32, deflateRawSync } from "node:zlib";

// Zips built by hand, byte by byte, so a test can make their headers say what it likes.

export type HandEntry = {
  name: string;
  data: Uint8Array;
  /** Deflate (the default) or store. */
  method?: "deflate" | "store";
  /** The unpacked size the local header declares (default: the real one; with a descriptor, 0). */
  localSize?: number;
  /** The unpacked size the central directory declares (default: the real one). */
  centralSize?: number;
  /** Sizes after the data in a data descriptor (general purpose flag bit 3). */
  descriptor?: { size?: number };
  /** false: written among the others but left out of the central directory. */
  listed?: boolean;
};

const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

/** A zip of the given entries; each header's sizes are the real ones unless the entry says otherwise. */
export function handZip(entries: HandEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const method = entry.method === "store" ? 0 : 8;
    const packed = method === 8 ? deflateRawSync(entry.data, { level: 9 }) : Buffer.from(entry.data);
    const crc = crc32(entry.data);
    const flags = 0x0800 | (entry.descriptor ? 0x0008 : 0);
    const localSize = entry.localSize ?? (entry.descriptor ? 0 : entry.data.length);
    const localPacked = entry.descriptor ? 0 : packed.length;
    const localCrc = entry.descriptor ? 0 : crc;
    const header = Buffer.concat([u32(0x04034b50), u16(20), u16(flags), u16(method), u16(0), u16(0x21), u32(localCrc), u32(localPacked), u32(localSize), u16(name.length), u16(0), name]);
    const descriptor = entry.descriptor ? Buffer.concat([u32(0x08074b50), u32(crc), u32(packed.length), u32(entry.descriptor.size ?? entry.data.length)]) : Buffer.alloc(0);
    const centralSize = entry.centralSize ?? entry.data.length;
    if (entry.listed !== false) centrals.push(Buffer.concat([u32(0x02014b50), u16(20), u16(20), u16(flags), u16(method), u16(0), u16(0x21), u32(crc), u32(packed.length), u32(centralSize), u16(name.length), u16(0), u16(0), u16(0), u16(0), u32(0), u32(offset), name]));
    const local = Buffer.concat([header, packed, descriptor]);
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(centrals.length), u16(centrals.length), u32(central.length), u32(offset), u16(0)]);
  return Buffer.concat([...locals, central, end]);
}

/** The parts a .docx needs to be taken for one, with the given document part. */
export function docxParts(document: Uint8Array): { name: string; data: Uint8Array }[] {
  const text = (s: string) => new TextEncoder().encode(s);
  return [
    {
      name: "[Content_Types].xml",
      data: text(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
    },
    { name: "_rels/.rels", data: text('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>') },
    { name: "word/document.xml", data: document },
  ];
}
