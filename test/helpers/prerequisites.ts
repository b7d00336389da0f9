import { spawnSync } from "node:child_process";

type Env = Record<string, string | undefined>;

/** Whether the tests run in continuous integration (CI set, as CI services do, to anything but false or 0). */
export const inCi = (env: Env = process.env) => Boolean(env.CI) && !["false", "0"].includes(env.CI!.toLowerCase());

/**
 * Answers whether something the tests need is there. When it is missing, CI fails the run with a
 * message naming it and how to install it; elsewhere the tests that need it are skipped, and the
 * same message says so.
 */
export function prerequisite(what: string, present: boolean, install: string, env: Env = process.env): boolean {
  if (present) return true;
  const message = `${what} is missing (${install})`;
  if (inCi(env)) throw new Error(`${message}. CI runs every suite, so this fails the run (without CI, the tests that need it are skipped).`);
  console.warn(`${message}: the tests that need it are skipped.`);
  return false;
}

/** Whether a command runs: `command --version` exits with 0. */
export const hasCommand = (command: string) => spawnSync(command, ["--version"], { stdio: "ignore" }).status === 0;

/** The PostgreSQL server the suites create their databases on (TEST_DATABASE_URL); required in CI. */
export function testDatabaseUrl(env: Env = process.env): string | undefined {
  const url = env.TEST_DATABASE_URL || undefined;
  prerequisite("TEST_DATABASE_URL", url !== undefined, "set it to a PostgreSQL role that may create databases, e.g. postgres://lr_test:lr_test@localhost:5432/lr_test", env);
  return url;
}
