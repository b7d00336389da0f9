import { transaction, type Db } from "#src/db/client.ts";
import type { Actor } from "#src/domain/actors.ts";
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
// sends a confirmation link (signed, so nothing secret is stored); only a confirmed subscription
// that has not ended receives the mails, each with a one-click way out.

/** Confirmation mails per subscription and day: enough to ask again, too few to flood an address. */
export const CONFIRMATIONS_PER_DAY = 3;
const DAY_MS = 24 * 3600 * 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The payload a confirmation link signs. */
const confirmPayload = (id: string) => `confirm:${id}`;

/** The site path of a subscription's confirmation page. */
export const confirmationPath = (secret: string, subscriptionId: string) => `/subscriptions/confirm/${signToken(secret, confirmPayload(subscriptionId))}`;

/** The subscription a confirmation token names, when this secret signed it. */
export function subscriptionIdOfToken(secret: string, token: string): string | undefined {
  const payload = readSignedToken(secret, token);
  const id = payload?.startsWith("confirm:") ? payload.slice("confirm:".length) : undefined;
  return id && UUID.test(id) ? id : undefined;
}

export type SubscriptionRequest = { report: ReportRow; email: string; language: Language };

/**
 * A reader asks for the report's new editions at an address. A subscription that is new, still
 * pending or ended gets a confirmation mail (in the language of the page it was asked from), at
 * most CONFIRMATIONS_PER_DAY a day; a confirmed one gets nothing. The caller answers the same in
 * every case, so the answer never tells whether an address is subscribed.
 */
export async function requestSubscription(db: Db, actor: Actor, secret: string, input: SubscriptionRequest): Promise<void> {
  const { report, email } = input;
  const language = readingLanguage(report, input.language);
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

function confirmationMail(report: ReportRow, lang: Language, path: string): MailContent {
  const t = translator(lang);
  const name = localized(report.titles, lang, primaryOf(report));
  return {
    subject: t("subscription.mail.confirmSubject", { report: name }),
    blocks: [
      { kind: "paragraph", text: t("subscription.mail.confirmIntro", { report: name }) },
      { kind: "action", text: t("subscription.mail.confirmAction"), href: path },
      { kind: "note", text: t("subscription.mail.confirmIgnore") },
    ],
  };
}

export type PendingConfirmation = { id: string; email: string; report: ReportRow };

/** What a confirmation link would confirm (shown before the reader confirms), or undefined for a link this site did not make. */
export async function confirmationOf(db: Db, secret: string, token: string): Promise<PendingConfirmation | undefined> {
  const id = subscriptionIdOfToken(secret, token);
  const subscription = id ? await repo.getSubscription(db, id) : undefined;
  const report = subscription ? await getReport(db, subscription.reportId) : undefined;
  return subscription && report ? { id: subscription.id, email: subscription.email, report } : undefined;
}

/** Confirms the subscription a link names (a pending or ended one starts, a confirmed one stays); NOT_FOUND for a forged or unknown link. */
export async function confirmSubscription(db: Db, actor: Actor, secret: string, token: string): Promise<PendingConfirmation> {
  const id = subscriptionIdOfToken(secret, token);
  if (!id) throw appError("NOT_FOUND");
  return transaction(db, async (tx) => {
    const before = await repo.lockSubscription(tx, id);
    if (!before) throw appError("NOT_FOUND");
    const report = (await getReport(tx, before.reportId))!;
    if (!before.confirmedAt || before.endedAt) {
      await repo.markConfirmed(tx, id);
      await recordAudit(tx, actor, { action: "subscription.confirmed", entityType: "subscription", entityId: id, data: { report: report.slug } });
    }
    return { id, email: before.email, report };
  });
}

/** Ends a subscription (its one-click unsubscribe link); ending it again changes nothing. False when there is no such subscription. */
export async function endSubscription(tx: Db, id: string): Promise<boolean> {
  if (!UUID.test(id)) return false;
  return (await repo.markEnded(tx, id)) !== undefined;
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
 * has not ended, in the subscription's language, with its one-click unsubscribe link. Call it in
 * the transaction that publishes the edition. Answers how many messages were queued (none for an
 * address that already had one about this edition).
 */
export async function mailSubscribers(tx: Db, edition: PublishedEdition): Promise<number> {
  const report = await getReport(tx, edition.reportId);
  if (!report) return 0;
  let queued = 0;
  for (const subscription of await repo.listActiveSubscriptions(tx, report.id)) {
    const language = readingLanguage(report, subscription.language);
    const sent = await enqueueMail(tx, {
      eventKey: `edition:${edition.id}:published`,
      to: subscription.email,
      language,
      template: "edition",
      content: editionMail(report, edition, language),
      unsubscribe: `subscription:${subscription.id}`,
    });
    if (sent) queued++;
  }
  return queued;
}

function editionMail(report: ReportRow, edition: PublishedEdition, lang: Language): MailContent {
  const t = translator(lang);
  const primary = primaryOf(report);
  const name = localized(report.titles, lang, primary);
  const title = localized(edition.titles, lang, primary);
  const base = `/reports/${encodeURIComponent(report.slug)}/${encodeURIComponent(edition.label)}/${lang}`;
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
