import { describe, expect, it } from "vitest";
import { AddressLimit, formAddress } from "#src/lib/address-limits.ts";

describe("requests per address", () => {
  it("lets an address through its share, then answers the seconds left in its window", () => {
    const limit = new AddressLimit(60_000, 2);
    expect(limit.take("a@example.org", 0)).toBeNull();
    expect(limit.take("a@example.org", 1000)).toBeNull();
    expect(limit.take("a@example.org", 1500)).toBe(59);
    expect(limit.take("b@example.org", 1500)).toBeNull();
    // A new window starts once the first one is over; clearing starts one at once.
    expect(limit.take("a@example.org", 60_000)).toBeNull();
    limit.take("a@example.org", 60_001);
    limit.clear("a@example.org");
    expect(limit.take("a@example.org", 60_002)).toBeNull();
  });

  it("counts the address a form names as it is looked up", () => {
    expect(formAddress({ email: "  Ana@Ｅxample.org " })).toBe("ana@example.org");
    expect(formAddress({ email: ["x"] })).toBe("");
    expect(formAddress(null)).toBe("");
    expect(formAddress({ email: "x".repeat(300) })).toHaveLength(255);
  });
});
