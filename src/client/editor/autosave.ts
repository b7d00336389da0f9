// Unsaved work kept in the browser: the section's text is copied into localStorage while it is
// written (a second after the last change, and when the page goes away), so that a crash or a
// closed tab loses nothing. On the next visit the writer is offered it back, never given it
// without asking; work begun on a revision that is no longer the current one comes back with
// that older revision as its base, so that saving it goes through the server's conflict
// handling instead of silently overwriting the newer text.

import { clientMessages } from "#src/client/editor/picker-messages.ts";

/** What is kept: the text, the revision it was written on ("" for a section with no text yet), and when. */
export type StoredDraft = { markdown: string; baseRevisionId: string; savedAt: string };

export type AutosaveOptions = {
  form: HTMLFormElement;
  textarea: HTMLTextAreaElement;
  key: string;
  baseRevisionId: string;
  onRestore: (markdown: string) => void;
  /** Brings the textarea up to date before it is kept (the rich editor writes it a moment after each change). */
  beforeSave?: () => void;
};

/** What to do on load with a kept draft: nothing kept; forget it (the page already shows it); offer it on the same base; offer it, on an older base. */
export type Decision = "none" | "clear" | "offer" | "offer-stale";

const DEBOUNCE_MS = 1000;

/** The storage key of a section's text in one language. */
export const autosaveKey = (sectionId: string, lang: string) => `lr-unsaved:${sectionId}:${lang}`;

/** What is stored for the text as it is now. */
export const draftPayload = (markdown: string, baseRevisionId: string, now: Date = new Date()): StoredDraft => ({ markdown, baseRevisionId, savedAt: now.toISOString() });

/** A stored draft read back; anything else (nothing, another program's value, a broken one) is none. */
export function parseStored(raw: string | null): StoredDraft | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<StoredDraft> | null;
    if (!value || typeof value !== "object") return null;
    const { markdown, baseRevisionId, savedAt } = value;
    if (typeof markdown !== "string" || typeof baseRevisionId !== "string" || typeof savedAt !== "string" || Number.isNaN(Date.parse(savedAt))) return null;
    return { markdown, baseRevisionId, savedAt };
  } catch {
    return null;
  }
}

/**
 * Whether to offer a kept draft back: not when the page shows that very text (it was saved, or
 * is in the form again), else on the page's base revision or, when the base differs, as stale.
 */
export function decide(stored: StoredDraft | null, page: { markdown: string; baseRevisionId: string }): Decision {
  if (!stored) return "none";
  if (stored.markdown === page.markdown) return "clear";
  return stored.baseRevisionId === page.baseRevisionId ? "offer" : "offer-stale";
}

/** localStorage, or nothing when the browser refuses it (private modes, policies, sandboxed frames). */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function read(key: string): StoredDraft | null {
  try {
    return parseStored(storage()?.getItem(key) ?? null);
  } catch {
    return null;
  }
}

function write(key: string, draft: StoredDraft) {
  try {
    storage()?.setItem(key, JSON.stringify(draft));
  } catch {
    // Full or unavailable: the work is still in the form, only not kept.
  }
}

function remove(key: string) {
  try {
    storage()?.removeItem(key);
  } catch {
    // Unavailable: nothing was kept either.
  }
}

/** When a draft was kept, as the page's language writes a date and time. */
function formatTime(savedAt: string): string {
  const lang = document.documentElement.lang || undefined;
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" }).format(new Date(savedAt));
  } catch {
    return new Date(savedAt).toLocaleString();
  }
}

/** Keeps the form's text in the browser while it is unsaved, and offers back what a previous visit kept. */
export function startAutosave(options: AutosaveOptions): void {
  const { form, textarea, key, onRestore } = options;
  const baseField = form.querySelector<HTMLInputElement>('input[name="baseRevisionId"]');
  const currentBase = () => baseField?.value ?? options.baseRevisionId;
  const m = clientMessages();

  let timer: ReturnType<typeof setTimeout> | undefined;
  let changed = false;
  const keep = () => {
    options.beforeSave?.();
    clearTimeout(timer);
    timer = undefined;
    if (changed) write(key, draftPayload(textarea.value, currentBase()));
  };

  textarea.addEventListener("input", () => {
    changed = true;
    clearTimeout(timer);
    timer = setTimeout(keep, DEBOUNCE_MS);
  });
  // The page going away (closed, reloaded, put in the background on a phone): keep it now.
  window.addEventListener("pagehide", keep);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") keep();
  });
  // Saving sends the text to the server, which may refuse it (an expired session, a lost
  // connection, a conflict): what is sent is kept, and the next page forgets it when it shows
  // that very text (decide: "clear").
  form.addEventListener("submit", keep);

  const stored = read(key);
  const decision = decide(stored, { markdown: textarea.value, baseRevisionId: currentBase() });
  if (decision === "clear") remove(key);
  if (!stored || (decision !== "offer" && decision !== "offer-stale")) return;

  // The offer: a status line in the form, with two buttons.
  const banner = document.createElement("div");
  banner.className = "notice notice-action autosave-banner";
  banner.setAttribute("role", "status");
  form.prepend(banner);
  const text = document.createElement("p");
  text.tabIndex = -1;
  const actions = document.createElement("p");
  actions.className = "autosave-actions";
  const restore = document.createElement("button");
  restore.type = "button";
  restore.className = "button button-small";
  restore.textContent = m.get("autosave.restore");
  const discard = document.createElement("button");
  discard.type = "button";
  discard.className = "button button-small button-secondary";
  discard.textContent = m.get("autosave.discard");
  actions.append(restore, " ", discard);
  // Filled after the region is in the page, so that assistive technology announces it.
  requestAnimationFrame(() => {
    text.textContent = m.get(decision === "offer" ? "autosave.kept" : "autosave.keptStale", { time: formatTime(stored.savedAt) });
    banner.append(text, actions);
  });

  const done = (message: string) => {
    actions.remove();
    text.textContent = message;
    text.focus();
  };
  restore.addEventListener("click", () => {
    textarea.value = stored.markdown;
    // Restored on its own base: a newer revision since then makes the save a conflict to resolve, not an overwrite.
    if (baseField) baseField.value = stored.baseRevisionId;
    changed = true;
    done(m.get("autosave.restored"));
    onRestore(stored.markdown);
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  });
  discard.addEventListener("click", () => {
    remove(key);
    done(m.get("autosave.discarded"));
  });
}
