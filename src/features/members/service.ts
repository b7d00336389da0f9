import { announceChange } from "#src/db/changes.ts";
import { transaction, type Db } from "#src/db/client.ts";
import { isUniqueViolation } from "#src/db/errors.ts";
import { recordAudit } from "#src/features/audit/repository.ts";
import { type Actor } from "#src/domain/actors.ts";
import type { Language } from "#src/domain/languages.ts";
import { ACCOUNT_TOKEN_PURPOSES } from "#src/domain/notifications.ts";
import { cancelMailOf } from "#src/features/mail/outbox.ts";
import { revokeOpenTokens } from "#src/features/members/account-tokens.ts";
import * as repo from "#src/features/members/repository.ts";
import type { OrganizationInput, UserCreateInput, UserUpdateInput } from "#src/features/members/schemas.ts";
import { hashPassword } from "#src/features/members/passwords.ts";
import { appError } from "#src/lib/errors.ts";

// Administration of members: organizations and user accounts. Each command writes its change and
// its audit event in one transaction, and maps constraint violations to catalogue errors.

async function checkRegion(db: Db, code: string | null) {
  if (code === null) return;
  const known = (await repo.listRegions(db)).some((r) => r.code === code);
  if (!known) throw appError("VALIDATION_FAILED", { regionCode: "field.invalid" });
}

function mapOrganizationConflict(e: unknown): never {
  if (isUniqueViolation(e, "organizations_name_key")) throw appError("ORGANIZATION_NAME_TAKEN", { name: "error.ORGANIZATION_NAME_TAKEN" });
  throw e;
}

/** Creates an organization. */
export async function createOrganization(db: Db, actor: Actor, input: OrganizationInput) {
  await checkRegion(db, input.regionCode);
  return transaction(db, async (tx) => {
    await announceChange(tx, "catalog");
    const org = await repo.insertOrganization(tx, input);
    await recordAudit(tx, actor, { action: "organization.create", entityType: "organization", entityId: org.id, data: { name: org.name } });
    return org;
  }).catch(mapOrganizationConflict);
}

/** Replaces an organization's details. */
export async function updateOrganization(db: Db, actor: Actor, id: string, input: OrganizationInput) {
  await checkRegion(db, input.regionCode);
  return transaction(db, async (tx) => {
    await announceChange(tx, "catalog");
    const org = await repo.updateOrganization(tx, id, input);
    if (!org) throw appError("NOT_FOUND");
    await recordAudit(tx, actor, { action: "organization.update", entityType: "organization", entityId: id, data: { ...input } });
    return org;
  }).catch(mapOrganizationConflict);
}

/** Deactivates (active = false) or reactivates an organization; its history and users stay. */
export function setOrganizationActive(db: Db, actor: Actor, id: string, active: boolean) {
  return transaction(db, async (tx) => {
    await announceChange(tx, "catalog");
    const org = await repo.updateOrganization(tx, id, { deactivatedAt: active ? null : new Date() });
    if (!org) throw appError("NOT_FOUND");
    await recordAudit(tx, actor, { action: active ? "organization.reactivate" : "organization.deactivate", entityType: "organization", entityId: id });
    return org;
  });
}

export async function checkOrganization(db: Db, id: string | null) {
  if (id !== null && !(await repo.getOrganization(db, id))) throw appError("VALIDATION_FAILED", { organizationId: "field.unknownOrganization" });
}

/** Turns a duplicate e-mail into EMAIL_TAKEN; rethrows anything else. */
export function mapUserConflict(e: unknown): never {
  if (isUniqueViolation(e, "users_email_key")) throw appError("EMAIL_TAKEN", { email: "error.EMAIL_TAKEN" });
  throw e;
}

/** Creates a user with an initial password. */
export async function createUser(db: Db, actor: Actor, input: UserCreateInput) {
  await checkOrganization(db, input.organizationId);
  const { password, ...values } = input;
  const passwordHash = await hashPassword(password);
  return transaction(db, async (tx) => {
    const user = await repo.insertUser(tx, { ...values, passwordHash });
    await recordAudit(tx, actor, { action: "user.create", entityType: "user", entityId: user.id, data: { email: user.email, role: user.role } });
    return user;
  }).catch(mapUserConflict);
}

/**
 * Ends what was sent to a user's address: their open links (invitation, reset) stop working and
 * their messages not sent yet are cancelled. Called when the address changes or the account is
 * deactivated, so that a link never reaches someone the account no longer belongs to.
 */
async function withdrawLinks(tx: Db, userId: string) {
  for (const purpose of ACCOUNT_TOKEN_PURPOSES) await revokeOpenTokens(tx, userId, purpose);
  await cancelMailOf(tx, userId);
}

// The platform must always keep one active administrator who can sign in.
async function assertNotLastAdmin(tx: Db, userId: string) {
  const admins = await repo.lockActiveAdmins(tx);
  if (admins.length === 1 && admins[0] === userId) throw appError("LAST_ADMIN");
}

/** Updates a user's details and role; a new address withdraws the links mailed to the old one. */
export async function updateUser(db: Db, actor: Actor, id: string, input: UserUpdateInput) {
  await checkOrganization(db, input.organizationId);
  return transaction(db, async (tx) => {
    const before = await repo.getUser(tx, id);
    if (!before) throw appError("NOT_FOUND");
    if (before.role === "admin" && input.role !== "admin") await assertNotLastAdmin(tx, id);
    // The details an administrator may change, and nothing else (never a password).
    const { name, email, organizationId, role, language } = input;
    const user = await repo.updateUser(tx, id, { name, email, organizationId, role, language });
    if (user!.email !== before.email) await withdrawLinks(tx, id);
    await recordAudit(tx, actor, { action: "user.update", entityType: "user", entityId: id, data: { name, email, organizationId, role, language } });
    return user!;
  }).catch(mapUserConflict);
}

/** Deactivates (and signs out everywhere) or reactivates a user. */
export function setUserActive(db: Db, actor: Actor, id: string, active: boolean) {
  return transaction(db, async (tx) => {
    const before = await repo.getUser(tx, id);
    if (!before) throw appError("NOT_FOUND");
    if (!active && before.role === "admin") await assertNotLastAdmin(tx, id);
    const user = await repo.updateUser(tx, id, { deactivatedAt: active ? null : new Date() });
    if (!active) await repo.deleteUserSessions(tx, id);
    if (!active) await withdrawLinks(tx, id);
    await recordAudit(tx, actor, { action: active ? "user.reactivate" : "user.deactivate", entityType: "user", entityId: id });
    return user!;
  });
}

/** Saves the language a person chose on their account page as their own (pages and mail); nothing when unchanged. */
export function setPreferredLanguage(db: Db, actor: Actor & { userId: string }, language: Language) {
  return transaction(db, async (tx) => {
    const before = await repo.getUser(tx, actor.userId);
    if (!before || before.language === language) return;
    await repo.updateUser(tx, actor.userId, { language });
    await recordAudit(tx, actor, { action: "user.language", entityType: "user", entityId: actor.userId, data: { language } });
  });
}
