import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Db } from "#src/db/client.ts";
import { recordAudit } from "#src/features/audit/repository.ts";
import { SYSTEM_ACTOR } from "#src/domain/actors.ts";
import type { Role } from "#src/domain/members.ts";
import { insertUser, listOrganizations } from "#src/features/members/repository.ts";
import { hashPassword } from "#src/features/members/passwords.ts";

// The demo's three accounts, one per kind of user, with passwords drawn at load time. The
// passwords are printed once, when the accounts are created, and kept in
// DATA_DIR/demo-accounts.txt (readable by the owner only); later starts only say where.
// A real installation runs without the demo and has neither.

export type DemoAccount = { role: Role; name: string; email: string; password: string };

const ACCOUNTS: { role: Role; name: string; email: string; organization: string }[] = [
  { role: "admin", name: "Ana Admin (demo)", email: "admin@example.org", organization: "WCO Secretariat" },
  { role: "editor", name: "Eli Editor (demo)", email: "editor@example.org", organization: "WTO Secretariat" },
  { role: "contributor", name: "Chris Contributor (demo)", email: "contributor@example.org", organization: "Korea Customs Service" },
];

export async function createDemoAccounts(db: Db): Promise<DemoAccount[]> {
  const organizations = await listOrganizations(db, {});
  const accounts: DemoAccount[] = [];
  for (const a of ACCOUNTS) {
    const password = randomBytes(10).toString("hex");
    const organizationId = organizations.find((o) => o.name === a.organization)!.id;
    await insertUser(db, { name: a.name, email: a.email, role: a.role, organizationId, passwordHash: await hashPassword(password), language: "en" });
    accounts.push({ role: a.role, name: a.name, email: a.email, password });
  }
  await recordAudit(db, SYSTEM_ACTOR, { action: "demo.accounts", entityType: "platform", data: { accounts: accounts.map((a) => a.email) } });
  return accounts;
}

const fileOf = (dataDir: string) => join(dataDir, "demo-accounts.txt");

/** Keeps the demo accounts' passwords beside the data, for the owner of the installation. */
export function keepDemoAccounts(dataDir: string, accounts: DemoAccount[]) {
  const file = fileOf(dataDir);
  writeFileSync(file, accounts.map((a) => `${a.role}\t${a.email}\t${a.password}`).join("\n") + "\n", { mode: 0o600 });
  chmodSync(file, 0o600);
}

/** The demo accounts with their passwords, as a block of text for the console when they are created. */
export function demoAccountsBanner(dataDir: string, accounts: DemoAccount[]): string {
  const width = Math.max(...accounts.map((a) => a.email.length));
  return [
    `Demo accounts (initial passwords, shown only this once and kept in ${fileOf(dataDir)}; DEMO=0 starts without the demo):`,
    ...accounts.map((a) => `  ${a.role.padEnd(12)} ${a.email.padEnd(width)}  ${a.password}`),
  ].join("\n");
}

/** Where the demo accounts' passwords are kept, for the console at later starts; null when nowhere. */
export function demoAccountsNotice(dataDir: string): string | null {
  const file = fileOf(dataDir);
  return existsSync(file) ? `Demo accounts: their initial passwords are in ${file} (readable by its owner only).` : null;
}
