// Limits on how Markdown is built, checked in one linear pass before anything parses it: the
// parser's cost grows much faster than the text with nesting (2,000 nested `:::` blocks take
// half a minute, 10,000 `>` overflow the stack), so such texts are refused at the door. The
// numbers are far above what a report's sections or a case study need.

export const MARKDOWN_LIMITS = {
  /** Quotes, list items and `:::` blocks inside one another. */
  depth: 16,
  /** Links, text directives and brackets inside one another. */
  inlineDepth: 32,
  /** Footnotes (a reference and a definition each). */
  footnotes: 1000,
  /** Emphasis, strike-through and code marks, brackets and directive starts. */
  marks: 20_000,
  /** The longest run of one emphasis character (a run opens as many nested emphases as it is long). */
  run: 256,
  lines: 20_000,
} as const;

export type MarkdownProblem = "field.markdownDepth" | "field.markdownInlineDepth" | "field.markdownFootnotes" | "field.markdownMarks" | "field.markdownLines";

const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;
const FENCE = /^(`{3,}|~{3,})/;
const DIRECTIVE_FENCE = /^(:{3,})(.*)$/;
// A line of three or more `*`, `-` or `_` (spaces allowed) is a thematic break, not emphasis.
const THEMATIC_BREAK = /^ {0,3}([*_-])(?:[ \t]*\1){2,}[ \t]*$/;

/** The containers a line opens at its start (`>` and list markers, possibly several), and where its text begins. */
function prefixOf(line: string): { markers: number; firstListIndent: number | undefined; rest: string } {
  let i = 0;
  let markers = 0;
  let firstListIndent: number | undefined;
  // Past the limit the count no longer matters: stopping keeps a line of 10,000 `>` linear.
  while (markers <= MARKDOWN_LIMITS.depth) {
    const start = i;
    while (line[i] === " " || line[i] === "\t") i++;
    if (line[i] === ">") {
      markers++;
      i++;
      continue;
    }
    const list = LIST_MARKER.exec(line.slice(i, i + 12));
    if (list && !THEMATIC_BREAK.test(line.slice(i))) {
      if (markers === 0 && firstListIndent === undefined) firstListIndent = i;
      else markers++;
      i += list[0].length;
      continue;
    }
    return { markers, firstListIndent, rest: line.slice(start).trimStart() };
  }
  return { markers, firstListIndent, rest: "" };
}

/**
 * What is wrong with how a Markdown text is built, as a field message key, or undefined when it
 * is within MARKDOWN_LIMITS. Runs in time linear in the text; never parses it.
 */
export function markdownProblem(text: string): MarkdownProblem | undefined {
  // Every line ending Markdown knows: a browser's form sends CRLF, and a line left with its CR
  // would hide the fences and markers the checks below look for.
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > MARKDOWN_LIMITS.lines) return "field.markdownLines";
  const directives: number[] = [];
  const lists: number[] = [];
  let fence: string | undefined;
  let footnotes = 0;
  let marks = 0;
  let inlineDepth = 0;
  for (const line of lines) {
    const { markers, firstListIndent, rest } = prefixOf(line);
    if (fence) {
      if (rest.startsWith(fence)) fence = undefined;
      continue;
    }
    // Only a fence at the top level is skipped to its closing line: one opened in a quote or a
    // list item also ends with that container, so what follows it is checked like any text.
    const topLevel = markers === 0 && firstListIndent === undefined && (lists.length === 0 || !/^[ \t]/.test(line));
    const opened = topLevel ? FENCE.exec(rest) : null;
    if (opened) {
      fence = opened[1]!;
      continue;
    }
    if (rest === "") inlineDepth = 0;
    // List items nest by indentation: an item is inside every open item indented less.
    if (firstListIndent !== undefined) {
      while (lists.length && lists[lists.length - 1]! >= firstListIndent) lists.pop();
      lists.push(firstListIndent);
    } else if (markers === 0 && rest !== "" && !/^[ \t]/.test(line)) lists.length = 0;
    const directive = DIRECTIVE_FENCE.exec(rest);
    if (directive) {
      if (/^[A-Za-z]/.test(directive[2]!)) directives.push(directive[1]!.length);
      else if (directive[2]!.trim() === "") directives.pop();
    }
    if (markers + lists.length + directives.length > MARKDOWN_LIMITS.depth) return "field.markdownDepth";
    if (THEMATIC_BREAK.test(rest)) continue;
    let run = 0;
    let runChar = "";
    for (let i = 0; i < rest.length; i++) {
      const c = rest[i]!;
      if (c === "\\") {
        i++;
        run = 0;
        continue;
      }
      if (c === "*" || c === "_" || c === "~") {
        if (c === runChar) run++;
        else {
          runChar = c;
          run = 1;
          marks++;
        }
        if (run > MARKDOWN_LIMITS.run) return "field.markdownMarks";
        continue;
      }
      runChar = "";
      if (c === "`" || (c === ":" && /[A-Za-z]/.test(rest[i + 1] ?? ""))) marks++;
      else if (c === "[") {
        marks++;
        if (rest[i + 1] === "^") footnotes++;
        if (++inlineDepth > MARKDOWN_LIMITS.inlineDepth) return "field.markdownInlineDepth";
      } else if (c === "]") inlineDepth = Math.max(0, inlineDepth - 1);
    }
    if (footnotes > 2 * MARKDOWN_LIMITS.footnotes) return "field.markdownFootnotes";
    if (marks > MARKDOWN_LIMITS.marks) return "field.markdownMarks";
  }
  return undefined;
}

/** For a Zod schema's `.superRefine`: refuses a Markdown field over the limits, naming the problem. */
export function checkMarkdown(text: string, ctx: { addIssue: (issue: { code: "custom"; message: string }) => void }): void {
  const problem = markdownProblem(text);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
}
