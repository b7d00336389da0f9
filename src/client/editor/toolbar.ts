import type { Command, EditorState } from "prosemirror-state";
import { isInTable } from "prosemirror-tables";
import type { EditorView } from "prosemirror-view";
import { blockStyle, caption, HEADING_DEPTHS, inside, insertFootnote, insertTable, listAround, markActive, setStyle, tableCommands, toggleBold, toggleItalic, toggleList, toggleQuote, indent, outdent } from "#src/client/editor/commands.ts";
import type { RichKey, RichMessages } from "#src/client/editor/messages.ts";
import { schema } from "#src/client/editor/schema.ts";

// The toolbar (WAI-ARIA toolbar pattern): one tab stop, arrow keys move between its controls,
// Home and End go to the ends, Escape goes back to the text. Toggles say whether they are on
// (aria-pressed); a control that cannot act where the cursor is says so (aria-disabled).

export type ToolbarActions = {
  link: (anchor: HTMLElement) => void;
  pick: (kind: "figure" | "case-study" | "recommendation" | "section", anchor: HTMLElement) => void;
};

type Control = { el: HTMLElement; update: (state: EditorState) => void; visible?: (state: EditorState) => boolean };

export function buildToolbar(view: () => EditorView, m: RichMessages, lang: string, actions: ToolbarActions): { dom: HTMLElement; update: (state: EditorState) => void; focus: () => void } {
  const dom = document.createElement("div");
  dom.className = "rich-toolbar";
  dom.setAttribute("role", "toolbar");
  dom.setAttribute("aria-label", m("rich.toolbar"));
  const controls: Control[] = [];

  const run = (command: Command) => {
    const v = view();
    command(v.state, v.dispatch);
    v.focus();
  };

  // Text style: paragraph or Heading 1 to 3 (another Markdown level shows as itself).
  const select = document.createElement("select");
  select.className = "input rich-style";
  select.setAttribute("aria-label", m("rich.style"));
  const option = (value: string, label: string) => {
    const o = document.createElement("option");
    o.value = value;
    o.textContent = label;
    return o;
  };
  const other = option("", "");
  other.disabled = true;
  other.hidden = true;
  select.append(option("p", m("rich.paragraph")), ...HEADING_DEPTHS.map((depth, i) => option(String(depth), m(`rich.heading${i + 1}` as RichKey))), other);
  select.addEventListener("change", () => {
    if (select.value) run(setStyle(select.value));
  });
  controls.push({
    el: select,
    update: (state) => {
      const style = blockStyle(state);
      const known = style === "p" || HEADING_DEPTHS.some((d) => String(d) === style);
      other.hidden = known;
      other.textContent = style && !known ? m("rich.headingOther", { level: style }) : "";
      select.value = known ? style : "";
      select.setAttribute("aria-disabled", String(!style));
    },
  });

  const button = (label: RichKey, options: { onClick: (el: HTMLButtonElement) => void; pressed?: (s: EditorState) => boolean; enabled?: (s: EditorState) => boolean; visible?: (s: EditorState) => boolean; shortcut?: string; className?: string }) => {
    const el = document.createElement("button");
    el.type = "button";
    el.className = `rich-button${options.className ? ` ${options.className}` : ""}`;
    el.textContent = m(label);
    if (options.shortcut) el.title = `${m(label)} (${options.shortcut})`;
    if (options.pressed) el.setAttribute("aria-pressed", "false");
    // Keep the text's selection: the button acts on it.
    el.addEventListener("mousedown", (event) => event.preventDefault());
    el.addEventListener("click", () => {
      if (el.getAttribute("aria-disabled") === "true") return;
      options.onClick(el);
    });
    controls.push({
      el,
      visible: options.visible,
      update: (state) => {
        if (options.pressed) el.setAttribute("aria-pressed", String(options.pressed(state)));
        if (options.enabled) el.setAttribute("aria-disabled", String(!options.enabled(state)));
      },
    });
    return el;
  };

  const mod = /Mac|iPhone|iPad/.test(navigator.platform) ? "⌘" : "Ctrl";
  const can = (command: Command) => (state: EditorState) => command(state);
  const inTable = (state: EditorState) => isInTable(state);

  button("rich.bold", { onClick: () => run(toggleBold), pressed: (s) => markActive(s, schema.marks.strong), enabled: can(toggleBold), shortcut: `${mod}+B`, className: "rich-bold" });
  button("rich.italic", { onClick: () => run(toggleItalic), pressed: (s) => markActive(s, schema.marks.em), enabled: can(toggleItalic), shortcut: `${mod}+I`, className: "rich-italic" });
  button("rich.link", { onClick: (el) => actions.link(el), shortcut: `${mod}+K` });
  const bullet = toggleList(schema.nodes.bullet_list);
  const ordered = toggleList(schema.nodes.ordered_list);
  button("rich.bulletList", { onClick: () => run(bullet), pressed: (s) => listAround(s) === schema.nodes.bullet_list, enabled: can(bullet), shortcut: `${mod}+Shift+8` });
  button("rich.orderedList", { onClick: () => run(ordered), pressed: (s) => listAround(s) === schema.nodes.ordered_list, enabled: can(ordered), shortcut: `${mod}+Shift+7` });
  button("rich.outdent", { onClick: () => run(outdent), enabled: can(outdent), shortcut: "Shift+Tab" });
  button("rich.indent", { onClick: () => run(indent), enabled: can(indent), shortcut: "Tab" });
  button("rich.quote", { onClick: () => run(toggleQuote), pressed: (s) => inside(s, schema.nodes.blockquote), enabled: can(toggleQuote) });
  button("rich.table", { onClick: () => run(insertTable), enabled: (s) => !inTable(s) && insertTable(s) });
  button("rich.rowAdd", { onClick: () => run(tableCommands.addRow), visible: inTable, className: "rich-table-tool" });
  button("rich.rowDelete", { onClick: () => run(tableCommands.deleteRow), visible: inTable, enabled: can(tableCommands.deleteRow), className: "rich-table-tool" });
  button("rich.columnAdd", { onClick: () => run(tableCommands.addColumn), visible: inTable, className: "rich-table-tool" });
  button("rich.columnDelete", { onClick: () => run(tableCommands.deleteColumn), visible: inTable, enabled: can(tableCommands.deleteColumn), className: "rich-table-tool" });
  button("rich.caption", { onClick: () => run(caption(lang)), visible: inTable, className: "rich-table-tool" });
  button("rich.footnote", { onClick: () => run(insertFootnote), enabled: can(insertFootnote) });
  button("rich.figure", { onClick: (el) => actions.pick("figure", el), className: "rich-evidence" });
  button("rich.caseStudy", { onClick: (el) => actions.pick("case-study", el), className: "rich-evidence" });
  button("rich.recommendation", { onClick: (el) => actions.pick("recommendation", el), className: "rich-evidence" });
  button("rich.sectionLink", { onClick: (el) => actions.pick("section", el), className: "rich-evidence" });

  dom.append(...controls.map((c) => c.el));

  // Roving tabindex: the last control used keeps the tab stop.
  let current = 0;
  const shown = () => controls.filter((c) => !c.el.hidden);
  const setCurrent = (control: Control) => {
    current = controls.indexOf(control);
    for (const c of controls) c.el.tabIndex = c === control ? 0 : -1;
  };
  dom.addEventListener("focusin", (event) => {
    const control = controls.find((c) => c.el === event.target);
    if (control) setCurrent(control);
  });
  dom.addEventListener("keydown", (event) => {
    const list = shown();
    const at = list.findIndex((c) => c.el === document.activeElement);
    if (at < 0) return;
    let next = -1;
    if (event.key === "ArrowRight") next = (at + 1) % list.length;
    else if (event.key === "ArrowLeft") next = (at - 1 + list.length) % list.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = list.length - 1;
    else if (event.key === "Escape") {
      event.preventDefault();
      view().focus();
      return;
    }
    if (next < 0) return;
    event.preventDefault();
    setCurrent(list[next]!);
    list[next]!.el.focus();
  });

  const update = (state: EditorState) => {
    for (const c of controls) {
      if (c.visible) c.el.hidden = !c.visible(state);
      c.update(state);
    }
    const list = shown();
    if (!list.includes(controls[current]!)) setCurrent(list[0]!);
    else setCurrent(controls[current]!);
  };

  return {
    dom,
    update,
    focus: () => {
      const list = shown();
      (list.find((c) => c.el.tabIndex === 0) ?? list[0])?.el.focus();
    },
  };
}
