import { appError } from "#src/lib/errors.ts";

// Characters no text of ours may hold: C0 controls other than tab, line feed and carriage return
// (NUL among them: PostgreSQL refuses it in text, XML and Typst outputs cannot carry it), lone
// surrogates (not Unicode at all: a driver would turn them into U+FFFD on the way to the
// database) and the noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two of every plane).
const INVALID = /[\0-\x08\x0B\x0C\x0E-\x1F\p{Cs}\p{Noncharacter_Code_Point}]/u;
// A run of percent escapes that is not UTF-8 (`%FF`, `%ED%A0%80` for a surrogate): the query
// parser leaves such a run as it is, so the decoded value alone cannot tell it was broken.
const ESCAPES = /(?:%[0-9A-Fa-f]{2})+/g;

/**
 * Refuses input holding such characters anywhere (strings, keys, nested lists and objects) with
 * INVALID_CHARACTERS. Refused rather than stripped: removing characters silently would change
 * what a person wrote (and what a signature, hash or quoted passage matches) without telling them.
 */
export function assertValidText(value: unknown): void {
  // A list rather than recursion: a deeply nested JSON body must not exhaust the stack.
  const pending = [value];
  while (pending.length) {
    const v = pending.pop();
    if (typeof v === "string") {
      if (INVALID.test(v)) throw appError("INVALID_CHARACTERS");
    } else if (Array.isArray(v)) for (const item of v) pending.push(item);
    else if (v !== null && typeof v === "object") for (const [key, item] of Object.entries(v)) pending.push(key, item);
  }
}

/** Refuses URL-encoded text (a query string, a form body) whose percent escapes are not UTF-8. */
export function assertValidEscapes(encoded: string): void {
  for (const [run] of encoded.matchAll(ESCAPES)) {
    try {
      decodeURIComponent(run);
    } catch {
      throw appError("INVALID_CHARACTERS");
    }
  }
}

/** The text, or its first `max` - 1 characters and "…" when it is longer. */
export const shorten = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
