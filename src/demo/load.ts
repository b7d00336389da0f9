import { transaction, type Db } from "#src/db/client.ts";
import { recordAudit } from "#src/features/audit/repository.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import { countOrganizations, countUsers, insertOrganization } from "#src/features/members/repository.ts";
import { createDemoAccounts, type DemoAccount } from "#src/demo/accounts.ts";
import { DEMO_ORGANIZATIONS } from "#src/demo/members.ts";
import { loadDemoReport, type DemoProgress } from "#src/demo/report.ts";

/**
 * Loads the demo content when the database holds no organizations and no users, and returns the
 * demo accounts it created (null when it did not load). All of it or nothing: the services' own
 * transactions nest as savepoints in this one, so a start that dies half-way leaves an empty
 * database and the next start loads the demo again.
 */
export async function loadDemoIfEmpty(db: Db, publicUrl: string, progress?: DemoProgress): Promise<DemoAccount[] | null> {
  return transaction(db, async (tx) => {
    if ((await countOrganizations(tx)) > 0 || (await countUsers(tx)) > 0) return null;
    for (const org of DEMO_ORGANIZATIONS) {
      await insertOrganization(tx, { ...org, memberSince: null, memberUntil: null });
    }
    await recordAudit(tx, SYSTEM_ACTOR, { action: "demo.load", entityType: "platform", data: { organizations: DEMO_ORGANIZATIONS.length } });
    await loadDemoReport(tx, publicUrl, progress);
    return createDemoAccounts(tx);
  });
}
