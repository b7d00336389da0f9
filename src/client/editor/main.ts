// The rich section editor (ProseMirror over the stored Markdown), bundled for the browser into
// dist/assets/rich-editor.js by `npm run build:client`. The page works without it: the textarea
// #f-body stays the form's field, and this island keeps it up to date (an "input" event after
// each change, which the preview and the autosave listen to). See docs/EDITOR.md.

import { baseKeymap } from "prosemirror-commands";
import { dropCursor } from "prosemirror-dropcursor";
import { gapCursor } from "prosemirror-gapcursor";
import { history, redo, undo } from "prosemirror-history";
import { inputRules, textblockTypeInputRule, undoInputRule, wrappingInputRule } from "prosemirror-inputrules";
import { keymap } from "prosemirror-keymap";
import { splitListItem } from "prosemirror-schema-list";
import { EditorState, type Command, type Plugin } from "prosemirror-state";
import { tableEditing } from "prosemirror-tables";
import { EditorView } from "prosemirror-view";
import { autosaveKey, startAutosave } from "#src/client/editor/autosave.ts";
import { clipboardText, handleDrop, handlePaste, markOwnCopy } from "#src/client/editor/clipboard.ts";
import { hardBreak, HEADING_DEPTHS, insertEvidenceBlock, insertEvidenceInline, linkAt, linkWords, setLink, setStyle, shiftTab, tab, toggleBold, toggleItalic, toggleList } from "#src/client/editor/commands.ts";
import { openPicker, type PickerKind } from "#src/client/editor/evidence.ts";
import { openLinkDialog } from "#src/client/editor/link-dialog.ts";
import { docToMarkdown, markdownToDoc } from "#src/client/editor/markdown.ts";
import { richMessages } from "#src/client/editor/messages.ts";
import { schema } from "#src/client/editor/schema.ts";
import { buildToolbar } from "#src/client/editor/toolbar.ts";
import { annotationsPlugin, nodeViews } from "#src/client/editor/views.ts";

const MODE_KEY = "lr-editor-mode";
/** How long after the last change the textarea is written, at least (at once on save, leaving, switching). */
const SYNC_MS = 150;

function storedMode(): "rich" | "source" {
  try {
    return window.localStorage.getItem(MODE_KEY) === "source" ? "source" : "rich";
  } catch {
    return "rich";
  }
}

function keepMode(mode: "rich" | "source") {
  try {
    window.localStorage.setItem(MODE_KEY, mode);
  } catch {
    // Not kept: the next page opens in the rich editor.
  }
}

function mount(root: HTMLElement) {
  const textarea = document.getElementById("f-body");
  if (!(textarea instanceof HTMLTextAreaElement) || !textarea.form) return;
  const form = textarea.form;
  const field = textarea.closest(".field") ?? textarea.parentElement!;
  const m = richMessages();
  const data = root.dataset;
  const reportSlug = data.report ?? "";
  const lang = data.lang ?? document.documentElement.lang ?? "en";

  // The island's own parts: the switch to the Markdown source, the hint, the toolbar, the text.
  const head = document.createElement("div");
  head.className = "rich-head";
  const hint = document.createElement("p");
  hint.className = "hint";
  hint.id = "h-rich";
  hint.textContent = m("rich.hint");
  const toggle = document.createElement("button");
  toggle.type = "button";
  toggle.className = "button button-small button-secondary rich-toggle";
  toggle.textContent = m("rich.source");
  toggle.setAttribute("aria-pressed", "false");
  head.append(hint, toggle);
  const surface = document.createElement("div");
  surface.className = "rich-surface";

  const toolbar = buildToolbar(() => view, m, lang, { link: () => openLink(), pick: (kind) => void pick(kind) });

  // The textarea follows the document.
  let synced = textarea.value;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ours = false;
  // Writing a long text takes a while (it is parsed again to check it): the longer, the later.
  let cost = 0;
  const sync = () => {
    clearTimeout(timer);
    timer = undefined;
    const started = performance.now();
    const markdown = docToMarkdown(view.state.doc);
    cost = performance.now() - started;
    if (markdown === textarea.value) return;
    textarea.value = synced = markdown;
    ours = true;
    try {
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    } finally {
      ours = false;
    }
  };
  const flush = () => {
    if (timer !== undefined) sync();
  };

  const bullet = toggleList(schema.nodes.bullet_list);
  const ordered = toggleList(schema.nodes.ordered_list);
  const shortcuts: Record<string, Command> = {
    "Mod-b": toggleBold,
    "Mod-i": toggleItalic,
    "Mod-k": () => {
      openLink();
      return true;
    },
    "Mod-Alt-0": setStyle("p"),
    "Shift-Mod-7": ordered,
    "Shift-Mod-8": bullet,
    "Mod-z": undo,
    "Mod-y": redo,
    "Shift-Mod-z": redo,
    Tab: tab,
    "Shift-Tab": shiftTab,
    Enter: splitListItem(schema.nodes.list_item),
    "Shift-Enter": hardBreak,
    Backspace: undoInputRule,
    "Alt-F10": () => (toolbar.focus(), true),
  };
  HEADING_DEPTHS.forEach((depth, i) => (shortcuts[`Mod-Alt-${i + 1}`] = setStyle(String(depth))));

  const rules = inputRules({
    rules: [
      textblockTypeInputRule(/^(#{1,6})\s$/, schema.nodes.heading, (match) => ({ level: match[1]!.length })),
      wrappingInputRule(/^\s*([-+*])\s$/, schema.nodes.bullet_list),
      wrappingInputRule(
        /^(\d+)\.\s$/,
        schema.nodes.ordered_list,
        (match) => ({ start: Number(match[1]) }),
        (match, node) => node.childCount + Number(node.attrs.start) === Number(match[1]),
      ),
      wrappingInputRule(/^\s*>\s$/, schema.nodes.blockquote),
    ],
  });
  const plugins: Plugin[] = [tableEditing({ allowTableNodeSelection: false }), rules, keymap(shortcuts), keymap(baseKeymap), history(), dropCursor(), gapCursor(), annotationsPlugin(m)];
  const stateOf = (markdown: string) => EditorState.create({ doc: markdownToDoc(markdown), plugins });

  const describedBy = ["h-rich", ...(textarea.getAttribute("aria-describedby") ?? "").split(/\s+/).filter((id) => id && id !== "h-body")].join(" ");
  const label = field.querySelector(`label[for="${textarea.id}"]`);
  if (label && !label.id) label.id = "l-body";
  const view: EditorView = new EditorView(surface, {
    state: stateOf(textarea.value),
    nodeViews: nodeViews(m),
    attributes: {
      class: "rich-text prose",
      role: "textbox",
      "aria-multiline": "true",
      ...(label ? { "aria-labelledby": label.id } : {}),
      "aria-describedby": describedBy,
      lang: textarea.lang || lang,
      spellcheck: "true",
    },
    // On the DOM event, before ProseMirror parses the clipboard's HTML into a detached document:
    // Word's markup is full of style and event attributes that the page's CSP would report.
    handleDOMEvents: {
      paste: (v, event) => {
        if (!handlePaste(v, event)) return false;
        event.preventDefault();
        return true;
      },
      // Dropped from another program or page: cleaned as a paste is, never read with the schema's rules.
      drop: (v, event) => {
        if (!handleDrop(v, event)) return false;
        event.preventDefault();
        return true;
      },
    },
    clipboardTextSerializer: (slice) => clipboardText(slice),
    dispatchTransaction(tr) {
      view.updateState(view.state.apply(tr));
      toolbar.update(view.state);
      if (tr.docChanged) {
        clearTimeout(timer);
        timer = setTimeout(sync, Math.max(SYNC_MS, cost * 4));
      }
    },
  });
  toolbar.update(view.state);
  // What this editor copies or drags (ProseMirror has just written it) is marked as its own.
  const markCopy = (event: ClipboardEvent) => {
    if (event.defaultPrevented && event.clipboardData) markOwnCopy(event.clipboardData);
  };
  view.dom.addEventListener("copy", markCopy);
  view.dom.addEventListener("cut", markCopy);
  view.dom.addEventListener("dragstart", (event) => {
    if (view.dragging && event.dataTransfer) markOwnCopy(event.dataTransfer);
  });

  /** The document read again from the textarea (the source was edited, or a kept draft restored). */
  const reload = (markdown: string) => {
    clearTimeout(timer);
    timer = undefined;
    synced = markdown;
    view.updateState(stateOf(markdown));
    toolbar.update(view.state);
  };

  function openLink() {
    const state = view.state;
    const existing = linkAt(state);
    const range = existing ? { from: existing.from, to: existing.to } : { from: state.selection.from, to: state.selection.to };
    void openLinkDialog({
      m,
      href: existing ? String(existing.mark.attrs.href) : "",
      text: linkWords(state.doc, range.from, range.to),
      existing: Boolean(existing),
      chooseSection: (anchor) => openPicker({ kind: "section", reportSlug, anchor }).then((item) => (item ? { href: item.href ?? `#${item.ref}`, title: item.title } : null)),
    }).then((choice) => {
      view.focus();
      if (!choice) return;
      if ("remove" in choice) setLink("", "", range)(view.state, view.dispatch);
      else setLink(choice.href, choice.text, range)(view.state, view.dispatch);
    });
  }

  async function pick(kind: PickerKind) {
    const item = await openPicker({ kind, reportSlug, anchor: view.dom });
    view.focus();
    if (!item) return;
    const { state } = view;
    if (kind === "figure" || kind === "recommendation") insertEvidenceBlock(kind, item.ref)(state, view.dispatch);
    else if (kind === "case-study") {
      const selected = state.doc.textBetween(state.selection.from, state.selection.to, " ").trim();
      insertEvidenceInline("case-study", item.ref, selected || item.title)(state, view.dispatch);
    } else setLink(item.href ?? `#${item.ref}`, state.selection.empty ? item.title : "")(state, view.dispatch);
  }

  // Rich text or the Markdown source, as the writer last chose.
  const setMode = (mode: "rich" | "source", focus: boolean) => {
    const source = mode === "source";
    if (source) flush();
    else if (textarea.value !== synced) reload(textarea.value);
    toggle.setAttribute("aria-pressed", String(source));
    field.classList.toggle("rich-active", !source);
    toolbar.dom.hidden = source;
    surface.hidden = source;
    hint.hidden = source;
    // Only the visible one answers to the field's label.
    if (source) view.dom.removeAttribute("aria-labelledby");
    else if (label) view.dom.setAttribute("aria-labelledby", label.id);
    keepMode(mode);
    if (focus) (source ? textarea : view).focus();
  };
  toggle.addEventListener("click", () => setMode(toggle.getAttribute("aria-pressed") === "true" ? "rich" : "source", false));

  textarea.addEventListener("input", () => {
    if (ours) return;
    // Typed in the source, or put back by the autosave while the rich text shows.
    if (!textarea.closest(".rich-active")) return;
    if (textarea.value !== synced) reload(textarea.value);
  });
  // The form sends what the document says, and leaving warns about what it says.
  form.addEventListener("submit", flush, { capture: true });
  window.addEventListener("beforeunload", flush, { capture: true });
  window.addEventListener("pagehide", flush, { capture: true });
  view.dom.addEventListener("blur", flush);

  root.replaceChildren(head, toolbar.dom, surface);
  root.hidden = false;
  setMode(storedMode(), false);
  root.dataset.ready = "true";

  startAutosave({
    form,
    textarea,
    key: autosaveKey(data.section ?? "", lang),
    baseRevisionId: data.baseRevision ?? "",
    onRestore: (markdown) => reload(markdown),
    beforeSave: flush,
  });
}

const root = document.getElementById("rich-editor-root");
if (root) mount(root);
