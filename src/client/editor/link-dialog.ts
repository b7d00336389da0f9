import type { RichMessages } from "#src/client/editor/messages.ts";

// Ctrl+K: a modal dialog with the link's address and the words it sits on, and a way to choose a
// section of the report instead of typing its address.

export type LinkChoice = { href: string; text: string } | { remove: true } | null;

let dialogs = 0;

export function openLinkDialog(options: {
  m: RichMessages;
  href: string;
  text: string;
  /** Whether the words are the selection (then they are changed only if edited). */
  existing: boolean;
  chooseSection: (anchor: HTMLElement) => Promise<{ href: string; title: string } | null>;
}): Promise<LinkChoice> {
  const { m } = options;
  const id = `link-dialog-${++dialogs}`;
  const dialog = document.createElement("dialog");
  dialog.className = "picker link-dialog";
  dialog.setAttribute("aria-labelledby", `${id}-title`);
  const form = document.createElement("form");
  form.method = "dialog";
  form.className = "stack";
  const title = document.createElement("h2");
  title.id = `${id}-title`;
  title.className = "picker-title";
  title.textContent = m("rich.linkDialog");

  const field = (label: string, value: string, suffix: string) => {
    const wrap = document.createElement("div");
    wrap.className = "field";
    const l = document.createElement("label");
    l.htmlFor = `${id}-${suffix}`;
    l.textContent = label;
    const input = document.createElement("input");
    input.id = `${id}-${suffix}`;
    input.className = "input";
    input.type = "text";
    input.value = value;
    input.autocomplete = "off";
    wrap.append(l, input);
    return { wrap, input };
  };
  const url = field(m("rich.linkUrl"), options.href, "url");
  url.input.spellcheck = false;
  const words = field(m("rich.linkText"), options.text, "text");

  const actions = document.createElement("div");
  actions.className = "actions";
  const make = (label: string, className: string, type: "submit" | "button" = "button") => {
    const b = document.createElement("button");
    b.type = type;
    b.className = className;
    b.textContent = label;
    return b;
  };
  const apply = make(m("rich.linkApply"), "button", "submit");
  const section = make(m("rich.linkToSection"), "button button-secondary");
  const remove = make(m("rich.linkRemove"), "button button-secondary");
  const cancel = make(m("rich.cancel"), "button button-secondary");
  actions.append(apply, section, ...(options.existing ? [remove] : []), cancel);
  form.append(title, url.wrap, words.wrap, actions);
  dialog.append(form);
  document.body.append(dialog);

  return new Promise<LinkChoice>((resolve) => {
    let done = false;
    const finish = (choice: LinkChoice) => {
      if (done) return;
      done = true;
      if (dialog.open) dialog.close();
      dialog.remove();
      resolve(choice);
    };
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const href = url.input.value.trim();
      finish(href ? { href, text: words.input.value } : { remove: true });
    });
    remove.addEventListener("click", () => finish({ remove: true }));
    cancel.addEventListener("click", () => finish(null));
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      finish(null);
    });
    section.addEventListener("click", () => {
      void options.chooseSection(section).then((item) => {
        if (!item) return;
        url.input.value = item.href;
        if (!words.input.value.trim()) words.input.value = item.title;
        apply.focus();
      });
    });
    dialog.showModal();
    url.input.focus();
    url.input.select();
  });
}
