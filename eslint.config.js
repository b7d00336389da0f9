import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

// Type-aware linting: the compiler checks types, this catches what it lets through, first of all
// promises nobody waits for (a failure that vanishes, a response sent before the work is done).
// The recommended type-checked set, minus rules that restate the compiler or would need hundreds
// of edits for little gain, plus the check that a switch over a union forgets no case.
export default defineConfig(
  globalIgnores(["dist/", "data/", "coverage/", ".tmp/", "drizzle/"]),
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          // Scripts and plain JavaScript sit outside tsconfig.json: they get its options in a default project.
          allowDefaultProject: ["*.js", "*.cjs", "scripts/*.ts", "scripts/*.mjs", "bench/*.mjs", "bin/*.mjs", "src/*.mjs", "src/publishing/*.mjs", "test/fixtures/*.mjs"],
          maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 40,
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      // A default branch counts: the check is for switches that forget a case and have no fallback.
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      // Rejecting with an abort signal's reason (`any`) is how cancellation is passed on.
      "@typescript-eslint/prefer-promise-reject-errors": ["error", { allowThrowingAny: true, allowThrowingUnknown: true }],
      // Template strings are checked (restrict-template-expressions); an explicit String() is how
      // untyped form and database values are coerced on purpose.
      "@typescript-eslint/no-base-to-string": "off",
      // We declare no enums; the message parser's element types are compared by number, as
      // intl-messageformat does not export its enum.
      "@typescript-eslint/no-unsafe-enum-comparison": "off",
      // The compiler already reports unused locals (noUnusedLocals).
      "@typescript-eslint/no-unused-vars": "off",
      // Fastify plugins are async functions by contract, with or without an await inside.
      "@typescript-eslint/require-await": "off",
      // Parsed JSON and third-party data are `any` in many tests and adapters: hundreds of casts for little gain.
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  {
    // Plain JavaScript has only inferred types, too loose for this check (a tuple reads as an array of unions).
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    rules: { "@typescript-eslint/restrict-template-expressions": "off" },
  },
  {
    // Browser scripts: no Node types to check them against.
    files: ["src/web/assets/**/*.js"],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
