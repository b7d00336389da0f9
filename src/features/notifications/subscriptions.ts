import { transaction, type Db } from "#src/db/client.ts";
import { SYSTEM_ACTOR, type Actor } from "#src/domain/actors.ts";
import { localized, primaryOf, readingLanguage, type Language, type LocalizedText } from "#src/domain/languages.ts";
import { recordAudit } from "#src/features/audit/repository.ts";
import { getReport, type ReportRow } from "#src/features/catalog/repository.ts";
import { enqueueMail } from "#src/features/mail/outbox.ts";
import { readSignedToken, signToken } from "#src/features/mail/signed.ts";
import type { MailContent } from "#src/features/mail/templates.ts";
import * as repo from "#src/features/notifications/subscription-repository.ts";
import { translator } from "#src/i18n/i18n.ts";
import { appError } from "#src/lib/errors.ts";
import { email } from "#src/lib/validation.ts";
import { z } from "zod";

// Readers' subscriptions to a report's new editions, by address alone, with double opt-in: asking
// sends a confirmation link (signed, so nothing secret is stored, and dated, so that it expires and
// cannot restart a subscription ended after it was sent); only a confirmed subscription that has
// not ended receives the mails, each with a one-click way out.

/** Confirmation mails per subscription and day: enough to ask again, too few to flood an address. */
export const CONFIRMATIONS_PER_DAY = 3;
const DAY_MS = 24 * 3600 * 1000;
/** How long a confirmation link can be used. */
export const CONFIRMATION_TTL_MS = 7 * DAY_MS;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The site path of a subscription's confirmation page; the link signs the subscription and when it was issued (epoch milliseconds). */
export const confirmationPath = (secret: string, subscriptionId: string, issuedAt: number = Date.now()) => `/subscriptions/confirm/${signToken(secret, `confirm:${subscriptionId}:${issuedAt}`)}`;

/** The subscription a confirmation token names and when it was issued, when this secret signed it. */
export function readConfirmationToken(secret: string, token: string): { id: string; issuedAt: number } | undefined {
  const match = /^confirm:([^:]+):(\d{1,15})$/.exec(readSignedToken(secret, token) ?? "");
  return match && UUID.test(match[1]!) ? { id: match[1]!, issuedAt: Number(match[2]) } : undefined;
}

/**
 * Whether a confirmation link issued at `issuedAt` may still confirm this subscription: within
 * CONFIRMATION_TTL_MS, and not issued before the subscription ended (starting again needs a new
 * opt-in). A subscription running already is simply running: any of its links says so.
 */
function linkStillGood(subscription: repo.SubscriptionRow, issuedAt: number, now = Date.now()): boolean {
  if (subscription.confirmedAt && !subscription.endedAt) return true;
  if (now - issuedAt > CONFIRMATION_TTL_MS) return false;
  return !subscription.endedAt || issuedAt >= subscription.endedAt.getTime();
}

export type SubscriptionRequest = { report: ReportRow; email: string; language: Language };

/**
 * A reader asks for the report's new editions at an address. A subscription that is new, still
 * pending or ended gets a confirmation mail (in the language of the page it was asked from), at
 * most CONFIRMATIONS_PER_DAY a day; a confirmed one gets nothing. The caller answers the same in
 * every case, so the answer never tells whether an address is subscribed.
 */
export async function requestSubscription(db: Db, actor: Actor, secret: string, input: SubscriptionRequest): Promise<void> {
  const { report, email, language } = input;
  await transaction(db, async (tx) => {
    const subscription = await repo.lockOrCreateSubscription(tx, report.id, email, language);
    if (subscription.confirmedAt && !subscription.endedAt) return;
    const prefix = `subscription:${subscription.id}:confirm:`;
    const sent = await repo.countMailsWithPrefix(tx, prefix, new Date(Date.now() - DAY_MS));
    if (sent.recent >= CONFIRMATIONS_PER_DAY) return;
    if (subscription.language !== language) await repo.setSubscriptionLanguage(tx, subscription.id, language);
    const queued = await enqueueMail(tx, {
      eventKey: `${prefix}${sent.total + 1}`,
      to: email,
      language,
      template: "subscription_confirm",
      content: confirmationMail(report, language, confirmationPath(secret, subscription.id)),
    });
    if (queued) await recordAudit(tx, actor, { action: "subscription.requested", entityType: "subscription", entityId: subscription.id, data: { report: report.slug, language } });
  });
}

/** The report's title for a reader of `lang`: in that language when the report is kept in it, else in its primary one. */
const reportName = (report: ReportRow, lang: Language) => localized(report.titles, readingLanguage(report, lang), primaryOf(report));

function confirmationMail(report: ReportRow, lang: Language, path: string): MailContent {
  const t = translator(lang);
  const name = reportName(report, lang);
  return {
    subject: t("subscription.mail.confirmSubject", { report: name }),
    blocks: [
      { kind: "paragraph", text: t("subscription.mail.confirmIntro", { report: name }) },
      { kind: "action", text: t("subscription.mail.confirmAction"), href: path },
      { kind: "note", text: t("subscription.mail.confirmIgnore") },
    ],
  };
}

/** A confirmation link's subscription; `expired` when the link can no longer confirm it (too old, or older than its end). */
export type PendingConfirmation = { id: string; email: string; report: ReportRow; expired: boolean };

/** What a confirmation link would confirm (shown before the reader confirms), or undefined for a link this site did not make. */
export async function confirmationOf(db: Db, secret: string, token: string): Promise<PendingConfirmation | undefined> {
  const link = readConfirmationToken(secret, token);
  const subscription = link ? await repo.getSubscription(db, link.id) : undefined;
  const report = subscription ? await getReport(db, subscription.reportId) : undefined;
  return link && subscription && report ? { id: subscription.id, email: subscription.email, report, expired: !linkStillGood(subscription, link.issuedAt) } : undefined;
}

/**
 * Confirms the subscription a link names (a pending or ended one starts, a confirmed one stays);
 * an expired link changes nothing and answers `expired`; NOT_FOUND for a forged or unknown link.
 */
export async function confirmSubscription(db: Db, actor: Actor, secret: string, token: string): Promise<PendingConfirmation> {
  const link = readConfirmationToken(secret, token);
  if (!link) throw appError("NOT_FOUND");
  const { id } = link;
  return transaction(db, async (tx) => {
    const before = await repo.lockSubscription(tx, id);
    if (!before) throw appError("NOT_FOUND");
    const report = (await getReport(tx, before.reportId))!;
    if (!linkStillGood(before, link.issuedAt)) return { id, email: before.email, report, expired: true };
    if (!before.confirmedAt || before.endedAt) {
      await repo.markConfirmed(tx, id);
      await recordAudit(tx, actor, { action: "subscription.confirmed", entityType: "subscription", entityId: id, data: { report: report.slug } });
    }
    return { id, email: before.email, report, expired: false };
  });
}

/**
 * Ends a subscription (its one-click unsubscribe link, followed by nobody signed in: the system
 * acts), with its audit entry; ending it again changes nothing. False when there is no such subscription.
 */
export async function endSubscription(tx: Db, id: string, actor: Actor = SYSTEM_ACTOR): Promise<boolean> {
  if (!UUID.test(id)) return false;
  const before = await repo.lockSubscription(tx, id);
  if (!before) return false;
  if (before.endedAt) return true;
  await repo.markEnded(tx, id);
  const report = await getReport(tx, before.reportId);
  await recordAudit(tx, actor, { action: "subscription.ended", entityType: "subscription", entityId: id, data: { report: report?.slug ?? null } });
  return true;
}

export type PublishedEdition = { id: string; reportId: string; label: string; titles: LocalizedText };

/** The formats a new edition's mail links to. */
const DOWNLOADS = [
  ["pdf", "export.pdf"],
  ["epub", "export.epub"],
  ["docx", "export.docx"],
] as const;

/**
 * Queues one mail about a newly published edition per confirmed subscription to its report that
 * has not ended, in the subscriber's language (see editionMail), with its one-click unsubscribe link. Call it in
 * the transaction that publishes the edition. Answers how many messages were queued (none for an
 * address that already had one about this edition).
 */
export async function mailSubscribers(tx: Db, edition: PublishedEdition): Promise<number> {
  const report = await getReport(tx, edition.reportId);
  if (!report) return 0;
  let queued = 0;
  for (const subscription of await repo.listActiveSubscriptions(tx, report.id)) {
    const sent = await enqueueMail(tx, {
      eventKey: `edition:${edition.id}:published`,
      to: subscription.email,
      language: subscription.language,
      template: "edition",
      content: editionMail(report, edition, subscription.language),
      unsubscribe: `subscription:${subscription.id}`,
    });
    if (sent) queued++;
  }
  return queued;
}

/** The mail about a new edition: its words in the subscriber's language; the report's texts and the pages linked to in that language when the report is kept in it, else in its primary one. */
function editionMail(report: ReportRow, edition: PublishedEdition, lang: Language): MailContent {
  const t = translator(lang);
  const reading = readingLanguage(report, lang);
  const name = reportName(report, lang);
  const title = localized(edition.titles, reading, primaryOf(report));
  const base = `/reports/${encodeURIComponent(report.slug)}/${encodeURIComponent(edition.label)}/${reading}`;
  return {
    subject: t("subscription.mail.editionSubject", { report: name, edition: title }),
    blocks: [
      { kind: "paragraph", text: t("subscription.mail.editionIntro", { report: name, edition: title, label: edition.label }) },
      { kind: "action", text: t("subscription.mail.editionAction"), href: `${base}/` },
      { kind: "paragraph", text: t("subscription.mail.downloads") },
      { kind: "items", items: DOWNLOADS.map(([format, key]) => ({ text: t(key), href: `${base}/export/${format}` })) },
      { kind: "note", text: t("subscription.mail.editionWhy", { report: name }) },
    ],
  };
}

/** The subscription form: one address. */
export const SubscribeInput = z.object({ email: email() });
