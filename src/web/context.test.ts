import { describe, expect, it } from "vitest";
import { safeNext } from "#src/web/context.ts";

describe("safeNext", () => {
  it("keeps local paths and refuses everything that could leave the site", () => {
    expect(safeNext("/admin/users?role=admin")).toBe("/admin/users?role=admin");
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "/a\nb", 42, undefined, ""]) {
      expect(safeNext(bad)).toBe("/");
    }
  });
});
