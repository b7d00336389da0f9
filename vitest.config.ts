import { defineConfig } from "vitest/config";
import { inCi } from "./test/helpers/prerequisites.ts";

// Three tiers: unit tests beside the code; the database suite (PGlite always, PostgreSQL when
// TEST_DATABASE_URL is set: the same files, a fresh database per file); browser tests in e2e/.
// Tests that measure the event loop run alone ("solo-*"), after the database suite: other test
// files running beside them on a small machine would delay the loop and make them fail at random.
const dbFiles = ["src/**/*.db.test.ts", "test/**/*.test.ts"];
const soloFiles = ["test/hostile-input.test.ts"];
const dbProject = (engine: "pglite" | "postgres", solo = false) => ({
  test: {
    name: `${solo ? "solo" : "db"}-${engine}`,
    include: solo ? soloFiles : dbFiles,
    exclude: solo ? [] : soloFiles,
    fileParallelism: !solo,
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
      dbProject("pglite", true),
      // In CI the PostgreSQL suite always runs: its setup fails the run when TEST_DATABASE_URL is missing.
      ...(process.env.TEST_DATABASE_URL || inCi() ? [dbProject("postgres"), dbProject("postgres", true)] : []),
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
