import type { Messages } from "#src/i18n/message.ts";
import { api } from "#src/i18n/messages/api.ts";
import { audit } from "#src/i18n/messages/audit.ts";
import { caseStudies } from "#src/i18n/messages/case-studies.ts";
import { charts } from "#src/i18n/messages/charts.ts";
import { catalog } from "#src/i18n/messages/catalog.ts";
import { compare } from "#src/i18n/messages/compare.ts";
import { conflicts } from "#src/i18n/messages/conflicts.ts";
import { content } from "#src/i18n/messages/content.ts";
import { deadlines } from "#src/i18n/messages/deadlines.ts";
import { editions } from "#src/i18n/messages/editions.ts";
import { editionTexts } from "#src/i18n/messages/edition-texts.ts";
import { epub } from "#src/i18n/messages/epub.ts";
import { errors } from "#src/i18n/messages/errors.ts";
import { events } from "#src/i18n/messages/events.ts";
import { findings } from "#src/i18n/messages/findings.ts";
import { home } from "#src/i18n/messages/home.ts";
import { imports } from "#src/i18n/messages/imports.ts";
import { mail } from "#src/i18n/messages/mail.ts";
import { members } from "#src/i18n/messages/members.ts";
import { accounts } from "#src/i18n/messages/accounts.ts";
import { notifications } from "#src/i18n/messages/notifications.ts";
import { navigation } from "#src/i18n/messages/navigation.ts";
import { provenance } from "#src/i18n/messages/provenance.ts";
import { publishing } from "#src/i18n/messages/publishing.ts";
import { reading } from "#src/i18n/messages/reading.ts";
import { pickers } from "#src/i18n/messages/pickers.ts";
import { reports } from "#src/i18n/messages/reports.ts";
import { reviews } from "#src/i18n/messages/reviews.ts";
import { reviewImport } from "#src/i18n/messages/review-import.ts";
import { reviewSuggestions } from "#src/i18n/messages/review-suggestions.ts";
import { reviewFiles } from "#src/i18n/messages/review-files.ts";
import { richEditor } from "#src/i18n/messages/rich-editor.ts";
import { search } from "#src/i18n/messages/search.ts";
import { shell } from "#src/i18n/messages/shell.ts";
import { site } from "#src/i18n/messages/site.ts";
import { surveys } from "#src/i18n/messages/surveys.ts";
import { surveyForm } from "#src/i18n/messages/survey-form.ts";
import { subscriptions } from "#src/i18n/messages/subscriptions.ts";
import { work } from "#src/i18n/messages/work.ts";

// Every message the product shows, one module per feature under messages/, keyed as the call
// sites use them ("cs.new", "error.NOT_FOUND"). They live in i18n/, below web/ and content/,
// because the page shell, the forms and the Markdown pipeline translate too, not only features.
//
// A module holds each message in every language side by side: whoever adds or changes a message
// sees its translations beside it, a plural written for one language is checked against the
// others at a glance, and a missing language is a compile error at the entry itself (Messages,
// in message.ts). Texts are ICU MessageFormat: `{name}`, `{count, plural, one {…} other {…}}`; a literal
// brace is quoted (`'{ref=…}'`).

/** The feature modules, so a test can check that no key is defined twice. */
export const MODULES = { site, errors, home, members, accounts, notifications, audit, content, catalog, caseStudies, surveys, surveyForm, deadlines, events, reports, reviews, provenance, editions, compare, editionTexts, findings, search, publishing, api, navigation, pickers, conflicts, richEditor, shell, epub, reading, charts, mail, subscriptions, imports, work, reviewFiles, reviewSuggestions, reviewImport } as const;

export const messages = {
  ...site,
  ...errors,
  ...home,
  ...members,
  ...accounts,
  ...notifications,
  ...audit,
  ...content,
  ...catalog,
  ...caseStudies,
  ...surveys,
  ...surveyForm,
  ...deadlines,
  ...charts,
  ...events,
  ...reports,
  ...conflicts,
  ...reviews,
  ...reviewSuggestions,
  ...provenance,
  ...editions,
  ...compare,
  ...editionTexts,
  ...findings,
  ...search,
  ...publishing,
  ...api,
  ...navigation,
  ...pickers,
  ...richEditor,
  ...shell,
  ...epub,
  ...reading,
  ...mail,
  ...subscriptions,
  ...work,
  ...imports,
  ...reviewFiles,
  ...reviewImport,
} satisfies Messages;

export type MessageKey = keyof typeof messages;

/** A message's English source, as a literal type: what its parameters are read from. */
export type SourceOf<K extends MessageKey> = (typeof messages)[K]["en"];
