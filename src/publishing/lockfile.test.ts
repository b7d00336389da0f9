import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain script without type declarations
import { missingEntries } from "../../scripts/complete-lock.mjs";

// `npm ci` refuses a lockfile that lacks any optional platform package of a native dependency,
// even one for another platform. This fails when an `npm install` dropped them: run
// `node scripts/complete-lock.mjs` to put them back.
describe("package-lock.json", () => {
  it("lists every platform package of the Typst compiler", () => {
    const lock = JSON.parse(readFileSync(new URL("../../package-lock.json", import.meta.url), "utf8"));
    expect(lock.packages["node_modules/@myriaddreamin/typst-ts-node-compiler"].optionalDependencies).toBeDefined();
    expect(missingEntries(lock)).toEqual([]);
  });
});
