import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createPostgresDatabase, demoAccount, startProductServer, startProductServerWith, type RunningServer } from "#e2e/helpers/server.ts";
import { testDatabaseUrl } from "#test/helpers/prerequisites.ts";

// Starting the real product: the demo's passwords are printed once, and instances starting
// together on one PostgreSQL database take turns instead of crashing each other.

const PASSWORDS_BANNER = "Demo accounts (initial passwords";

describe("starting the product", () => {
  it("loads the demo on an empty PGlite data directory with no settings, and prints its passwords only that first time", async () => {
    const first = await startProductServer("pglite");
    let second: RunningServer | undefined;
    try {
      const admin = demoAccount(first, "admin");
      expect(first.output()).toContain(PASSWORDS_BANNER);
      const file = join(first.env.DATA_DIR!, "demo-accounts.txt");
      expect(readFileSync(file, "utf8")).toContain(`admin\t${admin.email}\t${admin.password}`);

      await first.kill();
      const before = first.output().length;
      second = await first.restart();
      const later = second.output().slice(before);
      expect(later).not.toContain(admin.password);
      expect(later).not.toContain(PASSWORDS_BANNER);
      expect(later).toContain(`Demo accounts: their initial passwords are in ${file}`);
    } finally {
      await (second ?? first).stop();
    }
  });

  describe.runIf(testDatabaseUrl())("two instances on one PostgreSQL database", () => {
    it("both become ready; one migrates and loads the demo, the other waits and finds it loaded", async () => {
      const database = await createPostgresDatabase();
      const dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), "lr-e2e-")));
      const started = await Promise.allSettled(dirs.map((dir) => startProductServerWith({ DATA_DIR: dir, DATABASE_URL: database.url, DEMO: "1" })));
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const servers = started.map((s) => (s.status === "fulfilled" ? s.value : undefined));
        expect(started.map((s) => (s.status === "rejected" ? String(s.reason) : "ready"))).toEqual(["ready", "ready"]);
        for (const server of servers) {
          expect((await fetch(`${server!.url}/readyz`)).status).toBe(200);
          expect(server!.output()).not.toMatch(/"level":(50|60)|Error/);
        }
        // Exactly one of them loaded the demo and printed the passwords.
        expect(servers.filter((s) => s!.output().includes(PASSWORDS_BANNER))).toHaveLength(1);
        expect(dirs.filter((dir) => existsSync(join(dir, "demo-accounts.txt")))).toHaveLength(1);
        const count = async (query: string) => Number((await client.query<{ n: string }>(query)).rows[0]!.n);
        expect(await count("select count(*) as n from audit_events where action = 'demo.load'")).toBe(1);
        expect(await count("select count(*) as n from reports")).toBe(1);
        expect(await count("select count(*) as n from audit_events where action = 'demo.accounts'")).toBe(1);
      } finally {
        await client.end();
        for (const s of started) if (s.status === "fulfilled") await s.value.stop();
        await database.drop();
        for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
