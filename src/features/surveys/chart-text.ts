// How wide a chart's words will be, without fonts. Vega on the server has no canvas to measure
// text, and a browser shows an SVG in an <img> with its own fonts (Arial, Helvetica or Liberation
// Sans), the PDF with Source Sans 3: widths are the wider of the two, per character, in ems.

// Printable ASCII from the space (32) to the tilde (126), hundredths of an em.
const ASCII = [
  28, 29, 43, 56, 56, 89, 67, 25, 33, 33, 42, 58, 28, 33, 28, 35, 56, 56, 56, 56, 56, 56, 56, 56, 56, 56, 28, 28, 58, 58, 58, 56, 102, 67, 67, 72, 72, 67, 61, 78, 72, 28, 50, 67, 56, 83, 72, 78, 67, 78, 72, 67, 61, 72, 67, 94, 67, 67, 61, 30, 35, 30, 50, 56, 54, 56, 56,
  50, 56, 56, 29, 56, 56, 25, 25, 50, 25, 83, 56, 56, 56, 56, 35, 50, 34, 56, 50, 72, 50, 50, 50, 33, 26, 33, 58,
];
/** Anything else: a letter with its accent counts as the letter, other characters as a wide one. */
const OTHER = 0.62;
const BOLD = 1.1;

const charWidth = (c: string): number => {
  const code = c.charCodeAt(0);
  if (code >= 32 && code <= 126) return ASCII[code - 32]! / 100;
  const base = c.normalize("NFD")[0]!;
  const b = base.charCodeAt(0);
  return b >= 32 && b <= 126 && base !== c ? ASCII[b - 32]! / 100 : OTHER;
};

/** The width in pixels a line of text takes at a font size (an estimate on the generous side). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0;
  for (const c of text) ems += charWidth(c);
  return ems * fontSize * (bold ? BOLD : 1);
}

/**
 * Words broken into lines no wider than `width` pixels (a word longer than that stays whole on
 * its own line: nothing is ever cut). Breaks at spaces, and after a slash or a hyphen.
 */
export function wrapText(text: string, width: number, fontSize: number): string[] {
  const lines = greedyLines(text, width, fontSize);
  if (lines.length < 2) return lines;
  // Lines of even length: the narrowest width that needs no more lines.
  let [low, high] = [width / 2, width];
  while (high - low > 2) {
    const mid = (low + high) / 2;
    if (greedyLines(text, mid, fontSize).length > lines.length) low = mid;
    else high = mid;
  }
  return greedyLines(text, high, fontSize);
}

function greedyLines(text: string, width: number, fontSize: number): string[] {
  // Pieces to put on lines, each knowing whether a space went before it.
  const pieces = text
    .trim()
    .split(/\s+/u)
    .flatMap((word) => word.split(/(?<=[^\s/‐-][/‐-])(?=[^\s/‐-])/u).map((piece, i) => ({ piece, space: i === 0 })));
  const lines: string[] = [];
  let line = "";
  for (const { piece, space } of pieces) {
    const joined = !line ? piece : space ? `${line} ${piece}` : `${line}${piece}`;
    if (line && textWidth(joined, fontSize) > width) {
      lines.push(line);
      line = piece;
    } else line = joined;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [text];
}
