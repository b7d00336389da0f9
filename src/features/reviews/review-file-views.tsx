import type { Language } from "#src/domain/languages.ts";
import { readingLanguage } from "#src/domain/languages.ts";
import { LANGUAGE_NAMES } from "#src/i18n/i18n.ts";
import type { PageContext } from "#src/web/render.ts";

// "Download for review" on a round's pages (the members' and the secretariat's): a plain GET form,
// a part (a chapter or the whole text) and a language of the report.

export function ReviewDownload(props: { ctx: PageContext; roundId: string; languages: readonly Language[]; chapters: { number: string; slug: string; title: string }[] }) {
  const { ctx, roundId } = props;
  const { t } = ctx;
  const shown = readingLanguage({ languages: props.languages }, ctx.lang);
  return (
    <details class="panel" id="review-download">
      <summary>{t("reviewFile.download")}</summary>
      <p>{t("reviewFile.downloadLead")}</p>
      <form method="get" action={`/reviews/${roundId}/review.docx`} class="stack">
        <div class="field">
          <label for="review-file-chapter">{t("reviewFile.chapter")}</label>
          <select id="review-file-chapter" name="chapter" class="input">
            <option value="draft">{t("reviewFile.wholeDraft")}</option>
            {props.chapters.map((c) => (
              <option value={c.slug}>{t("reviewFile.chapterOption", { number: c.number, title: c.title })}</option>
            ))}
          </select>
        </div>
        {props.languages.length > 1 && (
          <div class="field">
            <label for="review-file-lang">{t("reviewFile.language")}</label>
            <select id="review-file-lang" name="lang" class="input">
              {props.languages.map((l) => (
                <option value={l} selected={l === shown} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          </div>
        )}
        <div>
          <button class="button button-secondary">{t("reviewFile.get")}</button>
        </div>
      </form>
    </details>
  );
}
