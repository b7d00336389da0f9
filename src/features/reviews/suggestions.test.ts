import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readerLines } from "#src/content/reader-lines.ts";
import { SUGGESTION_CONTEXT, type Suggestion } from "#src/domain/review-suggestions.ts";
import { applySuggestion, foldForMatching, locateQuote, makeSuggestion, suggestionFor, suggestionView } from "#src/features/reviews/suggestions.ts";
import { typeset } from "#src/i18n/typography.ts";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);
const readerText = (markdown: string, separator = "\n") =>
  readerLines(markdown)
    .map((l) => l.text)
    .join(separator);
const fold = (text: string) => foldForMatching(text).folded;

/** Applies, or fails the test with the refusal. */
function applied(body: string, s: Suggestion, sameRevision = true): string {
  const result = applySuggestion(body, s, sameRevision);
  if (!("body" in result)) throw new Error(`refused: ${result.refused}`);
  return result.body;
}

/** Finds a quote and proposes `replacement` for it. */
function suggest(body: string, quote: string, replacement: string): Suggestion {
  const at = locateQuote(body, quote);
  if (typeof at !== "object") throw new Error(`${quote}: ${at}`);
  return makeSuggestion(body, at.start, at.end, replacement);
}

/** The reader's characters typed in [start, end) of the Markdown. */
const typedIn = (markdown: string, start: number, end: number) =>
  readerLines(markdown)
    .map((l) => [...l.text].filter((_, i) => l.offsets[i]! >= start && l.offsets[i]! < end).join(""))
    .join("\n");

const word = fc.stringMatching(/^[a-zA-Zéèàçœ0-9,.;:!?'()-]{1,9}$/);
const plainParagraph = fc.array(word, { minLength: 1, maxLength: 14 }).map((w) => w.join(" "));
const plainText = fc.array(plainParagraph, { minLength: 1, maxLength: 5 }).map((p) => p.join("\n\n"));
// Words and punctuation that make no Markdown, whatever their order.
const simpleText = fc
  .array(fc.array(fc.stringMatching(/^[a-zA-Zéèàçœ0-9]{1,8}[,.;?!]?$/), { minLength: 1, maxLength: 14 }), { minLength: 1, maxLength: 5 })
  .map((ps) => ps.map((p) => p.join(" ")).join("\n\n"));

describe("finding a reader's quote in the Markdown", () => {
  it("finds every passage of a plain text's reader text, or says it is there more than once", () => {
    fc.assert(
      fc.property(plainText, fc.nat(), fc.nat(), (body, a, b) => {
        const text = readerText(body);
        const i = a % text.length;
        const j = i + 1 + (b % (text.length - i));
        const quote = text.slice(i, j);
        fc.pre(fold(quote).length > 0);
        const at = locateQuote(body, quote);
        if (at === "ambiguous") {
          const f = fold(text);
          const first = f.indexOf(fold(quote));
          expect(f.indexOf(fold(quote), first + 1)).toBeGreaterThan(first);
        } else {
          expect(at).not.toBe("missing");
          if (typeof at !== "object") return;
          expect(fold(typedIn(body, at.start, at.end))).toBe(fold(quote));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("folds what a page's selection or Word gives: spaces of any kind, quotes, apostrophes, dashes, ellipses", () => {
    const body = `He said "it's done"... -- the end -- (c) 2024.\n\nNext  paragraph\nwith a soft break.`;
    expect(locateQuote(body, "He said “it’s done”… — the end")).toEqual({ start: 0, end: 33 });
    expect(locateQuote(body, "the\u00a0end\u202f–")).toEqual({ start: 26, end: 36 });
    const across = locateQuote(body, "2024.\r\n\tNext paragraph with");
    expect(across).toEqual({ start: body.indexOf("2024"), end: body.indexOf("with") + 4 });
  });

  it("finds French text quoted from the page, typography applied (narrow no-break spaces, guillemets)", () => {
    const body = 'Le projet : "bon" ? Oui ! Il dit «pas mal» ; puis l\'équipe s\'arrête.';
    const page = typeset(body.replace(/"bon"/, "« bon »"), "fr");
    expect(page).toContain("\u202f:");
    const at = locateQuote(body, page.slice(0, 40).replace(/'/g, "’"));
    expect(at).toMatchObject({ start: 0 });
    const inner = locateQuote(body, typeset("« pas mal » ; puis l’équipe", "fr"));
    expect(inner).toEqual({ start: body.indexOf("«pas"), end: body.indexOf("équipe") + "équipe".length });
  });

  it("maps a quote through Markdown to the range it was typed in: emphasis, links, escapes, references, code", () => {
    const body = "Ledgers are **shared** and _tamper-evident_, see [the study](https://x.org). A \\*star\\* &amp; `co de` x.";
    const range = (quote: string) => {
      const at = locateQuote(body, quote);
      return typeof at === "object" ? body.slice(at.start, at.end) : at;
    };
    expect(range("shared and tamper-evident")).toBe("shared** and _tamper-evident");
    expect(range("see the study.")).toBe("see [the study](https://x.org).");
    expect(range("*star* &")).toBe("*star\\* &amp;");
    expect(range("& co de")).toBe("&amp; `co de");
    expect(range("https")).toBe("missing");
    expect(range("e")).toBe("ambiguous");
    expect(range("   ")).toBe("missing");
  });

  it("finds quotes over footnote numbers, list items, table cells and directives", () => {
    const body = [
      "The ledger.[^n] Then more.",
      "- [ ] task one\n- item two",
      "| Stage | Means |\n|---|---|\n| Pilot | Real use |",
      "::figure{ref=stage}",
      "See :case-study[our case]{ref=cadena} here.",
      "[^n]: The note's words.",
    ].join("\n\n");
    const range = (quote: string) => {
      const at = locateQuote(body, quote);
      return typeof at === "object" ? body.slice(at.start, at.end) : at;
    };
    expect(range("ledger.[1] Then")).toBe("ledger.[^n] Then");
    expect(range("ledger.1 Then")).toBe("ledger.[^n] Then");
    expect(range("ledger. Then")).toBe("ledger.[^n] Then");
    expect(range("task one item")).toBe("task one\n- item");
    expect(range("Pilot\tReal")).toBe("Pilot | Real");
    expect(range("our case here")).toBe("our case]{ref=cadena} here");
    expect(range("[figure: stage]")).toBe("missing");
    expect(range("The note’s words")).toBe("The note's words");
  });
});

describe("a suggestion and its application", () => {
  it("replaces, inserts and deletes exactly what was proposed (plain text)", () => {
    fc.assert(
      fc.property(simpleText, fc.nat(), fc.nat(), fc.stringMatching(/^[a-zA-Z ,.]{0,12}$/), (body, a, b, replacement) => {
        const start = a % (body.length + 1);
        const end = start + (b % (body.length - start + 1));
        const s = makeSuggestion(body, start, end, replacement);
        expect(s).toMatchObject({ start, end, exact: body.slice(start, end) });
        expect(s.prefix).toBe(body.slice(Math.max(0, start - SUGGESTION_CONTEXT), start));
        expect(s.suffix).toBe(body.slice(end, end + SUGGESTION_CONTEXT));
        expect(applied(body, s)).toBe(body.slice(0, start) + replacement + body.slice(end));
      }),
      { numRuns: RUNS },
    );
  });

  it("applies a suggestion made on an older revision once the text changed elsewhere", () => {
    const body = "Intro words.\n\nLedgers are shared and tamper-evident.\n\nMore words after.";
    const s = suggest(body, "tamper-evident", "tamper-proof");
    const edited = "A new first paragraph.\n\nIntro words.\n\nLedgers are shared and tamper-evident.\n\nMore words after, changed.";
    expect(applied(edited, s, false)).toBe(edited.replace("tamper-evident", "tamper-proof"));
    // Its offsets no longer hold: even "same revision" finds it again.
    expect(applied(edited, s, true)).toBe(edited.replace("tamper-evident", "tamper-proof"));
    // An insertion whose context changed within its 40 characters is found by less of it.
    const insertion = makeSuggestion(body, body.indexOf(" and"), body.indexOf(" and"), " widely");
    expect(insertion.suffix).toContain("More words after.");
    expect(applied(edited, insertion, false)).toBe(edited.replace("shared and", "shared widely and"));
  });

  it("applies several compatible suggestions one after the other", () => {
    const body = "Alpha beta gamma delta.\n\nDelta epsilon zeta.\n\nEta theta iota kappa.";
    const first = suggest(body, "beta", "BETA");
    const second = suggest(body, "epsilon zeta", "EPS");
    const third = makeSuggestion(body, body.length, body.length, " Lambda.");
    const fourth = makeSuggestion(body, body.indexOf(" theta"), body.indexOf(" theta"), " (h)");
    let now = applied(body, first, true);
    now = applied(now, second, false);
    now = applied(now, third, false);
    now = applied(now, fourth, false);
    expect(now).toBe("Alpha BETA gamma delta.\n\nDelta EPS.\n\nEta (h) theta iota kappa. Lambda.");
  });

  it("refuses a suggestion whose words are gone, or are found twice with nothing to tell them apart", () => {
    const body = "The same sentence.\n\nA word here.";
    const s = suggest(body, "word here", "term there");
    expect(applySuggestion("The same sentence.\n\nA phrase here.", s, false)).toEqual({ refused: "SUGGESTION_NOT_FOUND" });
    const twice = "Fix this.\n\nFix this.";
    const first = makeSuggestion(twice, 0, 3, "Mend");
    expect(applied(twice, first, false)).toBe("Mend this.\n\nFix this.");
    const repeated = "x Fix this. y\n\nx Fix this. y\n\nend";
    const inMiddle = makeSuggestion(repeated, 2, 5, "Mend");
    expect(applied(repeated, inMiddle, true)).toBe("x Mend this. y\n\nx Fix this. y\n\nend");
    // Stale, and the text around both places the same: no telling which.
    expect(applySuggestion(`z${repeated}`, { ...inMiddle, prefix: "x ", suffix: " this. y" }, false)).toEqual({ refused: "SUGGESTION_AMBIGUOUS" });
    // Its context changed at both places: no telling which.
    expect(applySuggestion("intro\n\nA Fix this. y\n\nx Fix this. y", inMiddle, false)).toEqual({ refused: "SUGGESTION_AMBIGUOUS" });
    // The context picks the one place it agrees with in full.
    const second = makeSuggestion("A Fix it.\n\nB Fix it.", 13, 16, "Mend");
    expect(second.exact).toBe("Fix");
    expect(applySuggestion("Intro.\n\nA Fix it.\n\nB Fix it.", second, false)).toEqual({ body: "Intro.\n\nA Fix it.\n\nB Mend it." });
  });

  it("refuses the same words found once elsewhere in a changed text, their context not the suggestion's", () => {
    const body = "The port is not open at night. Trucks wait at the gate until dawn.";
    const s = suggest(body, "not", "");
    const saved = "The port is open at night. Trucks do not wait at the gate until dawn.";
    expect(applySuggestion(saved, s, false)).toEqual({ refused: "SUGGESTION_NOT_FOUND" });
    expect(applySuggestion(saved, s, true)).toEqual({ refused: "SUGGESTION_NOT_FOUND" });
    // Its own words changed a little further away: still its place.
    const moved = "Since 2020, the port is not open at night. Trucks wait.";
    expect(applied(moved, s, false)).toBe(moved.replace("not", ""));
  });

  it("inserts at a text's very start or end, found again by its one-sided context", () => {
    const body = "Short text.";
    const atStart = makeSuggestion(body, 0, 0, "Very ");
    expect(atStart.prefix).toBe("");
    expect(applied("Short text. And more.", atStart, false)).toBe("Very Short text. And more.");
    // Both places agree with its context as well: no telling which.
    expect(applySuggestion("Short text. Short text.", atStart, false)).toEqual({ refused: "SUGGESTION_AMBIGUOUS" });
    const atEnd = makeSuggestion(body, body.length, body.length, " Indeed.");
    expect(applied("More. Short text.", atEnd, false)).toBe("More. Short text. Indeed.");
    expect(applied("", makeSuggestion("", 0, 0, "First words."), false)).toBe("First words.");
    expect(applySuggestion("Now something.", makeSuggestion("", 0, 0, "First words."), false)).toEqual({ refused: "SUGGESTION_AMBIGUOUS" });
  });

  it("refuses a range that is not in the text", () => {
    expect(() => makeSuggestion("abc", 2, 1, "x")).toThrow(RangeError);
    expect(() => makeSuggestion("abc", 0, 4, "x")).toThrow(RangeError);
  });

  it("stays quick on a large text with its words everywhere", () => {
    const body = "ab ".repeat(70_000);
    const s = makeSuggestion(body, 3, 5, "cd");
    const started = performance.now();
    expect(applySuggestion(`x${body}`, s, false)).toEqual({ refused: "SUGGESTION_AMBIGUOUS" });
    expect(applySuggestion(`x${body}`, { ...s, prefix: "", suffix: "" }, false)).toEqual({ refused: "SUGGESTION_AMBIGUOUS" });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("never cuts a surrogate pair in its context", () => {
    const body = `${"😀".repeat(30)}x${"😀".repeat(30)}`;
    const s = makeSuggestion(body, 60, 61, "y");
    expect(s.prefix.length).toBeLessThanOrEqual(SUGGESTION_CONTEXT);
    expect(s.prefix).toBe("😀".repeat(20));
    expect(s.suffix).toBe("😀".repeat(20));
    const odd = makeSuggestion(body, 61, 61, "y");
    expect(odd.suffix.length % 2).toBe(0);
  });
});

describe("Markdown kept valid by a suggestion", () => {
  const cases: [string, string, string, string][] = [
    ["Ledgers are **shared** and _tamper-evident_.", "shared", "common", "Ledgers are **common** and _tamper-evident_."],
    ["Ledgers are **shared** and _tamper-evident_.", "are shared", "are common", "Ledgers are common and _tamper-evident_."],
    ["Ledgers are **shared** and _tamper-evident_.", "shared and tamper", "X", "Ledgers are X-evident."],
    ["A *bold words* more", "words more", "x", "A *bold* x"],
    ["A *bold words* more", "words more", "", "A *bold* "],
    ["A more *bold words*", "more bold", "x", "A x *words*"],
    ["A _bold words_ more", "ords more", "x", "A bold wx"],
    ["See [the study](https://x.org) now", "study now", "paper then", "See [the](https://x.org) paper then"],
    ["Use `a b` c", "b c", "z", "Use `a` z"],
    ["A \\*star\\* here", "*star*", "moon", "A moon here"],
    ["***a b*** c", "b c", "x", "***a*** x"],
    ["A **bold** word", "bold", "very bold ", "A **very bold**  word"],
    ["A **bold** word", "bold", " bold", "A  **bold** word"],
    ["A **bold words** here", "bold", "", "A **words** here"],
    ["A **bold** here", "bold", "", "A  here"],
    ["See :case-study[our case]{ref=cadena} here.", "case here", "study there", "See :case-study[our]{ref=cadena} study there."],
  ];
  it.each(cases)("%s: %s → %s", (body, quote, replacement, expected) => {
    expect(applied(body, suggest(body, quote, replacement))).toBe(expected);
  });

  it("never cuts a character reference or an escape", () => {
    const body = "Fish &amp; chips \\*not\\* here";
    const amp = body.indexOf("&");
    expect(makeSuggestion(body, amp, amp + 1, "and")).toMatchObject({ exact: "&amp;" });
    expect(makeSuggestion(body, amp + 2, amp + 2, "x")).toMatchObject({ start: amp + 5, exact: "" });
    const star = body.indexOf("*");
    expect(makeSuggestion(body, star, star + 4, "yes")).toMatchObject({ exact: "\\*not" });
  });

  it("moves an insertion out of syntax, and takes a footnote reference whole", () => {
    const body = "Text with **bold** words.[^1]\n\n[^1]: A note.";
    const open = body.indexOf("**") + 1;
    expect(makeSuggestion(body, open, open, "very ").start).toBe(body.indexOf("bold"));
    const bold = body.indexOf("bold");
    expect(applied(body, makeSuggestion(body, bold, bold, " very"))).toContain("with  **verybold** words");
    const inside = body.indexOf("[^1]") + 2;
    const s = makeSuggestion(body, inside, inside + 1, "");
    expect(s.exact).toBe("[^1]");
  });

  it("keeps the reader's words around any replacement in well-formed Markdown", () => {
    const piece = fc.oneof(
      fc.stringMatching(/^[a-z]{1,6}$/),
      fc.stringMatching(/^[a-z]{1,6}( [a-z]{1,6}){0,2}$/).map((w) => `*${w}*`),
      fc.stringMatching(/^[a-z]{1,6}( [a-z]{1,6}){0,2}$/).map((w) => `**${w}**`),
      fc.stringMatching(/^[a-z]{1,6}( [a-z]{1,6}){0,2}$/).map((w) => `[${w}](https://x.org)`),
      fc.stringMatching(/^[a-z]{1,6}( [a-z]{1,6}){0,2}$/).map((w) => `\`${w}\``),
      fc.stringMatching(/^[a-z]{1,6}( [a-z]{1,6}){0,2}$/).map((w) => `_${w}_`),
      fc.stringMatching(/^[a-z]{1,6}( [a-z]{1,6}){0,2}$/).map((w) => `~~${w}~~`),
      fc.stringMatching(/^[a-z]{1,6}( [a-z]{1,6}){0,2}$/).map((w) => `***${w}***`),
      fc.constantFrom("\\*", "&amp;", "&copy;", "a\\_b"),
    );
    const paragraph = fc.tuple(fc.constantFrom("", "", "- ", "1. ", "## ", "> "), fc.array(piece, { minLength: 1, maxLength: 10 })).map(([mark, p]) => mark + p.join(" "));
    const body = fc.array(paragraph, { minLength: 1, maxLength: 3 }).map((p) => p.join("\n\n"));
    fc.assert(
      fc.property(body, fc.nat(), fc.nat(), fc.constantFrom("ZQX", "", "zq xv", " zq ", "zq "), (markdown, a, b, replacement) => {
        const text = readerText(markdown, " ");
        const i = a % text.length;
        const j = i + 1 + (b % Math.min(30, text.length - i));
        const quote = text.slice(i, j);
        fc.pre(quote.trim().length > 0 && text.indexOf(quote, text.indexOf(quote) + 1) < 0);
        const at = locateQuote(markdown, quote);
        fc.pre(typeof at === "object");
        if (typeof at !== "object") return;
        const after = applied(markdown, makeSuggestion(markdown, at.start, at.end, replacement));
        expect(fold(readerText(after, " "))).toBe(fold(text.slice(0, i) + replacement + text.slice(j)));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("any Markdown at all", () => {
  it("never throws: any range makes a suggestion that applies where it was made", () => {
    const piece = fc.oneof(
      fc.stringMatching(/^[a-zA-Zé ]{0,8}$/),
      fc.constantFrom("*", "**", "_", "~~", "`", "[", "](https://x.org)", "\\*", "\\", "&amp;", "&copy;", "&bogus;", "\n", "\n\n", "> ", "- ", "1. ", "# ", "| a | b |\n|---|---|\n| c | d |\n", "[^1]", "\n\n[^1]: note\n\n", ":case-study[x]{ref=y}", "::figure{ref=f}\n", "<b>", "  \n", "\u00a0", "```\ncode\n```\n", "😀"),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((p) => p.join("")), fc.nat(), fc.nat(), fc.constantFrom("", "x", "a\nb", " y "), (body, a, b, replacement) => {
        const start = a % (body.length + 1);
        const end = start + (b % (body.length - start + 1));
        const s = makeSuggestion(body, start, end, replacement);
        expect(0 <= s.start && s.start <= s.end && s.end <= body.length).toBe(true);
        expect(body.slice(s.start, s.end)).toBe(s.exact);
        expect("body" in applySuggestion(body, s, true)).toBe(true);
        const view = suggestionView(body, s);
        expect(view.before.length).toBeLessThanOrEqual(60);
        const text = readerText(body);
        if (text) locateQuote(body, text.slice(start % text.length, (start % text.length) + 1 + (b % 20)));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("a member's suggestion as typed on a page", () => {
  const body = "Agencies need reliable data. It comes from **many** sources.\n\n- one item\n- two items";
  const made = (quote: string, change: "replace" | "insert" | "delete", replacement: string) => {
    const s = suggestionFor({ body, quote, change, replacement });
    if (typeof s === "string") throw new Error(s);
    return s;
  };

  it("joins an inserted word to the passage with a space, and to the word after it", () => {
    expect(applied(body, made("reliable data", "insert", "shared between agencies"))).toContain("reliable data shared between agencies.");
    expect(applied(body, made("Agencies need reliable", "insert", "and timely"))).toContain("need reliable and timely data.");
    // Punctuation or a space already there: nothing added.
    expect(applied(body, made("reliable data", "insert", ", shared,"))).toContain("reliable data, shared,.");
    expect(applied(body, made("reliable data", "insert", " shared"))).toContain("reliable data shared.");
  });

  it("takes the replacement as plain text: Markdown characters escaped, shown as typed", () => {
    const s = made("reliable data", "replace", "*good* data [see](x) # | <b>");
    expect(applied(body, s)).toBe(body.replace("reliable data", "\\*good\\* data \\[see\\](x) \\# \\| \\<b\\>"));
    expect(s.view).toEqual(suggestionView(body, s));
    expect(s.view?.added).toBe("*good* data [see](x) # | <b>");
    expect(suggestionFor({ body, quote: "nowhere", change: "delete", replacement: "" })).toBe("missing");
  });

  it("fits the line breaks of an editor's own wording where it goes: a list item stays one item", () => {
    const s = made("one item", "replace", "x");
    const edited = { ...s, replacement: "first line\nsecond line" };
    expect(applySuggestion(body, edited, true, { fitLineBreaks: true })).toEqual({ body: body.replace("one item", "first line second line") });
    const inParagraph = { ...made("reliable data", "replace", "x"), replacement: "a\nb" };
    expect(applySuggestion(body, inParagraph, true, { fitLineBreaks: true })).toEqual({ body: body.replace("reliable data", "a\n\nb") });
  });
});

describe("a member's line breaks in a replacement", () => {
  it("open a paragraph in a paragraph, and read as a space in an item, a quote or a cell", () => {
    const body = "One paragraph here.\n\n- an item here\n\n> a quote here\n\n```\ncode here\n```";
    expect(applied(body, suggest(body, "paragraph here", "paragraph.\nAnother one"))).toContain("One paragraph.\n\nAnother one.");
    expect(applied(body, suggest(body, "item here", "item\r\nnext"))).toContain("- an item next\n");
    expect(applied(body, suggest(body, "quote here", "quote\n\nnext"))).toContain("> a quote next\n");
    expect(applied(body, suggest(body, "code here", "code\nthere"))).toContain("```\ncode\nthere\n```");
  });
});

describe("what a reader sees of a suggestion", () => {
  const body = "Ledgers are **shared** and _tamper-evident_, see [the study](https://x.org).[^1]\n\nNext paragraph with words.\n\n[^1]: A note.";

  it("shows the words around, removed and added, without Markdown", () => {
    expect(suggestionView(body, suggest(body, "tamper-evident", "tamper-proof"))).toEqual({
      before: "Ledgers are shared and ",
      removed: "tamper-evident",
      added: "tamper-proof",
      after: ", see the study.[1] Next paragraph with words. [1] A note.",
    });
    const insertion = makeSuggestion(body, body.indexOf("Next"), body.indexOf("Next"), "The ");
    expect(suggestionView(body, insertion)).toMatchObject({ removed: "", added: "The", after: expect.stringMatching(/^Next paragraph/) as unknown });
    expect(suggestionView(body, insertion).before).toMatch(/the study\.\[1\] $/);
  });

  it("shows what a replacement adds as readers will see it: no escapes, no marks carried over", () => {
    const marked = "A *bold words* more text.";
    expect(suggestionView(marked, suggest(marked, "words more", "x"))).toMatchObject({ removed: "words more", added: "x" });
    expect(suggestionView(marked, suggest(marked, "bold", "strong"))).toMatchObject({ before: "A ", removed: "bold", added: "strong", after: " words more text." });
    expect(suggestionView(marked, makeSuggestion(marked, 0, 1, "One \\*star\\* and"))).toMatchObject({ removed: "A", added: "One *star* and" });
    expect(suggestionView(marked, makeSuggestion(marked, 0, 1, "Two\nparagraphs"))).toMatchObject({ removed: "A", added: "Two paragraphs" });
  });

  it("cuts long context at a word, at most 60 characters each side", () => {
    const long = `${"word ".repeat(40)}target${" more".repeat(40)}`;
    const view = suggestionView(long, suggest(long, "target", "aim"));
    expect(view.before.length).toBeLessThanOrEqual(60);
    expect(view.after.length).toBeLessThanOrEqual(60);
    expect(view.before).toMatch(/^ ?word/);
    expect(view.after).toMatch(/^ more/);
  });

  it("shows a suggestion on a text that moved on, or its own context when its place is lost", () => {
    const s = suggest(body, "tamper-evident", "tamper-proof");
    const moved = `New start.\n\n${body}`;
    expect(suggestionView(moved, s).removed).toBe("tamper-evident");
    const lost = suggestionView("Something else entirely.", s);
    expect(lost).toEqual({ before: "Ledgers are shared and ", removed: "tamper-evident", added: "tamper-proof", after: ", see the study." });
  });
});
