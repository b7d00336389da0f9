import { CLIENT_MESSAGE_KEYS } from "#src/i18n/messages/pickers.ts";
import type { Translate } from "#src/i18n/i18n.ts";

/**
 * The words of the editor's pickers and autosave banner in the page's language, for the browser
 * code to read (JSON, never executed; placeholders such as `{time}` are filled there).
 */
export function PickerMessages({ t }: { t: Translate }) {
  const messages = Object.fromEntries(CLIENT_MESSAGE_KEYS.map((key) => [key, t(key, { time: "{time}", count: "{count}" })]));
  // "<" escaped, so that no text can close the script element.
  const json = JSON.stringify(messages).replace(/</g, "\\u003c");
  return <script type="application/json" id="picker-messages" dangerouslySetInnerHTML={{ __html: json }} />;
}
