import { EditorState, TextSelection, type Command } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { caption, insertEvidenceBlock, insertEvidenceInline, insertFootnote, insertTable, linkWords, setLink, setStyle, tab, toggleBold, toggleList } from "#src/client/editor/commands.ts";
import { docToMarkdown, markdownToDoc } from "#src/client/editor/markdown.ts";
import { schema } from "#src/client/editor/schema.ts";

// What the toolbar and the shortcuts write, as Markdown.

/** A state on `markdown` with the cursor where `|` is (the bar is not part of the text). */
function at(markdown: string): EditorState {
  const doc = markdownToDoc(markdown.replace("|", "\uE000"));
  let cursor = -1;
  doc.descendants((node, pos) => {
    if (cursor < 0 && node.isText && node.text!.includes("\uE000")) cursor = pos + node.text!.indexOf("\uE000");
    return cursor < 0;
  });
  const state = EditorState.create({ doc });
  const tr = state.tr.delete(cursor, cursor + 1);
  return state.apply(tr.setSelection(TextSelection.create(tr.doc, cursor)));
}

function run(state: EditorState, ...commands: Command[]): EditorState {
  for (const command of commands) {
    let next = state;
    expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true);
    state = next;
  }
  return state;
}

const type = (text: string): Command => (state, dispatch) => {
  dispatch?.(state.tr.insertText(text));
  return true;
};

describe("the editor's commands write Markdown in the house style", () => {
  it("headings: Heading 2 is ####, the rest of the text keeps its bytes", () => {
    const state = run(at("First  paragraph, *as typed*.\n\nSecond|"), setStyle("4"));
    expect(docToMarkdown(state.doc)).toBe("First  paragraph, *as typed*.\n\n#### Second");
  });

  it("bold and lists", () => {
    const state = run(at("Intro.\n\nItem|"), toggleList(schema.nodes.bullet_list), type(" "), toggleBold, type("one"));
    expect(docToMarkdown(state.doc)).toBe("Intro.\n\n- Item **one**");
  });

  it("a footnote: the reference at the cursor, the note at the end", () => {
    const state = run(at("Ledgers are shared.|\n\nMore text."), insertFootnote, type("Among partners."));
    expect(docToMarkdown(state.doc)).toBe("Ledgers are shared.[^1]\n\nMore text.\n\n[^1]: Among partners.");
    const second = run(state.apply(state.tr.setSelection(TextSelection.create(state.doc, 5))), insertFootnote, type("Another."));
    expect(docToMarkdown(second.doc)).toContain("[^2]: Another.");
  });

  it("a table by Tab, a new row past the last cell, and its caption in the text's language", () => {
    const state = run(at("Before.|"), insertTable, type("Stage"), tab, type("Meaning"), tab, type("Pilot"), tab, type("Real shipments"), tab, type("Production"), caption("fr"), type("Les étapes"));
    expect(docToMarkdown(state.doc)).toBe("Before.\n\n| Stage      | Meaning        |\n| ---------- | -------------- |\n| Pilot      | Real shipments |\n| Production |                |\n\nTableau : Les étapes");
  });

  it("evidence: a block in place of an empty paragraph or after a heading, a case study in the text", () => {
    let state = run(at("# Title|\n\nText."), insertEvidenceBlock("figure", "adoption-by-technology"));
    expect(docToMarkdown(state.doc)).toBe("# Title\n\n::figure{ref=adoption-by-technology}\n\nText.");
    state = run(at("See |."), insertEvidenceInline("case-study", "pe-cadena", "CADENA"));
    expect(docToMarkdown(state.doc)).toBe("See :case-study[CADENA]{ref=pe-cadena}.");
    state = run(at("Text.|"), (s, d) => {
      d?.(s.tr.split(s.selection.from));
      return true;
    });
    state = run(state, insertEvidenceBlock("recommendation", "share-experience"));
    expect(docToMarkdown(state.doc)).toBe("Text.\n\n::recommendation{ref=share-experience}");
  });

  it("links: around the selection, or inserted with their words", () => {
    let state = at("Read the |other section.");
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, state.selection.from, state.selection.from + 5)));
    state = run(state, setLink("chapter#slug", "other"));
    expect(docToMarkdown(state.doc)).toBe("Read the [other](chapter#slug) section.");
    state = run(at("See |."), setLink("https://example.org", "the site"));
    expect(docToMarkdown(state.doc)).toBe("See [the site](https://example.org).");
  });

  /** `markdown` with the text between `«` and `»` selected (the marks are not part of the text). */
  function selecting(markdown: string): EditorState {
    const doc = markdownToDoc(markdown);
    const marks: number[] = [];
    doc.descendants((node, pos) => {
      if (node.isText) for (const c of ["«", "»"]) if (node.text!.includes(c)) marks.push(pos + node.text!.indexOf(c));
    });
    const [a, b] = marks as [number, number];
    const state = EditorState.create({ doc });
    const tr = state.tr.delete(b, b + 1).delete(a, a + 1);
    return state.apply(tr.setSelection(TextSelection.create(tr.doc, a, b - 1)));
  }

  /** What the link dialog does: it shows the selection's words, and gives back the words the writer left or typed. */
  const dialog = (state: EditorState, href: string, words?: (shown: string) => string): Command => {
    const shown = linkWords(state.doc, state.selection.from, state.selection.to);
    return setLink(href, words ? words(shown) : shown, { from: state.selection.from, to: state.selection.to });
  };

  it("links over several paragraphs keep every word, mark and note, whatever the words say", () => {
    const text = "One **bold** word[^1].\n\n::figure{ref=adoption}\n\nTwo words.\n\n[^1]: A note.";
    const expected = "[One **bold** word[^1].](#x)\n\n::figure{ref=adoption}\n\n[Two words.](#x)\n\n[^1]: A note.";
    const state = selecting(text.replace("One", "«One").replace("Two words.", "Two words.»"));
    expect(linkWords(state.doc, state.selection.from, state.selection.to)).toBe("One bold word. Two words.");
    // Unchanged words: only the link is added (the words are compared as the dialog shows them).
    expect(docToMarkdown(run(state, dialog(state, "#x")).doc)).toBe(expected);
    // Changed words over more than one paragraph: nothing is replaced, the link is added.
    expect(docToMarkdown(run(state, dialog(state, "#x", () => "Something else")).doc)).toBe(expected);
  });

  it("links over words in one paragraph take new words, unless a note or card sits among them", () => {
    let state = selecting("Read «the other» section.");
    expect(docToMarkdown(run(state, dialog(state, "#other", () => "that")).doc)).toBe("Read [that](#other) section.");
    state = selecting("Read «the note[^1] here» now.\n\n[^1]: Note.");
    expect(docToMarkdown(run(state, dialog(state, "#x", () => "changed")).doc)).toBe("Read [the note[^1] here](#x) now.\n\n[^1]: Note.");
  });
});
