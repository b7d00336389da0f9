import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#src/db/client.ts";
import { accountTokens, mailOutbox } from "#src/db/schema/notifications.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { enqueueMail } from "#src/features/mail/outbox.ts";
import { deliverPendingMail } from "#src/features/mail/sender.ts";
import { findInvitation, inviteUser } from "#src/features/members/invitations.ts";
import { findReset, requestPasswordReset } from "#src/features/members/password-reset.ts";
import { getUser } from "#src/features/members/repository.ts";
import { setUserActive, updateUser } from "#src/features/members/service.ts";
import { openTestDatabase } from "#test/helpers/db.ts";
import { buildUser } from "#test/helpers/factories.ts";
import { startSmtpServer, type TestSmtpServer } from "#test/setup/smtp.ts";

// Changing a person's address or deactivating their account withdraws what was sent to them: their
// one-time links stop working and their messages not sent yet never go out. And only
// administrators who can sign in keep the platform administered.

let database: Database;
let smtp: TestSmtpServer;
const settings = { mailFrom: "Living report <no-reply@example.org>", publicUrl: "http://localhost:3000", sessionSecret: "test-secret-that-is-long-enough-for-hmac-0123456789" };

beforeAll(async () => {
  database = await openTestDatabase();
  smtp = await startSmtpServer();
});

afterAll(async () => {
  await smtp.close();
  await database.close();
});

const person = { organizationId: null, role: "contributor" as const, language: "en" as const };

/** Sends what is due to the test SMTP server; answers the link of the message to this address. */
async function mailedLink(address: string, prefix: string) {
  await deliverPendingMail(database.db, { ...settings, smtpUrl: smtp.url });
  const mail = await smtp.waitFor((m) => m.to.includes(address));
  return new URL(mail.links.find((l) => new URL(l).pathname.startsWith(prefix))!).pathname.slice(prefix.length);
}

const openTokens = (userId: string) => database.db.select().from(accountTokens).where(and(eq(accountTokens.userId, userId), isNull(accountTokens.revokedAt), isNull(accountTokens.usedAt)));
const outboxOf = (userId: string) => database.db.select().from(mailOutbox).where(eq(mailOutbox.userId, userId));

describe("withdrawing links", () => {
  it("revokes a sent invitation and cancels a queued one when the address changes", async () => {
    const { user } = await inviteUser(database.db, SYSTEM_ACTOR, { ...person, name: "Ana", email: "ana.old@example.org" });
    const token = await mailedLink("ana.old@example.org", "/invitation/");
    expect(await findInvitation(database.db, token)).toBeDefined();
    // Another message to the old address waits in the outbox.
    await enqueueMail(database.db, { eventKey: "notification:test", to: "ana.old@example.org", userId: user.id, language: "en", template: "notification", content: { subject: "A notice", blocks: [] } });

    await updateUser(database.db, SYSTEM_ACTOR, user.id, { ...person, name: "Ana", email: "ana.new@example.org" });
    expect(await findInvitation(database.db, token)).toBeUndefined();
    expect(await openTokens(user.id)).toEqual([]);
    const outbox = await outboxOf(user.id);
    expect(outbox.filter((m) => m.status === "queued" || m.status === "held")).toEqual([]);
    expect(outbox.some((m) => m.status === "sent")).toBe(true);
  });

  it("keeps the links when the address stays the same", async () => {
    const { user } = await inviteUser(database.db, SYSTEM_ACTOR, { ...person, name: "Bea", email: "bea@example.org" });
    await updateUser(database.db, SYSTEM_ACTOR, user.id, { ...person, name: "Bea Ortiz", email: "bea@example.org" });
    expect(await openTokens(user.id)).toHaveLength(1);
    expect((await outboxOf(user.id)).map((m) => m.status)).toEqual(["queued"]);
  });

  it("revokes reset links and cancels held mail when the account is deactivated", async () => {
    const user = await buildUser(database.db, { email: "carla@example.org" });
    await requestPasswordReset(database.db, SYSTEM_ACTOR, "carla@example.org");
    const token = await mailedLink("carla@example.org", "/password/reset/");
    // Without SMTP the next request's message is held for administrators.
    await requestPasswordReset(database.db, SYSTEM_ACTOR, "carla@example.org");
    await deliverPendingMail(database.db, { ...settings, smtpUrl: undefined });
    expect((await outboxOf(user.id)).map((m) => m.status).sort()).toEqual(["held", "sent"]);

    await setUserActive(database.db, SYSTEM_ACTOR, user.id, false);
    expect(await findReset(database.db, token)).toBeUndefined();
    expect(await openTokens(user.id)).toEqual([]);
    const outbox = await outboxOf(user.id);
    expect(outbox.map((m) => m.status).sort()).toEqual(["cancelled", "sent"]);
    expect(outbox.find((m) => m.status === "cancelled")!.lastError).toBe("CANCELLED");
    // Reactivating does not bring the cancelled message back.
    await setUserActive(database.db, SYSTEM_ACTOR, user.id, true);
    const again = await deliverPendingMail(database.db, { ...settings, smtpUrl: smtp.url });
    expect(again.sent).toBe(0);
  });
});

describe("the last administrator", () => {
  it("cannot step down while the only other administrator is still invited", async () => {
    const db = database.db;
    const admin = await buildUser(db, { role: "admin", email: "root@example.org" });
    const { user: invited } = await inviteUser(db, SYSTEM_ACTOR, { ...person, role: "admin", name: "Dora", email: "dora@example.org" });
    await expect(updateUser(db, SYSTEM_ACTOR, admin.id, { ...person, name: admin.name, email: admin.email })).rejects.toMatchObject({ code: "LAST_ADMIN" });
    await expect(setUserActive(db, SYSTEM_ACTOR, admin.id, false)).rejects.toMatchObject({ code: "LAST_ADMIN" });
    expect((await getUser(db, admin.id))!.role).toBe("admin");
    // The invited administrator may be deactivated: the real one stays.
    await setUserActive(db, SYSTEM_ACTOR, invited.id, false);
  });
});
