import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "#src/db/client.ts";
import { auditEvents } from "#src/db/schema/audit.ts";
import { users } from "#src/db/schema/members.ts";
import type { Actor } from "#src/domain/actors.ts";

export type AuditEntry = { action: string; entityType: string; entityId?: string | null; data?: Record<string, unknown> };

/** Appends an audit event; call it with the transaction that makes the change. */
export async function recordAudit(tx: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    actorId: actor.userId,
    ip: actor.ip,
    requestId: actor.requestId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    data: entry.data ?? {},
  });
}

/** The newest audit events first, with the actor's name; `before` pages by id. */
export function listAudit(db: Db, options: { limit: number; before?: number | undefined; entityId?: string | undefined }) {
  return db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      data: auditEvents.data,
      ip: auditEvents.ip,
      actorName: users.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(
      and(
        options.before ? lt(auditEvents.id, options.before) : undefined,
        options.entityId ? eq(auditEvents.entityId, options.entityId) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(options.limit);
}

export type AuditRow = Awaited<ReturnType<typeof listAudit>>[number];
