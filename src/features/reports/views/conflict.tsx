import type { ConflictHunk, ConflictView } from "#src/features/reports/conflicts.ts";
import { localized, primaryOf } from "#src/domain/languages.ts";
import { isMessageKey, LANGUAGE_NAMES } from "#src/i18n/i18n.ts";
import { DateTime, ErrorSummary, Form } from "#src/web/components.tsx";
import { Layout } from "#src/web/layout.tsx";
import type { PageContext } from "#src/web/render.ts";

type Props = ConflictView & { ctx: PageContext };

const CHOICES = [
  ["mine", "conflict.keepMine"],
  ["theirs", "conflict.keepTheirs"],
  ["both", "conflict.keepBoth"],
  ["edit", "conflict.edit"],
] as const;

/** One version of a passage: as readers see it, with its Markdown on demand. */
function Version({ ctx, hunk, side, lang }: { ctx: PageContext; hunk: ConflictHunk; side: "theirs" | "yours"; lang: string }) {
  const { t } = ctx;
  const text = hunk[side];
  if (!text.trim()) return <p class="muted">{t("conflict.empty")}</p>;
  if (hunk.id === "heading") {
    return (
      <p class="conflict-heading" lang={lang}>
        <strong>{text}</strong>
      </p>
    );
  }
  return (
    <>
      <div class="prose" lang={lang} dangerouslySetInnerHTML={{ __html: side === "theirs" ? hunk.theirsHtml : hunk.yoursHtml }} />
      <details class="conflict-source">
        <summary>{t("conflict.markdown")}</summary>
        <pre class="mono" lang={lang}>
          {text}
        </pre>
      </details>
    </>
  );
}

/**
 * The page after a save that came too late, with passages both writers changed: for each, their
 * version and yours side by side (stacked on a phone), and a choice of what to keep. What merged
 * without asking is listed, folded. Nothing here holds conflict markers.
 */
export function ConflictPage(props: Props) {
  const { ctx, report, chapter, section, language, theirs, yours, hunks, merged, errors, choices, edits } = props;
  const { t } = ctx;
  const primary = primaryOf(report);
  const base = `/editor/sections/${section.id}/${language}`;
  const name = props.theirAuthor ?? t("audit.system");
  const passages = hunks.filter((h) => h.id !== "heading").length;
  const titleOf = (h: ConflictHunk) => (h.id === "heading" ? t("conflict.headingPassage") : t("conflict.passage", { n: Number(h.id) + 1, count: passages }));
  const message = (key: string) => (isMessageKey(key) ? t(key) : t("field.invalid"));
  const labels = Object.fromEntries(hunks.flatMap((h) => [[`choice-${h.id}`, titleOf(h)], [`edit-${h.id}`, titleOf(h)]]));
  return (
    <Layout ctx={ctx} title={t("conflict.title")} section="editor">
      <p class="breadcrumb">
        <a href="/editor">{t("nav.editor")}</a> › <a href={`/editor/reports/${report.slug}`}>{localized(report.titles, ctx.lang, primary)}</a> ›{" "}
        {localized(chapter.titles, ctx.lang, primary)} › <a href={base}>{yours.heading}</a> · {LANGUAGE_NAMES[language]}
      </p>
      <h1>{t("conflict.title")}</h1>
      <p class="lead">{t("conflict.lead", { count: hunks.length, name })}</p>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      {merged.length > 0 && (
        <details class="panel conflict-merged">
          <summary>{t("conflict.autoMerged", { count: props.mergedCount })}</summary>
          <ul class="conflict-merged-list">
            {merged.map((m) => (
              <li>
                <p class="muted small">{t(`conflict.from.${m.from}`)}</p>
                {m.heading ? (
                  <p lang={language}>
                    {t("conflict.headingChanged")} <strong>{m.text}</strong>
                  </p>
                ) : m.text ? (
                  <div class="prose" lang={language} dangerouslySetInnerHTML={{ __html: m.html }} />
                ) : (
                  <div class="conflict-removed">
                    <p class="small">{t("conflict.removed")}</p>
                    <del class="prose" lang={language} dangerouslySetInnerHTML={{ __html: m.baseHtml }} />
                  </div>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
      <Form ctx={ctx} action={`${base}/resolve`} class="stack conflict-form">
        <input type="hidden" name="heading" value={yours.heading} />
        <input type="hidden" name="body" value={yours.body} />
        <input type="hidden" name="baseRevisionId" value={props.baseRevisionId === null ? "" : String(props.baseRevisionId)} />
        <input type="hidden" name="theirsRevisionId" value={String(theirs.id)} />
        {hunks.map((hunk) => {
          const choiceError = errors?.[`choice-${hunk.id}`];
          const editError = errors?.[`edit-${hunk.id}`];
          const isHeading = hunk.id === "heading";
          const editText = edits[hunk.id] ?? (isHeading ? hunk.yours : [hunk.theirs, hunk.yours].filter((s) => s.trim()).join("\n\n"));
          const editLabel = isHeading ? t("conflict.editHeadingLabel") : t("conflict.editLabel", { n: Number(hunk.id) + 1 });
          return (
            <section class={choiceError || editError ? "conflict-hunk field-error" : "conflict-hunk"} aria-labelledby={`hunk-${hunk.id}-h`} id={`hunk-${hunk.id}`}>
              <h2 id={`hunk-${hunk.id}-h`}>{titleOf(hunk)}</h2>
              <div class="conflict-sides">
                <div class="conflict-side">
                  <h3>{t("conflict.theirVersion")}</h3>
                  <p class="muted small">
                    {t("conflict.theirs", { name, id: theirs.id })} <DateTime value={theirs.createdAt} lang={ctx.lang} withTime />
                  </p>
                  <Version ctx={ctx} hunk={hunk} side="theirs" lang={language} />
                </div>
                <div class="conflict-side">
                  <h3>{t("conflict.yours")}</h3>
                  <p class="muted small">{t("conflict.yoursNote")}</p>
                  <Version ctx={ctx} hunk={hunk} side="yours" lang={language} />
                </div>
              </div>
              <fieldset class="conflict-choice" id={`f-choice-${hunk.id}`} aria-describedby={choiceError ? `e-choice-${hunk.id}` : undefined}>
                <legend>{t("conflict.choose")}</legend>
                {choiceError && (
                  <p class="error-message" id={`e-choice-${hunk.id}`}>
                    {message(choiceError)}
                  </p>
                )}
                {CHOICES.filter(([value]) => !(isHeading && value === "both")).map(([value, key]) => (
                  <label class="check">
                    <input type="radio" name={`choice-${hunk.id}`} value={value} checked={choices[hunk.id] === value} />
                    {t(key)}
                  </label>
                ))}
              </fieldset>
              <div class={editError ? "field conflict-edit field-error" : "field conflict-edit"}>
                <label for={`f-edit-${hunk.id}`}>{editLabel}</label>
                <p class="hint" id={`h-edit-${hunk.id}`}>
                  {isHeading ? t("conflict.editHeadingHint") : t("conflict.editHint")}
                </p>
                {editError && (
                  <p class="error-message" id={`e-edit-${hunk.id}`}>
                    {message(editError)}
                  </p>
                )}
                {isHeading ? (
                  <input
                    id={`f-edit-${hunk.id}`}
                    name={`edit-${hunk.id}`}
                    class="input"
                    value={editText}
                    maxLength={300}
                    lang={language}
                    aria-describedby={editError ? `h-edit-${hunk.id} e-edit-${hunk.id}` : `h-edit-${hunk.id}`}
                  />
                ) : (
                  <textarea
                    id={`f-edit-${hunk.id}`}
                    name={`edit-${hunk.id}`}
                    class="input mono"
                    rows={Math.min(16, Math.max(5, editText.split("\n").length + 1))}
                    lang={language}
                    aria-describedby={editError ? `h-edit-${hunk.id} e-edit-${hunk.id}` : `h-edit-${hunk.id}`}
                  >
                    {editText}
                  </textarea>
                )}
              </div>
            </section>
          );
        })}
        <div class="field">
          <label for="f-summary">
            {t("editor.summary")} <span class="optional">({t("common.optional")})</span>
          </label>
          <input id="f-summary" name="summary" class="input" value={yours.summary ?? ""} maxLength={300} />
        </div>
        <div class="actions">
          <button class="button">{t("conflict.save")}</button>
          <a class="button button-secondary" href={base}>
            {t("conflict.discard")}
          </a>
        </div>
      </Form>
    </Layout>
  );
}
