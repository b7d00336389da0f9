import { authorize, type Who } from "#src/access/index.ts";
import type { InvitationResource } from "#src/access/invitation.ts";
import { transaction, type Db } from "#src/db/client.ts";
import type { Actor, Caller } from "#src/domain/actors.ts";
import { INVITATION_TTL_MS } from "#src/domain/notifications.ts";
import { recordAudit } from "#src/features/audit/repository.ts";
import { enqueueMail } from "#src/features/mail/outbox.ts";
import { LINK, type MailContent } from "#src/features/mail/templates.ts";
import * as tokens from "#src/features/members/account-tokens.ts";
import { openSession } from "#src/features/members/auth.ts";
import { hashPassword } from "#src/features/members/passwords.ts";
import * as repo from "#src/features/members/repository.ts";
import type { UserInviteInput } from "#src/features/members/schemas.ts";
import { checkOrganization, mapUserConflict } from "#src/features/members/service.ts";
import { formatDay, translator } from "#src/i18n/i18n.ts";
import { appError } from "#src/lib/errors.ts";

// Invitations replace typed passwords: an administrator (or the command line) names a person, who
// receives a one-time link, valid for 7 days, to set their own password. The link's token is made
// by the mail sender when it sends the message; the invitation row starts with a hash no link has.

/** A day in a language, as mail writes it. */

function invitationMail(user: repo.UserRow, inviter: string | null, organization: string | null, expiresAt: Date): MailContent {
  const t = translator(user.language);
  const site = t("app.name");
  const params = { inviter: inviter ?? t("accountMail.secretariat"), site, role: user.role };
  return {
    subject: t("invitationMail.subject", { site }),
    blocks: [
      { kind: "paragraph", text: t("accountMail.greeting", { name: user.name }) },
      {
        kind: "paragraph",
        text: organization ? t("invitationMail.withOrganization", { ...params, organization }) : t("invitationMail.withoutOrganization", params),
      },
      { kind: "action", text: t("invitationMail.action"), href: LINK },
      { kind: "note", text: t("invitationMail.expires", { date: formatDay(expiresAt, user.language) }) },
      { kind: "note", text: t("invitationMail.ignore") },
    ],
  };
}

/** A new invitation link for the user and its message, in the caller's transaction. */
async function issueInvitation(tx: Db, actor: Actor, user: repo.UserRow) {
  const token = await tokens.insertAccountToken(tx, { userId: user.id, purpose: "invitation", ttlMs: INVITATION_TTL_MS, createdBy: actor.userId });
  const inviter = actor.userId ? ((await repo.getUser(tx, actor.userId))?.name ?? null) : null;
  const organization = user.organizationId ? ((await repo.getOrganization(tx, user.organizationId))?.name ?? null) : null;
  await enqueueMail(tx, {
    eventKey: `invitation:${token.id}`,
    to: user.email,
    userId: user.id,
    language: user.language,
    template: "invitation",
    content: invitationMail(user, inviter, organization, token.expiresAt),
    accountTokenId: token.id,
  });
  return token;
}

/**
 * Creates an account without a password and invites its owner, all in one transaction. An address
 * that already has an account is refused (409): one still invited gets a new invitation from its page.
 */
export async function inviteUser(db: Db, actor: Actor, input: UserInviteInput) {
  await checkOrganization(db, input.organizationId);
  return transaction(db, async (tx) => {
    const existing = await repo.getUserByEmail(tx, input.email);
    if (existing) throw appError("EMAIL_TAKEN", { email: existing.passwordHash === null ? "invitation.alreadyInvited" : "error.EMAIL_TAKEN" });
    const user = await repo.insertUser(tx, { ...input, passwordHash: null });
    await recordAudit(tx, actor, { action: "user.invite", entityType: "user", entityId: user.id, data: { email: user.email, role: user.role } });
    const token = await issueInvitation(tx, actor, user);
    return { user, tokenId: token.id };
  }).catch(mapUserConflict);
}

export type InvitationState = "pending" | "accepted" | "expired" | "revoked" | "none";

/** Where a person's invitation stands, as the admin user page shows it, and what the rules need. */
export async function invitationOf(db: Db, user: repo.UserRow) {
  const latest = await tokens.latestInvitation(db, user.id);
  const accepted = user.passwordHash !== null;
  const state: InvitationState = !latest
    ? "none"
    : latest.token.usedAt
      ? "accepted"
      : latest.token.revokedAt
        ? "revoked"
        : latest.expired
          ? "expired"
          : accepted
            ? "accepted"
            : "pending";
  const resource: InvitationResource = { kind: "invitation", accepted, deactivated: Boolean(user.deactivatedAt), pending: state === "pending" };
  return { state, expiresAt: latest?.token.expiresAt ?? null, resource };
}

async function lockedInvitation(tx: Db, caller: Who, action: "resend" | "revoke", userId: string) {
  const user = await tokens.lockUser(tx, userId);
  if (!user) throw appError("NOT_FOUND");
  authorize(caller, action, (await invitationOf(tx, user)).resource);
  return user;
}

/** Sends a new invitation; the links sent before stop working. */
export function resendInvitation(db: Db, caller: Caller, userId: string) {
  return transaction(db, async (tx) => {
    const user = await lockedInvitation(tx, caller, "resend", userId);
    await tokens.revokeOpenTokens(tx, user.id, "invitation");
    const token = await issueInvitation(tx, caller, user);
    await recordAudit(tx, caller, { action: "user.invitation.resend", entityType: "user", entityId: user.id });
    return { user, tokenId: token.id };
  });
}

/** Revokes the open invitation: its link stops working (a new one can be sent later). */
export function revokeInvitation(db: Db, caller: Caller, userId: string) {
  return transaction(db, async (tx) => {
    const user = await lockedInvitation(tx, caller, "revoke", userId);
    await tokens.revokeOpenTokens(tx, user.id, "invitation");
    await recordAudit(tx, caller, { action: "user.invitation.revoke", entityType: "user", entityId: user.id });
    return user;
  });
}

type LinkRow = NonNullable<Awaited<ReturnType<typeof tokens.findOpenToken>>>;

/** An invitation link is good while it is open, its person active and still without a password. */
const usable = (row: LinkRow | undefined): row is LinkRow => Boolean(row && !row.user.deactivatedAt && row.user.passwordHash === null);

/** The person an invitation link is for, or undefined when the link does not work (any reason alike). */
export async function findInvitation(db: Db, token: string) {
  const row = await tokens.findOpenToken(db, "invitation", token);
  return usable(row) ? row.user : undefined;
}

/**
 * Sets the first password from an invitation link and signs the person in; undefined when the
 * link does not work (used, revoked, expired, or the account deactivated meanwhile).
 */
export async function acceptInvitation(db: Db, actor: Actor, token: string, input: { password: string; userAgent: string | null }) {
  if (!(await findInvitation(db, token))) return undefined;
  const passwordHash = await hashPassword(input.password);
  return transaction(db, async (tx) => {
    const row = await tokens.findOpenToken(tx, "invitation", token, true);
    if (!usable(row)) return undefined;
    await tokens.markTokenUsed(tx, row.token.id);
    const user = (await repo.updateUser(tx, row.user.id, { passwordHash, lastSignInAt: new Date() }))!;
    const session = await openSession(tx, user.id, { ip: actor.ip, userAgent: input.userAgent });
    const self = { ...actor, userId: user.id };
    await recordAudit(tx, self, { action: "user.invitation.accept", entityType: "user", entityId: user.id });
    await recordAudit(tx, self, { action: "session.create", entityType: "user", entityId: user.id });
    return { user, ...session };
  });
}
