import type { Translate } from "#src/i18n/i18n.ts";
import { richEditor } from "#src/i18n/messages/rich-editor.ts";
import { assetUrl, hasAsset } from "#src/web/assets.ts";

// Where the rich editor mounts beside the section's textarea, and what it is told: the report,
// section, chapter and language being written and the revision the form is based on (data-*), and
// its words in the page's language (JSON, never executed; `{ref}` and the like filled there).
// Without the built bundle (sources run without a build) nothing is rendered: the textarea is the editor.

type RootProps = { t: Translate; report: string; section: string; chapter: string; lang: string; baseRevision: string };

export function RichEditorRoot({ t, report, section, chapter, lang, baseRevision }: RootProps) {
  if (!hasAsset("rich-editor.js")) return null;
  const messages = Object.fromEntries((Object.keys(richEditor) as (keyof typeof richEditor)[]).map((key) => [key, t(key)]));
  // "<" escaped, so that no text can close the script element.
  const json = JSON.stringify(messages).replace(/</g, "\\u003c");
  return (
    <>
      <div id="rich-editor-root" class="rich-editor" data-report={report} data-section={section} data-chapter={chapter} data-lang={lang} data-base-revision={baseRevision} hidden />
      <script type="application/json" id="rich-editor-messages" dangerouslySetInnerHTML={{ __html: json }} />
    </>
  );
}

/** The island's script, after editor.js (the preview and the Markdown toolbar it leaves to the source view). */
export function RichEditorScript() {
  return hasAsset("rich-editor.js") ? <script type="module" src={assetUrl("rich-editor.js")} /> : null;
}
