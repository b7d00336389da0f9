// Invitations: who may send a person a new invitation or revoke the one they have, and who may
// mail a person who has a password a link to choose a new one.

import type { Rule } from "#src/access/who.ts";

/** A person's invitation as the rules see it. */
export type InvitationResource = {
  kind: "invitation";
  /** The person has set a password (through an invitation or otherwise). */
  accepted: boolean;
  deactivated: boolean;
  /** An invitation link is still open (not used, revoked or expired). */
  pending: boolean;
};

const isAdmin: Rule<unknown> = (who) => (who?.role === "admin" ? null : "FORBIDDEN");

export const invitationRules = {
  /** Send a new link (the open ones stop working): while the person has no password and is active. */
  resend: (who, { accepted, deactivated }) => isAdmin(who, null) ?? (accepted || deactivated ? "INVITATION_STATE" : null),
  /** Revoke the open link: only while there is one. */
  revoke: (who, { accepted, pending }) => isAdmin(who, null) ?? (accepted || !pending ? "INVITATION_STATE" : null),
  /** Mail a password reset link: to an active person who has a password (one still invited is sent a new invitation). */
  sendReset: (who, { accepted, deactivated }) => isAdmin(who, null) ?? (!accepted || deactivated ? "RESET_STATE" : null),
} satisfies Record<string, Rule<InvitationResource>>;
