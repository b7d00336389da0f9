// The book's stylesheet: a few rules on top of the reading system's own, which chooses the page,
// the margins and often the font; the web's stylesheet is made for screens with a header and
// menus, so it is not reused here. The fonts, when the book carries them, are declared before.

export const BOOK_CSS = `
body { font-family: "Source Serif 4", Georgia, serif; line-height: 1.5; }
h1, h2, h3, h4, h5, h6, caption, figcaption, nav, .tag, .rec-label { font-family: "Source Sans 3", "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.6em; margin: 0 0 1em; line-height: 1.2; }
h2 { font-size: 1.3em; margin: 1.6em 0 0.6em; line-height: 1.25; }
h3 { font-size: 1.1em; margin: 1.4em 0 0.4em; }
h1, h2, h3 { page-break-after: avoid; break-after: avoid; }
.chapter-number { font-weight: normal; }
.title-page { text-align: center; margin-top: 20%; }
.title-page h1 { font-size: 2em; }
.lead { font-size: 1.1em; }
.notice { border: 2px solid #8a4b00; padding: 0.5em; font-weight: bold; }
nav ol { list-style: none; padding-left: 1em; }
table { border-collapse: collapse; margin: 1em 0; max-width: 100%; }
caption { caption-side: top; text-align: left; font-weight: bold; padding-bottom: 0.3em; }
th, td { border: 1px solid #888; padding: 0.2em 0.4em; vertical-align: top; text-align: left; }
figure { margin: 1.2em 0; page-break-inside: avoid; break-inside: avoid; }
figure img { max-width: 100%; height: auto; }
figcaption { font-size: 0.9em; margin-top: 0.4em; }
blockquote { margin: 1em 1.5em; font-style: italic; }
aside.directive { border-left: 4px solid #1b4f7a; padding: 0.2em 0 0.2em 0.8em; margin: 1.2em 0; }
.tag { font-size: 0.85em; border: 1px solid #888; padding: 0 0.3em; }
.pending-note, .content-warning { font-style: italic; }
.footnotes { margin-top: 2em; border-top: 1px solid #888; font-size: 0.9em; }
.footnotes aside p { margin: 0.3em 0; }
a[role="doc-noteref"] { text-decoration: none; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
pre, code { font-family: "DejaVu Sans Mono", monospace; font-size: 0.9em; white-space: pre-wrap; }
`;
