// The words the pickers and the autosave banner show, in the page's language: the page gives them
// in a JSON block (`#picker-messages`, rendered by the section editor); English when it is missing.

import { pickers } from "#src/i18n/messages/pickers.ts";

export type ClientMessageKey = keyof typeof pickers;

export type ClientMessages = { get(key: ClientMessageKey, params?: Record<string, string | number>): string };

/** The page's messages for the pickers and autosave; `{name}` placeholders filled by `get`. */
export function clientMessages(): ClientMessages {
  let given: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(document.getElementById("picker-messages")?.textContent ?? "{}");
    if (parsed && typeof parsed === "object") given = parsed as Record<string, unknown>;
  } catch {
    // A broken block: English it is.
  }
  return {
    get(key, params = {}) {
      const own = given[key];
      let text = typeof own === "string" ? own : pickers[key].en;
      for (const [name, value] of Object.entries(params)) text = text.replaceAll(`{${name}}`, String(value));
      return text;
    },
  };
}
