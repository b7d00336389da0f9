// File names: what people upload is kept under a clean name, and every download names its file
// through contentDisposition, so a name never carries direction overrides (U+202E turns
// "invoice‮cod.exe" into what looks like "invoiceexe.doc"), control characters or quotes.

/**
 * Control characters (C0, DEL, C1), format characters (bidi embeddings, overrides, isolates and
 * marks, U+061C, zero-width characters, the byte-order mark), line and paragraph separators,
 * unpaired surrogates, and the characters systems refuse in a name.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\\/"<>|*?:]/gu;
const MAX_LENGTH = 150;

/** A file name safe to store, show and send back: NFC, without folders or unsafe characters, trimmed, its extension kept. */
export function cleanFilename(name: string | undefined, fallback: string): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  const clean = base.normalize("NFC").replace(UNSAFE, "").replace(/\s+/gu, " ").trim();
  const chars = Array.from(clean);
  if (chars.length <= MAX_LENGTH) return clean || fallback;
  // Too long: the stem is shortened, so the extension (up to 10 characters) stays.
  const dot = clean.lastIndexOf(".");
  const extension = dot > 0 && clean.length - dot <= 11 ? clean.slice(dot) : "";
  return Array.from(clean.slice(0, clean.length - extension.length)).slice(0, MAX_LENGTH - extension.length).join("").trim() + extension;
}

// RFC 5987 attr-char: what may stand unescaped in filename*.
const encodeAttr = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The Content-Disposition header of a download (RFC 6266): `filename` with an ASCII stand-in for
 * old clients, `filename*` with the clean name in UTF-8 (RFC 5987).
 */
export function contentDisposition(kind: "attachment" | "inline", name: string): string {
  const clean = cleanFilename(name, "download");
  const ascii = clean
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]|[%\\";]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeAttr(clean)}`;
}
