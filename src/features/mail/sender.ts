import { createHmac } from "node:crypto";
import { and, eq, gt, isNull, sql, type SQL } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import type { Config } from "#src/config.ts";
import { queryRows, transaction, type Db } from "#src/db/client.ts";
import { users } from "#src/db/schema/members.ts";
import { accountTokens, mailOutbox } from "#src/db/schema/notifications.ts";
import type { AccountTokenPurpose } from "#src/domain/notifications.ts";
import { signToken } from "#src/features/mail/signed.ts";
import { BASE, escapeHtml, HOST, LINK, UNSUBSCRIBE } from "#src/features/mail/templates.ts";
import { hashToken, newToken } from "#src/lib/tokens.ts";

// The mail sender: takes due messages from the outbox one at a time and hands them to the SMTP
// server, with retries and backoff. Without an SMTP server, messages are kept ("held") where
// administrators read them, and a line is logged for each: nothing pretends to be sent.

export type MailSettings = { smtpUrl: string | undefined; mailFrom: string; publicUrl: string; sessionSecret: string };

export const mailSettings = (config: Config): MailSettings => ({
  smtpUrl: config.smtpUrl,
  mailFrom: config.mailFrom,
  publicUrl: config.publicUrl,
  sessionSecret: config.sessionSecret,
});

export type OutboxRow = typeof mailOutbox.$inferSelect;

/**
 * A sender holds a message this long; while it sends, it renews the lease every third of it, so
 * a slow SMTP server never lets a second sender take the message, and a sender that crashed loses
 * it after this.
 */
const LEASE_MS = 30_000;
/** Attempts of one message before it fails for good. */
export const MAX_MAIL_ATTEMPTS = 6;
/** Wait after a failed attempt: 1 min, 5 min, 30 min, 2 h, 6 h. */
const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 6 * 3600_000];
const backoffMs = (attempt: number) => BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length) - 1] ?? BACKOFF_MS[0]!;

const fromNow = (ms: number) => sql`now() + (${Math.round(ms)}::int * interval '1 millisecond')`;

/**
 * Why a message did not go out, as last_error stores it: a code, then, for a delivery problem,
 * what the SMTP server or the network answered ("SMTP_550: 550 No such mailbox"). The outbox
 * pages translate the codes; the server's own words stay as they are.
 */
export const MAIL_ERRORS = {
  /** Cancelled: the one-time link was used, revoked or expired before the message went out. */
  linkInvalid: "LINK_INVALID",
  /** Cancelled: the recipient's account was deactivated before the message went out. */
  userDeactivated: "USER_DEACTIVATED",
  /** Failed: the sender stopped while sending it, too many times. */
  abandoned: "ABANDONED",
} as const;

/** A message that must not go out (its link is no longer valid, its recipient was deactivated): it is cancelled, not failed. */
export class CancelledMailError extends Error {
  override name = "CancelledMailError";
  constructor(readonly code: string) {
    super(code);
  }
}

export type MailLog = (line: string) => void;

export type DeliveryOptions = {
  leaseMs?: number;
  backoffMs?: (attempt: number) => number;
  /** Where "mail kept in the outbox" lines go (the server passes its logger). */
  log?: MailLog;
  /** Stops taking new messages (the message in hand is finished). */
  signal?: AbortSignal;
};

export type DeliveryResult = { sent: number; held: number; failed: number };

/** The message as it goes out: placeholders replaced, headers set. */
export type FinalMessage = { subject: string; text: string; html: string; messageId: string; headers: Record<string, string>; link: string | null };

/**
 * The token of the link a message carries: derived from the account token and the message, so
 * that the same message sent again (after a crash, or by an administrator) carries the same link,
 * and a first copy that arrived keeps working.
 */
export const messageLinkToken = (secret: string, accountTokenId: string, messageId: string) =>
  createHmac("sha256", secret).update(`link:${accountTokenId}:${messageId}`).digest("base64url");

const LINK_PATHS: Record<AccountTokenPurpose, string> = { invitation: "/invitation/", reset: "/password/reset/" };

/** Where a message's unsubscribe link points, or null when it has none. */
export const unsubscribeUrl = (row: Pick<OutboxRow, "unsubscribe">, settings: MailSettings): string | null =>
  row.unsubscribe ? `${settings.publicUrl}/unsubscribe/${signToken(settings.sessionSecret, row.unsubscribe)}` : null;

/**
 * The message with its placeholders filled in: the site's address, the unsubscribe link and,
 * when given, the one-time link (else %%LINK%% stays, as the outbox page shows it).
 */
export function fillPlaceholders(row: OutboxRow, settings: MailSettings, link: string | null): FinalMessage {
  const unsubscribe = unsubscribeUrl(row, settings);
  const host = new URL(settings.publicUrl).hostname;
  const fill = (body: string, escape: (s: string) => string) => {
    let out = body.replaceAll(BASE, escape(settings.publicUrl));
    if (unsubscribe) out = out.replaceAll(UNSUBSCRIBE, escape(unsubscribe));
    if (link) out = out.replaceAll(LINK, escape(link));
    return out;
  };
  const headers: Record<string, string> = { "Auto-Submitted": "auto-generated" };
  if (unsubscribe) {
    headers["List-Unsubscribe"] = `<${unsubscribe}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  return {
    subject: row.subject,
    text: fill(row.textBody, (s) => s),
    html: fill(row.htmlBody, escapeHtml),
    messageId: row.messageId.replace(HOST, host),
    headers,
    link,
  };
}

/**
 * Sets the one-time link of an account token: the token's hash replaces the stored one (any other
 * link stops working). Without a token given, a new random one (an administrator's link, made by
 * hand). Throws CancelledMailError (LINK_INVALID) when the account token was used, revoked or has
 * expired.
 */
export async function rotateLink(tx: Db, accountTokenId: string, settings: MailSettings, token = newToken()): Promise<string> {
  const [row] = await tx
    .update(accountTokens)
    .set({ tokenHash: hashToken(token) })
    .where(and(eq(accountTokens.id, accountTokenId), isNull(accountTokens.usedAt), isNull(accountTokens.revokedAt), gt(accountTokens.expiresAt, sql`now()`)))
    .returning({ purpose: accountTokens.purpose });
  if (!row) throw new CancelledMailError(MAIL_ERRORS.linkInvalid);
  return `${settings.publicUrl}${LINK_PATHS[row.purpose]}${token}`;
}

/**
 * The message as it goes out, with its one-time link when it carries one (the same for every
 * attempt of this message, see messageLinkToken). Throws CancelledMailError when the message must
 * not go out: its recipient's account was deactivated, or its link is no longer valid.
 */
export async function finalize(tx: Db, row: OutboxRow, settings: MailSettings): Promise<FinalMessage> {
  if (row.userId) {
    const [user] = await tx.select({ deactivatedAt: users.deactivatedAt }).from(users).where(eq(users.id, row.userId));
    if (user?.deactivatedAt) throw new CancelledMailError(MAIL_ERRORS.userDeactivated);
  }
  const link = row.accountTokenId
    ? await rotateLink(tx, row.accountTokenId, settings, messageLinkToken(settings.sessionSecret, row.accountTokenId, row.id))
    : null;
  return fillPlaceholders(row, settings, link);
}

// One transport per SMTP address, made the first time it is needed (nodemailer is loaded then too).
const transports = new Map<string, Transporter>();
async function transportFor(smtpUrl: string): Promise<Transporter> {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    const { default: nodemailer } = await import("nodemailer");
    transport = transports.get(smtpUrl) ?? nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
    transports.set(smtpUrl, transport);
  }
  return transport;
}

/** Lets go of the SMTP transports (a closing server). */
export function closeTransports(): void {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}

/** The rows a sender may still write: the message as it claimed it, with its attempt. */
const claimed = (row: OutboxRow): SQL => and(eq(mailOutbox.id, row.id), eq(mailOutbox.attempts, row.attempts), eq(mailOutbox.status, "sending"))!;

/**
 * Takes the oldest due message: queued and past its backoff, or "sending" under a lease that
 * expired (its sender crashed). Rows another sender holds are skipped, so several instances
 * share the outbox. A crashed message whose attempts are used up fails instead.
 */
export async function claimMail(db: Db, leaseMs = LEASE_MS): Promise<OutboxRow | undefined> {
  const abandoned = sql`${mailOutbox.status} = 'sending' and coalesce(${mailOutbox.leaseUntil}, '-infinity') < now()`;
  await db
    .update(mailOutbox)
    .set({ status: "failed", lastError: MAIL_ERRORS.abandoned, leaseUntil: null })
    .where(and(abandoned, sql`${mailOutbox.attempts} >= ${MAX_MAIL_ATTEMPTS}`));
  const [row] = await db
    .update(mailOutbox)
    .set({ status: "sending", attempts: sql`${mailOutbox.attempts} + 1`, leaseUntil: fromNow(leaseMs) })
    .where(
      sql`${mailOutbox.id} = (select id from ${mailOutbox}
        where (status = 'queued' and run_after <= now()) or (${abandoned} and attempts < ${MAX_MAIL_ATTEMPTS})
        order by run_after, created_at for update skip locked limit 1)`,
    )
    .returning();
  return row;
}

/** Whether any message waits for a sender: a cheap read, so that an idle sender writes nothing. */
async function anythingDue(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ due: boolean }>(
    db,
    sql`select exists(select 1 from ${mailOutbox}
          where (status = 'queued' and run_after <= now()) or (status = 'sending' and coalesce(lease_until, '-infinity') < now())) as due`,
  );
  return Boolean(row?.due);
}

/** Without an SMTP server: every message waiting (or left by a crashed sender) is kept, one log line each. */
async function holdPending(db: Db, log: MailLog): Promise<number> {
  const rows = await db
    .update(mailOutbox)
    .set({ status: "held", leaseUntil: null })
    .where(sql`${mailOutbox.status} = 'queued' or (${mailOutbox.status} = 'sending' and coalesce(${mailOutbox.leaseUntil}, '-infinity') < now())`)
    .returning({ recipient: mailOutbox.recipient, subject: mailOutbox.subject });
  for (const row of rows) log(`mail kept in the outbox (no SMTP_URL): ${row.recipient} ${row.subject}`);
  return rows.length;
}

/**
 * A delivery error as last_error keeps it: "SMTP_<reply code>: <the server's answer>" when the SMTP
 * server answered, "NETWORK: <code> <message>" when it could not be reached or the connection
 * broke, "ERROR: <message>" otherwise.
 */
export const describeError = (err: unknown): string => {
  const e = err as { message?: unknown; code?: unknown; responseCode?: unknown; response?: unknown };
  const message = String(e?.message ?? err);
  if (typeof e?.responseCode === "number") return `SMTP_${e.responseCode}: ${typeof e.response === "string" ? e.response : message}`.slice(0, 2000);
  if (typeof e?.code === "string" && e.code !== "EENVELOPE" && e.code !== "EMESSAGE") return `NETWORK: ${message.includes(e.code) ? message : `${e.code} ${message}`}`.slice(0, 2000);
  return `ERROR: ${message}`.slice(0, 2000);
};

/** A refusal no other attempt can cure (an SMTP 5xx answer): the message fails at once. */
const isPermanent = (err: unknown) => {
  const code = (err as { responseCode?: unknown })?.responseCode;
  return typeof code === "number" && code >= 500;
};

/**
 * Renews the lease of the message in hand every third of it, fenced by the attempt it was claimed
 * with (a sender that lost it renews nothing). Returns the function that stops renewing.
 */
function keepLease(db: Db, row: OutboxRow, leaseMs: number): () => void {
  const heartbeat = setInterval(() => {
    db.update(mailOutbox)
      .set({ leaseUntil: fromNow(leaseMs) })
      .where(claimed(row))
      .catch(() => undefined);
  }, leaseMs / 3);
  heartbeat.unref();
  return () => clearInterval(heartbeat);
}

/** Sends one claimed message and records the outcome; returns it. */
async function sendOne(db: Db, row: OutboxRow, settings: MailSettings, smtpUrl: string, options: DeliveryOptions): Promise<"sent" | "failed" | "retry" | "cancelled" | "lost"> {
  const mine = claimed(row);
  const release = keepLease(db, row, options.leaseMs ?? LEASE_MS);
  try {
    return await attempt(db, row, settings, smtpUrl, options, mine);
  } finally {
    release();
  }
}

async function attempt(db: Db, row: OutboxRow, settings: MailSettings, smtpUrl: string, options: DeliveryOptions, mine: SQL): Promise<"sent" | "failed" | "retry" | "cancelled" | "lost"> {
  try {
    // The one-time link is made only while this sender still holds the message, so a sender that
    // lost its lease cannot replace the link another one is sending.
    const message = await transaction(db, async (tx) => {
      const [held] = await tx.update(mailOutbox).set({ leaseUntil: fromNow(options.leaseMs ?? LEASE_MS) }).where(mine).returning({ id: mailOutbox.id });
      if (!held) return undefined;
      return finalize(tx, row, settings);
    });
    if (!message) return "lost";
    await (await transportFor(smtpUrl)).sendMail({
      from: settings.mailFrom,
      to: row.recipient,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: message.messageId,
      headers: message.headers,
    });
  } catch (err) {
    if (err instanceof CancelledMailError) {
      const [updated] = await db.update(mailOutbox).set({ status: "cancelled", lastError: err.code, leaseUntil: null }).where(mine).returning({ id: mailOutbox.id });
      return updated ? "cancelled" : "lost";
    }
    const permanent = isPermanent(err);
    const again = !permanent && row.attempts < MAX_MAIL_ATTEMPTS;
    const [updated] = await db
      .update(mailOutbox)
      .set(
        again
          ? { status: "queued", lastError: describeError(err), leaseUntil: null, runAfter: fromNow((options.backoffMs ?? backoffMs)(row.attempts)) }
          : { status: "failed", lastError: describeError(err), leaseUntil: null },
      )
      .where(mine)
      .returning({ id: mailOutbox.id });
    return updated ? (again ? "retry" : "failed") : "lost";
  }
  // The SMTP server has the message. Should this process die before the next write lands, the
  // message is claimed again once its lease expires and sent a second time: the only way it can
  // be sent twice. It carries the same Message-ID, so receiving servers and clients can drop the copy.
  const [updated] = await db
    .update(mailOutbox)
    .set({ status: "sent", sentAt: new Date(), leaseUntil: null, lastError: null })
    .where(mine)
    .returning({ id: mailOutbox.id });
  return updated ? "sent" : "lost";
}

/**
 * Sends every message that is due now, one at a time, until none is left. Without an SMTP server
 * (settings.smtpUrl undefined), the waiting messages are held instead, with one log line each.
 */
export async function deliverPendingMail(db: Db, settings: MailSettings, options: DeliveryOptions = {}): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, held: 0, failed: 0 };
  const smtpUrl = settings.smtpUrl;
  if (!(await anythingDue(db))) return result;
  if (!smtpUrl) {
    result.held = await holdPending(db, options.log ?? (() => undefined));
    return result;
  }
  while (!options.signal?.aborted) {
    const row = await claimMail(db, options.leaseMs);
    if (!row) break;
    const outcome = await sendOne(db, row, settings, smtpUrl, options);
    if (outcome === "sent") result.sent++;
    else if (outcome === "failed") result.failed++;
  }
  return result;
}

/** Polls the outbox every `everyMs`; the returned function stops it, after the message in hand. */
export function startMailSender(db: Db, settings: MailSettings, log: { info: MailLog; error: (err: unknown) => void }, everyMs = 1000): () => Promise<void> {
  const stopping = new AbortController();
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = deliverPendingMail(db, settings, { log: log.info, signal: stopping.signal })
      .catch(log.error)
      .finally(() => (busy = false));
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    stopping.abort();
    await running;
    closeTransports();
  };
}
