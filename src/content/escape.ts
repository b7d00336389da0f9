// Words put into Markdown as they are: a name or a fact written into a generated text must not
// turn into emphasis, a link, a heading or a table cell.

/** Escapes the characters that would make plain words into Markdown syntax. */
export const escapeMarkdown = (s: string) => s.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);
