import type { Language } from "#src/domain/languages.ts";

// French sets a narrow no-break space (U+202F) before : ; ? ! and inside « », so the mark never
// starts a line on its own. One function does it for every output: the translator applies it to
// French messages, the Markdown parser to the text nodes of French prose (never to code, URLs or
// Markdown syntax, which are not text nodes), so pages, PDF and DOCX agree.

const NNBSP = "\u202f";
const SPACE = "[ \\u00a0\\u202f]";

// A mark that ends a word: after a letter, digit or closing sign (a space between them is
// replaced), and followed by a space, the end of the text, a closing sign or a ? or ! ("?!").
// "10:30", "https://", "::figure", "?q=" and "a;b" are left alone: something else follows.
const HIGH_PUNCTUATION = new RegExp(`([^\\s:;?!(\\[«“])${SPACE}?([:;?!])(?=$|\\s|[»)\\]”’"'.,…?!])`, "gu");
// The same mark where a text node starts right at it, after a link or emphasis (" : voir", ": voir").
const LEADING_PUNCTUATION = new RegExp(`^${SPACE}?([:;?!])(?=$|\\s)`, "u");
const OPENING_GUILLEMET = new RegExp(`«${SPACE}?`, "gu");
const CLOSING_GUILLEMET = new RegExp(`${SPACE}?»`, "gu");

/**
 * French spacing for one piece of prose; texts in other languages come back unchanged. `leading`
 * says whether the text continues something before it (a link or emphasis), so a mark at its very
 * start ends a word too; a text that starts a cell or a paragraph ("?") has no word before its mark.
 */
export function typeset(text: string, lang: Language, leading = true): string {
  if (lang !== "fr" || !/[:;?!«»]/.test(text)) return text;
  const spaced = text.replace(HIGH_PUNCTUATION, `$1${NNBSP}$2`);
  return (leading ? spaced.replace(LEADING_PUNCTUATION, `${NNBSP}$1`) : spaced)
    .replace(OPENING_GUILLEMET, `«${NNBSP}`)
    .replace(CLOSING_GUILLEMET, `${NNBSP}»`);
}
