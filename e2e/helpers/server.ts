import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { testDatabaseUrl } from "#test/helpers/prerequisites.ts";
import { dropDatabase as dropTestDatabase } from "#test/setup/database.ts";

const ROOT = join(import.meta.dirname, "..", "..");

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export type Engine = "pglite" | "postgres";

/** Engines the browser tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set (in CI it must be). */
export const engines = (): Engine[] => (testDatabaseUrl() ? ["pglite", "postgres"] : ["pglite"]);

export type RunningServer = {
  url: string;
  pid: number;
  /** The environment the server runs with (DATA_DIR, DATABASE_URL…), for loadConfig. */
  env: Record<string, string>;
  stop(): Promise<void>;
  /** Kills the process with SIGKILL, as a crash would; the data stays for restart(). */
  kill(): Promise<void>;
  /** Starts the product again on the same data. */
  restart(): Promise<RunningServer>;
  output(): string;
};

/** A demo account as the server printed it at start-up. */
export function demoAccount(server: RunningServer, role: "admin" | "editor" | "contributor") {
  const match = new RegExp(`^\\s+${role}\\s+(\\S+@\\S+)\\s+(\\S+)$`, "m").exec(server.output());
  if (!match) throw new Error(`No ${role} demo account in the server's output:\n${server.output()}`);
  return { email: match[1]!, password: match[2]! };
}

/** A new, empty database on the PostgreSQL server of TEST_DATABASE_URL, and how to drop it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL!;
  const name = `lr_e2e_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      await dropTestDatabase(admin, name);
      await admin.end();
    },
  };
}

/** Starts the real product (`living-report serve`) on a fresh database and waits until it is ready. */
export async function startProductServer(engine: Engine, env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "lr-e2e-"));
  let dropDatabase = async () => {};
  const extra: Record<string, string> = {};
  if (engine === "postgres") {
    const database = await createPostgresDatabase();
    extra.DATABASE_URL = database.url;
    extra.DEMO = "1"; // off by default with DATABASE_URL; the tests start from the demo as on PGlite
    dropDatabase = () => database.drop();
  }
  const cleanup = async () => {
    await dropDatabase();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return spawnServer({ DATA_DIR: dataDir, ...extra, ...env }, "", cleanup);
}

/** Starts the real product with exactly this environment (DATA_DIR, DATABASE_URL…); stop() runs cleanup. */
export const startProductServerWith = (env: Record<string, string>, cleanup: () => Promise<void> = async () => {}) => spawnServer(env, "", cleanup);

async function spawnServer(env: Record<string, string>, earlierOutput: string, cleanup: () => Promise<void>): Promise<RunningServer> {
  // A test that must know the address before the start (PUBLIC_URL in mailed links) passes its own PORT.
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const child: ChildProcess = spawn(process.execPath, ["bin/living-report.mjs", "serve"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = earlierOutput;
  child.stdout!.on("data", (d) => (output += String(d)));
  child.stderr!.on("data", (d) => (output += String(d)));
  const url = `http://127.0.0.1:${port}`;
  // A first start (initdb, migrations, demo) on a busy shared machine can take a minute or more.
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Server exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL"); // not left running behind the failed test
      throw new Error(`Server not ready in 180 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  const exited = () => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once("exit", r)));
  return {
    url,
    pid: child.pid!,
    env,
    output: () => output,
    async kill() {
      child.kill("SIGKILL");
      await exited();
    },
    restart: () => spawnServer(env, output, cleanup),
    async stop() {
      child.kill("SIGTERM");
      await exited();
      await cleanup();
    },
  };
}
