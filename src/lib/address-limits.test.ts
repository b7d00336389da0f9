import { describe, expect, it } from "vitest";
import { addressKey, clientKey, formAddress } from "#src/lib/address-limits.ts";

describe("what the limits count by", () => {
  it("counts the address a form names as it is looked up", () => {
    expect(formAddress({ email: "  Ana@Ｅxample.org " })).toBe("ana@example.org");
    expect(formAddress({ email: ["x"] })).toBe("");
    expect(formAddress(null)).toBe("");
    expect(formAddress({ email: "x".repeat(300) })).toHaveLength(255);
  });

  it("keys an address by its hash, one key per address, never the address itself", () => {
    const key = addressKey("ana@example.org");
    expect(key).not.toContain("ana");
    expect(key).not.toContain("example");
    expect(addressKey(formAddress({ email: " ANA@example.org" }))).toBe(key);
    expect(addressKey("ana@example.com")).not.toBe(key);
  });

  it("keys a client by its IPv4 address, or by its IPv6 /64 network", () => {
    expect(clientKey("192.0.2.1")).toBe("192.0.2.1");
    expect(clientKey("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(clientKey("::FFFF:c000:0201")).toBe("192.0.2.1");
    expect(clientKey("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:DB8:1:2::99")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:db8:1:3::1")).not.toBe(clientKey("2001:db8:1:2::1"));
    expect(clientKey("::1")).toBe("0:0:0:0::/64");
    expect(clientKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(clientKey("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
  });
});
