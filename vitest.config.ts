import { defineConfig } from "vitest/config";

// Three tiers: unit tests beside the code; the database suite (PGlite always, PostgreSQL when
// TEST_DATABASE_URL is set: the same files, a fresh database per file); browser tests in e2e/.
const dbFiles = ["src/**/*.db.test.ts", "test/**/*.test.ts"];
const dbProject = (engine: "pglite" | "postgres") => ({
  test: {
    name: `db-${engine}`,
    include: dbFiles,
    globalSetup: ["test/setup/database.ts"],
    provide: { testEngine: engine },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      // A shared machine can be slow: the default 5 s is too tight for the archive and Typst tests.
      { test: { name: "unit", include: ["src/**/*.test.ts"], exclude: ["src/**/*.db.test.ts"], testTimeout: 30_000 } },
      dbProject("pglite"),
      ...(process.env.TEST_DATABASE_URL ? [dbProject("postgres")] : []),
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
