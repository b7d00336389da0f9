import { authorize } from "#src/access/index.ts";
import { transaction, type Db } from "#src/db/client.ts";
import type { Actor, Caller } from "#src/domain/actors.ts";
import { RESET_TTL_MS } from "#src/domain/notifications.ts";
import { recordAudit } from "#src/features/audit/repository.ts";
import { enqueueMail } from "#src/features/mail/outbox.ts";
import { LINK, type MailContent } from "#src/features/mail/templates.ts";
import * as tokens from "#src/features/members/account-tokens.ts";
import { openSession } from "#src/features/members/auth.ts";
import { hashPassword } from "#src/features/members/passwords.ts";
import { invitationOf } from "#src/features/members/invitations.ts";
import * as repo from "#src/features/members/repository.ts";
import { translator } from "#src/i18n/i18n.ts";
import { appError } from "#src/lib/errors.ts";

// Password reset by mail: a single-use link that works for one hour. Asking answers the same
// whether or not the address has an account; the link's token is made by the mail sender when it
// sends the message, and only its hash is kept.

function resetMail(user: repo.UserRow, expiresAt: Date): MailContent {
  const t = translator(user.language);
  const site = t("app.name");
  const time = new Intl.DateTimeFormat(user.language, { timeStyle: "short", timeZone: "UTC" }).format(expiresAt);
  return {
    subject: t("resetMail.subject", { site }),
    blocks: [
      { kind: "paragraph", text: t("accountMail.greeting", { name: user.name }) },
      { kind: "paragraph", text: t("resetMail.body", { site }) },
      { kind: "action", text: t("resetMail.action"), href: LINK },
      { kind: "note", text: t("resetMail.expires", { time }) },
      { kind: "note", text: t("resetMail.ignore") },
    ],
  };
}

/**
 * Mails a reset link when the address belongs to an active account with a password; does nothing
 * visible otherwise (the caller answers the same either way). A person still invited, without a
 * password, gets nothing: a reset must not bring back an invitation the secretariat revoked.
 */
export async function requestPasswordReset(db: Db, actor: Actor, email: string): Promise<void> {
  const user = await repo.getUserByEmail(db, email);
  await transaction(db, async (tx) => {
    if (!user || user.deactivatedAt || user.passwordHash === null) {
      // As a refused sign-in records it: the address typed, no account named.
      await recordAudit(tx, actor, { action: "password.reset.request", entityType: "user", entityId: null, data: { email } });
      return;
    }
    await issueReset(tx, user, null);
    await recordAudit(tx, actor, { action: "password.reset.request", entityType: "user", entityId: user.id });
  });
}

/** A new reset link for the user and its message, in the caller's transaction. */
async function issueReset(tx: Db, user: repo.UserRow, createdBy: string | null) {
  const token = await tokens.insertAccountToken(tx, { userId: user.id, purpose: "reset", ttlMs: RESET_TTL_MS, createdBy });
  await enqueueMail(tx, {
    eventKey: `reset:${token.id}`,
    to: user.email,
    userId: user.id,
    language: user.language,
    template: "reset",
    content: resetMail(user, token.expiresAt),
    accountTokenId: token.id,
  });
  return token;
}

/**
 * An administrator mails a person the same reset link they could ask for themselves (nobody types
 * a password for someone else): to an active account that has a password.
 */
export function sendResetLink(db: Db, caller: Caller, userId: string) {
  return transaction(db, async (tx) => {
    const user = await tokens.lockUser(tx, userId);
    if (!user) throw appError("NOT_FOUND");
    authorize(caller, "sendReset", (await invitationOf(tx, user)).resource);
    const token = await issueReset(tx, user, caller.userId);
    await recordAudit(tx, caller, { action: "user.reset.send", entityType: "user", entityId: user.id });
    return { user, tokenId: token.id };
  });
}

type LinkRow = NonNullable<Awaited<ReturnType<typeof tokens.findOpenToken>>>;

const usable = (row: LinkRow | undefined): row is LinkRow => Boolean(row && !row.user.deactivatedAt);

/** The person a reset link is for, or undefined when the link does not work (any reason alike). */
export async function findReset(db: Db, token: string) {
  const row = await tokens.findOpenToken(db, "reset", token);
  return usable(row) ? row.user : undefined;
}

/**
 * Sets a new password from a reset link: the link is used up, the person's other reset links are
 * revoked and their other sessions ended, and they are signed in; undefined when the link does not work.
 */
export async function resetPassword(db: Db, actor: Actor, token: string, input: { password: string; userAgent: string | null }) {
  if (!(await findReset(db, token))) return undefined;
  const passwordHash = await hashPassword(input.password);
  return transaction(db, async (tx) => {
    const row = await tokens.findOpenToken(tx, "reset", token, true);
    if (!usable(row)) return undefined;
    await tokens.markTokenUsed(tx, row.token.id);
    await tokens.revokeOpenTokens(tx, row.user.id, "reset");
    const user = (await repo.updateUser(tx, row.user.id, { passwordHash, lastSignInAt: new Date() }))!;
    await repo.deleteUserSessions(tx, user.id);
    const session = await openSession(tx, user.id, { ip: actor.ip, userAgent: input.userAgent });
    const self = { ...actor, userId: user.id };
    await recordAudit(tx, self, { action: "password.reset", entityType: "user", entityId: user.id });
    await recordAudit(tx, self, { action: "session.create", entityType: "user", entityId: user.id });
    return { user, ...session };
  });
}
