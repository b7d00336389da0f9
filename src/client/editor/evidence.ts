// Evidence and sections for the editor: what a reference in the text stands for (describe), and
// the picker a writer chooses one from (openPicker), both asking the server's references endpoint
// (GET /editor/reports/:report/references).

import type { PlaceableKind, ReferenceItem } from "#src/domain/references.ts";
import { clientMessages, type ClientMessageKey } from "#src/client/editor/picker-messages.ts";

export type PickerKind = PlaceableKind;

/** One thing a text can place, as the server describes it. */
export type EvidenceItem = ReferenceItem;

/** How many the picker lists at once: more words narrow the list. */
const PAGE = 30;
const DEBOUNCE_MS = 200;
/** How far a key moves the active option. */
const KEY_STEPS: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 5, PageUp: -5 };

/** What the page tells the island: the report, chapter and language being written (data-* on #rich-editor-root). */
function island() {
  const data = document.getElementById("rich-editor-root")?.dataset ?? {};
  return {
    report: data.reportSlug ?? data.report ?? "",
    chapter: data.chapterSlug ?? data.chapter ?? "",
    lang: data.lang ?? data.language ?? "",
  };
}

function referencesUrl(reportSlug: string, params: Record<string, string>) {
  const { chapter, lang } = island();
  const query = new URLSearchParams(params);
  if (lang) query.set("lang", lang);
  if (chapter) query.set("chapter", chapter);
  return `/editor/reports/${encodeURIComponent(reportSlug)}/references?${query.toString()}`;
}

async function fetchItems(url: string, signal?: AbortSignal): Promise<EvidenceItem[]> {
  const response = await fetch(url, { headers: { accept: "application/json" }, credentials: "same-origin", signal: signal ?? null });
  if (!response.ok) throw new Error(`references: ${response.status}`);
  const body = (await response.json()) as { items?: EvidenceItem[] };
  return body.items ?? [];
}

const described = new Map<string, Promise<EvidenceItem | null>>();

/**
 * What a reference in the text stands for, asked once per page: the item, or null when it
 * resolves to nothing (no such evidence or section). For a section, `ref` is the link as the text
 * writes it (`#slug` or `chapter#slug`). Rejects when the server cannot be asked (offline, signed
 * out), so that a reference is never marked unresolved for want of an answer.
 */
export function describe(kind: PickerKind, ref: string): Promise<EvidenceItem | null> {
  const key = `${kind}\u0000${ref}`;
  let found = described.get(key);
  if (!found) {
    found = fetchItems(referencesUrl(island().report, { kind, ref, limit: "1" })).then((items) => items[0] ?? null);
    // A failure is not an answer: the next call asks again.
    found.catch(() => described.delete(key));
    described.set(key, found);
  }
  return found;
}

let dialogs = 0;

/**
 * The picker: a modal dialog with a search box over a list of candidates (title, technology,
 * state, a thumbnail for figures). Typing filters it; arrows move, Enter chooses, Escape closes.
 * Items whose placing would block publishing are listed, marked, and may still be chosen: a text
 * is often drafted before its evidence is adopted or published, and the checks before publishing
 * still refuse it. Resolves with the chosen item, or null; focus returns to `anchor` (else to
 * where it was).
 */
export function openPicker(options: { kind: PickerKind; reportSlug: string; anchor?: HTMLElement }): Promise<EvidenceItem | null> {
  const { kind, reportSlug } = options;
  const m = clientMessages();
  const returnTo = options.anchor ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
  const id = `picker-${++dialogs}`;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] => {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const dialog = el("dialog", { class: "picker", "aria-labelledby": `${id}-title`, "aria-describedby": `${id}-hint` });
  const title = el("h2", { id: `${id}-title`, class: "picker-title" }, m.get(`picker.title.${kind}` as ClientMessageKey));
  const label = el("label", { for: `${id}-q` }, m.get("picker.search"));
  const input = el("input", {
    id: `${id}-q`,
    type: "search",
    class: "input",
    role: "combobox",
    "aria-autocomplete": "list",
    "aria-expanded": "true",
    "aria-controls": `${id}-list`,
    "aria-describedby": `${id}-hint`,
    autocomplete: "off",
    spellcheck: "false",
  });
  const hint = el("p", { id: `${id}-hint`, class: "hint" }, m.get("picker.hint"));
  const status = el("p", { class: "picker-status small", role: "status" });
  const list = el("ul", { id: `${id}-list`, class: "picker-list", role: "listbox", "aria-label": m.get("picker.results") });
  const note = el("p", { class: "picker-note small muted" }, m.get("picker.notUsableHint"));
  note.hidden = true;
  const cancel = el("button", { type: "button", class: "button button-secondary" }, m.get("picker.cancel"));
  const actions = el("div", { class: "actions" });
  actions.append(cancel);
  const field = el("div", { class: "field" });
  field.append(label, hint, input);
  dialog.append(title, field, status, list, note, actions);
  document.body.append(dialog);

  let items: EvidenceItem[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | undefined;
  const { lang } = island();

  const setActive = (index: number) => {
    const options = list.querySelectorAll<HTMLLIElement>('[role="option"]');
    if (!options.length) {
      active = -1;
      input.removeAttribute("aria-activedescendant");
      return;
    }
    active = Math.max(0, Math.min(index, options.length - 1));
    options.forEach((option, i) => {
      option.setAttribute("aria-selected", String(i === active));
      option.classList.toggle("is-active", i === active);
    });
    const current = options[active]!;
    input.setAttribute("aria-activedescendant", current.id);
    current.scrollIntoView({ block: "nearest" });
  };

  const show = (found: EvidenceItem[]) => {
    items = found;
    list.replaceChildren(
      ...found.map((item, i) => {
        const option = el("li", { id: `${id}-option-${i}`, role: "option", "aria-selected": "false", class: item.usable ? "picker-option" : "picker-option is-unusable" });
        if (item.thumbnail) option.append(el("img", { class: "picker-thumb", src: item.thumbnail, alt: "", loading: "lazy", decoding: "async" }));
        const text = el("span", { class: "picker-text" });
        const name = el("span", { class: "picker-name" }, item.title);
        if (lang) name.lang = lang;
        const meta = el("span", { class: "picker-meta small" });
        const details = [item.technology, item.context, item.kind === "section" ? null : item.ref].filter((x): x is string => !!x);
        meta.textContent = details.join(" · ");
        const tags = el("span", { class: "picker-tags" });
        tags.append(el("span", { class: item.usable ? "tag tag-ok" : "tag tag-muted" }, item.statusLabel));
        if (!item.usable) tags.append(" ", el("span", { class: "tag tag-warning" }, m.get("picker.notUsable")));
        text.append(name, meta, tags);
        option.append(text);
        option.addEventListener("click", () => finish(item));
        return option;
      }),
    );
    note.hidden = found.every((item) => item.usable);
    status.textContent = !found.length ? m.get("picker.none") : found.length >= PAGE ? `${m.get("picker.count", { count: found.length })} ${m.get("picker.more", { count: PAGE })}` : m.get("picker.count", { count: found.length });
    setActive(0);
  };

  const search = () => {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    status.textContent = m.get("picker.loading");
    fetchItems(referencesUrl(reportSlug, { kind, q: input.value.slice(0, 200), limit: String(PAGE) }), controller.signal).then(
      (found) => {
        if (inFlight === controller) show(found);
      },
      () => {
        if (controller.signal.aborted) return;
        status.textContent = m.get("picker.error");
      },
    );
  };

  let settle: (item: EvidenceItem | null) => void = () => {};
  const result = new Promise<EvidenceItem | null>((resolve) => (settle = resolve));
  let finished = false;
  function finish(item: EvidenceItem | null) {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    inFlight?.abort();
    if (dialog.open) dialog.close();
    dialog.remove();
    returnTo?.focus();
    settle(item);
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(search, DEBOUNCE_MS);
  });
  input.addEventListener("keydown", (event) => {
    const step = KEY_STEPS[event.key];
    if (step !== undefined) {
      event.preventDefault();
      setActive(active + step);
    } else if (event.key === "Enter") {
      event.preventDefault();
      const item = items[active];
      if (item) finish(item);
    } else if (event.key === "Escape") {
      // Before the search box's own Escape (which would only empty it).
      event.preventDefault();
      finish(null);
    }
  });
  // Escape elsewhere in the dialog, or any other request to close it.
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault();
    finish(null);
  });
  dialog.addEventListener("close", () => finish(null));
  cancel.addEventListener("click", () => finish(null));

  dialog.showModal();
  input.focus();
  search();
  return result;
}
