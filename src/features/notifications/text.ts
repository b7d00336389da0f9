import type { Language, LocalizedText } from "#src/domain/languages.ts";
import { formatDay, isMessageKey, translator } from "#src/i18n/i18n.ts";

/** A notice's parameters as stored: plain strings, texts per language, and `date` as an ISO day. */
export type NoticeParams = Record<string, string | Partial<LocalizedText>>;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day ("2026-06-12") as a reader of the language writes it in a sentence ("12 juin 2026"). */

/** The parameters in one language: a text per language shows in the reader's (else English, else any), a date formatted. */
export function paramsIn(params: NoticeParams, lang: Language): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === "string") out[name] = name === "date" && ISO_DAY.test(value) ? formatDay(value, lang) : value;
    else out[name] = value[lang] ?? value.en ?? Object.values(value).find((v) => typeof v === "string") ?? "";
  }
  return out;
}

/** A stored notice's text in the reader's language; an unknown key (an older message) shows as is. */
export function noticeText(lang: Language, notice: { messageKey: string; params: NoticeParams }): string {
  if (!isMessageKey(notice.messageKey)) return notice.messageKey;
  return translator(lang)(notice.messageKey, paramsIn(notice.params, lang));
}
