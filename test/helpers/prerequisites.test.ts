import { describe, expect, it, vi } from "vitest";
import { inCi, prerequisite, testDatabaseUrl } from "#test/helpers/prerequisites.ts";

describe("test prerequisites", () => {
  it("fail the run in CI, naming what is missing and how to get it", () => {
    for (const CI of ["true", "1", "yes"]) {
      expect(inCi({ CI })).toBe(true);
      expect(() => prerequisite("Chromium at /nowhere", false, "apt-get install chromium", { CI })).toThrow(/Chromium at \/nowhere is missing \(apt-get install chromium\)/);
      expect(() => testDatabaseUrl({ CI })).toThrow(/TEST_DATABASE_URL is missing \(set it to a PostgreSQL role/);
    }
  });

  it("skip with a message elsewhere, and pass when present", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      for (const CI of [undefined, "", "false", "0"]) {
        expect(inCi({ CI })).toBe(false);
        expect(prerequisite("LibreOffice", false, "apt-get install libreoffice-writer-nogui", { CI })).toBe(false);
        expect(testDatabaseUrl({ CI })).toBeUndefined();
      }
      expect(warn).toHaveBeenCalledWith("LibreOffice is missing (apt-get install libreoffice-writer-nogui): the tests that need it are skipped.");
      expect(prerequisite("LibreOffice", true, "apt-get install libreoffice-writer-nogui", { CI: "true" })).toBe(true);
      expect(testDatabaseUrl({ CI: "true", TEST_DATABASE_URL: "postgres://u:p@h/db" })).toBe("postgres://u:p@h/db");
    } finally {
      warn.mockRestore();
    }
  });
});
