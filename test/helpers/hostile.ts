import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { PROJECT_ROOT } from "#src/lib/paths.ts";

// Inputs built to exhaust the parsers, shared by the unit and HTTP tests.

const repeat = (n: number, f: (i: number) => string, sep = "\n") => Array.from({ length: n }, (_, i) => f(i)).join(sep);
/** Markdown built to exhaust the parser, and the limit each one breaks. */
const HOSTILE_LF: Record<string, { text: string; problem: string }> = {
  "2,000 nested :::a": { text: repeat(2000, () => ":::a") + "\nx\n" + repeat(2000, () => ":::"), problem: "field.markdownDepth" },
  ">×10,000": { text: `${">".repeat(10_000)} x`, problem: "field.markdownDepth" },
  // 400 levels (160,000 characters) already take the parser minutes; 1,000 overflow its stack.
  "a list nested 400 deep by indentation": { text: repeat(400, (i) => `${"  ".repeat(i)}- a`), problem: "field.markdownDepth" },
  "1,000 list markers on one line": { text: `${"- ".repeat(1000)}a`, problem: "field.markdownDepth" },
  "quotes and lists alternating": { text: `${"> 1. ".repeat(500)}a`, problem: "field.markdownDepth" },
  "5,000 footnotes": { text: `${repeat(5000, (i) => `t[^${i}]`, " ")}\n\n${repeat(5000, (i) => `[^${i}]: note ${i}`)}`, problem: "field.markdownFootnotes" },
  "150,000 emphasis marks": { text: "*a* ".repeat(37_500), problem: "field.markdownMarks" },
  "emphasis 5,000 deep": { text: `${"*".repeat(5000)}a${"*".repeat(5000)}`, problem: "field.markdownMarks" },
  "text directives 1,000 deep": { text: `${":a[".repeat(1000)}x${"]".repeat(1000)}`, problem: "field.markdownInlineDepth" },
  "40,000 reference links": { text: "[a][b] ".repeat(20_000), problem: "field.markdownMarks" },
  "30,000 lines": { text: "a\n".repeat(30_000), problem: "field.markdownLines" },
  // A code fence opened in a quote or a list item ends with it: what follows is no longer code.
  "a fence in a quote, then 200 nested :::a": { text: "> ```\n" + ":::a\n".repeat(200), problem: "field.markdownDepth" },
  "a fence in a list item, then 200 nested :::a": { text: "- ```\n" + ":::a\n".repeat(200), problem: "field.markdownDepth" },
  "an indented fence in a list, then 200 nested :::a": { text: "- a\n\n  ```\nb\n" + ":::a\n".repeat(200), problem: "field.markdownDepth" },
};
/** Each of them also with the line endings a browser's form sends (CRLF), and with lone CRs. */
export const HOSTILE_MARKDOWN: Record<string, { text: string; problem: string }> = Object.fromEntries(
  Object.entries(HOSTILE_LF).flatMap(([name, v]) => [
    [name, v],
    [`${name} (CRLF)`, { ...v, text: v.text.replaceAll("\n", "\r\n") }],
    [`${name} (CR)`, { ...v, text: v.text.replaceAll("\n", "\r") }],
  ]),
);


/** A real Word document with 2,000 tables nested in one another: small, honest zip headers, a parser's worst case. */
export function nestedTablesDocx(depth = 2000): Buffer {
  const parts = unzipSync(readFileSync(join(PROJECT_ROOT, "test/fixtures/word/pandoc-en.docx")));
  const nested = "<w:tbl><w:tr><w:tc>".repeat(depth) + "<w:p><w:r><w:t>x</w:t></w:r></w:p>" + "</w:tc></w:tr></w:tbl>".repeat(depth);
  const document = strFromU8(parts["word/document.xml"]!).replace("<w:body>", `<w:body>${nested}`);
  return Buffer.from(zipSync({ ...parts, "word/document.xml": strToU8(document) }));
}

/** A survey CSV of some megabytes whose quote never closes: the parser reads it all before it can tell. */
export function unclosedQuoteCsv(megabytes = 6): Buffer {
  return Buffer.from(`organization,innovation_unit\nLIE1,"${"yes, and ".repeat((megabytes * 1024 * 1024) / 9)}`, "utf8");
}
