// The rich editor's words in the page's language: the page gives them in a JSON block
// (`#rich-editor-messages`); English when it is missing. `{name}` placeholders are filled here.

import { richEditor } from "#src/i18n/messages/rich-editor.ts";

export type RichKey = keyof typeof richEditor;
export type RichMessages = (key: RichKey, params?: Record<string, string | number>) => string;

export function richMessages(doc: Document = document): RichMessages {
  let given: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(doc.getElementById("rich-editor-messages")?.textContent ?? "{}");
    if (parsed && typeof parsed === "object") given = parsed as Record<string, unknown>;
  } catch {
    // A broken block: English it is.
  }
  return (key, params = {}) => {
    const own = given[key];
    let text = typeof own === "string" ? own : richEditor[key].en;
    for (const [name, value] of Object.entries(params)) text = text.replaceAll(`{${name}}`, String(value));
    return text;
  };
}
