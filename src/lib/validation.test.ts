import { describe, expect, it } from "vitest";
import { z } from "zod";
import { email, optionalDate, optionalText, parseInput, requiredText } from "#src/lib/validation.ts";

const Schema = z.object({ name: requiredText(10), email: email(), note: optionalText(5), day: optionalDate() });

describe("parseInput", () => {
  it("trims, lower-cases e-mail and turns blanks into null", () => {
    expect(parseInput(Schema, { name: "  Ada ", email: " ADA@Example.ORG ", note: "  ", day: "" })).toEqual({ name: "Ada", email: "ada@example.org", note: null, day: null });
  });

  it("reports every faulty field with a message key", () => {
    try {
      parseInput(Schema, { name: "", email: "not-an-address", note: "far too long", day: "2024-13-45" });
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: "VALIDATION_FAILED", status: 400, fields: { name: "field.required", email: "field.email", note: "field.tooLong", day: "field.date" } });
    }
  });

  it("refuses control characters and non-string values", () => {
    expect(() => parseInput(Schema, { name: "a\u0000b", email: "a@b.org" })).toThrow();
    expect(() => parseInput(Schema, { name: ["x"], email: "a@b.org" })).toThrow();
    expect(() => parseInput(Schema, "just a string")).toThrow();
  });
});
