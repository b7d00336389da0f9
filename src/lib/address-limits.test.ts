import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readSignedToken, signToken } from "#src/features/mail/signed.ts";
import { addressKey, clientKey, formAddress } from "#src/lib/address-limits.ts";

describe("what the limits count by", () => {
  it("counts the address a form names as it is looked up", () => {
    expect(formAddress({ email: "  Ana@Ｅxample.org " })).toBe("ana@example.org");
    expect(formAddress({ email: ["x"] })).toBe("");
    expect(formAddress(null)).toBe("");
    expect(formAddress({ email: "x".repeat(300) })).toHaveLength(255);
  });

  it("keys an address by its HMAC under the secret: one key per address and secret, never the address, not its plain hash", () => {
    const secret = "a session secret of at least thirty-two characters";
    const key = addressKey(secret, "ana@example.org");
    expect(key).not.toContain("ana");
    expect(key).not.toContain("example");
    expect(addressKey(secret, formAddress({ email: " ANA@example.org" }))).toBe(key);
    expect(addressKey(secret, "ana@example.com")).not.toBe(key);
    // A dictionary of addresses hashed without the secret matches nothing stored.
    expect(key).not.toBe(createHash("sha256").update("ana@example.org").digest("base64url"));
    expect(addressKey("another secret of at least thirty-two characters", "ana@example.org")).not.toBe(key);
  });

  it("never stores a key that is a signed link's signature, whatever is typed as the address", () => {
    const secret = "a session secret of at least thirty-two characters";
    const typed = Buffer.from("subscription:00000000-0000-4000-8000-000000000000").toString("base64url");
    expect(readSignedToken(secret, `${typed}.${addressKey(secret, typed)}`)).toBeUndefined();
    expect(readSignedToken(secret, signToken(secret, "subscription:00000000-0000-4000-8000-000000000000"))).toBeDefined();
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
