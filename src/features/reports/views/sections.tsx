import type { ComponentChildren } from "preact";
import type { Language } from "#src/domain/languages.ts";
import type { MessageKey, Translate } from "#src/i18n/i18n.ts";
import { typeset } from "#src/i18n/typography.ts";

/** A section ready to show: its text in the language shown, and whether that is a fallback. */
export type RenderedSection = { slug: string; heading: string; html: string; lang: Language; fallback: boolean };

type Props = {
  t: Translate;
  /** The page's language. */
  lang: Language;
  chapterNumber: number;
  sections: RenderedSection[];
  /** The note shown on a section that falls back to the primary language. */
  fallbackNote: Extract<MessageKey, "draft.notTranslated" | "edition.notTranslated">;
  /** Anything to show under a section's heading, in the page's language (a citation). */
  underHeading?: (section: RenderedSection, number: string) => ComponentChildren;
};

/** A chapter's sections, anchored by slug and numbered, as the draft reader and editions show them. */
export function ChapterSections({ t, lang, chapterNumber, sections, fallbackNote, underHeading }: Props) {
  // A chapter shown wholly in another language says so once, not once per section.
  const whole = sections.length > 1 && sections.every((s) => s.fallback && s.lang === sections[0]!.lang);
  return (
    <>
      {whole && (
        <p class="notice" role="note">
          {t("chapter.notTranslated", { lang: t(`language.${lang}`), primary: t(`language.${sections[0]!.lang}`) })}
        </p>
      )}
      {sections.map((s, i) => {
        const number = `${chapterNumber}.${i + 1}`;
        return (
          // The text's language marks its heading and words; what the page adds stays in the page's.
          <section id={s.slug} aria-labelledby={`h-${s.slug}`}>
            <h2 id={`h-${s.slug}`} lang={s.lang === lang ? undefined : s.lang}>
              {number} {typeset(s.heading, s.lang)}
            </h2>
            {underHeading?.(s, number)}
            {s.fallback && !whole && (
              <p class="notice small" role="note">
                {t(fallbackNote, { lang: t(`language.${lang}`), primary: t(`language.${s.lang}`) })}
              </p>
            )}
            <div class="prose" lang={s.lang === lang ? undefined : s.lang} dangerouslySetInnerHTML={{ __html: s.html }} />
          </section>
        );
      })}
    </>
  );
}
