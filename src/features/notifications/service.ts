import { transaction, type Db } from "#src/db/client.ts";
import type { Actor } from "#src/domain/actors.ts";
import type { LocalizedText } from "#src/domain/languages.ts";
import { DELIVERY_MODES, isNotificationKind, type DeliveryMode, type NotificationKind } from "#src/domain/notifications.ts";
import { recordAudit } from "#src/features/audit/repository.ts";
import { readSignedToken } from "#src/features/mail/signed.ts";
import * as repo from "#src/features/notifications/repository.ts";
import { endSubscription } from "#src/features/notifications/subscriptions.ts";
import { appError, type FieldErrors } from "#src/lib/errors.ts";

export const PAGE_SIZE = 50;

/** Marks every notification of a person as read. */
export const markAllRead = (db: Db, userId: string) => transaction(db, (tx) => repo.markAllRead(tx, userId));

/** Marks one of the person's notifications read and answers where it points; another person's is not found. */
export async function openNotification(db: Db, userId: string, id: number): Promise<string> {
  const href = await transaction(db, (tx) => repo.markOneRead(tx, userId, id));
  if (!href) throw appError("NOT_FOUND");
  return href;
}

const isMode = (v: unknown): v is DeliveryMode => typeof v === "string" && (DELIVERY_MODES as readonly string[]).includes(v);

/**
 * The choices of a preferences form: each field named after a kind holds a mode. A field naming
 * no kind, or a mode that does not exist, is refused as a whole (nothing is saved).
 */
export function parsePreferences(body: Record<string, unknown>): Partial<Record<NotificationKind, DeliveryMode>> {
  const choices: Partial<Record<NotificationKind, DeliveryMode>> = {};
  const errors: FieldErrors = {};
  for (const [name, value] of Object.entries(body)) {
    if (name === "_csrf") continue;
    if (!isNotificationKind(name)) errors[name] = "field.invalid";
    else if (!isMode(value)) errors[name] = "field.invalid";
    else choices[name] = value;
  }
  if (Object.keys(errors).length) throw appError("VALIDATION_FAILED", errors);
  return choices;
}

/** Saves a person's choices of mail per kind (the kinds not given keep theirs); audited when something changed. */
export function savePreferences(db: Db, actor: Actor, userId: string, choices: Partial<Record<NotificationKind, DeliveryMode>>) {
  return transaction(db, async (tx) => {
    const changed = await repo.setPreferences(tx, userId, choices);
    if (changed.length) {
      await recordAudit(tx, actor, { action: "notifications.preferences", entityType: "user", entityId: userId, data: Object.fromEntries(changed.map((kind) => [kind, choices[kind]])) });
    }
    return changed;
  });
}

// Unsubscribe links: what a signed token ends, and ending it.

export type Unsubscription =
  | { kind: "user"; userId: string; notificationKind: NotificationKind; done: boolean }
  | { kind: "digest"; userId: string; done: boolean }
  | { kind: "subscription"; subscriptionId: string; report: LocalizedText; done: boolean };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What an unsubscribe link ends and whether it is ended already; a token not signed here, or naming nothing, is not found. */
export async function unsubscription(db: Db, secret: string, token: string): Promise<Unsubscription> {
  const payload = readSignedToken(secret, token);
  const [what, id = "", kind] = payload?.split(":") ?? [];
  if (what === "user" && UUID.test(id) && isNotificationKind(kind) && (await repo.userExists(db, id))) {
    const mode = (await repo.preferencesOf(db, id))[kind];
    return { kind: "user", userId: id, notificationKind: kind, done: mode === "off" };
  }
  // A daily digest gathers several kinds: its link turns off every kind the person gets in digests.
  if (what === "digest" && UUID.test(id) && kind === undefined && (await repo.userExists(db, id))) {
    return { kind: "digest", userId: id, done: !Object.values(await repo.preferencesOf(db, id)).includes("digest") };
  }
  if (what === "subscription" && UUID.test(id) && kind === undefined) {
    const sub = await repo.subscriptionWithReport(db, id);
    if (sub) return { kind: "subscription", subscriptionId: sub.id, report: sub.titles, done: sub.endedAt !== null };
  }
  throw appError("NOT_FOUND");
}

/**
 * Ends what an unsubscribe link names (RFC 8058 one-click: no session is needed, the signature is
 * the proof): mail of one kind for one person turns off (or every kind of their daily digest), or a
 * reader's subscription ends. Doing it
 * again changes nothing.
 */
export async function unsubscribe(db: Db, actor: Actor, secret: string, token: string): Promise<Unsubscription> {
  const target = await unsubscription(db, secret, token);
  if (target.kind === "user" || target.kind === "digest") {
    await transaction(db, async (tx) => {
      const kinds =
        target.kind === "user" ? [target.notificationKind] : Object.entries(await repo.preferencesOf(tx, target.userId)).filter(([, mode]) => mode === "digest").map(([kind]) => kind as NotificationKind);
      const changed = await repo.setPreferences(tx, target.userId, Object.fromEntries(kinds.map((kind) => [kind, "off"])));
      if (changed.length) {
        await recordAudit(tx, { ...actor, userId: target.userId }, { action: "notifications.preferences", entityType: "user", entityId: target.userId, data: { ...Object.fromEntries(changed.map((kind) => [kind, "off"])), via: "unsubscribe" } });
      }
    });
  } else {
    await transaction(db, (tx) => endSubscription(tx, target.subscriptionId));
  }
  return { ...target, done: true };
}
